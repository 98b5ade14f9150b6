// What every output format shares: file names relative to the working directory, 1-based positions.
import * as path from 'node:path';
import { uriToPath } from '../../core/paths';
import type { Finding, Range, Severity } from '../../core/types';

/** A file as the user should see it: relative to the working directory when inside it. */
export function displayPath(uri: string, cwd: string): string {
  const file = uriToPath(uri);
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

export interface OneBased {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** LSP range (0-based, end exclusive) -> 1-based line and column, end column exclusive. */
export function oneBased(r: Range): OneBased {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/**
 * Text safe to print on a terminal: control characters (C0 but tab, DEL, C1) become `\xNN`, so a
 * linted file cannot move the cursor, clear the screen or retitle the window through a message
 * that quotes it, and a finding stays on one line. Bidirectional controls (U+202A-U+202E,
 * U+2066-U+2069) become `\u{NNNN}`: they would reorder what the line seems to say.
 */
export function visible(text: string): string {
  return text
    .replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** Findings of all files in one list: by file name as shown, then position, then rule. */
export function sortFindings(all: Finding[], cwd: string): Finding[] {
  const name = new Map<string, string>();
  const shown = (uri: string) => {
    let n = name.get(uri);
    if (n === undefined) name.set(uri, (n = displayPath(uri, cwd)));
    return n;
  };
  return all.sort(
    (a, b) =>
      (shown(a.uri) < shown(b.uri) ? -1 : shown(a.uri) > shown(b.uri) ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
