// The unit side of the graph: a unit's effective settings (unit file + drop-ins + the manager's
// defaults) and the daemons it starts with the config files they read.
import { dropInUnitName } from '../dialect';
import { DaemonInfo, NR_OPEN_DEFAULT, SYSTEMD_DEFAULT_NOFILE, daemonForBinary } from '../knowledge/daemons';
import { directive, emptyResets } from '../knowledge/systemd';
import { DEFAULT_SETTINGS } from '../settings';
import { basename, dirname, joinPath, normalizePath, uriToPath } from '../paths';
import { holdsSection, type Entry, type ParsedDocument } from '../syntax/ast';
import { parseExec, type ExecWord } from '../syntax/exec';
import { acceptPorts, globalOption, optionEntries } from './stunnelConfig';
import { managerDefaultNofile, type ManagerNofile } from './systemFiles';
import type { Workspace } from './workspace';

/** A document's unit name and whether it is a drop-in, worked out once per parse: rules ask often. */
const unitNames = new WeakMap<ParsedDocument, { name: string; dropIn: boolean }>();

function unitNaming(doc: ParsedDocument): { name: string; dropIn: boolean } {
  let known = unitNames.get(doc);
  if (!known) {
    const path = uriToPath(doc.uri);
    const owner = dropInUnitName(path);
    known = { name: owner ?? basename(path), dropIn: owner !== undefined };
    unitNames.set(doc, known);
  }
  return known;
}

export function unitNameOf(doc: ParsedDocument): string {
  return unitNaming(doc).name;
}

export function isDropIn(doc: ParsedDocument): boolean {
  return unitNaming(doc).dropIn;
}

/** The unit file a document belongs to: itself, or for a drop-in the unit when it is in the workspace. */
export function unitFileOf(ws: Workspace, doc: ParsedDocument): ParsedDocument {
  return isDropIn(doc) ? (ws.unitNamed(unitNameOf(doc)) ?? doc) : doc;
}

export function isServiceUnit(doc: ParsedDocument): boolean {
  return unitNameOf(doc).endsWith('.service');
}

/** Each parsed file's entries by section, then key, built once per parse (a parse never changes). */
const entryIndex = new WeakMap<ParsedDocument, Map<string, Map<string, Entry[]>>>();
const NONE: Entry[] = [];

/** Entries of one key in one section of a single file, in order. */
export function entriesOf(doc: ParsedDocument, section: string, key: string): Entry[] {
  let index = entryIndex.get(doc);
  if (!index) {
    index = new Map();
    for (const s of doc.sections) {
      if (s.name === null) continue;
      let keys = index.get(s.name);
      if (!keys) index.set(s.name, (keys = new Map()));
      for (const e of s.entries) {
        const list = keys.get(e.key);
        if (list) list.push(e);
        else keys.set(e.key, [e]);
      }
    }
    entryIndex.set(doc, index);
  }
  return index.get(section)?.get(key) ?? NONE;
}

/** The unit file followed by its drop-ins, in the order systemd applies them. */
export function unitAndDropIns(ws: Workspace, unit: ParsedDocument): ParsedDocument[] {
  return [unit, ...ws.dropInsFor(unitNameOf(unit)).filter((d) => d.uri !== unit.uri)];
}

/** The systemd release assumed when a caller has no settings at hand. */
export const DEFAULT_SYSTEMD_VERSION = DEFAULT_SETTINGS.systemdVersion;

/**
 * Whether an empty `key=` in `section` resets the key's earlier assignments under systemd
 * `version`. Where it does not, systemd rejects the line and ignores it: what came before stays.
 */
export function emptyResetsKey(section: string, key: string, version: number): boolean {
  return emptyResets(directive(section, key), version);
}

/** Whether an entry is an empty assignment that resets its key (not one systemd rejects and ignores). */
export function isResetEntry(e: Entry, version: number): boolean {
  return e.value === '' && (e.section.name === null || emptyResetsKey(e.section.name, e.key, version));
}

