import { LIMIT_ITEMS } from '../../knowledge/limits';
import { closest } from '../../text';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

const TYPES = ['soft', 'hard', '-'];
const UNLIMITED = ['unlimited', 'infinity', '-1'];
/** Items whose value is a signed number (a nice level or priority). */
const SIGNED = ['priority', 'nice'];
/** Items pam_limits takes as plain numbers with no "unlimited". */
const COUNT_ONLY = ['maxlogins', 'maxsyslogins', 'nonewprivs'];

export const limitsInvalidValue: Rule = {
  id: 'limits/invalid-value',
  dialect: 'limits-conf',
  severity: 'error',
  summary: 'A limits.conf line with an unknown type or item, or a value that is not a number (or unlimited); pam_limits skips it.',
  check(ctx) {
    const doc = ctx.doc;
    for (const l of doc.limits) {
      const type = l.type.toLowerCase();
      const item = l.item.toLowerCase();
      if (!TYPES.includes(type)) {
        const s = closest(type, ['soft', 'hard']);
        ctx.report({
          span: l.spans.type,
          message: `Unknown limit type '${l.type}': use soft, hard or - (both). pam_limits skips the line, so the limit is not set.${s ? ` Did you mean '${s}'?` : ''}`,
          fixes: s ? [fix(`Change to '${s}'`, doc, [replaceSpan(doc, l.spans.type, s)])] : [],
        });
        continue;
      }
      if (!(item in LIMIT_ITEMS)) {
        const s = closest(item, Object.keys(LIMIT_ITEMS));
        ctx.report({
          span: l.spans.item,
          message: `Unknown limit item '${l.item}': pam_limits skips the line, so the limit is not set.${s ? ` Did you mean '${s}'?` : ''}`,
          fixes: s ? [fix(`Change to '${s}'`, doc, [replaceSpan(doc, l.spans.item, s)])] : [],
        });
        continue;
      }
      if (item === 'chroot') continue; // a directory, not a number
      const v = l.value.toLowerCase();
      const numberOk = SIGNED.includes(item) ? /^[+-]?\d+$/.test(v) : /^\d+$/.test(v);
      const unlimitedOk = UNLIMITED.includes(v) && !COUNT_ONLY.includes(item);
      if (!numberOk && !unlimitedOk) {
        ctx.report({ span: l.spans.value, message: `'${l.value}' is not a valid value for ${item}: use a number${COUNT_ONLY.includes(item) ? '' : ' or unlimited'}. pam_limits skips the line.` });
        continue;
      }
      if (item === 'nofile' && unlimitedOk) {
        ctx.report({
          span: l.spans.value,
          severity: 'warning',
          message: `nofile cannot be unlimited: the kernel caps open files at fs.nr_open, setrlimit fails, and PAM may refuse the login. Use a number such as 1048576.`,
          fixes: [fix('Use 1048576', doc, [replaceSpan(doc, l.spans.value, '1048576')])],
        });
      }
    }
  },
};
