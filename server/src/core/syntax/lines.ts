import type { LineIndex } from '../text';

export interface PhysicalLine {
  line: number;
  start: number;
  /** End of content, before the line break. */
  end: number;
  text: string;
}

export function physicalLines(index: LineIndex): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStarts[line];
    const end = index.lineEnd(line);
    out.push({ line, start, end, text: index.text.slice(start, end) });
  }
  return out;
}

/**
 * C's isspace() in the "C" locale: space, \t, \n, \v, \f and \r. stunnel trims lines and
 * pam_limits splits fields with it; no-break spaces and other Unicode blanks are text to them.
 */
export function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The blanks systemd strips around lines, keys and values (its WHITESPACE): space, \t, \n, \r. */
export function isSystemdSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Offsets of the first and one-past-last characters of `s` that are not `space`, relative to `s`. */
export function trimBounds(s: string, from = 0, to = s.length, space: (c: number) => boolean = isCSpace): [number, number] {
  let a = from;
  let b = to;
  while (a < b && space(s.charCodeAt(a))) a++;
  while (b > a && space(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

export const BOM = '\uFEFF';
