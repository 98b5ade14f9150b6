// Small builders for the text edits fixes are made of. Edits are minimal and keep comments.
import type { Entry, ParsedDocument, Section } from '../syntax/ast';
import type { FileEdit, Fix, Span, TextEdit } from '../types';
import { DEFAULT_SYSTEMD_VERSION, entriesOf, isResetEntry } from '../workspace/units';

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
  // A unit line ending in a backslash (cut off by the end of the file) would take in the first new
  // line: a blank line between ends the continuation where it ended before.
  const cut = doc.dialect === 'systemd-unit' && endsInBackslash(doc.text.slice(doc.index.lineStarts[line], end)) ? eol : '';
  return { range: doc.index.rangeOf({ start: end, end }), newText: cut + lines.map((l) => eol + l).join('') };
}

/** Inserts text as new lines at the top of a file, after its byte-order mark (before it, the mark would end up inside a line). */
export function insertLinesAtTop(doc: ParsedDocument, lines: string[]): TextEdit {
  const top = { line: 0, character: doc.hasBom ? 1 : 0 };
  return { range: { start: top, end: top }, newText: lines.map((l) => l + doc.index.eol).join('') };
}

/** The line new lines of a section go after: its last entry's last line, or its header when it has none. */
export function sectionEndLine(section: Section): number {
  const last = section.entries[section.entries.length - 1];
  return last ? last.endLine : section.headerLine;
}

/** Inserts lines at the end of a section: after its last entry, or after its header when empty. */
export function insertIntoSection(doc: ParsedDocument, section: Section, lines: string[]): TextEdit {
  return insertLinesAfter(doc, sectionEndLine(section), lines);
}

/** Appends a new section at the end of the file. */
export function appendSection(doc: ParsedDocument, name: string, lines: string[]): TextEdit {
  const eol = doc.index.eol;
  const end = doc.text.length;
  const trailing = doc.text.endsWith('\n') || doc.text.endsWith('\r') ? '' : eol;
  const blank = doc.text.trim() === '' ? '' : eol;
  return { range: doc.index.rangeOf({ start: end, end }), newText: `${trailing}${blank}[${name}]${eol}${lines.join(eol)}${eol}` };
}

/** Whether a line ends in an odd run of backslashes: systemd joins the next line to it. */
export function endsInBackslash(line: string): boolean {
  let n = 0;
  while (n < line.length && line[line.length - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

export function fix(title: string, doc: ParsedDocument, edits: TextEdit[], preferred = true): Fix {
  return { title, changes: [{ uri: doc.uri, edits }], preferred };
}

// ---- settings added to a systemd unit -------------------------------------------------------

/**
 * A point in the order systemd reads a unit's files (`chain`: the unit file, then its drop-ins):
 * after line `line` of the file at index `file`. A file that does not exist yet sits between two
 * indexes (2.5); a line past the end of a file is Infinity.
 */
export interface ChainPoint {
  file: number;
  line: number;
}

/** The key of a `Key=value` line. */
function keyOfLine(line: string): string {
  const eq = line.indexOf('=');
  return eq < 0 ? line : line.slice(0, eq);
}

/**
 * Which assignments undo a line added before them: by default an empty `Key=` that resets the
 * setting (not one systemd rejects and ignores; see resetsIn for a given release).
 */
export type Undoes = (e: Entry) => boolean;
export const resetsIn = (version: number): Undoes => (e) => isResetEntry(e, version);
const isReset: Undoes = resetsIn(DEFAULT_SYSTEMD_VERSION);

/**
 * The last assignment of `key` in `section` of the chain that would undo a line of that key added
 * at `at` (an empty `key=`), when it comes after `at`: the line only takes effect after it.
 */
export function resetAfter(chain: readonly ParsedDocument[], section: string, key: string, at: ChainPoint, undoes: Undoes = isReset): { doc: ParsedDocument; entry: Entry } | undefined {
  for (let file = chain.length - 1; file >= 0 && file >= at.file; file--) {
    const doc = chain[file];
    // The file's assignments of this key, from the index: a fix is built per finding, and a file may
    // hold thousands of sections.
    const list = entriesOf(doc, section, key);
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i];
      if (!undoes(e)) continue;
      return file > at.file || e.line > at.line ? { doc, entry: e } : undefined;
    }
  }
  return undefined;
}

/**
 * Sorts `Key=value` lines meant for `at` into those that take effect there and those an empty
 * `Key=` further down the chain would reset: these go right after the last such reset instead.
 */
export function placeSettings(chain: readonly ParsedDocument[], section: string, at: ChainPoint, lines: string[], undoes: Undoes = isReset): { stay: string[]; moved: FileEdit[] } {
  const stay: string[] = [];
  const groups = new Map<Entry, { doc: ParsedDocument; lines: string[] }>();
  for (const line of lines) {
    const reset = at.file < 0 ? undefined : resetAfter(chain, section, keyOfLine(line), at, undoes);
    if (!reset) {
      stay.push(line);
      continue;
    }
    const g = groups.get(reset.entry);
    if (g) g.lines.push(line);
    else groups.set(reset.entry, { doc: reset.doc, lines: [line] });
  }
  const moved: FileEdit[] = [];
  for (const [entry, g] of groups) {
    const edit = insertLinesAfter(g.doc, entry.endLine, g.lines);
    const same = moved.find((c) => c.uri === g.doc.uri);
    if (same) same.edits.push(edit);
    else moved.push({ uri: g.doc.uri, edits: [edit] });
  }
  return { stay, moved };
}

/** Adds edits to the change of their file in a list of changes, or a new change for it. */
export function mergeChanges(changes: FileEdit[], more: FileEdit[]): FileEdit[] {
  const out = changes.map((c) => ({ ...c, edits: [...c.edits] }));
  for (const c of more) {
    const same = out.find((x) => x.uri === c.uri && !x.create && !c.create);
    if (same) same.edits.push(...c.edits);
    else out.push({ ...c, edits: [...c.edits] });
  }
  return out;
}

/**
 * The changes that add `Key=value` lines of `section` to a unit whose files systemd reads in
 * `chain` order. The lines go after line `line` of `doc` (a new [section] at the end of the file
 * when `line` is undefined), except a line whose key an empty `Key=` further down the chain
 * resets (or that `undoes`): that one goes right after the last such line, where it takes effect.
 */
export function addSettings(chain: readonly ParsedDocument[], section: string, doc: ParsedDocument, line: number | undefined, lines: string[], undoes: Undoes = isReset): FileEdit[] {
  const { stay, moved } = placeSettings(chain, section, { file: chain.indexOf(doc), line: line ?? Infinity }, lines, undoes);
  const here: FileEdit[] = stay.length ? [{ uri: doc.uri, edits: [line === undefined ? appendSection(doc, section, stay) : insertLinesAfter(doc, line, stay)] }] : [];
  return mergeChanges(here, moved);
}

/** A fix made of changes to any files; preferred only when asked. */
export function fixChanges(title: string, changes: FileEdit[], preferred = true): Fix {
  return { title, changes, preferred };
}
