// Which files the CLI lints: the extension's name patterns, explicit files, skipped folders,
// symlink loops, and what happens with paths that do not exist or cannot be read.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { briefs, makeTree, run, SITE, SITE_BRIEFS } from './cli-helpers.mjs';

test('a tree: recognised files only, node_modules and .git skipped, a symlink loop entered once', (t) => {
  const dir = makeTree(t, SITE);
  const r = run(['--format', 'json'], { cwd: dir });
  assert.deepEqual(briefs(r.stdout), SITE_BRIEFS);
  assert.equal(r.stderr, '4 files, 3 errors, 3 warnings\n');
  assert.equal(r.code, 1);
});

test('file names are recognised as the extension recognises them', (t) => {
  // Each file holds a line its dialect cannot read, so the rule id tells how it was read.
  const unit = 'garbage\n';
  const stunnel = 'garbage\n';
  const limits = 'x\n';
  const dir = makeTree(t, {
    'stunnel-edge.conf': stunnel,
    'opt/stunnel/tunnels.conf': stunnel,
    'opt/stunnel4/conf.d/one.conf': stunnel,
    'lib/systemd/app.timer': unit,
    'lib/systemd/app@.service': unit,
    'lib/systemd/app.service.d/10-limits.conf': unit,
    'security/limits.conf': limits,
    'security/limits.d/90-nofile.conf': limits,
    'other/app.conf': stunnel,
    'other/README.md': stunnel,
  });
  const r = run(['--format', 'json', '.'], { cwd: dir });
  assert.deepEqual(briefs(r.stdout), [
    'lib/systemd/app.service.d/10-limits.conf systemd/syntax-error@1:1',
    'lib/systemd/app.timer systemd/syntax-error@1:1',
    'lib/systemd/app@.service systemd/syntax-error@1:1',
    'opt/stunnel/tunnels.conf stunnel/syntax-error@1:1',
    'opt/stunnel4/conf.d/one.conf stunnel/syntax-error@1:1',
    'security/limits.conf limits/syntax-error@1:1',
    'security/limits.d/90-nofile.conf limits/syntax-error@1:1',
    'stunnel-edge.conf stunnel/syntax-error@1:1',
  ]);
  assert.equal(r.stderr, '8 files, 8 errors, 0 warnings\n');
});

test('a file named explicitly is linted whatever its name, its language guessed from its content', (t) => {
  const dir = makeTree(t, {
    'unit.txt': '[Service]\nType=sometimes\n',
    'limits.txt': '# limits\n@staff hard nofile\n',
    'tunnel.txt': 'fooBar = 1\n',
  });
  const r = run(['--format', 'json', 'unit.txt', 'limits.txt', 'tunnel.txt'], { cwd: dir });
  assert.deepEqual(briefs(r.stdout), ['limits.txt limits/syntax-error@2:1', 'tunnel.txt stunnel/unknown-option@1:1', 'unit.txt systemd/invalid-value@2:6']);
});

test('several paths, a file given twice and a directory inside another: each file once', (t) => {
  const dir = makeTree(t, SITE);
  const r = run(['--format', 'json', 'etc/stunnel', 'etc', 'etc/stunnel/stunnel.conf'], { cwd: dir });
  assert.deepEqual(briefs(r.stdout), SITE_BRIEFS);
  assert.equal(r.stderr, '4 files, 3 errors, 3 warnings\n');
});

test('files outside the working directory are shown with their absolute path', (t) => {
  const dir = makeTree(t, { 'a/stunnel.conf': 'fooBar = 1\n', 'b/x': '' });
  const r = run(['--format', 'json', path.join(dir, 'a')], { cwd: path.join(dir, 'b') });
  assert.deepEqual(briefs(r.stdout), [`${path.join(dir, 'a', 'stunnel.conf')} stunnel/unknown-option@1:1`]);
});

