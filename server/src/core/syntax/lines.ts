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

/** The characters JavaScript's \s matches (and C's isspace, plus Unicode spaces). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Offsets of the first and one-past-last non-whitespace characters of `s`, relative to `s`. */
export function trimBounds(s: string, from = 0, to = s.length): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

export const BOM = '\uFEFF';
