// Suppression comments: what they silence, and how a comment that silences nothing is reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, briefs, core, lint } from '../helpers.mjs';

const U = '/etc/systemd/system/app.service';
const C = '/etc/stunnel/stunnel.conf';
const L = '/etc/security/limits.conf';

/** A service stunnel accepts as it is: TLS on 4443 with a certificate, to a local port. */
const SERVICE = '[a]\naccept = 127.0.0.1:4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n';

const unit = (body) => ({ [U]: `[Unit]\n${body}[Service]\nExecStart=/bin/true\n` });

test('next-line silences the named rule on the next line only', () => {
  const files = unit('# daemonlint-disable-next-line systemd/obsolete-dependency\nAfter=syslog.target\nBefore=syslog.target\n');
  assert.deepEqual(briefs(lint(files)), ['systemd/obsolete-dependency@4:8-4:21']);
});

test('next-line skips comment lines and covers continuation lines', () => {
  const files = unit('# daemonlint-disable-next-line systemd/obsolete-dependency\n# why: old hosts\nAfter=network.target \\\n  syslog.target\n');
  assert.deepEqual(briefs(lint(files)), []);
});

test('a rule the directive does not name is still reported', () => {
  const files = unit('# daemonlint-disable-next-line systemd/unknown-directive\nAfter=syslog.target\n');
  assert.deepEqual(briefs(lint(files)), ['daemonlint/unused-suppression@2:32-2:57', 'systemd/obsolete-dependency@3:7-3:20']);
});

test('a file directive silences the rule everywhere, and a reason after -- is ignored', () => {
  const files = { [C]: `# daemonlint-disable-file stunnel/deprecated-option -- fleet still runs 5.44\nsslVersion = TLSv1.2\n${SERVICE}sslVersion = TLSv1.3\n` };
  assert.deepEqual(briefs(lint(files)), []);
});

test('an unused rule id is a hint on the id, tagged unnecessary, whose fix removes the comment', () => {
  const files = unit('# daemonlint-disable-next-line systemd/obsolete-dependency\nAfter=network.target\n');
  const [f] = lint(files);
  assert.deepEqual(briefs([f]), ['daemonlint/unused-suppression@2:32-2:59']);
  assert.equal(f.severity, 'hint');
  assert.deepEqual(f.tags, ['unnecessary']);
  assert.equal(f.message, 'Nothing to suppress: systemd/obsolete-dependency reports nothing on line 3. Remove it so the comment does not hide a future finding.');
  assert.deepEqual(f.fixes.map((x) => [x.title, x.preferred]), [['Remove the suppression comment', true]]);
  const fixed = applyFix(files[U], f.fixes[0], core.pathToUri(U));
  assert.equal(fixed, '[Unit]\nAfter=network.target\n[Service]\nExecStart=/bin/true\n');
  assert.deepEqual(briefs(lint({ [U]: fixed })), []);
});

test('of several ids only the unused one is removed', () => {
  const files = unit('# daemonlint-disable-next-line systemd/unknown-directive, systemd/obsolete-dependency\nAfter=syslog.target\n');
  const [f] = lint(files);
  assert.equal(f.fixes[0].title, "Remove 'systemd/unknown-directive' from the suppression comment");
  const fixed = applyFix(files[U], f.fixes[0], core.pathToUri(U));
  assert.equal(fixed, '[Unit]\n# daemonlint-disable-next-line systemd/obsolete-dependency\nAfter=syslog.target\n[Service]\nExecStart=/bin/true\n');
  assert.deepEqual(briefs(lint({ [U]: fixed })), []);
  const last = unit('# daemonlint-disable-next-line systemd/obsolete-dependency, systemd/unknown-directive -- x\nAfter=syslog.target\n');
  const g = lint(last)[0];
  assert.equal(applyFix(last[U], g.fixes[0], core.pathToUri(U)), unit('# daemonlint-disable-next-line systemd/obsolete-dependency -- x\nAfter=syslog.target\n')[U]);
});

test('an id that is not a rule gets a did-you-mean, and no preferred fix', () => {
  const files = unit('# daemonlint-disable-next-line systemd/obsolete-dependecy\nAfter=syslog.target\n');
  const f = lint(files);
  assert.deepEqual(briefs(f), ['daemonlint/unused-suppression@2:32-2:58', 'systemd/obsolete-dependency@3:7-3:20']);
  assert.equal(f[0].message, "'systemd/obsolete-dependecy' is not a Daemonlint rule, so this suppression does nothing. Did you mean 'systemd/obsolete-dependency'?");
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred]), [["Change to 'systemd/obsolete-dependency'", false], ['Remove the suppression comment', false]]);
  assert.deepEqual(briefs(lint({ [U]: applyFix(files[U], f[0].fixes[0], core.pathToUri(U)) })), []);
});

