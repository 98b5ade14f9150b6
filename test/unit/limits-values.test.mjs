import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, fixOnce, lint } from '../helpers.mjs';

const L = '/etc/security/limits.conf';
const only = (files) => lint(files).filter((f) => f.rule === 'limits/invalid-value');

test('unknown type and item with did-you-mean fixes; bad value', () => {
  const files = { [L]: 'root sfot nproc 100\n* - nofiel 100\n* soft nofile abc\n@adm hard maxlogins unlimited\n' };
  const f = only(files);
  assert.deepEqual(briefs(f), ['limits/invalid-value@1:6-1:10', 'limits/invalid-value@2:5-2:11', 'limits/invalid-value@3:15-3:18', 'limits/invalid-value@4:21-4:30']);
  assert.match(f[0].message, /Unknown limit type 'sfot'.*Did you mean 'soft'\?/);
  assert.match(f[1].message, /Unknown limit item 'nofiel'.*Did you mean 'nofile'\?/);
  assert.equal(fixOnce(files, 'limits/invalid-value'), 'root soft nproc 100\n* - nofiel 100\n* soft nofile abc\n@adm hard maxlogins unlimited\n');
});

test('nofile unlimited is a warning with a numeric fix', () => {
  const files = { [L]: '* soft nofile unlimited\n' };
  const f = only(files);
  assert.deepEqual(briefs(f), ['limits/invalid-value@1:15-1:24']);
  assert.equal(f[0].severity, 'warning');
  assert.equal(fixOnce(files, 'limits/invalid-value'), '* soft nofile 1048576\n');
});

test('valid lines stay silent', () => {
  assert.deepEqual(briefs(only({ [L]: '* soft core 0\n* hard nproc unlimited\n@dev - priority -5\nbob - nice 10\n% - maxsyslogins 4\nroot hard memlock infinity\n' })), []);
});
