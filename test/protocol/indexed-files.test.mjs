// Files the server reads from disk (not open in the editor) are seen as an editor shows them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LspClient } from './client.mjs';

test('a unit on disk with a byte order mark: related locations count columns without it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'daemonlint-bom-'));
  let cleanup = () => {};
  try {
    mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
    mkdirSync(join(root, 'etc/stunnel'), { recursive: true });
    writeFileSync(join(root, 'etc/systemd/system/tls.service'), '\uFEFF[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/tls.conf\nType=simple\n');
    const conf = 'foreground = yes\n[a]\naccept = 127.0.0.1:4433\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n';
    writeFileSync(join(root, 'etc/stunnel/tls.conf'), conf);
    const c = new LspClient({ workspaceFolders: [{ uri: `file://${root}`, name: 'w' }] });
    cleanup = () => c.proc.kill();
    await c.initialize();
    const uri = `file://${root}/etc/stunnel/tls.conf`;
    c.open(uri, 'stunnel', conf);
    const d = await c.waitFor(() => c.diagnostics.get(uri)?.diagnostics.find((x) => x.code === 'systemd/missing-limit-nofile'), 'missing-limit-nofile on the config');
    const rel = d.relatedInformation.find((r) => r.location.uri.endsWith('/tls.service'));
    assert.ok(rel, JSON.stringify(d.relatedInformation));
    assert.deepEqual(rel.location.range.start, { line: 0, character: 0 });
    await c.shutdown();
  } finally {
    cleanup();
    rmSync(root, { recursive: true, force: true });
  }
});
