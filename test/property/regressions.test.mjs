// Counterexamples the property tests found, kept as plain tests with exact values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, lint } from '../helpers.mjs';

const CONF = '/etc/stunnel/stunnel.conf';
const titles = (findings) => findings.flatMap((f) => f.fixes.map((x) => x.title));

test('unknown-option in a service suggests no global-only option (the fix would fail option-scope)', () => {
  const found = lint({ [CONF]: '[svc]\nforegroun = yes\n' });
  assert.deepEqual(briefs(found), ['stunnel/unknown-option@2:1-2:10']);
  assert.deepEqual(titles(found), []);
  assert.doesNotMatch(found[0].message, /Did you mean/);
  // In the global part the same typo still gets its fix.
  assert.deepEqual(titles(lint({ [CONF]: 'foregroun = yes\n' })), ["Change to 'foreground'"]);
  assert.deepEqual(titles(lint({ [CONF]: '[svc]\nips = no\n' })), []);
});

test('unknown-option on a removed option does not suggest the option itself', () => {
  const found = lint({ [CONF]: 'protocolCredentials = x\n' });
  assert.deepEqual(briefs(found), ['stunnel/unknown-option@1:1-1:20']);
  assert.equal(found[0].message, `'protocolCredentials' was removed from stunnel; it stops with "Specified option name is not valid here".`);
  assert.deepEqual(titles(found), []);
});

test('unknown-option still joins a split name in the global part', () => {
  assert.deepEqual(titles(lint({ [CONF]: 'fore ground = yes\n' })), ["Change to 'foreground'"]);
});
