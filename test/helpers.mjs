// Shared test helpers: load the bundled core, lint inline text, apply fixes.
import { createRequire } from 'node:module';
import { TextDocument } from 'vscode-languageserver-textdocument';

const require = createRequire(import.meta.url);
/** The core facade, as bundled by `npm run build` (dist/core.js). */
export const core = require('../dist/core.js');

/**
 * Lints files given as { 'path': text } together, as one workspace.
 * Returns findings of `target` (default: the first file) as compact objects.
 */
export function lint(files, { target, settings = {}, imageRoots = [] } = {}) {
  const ws = new core.Workspace([], imageRoots);
  for (const [path, text] of Object.entries(files)) ws.set(core.pathToUri(path), text);
  const uri = core.pathToUri(target ?? Object.keys(files)[0]);
  return core.lintFile(ws, uri, core.resolveSettings(settings));
}

/** `rule@line:col-line:col` (1-based lines and columns) for exact assertions. */
export function brief(f) {
  const r = f.range;
  return `${f.rule}@${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export function briefs(findings) {
  return findings.map(brief);
}

/** Applies a fix's edits for one file to its text. */
export function applyFix(text, fix, uri) {
  const change = fix.changes.find((c) => c.uri === uri) ?? fix.changes[0];
  const doc = TextDocument.create(change.uri, 'x', 0, text);
  return TextDocument.applyEdits(doc, change.edits);
}

/** Lints, applies the first (or the titled) fix of the first finding of `rule`, returns the new text. */
export function fixOnce(files, rule, { title, target } = {}) {
  const path = target ?? Object.keys(files)[0];
  const finding = lint(files, { target: path }).find((f) => f.rule === rule);
  if (!finding) throw new Error(`no ${rule} finding`);
  const fix = title ? finding.fixes.find((x) => x.title === title) : finding.fixes[0];
  if (!fix) throw new Error(`no fix on ${rule}: ${finding.fixes.map((x) => x.title).join(', ')}`);
  return applyFix(files[path], fix, core.pathToUri(path));
}

/** Lints the first file of a workspace with the given settings. */
export function lintWith(files, settings = {}) {
  return lint(files, { settings });
}

/** Applies the fix titled `title` of the first finding of `rule` that has it; returns the new text. */
export function fixWith(files, rule, title, settings = {}) {
  const path = Object.keys(files)[0];
  const finding = lintWith(files, settings).find((f) => f.rule === rule && f.fixes.some((x) => x.title === title));
  if (!finding) throw new Error(`no ${rule} finding with fix '${title}'`);
  return applyFix(files[path], finding.fixes.find((x) => x.title === title), core.pathToUri(path));
}
