import { parseExecLines, type ExecLine, type ExecToken } from '../../knowledge/values/systemdExec';
import { valueSubSpan, type Entry } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

const SHELLS = ['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'busybox', 'fish', 'mksh'];
const OPERATORS = ['|', '||', '&&', '&', '>', '>>', '<', '<<', '2>', '2>>', '&>', '&>>', '2>&1', '1>&2', '>&2', '>&1', '|&', ';;'];

/** What a token means to a shell, when it is shell syntax systemd passes on literally. */
export function shellSyntax(raw: string, tok: ExecToken): string | undefined {
  if (tok.quoted) return undefined;
  if (OPERATORS.includes(raw)) {
    if (raw.includes('>') || raw.includes('<')) return 'a redirection';
    if (raw === '|' || raw === '|&') return 'a pipe';
    if (raw === '&') return 'backgrounding';
    return `the shell operator ${raw}`;
  }
  if (/^(\d?>>?|&>>?|<)[^&>|<\s]/.test(raw)) return 'a redirection';
  if (raw.includes('`')) return 'command substitution with backticks';
  if (raw.includes('$(')) return 'command substitution with $(...)';
  if (raw.length > 1 && raw.endsWith(';') && !raw.endsWith('\\;')) return "a ';' attached to a word (systemd separates commands only with a lone ' ; ')";
  return undefined;
}

function isShellCommand(line: ExecLine): boolean {
  const prog = line.program?.text ?? '';
  const base = prog.slice(prog.lastIndexOf('/') + 1);
  return SHELLS.includes(base) && line.args.some((a) => a.text === '-c' || /^-[a-z]*c$/.test(a.text));
}

/** The fix: run the command (everything after the prefixes) through /bin/sh -c '...'. */
export function wrapInShell(e: Entry, line: ExecLine): { span: { start: number; end: number }; text: string } {
  const start = line.program!.start;
  const raw = e.value.slice(start, line.end);
  return { span: valueSubSpan(e, start, line.end), text: `/bin/sh -c '${raw.replace(/'/g, `'\\''`)}'` };
}

export const execShellSyntax: Rule = {
  id: 'systemd/exec-shell-syntax',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'Shell syntax (|, >, >>, &&, backticks, $(...), word;) in an Exec*= line: systemd runs no shell and passes it to the program as arguments.',
  check(ctx) {
    const doc = ctx.doc;
    for (const { e, d } of knownEntries(doc)) {
      if (d.type !== 'exec-command') continue;
      for (const line of parseExecLines(e.value)) {
        if (!line.program || isShellCommand(line)) continue;
        for (const tok of line.args) {
          const raw = e.value.slice(tok.start, tok.end);
          const what = shellSyntax(raw, tok);
          if (!what) continue;
          const w = wrapInShell(e, line);
          ctx.report({
            span: valueSubSpan(e, tok.start, tok.end),
            message: `'${raw}' is ${what}, but systemd does not run ${e.key}= through a shell: it passes '${raw}' and what follows to ${line.program.text} as plain arguments. Wrap the command in /bin/sh -c '…'${raw.includes('>') ? ', or drop the redirection (output goes to the journal; StandardOutput=append:/path writes a file)' : ''}.`,
            fixes: [fix(`Run the command through /bin/sh -c`, doc, [replaceSpan(doc, w.span, w.text)])],
          });
          break;
        }
      }
    }
  },
};
