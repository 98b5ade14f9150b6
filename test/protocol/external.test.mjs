// "Validate with Installed Tools" over stdio: refused unless the client says the workspace is
// trusted; when trusted, systemd-analyze's and stunnel's complaints land on the lines they name.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, test } from 'node:test';
import { LspClient } from './client.mjs';

const REQUEST = 'daemonlint/validateWithInstalledTools';
const UNIT_URI = 'file:///srv/external/bad.service';
const UNIT = '[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\nFooBar=1\nExecStartPre=/nonexistent/x\n';

function installed(program, args) {
  try {
    execFileSync(program, args, { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
const haveSystemdAnalyze = installed('systemd-analyze', ['--version']);
const haveStunnelInNetns = installed('unshare', [...(process.getuid() === 0 ? ['-n'] : ['-r', '-n']), 'stunnel', '-version']);

const clients = [];
async function start(initializationOptions) {
  const c = new LspClient({ initializationOptions: { debounceMs: 0, ...initializationOptions } });
  clients.push(c);
  await c.initialize();
  c.open(UNIT_URI, 'systemd-unit', UNIT);
  await c.diagnosticsFor(UNIT_URI);
  return c;
}
after(() => Promise.all(clients.map((c) => c.shutdown())));

const refusal = { tool: null, diagnostics: 0, message: 'Validate with Installed Tools runs programs on this machine, so it works only in a trusted workspace. Nothing was run.' };

test('refused when the client does not say the workspace is trusted, and nothing is published', async () => {
  const c = await start({});
  assert.deepEqual(await c.request(REQUEST, { uri: UNIT_URI }), refusal);
  assert.deepEqual(c.diagnostics.get(UNIT_URI).diagnostics.filter((d) => d.source !== 'daemonlint'), []);
  const untrusted = await start({ isTrusted: false });
  assert.deepEqual(await untrusted.request(REQUEST, { uri: UNIT_URI }), refusal);
});

test('a trust notification enables it; limits.conf has no installed checker', async () => {
  const c = await start({ isTrusted: false });
  c.notify('daemonlint/workspaceTrust', { trusted: true });
  const limits = 'file:///etc/security/limits.conf';
  c.open(limits, 'limits-conf', '* soft nofile 1024\n');
  assert.deepEqual(await c.request(REQUEST, { uri: limits }), { tool: null, diagnostics: 0, message: 'No installed program checks limits.conf.' });
});

test('trusted: systemd-analyze verify output is mapped onto the unit with its source', { skip: !haveSystemdAnalyze && 'systemd-analyze is not installed' }, async () => {
  const c = await start({ isTrusted: true });
  assert.deepEqual(await c.request(REQUEST, { uri: UNIT_URI }), { tool: 'systemd-analyze', diagnostics: 2, message: 'systemd-analyze verify reported 2 problem(s).' });
  const published = await c.waitFor(() => {
    const d = c.diagnostics.get(UNIT_URI)?.diagnostics.filter((x) => x.source === 'systemd-analyze');
    return d?.length ? d : undefined;
  }, 'systemd-analyze diagnostics');
  assert.deepEqual(published, [
    { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 8 } }, severity: 2, source: 'systemd-analyze', message: "Unknown key 'FooBar' in section [Service], ignoring." },
    { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 27 } }, severity: 1, source: 'systemd-analyze', message: 'Command /nonexistent/x is not executable: No such file or directory' },
  ]);
  // An edit makes the lines stale: they are dropped until the check runs again.
  c.change(UNIT_URI, 2, [{ text: UNIT.replace('FooBar=1\n', '') }]);
  const after = await c.diagnosticsFor(UNIT_URI, 2);
  assert.deepEqual(after.filter((d) => d.source === 'systemd-analyze'), []);
});

test('trusted: stunnel, in a private network namespace, names the line it rejects', { skip: !haveStunnelInNetns && 'stunnel or unshare is not usable here' }, async () => {
  const c = await start({ isTrusted: true });
  const uri = 'file:///srv/external/stunnel.conf';
  // No foreground line: the check adds one on top, and the line numbers still match.
  c.open(uri, 'stunnel', 'pid = /run/x.pid\nbogusOption = 1\n[s]\naccept = 127.0.0.1:4443\nconnect = 127.0.0.1:80\n');
  assert.deepEqual(await c.request(REQUEST, { uri }), { tool: 'stunnel', diagnostics: 1, message: 'stunnel rejected the configuration: 1 problem(s).' });
  const published = await c.waitFor(() => {
    const d = c.diagnostics.get(uri)?.diagnostics.filter((x) => x.source === 'stunnel');
    return d?.length ? d : undefined;
  }, 'stunnel diagnostics');
  assert.deepEqual(published, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 15 } }, severity: 1, source: 'stunnel', message: '"bogusOption = 1": Specified option name is not valid here' }]);
});

const haveOpenssl = installed('openssl', ['version']);

test('trusted: a config stunnel loads is reported as such; stunnel is stopped and writes neither pid nor log file', { skip: (!haveStunnelInNetns || !haveOpenssl) && 'stunnel, unshare or openssl is not usable here' }, async () => {
  const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = (await import('node:path')).default;
  const dir = mkdtempSync(path.join(tmpdir(), 'daemonlint-stunnel-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.pem', '-out', 'server.pem', '-days', '2', '-subj', '/CN=daemonlint'], { cwd: dir, stdio: 'ignore' });
    const c = await start({ isTrusted: true });
    const uri = 'file://' + path.join(dir, 'stunnel.conf');
    // Daemonizing, with a pid file and a log file: the check keeps it in the foreground and writes neither.
    c.open(uri, 'stunnel', `pid = ${dir}/stunnel.pid\noutput = ${dir}/stunnel.log\n[s]\naccept = 127.0.0.1:4443\nconnect = 127.0.0.1:80\ncert = server.pem\n`);
    assert.deepEqual(await c.request(REQUEST, { uri }), { tool: 'stunnel', diagnostics: 0, message: 'stunnel loaded the configuration without errors.' });
    assert.deepEqual(readdirSync(dir), ['server.pem']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
