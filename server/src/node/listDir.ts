// Lists a folder for path completion: names and whether each is a folder (following symlinks).
// Never throws; a folder that cannot be read lists as empty.
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_ENTRIES = 2000;

export function listDir(dir: string): { name: string; isDir: boolean }[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).slice(0, MAX_ENTRIES);
  } catch {
    return [];
  }
  return entries
    .map((e) => {
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          isDir = fs.statSync(path.join(dir, e.name)).isDirectory();
        } catch {
          isDir = false; // a dangling link
        }
      }
      return { name: e.name, isDir };
    })
    .sort((a, b) => Number(b.isDir) - Number(a.isDir) || a.name.localeCompare(b.name));
}
