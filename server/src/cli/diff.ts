// A unified diff of two texts, line by line (Myers' O((N+M)D) algorithm), as `diff -u` and
// `git diff` print it, so `git apply` or `patch -p1` can apply the output.
import { visible } from './format/common';

/** Splits into lines, each keeping its line break, so a changed line ending is a changed line. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script between a and b, as a list of kept, removed and added lines. */
function editScript(a: string[], b: string[]): Op[] {
  // Common head and tail are kept outright; Myers runs on the middle only.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = n === 0 && m === 0;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0), collecting operations in reverse.
  const reversed: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    let prevX = 0;
    let prevY = 0;
    if (d > 0) {
      const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
      prevX = vd[offset + prevK];
      prevY = prevX - prevK;
    }
    while (x > prevX && y > prevY) {
      reversed.push({ kind: ' ', line: A[x - 1] });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === prevX) reversed.push({ kind: '+', line: B[--y] });
    else reversed.push({ kind: '-', line: A[--x] });
  }
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  for (let i = reversed.length - 1; i >= 0; i--) ops.push(reversed[i]);
  for (const line of a.slice(a.length - tail)) ops.push({ kind: ' ', line });
  return ops;
}

function printLine(kind: string, line: string): string {
  if (line.endsWith('\n')) return kind + line;
  if (line.endsWith('\r')) return kind + line + '\n';
  return `${kind}${line}\n\\ No newline at end of file\n`;
}

const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
const NAMED: Record<string, string> = { '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '"': '"', '\\': '\\' };

/**
 * A file name for a diff header. A name with control characters is written in double quotes with
 * C escapes (octal for the bytes of other control characters), as git writes such names and as
 * `git apply` reads them; any other name as it is.
 */
export function diffName(name: string): string {
  if (!CONTROL.test(name)) return name;
  let out = '"';
  for (const c of name) {
    if (NAMED[c] !== undefined) out += '\\' + NAMED[c];
    else if (CONTROL.test(c)) for (const b of Buffer.from(c, 'utf8')) out += '\\' + b.toString(8).padStart(3, '0');
    else out += c;
  }
  return out + '"';
}

/**
 * A diff as shown on a terminal: control characters in its lines (other than tab and the line
 * breaks themselves) escaped as \xNN. Piped, a diff is printed as it is, so it still applies.
 */
export function forTerminal(diff: string): string {
  return diff
    .split('\n')
    .map((l) => (l.endsWith('\r') ? visible(l.slice(0, -1)) + '\r' : visible(l)))
    .join('\n');
}

/**
 * The unified diff turning `before` into `after` with `context` lines around each change; ''
 * when they are equal. `before === undefined` means the file is new (--- /dev/null).
 */
export function unifiedDiff(name: string, before: string | undefined, after: string, context = 3): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before ?? ''), splitLines(after));
  // A name with a blank ends with a tab, as git writes it: patch reads the name up to the tab.
  const tab = name.includes(' ') ? '\t' : '';
  // A path outside the working directory is absolute: a/tmp/x, not a//tmp/x (git apply refuses that),
  // so the diff applies from / with -p1.
  const rel = name.replace(/^\/+/, '');
  let out = `--- ${before === undefined ? '/dev/null' : diffName('a/' + rel) + tab}\n+++ ${diffName('b/' + rel) + tab}\n`;
  // Group changes whose context windows touch into hunks.
  const changed: number[] = [];
  ops.forEach((op, i) => op.kind !== ' ' && changed.push(i));
  let i = 0;
  while (i < changed.length) {
    const first = changed[i];
    let last = changed[i];
    while (i + 1 < changed.length && changed[i + 1] - last <= 2 * context + 1) last = changed[++i];
    i++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, last + context);
    // Line numbers: count old and new lines before the hunk.
    let oldLine = 1;
    let newLine = 1;
    for (let j = 0; j < from; j++) {
      if (ops[j].kind !== '+') oldLine++;
      if (ops[j].kind !== '-') newLine++;
    }
    let oldCount = 0;
    let newCount = 0;
    let body = '';
    for (let j = from; j <= to; j++) {
      const op = ops[j];
      if (op.kind !== '+') oldCount++;
      if (op.kind !== '-') newCount++;
      body += printLine(op.kind, op.line);
    }
    // An empty side is numbered after the line it follows (diff -u's convention).
    const range = (start: number, count: number) => `${count === 0 ? start - 1 : start}${count === 1 ? '' : ',' + count}`;
    out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n${body}`;
  }
  return out;
}
