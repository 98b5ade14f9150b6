import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, fixOnce, lint } from '../helpers.mjs';

const L = '/etc/security/limits.conf';
const only = (files) => lint(files).filter((f) => f.rule === 'limits/invalid-value');

test('unknown type and item with did-you-mean fixes; bad value', () => {
  const files = { [L]: 'root sfot nproc 100\n* - nofiel 100\n* soft nofile abc\n@adm hard priority unlimited\n' };
  const f = only(files);
  assert.deepEqual(briefs(f), ['limits/invalid-value@1:6-1:10', 'limits/invalid-value@2:5-2:11', 'limits/invalid-value@3:15-3:18', 'limits/invalid-value@4:20-4:29']);
  assert.equal(f[2].message, `'abc' is not a valid value for nofile: use a number or unlimited. pam_limits skips the line (logging "wrong limit value" only at debug priority), so the limit is not set.`);
  assert.equal(f[3].message, `'unlimited' is not a valid value for priority: use a number. pam_limits skips the line (logging "wrong limit value" only at debug priority), so the limit is not set.`);
  assert.match(f[0].message, /Unknown limit type 'sfot'.*Did you mean 'soft'\?/);
  assert.match(f[1].message, /Unknown limit item 'nofiel'.*Did you mean 'nofile'\?/);
  assert.equal(fixOnce(files, 'limits/invalid-value'), 'root soft nproc 100\n* - nofiel 100\n* soft nofile abc\n@adm hard priority unlimited\n');
});

test('nofile unlimited: Linux-PAM 1.5.2 uses fs.nr_open, older releases fail a hard limit; numeric fix', () => {
  const files = { [L]: '* soft nofile unlimited\n* hard nofile -1\n' };
  const f = only(files);
  assert.deepEqual(briefs(f), ['limits/invalid-value@1:15-1:24', 'limits/invalid-value@2:15-2:17']);
  assert.equal(f[0].severity, 'info');
  assert.equal(f[0].message, 'nofile unlimited: Linux-PAM 1.5.2 and later (Debian 12) use the value of fs.nr_open instead (1048576 unless changed), older releases infinity; either way a soft limit above the hard limit is lowered to it. Write the number you mean, such as 1048576, so every release reads the same.');
  assert.equal(f[1].severity, 'warning');
  assert.equal(f[1].message, 'nofile -1: Linux-PAM 1.5.2 and later (Debian 12) use the value of fs.nr_open instead (1048576 unless changed), but older releases (1.4.0 in Debian 11) pass infinity to setrlimit, which the kernel refuses for open files, and pam_limits then refuses the login. Write the number you mean, such as 1048576.');
  assert.equal(fixOnce(files, 'limits/invalid-value'), '* soft nofile 1048576\n* hard nofile -1\n');
});

test('values pam_limits misreads: trailing text ignored, no hexadecimal, negative numbers wrap', () => {
  const files = { [L]: '*    soft    nofile    64k\n*    hard    nofile    0x10000\n*    soft    nproc     -2\n* hard nofile -2\n* soft core 64k\n' };
  const f = only(files);
  assert.deepEqual(briefs(f), ['limits/invalid-value@1:24-1:27', 'limits/invalid-value@2:24-2:31', 'limits/invalid-value@3:24-3:26', 'limits/invalid-value@4:15-4:17', 'limits/invalid-value@5:13-5:16']);
  assert.deepEqual(f.map((x) => x.severity), ['error', 'error', 'error', 'error', 'error']);
  assert.equal(f[0].message, "pam_limits reads '64k' as 64: it takes only the leading decimal digits and ignores 'k', so logins get a soft nofile limit of 64. Write the whole number in decimal digits (64k as 64×1024 is 65536).");
  assert.equal(f[1].message, "pam_limits reads '0x10000' as 0: it takes only the leading decimal digits and ignores 'x10000' (hexadecimal is not understood), so logins get a hard nofile limit of 0. Write the whole number in decimal digits: 65536.");
  assert.equal(f[2].message, "pam_limits reads '-2' as 18446744073709551614: a negative number wraps around to a huge one, so the soft nproc limit is practically removed (a soft limit above the hard limit is lowered to it). Use a positive number, or unlimited if no limit is meant.");
  assert.equal(f[3].message, "pam_limits reads '-2' as 18446744073709551614: a negative number wraps around to a huge one, far above fs.nr_open: setrlimit fails for the hard nofile limit, and pam_limits then refuses the login. Use a positive number, or unlimited if no limit is meant.");
  assert.equal(f[4].message, "pam_limits reads '64k' as 64: it takes only the leading decimal digits and ignores 'k', so logins get a soft core limit of 64 KiB. Write the whole number in decimal digits.");
  assert.deepEqual(f.map((x) => x.fixes.map((y) => y.title)), [[], ['Use 65536'], [], [], []]);
  assert.equal(fixOnce({ [L]: '*    hard    nofile    0x10000\n' }, 'limits/invalid-value'), '*    hard    nofile    65536\n');
});

test('nonewprivs takes only 0 or 1', () => {
  const f = only({ [L]: '* - nonewprivs yes\n* - nonewprivs 1\n' });
  assert.deepEqual(briefs(f), ['limits/invalid-value@1:16-1:19']);
  assert.equal(f[0].message, `'yes' is not a valid value for nonewprivs: use 0 or 1. pam_limits logs "wrong limit value" and turns no_new_privs off.`);
});

test('valid lines stay silent', () => {
  assert.deepEqual(briefs(only({ [L]: '* soft core 0\n* hard nproc unlimited\n@dev - priority -5\nbob - nice 10\n% - maxsyslogins 4\nroot hard memlock infinity\n@adm hard maxlogins unlimited\n* soft core -\n* soft nofile 65536\n@dev - nice +5\n' })), []);
});

test('limits/byte-order-mark: the mark is part of the first domain to pam_limits, or a field of a comment line', () => {
  const bom = (text) => lint({ [L]: text }).filter((f) => f.rule === 'limits/byte-order-mark');
  const [entry] = bom('\uFEFF* soft nofile 4096\n');
  assert.deepEqual(briefs([entry]), ['limits/byte-order-mark@1:1-1:2']);
  assert.equal(entry.message, "The file starts with a byte-order mark, which pam_limits does not skip: it reads the mark as part of this line's domain (the mark and '*' rather than '*'), which matches no account, so the line is silently ignored. Save the file as UTF-8 without a byte-order mark.");
  assert.equal(fixOnce({ [L]: '\uFEFF* soft nofile 4096\n' }, 'limits/byte-order-mark'), '* soft nofile 4096\n');
  const [comment] = bom('\uFEFF# defaults\n@adm hard nofile 8192\n');
  assert.match(comment.message, /reads the mark as a field of the first line, logs 'invalid line' and skips it\./);
  assert.deepEqual(bom('* soft nofile 4096\n'), []);
});

test('limits/byte-order-mark: the fix removes every mark at the start, not only the first', () => {
  assert.equal(fixOnce({ [L]: '\uFEFF\uFEFF* soft nofile 4096\n' }, 'limits/byte-order-mark'), '* soft nofile 4096\n');
});