/**
 * The assignments of `key` that are in force after the unit file and its drop-ins are merged:
 * drop-ins apply after the unit in name order, and an empty assignment resets what came before
 * where systemd `version` takes it as a reset (elsewhere it is ignored, and the earlier value stays).
 */
export function effectiveEntries(ws: Workspace, unit: ParsedDocument, section: string, key: string, version: number = DEFAULT_SYSTEMD_VERSION): Entry[] {
  const resets = emptyResetsKey(section, key, version);
  let out: Entry[] = [];
  for (const d of unitAndDropIns(ws, unit)) {
    for (const e of entriesOf(d, section, key)) {
      if (e.value !== '') out.push(e);
      else if (resets) out = [];
    }
  }
  return out;
}

export function effectiveValue(ws: Workspace, unit: ParsedDocument, section: string, key: string, version: number = DEFAULT_SYSTEMD_VERSION): Entry | undefined {
  const list = effectiveEntries(ws, unit, section, key, version);
  return list[list.length - 1];
}

/** Whether an entry sits in this document (rules report only in the file whose line is in force). */
export function isIn(doc: ParsedDocument, e: Entry | undefined): e is Entry {
  return !!e && holdsSection(doc, e.section);
}

export interface DaemonLaunch {
  unit: ParsedDocument;
  exec: Entry;
  daemon: DaemonInfo;
  /** The executable as written in ExecStart=. */
  program: string;
  /** The config path as the command line names it (or the daemon's default). */
  configPath: string | undefined;
  /** The ExecStart= word that names the config, when one does (offsets into the value). */
  configWord: ExecWord | undefined;
  /** The program word (offsets into the value). */
  programWord: ExecWord;
  /** Workspace files that path stands for (several for a template's %i). */
  configs: string[];
}

/** What one ExecStart= line runs, when it is a daemon Daemonlint knows. */
export function launchOf(ws: Workspace, unitFile: ParsedDocument, exec: Entry): DaemonLaunch | undefined {
  const cmd = parseExec(exec.value);
  const at = programIndex(cmd.words);
  const programWord = at === undefined ? undefined : cmd.words[at];
  const daemon = programWord ? daemonForBinary(programWord.text) : undefined;
  if (!daemon || at === undefined) return undefined;
  let configPath: string | undefined = daemon.defaultConfig;
  let configWord: ExecWord | undefined;
  for (const w of cmd.words.slice(at + 1)) {
    if (w.text.startsWith('-')) {
      // -fd N reads the config from a descriptor; -help, -version and friends start no daemon.
      configPath = undefined;
      break;
    }
    configPath = w.text;
    configWord = w;
    break;
  }
  let configs: string[] = [];
  if (configPath && daemon.configDialect) {
    // %i is a template's instance: any config name for stunnel@.service, the name itself for
    // stunnel@mail.service, and empty in a unit with no '@' (as systemd expands it).
    const instance = unitNameOf(unitFile).match(/@([^@]*)\.[^.]+$/);
    const pattern = configPath.replace(/%[iI]/g, instance ? instance[1] || '*' : '');
    configs = ws.resolvePattern(pattern, unitFile.uri).filter((u) => ws.dialectOf(u) === daemon.configDialect);
    // A template's %i stands for whole configs; a file that another config includes is only a part of one.
    if (pattern.includes('*') && daemon.configDialect === 'stunnel') configs = configs.filter((u) => !isIncludedStunnelFile(ws, u));
  }
  return { unit: unitFile, exec, daemon, program: programWord!.text, configPath, configWord, programWord: programWord!, configs };
}

/** env's options that take the next word as their argument. */
const ENV_OPTIONS_WITH_ARGUMENT = new Set(['-u', '--unset', '-C', '--chdir']);

/**
 * Which word names the program that runs: the first, or for `env [OPTION]... [NAME=VALUE]...
 * PROGRAM ...` the word after env's own. undefined when env splits a string (-S) or runs nothing.
 */
