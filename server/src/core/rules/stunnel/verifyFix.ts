// Edits that turn on certificate verification for a service and give it CA certificates, shared
// by the fixes of missing-ca, verify-required and unauthenticated-client. stunnel keeps the last
// value it reads for an option, so a line only helps where nothing read after it sets the option
// again: the fixes rewrite the line stunnel reads last when there is one (a `verifyChain = no`, an
// empty `CAfile =`, a value stunnel refuses) and otherwise add lines at the end of the part.
import { compareVersions } from '../../knowledge/stunnel';
import type { Entry, ParsedDocument } from '../../syntax/ast';
import type { Fix, TextEdit } from '../../types';
import { insertLinesAfter, replaceSpan } from '../fixes';
import { clearableLast, indentOf, type LoadedEntry, type ServiceView, type StunnelLoad, valuesOf } from './load';

/** Debian's and Ubuntu's bundle of the system's trusted CA certificates. */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** Options whose last line decides whether the chain is verified. */
const CHAIN_KEYS = ['verify', 'verifyChain'];

/** Whether a service names CA certificates stunnel accepts (CAstore counts from 5.75). */
export function hasCaSource(view: ServiceView, stunnelVersion: string): boolean {
  return (
    valuesOf(view, 'CAengine').length > 0 ||
    !!clearableLast(view, 'CAfile') ||
    !!clearableLast(view, 'CApath') ||
    (compareVersions(stunnelVersion, '5.75') >= 0 && !!clearableLast(view, 'CAstore'))
  );
}

/** Rewrites a line as `key = value`, keeping the key as written (and the indentation). */
export function rewriteEntry(doc: ParsedDocument, e: Entry, value: string): TextEdit {
  let end = Math.max(e.valueSpan.end, e.equalsOffset + 1);
  const lineEnd = doc.index.lineEnd(e.endLine);
  while (end < lineEnd && (doc.text[end] === ' ' || doc.text[end] === '\t')) end++;
  return replaceSpan(doc, { start: e.keySpan.start, end }, `${e.key} = ${value}`);
}

/** Where a part of the configuration (one service, or the global part) ends: new lines read last go after `line` of `doc`. */
export interface Part {
  doc: ParsedDocument;
  line: number;
  indent: string;
  /** The part's lines in reading order. */
  own: LoadedEntry[];
  /** `[name]` of the service, or 'the global part'. */
  label: string;
}

const byEntry = new WeakMap<StunnelLoad, Map<Entry, LoadedEntry | null>>();

/** The loaded line for a parsed one; null when stunnel reads that file twice (two include lines). */
function loadedOf(load: StunnelLoad, e: Entry): LoadedEntry | null | undefined {
  let m = byEntry.get(load);
  if (!m) {
    m = new Map();
    for (const le of load.entries) m.set(le.entry, m.has(le.entry) ? null : le);
    byEntry.set(load, m);
  }
  return m.get(e);
}

/**
 * The end of a service's section in its file. Undefined when the file is not one we may edit, or
 * when an included file opened another section in between (the section's last lines then belong
 * to that one).
 */
export function servicePart(load: StunnelLoad, view: ServiceView): Part | undefined {
  const s = view.service;
  if (!s) return globalPart(load);
  if (load.external.has(s.doc)) return undefined;
  const last = s.section.entries[s.section.entries.length - 1];
  if (last && loadedOf(load, last)?.service !== s) return undefined;
  return { doc: s.doc, line: last ? last.endLine : s.section.headerLine, indent: last ? indentOf(s.doc, last) : '', own: s.own, label: `[${s.name}]` };
}

/** The end of the global part in the main file, when every global line is read before it. */
export function globalPart(load: StunnelLoad): Part | undefined {
  const entries = load.root.sections[0]?.entries ?? [];
  const last = entries[entries.length - 1];
  if (!last || loadedOf(load, last)?.global !== true) return undefined;
  return { doc: load.root, line: last.endLine, indent: indentOf(load.root, last), own: load.global, label: 'the global part' };
}

/** The edits of one or more parts, with the settings they make, for a title. */
export class PartEdits {
  readonly edits = new Map<ParsedDocument, TextEdit[]>();
  private readonly inserts = new Map<Part, string[]>();
  /** Lines added and lines rewritten, e.g. 'verifyChain = yes', for the title. */
  readonly added: string[] = [];
  readonly changed: string[] = [];

  constructor(private readonly load: StunnelLoad) {}

  /**
   * Makes `name = value` the value stunnel ends with in `part`, among the options in `group` that
   * decide the same thing: the part's last such line is rewritten when it sets `name` in a file we
   * may edit, otherwise a line is added at the end of the part.
   */
  set(part: Part, name: string, value: string, group: string[] = [name]): void {
    let last: LoadedEntry | undefined;
    for (const le of part.own) if (le.opt && group.includes(le.opt.name)) last = le;
    if (last && last.opt!.name === name && !this.load.external.has(last.doc)) {
      this.add(last.doc, rewriteEntry(last.doc, last.entry, value));
      this.changed.push(`${name} = ${value}`);
      return;
    }
    this.added.push(`${name} = ${value}`);
    const lines = this.inserts.get(part) ?? [];
    lines.push(`${part.indent}${name} = ${value}`);
    this.inserts.set(part, lines);
  }

  /** Adds a line at the end of `part` as it is (for list options such as checkHost). */
  append(part: Part, line: string): void {
    this.added.push(line);
    const lines = this.inserts.get(part) ?? [];
    lines.push(`${part.indent}${line}`);
    this.inserts.set(part, lines);
  }

  /** 'Add a, b', 'Set c' or 'Set c and add a, b'. */
  describe(join = ', '): string {
    const set = this.changed.length ? `Set ${this.changed.join(join)}` : '';
    const add = this.added.length ? `${set ? ' and add' : 'Add'} ${this.added.join(join)}` : '';
    return set + add;
  }

  private add(doc: ParsedDocument, edit: TextEdit): void {
    const list = this.edits.get(doc) ?? [];
    list.push(edit);
    this.edits.set(doc, list);
  }

  /** The fix, its changes in the files they touch; `undefined` when there is nothing to change. */
  toFix(title: string, preferred: boolean): Fix | undefined {
    for (const [part, lines] of this.inserts) this.add(part.doc, insertLinesAfter(part.doc, part.line, lines));
    this.inserts.clear();
    if (this.edits.size === 0) return undefined;
    return { title, changes: [...this.edits].map(([doc, edits]) => ({ uri: doc.uri, edits })), preferred };
  }
}

/** Turns on chain verification in `part` and, when the service has no CA source, adds the system bundle. */
export function enableChain(p: PartEdits, part: Part, withCa: boolean): void {
  p.set(part, 'verifyChain', 'yes', CHAIN_KEYS);
  if (withCa) p.set(part, 'CAfile', SYSTEM_CA_BUNDLE);
}

/** Whether a service sets verify or verifyChain itself, so a global verifyChain does not reach it. */
export function setsChainItself(view: ServiceView): boolean {
  return view.own.some((le) => !!le.opt && CHAIN_KEYS.includes(le.opt.name));
}
