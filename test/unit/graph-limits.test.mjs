// The file-descriptor limit across files: the unit, its drop-ins, system.conf, limits.conf and
// /etc/default/stunnel4, with the stunnel config the unit starts. Trees are laid out as on disk
// under an image root; each case has a clean counterpart that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, lint } from '../helpers.mjs';
import { allBriefs, applyFix, briefs, findings, ROOT } from './graph-helpers.mjs';

const UNIT = '/etc/systemd/system/stunnel.service';
const CONF = '/etc/stunnel/stunnel.conf';
const TEMPLATE = '/lib/systemd/system/stunnel@.service';
const CONF_PID = 'pid = /run/stunnel/stunnel.pid\n[tls]\naccept = 443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/s.pem\n';
const FORKING = '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel/stunnel.pid\n';
const MISSING = ['systemd/missing-limit-nofile'];

test('missing LimitNOFILE: on the unit and on the config it starts, pointing at each other', () => {
  const files = { [UNIT]: FORKING, [CONF]: CONF_PID };
  const unit = findings(files, UNIT, { rules: MISSING });
  const conf = findings(files, CONF, { rules: MISSING });
  assert.deepEqual(briefs(unit), ['systemd/missing-limit-nofile@1:1']);
  assert.deepEqual(briefs(conf), ['systemd/missing-limit-nofile@2:2']);
  assert.match(conf[0].message, /^Started by stunnel\.service, which sets no LimitNOFILE=: stunnel gets a soft limit of 1024 open files \(systemd's default of 1024:524288\), which caps stunnel at about 500 concurrent clients/);
  assert.deepEqual(conf[0].related.map((r) => [r.uri, r.range.start.line]), [[core.pathToUri(ROOT + UNIT), 0]]);
  assert.deepEqual(unit[0].related.map((r) => r.uri), [core.pathToUri(ROOT + CONF)]);
  // The config's fix edits the unit: offered, but not applied by fix-all of the config.
  assert.deepEqual(conf[0].fixes.map((f) => [f.title, f.preferred]), [['Add LimitNOFILE=65536 to [Service]', false], ['Create stunnel.service.d/limits.conf with LimitNOFILE=65536', false]]);
  const fixed = applyFix(files, conf[0].fixes[0]);
  assert.equal(fixed[UNIT], FORKING + 'LimitNOFILE=65536\n');
  assert.deepEqual(allBriefs(fixed, MISSING), []);
});

test('a drop-in with LimitNOFILE= silences both ends; the drop-in fix creates it', () => {
  const files = { [UNIT]: FORKING, [CONF]: CONF_PID };
  const dropIn = findings(files, UNIT, { rules: MISSING })[0].fixes[1];
  assert.equal(dropIn.title, 'Create stunnel.service.d/limits.conf with LimitNOFILE=65536');
  assert.deepEqual(dropIn.changes.map((c) => [c.uri, c.create]), [[core.pathToUri(`${ROOT}/etc/systemd/system/stunnel.service.d/limits.conf`), true]]);
  const fixed = applyFix(files, dropIn);
  assert.equal(fixed['/etc/systemd/system/stunnel.service.d/limits.conf'], '[Service]\nLimitNOFILE=65536\n');
  assert.deepEqual(allBriefs(fixed, MISSING), []);
});

test('a vendor unit gets a drop-in under /etc, not an edit; instances are named on the config', () => {
  const files = { [TEMPLATE]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n', '/etc/stunnel/mail.conf': 'foreground = yes\n[imaps]\naccept = 993\nconnect = 143\n' };
  const unit = findings(files, TEMPLATE, { rules: MISSING });
  assert.deepEqual(briefs(unit), ['systemd/missing-limit-nofile@1:1']);
  assert.deepEqual(unit[0].fixes.map((f) => [f.title, f.preferred]), [['Create stunnel@.service.d/limits.conf with LimitNOFILE=65536', true]]);
  assert.equal(unit[0].fixes[0].changes[0].uri, core.pathToUri(`${ROOT}/etc/systemd/system/stunnel@.service.d/limits.conf`));
  const conf = findings(files, '/etc/stunnel/mail.conf', { rules: MISSING });
  assert.match(conf[0].message, /^Started by stunnel@mail\.service, which sets no LimitNOFILE=/);
  assert.deepEqual(allBriefs(applyFix(files, unit[0].fixes[0]), MISSING), []);
});

test('system.conf: a raised DefaultLimitNOFILE= counts as set; the default one is named in the message', () => {
  const files = { [UNIT]: FORKING, [CONF]: CONF_PID };
  assert.deepEqual(allBriefs({ ...files, '/etc/systemd/system.conf': '[Manager]\nDefaultLimitNOFILE=65536:524288\n' }, MISSING), []);
  const low = { ...files, '/etc/systemd/system.conf': '[Manager]\n#DefaultLimitNOFILE=1024:524288\nDefaultLimitNOFILE=1024:4096\n' };
  const f = findings(low, UNIT, { rules: MISSING });
  assert.match(f[0].message, /soft limit of 1024 open files \(DefaultLimitNOFILE=1024:4096 in system\.conf; /);
  assert.deepEqual(f[0].related.map((r) => [core.uriToPath(r.uri).slice(ROOT.length), r.range.start.line]), [['/etc/systemd/system.conf', 2], [CONF, 0]]);
  // A system.conf.d drop-in applies after system.conf; an empty assignment returns to the built-in default.
  const dropped = { ...low, '/etc/systemd/system.conf.d/50-nofile.conf': '[Manager]\nDefaultLimitNOFILE=\n' };
  assert.match(findings(dropped, UNIT, { rules: MISSING })[0].message, /\(systemd's default of 1024:524288; /);
  // Without an image, the workspace's only system.conf counts; one inside an image does not.
  const sys = { [UNIT]: FORKING, '/srv/conf/systemd/system.conf': '[Manager]\nDefaultLimitNOFILE=65536\n' };
  assert.deepEqual(briefs(findings(sys, UNIT, { rules: MISSING, image: false })), []);
  const ws = new core.Workspace(['/srv'], ['/img']);
  ws.set(core.pathToUri('/srv/stunnel.service'), FORKING);
  ws.set(core.pathToUri('/img/etc/systemd/system.conf'), '[Manager]\nDefaultLimitNOFILE=65536\n');
  assert.deepEqual(briefs(core.lintFile(ws, core.pathToUri('/srv/stunnel.service'), core.resolveSettings({})).filter((f) => MISSING.includes(f.rule))), ['systemd/missing-limit-nofile@1:1']);
});

test('the value comes from limits.conf for the account stunnel drops to (setuid), else from expectedConnections', () => {
  const files = { [UNIT]: FORKING, [CONF]: 'setuid = www-data\n' + CONF_PID, '/etc/security/limits.conf': 'www-data soft nofile 32000\nwww-data hard nofile 32000\n' };
  assert.deepEqual(findings(files, UNIT, { rules: MISSING })[0].fixes.map((f) => f.title), ['Add LimitNOFILE=32000 to [Service]', 'Create stunnel.service.d/limits.conf with LimitNOFILE=32000']);
  const byLoad = findings({ [UNIT]: FORKING, [CONF]: CONF_PID }, UNIT, { rules: MISSING, settings: { expectedConnections: 5000 } });
  assert.equal(byLoad[0].fixes[0].title, 'Add LimitNOFILE=11264 to [Service]');
});

test('nofile below expected connections: the LimitNOFILE= in force, with a fix that carries the load', () => {
  const RULE = ['systemd/nofile-below-expected-connections'];
  const unit = FORKING + 'LimitNOFILE=4096\n';
  const files = { [UNIT]: unit, [CONF]: CONF_PID };
  const f = findings(files, UNIT, { rules: RULE, settings: { expectedConnections: 5000 } });
  assert.deepEqual(briefs(f), ['systemd/nofile-below-expected-connections@5:13']);
  assert.equal(f[0].message, 'LimitNOFILE=4096 gives stunnel a soft limit of 4096 open files, so it admits about 2,000 concurrent clients, fewer than the 5,000 expected (daemonlint.expectedConnections). Raise it to at least LimitNOFILE=11264.');
  const fixed = applyFix(files, f[0].fixes[0]);
  assert.equal(fixed[UNIT], FORKING + 'LimitNOFILE=11264\n');
  assert.deepEqual(allBriefs(fixed, RULE, { settings: { expectedConnections: 5000 } }), []);
  // Clean: enough for the load, or no expectation set.
  assert.deepEqual(allBriefs({ [UNIT]: FORKING + 'LimitNOFILE=20480\n', [CONF]: CONF_PID }, RULE, { settings: { expectedConnections: 5000 } }), []);
  assert.deepEqual(allBriefs(files, RULE), []);
  // In a drop-in, the finding is on the drop-in's line.
  const drop = { [UNIT]: FORKING, [CONF]: CONF_PID, '/etc/systemd/system/stunnel.service.d/nofile.conf': '[Service]\nLimitNOFILE=2048:4096\n' };
  assert.deepEqual(allBriefs(drop, RULE, { settings: { expectedConnections: 5000 } }), ['/etc/systemd/system/stunnel.service.d/nofile.conf:2 systemd/nofile-below-expected-connections']);
});

const LIMITS = '/etc/security/limits.conf';
const CASE_018 = {
  [LIMITS]: '# /etc/security/limits.conf\n#<domain>  <type>  <item>   <value>\nldap        soft    nofile   131072\nldap        hard    nofile   262144\njetty       soft    nofile   131072\njetty       hard    nofile   262144\n',
  '/etc/systemd/system/opendj.service': '[Unit]\nDescription=LDAP\n\n[Service]\nType=forking\nUser=ldap\nPIDFile=/opt/opendj/logs/server.pid\nExecStart=/opt/opendj/bin/start-ds --quiet\n',
  '/etc/systemd/system/oxauth.service': '[Service]\nType=simple\nUser=jetty\nExecStart=/opt/jetty/bin/jetty.sh run\n',
};
const IGNORED = ['limits/ignored-by-services'];

test('limits.conf nofile lines for service accounts: one info per domain, naming the service', () => {
  const f = findings(CASE_018, LIMITS, { rules: IGNORED });
  assert.deepEqual(briefs(f), ['limits/ignored-by-services@3:1', 'limits/ignored-by-services@5:1']);
  assert.equal(f[0].severity, 'info');
  assert.equal(
    f[0].message,
    'pam_limits applies this nofile limit to login sessions (login, ssh, su, sudo), not to services: systemd starts opendj.service (User=ldap) without PAM, so it keeps the soft limit of 1024. Set LimitNOFILE= in the service instead (LimitNOFILE=131072:262144); a drop-in keeps the unit file untouched.',
  );
  assert.deepEqual(f[0].related.map((r) => [core.uriToPath(r.uri).slice(ROOT.length), r.range.start.line]), [['/etc/systemd/system/opendj.service', 5]]);
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred]), [['Create opendj.service.d/limits.conf with LimitNOFILE=131072:262144', true]]);
  const fixed = applyFix(CASE_018, f[0].fixes[0]);
  assert.equal(fixed['/etc/systemd/system/opendj.service.d/limits.conf'], '[Service]\nLimitNOFILE=131072:262144\n');
  // The drop-in answers both this line and the unit's missing limit.
  assert.deepEqual(allBriefs(fixed, [...IGNORED, ...MISSING]), ['/etc/security/limits.conf:5 limits/ignored-by-services', '/etc/systemd/system/oxauth.service:1 systemd/missing-limit-nofile']);
});

test('limits.conf: silent for PAMName= services, for services with a limit, and for accounts no service uses', () => {
  const pam = { ...CASE_018, '/etc/systemd/system/opendj.service': CASE_018['/etc/systemd/system/opendj.service'] + 'PAMName=login\n', '/etc/systemd/system/oxauth.service': CASE_018['/etc/systemd/system/oxauth.service'] + 'LimitNOFILE=131072:262144\n' };
  assert.deepEqual(allBriefs(pam, IGNORED), []);
  assert.deepEqual(allBriefs({ [LIMITS]: 'alice soft nofile 8192\n', [UNIT]: FORKING }, IGNORED), []);
});

test('limits.conf: matched through the stunnel config setuid; a domain for two services makes one fix with two drop-ins', () => {
  const conf = 'setuid = stunnel4\n' + CONF_PID;
  const files = { [LIMITS]: '@ssl-cert - nofile 20000\nstunnel4 soft nofile 16384\n', [UNIT]: FORKING, [CONF]: conf, '/etc/systemd/system/other.service': '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\n' };
  const f = findings(files, LIMITS, { rules: IGNORED });
  assert.deepEqual(briefs(f), ['limits/ignored-by-services@2:1']);
  assert.match(f[0].message, /systemd starts other\.service \(setuid = stunnel4 in its stunnel config\), stunnel\.service \(setuid = stunnel4 in its stunnel config\) without PAM, so they keep/);
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.preferred, x.changes.length]), [['Create limits.conf drop-ins with LimitNOFILE=16384 for other.service, stunnel.service', false, 2]]);
  assert.deepEqual(allBriefs(applyFix(files, f[0].fixes[0]), IGNORED), []);
});

