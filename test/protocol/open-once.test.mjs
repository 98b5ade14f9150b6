// Opening a document lints it once: the document manager also reports the opened text as a change,
// which used to lint it a second time (after the typing delay) and publish the same diagnostics again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './client.mjs';

test('didOpen publishes diagnostics once; the first edit after it is linted as usual', async () => {
  const c = new LspClient({ initializationOptions: { debounceMs: 50 } });
  try {
    await c.initialize();
    const uri = 'file:///tmp/open-once.service';
    const published = () => c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    c.open(uri, 'systemd-unit', '[Service]\nExecStart=/bin/true\nType=forking\n', 1);
    await c.diagnosticsFor(uri, 1);
    // Longer than the typing delay: a second lint of the opened text would have been published by now.
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(published().map((n) => [n.params.version, n.params.diagnostics.map((d) => d.code)]), [[1, ['systemd/forking-without-pidfile']]]);
    c.change(uri, 2, [{ text: '[Service]\nExecStart=/bin/true\n' }]);
    await c.diagnosticsFor(uri, 2);
    assert.deepEqual(published().map((n) => [n.params.version, n.params.diagnostics.length]), [[1, 1], [2, 0]]);
  } finally {
    await c.shutdown();
  }
});
