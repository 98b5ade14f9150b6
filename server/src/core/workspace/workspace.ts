// The set of files linted together. Holds texts (from the editor or the file system, passed in
// by the caller) and caches their parses by text; answers path questions between files.
import { detectDialect } from '../dialect';
import { inputProblem, type InputProblem } from '../guard';
import { basename, dirname, joinPath, normalizePath, pathToUri, uriToPath } from '../paths';
import type { ParsedDocument } from '../syntax/ast';
import { parse } from '../syntax/parse';
import type { Dialect } from '../types';
import { systemFileKind, type SystemFile, type SystemFileKind } from './systemFiles';

/**
 * Read access to files outside the workspace, handed in by the CLI or the server (the core itself
 * has no file system). Implementations should bound what they read (size, count).
 */
export interface FileReader {
  /** Text of a regular file; undefined when it is missing, not a regular file or unreadable. */
  readFile(path: string): string | undefined;
  /** Entry names of a directory; undefined when it is missing or not a directory. */
  listDir(path: string): string[] | undefined;
}

interface FileEntry {
  uri: string;
  path: string;
  dialect: Dialect;
  text: string;
  version: number | undefined;
  parsed?: ParsedDocument;
  problem?: InputProblem;
}

/**
 * The drop-in folders systemd reads for a unit: foo-bar@baz.service.d, the template's
 * foo-bar@.service.d, the prefix folders foo-.service.d, and the type's service.d.
 */
export function dropInFolders(unitName: string): string[] {
  const dot = unitName.lastIndexOf('.');
  if (dot <= 0) return [unitName + '.d'];
  const suffix = unitName.slice(dot);
  const dirs = [unitName + '.d'];
  const at = unitName.indexOf('@');
  // The template's folder, unless the unit is the template itself (its own folder is listed already).
  if (at > 0 && at + 1 < dot) dirs.push(unitName.slice(0, at + 1) + suffix + '.d');
  const stem = at > 0 ? unitName.slice(0, at) : unitName.slice(0, dot);
  for (let i = stem.lastIndexOf('-'); i > 0; i = stem.lastIndexOf('-', i - 1)) dirs.push(stem.slice(0, i + 1) + suffix + '.d');
  dirs.push(suffix.slice(1) + '.d');
  return dirs;
}

export class Workspace {
  private readonly files = new Map<string, FileEntry>();
  private byBasename = new Map<string, string[]>();
  /** Unit-dialect `.conf` files by the name of their folder (`foo.service.d`): the drop-in candidates. */
  private readonly confByFolder = new Map<string, Set<string>>();
  /** system.conf, passwd, group: read by the graph, not linted. */
  private readonly systemFiles = new Map<string, SystemFile>();
  /** Bumped whenever a file is added, removed or changes text; derived data is cached per generation. */
  private generation = 0;
  private memoGeneration = -1;
  private readonly memos = new Map<string, unknown>();
  private readonly roots: string[];
  /** Files outside the workspace (included directories, referenced files); none by default. */
  reader: FileReader | undefined = undefined;
  /**
   * Folders holding the configuration deployed on this machine: for files under them, the paths,
   * users and port names they mention are checked against this machine through `reader`.
   */
  hostRoots: string[] = ['/etc'];

  /** `roots`: workspace folder paths; a root holding etc/, lib/ or usr/ is read as a filesystem image. */
  constructor(roots: string[] = [], private readonly imageRoots: string[] = []) {
    this.roots = roots.map(normalizePath);
  }

  /** Adds or replaces a file. Returns false when its name is not one Daemonlint lints. */
  set(uri: string, text: string, version?: number, dialect?: Dialect): boolean {
    // A malformed client message can carry no text; treat it as an empty file, not a crash.
    if (typeof text !== 'string') text = '';
    const path = uriToPath(uri);
    // A system file is known by its path, whatever language the caller guessed for it.
    const kind = detectDialect(path) ? undefined : systemFileKind(path);
    if (kind) {
      if (this.systemFiles.get(uri)?.text !== text) this.generation++;
      this.systemFiles.set(uri, { uri, path, kind, text });
      return true;
    }
    const d = dialect ?? detectDialect(path);
    if (!d) return false;
    const old = this.files.get(uri);
    if (old && old.text === text && old.dialect === d) {
      old.version = version;
      return true;
    }
    this.files.set(uri, { uri, path, dialect: d, text, version });
    this.generation++;
    if (!old) this.indexName(uri, path);
    this.indexConf(uri, path, d);
    return true;
  }

