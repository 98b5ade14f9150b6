// Loads the workspace folders' config files into the core workspace so cross-file rules see
// units and configs that are not open, and follows changes on disk.
import * as fs from 'node:fs';
import { DidChangeWatchedFilesParams, FileChangeType } from '../protocol';
import { pathToUri, uriToPath, Workspace } from '../coreApi';
import { collectFiles, createFileReader, splitBom } from '../../node/files';
import type { ServerState } from '../state';

/** Workspace files above this size are left out of the index (the open editor still lints them). */
const MAX_INDEXED_BYTES = 1024 * 1024;
const MAX_INDEXED_FILES = 5000;

export function indexFolders(state: ServerState, folders: string[]): void {
  const collected = collectFiles(folders);
  const ws = new Workspace(folders, collected.imageRoots);
  // Files the configs refer to (include directories, passwd) are read through the same bounded reader as the CLI's.
  ws.reader = createFileReader();
  for (const file of collected.files.slice(0, MAX_INDEXED_FILES)) {
    try {
      if (fs.statSync(file).size > MAX_INDEXED_BYTES) continue;
      ws.set(pathToUri(file), readText(file));
    } catch {
      // Vanished or unreadable: it simply is not part of the graph.
    }
  }
  // Open documents win over what is on disk.
  for (const d of state.documents.all()) ws.set(d.uri, d.getText(), d.version);
  state.ws = ws;
}

export function onWatchedFiles(state: ServerState, p: DidChangeWatchedFilesParams): string[] {
  const changed: string[] = [];
  for (const c of p.changes) {
    if (state.documents.get(c.uri)) continue; // the editor's text is authoritative
    if (c.type === FileChangeType.Deleted) {
      state.ws.delete(c.uri);
      changed.push(c.uri);
      continue;
    }
    try {
      const file = uriToPath(c.uri);
      const st = fs.statSync(file);
      // Only regular files are read: a FIFO or a device under a config's name would block or never end.
      if (!st.isFile()) throw new Error('not a regular file');
      if (st.size > MAX_INDEXED_BYTES) continue;
      if (state.ws.set(c.uri, readText(file))) changed.push(c.uri);
    } catch {
      state.ws.delete(c.uri);
      changed.push(c.uri);
    }
  }
  return changed;
}

/** A file's text as an editor shows it: without a leading byte order mark, so columns match. */
function readText(file: string): string {
  return splitBom(fs.readFileSync(file, 'utf8')).text;
}
