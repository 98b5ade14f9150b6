// Folding: each section, each entry continued over several lines, runs of comment lines, and
// `# region` / `# endregion` markers (the same markers the language configurations declare).
import type { ParsedDocument } from '../syntax/ast';

export interface FoldingEntry {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

const REGION_START = /^[#;]\s*#?region\b/;
const REGION_END = /^[#;]\s*#?endregion\b/;

export function foldingRanges(doc: ParsedDocument): FoldingEntry[] {
  const out: FoldingEntry[] = [];
  for (const s of doc.sections) {
    if (s.headerLine >= 0) {
      const end = doc.index.positionAt(s.span.end).line;
      if (end > s.headerLine) out.push({ startLine: s.headerLine, endLine: end });
    }
    for (const e of s.entries) if (e.endLine > e.line) out.push({ startLine: e.line, endLine: e.endLine });
  }
  // Comment blocks: consecutive lines that are comments from their first character.
  const whole = doc.comments.filter((c) => doc.text.slice(doc.index.lineStarts[c.line], c.span.start).replace('\uFEFF', '').trim() === '');
  const regions: number[] = [];
  let start = -1;
  let last = -1;
  const close = () => {
    if (start >= 0 && last > start) out.push({ startLine: start, endLine: last, kind: 'comment' });
    start = last = -1;
  };
  for (const c of whole) {
    if (REGION_START.test(c.text) || REGION_END.test(c.text)) {
      // A marker is not part of a comment block.
      close();
      if (REGION_START.test(c.text)) regions.push(c.line);
      else {
        const from = regions.pop();
        if (from !== undefined && c.line > from) out.push({ startLine: from, endLine: c.line, kind: 'region' });
      }
      continue;
    }
    if (start >= 0 && c.line === last + 1) last = c.line;
    else {
      close();
      start = last = c.line;
    }
  }
  close();
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