  delete(uri: string): void {
    if (this.systemFiles.delete(uri)) this.generation++;
    const f = this.files.get(uri);
    if (!f) return;
    this.files.delete(uri);
    this.generation++;
    const list = this.byBasename.get(basename(f.path));
    if (list) this.byBasename.set(basename(f.path), list.filter((u) => u !== uri));
    this.confByFolder.get(basename(dirname(f.path)))?.delete(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  dialectOf(uri: string): Dialect | undefined {
    return this.files.get(uri)?.dialect;
  }

  /** The parse of a file, cached until its text changes. */
  get(uri: string): ParsedDocument | undefined {
    const f = this.files.get(uri);
    if (!f) return undefined;
    if (!f.parsed) {
      // Binary or oversized input is parsed as empty so no rule spends time on it.
      f.problem = inputProblem(f.text);
      f.parsed = parse(uri, f.problem ? '' : f.text, f.dialect, f.version);
    }
    return f.parsed;
  }

  /** Why a file is not analysed (binary, too large), if it is not. */
  problemOf(uri: string): InputProblem | undefined {
    this.get(uri);
    return this.files.get(uri)?.problem;
  }

  all(dialect?: Dialect): ParsedDocument[] {
    const out: ParsedDocument[] = [];
    for (const f of this.files.values()) if (!dialect || f.dialect === dialect) out.push(this.get(f.uri)!);
    return out;
  }

  private indexName(uri: string, path: string): void {
    const b = basename(path);
    const list = this.byBasename.get(b) ?? [];
    list.push(uri);
    this.byBasename.set(b, list);
  }

  /** Keeps confByFolder in step with a file's dialect (a caller may relabel an open file). */
  private indexConf(uri: string, path: string, dialect: Dialect): void {
    if (!path.endsWith('.conf')) return;
    const folder = basename(dirname(path));
    let set = this.confByFolder.get(folder);
    if (dialect === 'systemd-unit') {
      if (!set) this.confByFolder.set(folder, (set = new Set()));
      set.add(uri);
    } else set?.delete(uri);
  }

  /** The filesystem-image root that contains `uri`, if any. */
  imageRootOf(uri: string): string | undefined {
    const p = uriToPath(uri);
    let best: string | undefined;
    for (const r of this.imageRoots) {
      const rn = normalizePath(r);
      if (p.startsWith(rn + '/') && (!best || rn.length > best.length)) best = rn;
    }
    return best;
  }

  /**
   * Finds the workspace file an absolute path inside another file refers to: under the
   * filesystem-image root when there is one, else the only workspace file with that name.
   */
  resolve(absPath: string, from: string): string | undefined {
    const root = this.imageRootOf(from);
    if (root) {
      const uri = pathToUri(joinPath(root, absPath));
      if (this.files.has(uri)) return uri;
    }
    const direct = pathToUri(normalizePath(absPath));
    if (this.files.has(direct)) return direct;
    // A file inside a filesystem image stands for that image only.
    const candidates = (this.byBasename.get(basename(absPath)) ?? []).filter((u) => this.imageRootOf(u) === root);
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /**
   * Workspace files a path with one `*` (a template's %i) stands for. The `*` is one file name in
   * the pattern's own folder, never a subfolder: systemd escapes '/' in an instance name, so
   * /etc/stunnel/%i.conf cannot name /etc/stunnel/conf.d/x.conf. Inside a filesystem image the folder
   * is exactly that one under the image root. Elsewhere (a repository holding copies) a file counts
   * when it sits at that absolute folder or in a folder of the same name (deploy/stunnel/x.conf for
   * /etc/stunnel/%i.conf); files in other folders are left unlinked rather than guessed at.
   */
  resolvePattern(absPattern: string, from: string): string[] {
    const star = absPattern.indexOf('*');
    if (star < 0) {
      const one = this.resolve(absPattern, from);
      return one ? [one] : [];
    }
    const root = this.imageRootOf(from);
    const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const dirPat = normalizePath(dirname(absPattern));
    if (dirPat.includes('*')) return [];
    const namePat = new RegExp('^' + escape(basename(absPattern)).replace(/\*/g, '([^/]+)') + '$');
    const out: string[] = [];
    for (const f of this.files.values()) {
      if (!namePat.test(basename(f.path))) continue;
      const dir = dirname(f.path);
      if (root) {
        if (dir !== joinPath(root, dirPat)) continue;
      } else {
        if (this.imageRootOf(f.uri)) continue;
        if (dir !== dirPat && (dirPat === '/' || basename(dir) !== basename(dirPat))) continue;
      }
      out.push(f.uri);
    }
    return out.sort();
  }

  /**
   * A value derived from the files (the graph's links, a unit's effective settings), computed once
   * and kept until any file is added, removed or changed. `key` names what is computed.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memoGeneration !== this.generation) {
      this.memos.clear();
      this.memoGeneration = this.generation;
    }
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** Drop-in files for a unit name, e.g. foo@bar.service -> foo@bar.service.d/*, foo@.service.d/*, service.d/*. */
  dropInsFor(unitName: string): ParsedDocument[] {
    return this.memo(`dropins\0${unitName}`, () => this.findDropIns(unitName)).slice();
  }

  private findDropIns(unitName: string): ParsedDocument[] {
    const dirs = dropInFolders(unitName);
    // A drop-in hides one of the same file name with lower priority: /etc over /run over the
    // vendor directories, then the unit's own folder over the template's, the prefix and the type folders.
    const rank = (path: string) => (path.includes('/etc/') ? 30 : path.includes('/run/') ? 20 : 10) + (basename(dirname(path)) === unitName + '.d' ? 2 : dirs.length > 2 && basename(dirname(path)).includes('@') ? 1 : 0);
    const byName = new Map<string, FileEntry>();
    // Looked up by folder name: scanning every file for every unit made a 1,000-file tree quadratic.
    for (const dir of dirs) {
      for (const uri of this.confByFolder.get(dir) ?? []) {
        const f = this.files.get(uri)!;
        const seen = byName.get(basename(f.path));
        if (!seen || rank(f.path) > rank(seen.path)) byName.set(basename(f.path), f);
      }
    }
    // systemd applies drop-ins in file-name order (byte order, as strcmp) across all directories.
    const named = [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return named.map(([, f]) => this.get(f.uri)!);
  }

  /** The unit file a drop-in belongs to, when it is in the workspace. */
  unitNamed(name: string): ParsedDocument | undefined {
    const list = (this.byBasename.get(name) ?? []).filter((u) => this.files.get(u)?.dialect === 'systemd-unit');
    // Files under /etc override those under /lib and /usr/lib.
    list.sort((a, b) => Number(uriToPath(b).includes('/etc/')) - Number(uriToPath(a).includes('/etc/')));
    return list.length ? this.get(list[0]) : undefined;
  }

  /** Whether `uri` is a system file (system.conf, passwd, group) held by the workspace. */
  isSystemFile(uri: string): boolean {
    return this.systemFiles.has(uri);
  }

  /**
   * The system files of a kind that apply to `from`: those under its filesystem-image root, else
   * the workspace's own when there is only one such file (several passwd files are ambiguous).
   */
  systemFilesFor(kind: SystemFileKind, from: string): SystemFile[] {
    const all = [...this.systemFiles.values()].filter((f) => f.kind === kind).sort((a, b) => a.path.localeCompare(b.path));
    const root = this.imageRootOf(from);
    if (root) return all.filter((f) => f.path.startsWith(root + '/'));
    // Outside any image: the workspace's own, but not those of an image it also holds.
    const own = all.filter((f) => !this.imageRootOf(f.uri));
    const main = own.filter((f) => kind !== 'system-conf' || basename(f.path) === 'system.conf');
    return main.length === 1 ? own : [];
  }

  get rootPaths(): string[] {
    return this.roots;
  }
}
