import { parseExecLines } from '../../knowledge/values/systemdExec';
import type { Rule } from '../rule';
import { effective, effectiveValue, inDoc, isDropInDoc, isMasked, unitNameOfDoc, unitOf } from './context';

export const multipleExecStart: Rule = {
  id: 'systemd/multiple-exec-start',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'More than one ExecStart= command in a service that is not Type=oneshot (often a drop-in that adds one without clearing the old with an empty ExecStart=); systemd refuses the unit.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    if (!unitNameOfDoc(doc).endsWith('.service') || isMasked(doc)) return;
    const unit = unitOf(ws, doc);
    if (!unit || (isDropInDoc(unit) && unit !== doc)) return;
    const type = effectiveValue(ws, unit, 'Service', 'Type')?.value;
    if (type === 'oneshot') return;
    const starts = effective(ws, unit, 'Service', 'ExecStart');
    const commands = starts.flatMap((e) => parseExecLines(e.value).map(() => e));
    if (commands.length < 2) return;
    const second = commands[1];
    if (!inDoc(doc, second)) return;
    const dropIn = isDropInDoc(doc);
    const own = commands.filter((e) => inDoc(doc, e)).length;
    // The usual mistake: a drop-in's one command added to the unit's. Clearing the list first
    // leaves just that command. With several of its own, which one is meant is the user's call.
    const clears = dropIn && !inDoc(doc, commands[0]) && commands.length === 2;
    let advice: string;
    if (!dropIn) advice = ' Keep one command, move extra ones to ExecStartPre=/ExecStartPost=, or set Type=oneshot.';
    else if (own > 1) advice = ` This drop-in has ${own} of them itself: keep one${inDoc(doc, commands[0]) ? '' : ` (after an empty "ExecStart=" line that clears the unit's)`}, or move the others to ExecStartPre=/ExecStartPost=.`;
    else advice = ' A drop-in that replaces the command must first clear the old one with an empty "ExecStart=" line.';
    ctx.report({
      span: second.keySpan,
      message: `This service has ${commands.length} ExecStart= commands, but only Type=oneshot services may have more than one: systemd refuses to load it.${advice}`,
      fixes: clears
        ? [{ title: 'Clear the earlier ExecStart= first', preferred: true, changes: [{ uri: doc.uri, edits: [{ range: doc.index.rangeOf({ start: second.span.start, end: second.span.start }), newText: `ExecStart=${doc.index.eol}` }] }] }]
        : [],
    });
  },
};
