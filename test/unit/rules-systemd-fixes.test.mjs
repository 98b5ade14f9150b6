// Fixes that add settings to a unit put them where they take effect (after an empty Key= that
// would reset them, in the unit or a drop-in read later); fixes that remove or replace settings
// leave no other line of the same key in force; fixes bring along what the line needs (PIDFile=
// with Type=forking, CAP_NET_BIND_SERVICE with DynamicUser=yes). Exact ranges and texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, briefs, core, lint } from '../helpers.mjs';

const UNIT = '/etc/systemd/system/stunnel.service';
const DROPIN = '/etc/systemd/system/stunnel.service.d/override.conf';
const CONF = '/etc/stunnel/stunnel.conf';
const SECURITY = { settings: { security: true } };

/** A fix as [title, preferred, [[path, create?, [[line, col, endLine, endCol, text], ...]], ...]] (0-based). */
function shape(fix) {
  return [fix.title, fix.preferred, fix.changes.map((c) => [core.uriToPath(c.uri), c.create === true, c.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText])])];
}

/** The files after every change of a fix. */
function applied(files, fix) {
  const next = { ...files };
  for (const c of fix.changes) next[core.uriToPath(c.uri)] = core.applyEdits(c.create ? '' : files[core.uriToPath(c.uri)], c.edits);
  return next;
}

/** Findings of some rules over every file of a workspace, as `path:rule@range`. */
function everywhere(files, rules, opts = {}) {
  return Object.keys(files).flatMap((p) => briefs(lint(files, { ...opts, target: p }).filter((f) => rules.includes(f.rule))).map((b) => `${p}:${b}`));
}

/** fix-all over one file until it stops; returns the text of each run. */
function fixAllRuns(files, path, settings = {}, runs = 3) {
  const texts = [];
  let cur = files;
  for (let i = 0; i < runs; i++) {
    const ws = new core.Workspace([], []);
    for (const [p, t] of Object.entries(cur)) ws.set(core.pathToUri(p), t);
    const r = core.fixAll(ws, core.pathToUri(path), core.resolveSettings(settings));
    texts.push(r?.text);
    if (r) cur = { ...cur, [path]: r.text };
  }
  return texts;
}

test('network-online-without-wants: Wants= goes after an empty Wants= below After= in the same drop-in', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/bin/true\n', [DROPIN]: '[Unit]\nAfter=network-online.target\nWants=\n' };
  const found = lint(files, { target: DROPIN });
  assert.deepEqual(briefs(found), ['systemd/network-online-without-wants@2:7-2:28']);
  assert.deepEqual(shape(found[0].fixes[0]), ['Add Wants=network-online.target', true, [[DROPIN, false, [[2, 6, 2, 6, '\nWants=network-online.target']]]]]);
  const next = applied(files, found[0].fixes[0]);
  assert.equal(next[DROPIN], '[Unit]\nAfter=network-online.target\nWants=\nWants=network-online.target\n');
  assert.deepEqual(briefs(lint(next, { target: DROPIN })), []);
  // fix-all settles after one pass instead of adding the line 64 times.
  assert.deepEqual(fixAllRuns(files, DROPIN), ['[Unit]\nAfter=network-online.target\nWants=\nWants=network-online.target\n', undefined, undefined]);
});

test('network-online-without-wants: with After= in the unit and the reset in a drop-in, the line goes into the drop-in', () => {
  const files = { [UNIT]: '[Unit]\nAfter=network-online.target\n[Service]\nExecStart=/bin/true\n', [DROPIN]: '[Unit]\nWants=\n' };
  const found = lint(files);
  assert.deepEqual(briefs(found), ['systemd/network-online-without-wants@2:7-2:28']);
  assert.deepEqual(shape(found[0].fixes[0]), ['Add Wants=network-online.target', true, [[DROPIN, false, [[1, 6, 1, 6, '\nWants=network-online.target']]]]]);
  assert.deepEqual(everywhere(applied(files, found[0].fixes[0]), ['systemd/network-online-without-wants']), []);
  // The edit is in another file: fix-all on the unit leaves it to the quick fix.
  assert.deepEqual(fixAllRuns(files, UNIT, {}, 1), [undefined]);
});

