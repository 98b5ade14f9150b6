// Editor features that come from the file graph: the client cap next to LimitNOFILE=, the unit
// that starts a stunnel config (a code lens), go to definition from ExecStart= and include =, and
// the merged ("effective") unit with the file each line comes from.
import { directive } from '../knowledge/systemd';
import { formatCount } from '../knowledge/daemons';
import { stunnelOption } from '../knowledge/stunnel';
import { basename, dirname, joinPath, normalizePath, uriToPath } from '../paths';
import { entryAt, holdsSection, valueSubSpan, type Entry, type ParsedDocument } from '../syntax/ast';
import type { Position, Range } from '../types';
import {
  daemonLaunch,
  effectiveNofile,
  effectiveSoft,
  isDropIn,
  launchersOf,
  launchOf,
  parseNofile,
  runningUnitName,
  unitAndDropIns,
  unitFileOf,
  unitNameOf,
  type EffectiveNofile,
} from '../workspace/units';
import type { Workspace } from '../workspace/workspace';

export interface InlayHintEntry {
  position: Position;
  label: string;
  tooltip: string;
}

/** "≈ 15,625 clients" after every LimitNOFILE= of a unit (or drop-in) that runs a daemon with a client cap. */
export function inlayHints(ws: Workspace, uri: string): InlayHintEntry[] {
  const doc = ws.get(uri);
  if (!doc || doc.dialect !== 'systemd-unit') return [];
  const unit = unitFileOf(ws, doc);
  const launch = daemonLaunch(ws, unit);
  const cap = launch?.daemon.clientCap;
  if (!launch || !cap) return [];
  const inForce = effectiveNofile(ws, unit).entry;
  const out: InlayHintEntry[] = [];
  for (const s of doc.sections) {
    if (s.name !== 'Service') continue;
    for (const e of s.entries) {
      if (e.key !== 'LimitNOFILE') continue;
      const v = parseNofile(e.value);
      if (!v) continue;
      const soft = effectiveSoft(v.soft);
      const clients = cap(soft);
      const lines = [
        `${launch.daemon.id} admits soft×125/256 clients when the soft limit is at least 256 (it logs "Clients allowed=${clients}"); each client holds two descriptors.`,
        `Soft limit here: ${Number.isFinite(v.soft) ? v.soft : `infinity, which systemd lowers to the kernel's nr_open (${soft})`}.`,
      ];
      if (inForce && inForce !== e) lines.push(`Overridden by ${basename(uriToPath(inForce.section === e.section ? uri : ownerUri(ws, unit, inForce)))} line ${inForce.line + 1}.`);
      out.push({ position: doc.index.positionAt(e.valueSpan.end), label: `≈ ${formatCount(clients)} clients`, tooltip: lines.join('\n') });
    }
  }
  return out;
}

/** The file of the unit or its drop-ins that holds an entry. */
function ownerUri(ws: Workspace, unit: ParsedDocument, e: Entry): string {
  return unitAndDropIns(ws, unit).find((d) => holdsSection(d, e.section))?.uri ?? unit.uri;
}

function limitText(limit: EffectiveNofile): string {
  return Number.isFinite(limit.soft) ? String(limit.soft) : 'infinity';
}

export interface CodeLensEntry {
  range: Range;
  title: string;
  /** The unit file that starts the config (what the lens opens). */
  unitUri: string;
}

/** On a stunnel config: "started by stunnel@x.service · LimitNOFILE 1024 → ≈ 500 clients", one lens per unit. */
export function codeLenses(ws: Workspace, uri: string): CodeLensEntry[] {
  const doc = ws.get(uri);
  if (!doc || doc.dialect !== 'stunnel') return [];
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return launchersOf(ws, uri).map((l) => {
    const limit = effectiveNofile(ws, l.unit);
    const cap = l.daemon.clientCap ? ` → ≈ ${formatCount(l.daemon.clientCap(effectiveSoft(limit.soft)))} clients` : '';
    return { range: zero, title: `started by ${runningUnitName(l, uri)} · LimitNOFILE ${limitText(limit)}${cap}`, unitUri: l.unit.uri };
  });
}

export interface DefinitionEntry {
  originRange: Range;
  targetUri: string;
  targetRange: Range;
}

