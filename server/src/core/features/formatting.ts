// Formatting that changes layout only: `Key=Value` in units, `key = value` in stunnel.conf, no
// indentation before keys and headers, no trailing whitespace, at most one blank line in a row,
// one blank line before each section (above the comments that introduce it), no blank lines at
// the ends of the file, and a final line break. It never reorders lines, never changes a
// comment's text, and never joins or splits continuation lines; formatting twice changes nothing.
import type { ParsedDocument } from '../syntax/ast';
import type { Range, TextEdit } from '../types';

type LineKind = 'blank' | 'comment' | 'header' | 'entry' | 'continued' | 'other';

/**
 * Blanks the program itself strips: systemd only spaces and tabs (a form feed or a no-break space
 * is part of the key or value), stunnel and pam_limits C's isspace() ones.
 */
const TRAILING: Record<string, RegExp> = { 'systemd-unit': /[ \t]+$/, stunnel: /[ \t\f\v]+$/, 'limits-conf': /[ \t\f\v]+$/ };
const BLANK: Record<string, RegExp> = { 'systemd-unit': /^[ \t]*$/, stunnel: /^[ \t\f\v]*$/, 'limits-conf': /^[ \t\f\v]*$/ };

/** True when `s` ends with a backslash that is not itself escaped. */
function endsWithBackslash(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/**
 * Drops trailing blanks, except where that would leave a unit-file line ending in a backslash:
 * systemd reads `foo \ ` as one line but `foo \` as continued, so those blanks are meaningful.
 */
function trimEnd(doc: ParsedDocument, s: string): string {
  const t = s.replace(TRAILING[doc.dialect], '');
  return doc.dialect === 'systemd-unit' && t !== s && endsWithBackslash(t) ? s : t;
}

function classify(doc: ParsedDocument): LineKind[] {
  const kinds: LineKind[] = [];
  for (let l = 0; l < doc.index.lineCount; l++) kinds.push(BLANK[doc.dialect].test(lineText(doc, l)) ? 'blank' : 'other');
  for (const c of doc.comments) if (kinds[c.line] === 'other' && lineText(doc, c.line).trimStart()[0] === c.text[0]) kinds[c.line] = 'comment';
  for (const s of doc.sections) {
    if (s.headerLine >= 0) kinds[s.headerLine] = 'header';
    for (const e of s.entries) {
      kinds[e.line] = 'entry';
      for (let l = e.line + 1; l <= e.endLine; l++) kinds[l] = 'continued';
    }
  }
  return kinds;
}

/** A line's text without its line break (and without the byte-order mark on line 0). */
function lineText(doc: ParsedDocument, line: number): string {
  const start = doc.index.lineStarts[line] + (line === 0 && doc.hasBom ? 1 : 0);
  return doc.text.slice(start, doc.index.lineEnd(line));
}

/** The wanted text of each line, without layout between lines. */
function formatLines(doc: ParsedDocument, kinds: LineKind[]): string[] {
  const out: string[] = [];
  const entries = new Map(doc.sections.flatMap((s) => s.entries.map((e) => [e.line, e] as const)));
  for (let l = 0; l < kinds.length; l++) {
    const text = lineText(doc, l);
    switch (kinds[l]) {
      case 'blank':
        out.push('');
        break;
      case 'header':
        out.push(text.trim());
        break;
      case 'entry': {
        const e = entries.get(l)!;
        const afterEquals = doc.text.slice(e.equalsOffset + 1, doc.index.lineEnd(l));
        if (doc.dialect === 'stunnel') {
          out.push(e.value === '' ? `${e.key} =` : `${e.key} = ${e.value}`);
        } else {
          const rest = trimEnd(doc, afterEquals.replace(/^[ \t]+/, ''));
          out.push(`${e.key}=${rest}`);
        }
        break;
      }
      default:
        // Comments, continuation lines and lines that do not parse keep their text.
        out.push(trimEnd(doc, text));
    }
  }
  // A first line whose indentation hides a U+FEFF: without it the character would open the file
  // and become a byte-order mark the program skips, so that line keeps its indentation.
  if (out.length > 0 && !doc.hasBom && out[0].startsWith('\uFEFF')) out[0] = trimEnd(doc, lineText(doc, 0));
  return out;
}

/** Which lines to drop and before which lines to add a blank one. */
function layout(kinds: LineKind[], lines: string[]): { drop: Set<number>; blankBefore: Set<number>; last: number } {
  const drop = new Set<number>();
  const blankBefore = new Set<number>();
  // A blank line that ends a continuation belongs to its entry ('continued') and must stay.
  const content = kinds.map((k) => k !== 'blank');
  const first = content.indexOf(true);
  const last = content.lastIndexOf(true);
  if (first < 0) return { drop, blankBefore, last };
  // Blank lines at the start (the byte-order mark stays on line 0). A first line that starts with
  // U+FEFF once formatted (also when only its indentation came before it) keeps one blank line above
  // it: moved to the top, the character would become a byte-order mark the program skips, and the
  // line would read differently.
  const strayMark = first > 0 && lines[first].startsWith('\uFEFF');
  for (let l = 0; l < (strayMark ? first - 1 : first); l++) drop.add(l);
  // Runs of blank lines shrink to one.
  for (let l = first + 1; l <= last; l++) if (!content[l] && !content[l - 1]) drop.add(l);
  // One blank line above each section header, or above the comments directly on top of it.
  for (let l = first + 1; l <= last; l++) {
    if (kinds[l] !== 'header') continue;
    let top = l;
    while (top - 1 >= first && kinds[top - 1] === 'comment') top--;
    // A header with its comments at the very top of the file needs no blank line.
    if (top > first && content[top - 1]) blankBefore.add(top);
  }
  return { drop, blankBefore, last };
}

/** The edits that format the document, or only the lines of `range` when given. */
export function format(doc: ParsedDocument, range?: Range): TextEdit[] {
  // Only the dialects whose layout rules are known here; others are left as they are.
  if (doc.dialect !== 'stunnel' && doc.dialect !== 'systemd-unit' && doc.dialect !== 'limits-conf') return [];
  const kinds = classify(doc);
  const lines = formatLines(doc, kinds);
  const { drop, blankBefore, last } = layout(kinds, lines);
  const eol = doc.index.eol;
  const edits: TextEdit[] = [];
  const lineCount = doc.index.lineCount;

  for (let l = 0; l < lineCount && l <= last; l++) {
    if (drop.has(l)) {
      // Merge a run of dropped lines into one deletion.
      let end = l;
      while (end + 1 <= last && drop.has(end + 1)) end++;
      const from = doc.index.lineStarts[l] + (l === 0 && doc.hasBom ? 1 : 0);
      edits.push({ range: doc.index.rangeOf({ start: from, end: doc.index.lineStarts[end + 1] }), newText: '' });
      l = end;
      continue;
    }
    const start = doc.index.lineStarts[l] + (l === 0 && doc.hasBom ? 1 : 0);
    const old = lineText(doc, l);
    const wanted = lines[l];
    const insert = blankBefore.has(l) ? eol : '';
    if (old === wanted && !insert) continue;
    // The smallest change inside the line; a blank line to add goes in front of it.
    let a = 0;
    while (!insert && a < old.length && a < wanted.length && old[a] === wanted[a]) a++;
    let b = 0;
    while (b < old.length - a && b < wanted.length - a && old[old.length - 1 - b] === wanted[wanted.length - 1 - b]) b++;
    edits.push({ range: doc.index.rangeOf({ start: start + a, end: start + old.length - b }), newText: insert + wanted.slice(a, wanted.length - b) });
  }
  // A lone '\r' (old Mac line break) becomes the document's line break: next to an emptied line or
  // an added blank one it would otherwise join a '\n' into one '\r\n', and formatting again would differ.
  for (let l = 0; l < last; l++) {
    const at = doc.index.lineEnd(l);
    if (drop.has(l) || doc.text[at] !== '\r' || doc.text[at + 1] === '\n') continue;
    edits.push({ range: doc.index.rangeOf({ start: at, end: at + 1 }), newText: eol });
  }
  edits.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);

  // The end of the file: exactly one line break after the last line with content.
  // (A unit line ending in a backslash continues into an empty last line: that line already
  // ends the file, and adding a line break would only give the entry one more line.)
  const endsInContinuation = last === lineCount - 1 && lineText(doc, last) === '';
  if (last >= 0 && !endsInContinuation) {
    const from = doc.index.lineEnd(last);
    const tail = doc.text.slice(from);
    if (tail !== '\n' && tail !== '\r\n') {
      edits.push({ range: doc.index.rangeOf({ start: from, end: doc.text.length }), newText: eol });
    }
  }
  if (!range) return edits;
  return edits.filter((e) => e.range.start.line >= range.start.line && e.range.start.line <= range.end.line);
}
