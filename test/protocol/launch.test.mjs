// How the server is started: the installed command (dist/server.js, executable, run through its
// #! line) answers initialize, and the VS Code client starts the same bundle over IPC with no flags.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));
const CLIENT = fileURLToPath(new URL('../../dist/client.js', import.meta.url));

test('dist/server.js runs as a command: #!/usr/bin/env node, executable, answers initialize', async () => {
  assert.equal(readFileSync(SERVER, 'utf8').split('\n')[0], '#!/usr/bin/env node');
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
  proc.kill();
  assert.match(answer, /"name":"daemonlint-language-server"/);
});

test('the VS Code client runs the server module over IPC, with inspector flags only when debugging', () => {
  const bundle = readFileSync(CLIENT, 'utf8');
  assert.match(bundle, /run: \{ module: \w+, transport: [\w.]+\.ipc \}/);
  assert.match(bundle, /debug: \{ module: \w+, transport: [\w.]+\.ipc, options: \{ execArgv: \["--nolazy", "--inspect=6019"\] \} \}/);
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
