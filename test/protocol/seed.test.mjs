// The server over real stdio: the seed's files are opened, their diagnostics published, hovers
// link to the manual, and a quick fix makes its diagnostic go away.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './client.mjs';

const read = (p) => readFileSync(new URL(`../../examples/seed/${p}`, import.meta.url), 'utf8');
const URI = {
  conf: 'file:///srv/seed/stunnel.conf',
  unit: 'file:///srv/seed/stunnel.service',
  before: 'file:///srv/seed/stunnel-before-fix.service',
};
const brief = (d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`;

let client;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  assert.equal(init.capabilities.hoverProvider, true);
  client.open(URI.conf, 'stunnel', read('stunnel.conf'));
  client.open(URI.unit, 'systemd-unit', read('stunnel.service'));
  client.open(URI.before, 'systemd-unit', read('stunnel-before-fix.service'));
});
after(() => client.shutdown());

test('diagnostics are published for the seed files', async () => {
  // The config's cross-file findings need the units, which open after it: wait for the final state.
  const conf = await client.waitFor(() => {
    const d = client.diagnostics.get(URI.conf)?.diagnostics;
    return d && d.some((x) => x.code === 'systemd/missing-limit-nofile') ? d : undefined;
  }, 'the config started by the unit');
  assert.deepEqual(conf.map(brief), [
    'stunnel/setuid-low-port@1:1',
    'stunnel/deprecated-option@11:1',
    'systemd/missing-limit-nofile@15:2',
    'stunnel/relative-path-under-systemd@19:8',
    'stunnel/relative-path-under-systemd@20:7',
  ]);
  assert.match(conf.find((d) => d.code === 'systemd/missing-limit-nofile').message, /^Started by stunnel-before-fix\.service, which sets no LimitNOFILE=/);
  // The pid file fix needs the config, which may open after the unit: wait for the final state.
  const before = await client.waitFor(() => {
    const d = client.diagnostics.get(URI.before)?.diagnostics;
    return d && d.some((x) => x.code === 'systemd/forking-without-pidfile' && /\/run\/stunnel\/stunnel.pid/.test(x.message)) ? d : undefined;
  }, 'cross-file diagnostics');
  assert.deepEqual(before.map(brief), ['systemd/obsolete-dependency@3:7', 'systemd/missing-limit-nofile@5:1', 'systemd/forking-without-pidfile@7:6']);
  const missing = before.find((d) => d.code === 'systemd/missing-limit-nofile');
  assert.equal(missing.severity, 2);
  assert.match(missing.message, /about 500 concurrent clients/);
  assert.equal(missing.source, 'daemonlint');
  assert.match(missing.codeDescription.href, /^file:\/\/.*\/docs\/rules\/systemd\/missing-limit-nofile\.md$/);
  const unit = await client.diagnosticsFor(URI.unit);
  assert.ok(!unit.some((d) => d.code === 'systemd/missing-limit-nofile'), 'stunnel.service sets LimitNOFILE=32000');
});

test('hover on LimitNOFILE links to the shared LimitCPU= anchor', async () => {
  const h = await client.request('textDocument/hover', { textDocument: { uri: URI.unit }, position: { line: 5, character: 3 } });
  assert.equal(h.contents.kind, 'markdown');
  assert.match(h.contents.value, /\*\*LimitNOFILE=\*\*/);
  assert.match(h.contents.value, /\(https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.exec\.html#LimitCPU=\)/);
  assert.deepEqual(h.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 11 } });
});

test('hover on sslVersion links to the stunnel manual anchor', async () => {
  const h = await client.request('textDocument/hover', { textDocument: { uri: URI.conf }, position: { line: 10, character: 2 } });
  assert.match(h.contents.value, /\(https:\/\/www\.stunnel\.org\/static\/stunnel\.html#sslVersion-SSL_VERSION\)/);
});

test('completion offers LimitNOFILE in [Service]', async () => {
  const items = await client.request('textDocument/completion', { textDocument: { uri: URI.unit }, position: { line: 5, character: 0 } });
  const item = items.find((i) => i.label === 'LimitNOFILE');
  assert.ok(item);
  assert.equal(item.textEdit.newText, 'LimitNOFILE=');
});

test('applying the quick fix makes its diagnostic go away', async () => {
  const text = read('stunnel-before-fix.service');
  const diags = client.diagnostics.get(URI.before).diagnostics;
  const target = diags.find((d) => d.code === 'systemd/missing-limit-nofile');
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri: URI.before }, range: target.range, context: { diagnostics: [target] } });
  const action = actions.find((a) => a.kind === 'quickfix' && a.title === 'Add LimitNOFILE=65536 to [Service]');
  assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
  const edit = action.edit.documentChanges[0];
  assert.equal(edit.textDocument.uri, URI.before);
  const doc = TextDocument.create(URI.before, 'systemd-unit', 1, text);
  const fixed = TextDocument.applyEdits(doc, edit.edits);
  assert.match(fixed, /\nType=forking\nLimitNOFILE=65536\n/);
  client.change(URI.before, 2, [{ text: fixed }]);
  const after = await client.diagnosticsFor(URI.before, 2);
  assert.deepEqual(after.map(brief), ['systemd/obsolete-dependency@3:7', 'systemd/forking-without-pidfile@7:6']);
});
