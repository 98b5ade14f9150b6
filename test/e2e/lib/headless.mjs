// Runs a terminal editor headless as an LSP client of `dist/server.js --stdio` on a copy of
// the seed, and checks what it received against the seed's known findings.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER, artifactsDir, have, requireFile, seedCopy } from './paths.mjs';

export const FILES = ['stunnel.conf', 'stunnel.service', 'stunnel-before-fix.service'];
// 0-based position inside LimitNOFILE in stunnel.service (line 6 of the file).
export const HOVER = 'stunnel.service:5:3';
export const MAN_LINK = 'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#LimitCPU=';

/** Runs `bin args... FILES` in a seed copy with DAEMONLINT_CMD/OUT/HOVER set; resolves to the parsed OUT. */
export async function runClient({ name, bin, args, timeoutMs = 30_000 }) {
  if (!have(bin)) throw new Error(`${bin} is not installed: run tools/e2e/setup.sh`);
  requireFile(SERVER, 'run `npm run build`');
  const dir = seedCopy(`daemonlint-${name}-`);
  const out = path.join(dir, '.result.json');
  const env = {
    ...process.env,
    // The server as the installed command runs: the file itself, through its #! line.
    DAEMONLINT_CMD: JSON.stringify([SERVER, '--stdio']),
    OUT: out,
    HOVER,
    TIMEOUT_MS: '15000',
    XDG_STATE_HOME: path.join(dir, '.state'), // Neovim's lsp.log stays in the throw-away folder
  };
  const started = Date.now();
  const child = spawn(bin, [...args, ...FILES], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? s)));
  clearTimeout(timer);
  const ms = Date.now() - started;
  let result;
  try {
    result = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    result = { error: `no result written (exit ${code})` };
  }
  writeFileSync(path.join(artifactsDir(name, { fresh: true }), 'result.json'), JSON.stringify(result, null, 2));
  rmSync(dir, { recursive: true, force: true });
  assert.equal(code, 0, `${bin} exited with ${code}: ${result.error ?? ''}\n${output}`);
  return { result, ms, output };
}

const brief = (d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`;

/** The seed's findings as received over LSP (raw publishDiagnostics diagnostics per file name). */
export function checkSeedDiagnostics(byFile) {
  const conf = byFile['stunnel.conf'].map(brief);
  const before = byFile['stunnel-before-fix.service'];
  const unit = byFile['stunnel.service'];
  assert.ok(conf.includes('stunnel/deprecated-option@11:1'), JSON.stringify(conf));
  for (const want of ['systemd/obsolete-dependency@3:7', 'systemd/missing-limit-nofile@5:1', 'systemd/forking-without-pidfile@7:6']) {
    assert.ok(before.map(brief).includes(want), `${want} in ${JSON.stringify(before.map(brief))}`);
  }
  for (const want of ['systemd/obsolete-dependency@3:7', 'systemd/forking-without-pidfile@8:6']) {
    assert.ok(unit.map(brief).includes(want), `${want} in ${JSON.stringify(unit.map(brief))}`);
  }
  assert.ok(!unit.some((d) => d.code === 'systemd/missing-limit-nofile'), 'stunnel.service sets LimitNOFILE=32000');
  const nofile = before.find((d) => d.code === 'systemd/missing-limit-nofile');
  assert.match(nofile.message, /about 500 concurrent clients/);
  assert.equal(nofile.severity, 2);
  for (const d of [...before, ...unit, ...byFile['stunnel.conf']]) assert.equal(d.source, 'daemonlint');
}

/** The hover over LimitNOFILE: its heading, the summary from the knowledge files and the manual link. */
export function checkHover(hover, summary) {
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /^\*\*LimitNOFILE=\*\*/);
  assert.ok(hover.contents.value.includes(summary), hover.contents.value);
  assert.ok(hover.contents.value.includes(`(${MAN_LINK})`), hover.contents.value);
  assert.deepEqual(hover.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 11 } });
}

export function systemdSummary(name) {
  const file = new URL('../../../server/src/core/knowledge/systemd/summaries.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8'))[name];
}
