// Emacs (Debian's 28.2) with eglot (elpa-eglot 1.9) as a batch LSP client, set up as
// docs/editors.md tells: the seed's files in stunnel-mode / systemd-unit-mode, all managed by one
// eglot server, their diagnostics and a hover.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FILES, checkHover, checkSeedDiagnostics, runClient, systemdSummary } from './lib/headless.mjs';

const SCRIPT = fileURLToPath(new URL('./clients/eglot-lsp.el', import.meta.url));

test('Emacs eglot receives the seed diagnostics and the LimitNOFILE hover', async () => {
  const { result } = await runClient({ name: 'emacs', bin: 'emacs', args: ['-Q', '--batch', '-l', SCRIPT] });
  assert.match(result.emacs, /^\d+\.\d+/);
  assert.match(result.eglot, /^eglot-\d/);
  assert.deepEqual(result.modes, ['stunnel-mode', 'systemd-unit-mode', 'systemd-unit-mode']);
  assert.deepEqual(result.managed, [true, true, true], 'one eglot server manages every visited file');
  assert.equal(result['language-id'], 'daemonlint');
  assert.deepEqual(Object.keys(result.files).sort(), [...FILES].sort());
  checkSeedDiagnostics(result.files);
  checkHover(result.hover, systemdSummary('LimitNOFILE'));
});
