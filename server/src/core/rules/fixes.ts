// Small builders for the text edits fixes are made of. Edits are minimal and keep comments.
import type { Entry, ParsedDocument, Section } from '../syntax/ast';
import type { Fix, Span, TextEdit } from '../types';

export function replaceSpan(doc: ParsedDocument, span: Span, newText: string): TextEdit {
  return { range: doc.index.rangeOf(span), newText };
}

/** Deletes whole lines [first, last], including their line break. */
export function deleteLines(doc: ParsedDocument, first: number, last: number): TextEdit {
  const start = doc.index.lineStarts[first];
  const end = last + 1 < doc.index.lineCount ? doc.index.lineStarts[last + 1] : doc.text.length;
  return { range: doc.index.rangeOf({ start, end }), newText: '' };
}

export function deleteEntry(doc: ParsedDocument, e: Entry): TextEdit {
  return deleteLines(doc, e.line, e.endLine);
}

/** Inserts text as new lines right after a line. */
export function insertLinesAfter(doc: ParsedDocument, line: number, lines: string[]): TextEdit {
  const eol = doc.index.eol;
  const end = doc.index.lineEnd(line);
  return { range: doc.index.rangeOf({ start: end, end }), newText: lines.map((l) => eol + l).join('') };
}

/** Inserts lines at the end of a section: after its last entry, or after its header when empty. */
export function insertIntoSection(doc: ParsedDocument, section: Section, lines: string[]): TextEdit {
  const last = section.entries[section.entries.length - 1];
  return insertLinesAfter(doc, last ? last.endLine : section.headerLine, lines);
}

/** Appends a new section at the end of the file. */
export function appendSection(doc: ParsedDocument, name: string, lines: string[]): TextEdit {
  const eol = doc.index.eol;
  const end = doc.text.length;
  const trailing = doc.text.endsWith('\n') || doc.text.endsWith('\r') ? '' : eol;
  const blank = doc.text.trim() === '' ? '' : eol;
  return { range: doc.index.rangeOf({ start: end, end }), newText: `${trailing}${blank}[${name}]${eol}${lines.join(eol)}${eol}` };
}

export function fix(title: string, doc: ParsedDocument, edits: TextEdit[], preferred = true): Fix {
  return { title, changes: [{ uri: doc.uri, edits }], preferred };
}
