#!/usr/bin/env node
// Writes package.json `contributes.configuration` from the settings declared in the core
// (server/src/core/settings.ts), so the two never disagree. Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SETTINGS_SCHEMA } = require('../dist/core.js');

export function configurationFromSchema(schema) {
  const properties = {};
  for (const [key, s] of Object.entries(schema)) properties[`daemonlint.${key}`] = { ...s };
  return { title: 'Daemonlint', properties };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(path, 'utf8'));
  pkg.contributes.configuration = configurationFromSchema(SETTINGS_SCHEMA);
  writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
  console.log('package.json contributes.configuration updated');
}
