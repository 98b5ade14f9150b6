// Settings over stdio: per resource, a .daemonlintrc laid over them, both taking effect without a
// restart; and the editor agreeing with the CLI on the same folder (rc file and suppressions).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { LspClient } from './client.mjs';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const UNIT = '[Unit]\n# daemonlint-disable-next-line systemd/unknown-directive\nAfter=syslog.target\n[Service]\nExecStart=/bin/true\n';
const OBSOLETE = 'systemd/obsolete-dependency';

let root;
let withRc;
let withoutRc;
let client;
/** What the client answers to workspace/configuration, per folder. */
const config = new Map();
const registrations = [];

const fileUri = (p) => 'file://' + p;
const brief = (d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}:${d.severity}`;

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'daemonlint-settings-'));
  withRc = path.join(root, 'project');
  withoutRc = path.join(root, 'other');
  for (const d of [withRc, withoutRc]) execFileSync('mkdir', ['-p', d]);
  writeFileSync(path.join(withRc, '.daemonlintrc'), `[rules]\n${OBSOLETE} = error\n`);
  writeFileSync(path.join(withRc, 'app.service'), UNIT);
  client = new LspClient({ initializationOptions: { debounceMs: 0 } });
  // Answer workspace/configuration per resource, as VS Code does.
  const onMessage = client.onMessage.bind(client);
  client.onMessage = (msg) => {
    if (msg.method === 'client/registerCapability') registrations.push(...msg.params.registrations.map((x) => [x.method, x.registerOptions]));
    if (msg.method === 'workspace/configuration') {
      client.send({ jsonrpc: '2.0', id: msg.id, result: msg.params.items.map((i) => config.get(path.dirname(i.scopeUri.slice('file://'.length))) ?? {}) });
      return;
    }
    onMessage(msg);
  };
  config.set(withRc, { rules: { [OBSOLETE]: 'off' } });
  config.set(withoutRc, { rules: { [OBSOLETE]: 'info' } });
  await client.initialize({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
});
after(async () => {
  await client.shutdown();
  rmSync(root, { recursive: true, force: true });
});

test('settings are per resource, and the nearest .daemonlintrc wins over them', async () => {
  client.open(fileUri(path.join(withRc, 'app.service')), 'systemd-unit', UNIT);
  client.open(fileUri(path.join(withoutRc, 'app.service')), 'systemd-unit', UNIT);
  assert.deepEqual((await client.diagnosticsFor(fileUri(path.join(withRc, 'app.service')))).map(brief), ['daemonlint/unused-suppression@2:32:4', `${OBSOLETE}@3:7:1`]);
  assert.deepEqual((await client.diagnosticsFor(fileUri(path.join(withoutRc, 'app.service')))).map(brief), ['daemonlint/unused-suppression@2:32:4', `${OBSOLETE}@3:7:3`]);
});

test('the CLI reports the same findings for the folder with the .daemonlintrc', () => {
  let out;
  try {
    out = execFileSync(process.execPath, [CLI, '--format', 'json', withRc], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit status 1: errors were found
  }
  const cli = JSON.parse(out).map((f) => `${f.rule}@${f.line}:${f.column}:${f.severity}`);
  assert.deepEqual(cli, ['daemonlint/unused-suppression@2:32:hint', `${OBSOLETE}@3:7:error`]);
});

test('a changed .daemonlintrc takes effect without a restart', async () => {
  // The server asks to be told about rc files (any client with dynamic registration).
  assert.deepEqual(registrations.find(([m]) => m === 'workspace/didChangeWatchedFiles'), ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/.daemonlintrc' }] }]);
  writeFileSync(path.join(withRc, '.daemonlintrc'), `[rules]\n${OBSOLETE} = warning\n`);
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(withRc, '.daemonlintrc')), type: 2 }] });
  const uri = fileUri(path.join(withRc, 'app.service'));
  const d = await client.waitFor(() => {
    const x = client.diagnostics.get(uri)?.diagnostics;
    return x?.some((y) => y.code === OBSOLETE && y.severity === 2) ? x : undefined;
  }, 'warning level from the changed rc file');
  assert.deepEqual(d.map(brief), ['daemonlint/unused-suppression@2:32:4', `${OBSOLETE}@3:7:2`]);
});

test('changed editor settings take effect without a restart', async () => {
  config.set(withoutRc, { rules: { [OBSOLETE]: 'hint' } });
  client.notify('workspace/didChangeConfiguration', { settings: null });
  const uri = fileUri(path.join(withoutRc, 'app.service'));
  const d = await client.waitFor(() => {
    const x = client.diagnostics.get(uri)?.diagnostics;
    return x?.some((y) => y.code === OBSOLETE && y.severity === 4) ? x : undefined;
  }, 'hint level from the changed settings');
  assert.deepEqual(d.map(brief), ['daemonlint/unused-suppression@2:32:4', `${OBSOLETE}@3:7:4`]);
});

test('a .daemonlintrc with mistakes is reported once, and its valid part still applies', async () => {
  const bad = path.join(root, 'bad');
  execFileSync('mkdir', ['-p', bad]);
  writeFileSync(path.join(bad, '.daemonlintrc'), `systemdVersion = soon\n[rules]\n${OBSOLETE} = error\n`);
  const uri = fileUri(path.join(bad, 'app.service'));
  client.open(uri, 'systemd-unit', UNIT);
  assert.deepEqual((await client.diagnosticsFor(uri)).map(brief), ['daemonlint/unused-suppression@2:32:4', `${OBSOLETE}@3:7:1`]);
  const shown = client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => [n.params.type, n.params.message]);
  assert.deepEqual(shown, [[2, `Daemonlint: ${path.join(bad, '.daemonlintrc')}: systemdVersion must be a whole number such as 252, not 'soon'. The rest of the file applies.`]]);
});
