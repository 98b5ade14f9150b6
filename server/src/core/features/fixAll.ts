// "Fix all Daemonlint problems" (source.fixAll.daemonlint): applies every preferred fix of a file,
// linting again between passes because one fix can make room for another (two moves into the
// same section, two ids removed from one suppression comment).
import { applyEdits, fixAllEdits } from '../edits';
import { lintFile } from '../lint';
import type { Settings } from '../settings';
import { LineIndex } from '../text';
import type { TextEdit } from '../types';
import type { Workspace } from '../workspace/workspace';

export const FIX_ALL_TITLE = 'Fix all Daemonlint problems';
/** Fixes that insert at the same place (several lines added to one section) take a pass each. */
const MAX_PASSES = 64;

export interface FixAllResult {
  /** Edits against the current text of the file. */
  edits: TextEdit[];
  /** The text after every pass. */
  text: string;
  passes: number;
}

/** The smallest single edit that turns `before` into `after`. */
export function diffEdit(before: string, after: string): TextEdit {
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  // Never split a \r\n pair: VS Code would see a lone \r.
  if (a > 0 && before[a - 1] === '\r' && (before[a] === '\n' || after[a] === '\n')) a--;
  const index = new LineIndex(before);
  return { range: index.rangeOf({ start: a, end: before.length - b }), newText: after.slice(a, after.length - b) };
}

/**
 * The edits that apply every preferred fix of `uri`, or undefined when there is none. The
 * workspace is used to lint the intermediate texts and is left as it was found.
 */
export function fixAll(ws: Workspace, uri: string, settings: Settings): FixAllResult | undefined {
  const doc = ws.get(uri);
  const dialect = ws.dialectOf(uri);
  if (!doc || !dialect || ws.problemOf(uri)) return undefined;
  const original = doc.text;
  const version = doc.version;
  const seen = new Set([original]);
  let text = original;
  let first: TextEdit[] = [];
  let passes = 0;
  try {
    while (passes < MAX_PASSES) {
      const change = fixAllEdits(lintFile(ws, uri, settings)).find((c) => c.uri === uri && !c.create);
      if (!change || change.edits.length === 0) break;
      const next = applyEdits(text, change.edits);
      if (seen.has(next)) break; // fixes that undo each other: stop before looping
      seen.add(next);
      if (passes === 0) first = change.edits;
      text = next;
      passes++;
      ws.set(uri, text, version, dialect);
    }
  } finally {
    if (text !== original) ws.set(uri, original, version, dialect);
  }
  if (passes === 0) return undefined;
  return { edits: passes === 1 ? first : [diffEdit(original, text)], text, passes };
}
