// Every editor feature over real stdio on the seed's files: what the server advertises, and the
// exact answers to hover, completion, code actions (quick fix, suppression, fix-all), formatting,
// outline, folding, links, definition, semantic tokens and the value hint.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './client.mjs';

const read = (p) => readFileSync(new URL(`../../examples/seed/${p}`, import.meta.url), 'utf8');
const URI = {
  conf: 'file:///srv/seed/stunnel.conf',
  unit: 'file:///srv/seed/stunnel.service',
  before: 'file:///srv/seed/stunnel-before-fix.service',
  limits: 'file:///srv/seed/limits.conf',
};
const LANG = { conf: 'stunnel', unit: 'systemd-unit', before: 'systemd-unit', limits: 'limits-conf' };
const TEXT = { conf: read('stunnel.conf'), unit: read('stunnel.service'), before: read('stunnel-before-fix.service'), limits: read('limits.conf') };
const r = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const td = (uri) => ({ textDocument: { uri } });

let client;
let init;
before(async () => {
  client = new LspClient();
  init = await client.initialize();
  for (const k of Object.keys(URI)) client.open(URI[k], LANG[k], TEXT[k]);
  await client.diagnosticsFor(URI.before);
});
after(() => client.shutdown());

function apply(uri, text, edits) {
  return TextDocument.applyEdits(TextDocument.create(uri, 'x', 0, text), edits);
}

test('the server advertises every editor feature', () => {
  const c = init.capabilities;
  assert.equal(c.hoverProvider, true);
  assert.deepEqual(c.completionProvider, { triggerCharacters: ['=', '[', ' ', '/'], resolveProvider: false });
  assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.daemonlint'] });
  assert.equal(c.documentFormattingProvider, true);
  assert.equal(c.documentRangeFormattingProvider, true);
  assert.deepEqual(c.documentSymbolProvider, { label: 'Daemonlint' });
  assert.equal(c.foldingRangeProvider, true);
  assert.deepEqual(c.documentLinkProvider, { resolveProvider: false });
  assert.equal(c.definitionProvider, true);
  assert.deepEqual(c.semanticTokensProvider, {
    legend: { tokenTypes: ['namespace', 'property', 'variable', 'string', 'number', 'enumMember', 'macro', 'keyword'], tokenModifiers: ['deprecated'] },
    full: true,
  });
  assert.deepEqual(c.signatureHelpProvider, { triggerCharacters: ['='], retriggerCharacters: [' ', ','] });
});

test('hover: Type= in the unit', async () => {
  const h = await client.request('textDocument/hover', { ...td(URI.unit), position: { line: 7, character: 1 } });
  assert.deepEqual(h.range, r(7, 0, 7, 4));
  const lines = h.contents.value.split('\n');
  assert.equal(lines[0], '**Type=** — [Service]');
  assert.ok(lines.includes('- Value: `simple` | `forking` | `oneshot` | `dbus` | `notify` | `notify-reload` | `idle` | `exec`'), h.contents.value);
  assert.equal(lines.at(-1), '[systemd.service(5): Type=](https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html#Type=)');
});

test('completion: unit names after After=, from the workspace first', async () => {
  const items = await client.request('textDocument/completion', { ...td(URI.unit), position: { line: 2, character: 6 } });
  assert.deepEqual(items[0], { label: 'stunnel-before-fix.service', kind: 18, textEdit: { range: r(2, 6, 2, 6), newText: 'stunnel-before-fix.service' }, insertTextFormat: 1, detail: 'unit in the workspace' });
  assert.deepEqual(
    items.map((i) => i.label),
    ['stunnel-before-fix.service', 'basic.target', 'default.target', 'emergency.target', 'getty.target', 'graphical.target', 'local-fs.target', 'multi-user.target', 'network.target', 'network-online.target', 'network-pre.target', 'nss-lookup.target', 'paths.target', 'remote-fs.target', 'rescue.target', 'shutdown.target', 'sockets.target', 'sysinit.target', 'time-sync.target', 'timers.target'],
  );
});

