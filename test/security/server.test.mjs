// The language server in a workspace whose configs name programs that would leave marker files:
// whatever the editor asks, the server runs nothing, writes nothing (not in the workspace, not in
// TMPDIR or HOME) and reads only the workspace and its own installation. Programs run only for
// "Validate with Installed Tools" in a trusted workspace — shown here with fake tools.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { core } from '../helpers.mjs';
import { LspClient } from '../protocol/client.mjs';
import { evilWorkspace, marksOf, snapshot } from './evil.mjs';

const SPY = fileURLToPath(new URL('./fs-spy.cjs', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const LANGUAGE = { '.service': 'systemd-unit', '.conf': 'stunnel' };
const cleanups = [];
after(() => {
  for (const c of cleanups) c();
});

/** Starts the server with PATH = the fake tools only, a private TMPDIR and HOME, and the fs spy. */
function startServer(ws, trusted) {
  const tmp = path.join(ws.base, `tmp-${trusted}`);
  const home = path.join(ws.base, `home-${trusted}`);
  const fsLog = path.join(ws.base, `fs-${trusted}.log`);
  for (const d of [tmp, home]) fs.mkdirSync(d, { recursive: true });
  const saved = { ...process.env };
  Object.assign(process.env, { PATH: ws.bin, TMPDIR: tmp, HOME: home, NODE_OPTIONS: `--require ${SPY}`, DAEMONLINT_FS_LOG: fsLog });
  const client = new LspClient({ workspaceFolders: [{ uri: core.pathToUri(ws.root), name: 'evil' }], initializationOptions: { debounceMs: 0, isTrusted: trusted } });
  for (const k of ['PATH', 'TMPDIR', 'HOME', 'NODE_OPTIONS', 'DAEMONLINT_FS_LOG']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  const fsCalls = () => (fs.existsSync(fsLog) ? fs.readFileSync(fsLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
  return { client, tmp, home, fsCalls };
}

function languageOf(file) {
  if (file.includes('/security/')) return 'limits-conf';
  if (file.includes('.service.d/')) return 'systemd-unit';
  return LANGUAGE[path.extname(file)];
}

/** Everything an editor asks of a file, at every line. */
async function exercise(client, file) {
  const uri = core.pathToUri(file);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const doc = { textDocument: { uri } };
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
  const asks = [
    ['textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: [] } }],
    ['textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: [], only: ['source.fixAll.daemonlint'] } }],
    ['textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/documentSymbol', doc],
    ['textDocument/foldingRange', doc],
    ['textDocument/documentLink', doc],
    ['textDocument/semanticTokens/full', doc],
    ['textDocument/inlayHint', { ...doc, range: whole }],
    ['textDocument/codeLens', doc],
    ['daemonlint/effectiveUnit', { uri }],
    ['daemonlint/validateWithInstalledTools', { uri }],
  ];
  for (const [line, t] of lines.entries()) {
    for (const character of [0, Math.floor(t.length / 2), t.length]) {
      const position = { line, character };
      asks.push(['textDocument/hover', { ...doc, position }], ['textDocument/completion', { ...doc, position }], ['textDocument/definition', { ...doc, position }]);
    }
  }
  const answers = [];
  for (const [method, params] of asks) answers.push(await client.request(method, params).then((r) => [method, r], (e) => [method, `error ${e.code}`]));
  client.notify('textDocument/didSave', doc);
  return answers;
}

test('an untrusted workspace: nothing runs, nothing is written, only the workspace and the server are read', async () => {
  const ws = evilWorkspace();
  cleanups.push(() => fs.rmSync(ws.base, { recursive: true, force: true }));
  const before = snapshot(ws.root);
  const { client, tmp, home, fsCalls } = startServer(ws, false);
  await client.initialize();
  const files = Object.values(ws.files);
  for (const file of files) client.open(core.pathToUri(file), languageOf(file), fs.readFileSync(file, 'utf8'));
  for (const file of files) await client.diagnosticsFor(core.pathToUri(file));
  let refused;
  for (const file of files) {
    const answers = await exercise(client, file);
    refused ??= answers.find(([m]) => m === 'daemonlint/validateWithInstalledTools')[1];
  }
  assert.equal(refused.tool, null);
  assert.match(refused.message, /only in a trusted workspace\. Nothing was run\./);
  // Trust cannot be claimed with anything but `true`.
  client.notify('daemonlint/workspaceTrust', { trusted: 'yes' });
  const again = await client.request('daemonlint/validateWithInstalledTools', { uri: core.pathToUri(ws.files.unit) });
  assert.match(again.message, /Nothing was run\./);
  client.notify('workspace/didChangeWatchedFiles', { changes: files.map((f) => ({ uri: core.pathToUri(f), type: 2 })) });
  for (const file of files) client.notify('textDocument/didClose', { textDocument: { uri: core.pathToUri(file) } });
  await client.shutdown();

  assert.deepEqual(marksOf(ws), { markers: [], ran: [] }, 'a program ran');
  assert.deepEqual(snapshot(ws.root), before, 'the workspace changed');
  assert.deepEqual(fs.readdirSync(tmp), [], 'something was written to TMPDIR');
  assert.deepEqual(fs.readdirSync(home), [], 'something was written to HOME');
  const calls = fsCalls();
  assert.ok(calls.length > 0, 'the spy saw the server read its workspace');
  assert.deepEqual(calls.filter((c) => c.write), [], 'the server wrote through fs');
  // Besides the workspace and its own files, the server only looks for a .daemonlintrc in the
  // folders above the workspace (the nearest one applies, as for the CLI).
  const above = (p) => path.basename(p) === '.daemonlintrc' && (ws.root + '/').startsWith(path.dirname(p).replace(/\/?$/, '/'));
  const outside = calls.filter((c) => !c.path.startsWith(ws.root + '/') && c.path !== ws.root && !path.resolve(c.path).startsWith(PACKAGE) && !above(c.path));
  assert.deepEqual([...new Set(outside.map((c) => `${c.op} ${c.path}`))], [], 'the server read outside the workspace and its installation');
});

test('a trusted workspace: the tools run only when asked, by name, without a shell, and leave TMPDIR clean', async () => {
  const ws = evilWorkspace();
  cleanups.push(() => fs.rmSync(ws.base, { recursive: true, force: true }));
  const { client, tmp } = startServer(ws, true);
  await client.initialize();
  for (const file of [ws.files.unit, ws.files.conf]) client.open(core.pathToUri(file), languageOf(file), fs.readFileSync(file, 'utf8'));
  await client.diagnosticsFor(core.pathToUri(ws.files.unit));
  await client.request('textDocument/hover', { textDocument: { uri: core.pathToUri(ws.files.unit) }, position: { line: 8, character: 3 } });
  assert.deepEqual(marksOf(ws).ran, [], 'nothing runs before it is asked for');
  await client.request('daemonlint/validateWithInstalledTools', { uri: core.pathToUri(ws.files.unit) });
  await client.request('daemonlint/validateWithInstalledTools', { uri: core.pathToUri(ws.files.conf) });
  await client.shutdown();
  const { markers, ran } = marksOf(ws);
  // The fake tools recorded their runs (this is what the first test would have seen); the
  // configs' own commands never ran, and the copies were removed.
  assert.equal(ran.length, 2, ran.join('\n'));
  assert.match(ran[0], /^systemd-analyze verify --man=no --generators=no \S+\/evil\.service$/);
  assert.match(ran[1], /^unshare (-r )?-n stunnel \S+\/stunnel\.conf$/);
  assert.deepEqual(markers, []);
  assert.deepEqual(fs.readdirSync(tmp), []);
});
