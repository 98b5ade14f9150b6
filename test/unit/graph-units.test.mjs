// A unit against the stunnel config it starts: Type= and foreground, PIDFile= and pid, relative
// paths under systemd, User= and setuid, privileged ports, and accounts missing from passwd.
// Each case has a clean counterpart that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';
import { allBriefs, applyFix, briefs, findings, ROOT } from './graph-helpers.mjs';

const UNIT = '/etc/systemd/system/stunnel.service';
const CONF = '/etc/stunnel/stunnel.conf';
const SERVICE = '[tls]\naccept = 8443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/s.pem\n';
const EXEC = 'ExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n';

const TYPE = ['systemd/type-foreground-mismatch'];

test('Type=forking with foreground = yes: error on Type=, two fixes, neither applied blindly', () => {
  const files = { [UNIT]: `[Service]\n${EXEC}Type=forking\n`, [CONF]: 'foreground = yes\n' + SERVICE };
  const f = findings(files, UNIT, { rules: TYPE });
  assert.deepEqual(briefs(f), ['systemd/type-foreground-mismatch@4:6']);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /^Type=forking, but stunnel\.conf sets foreground = yes: stunnel never forks, so systemd waits for the start to finish until TimeoutStartSec= runs out/);
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred]), [['Use Type=simple', false], ['Set foreground = no in stunnel.conf', false]]);
  assert.deepEqual(allBriefs(applyFix(files, f[0].fixes[0]), TYPE), []);
  const other = applyFix(files, f[0].fixes[1]);
  assert.equal(other[CONF], 'foreground = no\n' + SERVICE);
  assert.deepEqual(allBriefs(other, TYPE), []);
});

test('no Type= (simple) without foreground: on ExecStart=; the fix adds foreground = yes to the config', () => {
  const files = { [UNIT]: `[Service]\n${EXEC}`, [CONF]: 'pid = /run/s.pid\n' + SERVICE };
  const f = findings(files, UNIT, { rules: TYPE });
  assert.deepEqual(briefs(f), ['systemd/type-foreground-mismatch@2:1']);
  assert.match(f[0].message, /^No Type= \(so Type=simple\), but stunnel\.conf does not set foreground = yes: stunnel forks into the background and its first process exits, so systemd considers stunnel\.service finished and stops it/);
  const fixed = applyFix(files, f[0].fixes[0]);
  assert.equal(fixed[CONF], 'foreground = yes\npid = /run/s.pid\n' + SERVICE);
  assert.deepEqual(allBriefs(fixed, TYPE), []);
  // Type=forking comes with the pid file the config writes, so systemd need not guess the main process.
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred]), [['Set foreground = yes in stunnel.conf', false], ['Use Type=forking with PIDFile=/run/s.pid', false]]);
  const forking = applyFix(files, f[0].fixes[1]);
  assert.equal(forking[UNIT], `[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/s.pid\nLimitNOFILE=65536\n`);
  assert.deepEqual(allBriefs(forking, [...TYPE, 'systemd/forking-without-pidfile', 'systemd/pidfile-mismatch']), []);
});

test('Type=notify: stunnel never notifies; the preferred fix follows foreground', () => {
  const files = { [UNIT]: `[Service]\n${EXEC}Type=notify\n`, [CONF]: 'foreground = quiet\n' + SERVICE };
  const f = findings(files, UNIT, { rules: TYPE });
  assert.deepEqual(briefs(f), ['systemd/type-foreground-mismatch@4:6']);
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred]), [['Use Type=simple', true]]);
  assert.equal(applyFix(files, f[0].fixes[0])[UNIT], `[Service]\n${EXEC}Type=simple\n`);
});

