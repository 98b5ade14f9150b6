// The server answers `initialize` before it loads the core (dist/core.js, rules and knowledge):
// the editor's handshake does not wait for it. The first lint loads it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './client.mjs';

test('initialize is answered before dist/core.js is loaded; the first didOpen gets its diagnostics', async () => {
  const c = new LspClient({ env: { ...process.env, NODE_DEBUG: 'module' } });
  try {
    const coreLoads = () => c.stderr.split('\n').filter((l) => /load "[^"]*\/dist\/core\.js"/.test(l)).length;
    const init = await c.request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    assert.equal(init.serverInfo.name, 'daemonlint-language-server');
    assert.deepEqual(init.capabilities.semanticTokensProvider.legend.tokenModifiers, ['deprecated']);
    assert.equal(coreLoads(), 0, 'dist/core.js was loaded before the answer');
    c.notify('initialized', {});
    const uri = 'file:///etc/stunnel/stunnel.conf';
    c.open(uri, 'stunnel', 'sslVersion = all\n', 1);
    const diags = await c.diagnosticsFor(uri, 1);
    assert.deepEqual(diags.map((d) => d.code), ['stunnel/deprecated-option', 'stunnel/missing-certificate', 'stunnel/service-endpoints']);
    assert.equal(coreLoads(), 1);
  } finally {
    await c.shutdown();
  }
});