test('a rule of another dialect, and a directive that names no rule', () => {
  const f = lint({ [C]: `# daemonlint-disable-file systemd/obsolete-dependency\n; daemonlint-disable-next-line\nforeground = yes\n${SERVICE}` });
  assert.deepEqual(briefs(f), ['daemonlint/unused-suppression@1:27-1:54', 'daemonlint/unused-suppression@2:3-2:31']);
  assert.equal(f[0].message, "'systemd/obsolete-dependency' checks systemd-unit files, not stunnel files, so this suppression does nothing.");
  assert.equal(f[1].message, 'daemonlint-disable-next-line names no rule, so it suppresses nothing. List the rule ids to silence, separated by commas.');
});

test('limits.conf: a directive above the line', () => {
  assert.deepEqual(briefs(lint({ [L]: '# daemonlint-disable-next-line limits/syntax-error\n* soft nofile\n* hard nofile\n' })), ['limits/syntax-error@3:1-3:14']);
});

test('rules switched off in settings leave their suppressions alone; the check itself can be switched off', () => {
  const files = unit('# daemonlint-disable-next-line systemd/obsolete-dependency\nAfter=network.target\n');
  assert.deepEqual(briefs(lint(files, { settings: { rules: { 'systemd/obsolete-dependency': 'off' } } })), []);
  assert.deepEqual(briefs(lint(files, { settings: { rules: { 'daemonlint/unused-suppression': 'off' } } })), []);
  const w = lint(files, { settings: { rules: { 'daemonlint/unused-suppression': 'warning' } } });
  assert.equal(w[0].severity, 'warning');
  assert.deepEqual(briefs(lint({ [U]: '# daemonlint-disable-file daemonlint/unused-suppression\n' + files[U] })), []);
});

test('suppression actions: on this line (above the entry) and in this file', () => {
  const text = '[Unit]\nAfter=network.target \\\n  syslog.target\n[Service]\nExecStart=/bin/true\n';
  const ws = new core.Workspace();
  const uri = core.pathToUri(U);
  ws.set(uri, text);
  const finding = core.lintFile(ws, uri, core.resolveSettings({}))[0];
  const [line, file] = core.suppressionFixes(ws.get(uri), finding);
  assert.deepEqual([line.title, line.preferred, file.title], ['Suppress systemd/obsolete-dependency on this line', false, 'Suppress systemd/obsolete-dependency in this file']);
  const a = applyFix(text, line, uri);
  assert.equal(a, '[Unit]\n# daemonlint-disable-next-line systemd/obsolete-dependency\nAfter=network.target \\\n  syslog.target\n[Service]\nExecStart=/bin/true\n');
  assert.deepEqual(briefs(lint({ [U]: a })), []);
  const b = applyFix(text, file, uri);
  assert.equal(b, '# daemonlint-disable-file systemd/obsolete-dependency\n' + text);
  assert.deepEqual(briefs(lint({ [U]: b })), []);
});

test('suppression actions extend an existing directive', () => {
  const text = '[Unit]\n  # daemonlint-disable-next-line systemd/unknown-directive -- typo kept\n  After=syslog.target\n';
  const ws = new core.Workspace();
  const uri = core.pathToUri(U);
  ws.set(uri, text);
  const finding = core.lintFile(ws, uri, core.resolveSettings({})).find((f) => f.rule === 'systemd/obsolete-dependency');
  const [line] = core.suppressionFixes(ws.get(uri), finding);
  assert.equal(applyFix(text, line, uri), '[Unit]\n  # daemonlint-disable-next-line systemd/unknown-directive, systemd/obsolete-dependency -- typo kept\n  After=syslog.target\n');
});

test('CRLF files keep CRLF when a directive is inserted or removed', () => {
  const text = '[Unit]\r\nAfter=syslog.target\r\n[Service]\r\nExecStart=/bin/true\r\n';
  const ws = new core.Workspace();
  const uri = core.pathToUri(U);
  ws.set(uri, text);
  const finding = core.lintFile(ws, uri, core.resolveSettings({}))[0];
  const fixed = applyFix(text, core.suppressionFixes(ws.get(uri), finding)[0], uri);
  assert.equal(fixed, '[Unit]\r\n# daemonlint-disable-next-line systemd/obsolete-dependency\r\nAfter=syslog.target\r\n[Service]\r\nExecStart=/bin/true\r\n');
  const stale = '[Unit]\r\n# daemonlint-disable-next-line systemd/obsolete-dependency\r\nAfter=network.target\r\n[Service]\r\nExecStart=/bin/true\r\n';
  const f = lint({ [U]: stale })[0];
  assert.equal(applyFix(stale, f.fixes[0], uri), '[Unit]\r\nAfter=network.target\r\n[Service]\r\nExecStart=/bin/true\r\n');
});

test('a rule that also checks another dialect can be suppressed there', () => {
  const f = lint({ [C]: `# daemonlint-disable-file systemd/missing-limit-nofile\nforeground = yes\n${SERVICE}` });
  assert.deepEqual(briefs(f), ['daemonlint/unused-suppression@1:27-1:55']);
  assert.equal(f[0].message, 'Nothing to suppress: systemd/missing-limit-nofile reports nothing in this file. Remove it so the comment does not hide a future finding.');
});
