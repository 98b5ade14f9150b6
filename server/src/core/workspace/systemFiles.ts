// Files the graph reads but does not lint: the service manager's defaults (systemd/system.conf
// and system.conf.d/*.conf) and the account databases (etc/passwd, etc/group). They are told
// apart by path alone; a workspace holds them next to the linted files (Workspace.set).
import { basename, dirname, uriToPath } from '../paths';
import { parseUnitFile } from '../syntax/unitFile';
import type { Range } from '../types';

export type SystemFileKind = 'system-conf' | 'passwd' | 'group';

/** Which kind of system file a path is, if any. */
export function systemFileKind(path: string): SystemFileKind | undefined {
  const name = basename(path);
  const dir = basename(dirname(path));
  if (dir === 'etc' && name === 'passwd') return 'passwd';
  if (dir === 'etc' && name === 'group') return 'group';
  if (dir === 'systemd' && name === 'system.conf') return 'system-conf';
  if (dir === 'system.conf.d' && name.endsWith('.conf')) return 'system-conf';
  return undefined;
}

export interface SystemFile {
  uri: string;
  path: string;
  kind: SystemFileKind;
  text: string;
}

/** Account names (user or group) of a passwd or group file, with their ids. Lines that are not `name:x:id:...` are skipped. */
export function parseAccounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.startsWith('+') || line.startsWith('-')) continue;
    const f = line.split(':');
    if (f.length < 3 || f[0] === '' || !/^\d+$/.test(f[2])) continue;
    out.set(f[0], Number(f[2]));
  }
  return out;
}

/** The DefaultLimitNOFILE= assignment in force after system.conf and its drop-ins, in that order. */
export interface ManagerNofile {
  value: string;
  uri: string;
  range: Range;
}

export function managerDefaultNofile(files: SystemFile[]): ManagerNofile | undefined {
  // system.conf first, then system.conf.d/*.conf by file name; the last assignment wins and an
  // empty one returns to the built-in default.
  const ordered = [...files].sort((a, b) => {
    const da = basename(a.path) === 'system.conf' ? 0 : 1;
    const db = basename(b.path) === 'system.conf' ? 0 : 1;
    return da - db || basename(a.path).localeCompare(basename(b.path));
  });
  let out: ManagerNofile | undefined;
  for (const f of ordered) {
    const doc = parseUnitFile(f.uri, f.text);
    for (const s of doc.sections) {
      if (s.name !== 'Manager') continue;
      for (const e of s.entries) {
        if (e.key !== 'DefaultLimitNOFILE') continue;
        out = e.value === '' ? undefined : { value: e.value, uri: f.uri, range: doc.index.rangeOf(e.span) };
      }
    }
  }
  return out;
}

/** A readable name for a system file in messages: its path below the image root, or its path. */
export function systemFileLabel(f: SystemFile, root: string | undefined): string {
  const p = uriToPath(f.uri);
  return root && p.startsWith(root + '/') ? p.slice(root.length) : p;
}

/** The account databases that apply to a file, when the workspace holds them. */
export interface Accounts {
  users?: { names: Map<string, number>; uri: string; label: string };
  groups?: { names: Map<string, number>; uri: string; label: string };
}

export function accountsFrom(passwd: SystemFile[], group: SystemFile[], root: string | undefined): Accounts {
  const out: Accounts = {};
  if (passwd.length === 1) out.users = { names: parseAccounts(passwd[0].text), uri: passwd[0].uri, label: systemFileLabel(passwd[0], root) };
  if (group.length === 1) out.groups = { names: parseAccounts(group[0].text), uri: group[0].uri, label: systemFileLabel(group[0], root) };
  return out;
}
