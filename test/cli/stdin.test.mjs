// --stdin: lint standard input under --stdin-filename (or <stdin>), with PATH arguments as its
// context; --fix prints the fixed text, --fix-dry-run the diff.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { briefs, makeTree, run, SITE, snapshot } from './cli-helpers.mjs';

test('--stdin --stdin-filename: the name picks the language and is the reported file', (t) => {
  const dir = makeTree(t, {});
  const r = run(['--stdin', '--stdin-filename', 'etc/stunnel/stunnel.conf', '--format', 'json'], { cwd: dir, input: 'sslVersion = all\nfooBar = 1\n' });
  assert.deepEqual(briefs(r.stdout), ['etc/stunnel/stunnel.conf stunnel/deprecated-option@1:1', 'etc/stunnel/stunnel.conf stunnel/unknown-option@2:1']);
  assert.equal(r.stderr, '1 file, 1 error, 1 warning\n');
  assert.equal(r.code, 1);
  // Nothing was read from or written to disk under that name.
  assert.equal(fs.existsSync(path.join(dir, 'etc')), false);
});

test('--stdin without a name: reported as <stdin>, the language guessed from the content', (t) => {
  const dir = makeTree(t, {});
  const unit = run(['--stdin'], { cwd: dir, input: '[Service]\nRestart=sometimes\n' });
  assert.equal(
    unit.stdout,
    "<stdin>:2:9: error systemd/invalid-value 'sometimes' is not a valid value for Restart=: expected one of no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always. systemd ignores the line.\n",
  );
  assert.equal(unit.code, 1);
  const limits = run(['--stdin', '--format', 'json'], { cwd: dir, input: '*  soft  nofile\n' });
  assert.deepEqual(briefs(limits.stdout), ['<stdin> limits/syntax-error@1:1']);
  const empty = run(['--stdin'], { cwd: dir, input: '' });
  assert.deepEqual([empty.code, empty.stdout, empty.stderr], [0, '', '1 file, 0 errors, 0 warnings\n']);
});

test('--stdin with PATHs: the files are context for cross-file rules; only standard input is reported', (t) => {
  const dir = makeTree(t, SITE);
  const unit = fs.readFileSync(path.join(dir, 'etc/systemd/system/stunnel.service'), 'utf8');
  const r = run(['--stdin', '--stdin-filename', 'etc/systemd/system/stunnel.service', '--format', 'json', 'etc'], { cwd: dir, input: unit });
  const findings = JSON.parse(r.stdout);
  assert.deepEqual(briefs(r.stdout), ['etc/systemd/system/stunnel.service systemd/obsolete-dependency@2:7', 'etc/systemd/system/stunnel.service systemd/forking-without-pidfile@5:6']);
  // The pid file comes from the stunnel config on disk, which the unit starts.
  assert.match(findings[1].message, /writes its pid to \/run\/stunnel\.pid/);
  assert.equal(r.stderr, '1 file, 0 errors, 2 warnings\n');
  // Standard input replaces the file of the same name: its text is what is linted.
  const edited = run(['--stdin', '--stdin-filename', 'etc/systemd/system/stunnel.service', '--format', 'json', 'etc'], { cwd: dir, input: '[Unit]\nDescription=x\n' });
  assert.deepEqual(JSON.parse(edited.stdout), []);
});

test('--stdin --fix prints the fixed text; --fix-dry-run the diff; no file is written', (t) => {
  const dir = makeTree(t, SITE);
  const before = snapshot(dir);
  const input = '[Unit]\nAfter=syslog.target\n\n[Service]\nType=forking\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\n';
  const args = ['--stdin', '--stdin-filename', 'etc/systemd/system/other.service', 'etc'];
  const fixed = run([...args, '--fix'], { cwd: dir, input });
  assert.equal(fixed.stdout, '[Unit]\n\n[Service]\nType=forking\nPIDFile=/run/stunnel.pid\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n');
  assert.equal(fixed.stderr, '1 file, 0 errors, 0 warnings; fixed 3 problems in 1 file\n');
  assert.equal(fixed.code, 0);
  const dry = run([...args, '--fix-dry-run'], { cwd: dir, input });
  assert.equal(
    dry.stdout,
    '--- a/etc/systemd/system/other.service\n+++ b/etc/systemd/system/other.service\n@@ -1,6 +1,7 @@\n [Unit]\n-After=syslog.target\n \n [Service]\n Type=forking\n+PIDFile=/run/stunnel.pid\n ExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\n+LimitNOFILE=65536\n',
  );
  assert.equal(dry.stderr, '1 file, 0 errors, 0 warnings; 3 problems fixable in 1 file\n');
  // Text without a fix comes back unchanged.
  assert.equal(run(['--stdin', '--fix'], { cwd: dir, input: 'fooBar = 1\n' }).stdout, 'fooBar = 1\n');
  assert.deepEqual(snapshot(dir), before);
});

test('--stdin with --format sarif names the artifact by --stdin-filename', (t) => {
  const dir = makeTree(t, {});
  const r = run(['--stdin', '--stdin-filename', 'conf/stunnel.conf', '--format', 'sarif'], { cwd: dir, input: 'fooBar = 1\n' });
  const res = JSON.parse(r.stdout).runs[0].results;
  assert.deepEqual(res.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri]), [['stunnel/unknown-option', 'conf/stunnel.conf']]);
});

test('--stdin with a byte order mark: positions count without it; --fix and --fix-dry-run keep it', (t) => {
  const dir = makeTree(t, {});
  const input = '\uFEFFfooBar = 1\nsslVersion = all\n';
  assert.deepEqual(run(['--stdin', '--stdin-filename', 'stunnel.conf'], { cwd: dir, input }), {
    code: 1,
    stdout: [
      'stunnel.conf:1:1: error stunnel/unknown-option Unknown stunnel option \'fooBar\': stunnel stops with "Specified option name is not valid here" and does not start.',
      "stunnel.conf:2:1: warning stunnel/deprecated-option 'sslVersion' is deprecated since stunnel 5.45: use sslVersionMin / sslVersionMax instead. It still works, but later releases may drop it.",
    ].join('\n') + '\n',
    stderr: '1 file, 1 error, 1 warning\n',
  });
  assert.equal(run(['--stdin', '--fix'], { cwd: dir, input }).stdout, '\uFEFFfooBar = 1\n');
  assert.equal(run(['--stdin', '--fix-dry-run'], { cwd: dir, input }).stdout, '--- a/<stdin>\n+++ b/<stdin>\n@@ -1,2 +1 @@\n \uFEFFfooBar = 1\n-sslVersion = all\n');
  // Text without a fix comes back byte for byte, the mark included.
  assert.equal(run(['--stdin', '--fix'], { cwd: dir, input: '\uFEFFfooBar = 1\n' }).stdout, '\uFEFFfooBar = 1\n');
});
