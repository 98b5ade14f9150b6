// The unit side of the graph: a unit's effective settings (unit file + drop-ins) and the
// daemons it starts with the config files they read.
import { dropInUnitName } from '../dialect';
import { DaemonInfo, daemonForBinary } from '../knowledge/daemons';
import { basename, uriToPath } from '../paths';
import type { Entry, ParsedDocument } from '../syntax/ast';
import { parseExec } from '../syntax/exec';
import type { Workspace } from './workspace';

export function unitNameOf(doc: ParsedDocument): string {
  const path = uriToPath(doc.uri);
  return dropInUnitName(path) ?? basename(path);
}

export function isDropIn(doc: ParsedDocument): boolean {
  return dropInUnitName(uriToPath(doc.uri)) !== undefined;
}

/** Entries of one key in one section of a single file, in order. */
export function entriesOf(doc: ParsedDocument, section: string, key: string): Entry[] {
  const out: Entry[] = [];
  for (const s of doc.sections) if (s.name === section) for (const e of s.entries) if (e.key === key) out.push(e);
  return out;
}

/**
 * The assignments of `key` that are in force after the unit file and its drop-ins are merged:
 * drop-ins apply after the unit in name order, and an empty assignment resets what came before.
 */
export function effectiveEntries(ws: Workspace, unit: ParsedDocument, section: string, key: string): Entry[] {
  const docs = [unit, ...ws.dropInsFor(unitNameOf(unit)).filter((d) => d.uri !== unit.uri)];
  let out: Entry[] = [];
  for (const d of docs) {
    for (const e of entriesOf(d, section, key)) {
      if (e.value === '') out = [];
      else out.push(e);
    }
  }
  return out;
}

export function effectiveValue(ws: Workspace, unit: ParsedDocument, section: string, key: string): Entry | undefined {
  const list = effectiveEntries(ws, unit, section, key);
  return list[list.length - 1];
}

export interface DaemonLaunch {
  unit: ParsedDocument;
  exec: Entry;
  daemon: DaemonInfo;
  /** The executable as written in ExecStart=. */
  program: string;
  /** The config path as the command line names it (or the daemon's default). */
  configPath: string | undefined;
  /** Workspace files that path stands for (several for a template's %i). */
  configs: string[];
}

/** What the unit's ExecStart= runs, when it is a daemon Daemonlint knows. */
export function daemonLaunch(ws: Workspace, unit: ParsedDocument): DaemonLaunch | undefined {
  const unitFile = isDropIn(unit) ? (ws.unitNamed(unitNameOf(unit)) ?? unit) : unit;
  const exec = effectiveValue(ws, unitFile, 'Service', 'ExecStart');
  if (!exec) return undefined;
  const cmd = parseExec(exec.value);
  const program = cmd.words[0]?.text;
  const daemon = program ? daemonForBinary(program) : undefined;
  if (!daemon) return undefined;
  let configPath: string | undefined = daemon.defaultConfig;
  for (const w of cmd.words.slice(1)) {
    if (w.text.startsWith('-')) break; // stunnel -fd N and friends: no config file
    configPath = w.text;
    break;
  }
  let configs: string[] = [];
  if (configPath && daemon.configDialect) {
    const pattern = configPath.replace(/%[iI]/g, '*');
    configs = ws.resolvePattern(pattern, unitFile.uri).filter((u) => ws.dialectOf(u) === daemon.configDialect);
  }
  return { unit: unitFile, exec, daemon, program: program!, configPath, configs };
}

/** Units in the workspace that start the given config file. */
export function launchersOf(ws: Workspace, configUri: string): DaemonLaunch[] {
  const out: DaemonLaunch[] = [];
  for (const u of ws.all('systemd-unit')) {
    if (isDropIn(u)) continue;
    const l = daemonLaunch(ws, u);
    if (l && l.configs.includes(configUri)) out.push(l);
  }
  return out;
}
