// The extension manifest must match the code: settings, languages, grammars and snippets.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configurationFromSchema } from '../tools/gen-manifest.mjs';
import { core } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

test('contributes.configuration is exactly the settings declared in the core', () => {
  assert.deepEqual(pkg.contributes.configuration, configurationFromSchema(core.SETTINGS_SCHEMA));
});

test('every setting key the core resolves is declared', () => {
  const declared = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace('daemonlint.', ''));
  for (const key of Object.keys(core.DEFAULT_SETTINGS)) assert.ok(declared.includes(key), key);
});

test('languages have activation events, grammars, configurations that exist', () => {
  const ids = pkg.contributes.languages.map((l) => l.id);
  assert.deepEqual(ids, ['stunnel', 'systemd-unit', 'limits-conf']);
  for (const id of ids) assert.ok(pkg.activationEvents.includes(`onLanguage:${id}`), id);
  for (const l of pkg.contributes.languages) assert.ok(existsSync(new URL(`../${l.configuration}`, import.meta.url)), l.configuration);
  for (const g of pkg.contributes.grammars) {
    assert.ok(ids.includes(g.language));
    assert.equal(JSON.parse(readFileSync(new URL(`../${g.path}`, import.meta.url), 'utf8')).scopeName, g.scopeName);
  }
  for (const s of pkg.contributes.snippets) assert.ok(existsSync(new URL(`../${s.path}`, import.meta.url)), s.path);
});

test('engines.vscode stays at or below 1.100 and @types/vscode matches', () => {
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.equal(pkg.devDependencies['@types/vscode'], '1.100.0');
});

test('file patterns of the manifest agree with the core dialect detection', () => {
  const cases = {
    '/etc/stunnel/stunnel.conf': 'stunnel',
    '/etc/stunnel/redis.conf': 'stunnel',
    '/x/stunnel-web.conf': 'stunnel',
    '/etc/stunnel4/conf.d/a.conf': 'stunnel',
    '/etc/systemd/system/x.service': 'systemd-unit',
    '/etc/systemd/system/x@.service.d/limits.conf': 'systemd-unit',
    '/etc/security/limits.conf': 'limits-conf',
    '/etc/security/limits.d/90-nofile.conf': 'limits-conf',
    '/etc/nginx/nginx.conf': undefined,
  };
  for (const [path, dialect] of Object.entries(cases)) assert.equal(core.detectDialect(path), dialect, path);
});
