// The CLI over a workspace whose configs name programs that would leave marker files: in every
// output mode it runs nothing, writes nothing unless --fix is given (and then only the linted
// files), and reads only the workspace, the files its configs reference, and its own installation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { evilWorkspace, marksOf, snapshot } from './evil.mjs';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SPY = fileURLToPath(new URL('./fs-spy.cjs', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const ws = evilWorkspace();
after(() => fs.rmSync(ws.base, { recursive: true, force: true }));

function cli(args, name, input) {
  const tmp = path.join(ws.base, `tmp-${name}`);
  const home = path.join(ws.base, `home-${name}`);
  for (const d of [tmp, home]) fs.mkdirSync(d, { recursive: true });
  const fsLog = path.join(ws.base, `fs-${name}.log`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ws.root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: ws.bin, TMPDIR: tmp, HOME: home, NODE_OPTIONS: `--require ${SPY}`, DAEMONLINT_FS_LOG: fsLog },
  });
  const calls = fs.existsSync(fsLog) ? fs.readFileSync(fsLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  return { ...r, tmp, home, calls };
}

const outsideReads = (calls) => {
  const above = (p) => path.basename(p) === '.daemonlintrc' && (ws.root + '/').startsWith(path.dirname(p).replace(/\/?$/, '/'));
  const inside = (p) => { const a = path.resolve(ws.root, p); return a === ws.root || a.startsWith(ws.root + '/') || a.startsWith(PACKAGE); };
  return [...new Set(calls.filter((c) => !inside(c.path) && !above(c.path)).map((c) => `${c.op} ${c.path}`))];
};

test('lint, JSON, SARIF, --security and --fix-dry-run: nothing runs, nothing is written', () => {
  const before = snapshot(ws.root);
  const runs = [
    ['text', ['.']],
    ['json', ['--format', 'json', '.']],
    ['sarif', ['--format', 'sarif', '--security', '.']],
    ['dry', ['--fix-dry-run', '.']],
    ['stdin', ['--stdin', '--stdin-filename', 'etc/systemd/system/evil.service', '.'], fs.readFileSync(ws.files.unit, 'utf8')],
  ];
  for (const [name, args, input] of runs) {
    const r = cli(args, name, input);
    assert.equal(r.error, undefined, `${name}: ${r.error?.message}`);
    assert.ok(r.status === 0 || r.status === 1, `${name}: exit ${r.status}: ${r.stderr}`);
    assert.deepEqual(marksOf(ws), { markers: [], ran: [] }, `${name}: a program ran`);
    assert.deepEqual(fs.readdirSync(r.tmp), [], `${name}: TMPDIR`);
    assert.deepEqual(fs.readdirSync(r.home), [], `${name}: HOME`);
    assert.ok(r.calls.length > 0, `${name}: the spy saw nothing`);
    assert.deepEqual(r.calls.filter((c) => c.write), [], `${name}: wrote through fs`);
    assert.deepEqual(outsideReads(r.calls), [], `${name}: read outside the workspace`);
  }
  assert.deepEqual(snapshot(ws.root), before, 'the workspace changed');
});

test('--fix writes the linted files it fixes, and nothing else', () => {
  const before = snapshot(ws.root);
  const r = cli(['--fix', '.'], 'fix');
  assert.equal(r.error, undefined, r.error?.message);
  assert.deepEqual(marksOf(ws), { markers: [], ran: [] });
  const writes = [...new Set(r.calls.filter((c) => c.write).map((c) => path.resolve(ws.root, c.path)))];
  const linted = new Set(Object.values(ws.files));
  assert.ok(writes.length > 0, 'the evil unit has fixable findings');
  assert.deepEqual(writes.filter((p) => !linted.has(p)), [], 'wrote a file that is not a linted config');
  const after = snapshot(ws.root);
  const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
  assert.deepEqual(changed.filter((p) => !linted.has(p) && !p.endsWith('/')), []);
  assert.deepEqual(outsideReads(r.calls), []);
});