test('a path that does not exist: one line on stderr, exit 2, nothing linted', (t) => {
  const dir = makeTree(t, SITE);
  const r = run(['etc', 'nope', 'gone.conf'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'daemonlint: no such file or directory: nope, gone.conf\n');
});

test('an unreadable file given is a finding, not a crash, and fails the run with exit 2', () => {
  // /proc/self/mem is a regular file whose read fails with EIO, even for root.
  const r = run(['--format', 'json', '/proc/self/mem']);
  assert.equal(r.code, 2);
  const [f] = JSON.parse(r.stdout);
  assert.deepEqual(
    { file: f.file, rule: f.rule, severity: f.severity, line: f.line, column: f.column, message: f.message },
    { file: '/proc/self/mem', rule: 'daemonlint/unreadable-file', severity: 'error', line: 1, column: 1, message: 'Cannot read the file: EIO: i/o error, read.' },
  );
  assert.equal(r.stderr, 'daemonlint: /proc/self/mem: cannot read the file: EIO: i/o error, read\n1 file, 1 error, 0 warnings\n');
});

test('a path that is neither a file nor a directory is reported and skipped; the rest is linted; exit 2', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'fooBar = 1\n' });
  const r = run(['--format', 'json', '/dev/null', 'stunnel.conf'], { cwd: dir });
  assert.deepEqual(briefs(r.stdout), ['stunnel.conf stunnel/unknown-option@1:1']);
  assert.equal(r.stderr, 'daemonlint: /dev/null: not a regular file or directory\n1 file, 1 error, 0 warnings\n');
  assert.equal(r.code, 2);
});

test('a path that cannot be used (a link loop, /dev/null, /dev/stdin) fails the run with exit 2, even when nothing else is wrong', (t) => {
  const dir = makeTree(t, { 'self.service': { symlink: 'self.service' }, 'stunnel.conf': 'pid = /run/stunnel.pid\n' });
  assert.deepEqual(run(['self.service', 'stunnel.conf', '/dev/null'], { cwd: dir }), {
    code: 2,
    stdout: '',
    stderr: 'daemonlint: self.service: too many levels of symbolic links\ndaemonlint: /dev/null: not a regular file or directory\n1 file, 0 errors, 0 warnings\n',
  });
  // Standard input is a pipe here, not a file.
  assert.deepEqual(run(['/dev/stdin'], { cwd: dir }), { code: 2, stdout: '', stderr: 'daemonlint: /dev/stdin: not a regular file or directory\n0 files, 0 errors, 0 warnings\n' });
});

test('a masked unit (a link to /dev/null) named on the command line is skipped, as when walking its folder', (t) => {
  // /lib/systemd/system/*.service on Debian holds several such links (rc.service, hwclock.service).
  const dir = makeTree(t, { 'rc.service': { symlink: '/dev/null' }, 'a.service': '[Service]\nExecStart=/bin/true\n' });
  assert.deepEqual(run(['rc.service', 'a.service'], { cwd: dir }), { code: 0, stdout: '', stderr: 'daemonlint: rc.service: masked (a link to /dev/null), not linted\n1 file, 0 errors, 0 warnings\n' });
  assert.deepEqual(run(['.'], { cwd: dir }), { code: 0, stdout: '', stderr: '1 file, 0 errors, 0 warnings\n' });
});

test('files the configs refer to are read from disk: a missing certificate in a filesystem image', (t) => {
  // A tree holding etc/ is a filesystem image: its configs are checked against the files in it.
  const dir = makeTree(t, {
    'etc/stunnel/stunnel.conf': '[web]\naccept = 443\nconnect = 80\ncert = /etc/stunnel/web.pem\nCAfile = /etc/stunnel/ca.pem\n',
    'etc/stunnel/web.pem': 'not really a certificate\n',
  });
  const r = run(['--format', 'json', '--rule', 'stunnel/missing-file=error'], { cwd: dir });
  assert.deepEqual(briefs(r.stdout), ['etc/stunnel/stunnel.conf stunnel/missing-file@5:10']);
  assert.match(JSON.parse(r.stdout)[0].message, /^CAfile = \/etc\/stunnel\/ca\.pem: no such file on this machine/);
});
