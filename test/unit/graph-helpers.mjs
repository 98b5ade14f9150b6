// Helpers for the graph tests: small trees of files laid out as on disk under an image root,
// linted together; fixes applied to every file they touch (including files they create).
import { core } from '../helpers.mjs';

/** The filesystem-image root the trees live under. */
export const ROOT = '/img';

export function workspace(files, { image = true } = {}) {
  const ws = new core.Workspace(image ? [ROOT] : [], image ? [ROOT] : []);
  for (const [path, text] of Object.entries(files)) ws.set(core.pathToUri(image ? ROOT + path : path), text);
  return ws;
}

/** Findings of one file as `rule@line:col` (1-based), optionally only those of some rules. */
export function findings(files, target, { rules, settings = {}, image = true } = {}) {
  const ws = workspace(files, { image });
  const uri = core.pathToUri(image ? ROOT + target : target);
  return core.lintFile(ws, uri, core.resolveSettings(settings)).filter((f) => !rules || rules.includes(f.rule));
}

export function briefs(list) {
  return list.map((f) => `${f.rule}@${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

/** Every finding of the tree, as `path:line rule`, for the given rules. */
export function allBriefs(files, rules, { settings = {}, image = true } = {}) {
  const ws = workspace(files, { image });
  const out = [];
  for (const [uri, list] of core.lintWorkspace(ws, core.resolveSettings(settings))) {
    const path = core.uriToPath(uri).slice(image ? ROOT.length : 0);
    for (const f of list) if (rules.includes(f.rule)) out.push(`${path}:${f.range.start.line + 1} ${f.rule}`);
  }
  return out.sort();
}

/** Applies a fix to the tree: returns the new { path: text } (created files included). */
export function applyFix(files, fix, { image = true } = {}) {
  const out = { ...files };
  for (const change of fix.changes) {
    const abs = core.uriToPath(change.uri);
    const path = image ? abs.slice(ROOT.length) : abs;
    out[path] = core.applyEdits(change.create ? '' : (files[path] ?? ''), change.edits);
  }
  return out;
}