test('Type= and foreground that agree are silent (the Debian template with foreground = yes, upstream forking)', () => {
  const debian = { '/lib/systemd/system/stunnel@.service': '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n', '/etc/stunnel/a.conf': 'foreground = yes\n' + SERVICE };
  assert.deepEqual(allBriefs(debian, TYPE), []);
  assert.deepEqual(allBriefs({ [UNIT]: `[Service]\n${EXEC}Type=forking\n`, [CONF]: SERVICE }, TYPE), []);
  // A template's second instance config without foreground is reported, naming its instance.
  const f = findings({ ...debian, '/etc/stunnel/b.conf': SERVICE }, '/lib/systemd/system/stunnel@.service', { rules: TYPE });
  assert.deepEqual(briefs(f), ['systemd/type-foreground-mismatch@2:1']);
  assert.match(f[0].message, /b\.conf does not set foreground = yes: .* considers stunnel@b\.service finished/);
});

const PID = ['systemd/pidfile-mismatch'];

test('PIDFile= against pid = (inside chroot): warning with the path stunnel writes', () => {
  const files = { [UNIT]: `[Service]\n${EXEC}Type=forking\nPIDFile=/run/stunnel.pid\n`, [CONF]: 'chroot = /var/lib/stunnel4\npid = /stunnel4.pid\n' + SERVICE };
  const f = findings(files, UNIT, { rules: PID });
  assert.deepEqual(briefs(f), ['systemd/pidfile-mismatch@5:9']);
  assert.equal(
    f[0].message,
    'PIDFile=/run/stunnel.pid, but stunnel.conf makes stunnel write its pid to /var/lib/stunnel4/stunnel4.pid (pid = is inside the chroot): systemd watches a file that never appears and cannot track the main process. Point PIDFile= at /var/lib/stunnel4/stunnel4.pid.',
  );
  assert.deepEqual(f[0].related.map((r) => r.range.start.line), [1]);
  const fixed = applyFix(files, f[0].fixes[0]);
  assert.equal(fixed[UNIT], `[Service]\n${EXEC}Type=forking\nPIDFile=/var/lib/stunnel4/stunnel4.pid\n`);
  assert.deepEqual(allBriefs(fixed, PID), []);
});

test('PIDFile= with no pid = in the config, and PIDFile= under /var/run/', () => {
  const none = findings({ [UNIT]: `[Service]\n${EXEC}Type=forking\nPIDFile=/run/stunnel.pid\n`, [CONF]: SERVICE }, UNIT, { rules: PID });
  assert.deepEqual(briefs(none), ['systemd/pidfile-mismatch@5:9']);
  assert.match(none[0].message, /but stunnel\.conf sets no pid = \(stunnel 5 writes none by default\): the file never appears, so systemd cannot tell the main process and the forking start fails/);
  const legacyFiles = { [UNIT]: `[Service]\n${EXEC}Type=forking\nPIDFile=/var/run/stunnel.pid\n`, [CONF]: 'pid = /var/run/stunnel.pid\n' + SERVICE };
  const legacy = findings(legacyFiles, UNIT, { rules: PID });
  assert.deepEqual(briefs(legacy), ['systemd/pidfile-mismatch@5:9']);
  assert.equal(legacy[0].severity, 'info');
  assert.equal(applyFix(legacyFiles, legacy[0].fixes[0])[UNIT], `[Service]\n${EXEC}Type=forking\nPIDFile=/run/stunnel.pid\n`);
});

test('PIDFile= that matches is silent: /var/run and /run are one, %i is the instance', () => {
  assert.deepEqual(allBriefs({ [UNIT]: `[Service]\n${EXEC}Type=forking\nPIDFile=/run/stunnel/s.pid\n`, [CONF]: 'pid = /var/run/stunnel/s.pid\n' + SERVICE }, PID), []);
  const template = { '/etc/systemd/system/stunnel@.service': '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\nType=forking\nPIDFile=/run/stunnel-%i.pid\nLimitNOFILE=65536\n', '/etc/stunnel/mail.conf': 'pid = /run/stunnel-mail.pid\n' + SERVICE };
  assert.deepEqual(allBriefs(template, PID), []);
  const wrong = { ...template, '/etc/stunnel/mail.conf': 'pid = /run/mail.pid\n' + SERVICE };
  assert.deepEqual(allBriefs(wrong, PID), ['/etc/systemd/system/stunnel@.service:4 systemd/pidfile-mismatch']);
});

