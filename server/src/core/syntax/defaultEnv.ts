// /etc/default/<package> files: shell variable assignments (`NAME=value`, `NAME="value"`,
// optionally after `export`) read by a SysV init script. Comments start with #. Other shell
// lines are kept as comments' neighbours and ignored. Never throws.
import { LineIndex } from '../text';
import { emptySection, type Comment, type Entry, type ParsedDocument, type Section } from './ast';
import { BOM, physicalLines } from './lines';

export function parseDefaultEnv(uri: string, text: string, version?: number): ParsedDocument {
  const index = new LineIndex(text);
  const hasBom = text.startsWith(BOM);
  const comments: Comment[] = [];
  const whole: Section = emptySection(text.length);
  for (const pl of physicalLines(index)) {
    const body = pl.line === 0 && hasBom ? ' ' + pl.text.slice(1) : pl.text;
    const lead = body.length - body.trimStart().length;
    if (body.trim() === '') continue;
    if (body[lead] === '#') {
      comments.push({ text: body.slice(lead).trimEnd(), span: { start: pl.start + lead, end: pl.end }, line: pl.line });
      continue;
    }
    const m = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(body);
    if (!m) continue;
    const keyStart = pl.start + m[1].length + (m[2]?.length ?? 0);
    const key = m[3];
    const eq = keyStart + key.length;
    let vStart = m[0].length;
    let vEnd: number;
    let value: string;
    const q = body[vStart];
    if (q === '"' || q === "'") {
      const close = body.indexOf(q, vStart + 1);
      vEnd = close < 0 ? body.length : close;
      vStart += 1;
      value = body.slice(vStart, vEnd);
    } else {
      // Unquoted: up to the first blank (a later # starts a comment).
      const rest = body.slice(vStart);
      const stop = rest.search(/\s/);
      vEnd = stop < 0 ? body.length : vStart + stop;
      value = body.slice(vStart, vEnd);
    }
    const hash = body.indexOf('#', vEnd);
    if (hash >= 0) comments.push({ text: body.slice(hash).trimEnd(), span: { start: pl.start + hash, end: pl.end }, line: pl.line });
    const entry: Entry = {
      key,
      keySpan: { start: keyStart, end: eq },
      value,
      valueSpan: { start: pl.start + vStart, end: pl.start + vEnd },
      pieces: [{ valueStart: 0, docStart: pl.start + vStart, length: value.length }],
      line: pl.line,
      endLine: pl.line,
      span: { start: keyStart, end: pl.start + (q === '"' || q === "'" ? Math.min(vEnd + 1, body.length) : vEnd) },
      equalsOffset: eq,
      section: whole,
    };
    whole.entries.push(entry);
  }
  return { uri, dialect: 'default-env', text, version, index, sections: [whole], comments, issues: [], limits: [], hasBom };
}
