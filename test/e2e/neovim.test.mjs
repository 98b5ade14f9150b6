// Neovim (Debian's 0.7.2) as a headless LSP client: the seed's files opened in buffers, the
// diagnostics as published and as vim.diagnostic holds them, and the hover float on LimitNOFILE.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FILES, MAN_LINK, checkHover, checkSeedDiagnostics, runClient, systemdSummary } from './lib/headless.mjs';

const SCRIPT = fileURLToPath(new URL('./clients/nvim-lsp.lua', import.meta.url));

test('Neovim receives the seed diagnostics and the LimitNOFILE hover', async () => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? '';
  const { result } = await runClient({ name: 'neovim', bin: 'nvim', args: ['--headless', '-n', '-i', 'NONE', '-u', SCRIPT] });
  assert.equal(`NVIM v${result.nvim}`, version);
  assert.deepEqual(Object.keys(result.files).sort(), [...FILES].sort());
  checkSeedDiagnostics(Object.fromEntries(Object.entries(result.files).map(([f, v]) => [f, v.published.diagnostics])));
  // What Neovim made of them: vim.diagnostic entries, 0-based, with the rule id as code.
  const before = result.files['stunnel-before-fix.service'].diagnostics;
  const nofile = before.find((d) => d.code === 'systemd/missing-limit-nofile');
  assert.deepEqual([nofile.lnum, nofile.col, nofile.severity, nofile.source], [4, 0, 2, 'daemonlint']);
  assert.equal(before.length, result.files['stunnel-before-fix.service'].published.diagnostics.length);
  checkHover(result.hover, systemdSummary('LimitNOFILE'));
  // The floating window vim.lsp.buf.hover() opened shows the same text, link included.
  assert.equal(result.hover_lines[0], '**LimitNOFILE=** — [Service]');
  assert.ok(result.hover_lines.some((l) => l.includes(MAN_LINK)), JSON.stringify(result.hover_lines));
});
