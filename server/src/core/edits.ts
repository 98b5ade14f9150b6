// Applying text edits to a string, and choosing which fixes "fix all" may apply together.
// Pure: the CLI's --fix, the language server's fix-all and the tests share it.
import type { FileEdit, Finding, Fix, Position, TextEdit } from './types';

/** Offsets where each line starts; a line ends at \n, \r\n or a lone \r (as in LSP). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The offset of an LSP position: a line past the end maps to the end of the text, a character past
 * the end of its line to the end of that line (before its line break).
 */
export function offsetAt(text: string, pos: Position, starts: number[] = lineStartsOf(text)): number {
  if (pos.line < 0) return 0;
  if (pos.line >= starts.length) return text.length;
  const start = starts[pos.line];
  let end = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return Math.min(start + Math.max(0, pos.character), end);
}

export class OverlappingEditsError extends Error {}

/**
 * Applies edits made against `text` (all positions refer to the original text). Edits starting at
 * the same offset apply in the order given. Throws OverlappingEditsError when two edits overlap.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const starts = lineStartsOf(text);
  const spans = edits
    .map((e, i) => {
      const a = offsetAt(text, e.range.start, starts);
      const b = offsetAt(text, e.range.end, starts);
      return { start: Math.min(a, b), end: Math.max(a, b), newText: e.newText, i };
    })
    .sort((x, y) => x.start - y.start || x.i - y.i);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new OverlappingEditsError(`edits overlap at offset ${s.start}`);
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Two edits conflict when their ranges overlap or touch: the order of the result would be a guess. */
function conflict(a: TextEdit, b: TextEdit): boolean {
  return !before(a.range.end, b.range.start) && !before(b.range.end, a.range.start);
}

/** A fix "fix all" may apply: preferred, and changing only the file it was found in (or creating a new one). */
export function isSafeFix(fix: Fix, finding: Finding): boolean {
  if (fix.preferred !== true || fix.changes.length !== 1) return false;
  const change = fix.changes[0];
  return change.create === true || change.uri === finding.uri;
}

/**
 * The edits of every safe fix that can be applied together in one pass, per file, in finding
 * order. A fix whose edits overlap or touch those of a fix already taken is left for a later pass
 * (apply, lint again, repeat). A change that creates a file is taken once per file name.
 */
export interface FixAllChange extends FileEdit {
  /** The findings whose fixes these edits are. */
  fixed: Finding[];
}

export function fixAllEdits(findings: readonly Finding[]): FixAllChange[] {
  const byUri = new Map<string, FixAllChange>();
  // A line the parser could not read skews every other finding (a broken header puts its
  // options into the previous section), so syntax repairs get a pass of their own first.
  const syntax = findings.filter((f) => f.rule.endsWith('/syntax-error') && f.fixes.some((x) => isSafeFix(x, f)));
  for (const finding of syntax.length ? syntax : findings) {
    const fix = finding.fixes.find((f) => isSafeFix(f, finding));
    if (!fix) continue;
    const change = fix.changes[0];
    const taken = byUri.get(change.uri);
    if (taken) {
      if (taken.create || change.create) continue;
      if (change.edits.some((e) => taken.edits.some((t) => conflict(e, t)))) continue;
      taken.edits.push(...change.edits);
      taken.fixed.push(finding);
    } else {
      byUri.set(change.uri, { uri: change.uri, edits: [...change.edits], ...(change.create ? { create: true } : {}), fixed: [finding] });
    }
  }
  // A fix that creates a file (a drop-in) waits for a pass with nothing else to fix: an edit to
  // the unit itself can make it unneeded, and both would set the same thing twice.
  const changes = [...byUri.values()];
  const edits = changes.filter((c) => !c.create);
  return edits.length ? edits : changes;
}
