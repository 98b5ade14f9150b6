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

const WS = /\s/;

/** Offsets of the first and one-past-last non-whitespace characters of `s`, relative to `s`. */
export function trimBounds(s: string, from = 0, to = s.length): [number, number] {
  let a = from;
  let b = to;
  while (a < b && WS.test(s[a])) a++;
  while (b > a && WS.test(s[b - 1])) b--;
  return [a, b];
}

export const BOM = '\uFEFF';
