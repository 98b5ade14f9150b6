// What Daemonlint reads is bounded: includes stop at a depth, a file count and a byte total;
// nothing is read twice round a loop; a file too large to lint is never read whole; a FIFO or a
// device is never opened; a huge workspace is indexed up to a file count.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { briefs, core } from '../helpers.mjs';
import { LspClient } from '../protocol/client.mjs';
import { MB, tempDir } from '../robustness/hostile.mjs';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SPY = fileURLToPath(new URL('./fs-spy.cjs', import.meta.url));
const cleanups = [];
after(() => {
  for (const c of cleanups) c();
});

/** An in-memory file system for Workspace.reader that counts what is read. null marks a directory. */
function countingReader(tree) {
  const reads = { files: 0, dirs: 0, chars: 0 };
  const reader = {
    readFile(p) {
      const v = tree.get(p);
      if (typeof v !== 'string') return undefined;
      reads.files++;
      reads.chars += v.length;
      return v;
    },
    listDir(p) {
      if (tree.get(p) !== null) return undefined;
      reads.dirs++;
      return [...tree.keys()].filter((k) => k.startsWith(p + '/') && !k.slice(p.length + 1).includes('/')).map((k) => k.slice(p.length + 1));
    },
  };
  return { reads, reader };
}

function lintWithReader(main, tree) {
  const { reads, reader } = countingReader(tree);
  const ws = new core.Workspace([], []);
  ws.reader = reader;
  const uri = core.pathToUri('/etc/stunnel/stunnel.conf');
  ws.set(uri, main);
  const findings = core.lintFile(ws, uri, core.resolveSettings({})).filter((f) => f.rule === 'stunnel/include-error');
  return { reads, findings };
}

test('includes: a loop is read once, a chain stops at depth 8, a directory at 256 files, the total at 4 MiB', () => {
  let tree = new Map([['/etc/stunnel/conf.d', null], ['/etc/stunnel/conf.d/a.conf', '[a]\naccept = 1\nconnect = 2\ninclude = /etc/stunnel/conf.d\n']]);
  let r = lintWithReader('include = /etc/stunnel/conf.d\n', tree);
  assert.deepEqual(r.reads, { files: 1, dirs: 2, chars: 57 });
  assert.match(r.findings[0].message, /already being read/);

  tree = new Map();
  for (let i = 0; i <= 300; i++) tree.set(`/c/d${i}`, null).set(`/c/d${i}/n.conf`, `include = /c/d${i + 1}\n`);
  r = lintWithReader('include = /c/d0\n', tree);
  assert.equal(r.reads.files, 8);
  assert.match(r.findings[0].message, /nested more than 8 levels deep/);

  tree = new Map([['/w', null]]);
  for (let i = 0; i < 10_000; i++) tree.set(`/w/f${i}.conf`, `[s${i}]\naccept = ${i}\nconnect = 1\n`);
  r = lintWithReader('include = /w\n', tree);
  assert.ok(r.reads.files <= 256, `${r.reads.files} files read`);
  assert.match(r.findings[0].message, /past 256 files or 4 MiB/);

  // Two includes of the next directory at every level: 2^40 paths, 256 files read.
  tree = new Map();
  for (let i = 0; i <= 40; i++) tree.set(`/e/d${i}`, null).set(`/e/d${i}/a.conf`, `include = /e/d${i + 1}\n`).set(`/e/d${i}/b.conf`, `include = /e/d${i + 1}\n`);
  r = lintWithReader('include = /e/d0\n', tree);
  assert.ok(r.reads.files <= 256, `${r.reads.files} files read`);

  tree = new Map([['/b', null]]);
  for (let i = 0; i < 5; i++) tree.set(`/b/f${i}.conf`, '#' + 'x'.repeat(3 * MB) + '\n');
  r = lintWithReader('include = /b\n', tree);
  assert.equal(r.reads.files, 2, 'reading stops once the total passes 4 MiB');
});

