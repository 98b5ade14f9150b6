// Completion of section names, keys valid where the cursor is, and enum/boolean values.
import { LIMIT_ITEMS } from '../knowledge/limits';
import { joinPath, normalizePath } from '../paths';
import { isDropIn, unitNameOf } from '../workspace/units';
import type { Workspace } from '../workspace/workspace';
import { stunnelAlias, stunnelOption, stunnelOptions } from '../knowledge/stunnel';
import { stunnelValueCompletions } from '../knowledge/values/stunnel';
import { directive, directiveSince, sectionDirectives } from '../knowledge/systemd';
import { valueTypeText, valueWords } from '../knowledge/values/systemd';
import { SPECIFIERS } from '../knowledge/values/systemdData';
import { sectionAt, type ParsedDocument } from '../syntax/ast';
import { allowedSections } from '../rules/systemd/context';
import type { Position, Range } from '../types';
import { stunnelOptionMarkdown, systemdDirectiveMarkdown } from './hover';

export type CompletionKind = 'section' | 'key' | 'value' | 'unit' | 'file' | 'folder';

export interface CompletionContext {
  /** The systemd release targeted (daemonlint.systemdVersion): newer keys are not offered. */
  systemdVersion?: number;
  /** The workspace, for unit names and for files under a filesystem-image folder. */
  ws?: Workspace;
  /** Lists a folder (an absolute path) for path completion; without it paths are not completed. */
  listDir?: (path: string) => { name: string; isDir: boolean }[];
}

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Text to insert in place of `range`. */
  insertText: string;
  range: Range;
  detail?: string;
  documentation?: string;
  deprecated?: boolean;
  /** Ask for completion again after inserting (a folder: its files come next). */
  retrigger?: boolean;
}

/** Units systemd itself defines (systemd.special(7)) that units commonly refer to. */
const SPECIAL_UNITS = [
  'basic.target', 'default.target', 'emergency.target', 'getty.target', 'graphical.target', 'local-fs.target', 'multi-user.target',
  'network.target', 'network-online.target', 'network-pre.target', 'nss-lookup.target', 'paths.target', 'remote-fs.target', 'rescue.target',
  'shutdown.target', 'sockets.target', 'sysinit.target', 'time-sync.target', 'timers.target',
];
const SPECIAL_SLICES = ['-.slice', 'system.slice', 'user.slice', 'machine.slice'];
const UNIT_TYPES_OF_VALUE = ['unit-list', 'unit-name', 'unit-name-list', 'slice-name'];
const PATH_TYPES_OF_VALUE = ['absolute-path', 'absolute-path-list', 'path', 'exec-command', 'env-file', 'working-directory', 'condition-path'];
const MAX_PATH_ITEMS = 500;

function unitEntries(doc: ParsedDocument, ctx: CompletionContext, slicesOnly: boolean, typedWords: string[], range: Range): CompletionEntry[] {
  const own = unitNameOf(doc);
  const names = new Map<string, string>();
  for (const u of ctx.ws?.all('systemd-unit') ?? []) if (!isDropIn(u)) names.set(unitNameOf(u), 'unit in the workspace');
  for (const n of slicesOnly ? SPECIAL_SLICES : SPECIAL_UNITS) if (!names.has(n)) names.set(n, 'systemd special unit');
  const out: CompletionEntry[] = [];
  for (const [name, detail] of names) {
    if (name === own || typedWords.includes(name) || (slicesOnly && !name.endsWith('.slice'))) continue;
    out.push({ label: name, kind: 'unit', insertText: name, range, detail });
  }
  return out;
}

function pathEntries(doc: ParsedDocument, ctx: CompletionContext, word: string, wordStart: number): CompletionEntry[] {
  if (!ctx.listDir) return [];
  const lead = /^[-+!@:|]*/.exec(word)![0];
  const path = word.slice(lead.length);
  if (!path.startsWith('/')) return [];
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const prefix = path.slice(slash + 1);
  const root = ctx.ws?.imageRootOf(doc.uri);
  const start = wordStart + lead.length + slash + 1;
  const range = doc.index.rangeOf({ start, end: start + prefix.length });
  let listed: { name: string; isDir: boolean }[] = [];
  try {
    listed = ctx.listDir(root ? joinPath(root, dir) : normalizePath(dir));
  } catch {
    return [];
  }
  return listed
    .filter((f) => !f.name.startsWith('.') || prefix.startsWith('.'))
    .slice(0, MAX_PATH_ITEMS)
    .map((f) => ({ label: f.isDir ? f.name + '/' : f.name, kind: f.isDir ? ('folder' as const) : ('file' as const), insertText: f.isDir ? f.name + '/' : f.name, range, ...(f.isDir ? { retrigger: true } : {}) }));
}


