// Inlay hints and code lenses show facts from linked files; when an edit to one file changes
// them, the server asks the client to fetch them again (if the client takes such requests).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './client.mjs';

const UNIT = 'file:///etc/systemd/system/stunnel.service';
const DROPIN = 'file:///etc/systemd/system/stunnel.service.d/limits.conf';
const UNIT_TEXT = '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\n';
const REFRESH = ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh'];

const caps = (refreshSupport) => ({ workspace: { configuration: true, inlayHint: { refreshSupport }, codeLens: { refreshSupport } } });
const refreshes = (c) => c.serverRequests.filter((r) => REFRESH.includes(r.method)).map((r) => r.method);
const tooltip = async (c) => (await c.request('textDocument/inlayHint', { textDocument: { uri: UNIT }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } })).map((h) => [h.label, h.tooltip.split('\n').at(-1)]);

test('an edit to a drop-in asks for fresh inlay hints and code lenses, and the hints then follow it', async () => {
  const c = new LspClient();
  try {
    await c.initialize(caps(true));
    c.open(UNIT, 'systemd-unit', UNIT_TEXT);
    await c.diagnosticsFor(UNIT, 1);
    c.open(DROPIN, 'systemd-unit', '[Service]\nLimitNOFILE=65536\n');
    await c.diagnosticsFor(DROPIN, 1);
    assert.deepEqual(await tooltip(c), [['≈ 2,000 clients', 'Overridden by limits.conf line 2.']]);
    c.serverRequests.length = 0;
    c.change(DROPIN, 2, [{ text: '[Service]\n' }]);
    await c.diagnosticsFor(DROPIN, 2);
    await c.waitFor(() => refreshes(c).length === 2, 'refresh requests');
    assert.deepEqual(refreshes(c).sort(), [...REFRESH].sort());
    assert.deepEqual(await tooltip(c), [['≈ 2,000 clients', 'Soft limit here: 4096.']]);
  } finally {
    await c.shutdown();
  }
});

test('a client that does not take refresh requests gets none', async () => {
  const c = new LspClient();
  try {
    await c.initialize(caps(false));
    c.open(UNIT, 'systemd-unit', UNIT_TEXT);
    c.open(DROPIN, 'systemd-unit', '[Service]\nLimitNOFILE=65536\n');
    await c.diagnosticsFor(DROPIN, 1);
    c.change(DROPIN, 2, [{ text: '[Service]\n' }]);
    await c.diagnosticsFor(DROPIN, 2);
    await c.diagnosticsFor(UNIT);
    assert.deepEqual(refreshes(c), []);
  } finally {
    await c.shutdown();
  }
});
