// /etc/security/limits.conf as pam_limits reads it: `domain type item value`, and everything
// from `#` to the end of a line is a comment. Never throws.
import { LineIndex } from '../text';
import { emptySection, type Comment, type LimitLine, type ParsedDocument, type Section, type SyntaxIssue } from './ast';
import { BOM, physicalLines } from './lines';

export function parseLimits(uri: string, text: string, version?: number): ParsedDocument {
  const index = new LineIndex(text);
  const hasBom = text.startsWith(BOM);
  const limits: LimitLine[] = [];
  const comments: Comment[] = [];
  const issues: SyntaxIssue[] = [];
  for (const pl of physicalLines(index)) {
    let body = pl.text;
    if (pl.line === 0 && hasBom) body = ' ' + body.slice(1);
    const hash = body.indexOf('#');
    if (hash >= 0) {
      comments.push({ text: body.slice(hash).trimEnd(), span: { start: pl.start + hash, end: pl.end }, line: pl.line });
      body = body.slice(0, hash);
    }
    const fields: { text: string; start: number; end: number }[] = [];
    // pam_limits splits fields with sscanf's %s: C blanks only (a no-break space is part of a field).
    const re = /[^ \t\n\v\f\r]+/g;
    for (let m = re.exec(body); m; m = re.exec(body)) fields.push({ text: m[0], start: pl.start + m.index, end: pl.start + m.index + m[0].length });
    if (fields.length === 0) continue;
    const span = { start: fields[0].start, end: fields[fields.length - 1].end };
    if (fields.length !== 4) {
      issues.push({ code: 'invalid-limits-line', severity: 'error', span, message: `Expected four fields 'domain type item value' but found ${fields.length}; pam_limits skips this line.` });
      continue;
    }
    const [d, t, it, v] = fields;
    limits.push({
      domain: d.text,
      type: t.text,
      item: it.text,
      value: v.text,
      spans: { domain: d, type: t, item: it, value: v },
      line: pl.line,
      span,
    });
  }
  const whole: Section = emptySection(text.length);
  return { uri, dialect: 'limits-conf', text, version, index, sections: [whole], comments, issues, limits, hasBom };
}