test('completion: file paths from disk, folders first and asking for more', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'daemonlint-paths-'));
  mkdirSync(path.join(dir, 'certs'));
  writeFileSync(path.join(dir, 'server.pem'), '');
  writeFileSync(path.join(dir, '.hidden'), '');
  try {
    const uri = 'file:///srv/paths/paths.conf';
    const line = `cert = ${dir}/`;
    client.open(uri, 'stunnel', `[a]\n${line}\n`);
    const items = await client.request('textDocument/completion', { ...td(uri), position: { line: 1, character: line.length } });
    const at = r(1, line.length, 1, line.length);
    assert.deepEqual(items, [
      { label: 'certs/', kind: 19, textEdit: { range: at, newText: 'certs/' }, insertTextFormat: 1, command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } },
      { label: 'server.pem', kind: 17, textEdit: { range: at, newText: 'server.pem' }, insertTextFormat: 1 },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('code actions: the fixes of a finding, then its suppressions; the preferred fix removes it', async () => {
  const d = client.diagnostics.get(URI.conf).diagnostics.find((x) => x.code === 'stunnel/deprecated-option');
  assert.deepEqual(d.range, r(10, 0, 10, 16));
  const actions = await client.request('textDocument/codeAction', { ...td(URI.conf), range: d.range, context: { diagnostics: [d] } });
  const quick = actions.filter((a) => a.kind === 'quickfix');
  assert.deepEqual(
    quick.map((a) => [a.title, a.isPreferred, a.edit.documentChanges[0].edits]),
    [
      ["Remove 'sslVersion = all' (it is the default)", true, [{ range: r(10, 0, 11, 0), newText: '' }]],
      ['Replace with sslVersionMin = TLSv1.2', false, [{ range: r(10, 0, 10, 16), newText: 'sslVersionMin = TLSv1.2' }]],
      ['Suppress stunnel/deprecated-option on this line', false, [{ range: r(10, 0, 10, 0), newText: '# daemonlint-disable-next-line stunnel/deprecated-option\n' }]],
      ['Suppress stunnel/deprecated-option in this file', false, [{ range: r(0, 0, 0, 0), newText: '# daemonlint-disable-file stunnel/deprecated-option\n' }]],
    ],
  );
  assert.deepEqual(quick[0].diagnostics, [d]);
  assert.equal(quick[0].edit.documentChanges[0].textDocument.version, 1);
  assert.deepEqual(actions.at(-1).kind, 'source.fixAll.daemonlint');
});

test('fix all (source.fixAll.daemonlint): one pass over the seed config leaves no preferred fix behind', async () => {
  const actions = await client.request('textDocument/codeAction', { ...td(URI.conf), range: r(0, 0, 0, 0), context: { diagnostics: [], only: ['source.fixAll.daemonlint'] } });
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all Daemonlint problems', 'source.fixAll.daemonlint']]);
  const edits = actions[0].edit.documentChanges[0].edits;
  assert.ok(edits.some((e) => JSON.stringify(e) === JSON.stringify({ range: r(10, 0, 11, 0), newText: '' })), 'sslVersion = all is removed');
  const fixed = apply(URI.conf, TEXT.conf, edits);
  const uri = 'file:///srv/fixed/fixed.conf';
  client.open(uri, 'stunnel', fixed);
  await client.diagnosticsFor(uri);
  const again = await client.request('textDocument/codeAction', { ...td(uri), range: r(0, 0, 30, 0), context: { diagnostics: client.diagnostics.get(uri).diagnostics } });
  assert.deepEqual(again.filter((a) => a.isPreferred || a.kind === 'source.fixAll.daemonlint').map((a) => a.title), []);
});

test('fix all: exact result on a unit, including two fixes that need two passes', async () => {
  const uri = 'file:///srv/fixall/app.service';
  const text = '[Unit]\n# daemonlint-disable-next-line systemd/unknown-directive, systemd/invalid-value\nAfter=network.target syslog.target\n\n[Service]\nExecStart=/bin/true\nWantedBy=multi-user.target\n';
  client.open(uri, 'systemd-unit', text);
  await client.diagnosticsFor(uri);
  const [action] = await client.request('textDocument/codeAction', { ...td(uri), range: r(0, 0, 0, 0), context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.equal(action.title, 'Fix all Daemonlint problems');
  assert.equal(apply(uri, text, action.edit.documentChanges[0].edits), '[Unit]\nAfter=network.target\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n');
});

test('formatting: the seed files are already formatted; a messy unit is not', async () => {
  for (const k of Object.keys(URI)) assert.deepEqual(await client.request('textDocument/formatting', { ...td(URI[k]), options: { tabSize: 2, insertSpaces: true } }), [], k);
  const uri = 'file:///srv/format/app.service';
  const text = '[Unit]\nDescription = tunnel  \n[Service]\nExecStart= /usr/bin/stunnel\n\n\n';
  client.open(uri, 'systemd-unit', text);
  await client.diagnosticsFor(uri);
  const edits = await client.request('textDocument/formatting', { ...td(uri), options: { tabSize: 2, insertSpaces: true } });
  assert.deepEqual(edits, [
    { range: r(1, 11, 1, 22), newText: '=tunnel' },
    { range: r(2, 0, 2, 0), newText: '\n' },
    { range: r(3, 10, 3, 11), newText: '' },
    { range: r(3, 27, 6, 0), newText: '\n' },
  ]);
  const ranged = await client.request('textDocument/rangeFormatting', { ...td(uri), range: r(1, 0, 1, 5), options: { tabSize: 2, insertSpaces: true } });
  assert.deepEqual(ranged, [{ range: r(1, 11, 1, 22), newText: '=tunnel' }]);
});

test('document symbols: the seed config as global options and its service', async () => {
  const syms = await client.request('textDocument/documentSymbol', td(URI.conf));
  const brief = (s) => [s.name, s.kind, s.detail, s.range, s.selectionRange, (s.children ?? []).map(brief)];
  const key = (line, name, detail, end) => [name, 7, detail, r(line, 0, line, end), r(line, 0, line, name.length), []];
  assert.deepEqual(syms.map(brief), [
    ['global options', 3, undefined, r(0, 0, 12, 9), r(0, 0, 0, 6), [
      key(0, 'setuid', 'www-data', 17), key(1, 'setgid', 'www-data', 17), key(2, 'pid', '/var/run/stunnel/stunnel.pid', 34), key(6, 'debug', '3', 9),
      key(7, 'output', '/var/log/stunnel/stunnel.log', 37), key(10, 'sslVersion', 'all', 16), key(12, 'fips', 'no', 9),
    ]],
    ['[swiftproxy]', 5, '0.0.0.0:443 → 127.0.0.1:80', r(14, 0, 19, 28), r(14, 1, 14, 11), [
      key(15, 'accept', '0.0.0.0:443', 20), key(16, 'connect', '127.0.0.1:80', 22), key(17, 'TIMEOUTidle', '600', 17), key(18, 'cert', 'swift-proxy.crt', 22), key(19, 'key', 'swift-proxy.nopass.key', 28),
    ]],
  ]);
  const unit = await client.request('textDocument/documentSymbol', td(URI.unit));
  assert.deepEqual(unit.map((s) => [s.name, s.kind, s.children.map((c) => c.name)]), [['[Unit]', 2, ['Description', 'After']], ['[Service]', 2, ['LimitNOFILE', 'ExecStart', 'Type']], ['[Install]', 2, ['WantedBy']]]);
});

test('folding: sections of the unit; comment blocks of limits.conf', async () => {
  assert.deepEqual(await client.request('textDocument/foldingRange', td(URI.unit)), [{ startLine: 0, endLine: 2 }, { startLine: 4, endLine: 7 }, { startLine: 9, endLine: 10 }]);
  assert.deepEqual(await client.request('textDocument/foldingRange', td(URI.limits)), [{ startLine: 0, endLine: 2, kind: 'comment' }]);
  assert.deepEqual(await client.request('textDocument/foldingRange', td(URI.conf)), [{ startLine: 14, endLine: 19 }]);
});

test('document links: the config ExecStart= starts, and the config’s absolute paths', async () => {
  assert.deepEqual(await client.request('textDocument/documentLink', td(URI.unit)), [{ range: r(6, 41, 6, 84), target: URI.conf, tooltip: 'Open the stunnel config /usr/local/stunnel/etc/stunnel/stunnel.conf' }]);
  assert.deepEqual(await client.request('textDocument/documentLink', td(URI.conf)), [
    { range: r(2, 6, 2, 34), target: 'file:///var/run/stunnel/stunnel.pid', tooltip: 'Open the file /var/run/stunnel/stunnel.pid (pid)' },
    { range: r(7, 9, 7, 37), target: 'file:///var/log/stunnel/stunnel.log', tooltip: 'Open the file /var/log/stunnel/stunnel.log (output)' },
  ]);
});

test('definition: from the config argument of ExecStart= to the config', async () => {
  const links = await client.request('textDocument/definition', { ...td(URI.unit), position: { line: 6, character: 50 } });
  assert.deepEqual(links, [{ targetUri: URI.conf, targetRange: r(0, 0, 0, 17), targetSelectionRange: r(0, 0, 0, 17), originSelectionRange: r(6, 41, 6, 84) }]);
});

test('semantic tokens of the seed unit', async () => {
  const { data } = await client.request('textDocument/semanticTokens/full', td(URI.unit));
  // [Unit] Description= string, After= string, [Service] LimitNOFILE= number, ExecStart= string, Type= enumMember, [Install] WantedBy= string
  assert.deepEqual(data, [
    0, 1, 4, 0, 0, 1, 0, 11, 1, 0, 0, 12, 30, 3, 0, 1, 0, 5, 1, 0, 0, 6, 13, 3, 0,
    2, 1, 7, 0, 0, 1, 0, 11, 1, 0, 0, 12, 5, 4, 0, 1, 0, 9, 1, 0, 0, 10, 74, 3, 0, 1, 0, 4, 1, 0, 0, 5, 7, 5, 0,
    2, 1, 7, 0, 0, 1, 0, 8, 1, 0, 0, 9, 17, 3, 0,
  ]);
  const conf = await client.request('textDocument/semanticTokens/full', td(URI.conf));
  // sslVersion (line 10) is a deprecated property: modifier bit 1.
  assert.deepEqual(conf.data.slice(50, 60), [3, 0, 10, 1, 1, 0, 13, 3, 5, 0]);
});

test('value hint after Type= and after sslVersion =', async () => {
  const h = await client.request('textDocument/signatureHelp', { ...td(URI.unit), position: { line: 7, character: 6 } });
  assert.equal(h.signatures.length, 1);
  const s = h.signatures[0];
  assert.equal(s.label, 'Type=simple | forking | oneshot | dbus | notify | notify-reload | idle | exec');
  assert.deepEqual(s.parameters.map((p) => p.label), [[5, 11], [14, 21], [24, 31], [34, 38], [41, 47], [50, 63], [66, 70], [73, 77]]);
  assert.deepEqual([s.activeParameter, h.activeParameter, h.activeSignature], [1, 1, 0]);
  assert.equal(s.documentation.kind, 'markdown');
  assert.match(s.documentation.value, /\n\nValue: one of the values above$/);
  const c = await client.request('textDocument/signatureHelp', { ...td(URI.conf), position: { line: 10, character: 16 } });
  assert.equal(c.signatures[0].label, 'sslVersion = all | SSLv2 | SSLv3 | TLSv1 | TLSv1.1 | TLSv1.2 | TLSv1.3');
  assert.equal(c.activeParameter, 0);
  assert.equal(await client.request('textDocument/signatureHelp', { ...td(URI.unit), position: { line: 7, character: 2 } }), null);
});
