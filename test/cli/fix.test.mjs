// --fix and --fix-dry-run: safe (preferred) fixes applied in passes, files without a fix never
// touched, the dry run as a unified diff that `git apply` accepts, and a round trip on examples/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { makeTree, ROOT, run, SITE, snapshot } from './cli-helpers.mjs';

const require = createRequire(import.meta.url);
const core = require('../../dist/core.js');

const SITE_DIFF = `--- a/etc/stunnel/stunnel.conf
+++ b/etc/stunnel/stunnel.conf
@@ -1,5 +1,4 @@
 pid = /run/stunnel.pid
-sslVersion = all
 
 [web]
 accept = 443
--- a/etc/systemd/system/stunnel.service
+++ b/etc/systemd/system/stunnel.service
@@ -1,7 +1,8 @@
 [Unit]
-After=syslog.target network.target
+After=network.target
 
 [Service]
 Type=forking
+PIDFile=/run/stunnel.pid
 ExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf
 LimitNOFILE=4096
`;

test('--fix-dry-run prints the fixes as a unified diff and changes nothing', (t) => {
  const dir = makeTree(t, SITE);
  const before = snapshot(dir);
  const r = run(['--fix-dry-run'], { cwd: dir });
  assert.equal(r.stdout, SITE_DIFF);
  assert.equal(r.stderr, '4 files, 3 errors, 0 warnings; 3 problems fixable in 2 files\n');
  // The exit code is the one --fix would give: the errors have no safe fix.
  assert.equal(r.code, 1);
  assert.deepEqual(snapshot(dir), before);
});

test('--fix applies the safe fixes in place, reports what is left, touches no other file', (t) => {
  const dir = makeTree(t, SITE);
  const before = snapshot(dir);
  const r = run(['--fix'], { cwd: dir });
  assert.equal(
    r.stdout,
    [
      "etc/security/limits.conf:1:1: error limits/syntax-error Expected four fields 'domain type item value' but found 3; pam_limits skips this line.",
      'etc/stunnel/stunnel.conf:6:1: error stunnel/unknown-option Unknown stunnel option \'fooBar\': stunnel stops with "Specified option name is not valid here" and does not start.',
      "etc/systemd/system/stunnel.service.d/override.conf:2:9: error systemd/invalid-value 'sometimes' is not a valid value for Restart=: expected one of no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always. systemd ignores the line.",
    ].join('\n') + '\n',
  );
  assert.equal(r.stderr, '4 files, 3 errors, 0 warnings; fixed 3 problems in 2 files\n');
  assert.equal(r.code, 1);
  const after = snapshot(dir);
  assert.equal(after['etc/stunnel/stunnel.conf'].text, 'pid = /run/stunnel.pid\n\n[web]\naccept = 443\nconnect = 80\nfooBar = 1\n');
  assert.equal(after['etc/systemd/system/stunnel.service'].text, '[Unit]\nAfter=network.target\n\n[Service]\nType=forking\nPIDFile=/run/stunnel.pid\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\n');
  // Files with findings but no fix, and files with no findings, keep their bytes and their mtime.
  for (const f of ['etc/security/limits.conf', 'etc/systemd/system/stunnel.service.d/override.conf', 'node_modules/x/stunnel.conf', 'notes.txt']) {
    assert.deepEqual(after[f], before[f], f);
  }
  // Nothing is left to fix: a second run writes nothing.
  const again = run(['--fix', '--format', 'json'], { cwd: dir });
  assert.equal(again.stderr, '4 files, 3 errors, 0 warnings; fixed 0 problems in 0 files\n');
  assert.deepEqual(snapshot(dir), after);
});

test('fixes that touch the same line land in successive passes; CRLF line ends are kept', (t) => {
  // Both fixes insert after Type=forking: one pass takes one, the next pass the other.
  const dir = makeTree(t, {
    'stunnel.conf': 'pid = /run/stunnel.pid\n',
    'stunnel.service': '[Service]\r\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\r\nType=forking\r\n',
  });
  const r = run(['--fix'], { cwd: dir });
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '2 files, 0 errors, 0 warnings; fixed 2 problems in 1 file\n']);
  assert.equal(
    fs.readFileSync(path.join(dir, 'stunnel.service'), 'utf8'),
    '[Service]\r\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\r\nType=forking\r\nPIDFile=/run/stunnel.pid\r\nLimitNOFILE=65536\r\n',
  );
});

