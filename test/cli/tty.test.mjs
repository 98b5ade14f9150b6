// Behaviour that depends on a terminal: progress for trees of more than 200 files and colour in
// --color auto. `script` gives the CLI a pseudo-terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, makeTree, run } from './cli-helpers.mjs';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs the CLI on a pseudo-terminal (stdout and stderr both); returns what the terminal showed. */
function onTerminal(args, cwd, env = {}) {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const environment = { ...process.env, TERM: 'xterm', ...env };
  if (!('NO_COLOR' in env)) delete environment.NO_COLOR;
  const r = spawnSync('script', ['-qec', quoted, '/dev/null'], { cwd, env: environment, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout.replace(/\r\n/g, '\n') };
}

function tree(t, n) {
  const files = {};
  for (let i = 0; i < n; i++) files[`conf/stunnel-${String(i).padStart(3, '0')}.conf`] = 'pid = /run/stunnel.pid\n';
  return makeTree(t, files);
}

test('progress on a terminal for more than 200 files, erased when done', { skip: !hasScript && 'no script(1)' }, (t) => {
  const r = onTerminal([], tree(t, 201));
  assert.equal(r.code, 0);
  assert.ok(r.out.startsWith('\rdaemonlint: linting 1/201 files'), JSON.stringify(r.out.slice(0, 80)));
  assert.ok(r.out.endsWith('\rdaemonlint: linting 201/201 files\r\x1b[K201 files, 0 errors, 0 warnings\n'), JSON.stringify(r.out.slice(-120)));
});

test('no progress for 200 files, nor when stderr is not a terminal', { skip: !hasScript && 'no script(1)' }, (t) => {
  assert.equal(onTerminal([], tree(t, 200)).out, '200 files, 0 errors, 0 warnings\n');
  assert.equal(run([], { cwd: tree(t, 201) }).stderr, '201 files, 0 errors, 0 warnings\n');
});

test('--color auto colours on a terminal unless NO_COLOR is set or TERM is dumb', { skip: !hasScript && 'no script(1)' }, (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'fooBar = 1\n' });
  const line = 'stunnel.conf:1:1: error stunnel/unknown-option Unknown stunnel option \'fooBar\': stunnel stops with "Specified option name is not valid here" and does not start.\n';
  const coloured = '\x1b[1mstunnel.conf:1:1:\x1b[22m \x1b[31merror\x1b[39m \x1b[2mstunnel/unknown-option\x1b[22m Unknown stunnel option \'fooBar\': stunnel stops with "Specified option name is not valid here" and does not start.\n';
  const summary = '1 file, 1 error, 0 warnings\n';
  assert.equal(onTerminal([], dir).out, coloured + summary);
  assert.equal(onTerminal([], dir, { NO_COLOR: '1' }).out, line + summary);
  assert.equal(onTerminal([], dir, { TERM: 'dumb' }).out, line + summary);
  assert.equal(onTerminal(['--color', 'never'], dir).out, line + summary);
});

test('--fix-dry-run on a terminal shows control characters escaped; piped, the diff is exact', { skip: !hasScript && 'no script(1)' }, (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'sslVersion = all\npid = /run/x\x1b]0;pwned\x07.pid\n' });
  const diff = (pid) => `--- a/stunnel.conf\n+++ b/stunnel.conf\n@@ -1,2 +1 @@\n-sslVersion = all\n pid = /run/x${pid}.pid\n`;
  const summary = '1 file, 0 errors, 0 warnings; 1 problem fixable in 1 file\n';
  assert.equal(onTerminal(['--fix-dry-run'], dir).out, diff('\\x1b]0;pwned\\x07') + summary);
  assert.deepEqual(run(['--fix-dry-run'], { cwd: dir }), { code: 0, stdout: diff('\x1b]0;pwned\x07'), stderr: summary });
});
