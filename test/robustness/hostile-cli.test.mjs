// The CLI over a hostile tree on disk: it finishes within a bound, reads no file whole that is
// too large to lint (a sparse 600 MB file), skips what is not a regular file, follows no
// symlink loop, and says what it could not read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { hostileTree, tempDir } from './hostile.mjs';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
let root;

before(() => {
  root = tempDir('daemonlint-hostile-cli-');
  hostileTree(root);
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

function run(args, options = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, ...options });
  return { ...r, ms: performance.now() - t, findings: r.stdout ? JSON.parse(r.stdout) : [] };
}

const of = (findings, file) => findings.filter((f) => f.file === file).map((f) => `${f.rule}@${f.line}:${f.column}`);

test('linting the hostile tree ends within a bound with a finding for what it cannot lint', () => {
  const r = run(['.']);
  assert.equal(r.error, undefined, `the CLI did not finish: ${r.error?.message}`);
  assert.ok(r.ms < 30_000, `took ${r.ms.toFixed(0)} ms`);
  assert.equal(r.status, 1, r.stderr);
  const f = r.findings;
  assert.ok(!f.some((x) => x.rule === 'daemonlint/internal-error'), JSON.stringify(f.filter((x) => x.rule === 'daemonlint/internal-error')));
  assert.deepEqual(of(f, 'etc/stunnel/huge.conf'), ['daemonlint/file-too-large@1:1']);
  assert.deepEqual(of(f, 'etc/stunnel/sparse.conf'), ['daemonlint/file-too-large@1:1']);
  assert.equal(f.find((x) => x.file === 'etc/stunnel/sparse.conf').message, 'File is 600.0 MB; files over 4 MB are not linted.');
  assert.deepEqual(of(f, 'etc/systemd/system/nul.service'), ['daemonlint/binary-file@1:1']);
  assert.deepEqual(of(f, 'etc/systemd/system/invalid-utf8.service'), ['systemd/invalid-value@2:6', 'systemd/syntax-error@2:6', 'systemd/syntax-error@3:11']);
  assert.ok(of(f, 'etc/stunnel/longline.conf').includes('stunnel/syntax-error@1:16384'));
  // The FIFO, the dangling link and the link loops are not files to lint; the loop directory is entered once.
  for (const name of ['fifo.service', 'gone.service', 'self.service', 'a.service', 'b.service']) assert.deepEqual(of(f, `etc/systemd/system/${name}`), []);
  assert.ok(!f.some((x) => x.file.includes('/loop/')), 'nothing is linted twice through the symlink loop');
  // The include loop and the chain end with a finding, not a hang.
  assert.match(f.find((x) => x.file === 'etc/stunnel/conf.d/loop.conf' && x.rule === 'stunnel/include-error').message, /already being read/);
  assert.match(f.find((x) => x.file === 'etc/stunnel/chain.conf' && x.rule === 'stunnel/include-error').message, /nested more than 8 levels deep/);
});

test('a file it may not read is reported as unreadable', () => {
  // Root reads anything: run as nobody then (the tree is world-readable but this one file).
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chmodSync(root, 0o755);
  const r = run(['etc/systemd/system'], asRoot ? { uid: 65534, gid: 65534 } : {});
  assert.equal(r.error, undefined, r.error?.message);
  const secret = r.findings.filter((x) => x.file === 'etc/systemd/system/secret.service');
  assert.deepEqual(secret.map((x) => [x.rule, x.severity, x.message]), [['daemonlint/unreadable-file', 'error', 'Cannot read the file: permission denied.']]);
});

test('a FIFO or a device named on the command line is refused, not read', () => {
  const r = run(['etc/systemd/system/fifo.service', '/dev/zero']);
  assert.equal(r.error, undefined, `the CLI did not finish: ${r.error?.message}`);
  assert.ok(r.ms < 10_000);
  assert.match(r.stderr, /fifo\.service: not a regular file or directory/);
  assert.match(r.stderr, /\/dev\/zero: not a regular file or directory/);
});
