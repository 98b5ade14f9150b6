import type { Position, Range, Span } from './types';

/** Maps offsets to positions for one text. Built once per parse. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case, without a lone CR to consider: let indexOf find the breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  private eolCache: string | undefined;

  /** The end-of-line sequence the document mostly uses. Computed once: fixes ask for it per finding. */
  get eol(): string {
    this.eolCache ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.eolCache;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: this.positionAt(this.lineEnd(line)) };
  }
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function rangeContains(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment), with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows, reused across calls: this runs for every candidate of every unknown key.
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(Math.max(3 * width, 2 * rows.length));
  let prev2 = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, rows[prev2 + j - 2] + 1);
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return rows[prev + b.length];
}
let rows = new Int32Array(3 * 64);

/**
 * A fixed list of names prepared for many nearest-name lookups (one per unknown key in a file
 * that may have thousands): lowered once and grouped by length, so only names within the edit
 * budget are compared. Answers exactly as closest() over the same list, ties included.
 */
export class NearestNames {
  private readonly byLength = new Map<number, { name: string; lower: string; order: number }[]>();
  private readonly byLower = new Map<string, string>();

  constructor(names: Iterable<string>) {
    let order = 0;
    for (const name of names) {
      const lower = name.toLowerCase();
      const list = this.byLength.get(lower.length) ?? [];
      list.push({ name, lower, order: order++ });
      this.byLength.set(lower.length, list);
      if (!this.byLower.has(lower)) this.byLower.set(lower, name);
    }
  }

  /** The first name equal to `word` but for case. */
  sameButCase(word: string): string | undefined {
    return this.byLower.get(word.toLowerCase());
  }

  closest(word: string): string | undefined {
    const w = word.toLowerCase();
    const max = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
    let best: { name: string; order: number } | undefined;
    let bestDistance = max + 1;
    for (let len = w.length - max; len <= w.length + max; len++) {
      for (const c of this.byLength.get(len) ?? []) {
        const d = editDistance(w, c.lower, max);
        if (d < bestDistance || (d === bestDistance && best && c.order < best.order)) {
          best = c;
          bestDistance = d;
        }
      }
    }
    return best?.name;
  }
}

/** The closest candidate to `word`, case-insensitively, or undefined when none is close. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const max = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
