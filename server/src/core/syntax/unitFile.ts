// systemd unit-file syntax (systemd.syntax(7)): [Section] headers, Key=Value, comment lines
// starting with # or ;, and backslash continuations (comment lines inside them are skipped;
// the backslash becomes a space). Blanks are systemd's: space, tab, CR, LF. Never throws.
import { LineIndex } from '../text';
import { emptySection, type Comment, type Entry, type ParsedDocument, type Section, type SyntaxIssue, type ValuePiece } from './ast';
import { BOM, isSystemdSpace, physicalLines, trimBounds as trimAny } from './lines';

/** Trims as systemd does: ASCII blanks only, so a no-break space or a second BOM stays text. */
function trimBounds(s: string, from = 0, to = s.length): [number, number] {
  return trimAny(s, from, to, isSystemdSpace);
}

/** True when the line ends with a backslash that is not itself escaped. */
function endsWithContinuation(text: string): boolean {
  let n = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function isCommentLine(text: string): boolean {
  const [a] = trimBounds(text);
  return text[a] === '#' || text[a] === ';';
}

export function parseUnitFile(uri: string, text: string, version?: number): ParsedDocument {
  const index = new LineIndex(text);
  const hasBom = text.startsWith(BOM);
  const preamble: Section = emptySection();
  const sections: Section[] = [preamble];
  const comments: Comment[] = [];
  const issues: SyntaxIssue[] = [];
  let current = preamble;
  const lines = physicalLines(index);

  for (let i = 0; i < lines.length; i++) {
    const pl = lines[i];
    const startCol = pl.line === 0 && hasBom ? 1 : 0;
    const [a, b] = trimBounds(pl.text, startCol);
    if (a === b) continue;
    const first = pl.text[a];
    if (first === '#' || first === ';') {
      comments.push({ text: pl.text.slice(a, b), span: { start: pl.start + a, end: pl.start + b }, line: pl.line });
      continue;
    }
    if (first === '[') {
      const headerSpan = { start: pl.start + a, end: pl.start + b };
      if (pl.text[b - 1] !== ']') {
        issues.push({ code: 'invalid-section-header', severity: 'error', span: headerSpan, message: `Invalid section header '${pl.text.slice(a, b)}': a header must end with ']'. systemd ignores the line.` });
        continue;
      }
      const name = pl.text.slice(a + 1, b - 1);
      current = {
        name,
        nameSpan: { start: pl.start + a + 1, end: pl.start + b - 1 },
        headerSpan,
        headerLine: pl.line,
        entries: [],
        span: { start: headerSpan.start, end: headerSpan.end },
      };
      sections.push(current);
      continue;
    }
    // An assignment, possibly continued over following lines.
    const pieces: ValuePiece[] = [];
    const eq = pl.text.indexOf('=', a);
    let endLine = pl.line;
    let endOffset = pl.start + b;
    if (eq < 0 || eq === a) {
      const span = { start: pl.start + a, end: pl.start + b };
      issues.push(
        eq < 0
          ? { code: 'missing-equals', severity: 'error', span, message: `Missing '=' in '${pl.text.slice(a, b)}': systemd expects Key=Value and ignores this line.` }
          : { code: 'missing-key', severity: 'error', span, message: "Missing key name before '=': systemd ignores this line (\"Missing key name before '=', ignoring line\")." },
      );
      // Swallow continuation lines so they are not misread as assignments.
      let j = i;
      while (endsWithContinuation(lines[j].text) && j + 1 < lines.length) j++;
      i = j;
      continue;
    }
    const [ka, kb] = trimBounds(pl.text, a, eq);
    if (!endsWithContinuation(pl.text)) {
      // Most assignments fit on one line: the value is a trimmed slice of it, in one piece.
      const [va, vb] = trimBounds(pl.text, eq + 1);
      const valueSpan = vb > va ? { start: pl.start + va, end: pl.start + vb } : { start: pl.start + eq + 1, end: pl.start + eq + 1 };
      current.entries.push({
        key: pl.text.slice(ka, kb),
        keySpan: { start: pl.start + ka, end: pl.start + kb },
        value: pl.text.slice(va, vb),
        valueSpan,
        pieces: vb > va ? [{ valueStart: 0, docStart: pl.start + va, length: vb - va }] : [],
        line: pl.line,
        endLine: pl.line,
        span: { start: pl.start + a, end: endOffset },
        equalsOffset: pl.start + eq,
        section: current,
      });
      current.span.end = Math.max(current.span.end, endOffset);
      continue;
    }
    let value = '';
    let valueStartDoc = -1;
    let valueEndDoc = -1;
    // First physical line of the value.
    let raw = pl.text.slice(eq + 1);
    let rawStart = pl.start + eq + 1;
    let j = i;
    for (;;) {
      // A backslash ending the last line of the file continues into nothing: systemd drops it too.
      const backslash = endsWithContinuation(lines[j].text);
      const cont = backslash && j + 1 < lines.length;
      const seg = backslash ? raw.slice(0, -1) : raw;
      if (seg.length > 0) pieces.push({ valueStart: value.length, docStart: rawStart, length: seg.length });
      value += seg;
      if (cont) value += ' ';
      if (!cont) break;
      // Skip comment lines inside a continuation, as systemd does.
      j++;
      while (j < lines.length && isCommentLine(lines[j].text)) {
        const c = lines[j];
        const [ca, cb] = trimBounds(c.text);
        comments.push({ text: c.text.slice(ca, cb), span: { start: c.start + ca, end: c.start + cb }, line: c.line });
        j++;
      }
      // Only comments up to the end of the file: the continuation ends with nothing more.
      if (j === lines.length) {
        j--;
        break;
      }
      raw = lines[j].text;
      rawStart = lines[j].start;
      endLine = lines[j].line;
      endOffset = lines[j].end;
    }
    i = j;
    // Trim the logical value and re-base the pieces.
    const [va, vb] = trimBounds(value);
    const trimmedPieces: ValuePiece[] = [];
    for (const p of pieces) {
      const s = Math.max(p.valueStart, va);
      const e = Math.min(p.valueStart + p.length, vb);
      if (e > s) trimmedPieces.push({ valueStart: s - va, docStart: p.docStart + (s - p.valueStart), length: e - s });
    }
    value = value.slice(va, vb);
    if (trimmedPieces.length > 0) {
      valueStartDoc = trimmedPieces[0].docStart;
      const lp = trimmedPieces[trimmedPieces.length - 1];
      valueEndDoc = lp.docStart + lp.length;
    } else {
      valueStartDoc = valueEndDoc = pl.start + eq + 1;
    }
    const entry: Entry = {
      key: pl.text.slice(ka, kb),
      keySpan: { start: pl.start + ka, end: pl.start + kb },
      value,
      valueSpan: { start: valueStartDoc, end: valueEndDoc },
      pieces: trimmedPieces,
      line: pl.line,
      endLine,
      span: { start: pl.start + a, end: endOffset },
      equalsOffset: pl.start + eq,
      section: current,
    };
    current.entries.push(entry);
    current.span.end = Math.max(current.span.end, endOffset);
  }
  return { uri, dialect: 'systemd-unit', text, version, index, sections, comments, issues, limits: [], hasBom };
}
