// Semantic tokens, the value hint after `=`, and completion of unit names and paths.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

function doc(path, text, files = {}) {
  const ws = new core.Workspace();
  for (const [p, t] of Object.entries({ [path]: text, ...files })) ws.set(core.pathToUri(p), t);
  return { ws, doc: ws.get(core.pathToUri(path)) };
}

const tokens = (d) => core.semanticTokens(d).map((t) => `${t.line}:${t.character}+${t.length} ${t.type}${t.deprecated ? ' deprecated' : ''}`);

test('unit tokens: sections, known and unknown keys, value kinds, specifiers, continuation pieces', () => {
  const { doc: d } = doc('/u/app@.service', '[Service]\nType=forking\nLimitNOFILE=65536\nFooBar=1\nExecStart=/bin/x %i \\\n  --name=%n%%i\nPermissionsStartOnly=yes\nRestartSec=5s\n');
  assert.deepEqual(tokens(d), [
    '0:1+7 namespace',
    '1:0+4 property',
    '1:5+7 enumMember',
    '2:0+11 property',
    '2:12+5 number',
    '3:0+6 variable',
    '3:7+1 string',
    '4:0+9 property',
    '4:10+6 string',
    '4:17+2 macro',
    '5:2+7 string',
    '5:9+2 macro',
    '5:11+3 string',
    '6:0+20 property deprecated',
    '6:21+3 enumMember',
    '7:0+10 property',
    '7:11+2 number',
  ]);
});

test('stunnel tokens: deprecated options and aliases, unknown options, enum values', () => {
  const { doc: d } = doc('/etc/stunnel/stunnel.conf', 'sslVersion = all\nsession = 300\n[web]\nacept = 443\nclient = yes\n');
  assert.deepEqual(tokens(d), ['0:0+10 property deprecated', '0:13+3 enumMember', '1:0+7 property deprecated', '1:10+3 number', '2:1+3 namespace', '3:0+5 variable', '3:8+3 string', '4:0+6 property', '4:9+3 enumMember']);
});

test('limits tokens and the wire encoding', () => {
  const { doc: d } = doc('/etc/security/limits.conf', '* soft nofile 4096\n@a hard bogus unlimited\n');
  const t = core.semanticTokens(d);
  assert.deepEqual(tokens(d), ['0:0+1 variable', '0:2+4 keyword', '0:7+6 property', '0:14+4 number', '1:0+2 variable', '1:3+4 keyword', '1:8+5 variable', '1:14+9 enumMember']);
  assert.deepEqual(core.encodeSemanticTokens(t.slice(0, 5)), [0, 0, 1, 2, 0, 0, 2, 4, 7, 0, 0, 5, 6, 1, 0, 0, 7, 4, 4, 0, 1, 0, 2, 2, 0]);
  assert.deepEqual(core.TOKEN_TYPES, ['namespace', 'property', 'variable', 'string', 'number', 'enumMember', 'macro', 'keyword']);
});

test('value hint: allowed values with the typed one active', () => {
  const { doc: d } = doc('/u/app.service', '[Service]\nRestart=on-f\nLimitNOFILE=\nNoNewPrivileges=\nFoo=\n');
  const h = core.signatureHelp(d, { line: 1, character: 12 });
  assert.equal(h.label, 'Restart=no | on-success | on-failure | on-abnormal | on-watchdog | on-abort | always');
  assert.equal(h.activeParameter, 2);
  assert.deepEqual(h.parameters.slice(0, 3), [[8, 10], [13, 23], [26, 36]]);
  assert.equal(h.label.slice(...h.parameters[2]), 'on-failure');
  const limit = core.signatureHelp(d, { line: 2, character: 12 });
  assert.equal(limit.label, 'LimitNOFILE=<resource limit: N, SOFT:HARD or infinity>');
  assert.deepEqual([limit.parameters, limit.activeParameter], [[[12, 54]], 0]);
  assert.match(limit.documentation, /\n\nValue: resource limit: N, SOFT:HARD or infinity$/);
  assert.equal(core.signatureHelp(d, { line: 3, character: 16 }).label, 'NoNewPrivileges=yes | no');
  assert.equal(core.signatureHelp(d, { line: 4, character: 4 }), undefined);
  assert.equal(core.signatureHelp(d, { line: 1, character: 3 }), undefined, 'not before =');
});

test('value hint for stunnel', () => {
  const { doc: d } = doc('/etc/stunnel/stunnel.conf', '[a]\nsslVersionMin = TLSv1.\naccept = \n');
  const h = core.signatureHelp(d, { line: 1, character: 22 });
  assert.equal(h.label, 'sslVersionMin = all | SSLv3 | TLSv1 | TLSv1.1 | TLSv1.2 | TLSv1.3');
  assert.equal(h.activeParameter, 3);
  assert.match(h.documentation, /\n\nValue: one of the values above · default: /);
  assert.equal(core.signatureHelp(d, { line: 2, character: 9 }).label, 'accept = <[host:]port>');
});

test('completion: unit names from the workspace and systemd special units, word by word', () => {
  const { ws, doc: d } = doc('/w/app.service', '[Unit]\nAfter=network.target db\n[Service]\nSlice=\n', { '/w/db.service': '[Service]\nExecStart=/bin/db\n', '/w/db.service.d/x.conf': '[Service]\n' });
  const items = core.complete(d, { line: 1, character: 23 }, { ws });
  assert.deepEqual(items[0], { label: 'db.service', kind: 'unit', insertText: 'db.service', range: { start: { line: 1, character: 21 }, end: { line: 1, character: 23 } }, detail: 'unit in the workspace' });
  const labels = items.map((i) => i.label);
  assert.ok(!labels.includes('network.target'), 'already listed');
  assert.ok(!labels.includes('app.service'), 'not itself');
  assert.ok(labels.includes('multi-user.target'));
  assert.deepEqual(core.complete(d, { line: 3, character: 6 }, { ws }).map((i) => i.label), ['-.slice', 'system.slice', 'user.slice', 'machine.slice']);
});

test('completion: file paths through the caller-provided lister, mapped under an image root', () => {
  const seen = [];
  const listDir = (p) => {
    seen.push(p);
    return [{ name: 'ssl', isDir: true }, { name: 'hosts', isDir: false }, { name: '.hidden', isDir: false }];
  };
  const { doc: c } = doc('/etc/stunnel/stunnel.conf', '[a]\ncert = /etc/s\nciphers = /e\n');
  assert.deepEqual(core.complete(c, { line: 1, character: 13 }, { listDir }), [
    { label: 'ssl/', kind: 'folder', insertText: 'ssl/', range: { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } }, retrigger: true },
    { label: 'hosts', kind: 'file', insertText: 'hosts', range: { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } } },
  ]);
  assert.deepEqual(core.complete(c, { line: 2, character: 12 }, { listDir }), [], 'ciphers is not a path');
  const ws = new core.Workspace([], ['/img']);
  ws.set(core.pathToUri('/img/etc/systemd/system/a.service'), '[Service]\nExecStart=-/usr/bin/x /etc/\nEnvironmentFile=-/etc/default/a\n');
  const u = ws.get(core.pathToUri('/img/etc/systemd/system/a.service'));
  assert.equal(core.complete(u, { line: 1, character: 27 }, { ws, listDir }).length, 2);
  assert.equal(core.complete(u, { line: 2, character: 31 }, { ws, listDir })[0].range.start.character, 30);
  assert.deepEqual(seen, ['/etc', '/img/etc', '/img/etc/default']);
  assert.deepEqual(core.complete(u, { line: 1, character: 27 }, {}), [], 'no lister, no paths');
});
