// Finds the files to lint under the paths given on the command line: by name, the patterns the
// extension declares (core/dialect.ts); any file named explicitly. Enters no directory twice (so
// symlink loops end) and skips node_modules and .git.
import * as fs from 'node:fs';
import * as path from 'node:path';
// Through the core's index: the language server loads the core only when it first needs it.
import { detectDialect, systemFileKind, type Dialect, type FileReader } from '../core';

export interface Collected {
  files: string[];
  /** Directories that look like a root filesystem (hold etc/, lib/ or usr/). */
  imageRoots: string[];
  /** Paths given, or directories under them, that could not be read or are not files or directories, with why. */
  errors: { path: string; message: string }[];
  /** Masked units named on the command line (links to /dev/null): noted, not linted. */
  masked: string[];
  /** Paths given that do not exist. */
  missing: string[];
}

/** Why a path could not be used, in a few words; the system's own message for rarer cases. */
export function ioProblem(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return (e as Error).message;
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const IMAGE_MARKERS = ['etc', 'lib', 'usr'];
const MAX_FILES = 200_000;

/** A unit file that is a link to /dev/null: how systemd masks a unit (/dev/null named itself is no unit). */
function isMasked(p: string): boolean {
  try {
    return detectDialect(path.resolve(p)) === 'systemd-unit' && fs.lstatSync(p).isSymbolicLink() && fs.realpathSync(p) === '/dev/null';
  } catch {
    return false;
  }
}

export function collectFiles(args: string[]): Collected {
  const out: Collected = { files: [], imageRoots: [], errors: [], missing: [], masked: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const addFile = (p: string, explicit: boolean) => {
    const abs = path.resolve(p);
    if (seenFiles.has(abs)) return;
    // Linted files, and the system files the graph reads (system.conf, passwd, group).
    if (!explicit && !detectDialect(abs) && !systemFileKind(abs)) return;
    seenFiles.add(abs);
    out.files.push(abs);
  };

  const walk = (dir: string, insideImage: boolean) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      out.errors.push({ path: dir, message: ioProblem(e) });
      return;
    }
    if (seenDirs.has(real) || out.files.length >= MAX_FILES) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.errors.push({ path: dir, message: ioProblem(e) });
      return;
    }
    const isImage = !insideImage && entries.some((d) => (d.isDirectory() || d.isSymbolicLink()) && IMAGE_MARKERS.includes(d.name));
    if (isImage) out.imageRoots.push(path.resolve(dir));
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const d of entries) {
      const p = path.join(dir, d.name);
      if (SKIP_DIRS.has(d.name)) continue;
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      if (d.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) walk(p, insideImage || isImage);
      else if (isFile) addFile(p, false);
    }
  };

  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') out.missing.push(a);
      else out.errors.push({ path: a, message: ioProblem(e) });
      continue;
    }
    if (st.isDirectory()) walk(a, false);
    else if (st.isFile()) addFile(a, true);
    else if (isMasked(a)) out.masked.push(a); // systemd reads nothing there, and neither do we (as when walking a folder)
    else out.errors.push({ path: a, message: 'not a regular file or directory' });
  }
  return out;
}

/** The UTF-8 byte order mark, as the first character of a decoded text. */
export const BOM = '\uFEFF';

/**
 * A text without its leading byte order mark, and whether it had one. Editors hide the mark, so
 * positions are counted without it; whoever writes the text back puts it back.
 */
export function splitBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** The language of a file whose name says nothing, from its first lines. */
export function dialectFromContent(text: string): Dialect {
  const head = text.slice(0, 4096);
  if (/^\s*\[(Unit|Service|Socket|Timer|Install|Mount|Automount|Swap|Path|Slice|Scope)\]/m.test(head)) return 'systemd-unit';
  // limits.conf: 'domain type item value' with type soft, hard or '-'.
  if (/^[ \t]*[^\s#;[=][^\s=]*[ \t]+(soft|hard|-)([ \t]|$)/m.test(head)) return 'limits-conf';
  return 'stunnel';
}

/** Bounds of the reader the core gets for files outside the workspace. */
export const READER_LIMITS = { fileBytes: 1024 * 1024, dirEntries: 10_000 };

/**
 * Read access to files the linted ones refer to (included directories, certificates, the account
 * databases of a filesystem image), for Workspace.reader. Of a regular file, at most the first
 * 1 MiB is read, without a byte order mark; anything that is not a regular file reads as missing.
 */
export function createFileReader(limits = READER_LIMITS): FileReader {
  return {
    readFile(p) {
      try {
        const st = fs.statSync(p);
        if (!st.isFile()) return undefined;
        if (st.size <= limits.fileBytes) return splitBom(fs.readFileSync(p, 'utf8')).text;
        // A bigger file exists; its head is all anyone needs from it here.
        const fd = fs.openSync(p, 'r');
        try {
          const buf = Buffer.alloc(limits.fileBytes);
          return splitBom(buf.toString('utf8', 0, fs.readSync(fd, buf, 0, buf.length, 0))).text;
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        return undefined;
      }
    },
    listDir(p) {
      try {
        const names = fs.readdirSync(p);
        return names.length > limits.dirEntries ? names.sort().slice(0, limits.dirEntries) : names.sort();
      } catch {
        return undefined;
      }
    },
  };
}
