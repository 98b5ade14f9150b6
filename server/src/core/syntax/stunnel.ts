// stunnel.conf syntax as stunnel's options_file() reads it: each line trimmed, comment lines
// start with # or ;, a header is `[` ... `]` spanning the whole trimmed line, anything else
// splits at the first `=`. There are no inline comments and no continuations. Blanks are C's
// isspace() ones (ASCII): a no-break space is text. Never throws.
import { LineIndex } from '../text';
import { emptySection, type Comment, type ParsedDocument, type Section, type SyntaxIssue } from './ast';
import { BOM, physicalLines, trimBounds } from './lines';

/** stunnel reads at most this many characters of a line; the rest is parsed as a new line. */
export const STUNNEL_MAX_LINE = 16 * 1024 - 1;

export function parseStunnel(uri: string, text: string, version?: number): ParsedDocument {
  const index = new LineIndex(text);
  const hasBom = text.startsWith(BOM);
  const global: Section = emptySection();
  const sections: Section[] = [global];
  const comments: Comment[] = [];
  const issues: SyntaxIssue[] = [];
  let current = global;

  for (const pl of physicalLines(index)) {
    const startCol = pl.line === 0 && hasBom ? 1 : 0;
    if (pl.text.length > STUNNEL_MAX_LINE) {
      issues.push({
        code: 'line-too-long',
        severity: 'error',
        span: { start: pl.start + STUNNEL_MAX_LINE, end: pl.end },
        message: `Line is ${pl.text.length} characters long; stunnel reads 16 KiB at most and parses the rest as a new line, which fails with "No '=' found".`,
      });
    }
    const [a, b] = trimBounds(pl.text, startCol);
    if (a === b) continue;
    const first = pl.text[a];
    if (first === '#' || first === ';') {
      comments.push({ text: pl.text.slice(a, b), span: { start: pl.start + a, end: pl.start + b }, line: pl.line });
      continue;
    }
    if (first === '[' && pl.text[b - 1] === ']' && b - a >= 2) {
      const headerSpan = { start: pl.start + a, end: pl.start + b };
      current = {
        name: pl.text.slice(a + 1, b - 1),
        nameSpan: { start: pl.start + a + 1, end: pl.start + b - 1 },
        headerSpan,
        headerLine: pl.line,
        entries: [],
        span: { ...headerSpan },
      };
      sections.push(current);
      continue;
    }
    const eq = pl.text.indexOf('=', a);
    if (eq < 0 || eq >= b) {
      const hint = first === '[' ? ' A section header must be alone on its line: stunnel has no inline comments.' : '';
      issues.push({ code: 'missing-equals', severity: 'error', span: { start: pl.start + a, end: pl.start + b }, message: `No '=' found: stunnel expects 'option = value' and refuses to start.${hint}` });
      continue;
    }
    const [ka, kb] = trimBounds(pl.text, a, eq);
    const [va, vb] = trimBounds(pl.text, eq + 1, b);
    current.entries.push({
      key: pl.text.slice(ka, kb),
      keySpan: { start: pl.start + ka, end: pl.start + kb },
      value: pl.text.slice(va, vb),
      valueSpan: { start: pl.start + va, end: pl.start + vb },
      pieces: vb > va ? [{ valueStart: 0, docStart: pl.start + va, length: vb - va }] : [],
      line: pl.line,
      endLine: pl.line,
      span: { start: pl.start + a, end: pl.start + b },
      equalsOffset: pl.start + eq,
      section: current,
    });
    current.span.end = Math.max(current.span.end, pl.start + b);
  }
  return { uri, dialect: 'stunnel', text, version, index, sections, comments, issues, limits: [], hasBom };
}