test('missing-limit-nofile: an empty LimitNOFILE= in a later [Service] is no reset (systemd rejects it): the line goes to the first [Service]', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\n[Service]\nLimitNOFILE=\n' };
  const found = lint(files);
  assert.deepEqual(briefs(found), ['systemd/missing-limit-nofile@1:1-1:10', 'systemd/invalid-value@4:13-4:13']);
  assert.deepEqual(found[0].fixes.map(shape), [
    ['Add LimitNOFILE=65536 to [Service]', true, [[UNIT, false, [[1, 52, 1, 52, '\nLimitNOFILE=65536']]]]],
    ['Create stunnel.service.d/limits.conf with LimitNOFILE=65536', false, [['/etc/systemd/system/stunnel.service.d/limits.conf', true, [[0, 0, 0, 0, '[Service]\nLimitNOFILE=65536\n']]]]],
  ]);
  const fixed = '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n[Service]\nLimitNOFILE=\n';
  assert.equal(applied(files, found[0].fixes[0])[UNIT], fixed);
  // The finding goes; the rejected empty line is still reported, as before the fix.
  assert.deepEqual(briefs(lint({ [UNIT]: fixed })), ['systemd/invalid-value@5:13-5:13']);
  assert.deepEqual(fixAllRuns(files, UNIT).slice(1), [undefined, undefined]);
});

test('missing-limit-nofile: an empty LimitNOFILE= in a drop-in does not undo the unit, so the unit gets the line', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\n', [DROPIN]: '[Service]\nLimitNOFILE=\n' };
  const found = lint(files).filter((f) => f.rule === 'systemd/missing-limit-nofile');
  assert.deepEqual(found[0].fixes.map(shape), [
    ['Add LimitNOFILE=65536 to [Service]', true, [[UNIT, false, [[1, 52, 1, 52, '\nLimitNOFILE=65536']]]]],
    ['Create stunnel.service.d/limits.conf with LimitNOFILE=65536', false, [['/etc/systemd/system/stunnel.service.d/limits.conf', true, [[0, 0, 0, 0, '[Service]\nLimitNOFILE=65536\n']]]]],
  ]);
  for (const fix of found[0].fixes) assert.deepEqual(everywhere(applied(files, fix), ['systemd/missing-limit-nofile']), []);
});

test('limits/ignored-by-services: an empty LimitNOFILE= in a drop-in is no reset: the fix creates limits.conf as without it', () => {
  const LIMITS = '/etc/security/limits.conf';
  const APP = '/etc/systemd/system/app.service';
  const APP_DROPIN = '/etc/systemd/system/app.service.d/override.conf';
  const files = { [LIMITS]: 'app soft nofile 65536\napp hard nofile 65536\n', [APP]: '[Service]\nExecStart=/bin/true\nUser=app\n', [APP_DROPIN]: '[Service]\nLimitNOFILE=\n' };
  const found = lint(files).filter((f) => f.rule === 'limits/ignored-by-services');
  assert.deepEqual(briefs(found), ['limits/ignored-by-services@1:1-1:22']);
  assert.deepEqual(found[0].fixes.map(shape), [['Create app.service.d/limits.conf with LimitNOFILE=65536', true, [['/etc/systemd/system/app.service.d/limits.conf', true, [[0, 0, 0, 0, '[Service]\nLimitNOFILE=65536\n']]]]]]);
  assert.deepEqual(everywhere(applied(files, found[0].fixes[0]), ['limits/ignored-by-services', 'systemd/missing-limit-nofile']), []);
  // With LimitNOFILE=4096 in the unit the empty line keeps nothing from counting: no finding at all.
  assert.deepEqual(briefs(lint({ ...files, [APP]: files[APP] + 'LimitNOFILE=4096\n' }).filter((f) => f.rule === 'limits/ignored-by-services')), []);
});