test('/etc/default/stunnel4 RLIMITS= while a unit starts stunnel: info with a drop-in fix', () => {
  const RULE = ['stunnel/default-rlimits-ignored'];
  const DEFAULT = '/etc/default/stunnel4';
  const text = '# /etc/default/stunnel4\nFILES="/etc/stunnel/*.conf"\nOPTIONS=""\nPPP_RESTART=0\nRLIMITS="-n 4096"\n';
  const files = { [DEFAULT]: text, [TEMPLATE]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n', '/etc/stunnel/mail.conf': 'foreground = yes\n[imaps]\naccept = 993\nconnect = 143\n' };
  const f = findings(files, DEFAULT, { rules: RULE });
  assert.deepEqual(briefs(f), ['stunnel/default-rlimits-ignored@5:1']);
  assert.equal(f[0].severity, 'info');
  assert.equal(f[0].message, 'Only the SysV script /etc/init.d/stunnel4 reads RLIMITS=; systemd starts stunnel@.service without it, so stunnel keeps the soft limit of 1024. Set LimitNOFILE=4096 in the unit (a drop-in keeps the packaged unit untouched).');
  assert.equal(f[0].fixes[0].title, 'Create stunnel@.service.d/limits.conf with LimitNOFILE=4096');
  const fixed = applyFix(files, f[0].fixes[0]);
  assert.equal(fixed['/etc/systemd/system/stunnel@.service.d/limits.conf'], '[Service]\nLimitNOFILE=4096\n');
  assert.deepEqual(allBriefs(fixed, RULE), []);
  // Clean: no unit starts stunnel, or RLIMITS sets no open-files limit.
  assert.deepEqual(allBriefs({ [DEFAULT]: text }, RULE), []);
  assert.deepEqual(allBriefs({ ...files, [DEFAULT]: 'RLIMITS=""\n' }, RULE), []);
});

test('the default-env dialect reads shell assignments', () => {
  const doc = core.parse('file:///etc/default/stunnel4', '# c\nexport A=1 # note\nB="x y"\nif true; then :; fi\n', 'default-env');
  assert.deepEqual(doc.sections[0].entries.map((e) => [e.key, e.value, e.line]), [['A', '1', 1], ['B', 'x y', 2]]);
  assert.equal(core.detectDialect('/etc/default/stunnel4'), 'default-env');
  assert.equal(core.detectDialect('/etc/default/grub'), undefined);
});

test('missing-limit-nofile on a config several units start: one finding naming them, not one per unit', () => {
  // Reported by a new user: 200 units starting one config gave that config 200 identical warnings.
  const files = { '/etc/stunnel/s.conf': 'foreground = yes\n[x]\naccept = 1\nconnect = 2\ncert = /c\n' };
  for (let i = 0; i < 7; i++) files[`/etc/systemd/system/tls${i}.service`] = '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/s.conf\n';
  const onConfig = lint(files, { target: '/etc/stunnel/s.conf' }).filter((f) => f.rule === 'systemd/missing-limit-nofile');
  assert.deepEqual(briefs(onConfig), ['systemd/missing-limit-nofile@2:2']);
  assert.match(onConfig[0].message, /^Started by 7 units that set no LimitNOFILE= \(tls0\.service, tls1\.service, tls2\.service, tls3\.service, tls4\.service and 2 more\): stunnel gets a soft limit of 1024 open files/);
  assert.equal(onConfig[0].related.length, 7);
  // Each unit still has its own finding, with the fix.
  const onUnit = lint(files, { target: '/etc/systemd/system/tls3.service' }).filter((f) => f.rule === 'systemd/missing-limit-nofile');
  assert.deepEqual(onUnit.map((f) => f.fixes[0].title), ['Add LimitNOFILE=65536 to [Service]']);
});
