import { checkSystemdValue } from '../../knowledge/values/systemd';
import type { Directive } from '../../knowledge/systemd';
import { valueSubSpan, type Entry } from '../../syntax/ast';
import { closest } from '../../text';
import type { Fix } from '../../types';
import { fix, replaceSpan } from '../fixes';
import type { Rule, RuleContext } from '../rule';
import { cxOf, inlineCommentStart, knownEntries } from './context';

const BOOLEAN_WORDS = ['yes', 'no', 'true', 'false', 'on', 'off'];

/** A replacement when the intended word is clear: a case slip or a near miss of an enum or boolean word. */
function suggestion(ctx: RuleContext, e: Entry, d: Directive, start: number, end: number): Fix[] {
  const bad = e.value.slice(start, end);
  let words: string[] = [];
  if (d.values && start === 0 && end === e.value.length) words = d.values;
  else if (d.type.startsWith('boolean')) words = BOOLEAN_WORDS;
  else if (d.type === 'rlimit') words = ['infinity'];
  else return [];
  const exact = words.find((w) => w.toLowerCase() === bad.toLowerCase());
  const near = exact ?? closest(bad, words);
  if (!near || near === bad || (d.type === 'rlimit' && bad.length < 4)) return [];
  const cx = cxOf(ctx);
  const fixed = e.value.slice(0, start) + near + e.value.slice(end);
  if (checkSystemdValue(d, fixed, cx)) return [];
  return [fix(`Change to '${near}'`, ctx.doc, [replaceSpan(ctx.doc, valueSubSpan(e, start, end), near)], !!exact)];
}

export const invalidValue: Rule = {
  id: 'systemd/invalid-value',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A value the directive does not accept (booleans, numbers, sizes, time spans, calendar events, resource limits, enums such as Restart=, signals, paths, unit names, addresses, ...); systemd ignores the line or refuses the unit.',
  check(ctx) {
    const cx = cxOf(ctx);
    for (const { e, d } of knownEntries(ctx.doc)) {
      const problem = checkSystemdValue(d, e.value, cx);
      if (!problem) continue;
      // A trailing comment that breaks the value: systemd/inline-comment reports it.
      const hash = inlineCommentStart(d, e.value);
      if (hash > 0 && !checkSystemdValue(d, e.value.slice(0, hash).trimEnd(), cx)) continue;
      // A backslash that failed to continue the line: systemd/continuation-whitespace reports it.
      if (e.value.endsWith('\\') && !checkSystemdValue(d, e.value.slice(0, -1).trimEnd(), cx) && /\\[ \t]+$/.test(ctx.doc.text.slice(ctx.doc.index.lineStarts[e.endLine], ctx.doc.index.lineEnd(e.endLine)))) continue;
      ctx.report({
        span: valueSubSpan(e, problem.start, problem.end),
        message: problem.message,
        severity: problem.severity,
        docUrl: d.url,
        fixes: suggestion(ctx, e, d, problem.start, problem.end),
      });
    }
  },
};
