// The real-world cases (test/fixtures/cases/, copied from public bug reports with their expected
// findings): every expected line is found with an accepted severity; clean cases stay free of
// errors and warnings. Expectations whose rule is not built yet are todo tests, named by rule.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { core } from './helpers.mjs';

const ROOT = new URL('./fixtures/cases/', import.meta.url).pathname;
const TODO = JSON.parse(readFileSync(join(ROOT, 'todo.json'), 'utf8'));

function filesUnder(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function lintCase(dir) {
  const ws = new core.Workspace([dir], [dir]);
  for (const f of filesUnder(dir)) if (!f.endsWith('expected.json')) ws.set(core.pathToUri(f), readFileSync(f, 'utf8'));
  const results = core.lintWorkspace(ws, core.resolveSettings({}));
  const byFile = {};
  for (const [uri, findings] of results) byFile[core.uriToPath(uri).slice(dir.length + 1)] = findings;
  return byFile;
}

for (const name of readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory()).sort()) {
  const dir = join(ROOT, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  describe(`case ${name}`, () => {
    const byFile = lintCase(dir);
    if (expected.clean) {
      test('clean: no error or warning anywhere', () => {
        const loud = Object.entries(byFile).flatMap(([f, list]) => list.filter((x) => x.severity === 'error' || x.severity === 'warning').map((x) => `${f}:${x.range.start.line + 1} ${x.rule}`));
        assert.deepEqual(loud, []);
      });
    }
    for (const e of expected.expect) {
      const key = `${name}/${e.file}:${e.line}`;
      const todo = TODO[key];
      const found = (byFile[e.file] ?? []).filter((x) => x.range.start.line + 1 === e.line);
      const met = found.some((x) => e.accept_severities.includes(x.severity));
      if (todo) test(`${key} is still listed as todo but already passes`, () => assert.ok(!met, `remove ${key} from todo.json`));
      test(`${e.file}:${e.line} ${e.accept_severities.join('|')}`, todo ? { todo: `needs ${todo}` } : {}, () => {
        assert.ok(
          met,
          `expected ${e.accept_severities.join('/')} at ${e.file}:${e.line} (${e.about}); got ${JSON.stringify(found.map((x) => [x.rule, x.severity]))}`,
        );
      });
    }
  });
}

test('todo entries name cases that exist', () => {
  for (const key of Object.keys(TODO).filter((k) => !k.startsWith('_'))) {
    const [file] = key.split(':');
    assert.ok(statSync(join(ROOT, file)).isFile(), key);
  }
});