test('hardening: an empty NoNewPrivileges= in a drop-in is ignored, so NoNewPrivileges=yes in the unit stays in force', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nNoNewPrivileges=yes\n', [DROPIN]: '[Service]\nNoNewPrivileges=\n' };
  assert.deepEqual(briefs(lint(files, SECURITY).filter((f) => f.rule === 'systemd/hardening-no-new-privileges')), []);
  // A list key is reset by its empty line: RestrictAddressFamilies= in the drop-in undoes the unit's.
  const raf = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nRestrictAddressFamilies=AF_INET\n', [DROPIN]: '[Service]\nRestrictAddressFamilies=\n' };
  const found = lint(raf, SECURITY).filter((f) => f.rule === 'systemd/hardening-restrict-address-families');
  assert.deepEqual(briefs(found), ['systemd/hardening-restrict-address-families@1:1-1:10']);
  assert.deepEqual(shape(found[0].fixes[0]), ['Add RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6', true, [[DROPIN, false, [[1, 24, 1, 24, '\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6']]]]]);
});

test('hardening: a setting a drop-in resets is added after the reset, in the drop-in', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\n', [DROPIN]: '[Service]\nRestrictAddressFamilies=\n' };
  const found = lint(files, SECURITY).filter((f) => f.rule === 'systemd/hardening-restrict-address-families');
  assert.deepEqual(briefs(found), ['systemd/hardening-restrict-address-families@1:1-1:10']);
  assert.deepEqual(shape(found[0].fixes[0]), ['Add RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6', true, [[DROPIN, false, [[1, 24, 1, 24, '\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6']]]]]);
  // The block puts that one line into the drop-in too, the other 20 into the unit.
  const block = found[0].fixes[1];
  assert.equal(block.title, 'Add the hardening block (21 settings)');
  assert.deepEqual(block.changes.map((c) => [core.uriToPath(c.uri), c.edits.map((e) => e.newText.split('\n').length - 1)]), [[UNIT, [20]], [DROPIN, [1]]]);
  for (const fix of found[0].fixes) {
    assert.deepEqual(everywhere(applied(files, fix), ['systemd/hardening-restrict-address-families'], SECURITY), [], fix.title);
  }
});

