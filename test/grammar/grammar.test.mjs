// Runs the TextMate grammar assertions (test/grammar/run.mjs) and checks that a wrong
// assertion really makes the runner fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const runner = join(here, 'run.mjs');

function run(args = []) {
  const r = spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('every grammar test file passes', () => {
  const { status, output } = run();
  assert.equal(status, 0, output);
  const files = readdirSync(here).filter((f) => /\.test\.(stunnel|service|limits)$/.test(f));
  assert.ok(files.length >= 3, `expected grammar test files, found ${files.join(', ')}`);
  for (const f of files) assert.match(output, new RegExp(`✓ .*${f.replace(/\./g, '\\.')} run successfuly`), output);
});

test('a wrong scope assertion makes the runner fail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'daemonlint-grammar-'));
  try {
    const file = join(dir, 'wrong.test.stunnel');
    // stunnel has no inline comments, so asserting a comment scope on "; x" must fail.
    writeFileSync(
      file,
      [
        '; SYNTAX TEST "source.stunnel" "deliberately wrong"',
        'client = yes ; x',
        ';            ^^^ comment.line.semicolon.stunnel',
        '',
      ].join('\n'),
    );
    const { status, output } = run([file]);
    assert.notEqual(status, 0, output);
    assert.match(output, /missing required scopes: comment\.line\.semicolon\.stunnel/);
    assert.match(output, /invalid\.illegal\.inline-comment\.stunnel/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
