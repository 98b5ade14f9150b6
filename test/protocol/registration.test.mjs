// Dynamic registration only with clients that announce it (eglot 1.9 warns otherwise).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './client.mjs';

const registered = (c) => c.serverRequests.filter((r) => r.method === 'client/registerCapability').flatMap((r) => r.params.registrations.map((x) => x.method));

async function session(capabilities) {
  const c = new LspClient();
  await c.initialize(capabilities);
  // A round trip after `initialized` guarantees its handler has run.
  await c.request('textDocument/hover', { textDocument: { uri: 'file:///none.service' }, position: { line: 0, character: 0 } });
  const methods = registered(c);
  await c.shutdown();
  return methods;
}

test('no didChangeConfiguration registration without dynamicRegistration', async () => {
  assert.ok(!(await session({ workspace: { configuration: true } })).includes('workspace/didChangeConfiguration'));
});

test('registers didChangeConfiguration when the client supports it', async () => {
  assert.ok((await session({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } })).includes('workspace/didChangeConfiguration'));
});

test('a didOpen without text does not kill the server', async () => {
  const c = new LspClient();
  try {
    await c.initialize();
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///x/a.service', languageId: 'systemd-unit', version: 1, text: null } });
    c.open('file:///x/b.service', 'systemd-unit', '[Unit]\nAfter=syslog.target\n[Service]\nExecStart=/bin/true\n');
    const d = await c.diagnosticsFor('file:///x/b.service');
    assert.deepEqual(d.map((x) => x.code), ['systemd/obsolete-dependency']);
    await c.shutdown();
  } finally {
    c.proc.kill();
  }
});
