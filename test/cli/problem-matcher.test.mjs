// The $daemonlint problem matcher contributed for VS Code tasks reads the CLI's text format.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('every text line of the CLI matches the problem matcher, with the right groups', () => {
  const m = pkg.contributes.problemMatchers.find((x) => x.name === 'daemonlint');
  const re = new RegExp(m.pattern.regexp);
  const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
  const out = spawnSync(process.execPath, [cli, 'examples/seed', '--color', 'never'], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname });
  const lines = out.stdout.trim().split('\n');
  assert.ok(lines.length > 3);
  for (const line of lines) assert.match(line, re);
  const g = re.exec(lines.find((l) => l.includes('systemd/missing-limit-nofile')));
  assert.equal(g[m.pattern.file], 'examples/seed/stunnel-before-fix.service');
  assert.equal(g[m.pattern.line], '5');
  assert.equal(g[m.pattern.column], '1');
  assert.equal(g[m.pattern.severity], 'warning');
  assert.equal(g[m.pattern.code], 'systemd/missing-limit-nofile');
});