test('--fix --format json reports the findings left after fixing', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'sslVersion = all\nfooBar = 1\n' });
  const r = run(['--fix', '--format', 'json'], { cwd: dir });
  assert.deepEqual(JSON.parse(r.stdout).map((f) => `${f.rule}@${f.line}:${f.column}`), ['stunnel/unknown-option@1:1']);
  assert.equal(fs.readFileSync(path.join(dir, 'stunnel.conf'), 'utf8'), 'fooBar = 1\n');
});

test('a dry-run diff without a final newline marks it as diff -u does', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'fips = no\nsslVersion = all' });
  assert.equal(
    run(['--fix-dry-run'], { cwd: dir }).stdout,
    '--- a/stunnel.conf\n+++ b/stunnel.conf\n@@ -1,2 +1 @@\n fips = no\n-sslVersion = all\n\\ No newline at end of file\n',
  );
});

function copyExamples(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonlint-examples-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  return dir;
}

test('round trip on a copy of examples/: --fix leaves only findings without a safe fix', (t) => {
  const dir = copyExamples(t);
  const pristine = snapshot(dir);
  const before = JSON.parse(run(['--format', 'json', 'examples'], { cwd: dir }).stdout);
  const fixable = before.filter((f) => f.fixes.some((x) => x.preferred && x.changes.length === 1));
  assert.ok(fixable.length >= 5, `examples/ has ${fixable.length} safely fixable findings`);

  // The dry run's diff, applied by git to a second copy, must give what --fix writes.
  const diff = run(['--fix-dry-run', 'examples'], { cwd: dir }).stdout;
  const other = copyExamples(t);
  const apply = spawnSync('git', ['apply', '-'], { cwd: other, input: diff, encoding: 'utf8' });
  assert.equal(apply.status, 0, apply.stderr);
  assert.deepEqual(snapshot(dir), pristine, 'the dry run wrote nothing');

  const fixed = run(['--fix', '--format', 'json', 'examples'], { cwd: dir });
  const left = JSON.parse(fixed.stdout);
  for (const f of left) assert.ok(!f.fixes.some((x) => x.preferred && x.changes.length === 1), `${f.file}:${f.line} ${f.rule} still has a safe fix`);
  const after = snapshot(dir);
  const applied = snapshot(other);
  for (const f of Object.keys(after)) assert.equal(after[f].text, applied[f].text, f);
  // Files without a fixable finding are untouched, to the mtime.
  const touched = new Set(fixable.map((f) => path.join(f.file)));
  for (const f of Object.keys(pristine)) if (!touched.has(f)) assert.deepEqual(after[f], pristine[f], f);
  assert.ok(Object.keys(pristine).some((f) => !touched.has(f)), 'some file has nothing to fix');
  // A second --fix finds nothing to do and writes nothing.
  assert.equal(run(['--fix-dry-run', 'examples'], { cwd: dir }).stdout, '');
  run(['--fix', 'examples'], { cwd: dir });
  assert.deepEqual(snapshot(dir), after);
  // The seed unit before the fix now has its fd limit and its pid file.
  assert.match(after['examples/seed/stunnel-before-fix.service'].text, /\nLimitNOFILE=\d+\n/);
  assert.match(after['examples/seed/stunnel-before-fix.service'].text, /\nPIDFile=\/\S+\n/);
  assert.doesNotMatch(after['examples/seed/stunnel-before-fix.service'].text, /syslog\.target/);
});