function fileStart(ws: Workspace, uri: string): Range {
  const doc = ws.get(uri);
  return doc ? doc.index.lineRange(0) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Workspace files directly inside the directory a path names (under the image root when there is one). */
export function filesInDir(ws: Workspace, dir: string, from: string): string[] {
  const root = ws.imageRootOf(from);
  const target = root ? joinPath(root, dir) : normalizePath(dir);
  let out = ws.uris().filter((u) => dirname(uriToPath(u)) === target);
  if (out.length === 0 && !root) {
    // Not at its absolute path: the only workspace folder with that name, outside any image.
    const dirs = new Set(ws.uris().filter((u) => !ws.imageRootOf(u) && basename(dirname(uriToPath(u))) === basename(dir)).map((u) => dirname(uriToPath(u))));
    if (dirs.size === 1) {
      const only = [...dirs][0];
      out = ws.uris().filter((u) => dirname(uriToPath(u)) === only);
    }
  }
  return out.sort((a, b) => basename(uriToPath(a)).localeCompare(basename(uriToPath(b))));
}

/** Go to definition: ExecStart= config argument -> the config(s); include = -> the directory's files. */
export function definition(ws: Workspace, uri: string, pos: Position): DefinitionEntry[] {
  const doc = ws.get(uri);
  if (!doc) return [];
  const e = entryAt(doc, pos.line);
  if (!e) return [];
  const offset = doc.index.offsetAt(pos);
  if (offset < e.valueSpan.start || offset > e.valueSpan.end) return [];
  if (doc.dialect === 'systemd-unit' && e.key === 'ExecStart' && e.section.name === 'Service') {
    const launch = launchOf(ws, unitFileOf(ws, doc), e);
    if (!launch) return [];
    const word = launch.configWord ?? launch.programWord;
    const span = valueSubSpan(e, word.start, word.end);
    if (offset < span.start || offset > span.end) return [];
    const originRange = doc.index.rangeOf(span);
    return launch.configs.map((c) => ({ originRange, targetUri: c, targetRange: fileStart(ws, c) }));
  }
  if (doc.dialect === 'stunnel' && stunnelOption(e.key)?.name === 'include' && e.value.startsWith('/')) {
    const originRange = doc.index.rangeOf(e.valueSpan);
    return filesInDir(ws, e.value, uri).map((c) => ({ originRange, targetUri: c, targetRange: fileStart(ws, c) }));
  }
  return [];
}

export interface EffectiveUnit {
  /** The unit name, e.g. stunnel@mail.service (the template name for a template). */
  name: string;
  uri: string;
  text: string;
}

/** Whether repeated assignments of a directive add to a list (else the last one wins). */
function isList(section: string, key: string): boolean {
  const d = directive(section, key);
  if (!d) return true;
  return /-list$|^exec-command$|^env-|^condition-|^credential-|^glob$|^uri-list$/.test(d.type) || d.type === 'env-assignments';
}

/** A path for comments: below the image root when there is one. */
function label(ws: Workspace, uri: string): string {
  const p = uriToPath(uri);
  const root = ws.imageRootOf(uri);
  return root && p.startsWith(root + '/') ? p.slice(root.length) : p;
}

/**
 * The unit as systemd sees it after merging its drop-ins: each assignment in force, preceded by
 * a comment naming the file and line it comes from. `uri` may be the unit, one of its drop-ins,
 * or a stunnel config (then the first unit that starts it).
 */
export function effectiveUnit(ws: Workspace, uri: string): EffectiveUnit | undefined {
  const doc = ws.get(uri);
  if (!doc) return undefined;
  let unit: ParsedDocument | undefined;
  if (doc.dialect === 'systemd-unit') unit = isDropIn(doc) ? ws.unitNamed(unitNameOf(doc)) : doc;
  else if (doc.dialect === 'stunnel') unit = launchersOf(ws, uri)[0]?.unit;
  if (!unit) return undefined;
  const docs = unitAndDropIns(ws, unit);
  const sections = new Map<string, { e: Entry; from: string }[]>();
  for (const d of docs) {
    for (const s of d.sections) {
      if (!s.name) continue;
      let list = sections.get(s.name);
      if (!list) sections.set(s.name, (list = []));
      for (const e of s.entries) {
        const reset = e.value === '' || !isList(s.name, e.key);
        if (reset) for (let i = list.length - 1; i >= 0; i--) if (list[i].e.key === e.key) list.splice(i, 1);
        if (e.value !== '') list.push({ e, from: `${label(ws, d.uri)}:${e.line + 1}` });
      }
    }
  }
  const name = unitNameOf(unit);
  const out: string[] = [`# ${name} as systemd merges it, from:`, ...docs.map((d) => `#   ${label(ws, d.uri)}`), '# Each line is preceded by the file and line it comes from.'];
  const launch = daemonLaunch(ws, unit);
  for (const [section, list] of sections) {
    out.push('', `[${section}]`);
    for (const { e, from } of list) out.push(`# ${from}`, `${e.key}=${e.value}`);
    if (section === 'Service') {
      const limit = effectiveNofile(ws, unit);
      if (limit.source !== 'unit') {
        out.push(limit.source === 'manager' ? `# DefaultLimitNOFILE= in ${label(ws, limit.manager!.uri)} (no LimitNOFILE= in the unit)` : "# systemd's default (no LimitNOFILE= in the unit or system.conf)");
        out.push(`LimitNOFILE=${limit.soft}:${limit.hard}`);
      }
      const cap = launch?.daemon.clientCap;
      if (cap) out.push(`# ${launch!.daemon.id} admits ≈ ${formatCount(cap(effectiveSoft(limit.soft)))} clients with soft limit ${limitText(limit)}`);
    }
  }
  return { name, uri: unit.uri, text: out.join('\n') + '\n' };
}
