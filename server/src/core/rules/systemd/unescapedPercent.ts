import { valueSubSpan } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

export const unescapedPercent: Rule = {
  id: 'systemd/unescaped-percent',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A date or printf format (+%Y-%m-%d) in an Exec*= line: systemd expands %m, %d, %Y ... as specifiers first; write %% for a literal percent.',
  check(ctx) {
    // In settings that expand specifiers, a date format such as +%Y-%m-%d is eaten by the specifier expansion.
    for (const { e, d } of knownEntries(ctx.doc)) {
      if (!d.expands || d.type !== 'exec-command') continue;
      const re = /(^|\s)(['"]?\+[^\s]*%[A-Za-z][^\s]*)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(e.value))) {
        const start = m.index + m[1].length;
        const word = m[2];
        if (!/(?<!%)%[A-Za-z]/.test(word)) continue;
        const doubled = word.replace(/%(%|[A-Za-z])/g, (all, c) => (c === '%' ? all : `%%${c}`));
        ctx.report({
          span: valueSubSpan(e, start, start + word.length),
          message: `systemd expands %-specifiers in ${e.key}= before the command runs, so the format '${word}' reaches the program with %m, %d, %Y and friends already replaced (machine ID, credentials directory, unit directory, ...). Write %% for each literal percent sign.`,
          fixes: [fix('Double the percent signs', ctx.doc, [replaceSpan(ctx.doc, valueSubSpan(e, start, start + word.length), doubled)])],
        });
      }
    }
  },
};