test('applyEdits and fixAllEdits (core): edits in original positions; overlapping fixes and new files wait for the next pass', () => {
  const pos = (line, character) => ({ line, character });
  const edit = (l1, c1, l2, c2, newText) => ({ range: { start: pos(l1, c1), end: pos(l2, c2) }, newText });
  assert.equal(core.applyEdits('a\nb\r\nc', [edit(2, 0, 2, 1, 'C'), edit(0, 0, 0, 0, '>'), edit(1, 0, 2, 0, '')]), '>a\nC');
  // Insertions at one point apply in the order given; a character past the line end clamps to it.
  assert.equal(core.applyEdits('ab\n', [edit(0, 9, 0, 9, '1'), edit(0, 2, 0, 2, '2')]), 'ab12\n');
  assert.throws(() => core.applyEdits('abc', [edit(0, 0, 0, 2, 'x'), edit(0, 1, 0, 3, 'y')]), core.OverlappingEditsError);

  const uri = 'file:///x/stunnel.conf';
  const finding = (line, fixes) => ({ uri, rule: 'r', severity: 'warning', range: { start: pos(line, 0), end: pos(line, 1) }, message: '', fixes, related: [] });
  const fix = (edits, extra = {}) => ({ title: 't', preferred: true, changes: [{ uri, edits }], ...extra });
  const a = edit(0, 0, 0, 1, 'A');
  const b = edit(0, 1, 0, 2, 'B'); // touches a: left for the next pass
  const c = edit(2, 0, 2, 1, 'C');
  const notPreferred = edit(3, 0, 3, 1, 'N');
  const otherFile = { title: 't', preferred: true, changes: [{ uri: 'file:///x/other.conf', edits: [edit(0, 0, 0, 0, 'O')] }] };
  const create = { title: 't', preferred: true, changes: [{ uri: 'file:///x/u.service.d/limits.conf', create: true, edits: [edit(0, 0, 0, 0, '[Service]\n')] }] };
  const findings = [finding(0, [fix([a])]), finding(0, [fix([b])]), finding(2, [fix([notPreferred], { preferred: false }), fix([c])]), finding(3, [fix([notPreferred], { preferred: false })]), finding(4, [otherFile]), finding(5, [create]), finding(6, [create])];
  const changes = core.fixAllEdits(findings);
  assert.deepEqual(
    changes.map((x) => [x.uri, x.edits.map((e) => e.newText).join(','), x.create === true, x.fixed.map((f) => f.range.start.line).join(',')]),
    [[uri, 'A,C', false, '0,2']],
  );
  // A new file waits for a pass with nothing else to fix (an edit to the unit can make it unneeded).
  assert.deepEqual(
    core.fixAllEdits([finding(5, [create]), finding(6, [create])]).map((x) => [x.uri, x.edits.map((e) => e.newText).join(','), x.create === true, x.fixed.map((f) => f.range.start.line).join(',')]),
    [['file:///x/u.service.d/limits.conf', '[Service]\n', true, '5']],
  );
});

test('a dry-run diff quotes a file name with control characters as git does, and git apply takes it', (t) => {
  const name = 'stunnel\x1b[2J\t"q\\.conf';
  const dir = makeTree(t, { [name]: 'sslVersion = all\npid = /run/stunnel.pid\n' });
  const r = run(['--fix-dry-run'], { cwd: dir });
  const quoted = (side) => `"${side}/stunnel\\033[2J\\t\\"q\\\\.conf"`;
  assert.equal(r.stdout, `--- ${quoted('a')}\n+++ ${quoted('b')}\n@@ -1,2 +1 @@\n-sslVersion = all\n pid = /run/stunnel.pid\n`);
  const apply = spawnSync('git', ['apply', '-'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
  assert.equal(apply.status, 0, apply.stderr);
  assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), 'pid = /run/stunnel.pid\n');
});

