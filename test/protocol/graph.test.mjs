// The graph over real stdio: the server indexes examples/seed-rootfs as a workspace folder (a
// root filesystem), publishes the story's cross-file diagnostics, and answers inlay hints, code
// lenses, definition and the effective-unit request; an edit to the unit re-lints the config.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './client.mjs';

const ROOT = fileURLToPath(new URL('../../examples/seed-rootfs', import.meta.url));
const uriOf = (p) => pathToFileURL(`${ROOT}/${p}`).href;
const URI = {
  conf: uriOf('etc/stunnel/stunnel.conf'),
  unit: uriOf('etc/systemd/system/stunnel.service'),
  limits: uriOf('etc/security/limits.conf'),
};
const read = (p) => readFileSync(`${ROOT}/${p}`, 'utf8');
const STORY = ['systemd/missing-limit-nofile', 'limits/ignored-by-services', 'stunnel/relative-path-under-systemd', 'systemd/forking-without-pidfile'];
const story = (diags) => diags.filter((d) => STORY.includes(d.code)).map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);

let client;
before(async () => {
  client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'seed-rootfs' }] });
  const init = await client.initialize();
  assert.equal(init.capabilities.inlayHintProvider, true);
  assert.equal(init.capabilities.definitionProvider, true);
  assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
  client.open(URI.conf, 'stunnel', read('etc/stunnel/stunnel.conf'));
  client.open(URI.unit, 'systemd-unit', read('etc/systemd/system/stunnel.service'));
  client.open(URI.limits, 'limits-conf', read('etc/security/limits.conf'));
});
after(() => client.shutdown());

test('the server reports the story across the files of the folder', async () => {
  assert.deepEqual(story(await client.diagnosticsFor(URI.conf)), ['systemd/missing-limit-nofile@15:2', 'stunnel/relative-path-under-systemd@19:8', 'stunnel/relative-path-under-systemd@20:7']);
  assert.deepEqual(story(await client.diagnosticsFor(URI.unit)), ['systemd/missing-limit-nofile@5:1', 'systemd/forking-without-pidfile@7:6']);
  const limits = await client.diagnosticsFor(URI.limits);
  assert.deepEqual(story(limits), ['limits/ignored-by-services@4:1']);
  const ignored = limits.find((d) => d.code === 'limits/ignored-by-services');
  assert.equal(ignored.severity, 3);
  assert.deepEqual(ignored.relatedInformation.map((r) => r.location.uri), [URI.unit]);
  const conf = client.diagnostics.get(URI.conf).diagnostics.find((d) => d.code === 'systemd/missing-limit-nofile');
  assert.match(conf.message, /caps stunnel at about 500 concurrent clients/);
  assert.deepEqual(conf.relatedInformation.map((r) => r.location.uri), [URI.unit]);
});

test('code lens on the config; definition from ExecStart= to it; the effective unit', async () => {
  const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: URI.conf } });
  assert.deepEqual(lenses, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: 'started by stunnel.service · LimitNOFILE 1024 → ≈ 500 clients', command: 'daemonlint.showEffectiveUnit', arguments: [URI.unit] } }]);
  const def = await client.request('textDocument/definition', { textDocument: { uri: URI.unit }, position: { line: 5, character: 50 } });
  assert.deepEqual(def.map((l) => [l.targetUri, l.originSelectionRange]), [[URI.conf, { start: { line: 5, character: 41 }, end: { line: 5, character: 66 } }]]);
  const eff = await client.request('daemonlint/effectiveUnit', { uri: URI.conf });
  assert.equal(eff.name, 'stunnel.service');
  assert.equal(eff.uri, URI.unit);
  assert.match(eff.text, /\n\[Service\]\n# \/etc\/systemd\/system\/stunnel\.service:6\nExecStart=\/usr\/local\/stunnel\/bin\/stunnel \/etc\/stunnel\/stunnel\.conf\n/);
  assert.match(eff.text, /\n# systemd's default \(no LimitNOFILE= in the unit or system\.conf\)\nLimitNOFILE=1024:524288\n# stunnel admits ≈ 500 clients with soft limit 1024\n/);
  assert.equal(await client.request('daemonlint/effectiveUnit', { uri: URI.limits }), null);
});

test('fixing the unit re-lints the config and limits.conf; the inlay hint shows the new cap', async () => {
  const text = read('etc/systemd/system/stunnel.service');
  const target = client.diagnostics.get(URI.unit).diagnostics.find((d) => d.code === 'systemd/missing-limit-nofile');
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri: URI.unit }, range: target.range, context: { diagnostics: [target] } });
  const action = actions.find((a) => a.title === 'Add LimitNOFILE=32000 to [Service]');
  assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
  const fixed = TextDocument.applyEdits(TextDocument.create(URI.unit, 'systemd-unit', 1, text), action.edit.documentChanges[0].edits);
  client.change(URI.unit, 2, [{ text: fixed }]);
  assert.deepEqual(story(await client.diagnosticsFor(URI.unit, 2)), ['systemd/forking-without-pidfile@7:6']);
  // The neighbours follow without being edited.
  await client.waitFor(() => !client.diagnostics.get(URI.conf).diagnostics.some((d) => d.code === 'systemd/missing-limit-nofile'), 'the config re-linted');
  await client.waitFor(() => story(client.diagnostics.get(URI.limits).diagnostics).length === 0, 'limits.conf re-linted');
  const hints = await client.request('textDocument/inlayHint', { textDocument: { uri: URI.unit }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
  assert.deepEqual(hints.map((h) => [h.position, h.label, h.paddingLeft]), [[{ line: 7, character: 17 }, '≈ 15,625 clients', true]]);
  const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: URI.conf } });
  assert.equal(lenses[0].command.title, 'started by stunnel.service · LimitNOFILE 32000 → ≈ 15,625 clients');
});
