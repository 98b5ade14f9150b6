import { checkSystemdValue } from '../../knowledge/values/systemd';
import { execTokens } from '../../knowledge/values/systemdExec';
import { valueSubSpan } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { cxOf, knownEntries } from './context';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Control characters as the escapes systemd reads back inside double quotes. */
const ESCAPED: Record<string, string> = { '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r' };

export const environmentUnquotedSpace: Rule = {
  id: 'systemd/environment-unquoted-space',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'Environment=NAME=a b: systemd splits the value at spaces, sets NAME=a and rejects b; quote the whole assignment.',
  check(ctx) {
    const doc = ctx.doc;
    for (const { e, d } of knownEntries(doc)) {
      if (d.type !== 'env-assignments') continue;
      const toks = execTokens(e.value);
      for (let i = 0; i < toks.length; i++) {
        if (!ASSIGNMENT.test(toks[i].text)) continue;
        let j = i + 1;
        while (j < toks.length && !toks[j].text.includes('=')) j++;
        if (j === i + 1) continue;
        const first = toks[i];
        const orphans = toks.slice(i + 1, j);
        const last = orphans[orphans.length - 1];
        const name = first.text.slice(0, first.text.indexOf('='));
        // The assignment as systemd reads it (its quotes and escapes are syntax: they may hold the
        // name), then the stray words as written, one space apart; the whole in double quotes, with
        // the quotes, backslashes and control characters of the text escaped.
        const intended = `${first.text} ${orphans.map((o) => e.value.slice(o.start, o.end)).join(' ')}`;
        const quoted = `"${intended.replace(/["\\\x07\b\t\n\v\f\r]/g, (c) => `\\${ESCAPED[c] ?? c}`)}"`;
        // A line systemd ignores for another reason (a '%' that is no specifier) stays ignored once quoted: no fix then.
        const after = e.value.slice(0, first.start) + quoted + e.value.slice(last.end);
        const fixable = !checkSystemdValue(d, after, cxOf(ctx));
        ctx.report({
          span: valueSubSpan(e, orphans[0].start, last.end),
          message: `Environment= splits its value at whitespace: ${name} gets '${first.text.slice(name.length + 1)}' and systemd rejects '${orphans.map((o) => o.text).join(' ')}' as ${orphans.length > 1 ? 'words' : 'a word'} without '='. To set ${intended.replace(/^([^=]*)=/, '$1 to \'')}', quote the whole assignment: ${quoted}.`,
          fixes: fixable ? [fix(`Quote the assignment of ${name}`, doc, [replaceSpan(doc, valueSubSpan(e, first.start, last.end), quoted)])] : [],
        });
        i = j - 1;
      }
    }
  },
};
