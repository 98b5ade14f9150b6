import { basename, dirname, uriToPath } from '../../paths';
import type { Rule } from '../rule';
import { holdsSection } from '../../syntax/ast';
import { effectiveValue, isDropInDoc, isMasked, unitAnchor, unitNameOfDoc } from './context';

export const timerWithoutUnit: Rule = {
  id: 'systemd/timer-without-unit',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A timer whose unit to start (Unit=, or the service of the same name) is not among the files next to it: the timer fires and nothing runs.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const name = unitNameOfDoc(doc);
    if (isDropInDoc(doc) || !name.endsWith('.timer') || isMasked(doc)) return;
    const unitEntry = effectiveValue(ws, doc, 'Timer', 'Unit');
    const target = unitEntry?.value ?? name.replace(/\.timer$/, '.service');
    if (target.includes('%') || ws.unitNamed(target)) return;
    // Only say so when the folder is visibly in the workspace (some other unit sits next to the timer).
    const dir = dirname(uriToPath(doc.uri));
    const neighbours = ws.all('systemd-unit').filter((u) => u.uri !== doc.uri && dirname(uriToPath(u.uri)) === dir && !basename(uriToPath(u.uri)).endsWith('.timer'));
    if (neighbours.length === 0) return;
    const template = target.replace(/@[^.]+\./, '@.');
    if (template !== target && ws.unitNamed(template)) return;
    ctx.report({
      span: unitEntry && unitEntry.section.entries.includes(unitEntry) && holdsSection(doc, unitEntry.section) ? unitEntry.valueSpan : unitAnchor(doc, 'Timer'),
      message: unitEntry
        ? `This timer starts ${target} (Unit=), but there is no such unit next to it: when the timer elapses, starting the unit fails. Check the name, or add the unit.`
        : `This timer starts ${target} (a timer starts the unit of its own name unless Unit= says otherwise), but there is no ${target} next to it. Add the service, or name the unit to start with Unit=.`,
    });
  },
};