function programIndex(words: ExecWord[]): number | undefined {
  if (words.length === 0) return undefined;
  if (words[0].text.slice(words[0].text.lastIndexOf('/') + 1) !== 'env') return 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i].text;
    if (w === '-S' || w.startsWith('--split-string') || (/^-[^-]/.test(w) && w.includes('S'))) return undefined;
    if (ENV_OPTIONS_WITH_ARGUMENT.has(w)) {
      i++;
      continue;
    }
    if (w === '--') return i + 1 < words.length ? i + 1 : undefined;
    if (w.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) continue;
    return i;
  }
  return undefined;
}

/**
 * Whether another stunnel config in the workspace includes the folder this file is in (include = DIR
 * reads every file there). Absolute folders are taken under the includer's filesystem image; outside
 * an image, a folder of the same name next to the includer stands for a copied tree too.
 */
export function isIncludedStunnelFile(ws: Workspace, uri: string): boolean {
  const folders = ws.memo('stunnel-include-folders', () => {
    const out = new Map<string, Set<string>>();
    for (const doc of ws.all('stunnel')) {
      const path = uriToPath(doc.uri);
      const root = ws.imageRootOf(doc.uri);
      for (const section of doc.sections) {
        for (const e of optionEntries(section, 'include')) {
          const value = e.value.trim();
          if (!value) continue;
          const dirs = new Set<string>();
          if (!value.startsWith('/')) dirs.add(joinPath(dirname(path), value));
          else if (root) dirs.add(joinPath(root, value));
          else {
            dirs.add(normalizePath(value));
            dirs.add(joinPath(dirname(path), basename(value)));
          }
          for (const d of dirs) {
            const includers = out.get(d) ?? new Set<string>();
            includers.add(doc.uri);
            out.set(d, includers);
          }
        }
      }
    }
    return out;
  });
  const includers = folders.get(dirname(uriToPath(uri)));
  return !!includers && [...includers].some((u) => u !== uri);
}

/** What the unit's ExecStart= runs, when it is a daemon Daemonlint knows. */
export function daemonLaunch(ws: Workspace, unit: ParsedDocument): DaemonLaunch | undefined {
  const unitFile = unitFileOf(ws, unit);
  return ws.memo(`launch\0${unitFile.uri}`, () => {
    const exec = effectiveValue(ws, unitFile, 'Service', 'ExecStart');
    return exec ? launchOf(ws, unitFile, exec) : undefined;
  });
}

/** Units in the workspace that start the given config file. */
export function launchersOf(ws: Workspace, configUri: string): DaemonLaunch[] {
  const byConfig = ws.memo('launchers', () => {
    const map = new Map<string, DaemonLaunch[]>();
    for (const u of ws.all('systemd-unit')) {
      if (isDropIn(u)) continue;
      const l = daemonLaunch(ws, u);
      for (const c of l?.configs ?? []) {
        const list = map.get(c);
        if (list) list.push(l!);
        else map.set(c, [l!]);
      }
    }
    return map;
  });
  return [...(byConfig.get(configUri) ?? [])];
}

/** Every service unit file (not drop-in) in the workspace. */
export function serviceUnits(ws: Workspace): ParsedDocument[] {
  return ws.memo('services', () => ws.all('systemd-unit').filter((u) => !isDropIn(u) && isServiceUnit(u))).slice();
}

/**
 * For a template unit started with %i in its config path: the instance a config file stands for
 * (stunnel@.service + /etc/stunnel/mail.conf -> "mail"). Undefined for plain units.
 */
export function instanceFor(launch: DaemonLaunch, configUri: string): string | undefined {
  const name = unitNameOf(launch.unit);
  if (!/@\./.test(name) || !launch.configPath || !/%[iI]/.test(launch.configPath)) return undefined;
  const pat = basename(launch.configPath);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp('^' + pat.split(/%[iI]/).map(escape).join('(.+)') + '$');
  const m = re.exec(basename(uriToPath(configUri)));
  return m?.[1];
}

