// How stunnel reads a configuration as a whole: the main file with its `include = DIR` files
// spliced in where the include line stands (every regular file of the directory, in name order,
// sharing the parser state), the global part (lines read before any section was opened) and the
// services with the defaults they inherit. Rules that need more than one line use this model;
// it is built once per main file and shared by the rules through a short-lived cache.
import { stunnelAlias, stunnelOption, type StunnelOption } from '../../knowledge/stunnel';
import { basename, dirname, joinPath, normalizePath, pathToUri, uriToPath } from '../../paths';
import type { Entry, ParsedDocument, Section } from '../../syntax/ast';
import { parseStunnel } from '../../syntax/stunnel';
import type { Span } from '../../types';
import type { Workspace } from '../../workspace/workspace';
import type { Report, RuleContext } from '../rule';

/** Bounds on following includes: nesting depth, number of files, total size. */
export const INCLUDE_LIMITS = { depth: 8, files: 256, bytes: 4 * 1024 * 1024 };

export interface LoadedEntry {
  entry: Entry;
  doc: ParsedDocument;
  /** The option (aliases resolved), undefined when stunnel does not know the name. */
  opt: StunnelOption | undefined;
  /** Read while no section was open: a global option, or a default for every service. */
  global: boolean;
  service: LoadedService | undefined;
  order: number;
}

export interface LoadedService {
  /** The name between the brackets. */
  name: string;
  doc: ParsedDocument;
  section: Section;
  /** Lines read inside this section, in reading order (possibly from several files). */
  own: LoadedEntry[];
  index: number;
}

/** A service as stunnel initialises it: defaults from the global part, then its own lines. */
export interface ServiceView {
  /** null for inetd mode (no section at all: the global part is the service). */
  service: LoadedService | null;
  label: string;
  entries: LoadedEntry[];
  own: LoadedEntry[];
}

export interface IncludeProblem {
  at: LoadedEntry;
  kind: 'missing' | 'not-dir' | 'loop' | 'limit';
  message: string;
}

export interface StunnelLoad {
  root: ParsedDocument;
  /** Every file read, the root first. */
  docs: ParsedDocument[];
  /** Files read through the workspace's reader, not part of the workspace. */
  external: Set<ParsedDocument>;
  /** The include line that pulled each included file in. */
  via: Map<ParsedDocument, LoadedEntry>;
  entries: LoadedEntry[];
  global: LoadedEntry[];
  services: LoadedService[];
  /** Where the first section was opened: its header, or the include line whose file opened it. */
  firstOpener: { doc: ParsedDocument; line: number } | undefined;
  includeProblems: IncludeProblem[];
  /** The root's referenced files, users and ports can be checked on this machine. */
  live: boolean;
  /**
   * The root looks like a fragment of a larger configuration (a file in a *.d directory that no
   * workspace file includes): rules about the whole configuration stay quiet.
   */
  partial: boolean;
}

export function optionOf(e: Entry): StunnelOption | undefined {
  const o = stunnelOption(e.key);
  return o && !o.removed ? o : stunnelAlias(e.key);
}

// ---------------------------------------------------------------------------------------------
// Paths

/** Whether the file is the configuration of this machine (or of a filesystem image we can read). */
export function isLive(ws: Workspace, uri: string): boolean {
  if (!ws.reader) return false;
  if (ws.imageRootOf(uri)) return true;
  const p = uriToPath(uri);
  return ws.hostRoots.some((r) => {
    const n = normalizePath(r);
    return p === n || p.startsWith(n === '/' ? '/' : n + '/');
  });
}

/**
 * Where a path written in a configuration lives on the machine we can read: absolute paths inside
 * a filesystem image are taken under its root. stunnel resolves relative paths (also in included
 * files) from its working directory; they are taken from the main file's directory, where the
 * configuration is normally started from.
 */
export function resolveRef(ws: Workspace, main: ParsedDocument, value: string): string {
  if (value.startsWith('/')) {
    const root = ws.imageRootOf(main.uri);
    return root ? joinPath(root, value) : normalizePath(value);
  }
  return joinPath(dirname(uriToPath(main.uri)), value);
}

interface Listing {
  dir: string;
  names: string[];
}

