// How the server is started: the installed command (dist/server.js, executable, run through its
// #! line) and the VS Code client give Node the same flags, which keep the heap small.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serverNodeFlags } from './client.mjs';

const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));
const CLIENT = fileURLToPath(new URL('../../dist/client.js', import.meta.url));
const FLAGS = JSON.parse(readFileSync(new URL('../../server/src/serverNodeFlags.json', import.meta.url), 'utf8'));

test('the flag is a small young generation (memory-first heap sizing is set once the server runs)', () => {
  assert.deepEqual(FLAGS, ['--max-semi-space-size=1']);
  assert.deepEqual(serverNodeFlags(), FLAGS);
});

test('dist/server.js runs as a command and its Node process carries the flags', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  assert.equal(statSync(SERVER).mode & 0o111, 0o111, 'dist/server.js is executable');
  const proc = spawn(SERVER, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const answer = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('"serverInfo"')) resolve(out);
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  assert.match(answer, /"name":"daemonlint-language-server"/);
  // env execs node in place, so the pid is node's own.
  const argv = readFileSync(`/proc/${proc.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  proc.kill();
  assert.deepEqual(argv.slice(1, 1 + FLAGS.length), FLAGS);
  assert.equal(argv[1 + FLAGS.length], SERVER);
});

test('the VS Code client starts the server with the same flags', () => {
  const bundle = readFileSync(CLIENT, 'utf8');
  const run = /run: \{ module: \w+, transport: [\w.]+\.ipc, options: \{ execArgv: (\w+) \} \}/.exec(bundle);
  assert.ok(run, 'the run options pass execArgv');
  const defined = new RegExp(`var ${run[1]} = (\\[[^\\]]*\\]);`).exec(bundle);
  assert.ok(defined, `${run[1]} is defined in dist/client.js`);
  assert.deepEqual(JSON.parse(defined[1]), FLAGS);
});

test('--version prints the version and --help a usage line, without starting the server', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = spawnSync(SERVER, ['--version'], { encoding: 'utf8', timeout: 10000 });
  assert.equal(version.status, 0);
  assert.equal(version.stdout, `daemonlint-language-server ${pkg.version}\n`);
  const help = spawnSync(SERVER, ['--help'], { encoding: 'utf8', timeout: 10000 });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^daemonlint-language-server: a language server for stunnel\.conf, systemd units and limits\.conf\.\nRun it from an editor with --stdio/);
});
