// Paths and small helpers shared by the real-editor tests.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SEED = path.join(ROOT, 'examples', 'seed');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const ARTIFACTS = process.env.DAEMONLINT_ARTIFACTS ?? path.join(ROOT, 'artifacts');
export const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
export const VSIX = process.env.DAEMONLINT_VSIX ?? path.join(ROOT, `daemonlint-${VERSION}.vsix`);

/** A fresh temporary folder holding a copy of the seed's files (and nothing else). */
export function seedCopy(prefix = 'daemonlint-e2e-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const f of readdirSync(SEED)) cpSync(path.join(SEED, f), path.join(dir, f));
  return dir;
}

/** artifacts/<parts>, created; `fresh` empties it first so that a run leaves only its own files. */
export function artifactsDir(parts, { fresh = false } = {}) {
  const dir = path.join(ARTIFACTS, ...[parts].flat());
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Calls `probe` until it returns a truthy value, or throws when `ms` pass. No fixed sleeps elsewhere. */
export async function poll(probe, what, { ms = 15_000, every = 100 } = {}) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** True when `cmd` is on PATH. */
export function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export const requireFile = (p, hint) => {
  if (!existsSync(p)) throw new Error(`${p} is missing: ${hint}`);
  return p;
};
