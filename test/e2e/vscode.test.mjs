// The packaged extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3), driven through
// Debian's chromium. The VSIX is installed with --install-extension into a fresh profile; a person's
// steps are replayed on a copy of the seed's files and a screenshot is kept of each one.
// Needs: `npm run package` (the VSIX), tools/e2e/setup.sh, tools/e2e/install-code-server.sh.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, startCodeServer } from './lib/code-server.mjs';
import { ROOT, SEED, VSIX, artifactsDir, poll } from './lib/paths.mjs';
import {
  brief, clickToken, editorLines, hideProblems, hoverOver, lineLocator, openFile, openFolder,
  problems, shot, showProblems, squigglesOnLine, waitForLines, waitForProblems,
} from './lib/workbench.mjs';

const OUT = artifactsDir('vscode', { fresh: true });
const summary = (name) =>
  JSON.parse(readFileSync(path.join(ROOT, 'server/src/core/knowledge/systemd/summaries.json'), 'utf8'))[name].replace(/`/g, '');

let ws, cs, browser, page, failed = false;
// Time from a quick fix to its squiggle going away while linting on type; sizes the onSave check.
let typeLintMs;

before(async () => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'daemonlint-vscode-ws-'));
  // seed/: the seed's files as they are. onsave/: the same files, with daemonlint.run = onSave.
  cpSync(SEED, path.join(ws, 'seed'), { recursive: true });
  cpSync(SEED, path.join(ws, 'onsave'), { recursive: true });
  mkdirSync(path.join(ws, 'onsave', '.vscode'));
  writeFileSync(path.join(ws, 'onsave', '.vscode', 'settings.json'), JSON.stringify({ 'daemonlint.run': 'onSave' }, null, 2));
  cs = await startCodeServer({ vsix: VSIX });
  browser = await launchBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
  if (cs) {
    await cs.stop({ keep: failed });
    if (failed) {
      const logs = artifactsDir(['vscode', 'logs']);
      writeFileSync(path.join(logs, 'code-server.log'), cs.log());
      cpSync(cs.logsDir, path.join(logs, 'profile'), { recursive: true });
      rmSync(cs.dataDir, { recursive: true, force: true });
    }
  }
  if (ws) rmSync(ws, { recursive: true, force: true });
  assert.deepEqual(browser?.external ?? [], [], 'the workbench made no request off 127.0.0.1');
});

// A test that, when it fails, leaves a screenshot of the moment and marks the run as failed
// (to keep code-server's logs).
let steps = 0;
const step = (name, fn) => {
  const n = String(++steps).padStart(2, '0');
  test(name, async (t) => {
    try {
      await fn(t);
    } catch (e) {
      failed = true;
      await shot(page, OUT, `failed-step-${n}`).catch(() => {});
      throw e;
    }
  });
};

step('the VSIX installs with --install-extension and the workbench opens the seed folder', async () => {
  assert.match(cs.installOutput, new RegExp(`Extension '${path.basename(VSIX).replace(/\./g, '\\.')}' was successfully installed`));
  await openFolder(page, cs.url, path.join(ws, 'seed'));
  await openFile(page, 'stunnel.conf');
  const mode = page.locator('#status\\.editor\\.mode');
  await poll(async () => (await mode.innerText()).trim() === 'stunnel', 'the status bar to show the stunnel language');
  // Diagnostics only come from the language server: a squiggle proves it started.
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
  await shot(page, OUT, '01-stunnel-conf');
});

step('the Problems panel lists the seed findings with their rule ids', async () => {
  await openFile(page, 'stunnel.service');
  await openFile(page, 'stunnel-before-fix.service');
  await showProblems(page);
  const want = [
    'stunnel.conf stunnel/deprecated-option@11',
    'stunnel-before-fix.service systemd/obsolete-dependency@3',
    'stunnel-before-fix.service systemd/missing-limit-nofile@5',
    'stunnel-before-fix.service systemd/forking-without-pidfile@7',
    'stunnel.service systemd/obsolete-dependency@3',
    'stunnel.service systemd/forking-without-pidfile@8',
  ];
  const rows = await waitForProblems(page, (r) => want.every((w) => r.map(brief).includes(w)), 'the seed findings in the Problems panel', 30_000);
  const seen = rows.map(brief);
  for (const w of want) assert.ok(seen.includes(w), `${w} in ${JSON.stringify(seen)}`);
  assert.ok(!seen.includes('stunnel.service systemd/missing-limit-nofile@5'), 'stunnel.service sets LimitNOFILE=32000');
  assert.ok(!rows.some((r) => r.file === 'stunnel.service' && r.code === 'systemd/missing-limit-nofile'));
  const nofile = rows.find((r) => brief(r) === 'stunnel-before-fix.service systemd/missing-limit-nofile@5');
  assert.match(nofile.message, /about 500 concurrent clients/);
  assert.equal(nofile.severity, 'warning');
  assert.equal(nofile.source, 'daemonlint');
  assert.ok(rows.every((r) => r.source === 'daemonlint'));
  await shot(page, OUT, '02-problems-panel');
  await hideProblems(page);
});

step('a hover over LimitNOFILE shows its summary and the systemd.exec(5) link', async () => {
  await openFile(page, 'stunnel.service');
  const hover = await hoverOver(page, 'LimitNOFILE=32000', 'LimitNOFILE', 'LimitNOFILE=');
  const text = (await hover.innerText()).replace(/\s+/g, ' ');
  assert.ok(text.includes(summary('LimitNOFILE')), text);
  const links = await hover.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href')));
  assert.ok(links.includes('https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#LimitCPU='), JSON.stringify(links));
  await shot(page, OUT, '03-hover-limitnofile');
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
});

step('a quick fix from the light bulb adds LimitNOFILE= and its squiggle goes', async () => {
  await openFile(page, 'stunnel-before-fix.service');
  const original = await editorLines(page);
  assert.equal(original[4], '[Service]');
  await poll(async () => (await squigglesOnLine(page, 5))?.includes('squiggly-warning'), 'the missing-limit-nofile squiggle on line 5');
  await clickToken(page, '[Service]', 'Service');
  const bulb = page.locator('.monaco-editor .lightBulbWidget');
  await bulb.first().waitFor({ timeout: 15_000 });
  await shot(page, OUT, '04-light-bulb');
  await bulb.first().click();
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const title = /^Add LimitNOFILE=(\d+) to \[Service\]$/;
  await rows.filter({ hasText: title }).first().waitFor({ timeout: 15_000 });
  const offered = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const label = offered.find((l) => title.test(l));
  assert.ok(label, JSON.stringify(offered));
  const value = title.exec(label)[1];
  await shot(page, OUT, '05-quick-fix-menu');
  // Move the keyboard focus to the wanted action and apply it, as the menu's "Enter to Apply" says.
  await poll(async () => {
    const focused = await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label');
    if (focused === label) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  }, `focus on "${label}"`);
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  const fixed = await waitForLines(page, (l) => l.includes(`LimitNOFILE=${value}`), 'the fixed text');
  assert.deepEqual(fixed.slice(4, 8), ['[Service]', 'ExecStart=/usr/local/stunnel/bin/stunnel /usr/local/stunnel/etc/stunnel/stunnel.conf', 'Type=forking', `LimitNOFILE=${value}`]);
  await poll(async () => (await squigglesOnLine(page, 5))?.length === 0, 'the squiggle on line 5 to go');
  typeLintMs = Date.now() - t0;
  await showProblems(page);
  await waitForProblems(page, (r) => r.some((p) => brief(p) === 'stunnel-before-fix.service systemd/obsolete-dependency@3')
    && !r.some((p) => p.file === 'stunnel-before-fix.service' && p.code === 'systemd/missing-limit-nofile'), 'the finding to leave the Problems panel');
  await shot(page, OUT, '06-after-quick-fix');
  await hideProblems(page);
});

step('with daemonlint.run = onSave an edit is linted only once saved; completion offers LimitNOFILE in [Service]', async () => {
  // A second window on the folder whose settings say onSave.
  await page.close();
  page = await browser.context.newPage();
  await openFolder(page, cs.url, path.join(ws, 'onsave'));
  await openFile(page, 'stunnel.service');
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
  // One file with a few findings: the panel needs no maximising and the editor stays in view.
  await showProblems(page, { maximize: false });
  const initial = await waitForProblems(page, (r) => r.some((p) => brief(p) === 'stunnel.service systemd/obsolete-dependency@3'), 'the opened file to be linted');
  assert.ok(!initial.some((p) => p.code === 'systemd/missing-limit-nofile'));
  // The panel keeps the height it had in the last window; hide it so the editor's lines are in view.
  await hideProblems(page);
  const squiggles = page.locator('.monaco-editor .view-overlays .squiggly-warning, .monaco-editor .view-overlays .squiggly-error');
  await poll(async () => (await squiggles.count()) > 0, 'the squiggles of the opened file');
  const before = await squiggles.count();

  // Delete the LimitNOFILE=32000 line without saving.
  await clickToken(page, 'LimitNOFILE=32000', 'LimitNOFILE');
  await page.keyboard.press('Control+Shift+K');
  await waitForLines(page, (l) => !l.includes('LimitNOFILE=32000') && l[4] === '[Service]' && l[5].startsWith('ExecStart='), 'the line to be deleted');
  await page.locator('.tab.active.dirty').waitFor();
  // While typing, such an edit is linted within typeLintMs (measured above, with the Problems
  // panel and squiggle included). Watch for several times that long (3 to 10 s): the finding must
  // not appear before the file is saved.
  const quiet = Math.min(10_000, Math.max(3_000, 5 * (typeLintMs ?? 1_000)));
  const until = Date.now() + quiet;
  while (Date.now() < until) {
    // A lint would add the missing-limit-nofile squiggle on [Service] (line 5).
    assert.deepEqual(await squigglesOnLine(page, 5), [], 'linted before save');
    assert.equal(await squiggles.count(), before, 'linted before save');
    await new Promise((r) => setTimeout(r, 200));
  }
  await shot(page, OUT, '07-onsave-edited-not-saved');

  await (await lineLocator(page, '[Service]')).click();
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  await showProblems(page, { maximize: false });
  const saved = await waitForProblems(page, (r) => r.some((p) => brief(p) === 'stunnel.service systemd/missing-limit-nofile@5'), 'the finding after save', 15_000);
  assert.match(saved.find((p) => p.code === 'systemd/missing-limit-nofile').message, /about 500 concurrent clients/);
  await shot(page, OUT, '08-onsave-after-save');
  await hideProblems(page);

  // Completion: a new line in [Service], "LimitNO", Ctrl+Space.
  await clickToken(page, 'Type=forking', 'forking');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('LimitNO');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  await suggest.filter({ hasText: /^LimitNOFILE/ }).first().waitFor({ timeout: 15_000 });
  const labels = await suggest.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(labels.some((l) => /^LimitNOFILE\b/.test(l)), JSON.stringify(labels));
  await shot(page, OUT, '09-completion');
  await poll(async () => {
    const focused = await page.locator('.editor-widget.suggest-widget .monaco-list-row.focused').getAttribute('aria-label');
    if (/^LimitNOFILE\b/.test(focused ?? '')) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  }, 'focus on LimitNOFILE in the suggestions');
  await page.keyboard.press('Enter');
  await waitForLines(page, (l) => l[7] === 'LimitNOFILE=', 'the accepted completion');
  await page.keyboard.type('65536');
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  await showProblems(page, { maximize: false });
  await waitForProblems(page, (r) => r.some((p) => brief(p) === 'stunnel.service systemd/obsolete-dependency@3')
    && !r.some((p) => p.code === 'systemd/missing-limit-nofile'), 'the finding to go after saving LimitNOFILE=65536', 15_000);
  await hideProblems(page);
  assert.deepEqual((await editorLines(page)).slice(4, 8), ['[Service]', 'ExecStart=/usr/local/stunnel/bin/stunnel /usr/local/stunnel/etc/stunnel/stunnel.conf', 'Type=forking', 'LimitNOFILE=65536']);
  assert.equal(readFileSync(path.join(ws, 'onsave', 'stunnel.service'), 'utf8').split('\n')[7], 'LimitNOFILE=65536');
  await shot(page, OUT, '10-completion-saved');
});
