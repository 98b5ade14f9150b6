// Helpers shared by the systemd rules: which sections a file may have, directive lookup, the
// unit a file belongs to, and the settings merged over the unit file and its drop-ins.
import { unitTypeOf } from '../../dialect';
import { UNIT_TYPE_SECTIONS, directive, knownSections, type Directive } from '../../knowledge/systemd';
import { checkSystemdValue, type ValueContext } from '../../knowledge/values/systemd';
import { uriToPath } from '../../paths';
import type { Entry, ParsedDocument, Section } from '../../syntax/ast';
import type { Settings } from '../../settings';
import { DEFAULT_SYSTEMD_VERSION, emptyResetsKey, entriesOf, isDropIn, isIn, unitAndDropIns, unitNameOf } from '../../workspace/units';
import type { Workspace } from '../../workspace/workspace';
import type { RuleContext } from '../rule';

/** Sections allowed in this file; all known sections when the unit type can't be told. */
export function allowedSections(doc: ParsedDocument): string[] {
  const t = unitTypeOf(uriToPath(doc.uri));
  return t ? UNIT_TYPE_SECTIONS[t] : knownSections();
}

export function isExtensionName(name: string): boolean {
  return name.startsWith('X-');
}

/** The directive a key names in its section, if the section is one systemd knows. */
export function lookup(section: Section, key: string): Directive | undefined {
  return section.name ? directive(section.name, key) : undefined;
}

/** The unit type of the file (service, socket, ...), from its name or its drop-in folder. */
export function unitTypeOfDoc(doc: ParsedDocument): string | undefined {
  return unitTypeOf(uriToPath(doc.uri));
}

/** The unit name a file configures: its own name, or the unit of its drop-in folder. */
export function unitNameOfDoc(doc: ParsedDocument): string {
  return unitNameOf(doc);
}

export function isDropInDoc(doc: ParsedDocument): boolean {
  return isDropIn(doc);
}

/** An empty file or one that is a link to /dev/null masks the unit: systemd loads nothing from it. */
export function isMasked(doc: ParsedDocument): boolean {
  return doc.text.trim() === '';
}

/** A file systemd cannot load at all (a broken [Section header): unit-level checks would only add noise. */
export function unloadable(doc: ParsedDocument): boolean {
  return doc.issues.some((i) => i.code === 'invalid-section-header');
}

export function valueContext(settings: Settings, doc: ParsedDocument): ValueContext {
  return { version: settings.systemdVersion, unitType: unitTypeOfDoc(doc) };
}

/** The line of the first broken [Section header: systemd stops reading the file there. */
export function readableUntil(doc: ParsedDocument): number {
  const broken = doc.issues.filter((i) => i.code === 'invalid-section-header').map((i) => doc.index.positionAt(i.span.start).line);
  return broken.length ? Math.min(...broken) : Infinity;
}

const knownCache = new WeakMap<ParsedDocument, { e: Entry; d: Directive }[]>();

/**
 * Every entry of a section systemd reads in this file, with its directive (unknown keys skipped).
 * Computed once per parse: a dozen rules walk it.
 */
export function knownEntries(doc: ParsedDocument): readonly { e: Entry; d: Directive }[] {
  let out = knownCache.get(doc);
  if (out) return out;
  out = [];
  const allowed = allowedSections(doc);
  const until = readableUntil(doc);
  for (const s of doc.sections) {
    if (!s.name || !allowed.includes(s.name)) continue;
    for (const e of s.entries) {
      if (e.line > until) continue;
      const d = lookup(s, e.key);
      if (d) out.push({ e, d });
    }
  }
  knownCache.set(doc, out);
  return out;
}

/** The unit file and its drop-ins in the order systemd applies them (the unit alone if it has none). */
export function unitFiles(ws: Workspace, unit: ParsedDocument): ParsedDocument[] {
  return unitAndDropIns(ws, unit);
}

/** The unit file a document belongs to: itself, or for a drop-in the unit when the workspace has it. */
export function unitOf(ws: Workspace, doc: ParsedDocument): ParsedDocument | undefined {
  return isDropInDoc(doc) ? ws.unitNamed(unitNameOfDoc(doc)) : doc;
}