test('a UTF-8 byte order mark: positions count without it; --fix and --fix-dry-run keep it', (t) => {
  const BOM = '\uFEFF';
  const text = `${BOM}sslVersion = all\n[svc]\naccept = 1\nconnect = 2\ncert = /x\n`;
  const dir = makeTree(t, { 'stunnel.conf': text });
  const lint = run(['--format', 'json'], { cwd: dir });
  assert.deepEqual(
    JSON.parse(lint.stdout).map((f) => [f.rule, f.line, f.column, f.endLine, f.endColumn, f.fixes[0].changes[0].edits]),
    [['stunnel/deprecated-option', 1, 1, 1, 17, [{ line: 1, column: 1, endLine: 2, endColumn: 1, text: '' }]]],
  );
  const dry = run(['--fix-dry-run'], { cwd: dir });
  assert.equal(dry.stdout, `--- a/stunnel.conf\n+++ b/stunnel.conf\n@@ -1,5 +1,4 @@\n-${BOM}sslVersion = all\n-[svc]\n+${BOM}[svc]\n accept = 1\n connect = 2\n cert = /x\n`);
  assert.equal(dry.stderr, '1 file, 0 errors, 0 warnings; 1 problem fixable in 1 file\n');
  // The diff matches the bytes on disk.
  const check = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: dry.stdout, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'stunnel.conf'), 'utf8'), text);
  assert.deepEqual(run(['--fix'], { cwd: dir }), { code: 0, stdout: '', stderr: '1 file, 0 errors, 0 warnings; fixed 1 problem in 1 file\n' });
  assert.equal(fs.readFileSync(path.join(dir, 'stunnel.conf'), 'utf8'), `${BOM}[svc]\naccept = 1\nconnect = 2\ncert = /x\n`);
});

test('limits.conf keeps its byte-order mark for the core: limits/byte-order-mark, and --fix removes it', (t) => {
  // pam_limits reads the mark as part of the first domain; systemd and stunnel skip it (test above).
  const BOM = '\uFEFF';
  const dir = makeTree(t, { 'limits.conf': `${BOM}* soft nofile 4096 # everyone\n` }, { rc: false });
  const lint = run(['--format', 'json'], { cwd: dir });
  assert.deepEqual(
    JSON.parse(lint.stdout).map((f) => [f.rule, f.severity, f.line, f.column, f.endLine, f.endColumn, f.fixes.map((x) => x.title)]),
    [['limits/byte-order-mark', 'warning', 1, 1, 1, 2, ['Remove the byte-order mark']]],
  );
  assert.match(JSON.parse(lint.stdout)[0].message, /^The file starts with a byte-order mark, which pam_limits does not skip: it reads the mark as part of this line's domain \(the mark and '\*' rather than '\*'\)/);
  assert.deepEqual(run(['--fix'], { cwd: dir }), { code: 0, stdout: '', stderr: '1 file, 0 errors, 0 warnings; fixed 1 problem in 1 file\n' });
  assert.equal(fs.readFileSync(path.join(dir, 'limits.conf'), 'utf8'), '* soft nofile 4096 # everyone\n');
  // From standard input too.
  const piped = run(['--stdin', '--stdin-filename', 'limits.conf'], { cwd: dir, input: `${BOM}# limits\n` });
  assert.match(piped.stdout, /^limits\.conf:1:1: warning limits\/byte-order-mark .*as a field of the first line, logs 'invalid line' and skips it/);
});

test('a dry-run diff of a file outside the working directory names it a/tmp/..., and git apply takes it from /', (t) => {
  // Reported by a new user: the header read a//tmp/..., which git apply rejects as an invalid path.
  const dir = makeTree(t, { 'stunnel.conf': 'sslVersion = all\n[svc]\naccept = 1\nconnect = 2\ncert = /x\n' });
  const file = path.join(dir, 'stunnel.conf');
  const dry = run(['--fix-dry-run', file], { cwd: ROOT });
  const name = file.slice(1);
  assert.equal(dry.stdout.split('\n').slice(0, 2).join('\n'), `--- a/${name}\n+++ b/${name}`);
  const check = spawnSync('git', ['apply', '--check', '-'], { cwd: '/', input: dry.stdout, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

test('a dry-run diff of a file whose path has a blank: the name ends with a tab, and both git apply and patch -p1 take it', (t) => {
  const dir = makeTree(t, { 'my dir/a.service': '[Service]\nExecStart=/bin/true\nMemoryLimit=1\n' }, { rc: false });
  const r = run(['--fix-dry-run', '.'], { cwd: dir });
  assert.equal(r.stdout.split('\n').slice(0, 2).join('\n'), '--- a/my dir/a.service\t\n+++ b/my dir/a.service\t');
  const check = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const patched = spawnSync('patch', ['-p1'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
  assert.equal(patched.status, 0, patched.stdout + patched.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'my dir/a.service'), 'utf8'), '[Service]\nExecStart=/bin/true\nMemoryMax=1\n');
});