/** The unit name that runs a config: the instance name for templates (stunnel@mail.service). */
export function runningUnitName(launch: DaemonLaunch, configUri: string): string {
  const name = unitNameOf(launch.unit);
  const inst = instanceFor(launch, configUri);
  return inst === undefined ? name : name.replace('@.', `@${inst}.`);
}

/** The config's path on the machine the unit runs on (the ExecStart= word with %i filled in). */
export function hostConfigPath(launch: DaemonLaunch, configUri: string): string | undefined {
  if (!launch.configPath) return undefined;
  const inst = instanceFor(launch, configUri);
  return inst === undefined ? launch.configPath : launch.configPath.replace(/%[iI]/g, inst);
}

/** Expands the unit specifiers a path in a unit may use (%i, %I, %n, %N, %p, %t, %%); undefined when others remain. */
export function expandSpecifiers(value: string, unitName: string, instance: string | undefined): string | undefined {
  const dot = unitName.lastIndexOf('.');
  const full = instance === undefined ? unitName : unitName.replace('@.', `@${instance}.`);
  const prefix = unitName.includes('@') ? unitName.slice(0, unitName.indexOf('@')) : unitName.slice(0, dot);
  let ok = true;
  const out = value.replace(/%(.)/g, (_m, c: string) => {
    switch (c) {
      case 'i':
      case 'I':
        if (instance === undefined) ok = false;
        return instance ?? '';
      case 'n':
        return full;
      case 'N':
        return full.slice(0, full.lastIndexOf('.'));
      case 'p':
        return prefix;
      case 't':
        return '/run';
      case '%':
        return '%';
      default:
        ok = false;
        return '';
    }
  });
  return ok ? out : undefined;
}

/** An RLIMIT_NOFILE value: `N`, `SOFT:HARD`, `infinity`. Infinity stands for "as high as allowed". */
export interface NofileValue {
  soft: number;
  hard: number;
}

export function parseNofile(v: string): NofileValue | undefined {
  const side = (s: string) => (s === 'infinity' ? Infinity : /^\d+$/.test(s) ? Number(s) : NaN);
  const parts = v.trim().split(':');
  if (parts.length > 2) return undefined;
  const soft = side(parts[0]);
  const hard = parts.length === 2 ? side(parts[1]) : soft;
  if (Number.isNaN(soft) || Number.isNaN(hard) || soft > hard) return undefined;
  return { soft, hard };
}

/** A soft limit as the process gets it: infinity ends at the kernel's nr_open. */
export function effectiveSoft(soft: number): number {
  return Number.isFinite(soft) ? soft : NR_OPEN_DEFAULT;
}

export interface EffectiveNofile extends NofileValue {
  /** unit: a LimitNOFILE= line of the unit or a drop-in; manager: DefaultLimitNOFILE= in system.conf; default: systemd's built-in. */
  source: 'unit' | 'manager' | 'default';
  entry?: Entry;
  manager?: ManagerNofile;
}

/** The NOFILE limit services get when their unit sets none. */
export function managerNofile(ws: Workspace, from: string): EffectiveNofile {
  const m = managerDefaultNofile(ws.systemFilesFor('system-conf', from));
  const v = m ? parseNofile(m.value) : undefined;
  if (m && v) return { ...v, source: 'manager', manager: m };
  return { ...SYSTEMD_DEFAULT_NOFILE, source: 'default' };
}

/** The NOFILE limit the unit's processes start with. */
export function effectiveNofile(ws: Workspace, unit: ParsedDocument): EffectiveNofile {
  const unitFile = unitFileOf(ws, unit);
  const list = effectiveEntries(ws, unitFile, 'Service', 'LimitNOFILE');
  // systemd skips a line it cannot parse; the assignment before it stays in force.
  for (let i = list.length - 1; i >= 0; i--) {
    const v = parseNofile(list[i].value);
    if (v) return { ...v, source: 'unit', entry: list[i] };
  }
  return managerNofile(ws, unitFile.uri);
}

