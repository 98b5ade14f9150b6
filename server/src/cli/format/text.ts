// The text format: one line per finding, `file:line:column: severity rule message`. The
// extension's `$daemonlint` problem matcher reads exactly this shape. File names and messages can
// quote the linted files, so their control characters are shown escaped (see visible()).
import type { Finding, Severity } from '../../core/types';
import { displayPath, oneBased, visible } from './common';

const SGR = (code: string) => `\x1b[${code}m`;
const COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

export function formatText(findings: readonly Finding[], cwd: string, color: boolean): string {
  let out = '';
  for (const f of findings) {
    const p = oneBased(f.range);
    const where = `${visible(displayPath(f.uri, cwd))}:${p.line}:${p.column}:`;
    const message = visible(f.message);
    out += color
      ? `${SGR('1')}${where}${SGR('22')} ${SGR(COLOR[f.severity])}${f.severity}${SGR('39')} ${SGR('2')}${f.rule}${SGR('22')} ${message}\n`
      : `${where} ${f.severity} ${f.rule} ${message}\n`;
  }
  return out;
}