/** Completion at `pos`: section names, keys, enum and boolean values, unit names and file paths. */
export function complete(doc: ParsedDocument, pos: Position, ctx: CompletionContext = {}): CompletionEntry[] {
  const lineStart = doc.index.lineStarts[pos.line] ?? 0;
  const offset = doc.index.offsetAt(pos);
  const before = doc.text.slice(lineStart, offset);
  const leading = before.length - before.trimStart().length;
  const wordStart = lineStart + leading;
  if (/^\s*[#;]/.test(before)) return [];

  if (doc.dialect === 'limits-conf') {
    const fields = before.trim().split(/\s+/);
    if (fields.length === 3 && !/\s$/.test(before)) {
      const start = offset - fields[2].length;
      return Object.entries(LIMIT_ITEMS).map(([k, v]) => ({ label: k, kind: 'key', insertText: k, range: doc.index.rangeOf({ start, end: offset }), detail: v }));
    }
    return [];
  }

  // [Section] names.
  if (/^\s*\[[^\]]*$/.test(before)) {
    if (doc.dialect !== 'systemd-unit') return [];
    const range = doc.index.rangeOf({ start: wordStart, end: doc.index.lineEnd(pos.line) });
    return allowedSections(doc).map((s) => ({ label: `[${s}]`, kind: 'section', insertText: `[${s}]`, range }));
  }

  const eq = before.indexOf('=');
  const section = sectionAt(doc, pos.line);
  if (eq < 0) {
    const range = doc.index.rangeOf({ start: wordStart, end: offset });
    if (doc.dialect === 'stunnel') {
      const inService = section.name !== null;
      return stunnelOptions()
        .filter((o) => !o.removed && !(inService && o.scope === 'global'))
        .map((o) => ({ label: o.name, kind: 'key', insertText: `${o.name} = `, range, detail: o.valueText, documentation: stunnelOptionMarkdown(o), deprecated: !!o.deprecated }));
    }
    if (!section.name) return [];
    return sectionDirectives(section.name)
      .filter((d) => d.status === 'active' || d.status === 'deprecated')
      .filter((d) => !d.newer && (directiveSince(d) ?? 0) <= (ctx.systemdVersion ?? 999))
      .map((d) => ({ label: d.name, kind: 'key', insertText: `${d.name}=`, range, detail: valueTypeText(d), documentation: systemdDirectiveMarkdown(d), deprecated: d.status !== 'active' }));
  }

  // Values after `=`.
  const key = before.slice(0, eq).trim();
  const valueText = before.slice(eq + 1);
  const valueLead = valueText.length - valueText.trimStart().length;
  const range = doc.index.rangeOf({ start: lineStart + eq + 1 + valueLead, end: offset });
  // The word being typed: lists (After=a b) and command lines complete word by word.
  // (Scanned back from the end: /\S*$/ backtracks quadratically on a long run without blanks.)
  let wordFrom = valueText.length;
  while (wordFrom > 0 && !/\s/.test(valueText[wordFrom - 1])) wordFrom--;
  const word = valueText.slice(wordFrom);
  const valueWordStart = offset - word.length;
  const typedWords = valueText.slice(0, valueText.length - word.length).trim().split(/\s+/);
  let values: string[] = [];
  if (doc.dialect === 'stunnel') {
    const opt = stunnelOption(key) ?? stunnelAlias(key);
    if (opt?.type === 'path') return pathEntries(doc, ctx, word, valueWordStart);
    if (!opt) return [];
    const valueStart = lineStart + eq + 1 + valueLead;
    const names = doc.sections.filter((s) => s.name !== null && s !== section && s.headerLine < pos.line).map((s) => s.name!);
    return stunnelValueCompletions(opt, valueText.slice(valueLead), { global: section.name === null, sections: names }).map((v) => ({
      label: v.label,
      kind: 'value' as const,
      insertText: v.insertText,
      range: doc.index.rangeOf({ start: valueStart + v.from, end: offset }),
      ...(v.detail ? { detail: v.detail } : {}),
      ...(v.deprecated ? { deprecated: true } : {}),
      ...(v.retrigger ? { retrigger: true } : {}),
    }));
  } else if (section.name) {
    const d = directive(section.name, key);
    // %-specifiers, in settings that expand them.
    const pct = /(?:^|[^%])(?:%%)*%([A-Za-z]?)$/.exec(word);
    if (d?.expands && pct) {
      const r = doc.index.rangeOf({ start: offset - pct[1].length - 1, end: offset });
      return Object.entries(SPECIFIERS).map(([c, sp]) => ({ label: `%${c}`, kind: 'value' as const, insertText: `%${c}`, range: r, detail: sp.text }));
    }
    if (d && UNIT_TYPES_OF_VALUE.includes(d.type)) return unitEntries(doc, ctx, d.type === 'slice-name', typedWords, doc.index.rangeOf({ start: valueWordStart, end: offset }));
    if (d && PATH_TYPES_OF_VALUE.includes(d.type)) return pathEntries(doc, ctx, word, valueWordStart);
    if (d) {
      const { words, list } = valueWords(d);
      if (list) {
        const prefix = word.startsWith('~') ? 1 : 0;
        return words.filter((w) => !typedWords.includes(w)).map((v) => ({ label: v, kind: 'value' as const, insertText: v, range: doc.index.rangeOf({ start: valueWordStart + prefix, end: offset }) }));
      }
      values = words;
    }
  }
  return values.map((v) => ({ label: v, kind: 'value', insertText: v, range }));
}