test('privileged-port-without-capability: the capability goes after a later ~ list that would take it away', () => {
  const files = {
    [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nUser=stunnel4\nLimitNOFILE=65536\n',
    [DROPIN]: '[Service]\nAmbientCapabilities=~CAP_NET_BIND_SERVICE\n',
    [CONF]: 'foreground = yes\n[a]\naccept = 443\nconnect = 80\n',
  };
  const found = lint(files).filter((f) => f.rule === 'systemd/privileged-port-without-capability');
  assert.deepEqual(briefs(found), ['systemd/privileged-port-without-capability@3:6-3:14']);
  assert.deepEqual(shape(found[0].fixes[0]), ['Add AmbientCapabilities=CAP_NET_BIND_SERVICE', true, [[DROPIN, false, [[1, 41, 1, 41, '\nAmbientCapabilities=CAP_NET_BIND_SERVICE']]]]]);
  assert.deepEqual(everywhere(applied(files, found[0].fixes[0]), ['systemd/privileged-port-without-capability']), []);
});

test('stunnel/relative-path-under-systemd: WorkingDirectory= goes after a drop-in that resets it', () => {
  const files = {
    [CONF]: 'foreground = yes\n[a]\naccept = 8443\nconnect = 80\ncert = tls.pem\n',
    [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n',
    [DROPIN]: '[Service]\nWorkingDirectory=\n',
  };
  const found = lint(files).filter((f) => f.rule === 'stunnel/relative-path-under-systemd');
  assert.deepEqual(briefs(found), ['stunnel/relative-path-under-systemd@5:8-5:15']);
  assert.deepEqual(shape(found[0].fixes[1]), ['Add WorkingDirectory=/etc/stunnel to stunnel.service', false, [[DROPIN, false, [[1, 17, 1, 17, '\nWorkingDirectory=/etc/stunnel']]]]]);
  assert.deepEqual(everywhere(applied(files, found[0].fixes[1]), ['stunnel/relative-path-under-systemd']), []);
});

test('socket-accept-template: Remove Service= removes every Service= that would apply, across files', () => {
  const SOCKET = '/etc/systemd/system/x.socket';
  const SOCKET_DROPIN = '/etc/systemd/system/x.socket.d/override.conf';
  const files = { [SOCKET]: '[Socket]\nListenStream=1234\nAccept=yes\nService=a.service\n', [SOCKET_DROPIN]: '[Socket]\nService=b.service\n' };
  const found = lint(files, { target: SOCKET_DROPIN });
  assert.deepEqual(briefs(found), ['systemd/socket-accept-template@2:1-2:8']);
  assert.deepEqual(shape(found[0].fixes[0]), ['Remove Service=', true, [[SOCKET, false, [[3, 0, 4, 0, '']]], [SOCKET_DROPIN, false, [[1, 0, 2, 0, '']]]]]);
  const next = applied(files, found[0].fixes[0]);
  assert.deepEqual(next, { [SOCKET]: '[Socket]\nListenStream=1234\nAccept=yes\n', [SOCKET_DROPIN]: '[Socket]\n' });
  assert.deepEqual(everywhere(next, ['systemd/socket-accept-template']), []);
  // Two in one file: one fix, both lines, so fix-all can apply it.
  const one = { [SOCKET]: '[Socket]\nListenStream=1234\nAccept=yes\nService=a.service\nService=c.service\n' };
  assert.deepEqual(shape(lint(one)[0].fixes[0]), ['Remove Service=', true, [[SOCKET, false, [[3, 0, 4, 0, ''], [4, 0, 5, 0, '']]]]]);
  assert.deepEqual(fixAllRuns(one, SOCKET, {}, 2), ['[Socket]\nListenStream=1234\nAccept=yes\n', undefined]);
});

test('multiple-exec-start: no clearing fix when the drop-in has two commands of its own; the message says to keep one', () => {
  const files = { [DROPIN]: '[Service]\nExecStart=/bin/b\n[Service]\nExecStart=/bin/c\n', [UNIT]: '[Service]\nExecStart=/bin/a\n' };
  const found = lint(files);
  assert.deepEqual(briefs(found), ['systemd/multiple-exec-start@2:1-2:10']);
  assert.equal(
    found[0].message,
    'This service has 3 ExecStart= commands, but only Type=oneshot services may have more than one: systemd refuses to load it. This drop-in has 2 of them itself: keep one (after an empty "ExecStart=" line that clears the unit\'s), or move the others to ExecStartPre=/ExecStartPost=.',
  );
  assert.deepEqual(found[0].fixes, []);
  // Only in the drop-in, without a unit command before them: nothing to clear.
  const alone = lint({ [DROPIN]: '[Service]\nExecStart=/bin/b\nExecStart=/bin/c\n', [UNIT]: '[Service]\nType=simple\n' });
  assert.deepEqual(briefs(alone), ['systemd/multiple-exec-start@3:1-3:10']);
  assert.match(alone[0].message, /This drop-in has 2 of them itself: keep one, or move the others to ExecStartPre=\/ExecStartPost=\.$/);
  assert.deepEqual(alone[0].fixes, []);
});

test("a template's own drop-in folder is read once: one ExecStart= in stunnel@.service.d is one command", () => {
  const files = { '/etc/systemd/system/app@.service': '[Service]\nType=simple\n', '/etc/systemd/system/app@.service.d/x.conf': '[Service]\nExecStart=/bin/b\n' };
  assert.deepEqual(briefs(lint(files).filter((f) => f.rule === 'systemd/multiple-exec-start')), []);
  assert.deepEqual(briefs(lint(files, { target: '/etc/systemd/system/app@.service.d/x.conf' }).filter((f) => f.rule === 'systemd/multiple-exec-start')), []);
});

test('hardening: with setuid in the stunnel config no fix adds DynamicUser=yes, and the block leaves it out', () => {
  const files = {
    [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\n',
    [CONF]: 'setuid = stunnel4\nforeground = yes\n[s]\naccept = 1\nconnect = 2\ncert = /etc/ssl/a.pem\n',
  };
  const found = lint(files, SECURITY);
  const user = found.find((f) => f.rule === 'systemd/hardening-user');
  assert.equal(brief(user), 'systemd/hardening-user@1:1-1:10');
  assert.deepEqual(user.fixes, []);
  assert.match(user.message, /Here stunnel\.conf has stunnel switch users itself \(setuid = stunnel4\), which fails when systemd already starts it unprivileged: to let systemd drop the privileges, set User= \(and Group=\) to that account and remove setuid\/setgid from stunnel\.conf\.$/);
  const block = found.find((f) => f.rule === 'systemd/hardening-capability-bounding-set').fixes.find((x) => x.title.startsWith('Add the hardening block'));
  assert.equal(block.title, 'Add the hardening block (20 settings)');
  assert.doesNotMatch(block.changes[0].edits[0].newText, /DynamicUser/);
  const after = applied(files, block);
  assert.deepEqual(everywhere(after, ['systemd/user-setuid-conflict', 'systemd/privileged-port-without-capability'], SECURITY), []);
  assert.deepEqual(briefs(lint(after, SECURITY).filter((f) => f.severity === 'error')), []);
});

test('hardening: DynamicUser=yes comes with CAP_NET_BIND_SERVICE when stunnel accepts on a port below 1024', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\n', [CONF]: 'foreground = yes\n[s]\naccept = 443\nconnect = 2\ncert = /etc/ssl/a.pem\n' };
  const user = lint(files, SECURITY).find((f) => f.rule === 'systemd/hardening-user');
  assert.deepEqual(shape(user.fixes[0]), ['Add DynamicUser=yes and AmbientCapabilities=CAP_NET_BIND_SERVICE', true, [[UNIT, false, [[2, 16, 2, 16, '\nDynamicUser=yes\nAmbientCapabilities=CAP_NET_BIND_SERVICE']]]]]);
  assert.equal(user.fixes[1].title, 'Add the hardening block (22 settings)');
  assert.match(user.fixes[1].changes[0].edits[0].newText, /^\nDynamicUser=yes\nAmbientCapabilities=CAP_NET_BIND_SERVICE\nNoNewPrivileges=yes\n/);
  for (const fix of user.fixes) {
    const after = applied(files, fix);
    assert.deepEqual(briefs(lint(after, SECURITY).filter((f) => f.severity === 'error' || f.rule === 'systemd/hardening-user')), [], fix.title);
  }
  // User=root is replaced the same way.
  const root = { ...files, [UNIT]: files[UNIT] + 'User=root\n' };
  const weak = lint(root, SECURITY).find((f) => f.rule === 'systemd/hardening-user');
  assert.deepEqual(shape(weak.fixes[0]), ['Replace User=root with DynamicUser=yes and AmbientCapabilities=CAP_NET_BIND_SERVICE', true, [[UNIT, false, [[3, 0, 3, 9, 'DynamicUser=yes'], [3, 9, 3, 9, '\nAmbientCapabilities=CAP_NET_BIND_SERVICE']]]]]);
  assert.equal(applied(root, weak.fixes[0])[UNIT], '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\nDynamicUser=yes\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n');
});

test('type-foreground-mismatch: Use Type=forking adds PIDFile= for the pid file the config writes', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\nType=simple\n', [CONF]: 'pid = /var/run/stunnel.pid\n[s]\naccept = 4443\nconnect = 2\ncert = /etc/ssl/a.pem\n' };
  const found = lint(files).filter((f) => f.rule === 'systemd/type-foreground-mismatch');
  assert.deepEqual(briefs(found), ['systemd/type-foreground-mismatch@4:6-4:12']);
  assert.deepEqual(shape(found[0].fixes[1]), ['Use Type=forking with PIDFile=/run/stunnel.pid', false, [[UNIT, false, [[3, 5, 3, 11, 'forking'], [3, 11, 3, 11, '\nPIDFile=/run/stunnel.pid']]]]]);
  const after = applied(files, found[0].fixes[1]);
  assert.equal(after[UNIT], '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\nType=forking\nPIDFile=/run/stunnel.pid\n');
  assert.deepEqual(briefs(lint(after)), []);
});

test('type-foreground-mismatch: without a pid file only foreground = yes is offered; Type=notify gets a fix in both files', () => {
  const conf = '[s]\naccept = 4443\nconnect = 2\ncert = /etc/ssl/a.pem\n';
  const simple = lint({ [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\n', [CONF]: conf }).filter((f) => f.rule === 'systemd/type-foreground-mismatch');
  assert.deepEqual(briefs(simple), ['systemd/type-foreground-mismatch@2:1-2:10']);
  assert.match(simple[0].message, /Set foreground = yes in the config \(stunnel then logs to the journal\), or use Type=forking with a pid file \(pid = in the config, PIDFile= in the unit\)\.$/);
  assert.deepEqual(simple[0].fixes.map((x) => x.title), ['Set foreground = yes in stunnel.conf']);
  const files = { [UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\nType=notify\n', [CONF]: conf };
  const notify = lint(files).filter((f) => f.rule === 'systemd/type-foreground-mismatch');
  assert.equal(
    notify[0].message,
    'Type=notify, but stunnel never sends the readiness notification, so the start of stunnel.service times out after TimeoutStartSec=. With stunnel.conf forking into the background, use Type=forking with a pid file (pid = in the config, PIDFile= in the unit), or foreground = yes with Type=simple.',
  );
  assert.deepEqual(notify[0].fixes.map(shape), [['Use Type=simple and set foreground = yes in stunnel.conf', false, [[UNIT, false, [[3, 5, 3, 11, 'simple']]], [CONF, false, [[0, 0, 0, 0, 'foreground = yes\n']]]]]]);
  assert.deepEqual(everywhere(applied(files, notify[0].fixes[0]), ['systemd/type-foreground-mismatch', 'systemd/forking-without-pidfile']), []);
  // With pid = the preferred fix is Type=forking with its PIDFile=, which fix-all applies.
  const withPid = { ...files, [CONF]: 'pid = /run/s.pid\n' + conf };
  assert.deepEqual(fixAllRuns(withPid, UNIT, {}, 2), ['[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\nType=forking\nPIDFile=/run/s.pid\n', undefined]);
});

test('parsers trim only the blanks their programs trim: systemd space/tab, stunnel and pam_limits C isspace()', () => {
  const unit = core.parse('file:///a.service', '[Service]\n\u00A0Type=simple\n\fUser=a\nGroup=b\u00A0\n\tNice=1 \t\n', 'systemd-unit');
  // systemd-analyze verify: Unknown key '\u00A0Type', Unknown key '\fUser' (systemd 252).
  assert.deepEqual(unit.sections[1].entries.map((e) => [e.key, e.value]), [['\u00A0Type', 'simple'], ['\fUser', 'a'], ['Group', 'b\u00A0'], ['Nice', '1']]);
  const conf = core.parse('file:///s.conf', '\u00A0client = yes\n\fverify = 2\v\npid = /run/a.pid\u00A0\n', 'stunnel');
  assert.deepEqual(conf.sections[0].entries.map((e) => [e.key, e.value]), [['\u00A0client', 'yes'], ['verify', '2'], ['pid', '/run/a.pid\u00A0']]);
  const limits = core.parse('file:///limits.conf', '*\u00A0soft nofile 1\n*\tsoft\vnofile\f2\n', 'limits-conf');
  assert.deepEqual(limits.limits.map((l) => [l.domain, l.type, l.item, l.value]), [['*', 'soft', 'nofile', '2']]);
  assert.deepEqual(limits.issues.map((i) => i.message), ["Expected four fields 'domain type item value' but found 3; pam_limits skips this line."]);
});

test('two byte-order marks: line 1 is no header for any rule (systemd strips one BOM)', () => {
  const files = { [DROPIN]: '\uFEFF\uFEFF[Unit]\nDeescription=x\n\n[Service]\nExecStart=/bin/true\n', [UNIT]: '' };
  const found = lint(files);
  assert.deepEqual(briefs(found), ['systemd/syntax-error@1:1-1:9', 'systemd/syntax-error@2:1-2:15']);
  assert.equal(found[1].message, "Because of the second byte-order mark on line 1 systemd sees no [Unit] header, so 'Deescription=' is outside any section and ignored.");
  assert.deepEqual(core.parse('file:///a.service', files[DROPIN], 'systemd-unit').sections.map((s) => s.name), [null, 'Service']);
  // Removing both marks brings the header back, and with it the typo.
  const fixed = applied(files, found[0].fixes[0]);
  assert.equal(fixed[DROPIN], '[Unit]\nDeescription=x\n\n[Service]\nExecStart=/bin/true\n');
  assert.deepEqual(briefs(lint(fixed)), ['systemd/unknown-directive@2:1-2:13']);
  // A second mark before a line that is no header: the parser's complaint about line 1 is not repeated.
  const other = lint({ [UNIT]: '\uFEFF\uFEFFfoo\n[Service]\nExecStart=/bin/true\n' });
  assert.deepEqual(briefs(other), ['systemd/syntax-error@1:1-1:6']);
  assert.equal(other[0].message, 'The file starts with two byte-order marks; systemd removes only one, so it reads the second one as part of this line. Save the file without BOMs.');
});

test('start-limit-in-service: an empty StartLimitInterval= gets no move (StartLimitIntervalSec= rejects it too); a valid one does', () => {
  const files = { [UNIT]: '[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\nStartLimitInterval=\nStartLimitBurst=3\n' };
  const found = lint(files);
  assert.deepEqual(briefs(found), ['systemd/start-limit-in-service@5:1-5:19', 'systemd/invalid-value@5:20-5:20', 'systemd/start-limit-in-service@6:1-6:16']);
  assert.deepEqual(found[0].fixes, []);
  assert.deepEqual(shape(found[2].fixes[0]), ['Move to [Unit] as StartLimitBurst=', true, [[UNIT, false, [[5, 0, 6, 0, ''], [1, 13, 1, 13, '\nStartLimitBurst=3']]]]]);
  // A value ending in a backslash would take in the line below it at the new place.
  const stray = lint({ [UNIT]: '[Unit]\n[Service]\nExecStart=/bin/true\nRebootArgument=a\\ \n' });
  assert.deepEqual(briefs(stray), ['systemd/start-limit-in-service@4:1-4:15', 'systemd/continuation-whitespace@4:17-4:19']);
  assert.deepEqual(stray[0].fixes, []);
});

test('environment-unquoted-space: the quotes of the assignment are syntax, so the fix does not escape them into the name', () => {
  const files = { [UNIT]: '[Service]\nExecStart=/bin/true\nEnvironment="A=b c"Type= \t yes D=e\nEnvironment=\'X=\\n\' y\n' };
  const found = lint(files);
  assert.deepEqual(briefs(found), ['systemd/environment-unquoted-space@3:28-3:31', 'systemd/environment-unquoted-space@4:20-4:21']);
  assert.equal(found[0].message, `Environment= splits its value at whitespace: A gets 'b cType=' and systemd rejects 'yes' as a word without '='. To set A to 'b cType= yes', quote the whole assignment: "A=b cType= yes".`);
  assert.deepEqual(shape(found[0].fixes[0]), ['Quote the assignment of A', true, [[UNIT, false, [[2, 12, 2, 30, '"A=b cType= yes"']]]]]);
  // A control character the assignment holds is written back as its escape, not as a raw line break.
  assert.deepEqual(shape(found[1].fixes[0]), ['Quote the assignment of X', true, [[UNIT, false, [[3, 12, 3, 20, '"X=\\n y"']]]]]);
  const next = applied(files, found[0].fixes[0]);
  assert.equal(next[UNIT], '[Service]\nExecStart=/bin/true\nEnvironment="A=b cType= yes" D=e\nEnvironment=\'X=\\n\' y\n');
  assert.deepEqual(briefs(lint(next)), ['systemd/environment-unquoted-space@4:20-4:21']);
});

test('missing-exec-start: an empty ExecStart= in a drop-in is blamed only when it clears a command', () => {
  const none = lint({ [UNIT]: '[Unit]\nDescription=x\n', [DROPIN]: '[Service]\nExecStart=\n' });
  assert.deepEqual(briefs(none), ['systemd/missing-exec-start@1:1-1:7']);
  assert.equal(none[0].message, 'This service has no ExecStart=, no ExecStop= and no SuccessAction=: systemd refuses to load it ("Service has no ExecStart=, ExecStop=, or SuccessAction="). Add ExecStart= with the command to run.');
  assert.deepEqual(none[0].related, []);
  // Renaming the typo 'xecStart=' to ExecStart= no longer turns the finding into a different one.
  const typo = { [UNIT]: '[Unit]\nDescription=x\n', [DROPIN]: '[Service]\nxecStart=\n' };
  const rename = lint(typo, { target: DROPIN }).find((f) => f.rule === 'systemd/unknown-directive').fixes[0];
  assert.deepEqual(shape(rename), ["Change to 'ExecStart'", true, [[DROPIN, false, [[1, 0, 1, 8, 'ExecStart']]]]]);
  assert.deepEqual(lint(applied(typo, rename)).map((f) => f.message), [none[0].message]);
  // The second of two empty lines clears nothing: only the first is named.
  const two = lint({ [UNIT]: '[Unit]\nDescription=x\n[Service]\nExecStart=/bin/a\n', [DROPIN]: '[Service]\nExecStart=\nExecStart=\n' });
  assert.deepEqual(briefs(two), ['systemd/missing-exec-start@3:1-3:10']);
  assert.match(two[0].message, /^This service has no ExecStart= \(a drop-in clears it and sets no new one\), no ExecStop=/);
  assert.deepEqual(two[0].related.map((r) => [core.uriToPath(r.uri), r.range.start.line, r.message]), [[DROPIN, 1, 'this drop-in clears ExecStart=']]);
});

test('directive-wrong-section: the moved line keeps the blank after its backslash, so it does not swallow the next line', () => {
  const files = { [UNIT]: '[Unit]\nRemainAfterExit=yes\\ \n[Service]\nType=oneshot\nExecStart=/bin/true\n' };
  const found = lint(files);
  assert.deepEqual(briefs(found), ['systemd/directive-wrong-section@2:1-2:16', 'systemd/continuation-whitespace@2:20-2:22']);
  assert.deepEqual(shape(found[0].fixes[0]), ["Move 'RemainAfterExit=' to [Service]", true, [[UNIT, false, [[1, 0, 2, 0, ''], [4, 19, 4, 19, '\nRemainAfterExit=yes\\ ']]]]]);
  const next = applied(files, found[0].fixes[0]);
  assert.equal(next[UNIT], '[Unit]\n[Service]\nType=oneshot\nExecStart=/bin/true\nRemainAfterExit=yes\\ \n');
  assert.deepEqual(briefs(lint(next)), ['systemd/continuation-whitespace@5:20-5:22']);
  // A backslash ending the file would continue into whatever follows it at the new place: it moves
  // without it (systemd reads it as a blank there).
  const lastFiles = { [UNIT]: '[Service]\nType=oneshot\nExecStart=/bin/true\n[Unit]\nRemainAfterExit=yes\\' };
  const last = lint(lastFiles);
  assert.deepEqual(briefs(last), ['systemd/directive-wrong-section@5:1-5:16']);
  assert.deepEqual(shape(last[0].fixes[0]), ["Move 'RemainAfterExit=' to [Service]", true, [[UNIT, false, [[4, 0, 4, 20, ''], [2, 19, 2, 19, '\nRemainAfterExit=yes']]]]]);
  const moved = applied(lastFiles, last[0].fixes[0]);
  assert.equal(moved[UNIT], '[Service]\nType=oneshot\nExecStart=/bin/true\nRemainAfterExit=yes\n[Unit]\n');
  assert.deepEqual(briefs(lint(moved)), []);
});
