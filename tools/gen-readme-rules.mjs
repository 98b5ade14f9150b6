#!/usr/bin/env node
// Rewrites the rule table in README.md (between the rules:start/end markers) from the rule
// registry, so the README always lists every rule. Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULES, META_RULES } = require('../dist/core.js');

export function rulesTable(rules, meta = META_RULES) {
  const rows = [...rules, ...meta].map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity}${r.security ? ' (with `--security`)' : ''} | ${r.summary.replace(/\|/g, '\\|')} |`);
  return ['| rule | default | what it reports |', '|---|---|---|', ...rows].join('\n');
}

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../README.md', import.meta.url);
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no rules markers');
  writeFileSync(path, text.slice(0, a + START.length) + '\n' + rulesTable(RULES) + '\n' + text.slice(b));
  console.log(`README.md: ${RULES.length} rules`);
}