test('the CLI reads an include directory with a FIFO, a link to /dev/zero, 600 MB and 20,000 files within bounds', () => {
  const root = tempDir('daemonlint-bounds-');
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const inc = path.join(root, 'inc');
  fs.mkdirSync(inc);
  fs.writeFileSync(path.join(root, 'stunnel.conf'), `foreground = yes\ninclude = ${inc}\n`);
  execFileSync('mkfifo', [path.join(inc, '00-fifo.conf')]);
  fs.symlinkSync('/dev/zero', path.join(inc, '01-zero.conf'));
  fs.closeSync(fs.openSync(path.join(inc, '02-sparse.conf'), 'w'));
  fs.truncateSync(path.join(inc, '02-sparse.conf'), 600 * MB);
  for (let i = 0; i < 20_000; i++) fs.writeFileSync(path.join(inc, `f${String(i).padStart(5, '0')}.conf`), `[s${i}]\naccept = ${10000 + (i % 50000)}\nconnect = 1\n`);
  const fsLog = path.join(root, 'fs.log');
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', path.join(root, 'stunnel.conf')], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * MB,
    env: { ...process.env, NODE_OPTIONS: `--require ${SPY}`, DAEMONLINT_FS_LOG: fsLog },
  });
  const ms = performance.now() - t;
  assert.equal(r.error, undefined, r.error?.message);
  assert.ok(ms < 30_000, `took ${ms.toFixed(0)} ms`);
  const calls = fs.readFileSync(fsLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const on = (name) => calls.filter((c) => c.path.endsWith(name)).map((c) => c.op);
  // The FIFO and the device are looked at, never opened; the big file only through a bounded open.
  assert.ok(!on('00-fifo.conf').some((op) => op === 'open' || op === 'readFile'), on('00-fifo.conf').join(' '));
  assert.ok(!on('01-zero.conf').some((op) => op === 'open' || op === 'readFile'), on('01-zero.conf').join(' '));
  assert.ok(!on('02-sparse.conf').includes('readFile'), on('02-sparse.conf').join(' '));
  // At most the include limit of files is read from the directory.
  const read = new Set(calls.filter((c) => (c.op === 'readFile' || c.op === 'open') && c.path.startsWith(inc + '/')).map((c) => c.path));
  assert.ok(read.size <= 257, `${read.size} files of the include directory read`);
  const findings = JSON.parse(r.stdout);
  assert.ok(findings.some((f) => f.rule === 'stunnel/include-error' && /past 256 files/.test(f.message)), JSON.stringify(findings.map((f) => f.rule)));
});

test('the server indexes at most 5,000 files of a workspace and never reads one over 1 MB, nor a huge settings file', async () => {
  const root = tempDir('daemonlint-bounds-ws-');
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const dir = path.join(root, 'etc/systemd/system');
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 6000; i++) fs.writeFileSync(path.join(dir, `u${i}.service`), '[Service]\nExecStart=/usr/bin/true\n');
  fs.writeFileSync(path.join(dir, 'big.service'), '# ' + 'x'.repeat(2 * MB) + '\n');
  // A 600 MB settings file where the server looks for one.
  fs.closeSync(fs.openSync(path.join(root, '.daemonlintrc'), 'w'));
  fs.truncateSync(path.join(root, '.daemonlintrc'), 600 * MB);
  const fsLog = path.join(root, '..', path.basename(root) + '.fs.log');
  cleanups.push(() => fs.rmSync(fsLog, { force: true }));
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `--require ${SPY}`;
  process.env.DAEMONLINT_FS_LOG = fsLog;
  const client = new LspClient({ workspaceFolders: [{ uri: core.pathToUri(root), name: 'big' }] });
  if (saved === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = saved;
  delete process.env.DAEMONLINT_FS_LOG;
  await client.initialize();
  // The first answer comes after indexing.
  const u1 = core.pathToUri(path.join(dir, 'u1.service'));
  client.open(u1, 'systemd-unit', '[Service]\nExecStart=/usr/bin/true\n');
  await client.diagnosticsFor(u1);
  await client.request('textDocument/hover', { textDocument: { uri: u1 }, position: { line: 0, character: 0 } });
  await client.shutdown();
  const calls = fs.readFileSync(fsLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const readUnits = new Set(calls.filter((c) => c.op === 'readFile' && c.path.startsWith(dir + '/')).map((c) => c.path));
  assert.ok(readUnits.size <= 5000, `${readUnits.size} files read`);
  assert.ok(readUnits.size >= 4000, `${readUnits.size} files read: the index reads the workspace`);
  assert.ok(!readUnits.has(path.join(dir, 'big.service')), 'a file over 1 MB was read');
  assert.ok(calls.some((c) => c.path === path.join(root, '.daemonlintrc')), 'the server looked for its settings file');
  assert.ok(!calls.some((c) => c.path === path.join(root, '.daemonlintrc') && c.op === 'readFile'), 'the 600 MB settings file was read');
  assert.deepEqual(calls.filter((c) => c.write), []);
});

test('a .daemonlintrc too large to be settings is not read', () => {
  const root = tempDir('daemonlint-rc-');
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.writeFileSync(path.join(root, 'a.service'), '[Service]\nExecStart=/usr/bin/true\n');
  fs.closeSync(fs.openSync(path.join(root, '.daemonlintrc'), 'w'));
  fs.truncateSync(path.join(root, '.daemonlintrc'), 600 * MB);
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, '.'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  // Reading 600 MB takes seconds and fails with "Cannot create a string longer than ...".
  assert.ok(performance.now() - t < 3000, `took ${(performance.now() - t).toFixed(0)} ms`);
  assert.equal(r.error, undefined);
  // The CLI reports the broken settings file and stops (exit 2).
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, 'daemonlint: cannot read the configuration file .daemonlintrc: it is larger than 64 KiB\n');
});
