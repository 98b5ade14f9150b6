// The README's rule table is generated from the registry; it must list every rule as it is now,
// and every rule must have its documentation page.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { END, START, rulesTable } from '../tools/gen-readme-rules.mjs';
import { core } from './helpers.mjs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('README lists every rule (regenerate with node tools/gen-readme-rules.mjs)', () => {
  const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
  assert.equal(block, rulesTable(core.RULES));
});

test('rule ids are unique, stable-looking and documented', () => {
  const ids = [...core.RULES, ...core.META_RULES].map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.match(id, /^(stunnel|systemd|limits|daemonlint)\/[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(existsSync(new URL(`../docs/rules/${id}.md`, import.meta.url)), `docs/rules/${id}.md is missing`);
  }
});

test('the quick start commands are the ones package.json runs', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.match(readme, /npm ci && npm start/);
  assert.match(readme, /npm ci && npm test/);
  assert.equal(pkg.scripts.start, 'node dist/cli.js examples');
});
