// Finds and reads the .daemonlintrc that applies to a file, as the CLI does: the nearest one in
// the file's folder or above. The content is parsed by the core (core/rcfile.ts); this only does
// the file-system part and caches it until told that an rc file changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRcFile, type RcResult } from '../core';

export const RC_NAME = '.daemonlintrc';
const MAX_RC_BYTES = 64 * 1024;

export interface FoundRc extends RcResult {
  /** Absolute path of the file. */
  file: string;
}

export class RcFiles {
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, FoundRc>();

  /** Forgets everything read so far (an rc file was created, changed or deleted). */
  forget(): void {
    this.byDir.clear();
    this.byFile.clear();
  }

  /** The rc file that applies to `file`, parsed, or undefined when there is none. */
  forFile(file: string): FoundRc | undefined {
    const rc = this.nearest(path.dirname(path.resolve(file)));
    if (!rc) return undefined;
    let found = this.byFile.get(rc);
    if (!found) {
      let text = '';
      try {
        // Settings are a few lines: a huge file there is not one, and is not read whole.
        if (fs.statSync(rc).size > MAX_RC_BYTES) throw new Error(`it is larger than ${MAX_RC_BYTES / 1024} KiB`);
        text = fs.readFileSync(rc, 'utf8');
      } catch (e) {
        found = { file: rc, settings: {}, problems: [`cannot be read: ${(e as Error).message}`] };
      }
      found ??= { file: rc, ...parseRcFile(text) };
      this.byFile.set(rc, found);
    }
    return found;
  }

  private nearest(dir: string): string | undefined {
    const seen: string[] = [];
    let d = dir;
    let result: string | null = null;
    for (;;) {
      const cached = this.byDir.get(d);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      seen.push(d);
      const candidate = path.join(d, RC_NAME);
      try {
        if (fs.statSync(candidate).isFile()) {
          result = candidate;
          break;
        }
      } catch {
        /* not here */
      }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const s of seen) this.byDir.set(s, result);
    return result ?? undefined;
  }
}