/**
 * Assignments of a key in force after merging the unit and its drop-ins. An empty value resets the
 * key's list where systemd `version` takes it as a reset; where systemd rejects it, it is skipped.
 */
export function effective(ws: Workspace, unit: ParsedDocument, section: string, key: string | string[], version: number = DEFAULT_SYSTEMD_VERSION): Entry[] {
  const keys = Array.isArray(key) ? key : [key];
  const resets = new Set(keys.filter((k) => emptyResetsKey(section, k, version)));
  let out: Entry[] = [];
  for (const d of unitFiles(ws, unit)) {
    // From the per-file index; with several keys, back into file order so resets apply in turn.
    const entries = keys.length === 1 ? entriesOf(d, section, keys[0]) : keys.flatMap((k) => entriesOf(d, section, k)).sort((a, b) => a.span.start - b.span.start);
    for (const e of entries) {
      if (e.value !== '') out.push(e);
      else if (resets.has(e.key)) out = out.filter((x) => x.key !== e.key);
    }
  }
  return out;
}

/**
 * The last assignment of a key across the unit and its drop-ins, an empty one included when it
 * resets the key (an empty one systemd `version` rejects is no assignment).
 */
export function lastAssignment(ws: Workspace, unit: ParsedDocument, section: string, key: string, version: number = DEFAULT_SYSTEMD_VERSION): Entry | undefined {
  const resets = emptyResetsKey(section, key, version);
  let last: Entry | undefined;
  for (const d of unitFiles(ws, unit)) {
    for (const e of entriesOf(d, section, key)) if (e.value !== '' || resets) last = e;
  }
  return last;
}

/** The last effective value of a key, or undefined. */
export function effectiveValue(ws: Workspace, unit: ParsedDocument, section: string, key: string, version: number = DEFAULT_SYSTEMD_VERSION): Entry | undefined {
  const list = effective(ws, unit, section, key, version);
  return list[list.length - 1];
}

/** Whether the entry's value passes its grammar (entries systemd would ignore do not count). */
export function validEntry(e: Entry, cx: ValueContext): boolean {
  const d = lookup(e.section, e.key);
  return !d || !checkSystemdValue(d, e.value, cx);
}

/** Whether an entry sits in this document. */
export const inDoc: typeof isIn = isIn;

/** Where to report a problem of a whole unit: the header of `section`, else the first header, else line 1. */
export function unitAnchor(doc: ParsedDocument, section: string): { start: number; end: number } {
  const s = doc.sections.find((x) => x.name === section && x.headerSpan) ?? doc.sections.find((x) => x.headerSpan);
  if (s?.headerSpan) return s.headerSpan;
  const end = doc.index.lineEnd(0);
  return { start: 0, end: Math.max(end, 0) };
}

/** Lines of a boolean setting's truth, reading systemd's boolean words. */
export function truthy(e: Entry | undefined): boolean {
  return !!e && ['1', 'yes', 'y', 'true', 't', 'on'].includes(e.value.toLowerCase());
}

/** Shorthand for rules: the value context of the file being checked. */
export function cxOf(ctx: RuleContext): ValueContext {
  return valueContext(ctx.settings, ctx.doc);
}

/** The characters of /\s/, tested without a regular expression (this runs for every character of every value). */
function isJsSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

/**
 * Where an inline comment starts in a value (offset of the `#` or `;`), or -1. systemd has no
 * trailing comments: a `#` after whitespace is part of the value. In command lines and
 * environment assignments quoted text is skipped; a `;` only counts outside command lines.
 */
export function inlineCommentStart(d: Directive | undefined, v: string): number {
  const quotes = !!d && (d.type === 'exec-command' || d.type === 'env-assignments');
  let q: string | null = null;
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    if (quotes) {
      if (q) {
        if (c === '\\') i++;
        else if (c === q) q = null;
        continue;
      }
      if (c === '"' || c === "'") {
        q = c;
        continue;
      }
    }
    if (!isJsSpace(v.charCodeAt(i - 1))) continue;
    if (c === '#') return i;
    if (c === ';' && d && d.type !== 'exec-command' && d.type !== 'string' && i + 1 < v.length && isJsSpace(v.charCodeAt(i + 1))) return i;
  }
  return -1;
}

/** Whitespace-separated words of a value with their offsets. */
export function plainWordsOf(v: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
