import { parseExecLines } from '../../knowledge/values/systemdExec';
import { valueSubSpan } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

export const execEnvExpansion: Rule = {
  id: 'systemd/exec-env-expansion',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A $VAR inside a word of an Exec*= line (--opt=$VAR): systemd expands $VAR only as a whole word; inside a word it needs ${VAR}.',
  check(ctx) {
    const doc = ctx.doc;
    for (const { e, d } of knownEntries(doc)) {
      if (d.type !== 'exec-command') continue;
      for (const line of parseExecLines(e.value)) {
        if (!line.program || line.noEnvExpand) continue;
        for (const tok of [line.program, ...line.args]) {
          const raw = e.value.slice(tok.start, tok.end);
          if (tok.quoted && raw.startsWith("'")) continue;
          const re = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
          let m: RegExpExecArray | null;
          while ((m = re.exec(raw))) {
            if (m.index > 0 && raw[m.index - 1] === '$') continue; // $$ is a literal dollar
            if (m.index === 0 && m[0].length === raw.length) continue; // a whole word: expanded (and split)
            const at = tok.start + m.index;
            ctx.report({
              span: valueSubSpan(e, at, at + m[0].length),
              message: `systemd replaces $${m[1]} only when it stands alone as a word; inside '${raw}' it is passed on literally as '$${m[1]}'. Write \${${m[1]}} to substitute the variable inside a word.`,
              fixes: [fix(`Write \${${m[1]}}`, doc, [replaceSpan(doc, valueSubSpan(e, at, at + m[0].length), `\${${m[1]}}`)])],
            });
          }
        }
      }
    }
  },
};
