// --fix and --fix-dry-run: apply the safe fixes in memory, lint again, repeat, so fixes that
// touch neighbouring lines land in a later pass. Writing (or diffing) the result is the caller's.
import { applyEdits, fixAllEdits } from '../core/edits';
import type { Finding } from '../core/types';
import type { Workspace } from '../core/workspace/workspace';

export const MAX_FIX_PASSES = 5;

export interface FixResult {
  /** Findings after the last pass. */
  findings: Map<string, Finding[]>;
  /** Texts that changed: uri -> [text before (undefined for a new file), text after]. */
  changed: Map<string, { before: string | undefined; after: string }>;
  /** How many fixes were applied, over all passes. */
  applied: number;
  passes: number;
}

export interface FixHost {
  ws: Workspace;
  lint(): Map<string, Finding[]>;
  /** The text a file had before fixing (undefined: not a file of the workspace). */
  textOf(uri: string): string | undefined;
  /** Whether a file exists outside the workspace (then a fix must not create it). */
  exists(uri: string): boolean;
  /** Whether fixes may create files (not when fixing standard input). */
  allowCreate: boolean;
}

export function fixWorkspace(host: FixHost, maxPasses = MAX_FIX_PASSES): FixResult {
  const changed = new Map<string, { before: string | undefined; after: string }>();
  const current = (uri: string) => changed.get(uri)?.after ?? host.textOf(uri);
  let findings = host.lint();
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const all = [...findings.values()].flat();
    let appliedThisPass = 0;
    for (const change of fixAllEdits(all)) {
      const before = current(change.uri);
      if (change.create ? !host.allowCreate || before !== undefined || host.exists(change.uri) : before === undefined) continue;
      const after = applyEdits(before ?? '', change.edits);
      if (after === before) continue;
      const first = changed.get(change.uri);
      changed.set(change.uri, { before: first ? first.before : before, after });
      if (host.ws.has(change.uri)) host.ws.set(change.uri, after, undefined, host.ws.dialectOf(change.uri));
      else host.ws.set(change.uri, after);
      appliedThisPass += change.fixed.length;
    }
    if (appliedThisPass === 0) break;
    applied += appliedThisPass;
    passes++;
    findings = host.lint();
  }
  // A file fixed back to what it was is not changed.
  for (const [uri, c] of changed) if (c.before === c.after) changed.delete(uri);
  return { findings, changed, applied, passes };
}
