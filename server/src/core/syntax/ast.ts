// The lossless document model shared by the three dialects. Every node keeps its offsets so
// that diagnostics, hovers and fixes can point at exact ranges.
import type { LineIndex } from '../text';
import type { Dialect, Severity, Span } from '../types';

/** A run of the logical value and where it sits in the document (continuations split values). */
export interface ValuePiece {
  valueStart: number;
  docStart: number;
  length: number;
}

export interface Entry {
  key: string;
  keySpan: Span;
  /** The value as the program sees it: trimmed, continuation lines joined. */
  value: string;
  valueSpan: Span;
  pieces: ValuePiece[];
  /** 0-based line of the key. */
  line: number;
  /** Last physical line of the entry (differs from `line` for continuations). */
  endLine: number;
  /** The whole entry, key to end of its last line. */
  span: Span;
  /** Where `=` is, or -1. */
  equalsOffset: number;
  section: Section;
}

export interface Section {
  /** null for the part before the first header (stunnel's global options). */
  name: string | null;
  nameSpan: Span | null;
  headerSpan: Span | null;
  /** -1 for the part before the first header. */
  headerLine: number;
  entries: Entry[];
  /** From the header (or start of file) to the end of its last non-blank line. */
  span: Span;
}

export interface Comment {
  text: string;
  span: Span;
  line: number;
}

export interface SyntaxIssue {
  code: string;
  message: string;
  span: Span;
  severity: Severity;
}

/** One line of limits.conf: `domain type item value`. */
export interface LimitLine {
  domain: string;
  type: string;
  item: string;
  value: string;
  spans: { domain: Span; type: Span; item: Span; value: Span };
  line: number;
  span: Span;
}

export interface ParsedDocument {
  uri: string;
  dialect: Dialect;
  text: string;
  /** Version of the text, when the caller has one (editor documents). */
  version: number | undefined;
  index: LineIndex;
  /** sections[0] is always the part before the first header, possibly empty. */
  sections: Section[];
  comments: Comment[];
  issues: SyntaxIssue[];
  limits: LimitLine[];
  hasBom: boolean;
}

/** Offsets of a sub-range of an entry's logical value, mapped back into the document. */
export function valueSubSpan(entry: Entry, start: number, end: number): Span {
  return { start: valueOffsetToDoc(entry, start), end: valueOffsetToDoc(entry, end, true) };
}

function valueOffsetToDoc(entry: Entry, offset: number, isEnd = false): number {
  let last = entry.valueSpan.start;
  for (const p of entry.pieces) {
    const inside = isEnd
      ? offset > p.valueStart && offset <= p.valueStart + p.length
      : offset >= p.valueStart && offset < p.valueStart + p.length;
    if (inside) return p.docStart + (offset - p.valueStart);
    if (offset >= p.valueStart + p.length) last = p.docStart + p.length;
  }
  return offset <= 0 ? entry.valueSpan.start : last;
}

export function allEntries(doc: ParsedDocument): Entry[] {
  const out: Entry[] = [];
  for (const s of doc.sections) out.push(...s.entries);
  return out;
}

export function sectionAt(doc: ParsedDocument, line: number): Section {
  let current = doc.sections[0];
  for (const s of doc.sections) {
    if (s.headerLine >= 0 && s.headerLine <= line) current = s;
  }
  return current;
}

export function entryAt(doc: ParsedDocument, line: number): Entry | undefined {
  for (const s of doc.sections) {
    for (const e of s.entries) if (line >= e.line && line <= e.endLine) return e;
  }
  return undefined;
}

/** The part of a file before its first header (or the whole file, for dialects without sections). */
export function emptySection(end = 0): Section {
  return { name: null, nameSpan: null, headerSpan: null, headerLine: -1, entries: [], span: { start: 0, end } };
}

const sectionSets = new WeakMap<ParsedDocument, Set<Section>>();

/** Whether the section is one of the document's: a set lookup (files may hold thousands of sections). */
export function holdsSection(doc: ParsedDocument, section: Section): boolean {
  let set = sectionSets.get(doc);
  if (!set) sectionSets.set(doc, (set = new Set(doc.sections)));
  return set.has(section);
}
