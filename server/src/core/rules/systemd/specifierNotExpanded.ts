import { checkSystemdValue } from '../../knowledge/values/systemd';
import { SPECIFIERS } from '../../knowledge/values/systemdData';
import { valueSubSpan } from '../../syntax/ast';
import type { Rule } from '../rule';
import { cxOf, knownEntries } from './context';

/** Value types in which a % is a percent sign, never a specifier. */
const PERCENT_TYPES = ['percent', 'memory-limit', 'tasks-max', 'size-or-percent', 'ignored'];

export const specifierNotExpanded: Rule = {
  id: 'systemd/specifier-not-expanded',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A %-specifier (%i, %n, %h, ...) in a setting whose value systemd does not expand: it stays a literal %i.',
  check(ctx) {
    const cx = cxOf(ctx);
    for (const { e, d } of knownEntries(ctx.doc)) {
      if (d.expands || PERCENT_TYPES.includes(d.type) || !/%[A-Za-z]/.test(e.value)) continue;
      // Values that fail to parse anyway are reported by systemd/invalid-value (with a note on specifiers).
      if (checkSystemdValue(d, e.value, cx)) continue;
      const m = /%([A-Za-z])/.exec(e.value)!;
      if (!SPECIFIERS[m[1]]) continue;
      ctx.report({
        span: valueSubSpan(e, m.index, m.index + 2),
        message: `systemd does not expand specifiers in ${e.key}=: '%${m[1]}' (${SPECIFIERS[m[1]].text}) stays literally '%${m[1]}' in the value. Write the value out.`,
      });
    }
  },
};