const REL = ['stunnel/relative-path-under-systemd'];

test('relative cert, key and CAfile in a config a unit starts without WorkingDirectory=', () => {
  const conf = 'foreground = yes\n[tls]\naccept = 8443\nconnect = 80\ncert = tls.crt\nkey = ./private/tls.key\nCAfile = /etc/ssl/ca.pem\nCApath = certs\n';
  const files = { [UNIT]: `[Service]\n${EXEC}`, [CONF]: conf };
  const f = findings(files, CONF, { rules: REL });
  assert.deepEqual(briefs(f), ['stunnel/relative-path-under-systemd@5:8', 'stunnel/relative-path-under-systemd@6:7', 'stunnel/relative-path-under-systemd@8:10']);
  assert.equal(
    f[0].message,
    'cert = tls.crt is a relative path: stunnel resolves it against its working directory, which is / when stunnel.service starts it (the unit sets no WorkingDirectory=), so it opens /tls.crt, not /etc/stunnel/tls.crt. Write the absolute path.',
  );
  assert.deepEqual(f[1].fixes.map((x) => [x.title, x.preferred]), [['Use /etc/stunnel/private/tls.key', true], ['Add WorkingDirectory=/etc/stunnel to stunnel.service', false]]);
  let fixed = files;
  for (const x of findings(files, CONF, { rules: REL }).reverse()) fixed = applyFix(fixed, x.fixes[0]);
  assert.equal(fixed[CONF], 'foreground = yes\n[tls]\naccept = 8443\nconnect = 80\ncert = /etc/stunnel/tls.crt\nkey = /etc/stunnel/private/tls.key\nCAfile = /etc/ssl/ca.pem\nCApath = /etc/stunnel/certs\n');
  assert.deepEqual(allBriefs(fixed, REL), []);
  const wd = applyFix(files, f[0].fixes[1]);
  assert.equal(wd[UNIT], `[Service]\n${EXEC}WorkingDirectory=/etc/stunnel\n`);
  assert.deepEqual(allBriefs(wd, REL), []);
});

test('relative paths are fine when no unit starts the config, and URIs are not paths', () => {
  assert.deepEqual(allBriefs({ [CONF]: 'foreground = yes\n[tls]\naccept = 8443\nconnect = 80\ncert = tls.crt\n' }, REL), []);
  assert.deepEqual(allBriefs({ [UNIT]: `[Service]\n${EXEC}`, [CONF]: 'foreground = yes\n[tls]\naccept = 8443\nconnect = 80\ncert = pkcs11:token=a;object=b\n' }, REL), []);
});

const USER = ['systemd/user-setuid-conflict'];

test('User= with setuid to another user or with setgid: stunnel cannot switch and exits', () => {
  const unit = `[Service]\n${EXEC}User=stunnel4\n`;
  const files = { [UNIT]: unit, [CONF]: 'foreground = yes\nsetuid = nobody\nsetgid = nogroup\n' + SERVICE };
  const f = findings(files, UNIT, { rules: USER });
  assert.deepEqual(briefs(f), ['systemd/user-setuid-conflict@4:6']);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /sets setgid = nogroup: a process that is not root may not change its groups, so stunnel exits at start with "setgroups: Operation not permitted \(1\)"/);
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred]), [['Remove setuid and setgid from stunnel.conf', false]]);
  const fixed = applyFix(files, f[0].fixes[0]);
  assert.equal(fixed[CONF], 'foreground = yes\n' + SERVICE);
  assert.deepEqual(allBriefs(fixed, USER), []);
  const uid = findings({ [UNIT]: unit, [CONF]: 'foreground = yes\nsetuid = nobody\n' + SERVICE }, UNIT, { rules: USER });
  assert.match(uid[0].message, /"setuid: Operation not permitted \(1\)"/);
  const same = findings({ [UNIT]: unit, [CONF]: 'foreground = yes\nsetuid = stunnel4\n' + SERVICE }, UNIT, { rules: USER });
  assert.deepEqual([same[0].severity, same[0].message], ['info', 'stunnel.service already runs stunnel as User=stunnel4; setuid = stunnel4 in stunnel.conf repeats it. Remove it so the account is set in one place.']);
});

