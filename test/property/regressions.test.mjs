// Counterexamples the property tests found, kept as plain tests with exact values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, core, lint } from '../helpers.mjs';

const CONF = '/etc/stunnel/stunnel.conf';
const titles = (findings) => findings.filter((f) => f.rule === 'stunnel/unknown-option').flatMap((f) => f.fixes.map((x) => x.title));
const unknown = (findings) => briefs(findings.filter((f) => f.rule === 'stunnel/unknown-option'));

test('unknown-option in a service suggests no global-only option (the fix would fail option-scope)', () => {
  const found = lint({ [CONF]: '[svc]\nforegroun = yes\n' });
  assert.deepEqual(unknown(found), ['stunnel/unknown-option@2:1-2:10']);
  assert.deepEqual(titles(found), []);
  assert.doesNotMatch(found.find((f) => f.rule === 'stunnel/unknown-option').message, /Did you mean/);
  // In the global part the same typo still gets its fix.
  assert.deepEqual(titles(lint({ [CONF]: 'foregroun = yes\n' })), ["Change to 'foreground'"]);
  assert.deepEqual(titles(lint({ [CONF]: '[svc]\nips = no\n' })), []);
});

test('unknown-option on a removed option does not suggest the option itself', () => {
  const found = lint({ [CONF]: 'protocolCredentials = x\n' });
  assert.deepEqual(unknown(found), ['stunnel/unknown-option@1:1-1:20']);
  assert.equal(found.find((f) => f.rule === 'stunnel/unknown-option').message, `'protocolCredentials' was removed from stunnel; it stops with "Specified option name is not valid here".`);
  assert.deepEqual(titles(found), []);
});

test('unknown-option still joins a split name in the global part', () => {
  assert.deepEqual(titles(lint({ [CONF]: 'fore ground = yes\n' })), ["Change to 'foreground'"]);
});

/** Milliseconds a call takes. */
function ms(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

test('continuation-whitespace: an odd run of backslashes before a blank, found by scanning, not backtracking', () => {
  const unit = '/etc/systemd/system/a.service';
  assert.deepEqual(briefs(lint({ [unit]: '[Service]\nExecStart=/bin/echo a \\\\\\ \n' })), ['systemd/continuation-whitespace@2:25-2:27']);
  assert.deepEqual(briefs(lint({ [unit]: '[Service]\nExecStart=/bin/echo a \\\\ \n' })), []);
  // 200,000 backslashes and no blank: a backtracking regex took minutes here.
  const took = ms(() => lint({ [unit]: '[Service]\nEnvironment=' + '\\'.repeat(200_000) + '\n' }));
  assert.ok(took < 5000, `took ${took.toFixed(0)} ms`);
});

test('completion finds the word being typed after a 100,000-character word without backtracking', () => {
  const text = '[Unit]\nAfter=' + 'x'.repeat(100_000) + ' network-on';
  const doc = core.parse(core.pathToUri('/etc/systemd/system/a.service'), text, 'systemd-unit');
  let items;
  const took = ms(() => (items = core.complete(doc, { line: 1, character: 100_017 })));
  assert.ok(took < 2000, `took ${took.toFixed(0)} ms`);
  const item = items.find((i) => i.label === 'network-online.target');
  assert.deepEqual(item.range, { start: { line: 1, character: 100_007 }, end: { line: 1, character: 100_017 } });
});
