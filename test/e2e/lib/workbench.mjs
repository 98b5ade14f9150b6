// Drives the VS Code workbench in the browser the way a person would: Quick Open, the mouse,
// the keyboard, the Problems panel. Every wait polls the page against a deadline.
import path from 'node:path';
import { poll } from './paths.mjs';

const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

/** Loads the workbench for `folder` and waits until the Explorer lists its files. */
export async function openFolder(page, url, folder) {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Opens a file of the folder through Quick Open (Ctrl+P) and waits for its tab to be active. */
export async function openFile(page, name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label="${name}"], .quick-input-list .monaco-list-row[aria-label^="${name},"]`).first();
  await row.waitFor({ timeout: 20_000 });
  await row.click();
  await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ timeout: 20_000 });
  await page.locator(`${EDITOR} .view-lines`).waitFor();
}

// Each rendered line's top offset and its text as the file holds it: what the view shows, less
// injected text such as inlay hints (spans styled by a dynamic "dyn-rule-*" class). Runs in the page.
function renderedLines(els) {
  return els.map((line) => [
    parseFloat(line.style.top),
    [...line.querySelectorAll(':scope > span > span')]
      .filter((sp) => ![...sp.classList].some((c) => c.startsWith('dyn-rule-')))
      .map((sp) => sp.textContent).join('').replace(/\u00a0/g, ' '),
  ]);
}

/** The active editor's lines, in order (the DOM keeps rendered lines in any order). */
export async function editorLines(page) {
  const rows = await page.locator(`${EDITOR} .view-lines .view-line`).evaluateAll(renderedLines);
  return rows.sort((a, b) => a[0] - b[0]).map((r) => r[1]);
}

/** Waits until the active editor's text satisfies `check(lines)`. */
export function waitForLines(page, check, what) {
  return poll(async () => {
    const lines = await editorLines(page);
    return check(lines) ? lines : undefined;
  }, what);
}

/** The element of the line whose text (as in the file) is exactly `text`. */
export async function lineLocator(page, text) {
  const lines = page.locator(`${EDITOR} .view-lines .view-line`);
  const index = await poll(async () => {
    const i = (await lines.evaluateAll(renderedLines)).findIndex(([, t]) => t === text);
    return i >= 0 ? i + 1 : undefined;
  }, `the line "${text}"`);
  return lines.nth(index - 1);
}

/** Squiggle classes (squiggly-error, squiggly-warning, ...) drawn on a 1-based line of the active editor. */
export async function squigglesOnLine(page, lineNumber) {
  return page.locator(EDITOR).first().evaluate((editor, n) => {
    const num = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => e.textContent.trim() === String(n));
    if (!num) return null;
    const top = num.parentElement.style.top;
    const row = [...editor.querySelectorAll('.view-overlays > div')].find((d) => d.style.top === top);
    if (!row) return [];
    return [...row.querySelectorAll('[class*="squiggly-"]')].map((d) => [...d.classList].find((c) => c.startsWith('squiggly-')));
  }, lineNumber);
}

/** Places the caret by clicking on the first occurrence of `token` in the line whose text is `lineText`. */
export async function clickToken(page, lineText, token) {
  const line = await lineLocator(page, lineText);
  const span = line.locator('span span').filter({ hasText: token }).first();
  const box = await span.boundingBox();
  await page.mouse.click(box.x + Math.min(8, box.width / 2), box.y + box.height / 2);
  return box;
}

/**
 * Shows the Problems panel; maximised, every row of a long list is rendered, but the editor is
 * hidden behind it.
 */
export async function showProblems(page, { maximize = true } = {}) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
  const max = page.locator('.part.panel .action-label[aria-label="Maximize Panel Size"]');
  if (maximize && (await max.count())) await max.first().click();
}

/** Hides the Problems panel again (restoring its size first), leaving the editor focused. */
export async function hideProblems(page) {
  const restore = page.locator('.part.panel .action-label[aria-label="Restore Panel Size"]');
  if (await restore.count()) await restore.first().click();
  await page.keyboard.press('Control+J');
  await page.locator('.part.panel').waitFor({ state: 'hidden' });
  await page.locator(EDITOR).first().click({ position: { x: 400, y: 5 } }).catch(() => {});
}

/**
 * The rows of the Problems panel as {file, severity, message, source, code, line, col};
 * related-information rows are left out.
 */
export async function problems(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => {
    const out = [];
    let file = null;
    for (const r of rows.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))) {
      const level = r.getAttribute('aria-level');
      if (level === '1') {
        file = r.querySelector('.label-name')?.textContent.trim() ?? r.textContent.trim();
      } else if (level === '2') {
        const pos = /\[Ln (\d+), Col (\d+)\]/.exec(r.querySelector('.marker-line')?.textContent ?? '');
        const icon = r.querySelector('.marker-icon');
        out.push({
          file,
          severity: ['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)) ?? 'hint',
          message: r.querySelector('.marker-message')?.textContent.trim(),
          source: r.querySelector('.marker-source')?.textContent.trim(),
          code: r.querySelector('.marker-code')?.textContent.trim(),
          line: pos ? Number(pos[1]) : null,
          col: pos ? Number(pos[2]) : null,
        });
      }
    }
    return out;
  });
}

/** Waits until the Problems panel rows satisfy `check(rows)`; returns them. */
export function waitForProblems(page, check, what, ms) {
  return poll(async () => {
    const rows = await problems(page);
    return check(rows) ? rows : undefined;
  }, what, { ms });
}

export const brief = (p) => `${p.file} ${p.code}@${p.line}`;

/** Moves the mouse over a token and returns the visible hover's element once it shows `expect`. */
export async function hoverOver(page, lineText, token, expect) {
  const line = await lineLocator(page, lineText);
  const span = line.locator('span span').filter({ hasText: new RegExp(`^${escapeRe(token)}$`) }).first();
  const box = await span.boundingBox();
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').filter({ hasText: expect }).first();
  return poll(async () => {
    // Nudge the mouse within the token: a hover is shown after the mouse rests on it.
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await hover.waitFor({ timeout: 2_000 });
    return hover;
  }, `a hover over ${token} showing ${expect}`);
}

/** Screenshot of the whole window into `dir/name.png`, with fade-ins (hovers, menus) finished. */
export async function shot(page, dir, name) {
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