/** The account a service runs as: User= (root when unset), and whether it is root. */
export function serviceUser(ws: Workspace, unit: ParsedDocument): { name: string; root: boolean; entry?: Entry; dynamic?: Entry } {
  const unitFile = unitFileOf(ws, unit);
  const user = effectiveValue(ws, unitFile, 'Service', 'User');
  const dyn = effectiveValue(ws, unitFile, 'Service', 'DynamicUser');
  const dynamic = dyn && /^(1|yes|y|true|t|on)$/i.test(dyn.value) ? dyn : undefined;
  if (user) return { name: user.value, root: user.value === 'root' || user.value === '0', entry: user, dynamic };
  if (dynamic) return { name: unitNameOf(unitFile).replace(/@?\.service$/, ''), root: false, dynamic };
  return { name: 'root', root: true };
}

/** Capabilities granted with AmbientCapabilities= (a `~` list removes them). */
export function ambientCapabilities(ws: Workspace, unit: ParsedDocument): Set<string> {
  const caps = new Set<string>();
  for (const e of effectiveEntries(ws, unitFileOf(ws, unit), 'Service', 'AmbientCapabilities')) {
    const invert = e.value.startsWith('~');
    for (const c of e.value.replace(/^~/, '').split(/\s+/).filter(Boolean)) {
      if (invert) caps.delete(c);
      else caps.add(c);
    }
  }
  return caps;
}

/** Where a drop-in for `unitName` belongs: /etc/systemd/system/NAME.d/ in the image, else beside the unit. */
export function dropInDir(ws: Workspace, unit: ParsedDocument): string {
  const unitPath = uriToPath(unit.uri);
  const root = ws.imageRootOf(unit.uri);
  const name = unitNameOf(unit);
  if (root) return `${root}/etc/systemd/system/${name}.d`;
  return `${dirname(unitPath)}/${name}.d`;
}

/** Whether the unit file is the vendor's (under lib/systemd), which package updates overwrite. */
export function isVendorUnit(unit: ParsedDocument): boolean {
  return /\/lib\/systemd\/(system|user)\//.test(uriToPath(unit.uri));
}

/**
 * A service that starts stunnel as a non-root user, when `doc` is the file whose User= (or
 * DynamicUser=) line is in force — the line findings about that user are reported on.
 */
export function unprivilegedStunnel(ws: Workspace, doc: ParsedDocument) {
  const unit = unitFileOf(ws, doc);
  if (!isServiceUnit(unit)) return undefined;
  const user = serviceUser(ws, unit);
  const anchor = user.entry ?? user.dynamic;
  if (user.root || !anchor || !isIn(doc, anchor)) return undefined;
  const launch = daemonLaunch(ws, unit);
  if (!launch || launch.daemon.id !== 'stunnel') return undefined;
  return { unit, user, anchor, launch };
}

/** What it takes to run the stunnel a service starts as an unprivileged (dynamic) user. */
export type UnprivilegedNeeds =
  /** The lines to add with the user (CAP_NET_BIND_SERVICE for ports below 1024); empty for other daemons. */
  | { lines: string[]; switches?: undefined }
  /** A config switches users itself (setuid/setgid): stunnel, not started as root, would exit. */
  | { lines?: undefined; switches: { config: ParsedDocument; entry: Entry } };

export function unprivilegedNeeds(ws: Workspace, unit: ParsedDocument): UnprivilegedNeeds {
  const launch = daemonLaunch(ws, unit);
  if (!launch || launch.daemon.id !== 'stunnel') return { lines: [] };
  let lowPort = false;
  for (const uri of launch.configs) {
    const config = ws.get(uri);
    if (!config) continue;
    for (const o of ['setuid', 'setgid']) {
      const entry = globalOption(config, o);
      if (entry && entry.value !== '') return { switches: { config, entry } };
    }
    if (acceptPorts(config).some((a) => a.port > 0 && a.port < 1024)) lowPort = true;
  }
  return { lines: lowPort && !ambientCapabilities(ws, unit).has('CAP_NET_BIND_SERVICE') ? ['AmbientCapabilities=CAP_NET_BIND_SERVICE'] : [] };
}