/** The files of an include directory, from the workspace and the reader. */
function listIncludeDir(ws: Workspace, dirPath: string, live: boolean, from?: string): Listing | 'missing' | 'not-dir' | 'unknown' {
  const inWs = ws
    .uris()
    .map(uriToPath)
    .filter((p) => dirname(p) === dirPath)
    .map(basename);
  const fromReader = ws.reader?.listDir(dirPath);
  if (fromReader || inWs.length > 0) return { dir: dirPath, names: [...new Set([...(fromReader ?? []), ...inWs])].sort(byteOrder) };
  if (live) return ws.reader?.readFile(dirPath) !== undefined ? 'not-dir' : 'missing';
  // A copy of a configuration (e.g. in a repository): the one workspace folder with that name,
  // other than the including file's own (/etc/stunnel/x.conf naming /var/lib/stunnel is no loop).
  const dirs = new Set(
    ws
      .uris()
      .map((u) => dirname(uriToPath(u)))
      .filter((d) => basename(d) === basename(dirPath) && d !== from),
  );
  if (dirs.size === 1) return listIncludeDir(ws, [...dirs][0], true) as Listing;
  return 'unknown';
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Building the model

function buildLoad(ws: Workspace, root: ParsedDocument, partial: boolean): StunnelLoad {
  const live = isLive(ws, root.uri);
  const load: StunnelLoad = {
    root,
    docs: [root],
    external: new Set(),
    via: new Map(),
    entries: [],
    global: [],
    services: [],
    firstOpener: undefined,
    includeProblems: [],
    live,
    partial,
  };
  let current: LoadedService | undefined;
  let files = 1;
  let bytes = root.text.length;
  // The top-level line (in the root) being expanded, to locate where the first section opened.
  let topLine = -1;

  const walk = (doc: ParsedDocument, depth: number, stack: string[]) => {
    for (const section of doc.sections) {
      if (section.headerLine >= 0) {
        current = { name: section.name ?? '', doc, section, own: [], index: load.services.length };
        load.services.push(current);
        if (!load.firstOpener) load.firstOpener = depth === 0 ? { doc, line: section.headerLine } : { doc: root, line: topLine };
      }
      for (const entry of section.entries) {
        if (depth === 0) topLine = entry.line;
        const le: LoadedEntry = { entry, doc, opt: optionOf(entry), global: !current, service: current, order: load.entries.length };
        load.entries.push(le);
        if (current) current.own.push(le);
        else load.global.push(le);
        if (le.opt?.name === 'include') include(le, depth, stack);
      }
    }
  };

  const include = (le: LoadedEntry, depth: number, stack: string[]) => {
    const dir = resolveRef(ws, root, le.entry.value);
    if (stack.includes(dir)) {
      const what = dir === stack[0] ? `the directory of ${basename(uriToPath(root.uri))} itself (${dir}), so that file too` : `a directory that is already being read (${dir})`;
      load.includeProblems.push({ at: le, kind: 'loop', message: `include = ${le.entry.value} includes ${what}: stunnel would read it again and again until it runs out of memory or file descriptors.` });
      return;
    }
    if (depth + 1 > INCLUDE_LIMITS.depth) {
      load.includeProblems.push({ at: le, kind: 'limit', message: `Includes are nested more than ${INCLUDE_LIMITS.depth} levels deep here; Daemonlint stops following them.` });
      return;
    }
    const listing = le.entry.value === '' ? 'missing' : listIncludeDir(ws, dir, live, dirname(uriToPath(le.doc.uri)));
    if (listing === 'unknown') return;
    if (listing === 'missing' || listing === 'not-dir') {
      const what = listing === 'missing' ? 'does not exist' : 'is a file, not a directory';
      load.includeProblems.push({ at: le, kind: listing, message: `include = ${le.entry.value}: ${dir} ${what}. stunnel includes every file of a directory and stops with "Failed to include directory".` });
      return;
    }
    for (const name of listing.names) {
      const path = joinPath(listing.dir, name);
      const uri = pathToUri(path);
      let doc: ParsedDocument | undefined;
      const inWs = ws.get(uri);
      if (inWs) doc = inWs.dialect === 'stunnel' ? inWs : parseStunnel(uri, inWs.text);
      else {
        const text = ws.reader?.readFile(path);
        if (text === undefined) continue; // a subdirectory or something unreadable: stunnel skips it too
        doc = parseStunnel(uri, text);
        load.external.add(doc);
      }
      if (++files > INCLUDE_LIMITS.files || (bytes += doc.text.length) > INCLUDE_LIMITS.bytes) {
        load.includeProblems.push({ at: le, kind: 'limit', message: `This include brings the configuration past ${INCLUDE_LIMITS.files} files or ${INCLUDE_LIMITS.bytes / (1024 * 1024)} MiB; Daemonlint stops following includes here.` });
        return;
      }
      load.docs.push(doc);
      load.via.set(doc, le);
      walk(doc, depth + 1, [...stack, dir]);
    }
  };

  // The main file's own directory counts as being read: including it reads the main file again.
  walk(root, 0, [dirname(uriToPath(root.uri))]);
  return load;
}

// ---------------------------------------------------------------------------------------------
// Which file includes which, and the cache

interface Cache {
  key: ParsedDocument[];
  at: number;
  parent: Map<string, string>;
  loads: Map<string, StunnelLoad>;
}

const CACHE_MS = 1500;
const caches = new WeakMap<Workspace, Cache>();

function cacheFor(ws: Workspace): Cache {
  const key = ws.all();
  const now = Date.now();
  const old = caches.get(ws);
  if (old && now - old.at < CACHE_MS && old.key.length === key.length && old.key.every((d, i) => d === key[i])) return old;
  const parent = new Map<string, string>();
  for (const doc of key) {
    if (doc.dialect !== 'stunnel') continue;
    const live = isLive(ws, doc.uri);
    for (const s of doc.sections) {
      for (const e of s.entries) {
        if (optionOf(e)?.name !== 'include' || e.value === '') continue;
        const listing = listIncludeDir(ws, resolveRef(ws, doc, e.value), live, dirname(uriToPath(doc.uri)));
        if (typeof listing === 'string') continue;
        for (const name of listing.names) {
          const uri = pathToUri(joinPath(listing.dir, name));
          if (uri !== doc.uri && !parent.has(uri) && ws.has(uri)) parent.set(uri, doc.uri);
        }
      }
    }
  }
  const c: Cache = { key, at: now, parent, loads: new Map() };
  caches.set(ws, c);
  return c;
}

/** The main file a file is read as part of: the outermost workspace file that includes it. */
export function rootOf(ws: Workspace, doc: ParsedDocument): ParsedDocument {
  const c = cacheFor(ws);
  let uri = doc.uri;
  const seen = new Set([uri]);
  for (let p = c.parent.get(uri); p && !seen.has(p); p = c.parent.get(p)) {
    seen.add(p);
    uri = p;
  }
  return uri === doc.uri ? doc : (ws.get(uri) ?? doc);
}

/** The configuration `doc` belongs to, as stunnel reads it. */
export function stunnelLoad(ws: Workspace, doc: ParsedDocument): StunnelLoad {
  const c = cacheFor(ws);
  const root = rootOf(ws, doc);
  const hit = c.loads.get(root.uri);
  if (hit && hit.root === root) return hit;
  const dir = basename(dirname(uriToPath(root.uri)));
  const partial = root === doc && !c.parent.has(doc.uri) && (dir.endsWith('.d') || dir === 'conf.d');
  const load = buildLoad(ws, root, partial);
  c.loads.set(root.uri, load);
  return load;
}

// ---------------------------------------------------------------------------------------------
// Reading the model

/** The services stunnel initialises: each section, or the global part in inetd mode. */
const viewsOf = new WeakMap<StunnelLoad, ServiceView[]>();

export function serviceViews(load: StunnelLoad): ServiceView[] {
  let views = viewsOf.get(load);
  if (!views) viewsOf.set(load, (views = buildViews(load)));
  return views;
}

function buildViews(load: StunnelLoad): ServiceView[] {
  const defaults = load.global.filter((le) => le.opt && le.opt.scope !== 'global');
  if (load.services.length === 0) return [{ service: null, label: 'Inetd mode (no [section])', entries: defaults, own: defaults }];
  return load.services.map((s) => ({ service: s, label: `Service [${s.name}]`, entries: [...defaults, ...s.own], own: s.own }));
}

export function valuesOf(view: { entries: LoadedEntry[] }, name: string): LoadedEntry[] {
  return view.entries.filter((le) => le.opt?.name === name);
}

export function lastOf(view: { entries: LoadedEntry[] }, name: string): LoadedEntry | undefined {
  for (let i = view.entries.length - 1; i >= 0; i--) if (view.entries[i].opt?.name === name) return view.entries[i];
  return undefined;
}

export function isYes(le: LoadedEntry | undefined): boolean {
  return !!le && le.entry.value.toLowerCase() === 'yes';
}

export function isClient(view: ServiceView): boolean {
  return isYes(lastOf(view, 'client'));
}

/** verifyChain / verifyPeer as stunnel ends up with them after verify, verifyChain and verifyPeer lines. */
const verifyOf = new WeakMap<ServiceView, { chain: boolean; peer: boolean; by: LoadedEntry[] }>();

export function verifyState(view: ServiceView): { chain: boolean; peer: boolean; by: LoadedEntry[] } {
  let v = verifyOf.get(view);
  if (!v) verifyOf.set(view, (v = computeVerify(view)));
  return v;
}

function computeVerify(view: ServiceView): { chain: boolean; peer: boolean; by: LoadedEntry[] } {
  let chain = false;
  let peer = false;
  const by: LoadedEntry[] = [];
  for (const le of view.entries) {
    const n = le.opt?.name;
    const v = le.entry.value.toLowerCase();
    if (n === 'verify' && /^[0-4]$/.test(v)) {
      const lvl = Number(v);
      chain = lvl >= 1 && lvl <= 3;
      peer = lvl >= 3;
      by.push(le);
    } else if (n === 'verifyChain' && (v === 'yes' || v === 'no')) {
      chain = v === 'yes';
      by.push(le);
    } else if (n === 'verifyPeer' && (v === 'yes' || v === 'no')) {
      peer = v === 'yes';
      by.push(le);
    }
  }
  return { chain, peer, by };
}

/** The last value of a path option that an empty value clears (CAfile =, CApath =, ...). */
export function clearableLast(view: ServiceView, name: string): LoadedEntry | undefined {
  const le = lastOf(view, name);
  return le && le.entry.value !== '' ? le : undefined;
}

/** Where to put a finding about a whole service: its header (or, in inetd mode, the root's first line). */
export function anchorOf(load: StunnelLoad, view: ServiceView): { doc: ParsedDocument; span: Span } | undefined {
  if (view.service) return { doc: view.service.doc, span: view.service.section.headerSpan! };
  const first = load.global.find((le) => le.doc === load.root) ?? load.global[0];
  return first ? { doc: first.doc, span: first.entry.keySpan } : undefined;
}

/** The blanks before an entry on its line, to indent new lines like it (a byte-order mark is not copied). */
export function indentOf(doc: ParsedDocument, e: Entry): string {
  return doc.text.slice(doc.index.lineStarts[e.line], e.span.start).replace(/[^ \t]/g, '');
}

export function spanOfLoaded(le: LoadedEntry): Span {
  const e = le.entry;
  return { start: e.keySpan.start, end: e.valueSpan.end > e.keySpan.end ? e.valueSpan.end : e.keySpan.end };
}

/** The file and line to name for a file that is not in the workspace. */
function describe(doc: ParsedDocument, span: Span): string {
  return `${uriToPath(doc.uri)}:${doc.index.positionAt(span.start).line + 1}`;
}

/**
 * Reports a finding located in any file of the configuration. It lands in `ctx.doc` when it is
 * that file; a finding in an included file that is not in the workspace lands on the include line
 * that pulled it in, naming the file and line.
 */
export function reportIn(ctx: RuleContext, load: StunnelLoad, doc: ParsedDocument, span: Span, r: Omit<Report, 'span'>): void {
  if (doc === ctx.doc) {
    ctx.report({ ...r, span });
    return;
  }
  if (!load.external.has(doc)) return;
  let at = load.via.get(doc);
  const where = describe(doc, span);
  while (at && load.external.has(at.doc)) at = load.via.get(at.doc);
  if (at && at.doc === ctx.doc) {
    ctx.report({ ...r, span: spanOfLoaded(at), message: `In the included file ${where}: ${r.message}`, fixes: [], related: [] });
  }
}

/** reportIn for an entry of the configuration. */
export function reportEntry(ctx: RuleContext, load: StunnelLoad, le: LoadedEntry, span: Span, r: Omit<Report, 'span'>): void {
  reportIn(ctx, load, le.doc, span, r);
}

/** Whether the configuration is something stunnel would be started with (not empty, not a fragment). */
export function isWholeConfig(load: StunnelLoad): boolean {
  return !load.partial && load.entries.length > 0;
}
