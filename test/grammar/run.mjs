#!/usr/bin/env node
// Runs the TextMate grammar tests in this folder with vscode-tmgrammar-test.
// Usage: node test/grammar/run.mjs [test-file-globs...]
// Without arguments it runs every *.test.stunnel, *.test.service and *.test.limits file here.
// Exits with the tool's status (0 when every assertion holds, non-zero otherwise).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');

const grammars = ['stunnel', 'systemd-unit', 'limits-conf'].map((id) => join('syntaxes', `${id}.tmLanguage.json`));
for (const g of grammars) {
  if (!existsSync(join(root, g))) {
    console.error(`missing grammar ${g}`);
    process.exit(2);
  }
}

let tests = process.argv.slice(2);
if (tests.length === 0) {
  const rel = relative(root, here);
  const suffixes = ['.test.stunnel', '.test.service', '.test.limits'];
  for (const suffix of suffixes) {
    const found = readdirSync(here).filter((f) => f.endsWith(suffix));
    if (found.length === 0) {
      console.error(`no grammar test files ending in ${suffix} in ${rel}`);
      process.exit(2);
    }
    tests.push(...found.map((f) => join(rel, f)));
  }
}

const args = [cli, ...grammars.flatMap((g) => ['-g', g]), ...tests];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (r.error) {
  console.error(r.error.message);
  process.exit(2);
}
process.exit(r.status ?? 1);
