// Hostile files over real stdio: a workspace folder full of traps is indexed, hostile texts are
// opened, files vanish or turn into pipes — and after each, the server still answers a hover on an
// ordinary file within a bound, and says what it did with the hostile one.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { core } from '../helpers.mjs';
import { LspClient } from '../protocol/client.mjs';
import { hostileTree, INVALID_UTF8, MB, randomBytes, tempDir, TEXTS } from './hostile.mjs';


const HOVER_BOUND_MS = 5000;
let root;
let tree;
let client;
const NORMAL = 'file:///srv/normal/app.service';
const NORMAL_TEXT = '[Unit]\nDescription=normal\n\n[Service]\nLimitNOFILE=4096\nExecStart=/usr/bin/true\n';

/** A hover on the ordinary file: answered, right, and within `bound` ms. */
async function assertResponsive(bound = HOVER_BOUND_MS, what = '') {
  const t = performance.now();
  let timer;
  const h = await Promise.race([
    client.request('textDocument/hover', { textDocument: { uri: NORMAL }, position: { line: 4, character: 3 } }),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no hover answer within ${bound} ms ${what}`)), bound))),
  ]).finally(() => clearTimeout(timer));
  const ms = performance.now() - t;
  assert.match(h.contents.value, /\*\*LimitNOFILE=\*\*/);
  assert.ok(ms < bound, `hover took ${ms.toFixed(0)} ms ${what}`);
  assert.equal(client.proc.exitCode, null, 'the server is still running');
}

/** Opens a document and waits for its diagnostics. */
async function openAndWait(uri, languageId, text, timeoutMs = 30_000) {
  client.diagnostics.delete(uri);
  client.open(uri, languageId, text);
  return (await client.waitFor(() => client.diagnostics.get(uri), `diagnostics of ${uri}`, timeoutMs)).diagnostics;
}

const codes = (diags) => diags.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);

before(async () => {
  root = tempDir('daemonlint-hostile-');
  tree = hostileTree(root);
  client = new LspClient({ workspaceFolders: [{ uri: core.pathToUri(root), name: 'hostile' }] });
  await client.initialize();
  client.open(NORMAL, 'systemd-unit', NORMAL_TEXT);
  await client.diagnosticsFor(NORMAL);
});

after(async () => {
  // A hung server must not hang the test run too.
  let timer;
  await Promise.race([client.shutdown(), new Promise((r) => (timer = setTimeout(r, 5000)))]).finally(() => clearTimeout(timer));
  client.proc.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

test('a workspace with symlink loops, a FIFO, unreadable, sparse and huge files is indexed without a hang', async () => {
  // Indexing runs when the server is initialized; the first hover waits for it.
  await assertResponsive(15_000, 'after indexing the hostile folder');
});

test('a 10 MB file: one diagnostic that says it is not linted', async () => {
  const diags = await openAndWait(core.pathToUri(path.join(root, 'etc/stunnel/big-open.conf')), 'stunnel', TEXTS.tenMb());
  assert.deepEqual(codes(diags), ['daemonlint/file-too-large@1:1']);
  assert.equal(diags[0].message, 'File is 10.0 MB; files over 4 MB are not linted.');
  await assertResponsive();
});

test('NUL bytes, random bytes and invalid UTF-8 as editor text', async () => {
  assert.deepEqual(codes(await openAndWait('file:///srv/h/nul.service', 'systemd-unit', TEXTS.nul())), ['daemonlint/binary-file@1:1']);
  await assertResponsive();
  await openAndWait('file:///srv/h/random.service', 'systemd-unit', randomBytes(MB, 3, { nul: false }).toString('utf8'));
  await assertResponsive();
  // Lone surrogates survive JSON as \ud800 escapes.
  await openAndWait('file:///srv/h/surrogates.conf', 'stunnel', '[a\uD800]\naccept = \uDC00\uD800x\n'.repeat(1000));
  await assertResponsive();
  const diags = await openAndWait('file:///srv/h/utf8.service', 'systemd-unit', INVALID_UTF8.toString('utf8'));
  assert.deepEqual(codes(diags), ['systemd/invalid-value@2:6', 'systemd/syntax-error@2:6', 'systemd/syntax-error@3:11']);
  assert.equal(diags[2].message, 'The value of ExecStart= contains bytes that are not valid UTF-8: systemd refuses to load the unit. Re-save the file as UTF-8.');
  await assertResponsive();
});

test('a 1 MB line', async () => {
  const diags = await openAndWait('file:///srv/h/stunnel-long.conf', 'stunnel', TEXTS.stunnelLongLine());
  assert.ok(codes(diags).includes('stunnel/syntax-error@1:16384'), codes(diags).join(' '));
  await assertResponsive();
  // (A unit with a 1 MB command line is in hostile-core.test.mjs: every exec rule reads it, which takes seconds.)
});

test('50,000 sections: at most 1000 diagnostics and a note, not a message of 200 MB', async () => {
  const diags = await openAndWait('file:///srv/h/sections.service', 'systemd-unit', TEXTS.unitSections(), 60_000);
  assert.equal(diags.length, 1001);
  assert.equal(diags[1000].code, 'daemonlint/too-many-problems');
  // 50,000 lines in the wrong section, and no ExecStart=.
  assert.equal(diags[1000].message, 'This file has 50001 problems; only the 1000 most severe are shown. Run the daemonlint CLI on it to see them all.');
  assert.ok(diags.slice(0, 1000).every((d) => d.severity === 1), 'the errors are shown first');
  await assertResponsive(30_000, 'after 50,000 sections');
});

test('an include loop and a 300-deep include chain on disk', async () => {
  for (const name of ['stunnel.conf', 'chain.conf']) {
    const file = path.join(root, 'etc/stunnel', name);
    const diags = await openAndWait(core.pathToUri(file), 'stunnel', fs.readFileSync(file, 'utf8'));
    assert.ok(!diags.some((d) => d.code === 'daemonlint/internal-error'), JSON.stringify(diags));
    await assertResponsive();
  }
});

test('files that vanish, turn into a FIFO or a device, or never existed: watched-file events', async () => {
  const units = tree.units;
  const gone = path.join(units, 'vanishing.service');
  fs.writeFileSync(gone, '[Service]\nExecStart=/usr/bin/true\n');
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: core.pathToUri(gone), type: 1 }] });
  fs.rmSync(gone);
  const changes = [
    { uri: core.pathToUri(gone), type: 2 },
    { uri: core.pathToUri(path.join(units, 'never-there.service')), type: 1 },
    { uri: core.pathToUri(path.join(units, 'self.service')), type: 2 }, // a symlink to itself
    { uri: core.pathToUri(path.join(root, 'etc/stunnel/sparse.conf')), type: 2 },
    { uri: 'file:///dev/zero', type: 2 },
    { uri: 'file:///dev/zero.service', type: 2 },
    { uri: 'not a uri at all', type: 2 },
  ];
  if (tree.fifo) changes.push({ uri: core.pathToUri(tree.fifo), type: 1 }, { uri: core.pathToUri(tree.fifo), type: 2 });
  client.notify('workspace/didChangeWatchedFiles', { changes });
  await assertResponsive(HOVER_BOUND_MS, 'after watched-file events for vanished files, a FIFO and a device');
});
