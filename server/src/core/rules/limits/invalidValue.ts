import { LIMIT_ITEMS, LIMIT_UNITS, readLimitValue } from '../../knowledge/limits';
import { closest } from '../../text';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

const TYPES = ['soft', 'hard', '-'];

export const limitsInvalidValue: Rule = {
  id: 'limits/invalid-value',
  dialect: 'limits-conf',
  severity: 'error',
  summary: 'A limits.conf line with an unknown type or item (pam_limits skips it), or a value pam_limits rejects or reads as something else (64k as 64, 0x10000 as 0, -2 as a huge number).',
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
      const r = readLimitValue(item, l.value);
      const both = type === '-' ? 'soft and hard' : type;
      if (r.kind === 'rejected') {
        const want = item === 'nonewprivs' ? '0 or 1' : `a number${r.unlimitedAllowed ? ' or unlimited' : ''}`;
        const effect = item === 'nonewprivs'
          ? 'pam_limits logs "wrong limit value" and turns no_new_privs off'
          : 'pam_limits skips the line (logging "wrong limit value" only at debug priority), so the limit is not set';
        ctx.report({ span: l.spans.value, message: `'${l.value}' is not a valid value for ${item}: use ${want}. ${effect}.` });
        continue;
      }
      if (r.kind === 'misread') {
        const limit = item === 'maxlogins' || item === 'maxsyslogins' ? `${item} limit` : `${both} ${item} limit`;
        const hex = /^0x([0-9a-f]+)$/i.exec(l.value);
        const decimal = hex ? BigInt(`0x${hex[1]}`).toString() : undefined;
        let message: string;
        if (r.wrapped || r.unlimited) {
          const how = r.wrapped ? `'${l.value}' as ${r.read}: a negative number wraps around to a huge one${r.ignored ? ` (and '${r.ignored}' is ignored)` : ''}` : `'${l.value}' as unlimited: the number is too large`;
          const lowered = type === 'soft' ? ' (a soft limit above the hard limit is lowered to it)' : '';
          const effect = item === 'nofile' && type !== 'soft' && !r.unlimited
            ? `, far above fs.nr_open: setrlimit fails for the hard ${item} limit, and pam_limits then refuses the login`
            : `, so the ${limit} is ${r.unlimited ? '' : 'practically '}removed${lowered}`;
          message = `pam_limits reads ${how}${effect}. Use a positive number, or unlimited if no limit is meant.`;
        } else {
          const unit = LIMIT_UNITS[item] ? ` ${LIMIT_UNITS[item]}` : '';
          const why = hex ? ' (hexadecimal is not understood)' : '';
          const power = unit ? -1 : ['k', 'm', 'g'].indexOf(r.ignored);
          const example = power >= 0 ? ` (${l.value} as ${r.read}×${1024 ** (power + 1)} is ${BigInt(r.read) * 1024n ** BigInt(power + 1)})` : '';
          message = `pam_limits reads '${l.value}' as ${r.read}: it takes only the leading decimal digits and ignores '${r.ignored}'${why}, so logins get a ${limit} of ${r.read}${unit}. Write the whole number in decimal digits${decimal ? `: ${decimal}` : example}.`;
        }
        ctx.report({
          span: l.spans.value,
          message,
          fixes: decimal ? [fix(`Use ${decimal}`, doc, [replaceSpan(doc, l.spans.value, decimal)])] : [],
        });
        continue;
      }
      if (item === 'nofile' && r.unlimited) {
        const soft = type === 'soft';
        ctx.report({
          span: l.spans.value,
          severity: soft ? 'info' : 'warning',
          message: soft
            ? `nofile ${l.value}: Linux-PAM 1.5.2 and later (Debian 12) use the value of fs.nr_open instead (1048576 unless changed), older releases infinity; either way a soft limit above the hard limit is lowered to it. Write the number you mean, such as 1048576, so every release reads the same.`
            : `nofile ${l.value}: Linux-PAM 1.5.2 and later (Debian 12) use the value of fs.nr_open instead (1048576 unless changed), but older releases (1.4.0 in Debian 11) pass infinity to setrlimit, which the kernel refuses for open files, and pam_limits then refuses the login. Write the number you mean, such as 1048576.`,
          fixes: [fix('Use 1048576', doc, [replaceSpan(doc, l.spans.value, '1048576')])],
        });
      }
    }
  },
};