test('setuid without User= (stunnel starts as root), or User=root, is silent', () => {
  assert.deepEqual(allBriefs({ [UNIT]: `[Service]\n${EXEC}`, [CONF]: 'foreground = yes\nsetuid = stunnel4\nsetgid = stunnel4\n' + SERVICE }, USER), []);
  assert.deepEqual(allBriefs({ [UNIT]: `[Service]\n${EXEC}User=root\n`, [CONF]: 'foreground = yes\nsetuid = stunnel4\n' + SERVICE }, USER), []);
});

const PORT = ['systemd/privileged-port-without-capability'];

test('a port below 1024 under a non-root User= without CAP_NET_BIND_SERVICE', () => {
  const files = { [UNIT]: `[Service]\n${EXEC}User=stunnel4\n`, [CONF]: 'foreground = yes\n[imaps]\naccept = 0.0.0.0:993\nconnect = 143\n[smtps]\naccept = 4465\nconnect = 25\n' };
  const f = findings(files, UNIT, { rules: PORT });
  assert.deepEqual(briefs(f), ['systemd/privileged-port-without-capability@4:6']);
  assert.equal(
    f[0].message,
    'stunnel.service runs stunnel as User=stunnel4, and stunnel.conf accepts on a port below 1024 (0.0.0.0:993 [imaps]). Only root or a process with CAP_NET_BIND_SERVICE may bind those: stunnel exits with "Binding service [imaps] failed" (Permission denied). Add AmbientCapabilities=CAP_NET_BIND_SERVICE.',
  );
  const fixed = applyFix(files, f[0].fixes[0]);
  assert.equal(fixed[UNIT], `[Service]\n${EXEC}User=stunnel4\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n`);
  assert.deepEqual(allBriefs(fixed, PORT), []);
  // Clean: root (no User=), or only high ports.
  assert.deepEqual(allBriefs({ ...files, [UNIT]: `[Service]\n${EXEC}` }, PORT), []);
  assert.deepEqual(allBriefs({ ...files, [CONF]: 'foreground = yes\n[smtps]\naccept = 4465\nconnect = 25\n' }, PORT), []);
});

const ACCOUNT = ['systemd/unknown-account'];
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nstunnel4:x:112:120::/var/run/stunnel4:/usr/sbin/nologin\n';
const GROUP = 'root:x:0:\nstunnel4:x:120:\n';

test('User=/Group= missing from the passwd/group file of the tree', () => {
  const files = { [UNIT]: `[Service]\n${EXEC}User=stunel4\nGroup=ssl-cert\n`, '/etc/passwd': PASSWD, '/etc/group': GROUP };
  const f = findings(files, UNIT, { rules: ACCOUNT });
  assert.deepEqual(briefs(f), ['systemd/unknown-account@4:6', 'systemd/unknown-account@5:7']);
  assert.equal(f[0].message, "User=stunel4: there is no user 'stunel4' in /etc/passwd, so systemd fails to start the service (status 217/USER). Did you mean 'stunnel4'? Create the account (e.g. a sysusers.d entry) or name an existing one.");
  assert.deepEqual(f[0].related.map((r) => core.uriToPath(r.uri)), [`${ROOT}/etc/passwd`]);
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred]), [["Use user 'stunnel4'", false]]);
  assert.match(f[1].message, /status 216\/GROUP/);
  // Clean: known accounts, numeric ids, DynamicUser=, or no passwd file in the tree.
  assert.deepEqual(allBriefs({ ...files, [UNIT]: `[Service]\n${EXEC}User=stunnel4\nGroup=120\n` }, ACCOUNT), []);
  assert.deepEqual(allBriefs({ ...files, [UNIT]: `[Service]\n${EXEC}DynamicUser=yes\nUser=stunel4\n` }, ACCOUNT), []);
  assert.deepEqual(allBriefs({ [UNIT]: `[Service]\n${EXEC}User=stunel4\n` }, ACCOUNT), []);
});
