// Settings: --rule, --security, --systemd-version, --stunnel-version, the nearest .daemonlintrc,
// --config FILE and --print-config, with flags over the file over the defaults.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { briefs, core, makeTree, rcText, run, SITE, SITE_BRIEFS } from './cli-helpers.mjs';

const STUNNEL_RULES = Object.fromEntries(core.RULES.filter((r) => r.dialect === 'stunnel').map((r) => [r.id, r.severity]));

test('--rule ID=off drops a rule; --rule ID=LEVEL re-levels it; the last one given wins', (t) => {
  const dir = makeTree(t, SITE);
  const off = run(['--format', 'json', '--rule', 'systemd/obsolete-dependency=off', '--rule', 'limits/syntax-error=off'], { cwd: dir });
  assert.deepEqual(
    briefs(off.stdout),
    SITE_BRIEFS.filter((b) => !b.includes('obsolete-dependency') && !b.includes('limits/syntax-error')),
  );
  const relevel = run(['--format', 'json', '--rule', 'stunnel/unknown-option=off', '--rule=stunnel/unknown-option=info'], { cwd: dir });
  const f = JSON.parse(relevel.stdout).find((x) => x.rule === 'stunnel/unknown-option');
  assert.equal(f.severity, 'info');
  assert.equal(relevel.stderr, '4 files, 2 errors, 3 warnings, 1 info\n');
});

test('--print-config: defaults for a path with no configuration file', (t) => {
  const dir = makeTree(t, SITE, { rc: false });
  const r = run(['--print-config', 'etc/stunnel/stunnel.conf'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), {
    configFile: null,
    dialect: 'stunnel',
    systemdVersion: 257,
    stunnelVersion: '5.75',
    security: false,
    expectedConnections: null,
    rules: STUNNEL_RULES,
  });
  // A directory (no dialect) lists every rule.
  const all = JSON.parse(run(['--print-config', '.'], { cwd: dir }).stdout);
  assert.equal(all.dialect, null);
  assert.deepEqual(Object.keys(all.rules), core.RULES.map((r) => r.id));
});

test('--print-config: the nearest .daemonlintrc, then command-line flags on top', (t) => {
  const dir = makeTree(t, {
    ...SITE,
    '.daemonlintrc': 'systemdVersion = 252\n[rules]\nstunnel/deprecated-option = off\n',
    'etc/stunnel/.daemonlintrc': '; closer to the file, so it wins outright (files are not merged)\nstunnelVersion = 5.68\nsecurity = true\nexpectedConnections = 2000\n[rules]\nstunnel/unknown-option = warning\n',
  });
  const near = JSON.parse(run(['--print-config', 'etc/stunnel/stunnel.conf'], { cwd: dir }).stdout);
  assert.deepEqual(near, {
    configFile: 'etc/stunnel/.daemonlintrc',
    dialect: 'stunnel',
    systemdVersion: 257,
    stunnelVersion: '5.68',
    security: true,
    expectedConnections: 2000,
    rules: { ...STUNNEL_RULES, 'stunnel/unknown-option': 'warning' },
  });
  const flags = JSON.parse(
    run(['--print-config', 'etc/stunnel/stunnel.conf', '--systemd-version', '249', '--stunnel-version', '5.60', '--rule', 'stunnel/unknown-option=hint', '--security'], { cwd: dir }).stdout,
  );
  assert.deepEqual([flags.systemdVersion, flags.stunnelVersion, flags.security, flags.rules['stunnel/unknown-option']], [249, '5.60', true, 'hint']);
  const top = JSON.parse(run(['--print-config', 'etc/systemd/system/stunnel.service'], { cwd: dir }).stdout);
  assert.deepEqual([top.configFile, top.dialect, top.systemdVersion, top.security], ['.daemonlintrc', 'systemd-unit', 252, false]);
  // From a subdirectory, the configuration file is still found by walking up.
  const fromSub = JSON.parse(run(['--print-config', 'stunnel.conf'], { cwd: path.join(dir, 'etc', 'stunnel') }).stdout);
  assert.equal(fromSub.configFile, '.daemonlintrc');
  assert.equal(fromSub.stunnelVersion, '5.68');
});

test('linting uses each file\'s nearest .daemonlintrc', (t) => {
  const dir = makeTree(t, {
    ...SITE,
    '.daemonlintrc': rcText({ rules: 'systemd/obsolete-dependency = off\n' }),
    'etc/stunnel/.daemonlintrc': rcText({ rules: 'stunnel/unknown-option = off\n' }),
  });
  const r = run(['--format', 'json'], { cwd: dir });
  // The stunnel file's own .daemonlintrc replaces the top one, so obsolete-dependency stays off
  // only for the unit, and unknown-option is off only for the stunnel config.
  assert.deepEqual(
    briefs(r.stdout),
    SITE_BRIEFS.filter((b) => !b.includes('obsolete-dependency') && !b.includes('unknown-option')),
  );
});

test('--config FILE replaces the lookup; a flag still wins over it', (t) => {
  const dir = makeTree(t, {
    ...SITE,
    '.daemonlintrc': rcText({ rules: 'systemd/obsolete-dependency = off\n' }),
    'ci/strict.ini': rcText({ rules: 'systemd/obsolete-dependency = error\nstunnel/deprecated-option = error\n' }),
  });
  const r = run(['--format', 'json', '--config', 'ci/strict.ini', '--rule', 'stunnel/deprecated-option=info'], { cwd: dir });
  const sev = Object.fromEntries(JSON.parse(r.stdout).map((f) => [f.rule, f.severity]));
  assert.equal(sev['systemd/obsolete-dependency'], 'error');
  assert.equal(sev['stunnel/deprecated-option'], 'info');
  assert.equal(JSON.parse(run(['--print-config', 'etc', '--config', 'ci/strict.ini'], { cwd: dir }).stdout).configFile, 'ci/strict.ini');
});

test('a broken .daemonlintrc: every problem on its own line, exit 2, nothing linted', (t) => {
  const dir = makeTree(t, {
    'conf/stunnel.conf': 'fooBar = 1\n',
    'conf/.daemonlintrc': 'bogus = 1\nsystemdVersion = latest\nstunnelVersion = 5\nsecurity = maybe\nexpectedConnections = -3\n[rules]\nx/y = off\nstunnel/unknown-option = loud\n[extra]\na = 1\n',
  });
  const r = run(['conf'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    [
      "conf/.daemonlintrc: unknown key 'bogus' (known: systemdVersion, stunnelVersion, security, expectedConnections, [rules])",
      "conf/.daemonlintrc: systemdVersion must be a whole number such as 252, not 'latest'",
      "conf/.daemonlintrc: stunnelVersion must look like 5.68, not '5'",
      "conf/.daemonlintrc: security must be true or false, not 'maybe'",
      "conf/.daemonlintrc: expectedConnections must be a positive whole number, not '-3'",
      "conf/.daemonlintrc: unknown rule 'x/y' (see daemonlint --list-rules)",
      "conf/.daemonlintrc: rule 'stunnel/unknown-option': level must be one of off, hint, info, warning, error, not 'loud'",
      'conf/.daemonlintrc: unknown section [extra] (only [rules] is read)',
    ]
      .map((l) => `daemonlint: ${l}\n`)
      .join(''),
  );
  // --print-config reports the same problems the same way.
  assert.equal(run(['--print-config', 'conf/stunnel.conf'], { cwd: dir }).stderr, r.stderr);
});

test('parseRcFile (core): the text of a .daemonlintrc as partial settings', () => {
  assert.deepEqual(core.parseRcFile('# comment\nsecurity = false\n[rules]\nsystemd/invalid-value = warning\n'), {
    settings: { security: false, rules: { 'systemd/invalid-value': 'warning' } },
    problems: [],
  });
  assert.deepEqual(core.parseRcFile(''), { settings: {}, problems: [] });
  assert.deepEqual(core.parseRcFile('[rules.systemd]\ninvalid-value = off\n').problems, ["[rules.systemd]: nested sections are not supported; write 'systemd/... = level' under [rules]"]);
});

test('--stunnel-version and --systemd-version (or the file\'s keys) decide what is too new', (t) => {
  const files = {
    'stunnel.conf': '[web]\naccept = 443\nconnect = 80\ncert = /etc/s.pem\nsessionResume = no\n',
    'a.service': '[Service]\nExecStart=/bin/true\nType=notify-reload\n',
  };
  const dir = makeTree(t, files);
  const on = ['--rule', 'stunnel/newer-option=error', '--format', 'json'];
  // The defaults (stunnel 5.75, systemd 257) know both.
  assert.deepEqual(briefs(run(on, { cwd: dir }).stdout), []);
  const old = run([...on, '--stunnel-version', '5.50', '--systemd-version=250'], { cwd: dir });
  assert.deepEqual(briefs(old.stdout), ['a.service systemd/invalid-value@3:6', 'stunnel.conf stunnel/newer-option@5:1']);
  assert.deepEqual(JSON.parse(old.stdout).map((f) => f.message.slice(0, 40)), ['Type=notify-reload needs systemd 253; sy', "'sessionResume' was added in stunnel 5.6"]);
  // The same versions from .daemonlintrc; a flag still wins over the file.
  const rcDir = makeTree(t, { ...files, '.daemonlintrc': rcText({ top: 'stunnelVersion = 5.50\nsystemdVersion = 250\n' }) });
  assert.deepEqual(briefs(run(on, { cwd: rcDir }).stdout), ['a.service systemd/invalid-value@3:6', 'stunnel.conf stunnel/newer-option@5:1']);
  assert.deepEqual(briefs(run([...on, '--stunnel-version', '5.75', '--systemd-version', '253'], { cwd: rcDir }).stdout), []);
});

test('suppression comments: the unused-suppression check is a rule id --rule and .daemonlintrc accept', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': '# daemonlint-disable-next-line stunnel/unknown-option\nfooBar = 1\n# daemonlint-disable-next-line stunnel/unknown-option\npid = /run/x.pid\n' });
  const r = run(['--format', 'json', '--rule', 'daemonlint/unused-suppression=warning'], { cwd: dir });
  assert.deepEqual(briefs(r.stdout), ['stunnel.conf daemonlint/unused-suppression@3:32']);
  assert.equal(JSON.parse(r.stdout)[0].severity, 'warning');
  assert.deepEqual(briefs(run(['--format', 'json', '--rule', 'daemonlint/unused-suppression=off'], { cwd: dir }).stdout), []);
  assert.deepEqual(core.parseRcFile('[rules]\ndaemonlint/unused-suppression = off\n').problems, []);
});

test('--print-config: a path that does not exist (or cannot be used) is an error, exit 2, nothing printed', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': '', loop: { symlink: 'loop' } });
  assert.deepEqual(run(['--print-config', '/nope'], { cwd: dir }), { code: 2, stdout: '', stderr: 'daemonlint: no such file or directory: /nope\n' });
  assert.deepEqual(run(['--print-config', 'stunnel.conf/x'], { cwd: dir }), { code: 2, stdout: '', stderr: 'daemonlint: no such file or directory: stunnel.conf/x\n' });
  assert.deepEqual(run(['--print-config=loop'], { cwd: dir }), { code: 2, stdout: '', stderr: 'daemonlint: loop: too many levels of symbolic links\n' });
});

test('--config FILE is named as typed, in errors and in --print-config', (t) => {
  const dir = makeTree(t, { 'ci/bad.ini': 'bogus = 1\n', 'ci/good.ini': 'security = true\n', 'work/stunnel.conf': '' });
  const cwd = path.join(dir, 'work');
  const bad = path.join(dir, 'ci', 'bad.ini');
  const problem = "unknown key 'bogus' (known: systemdVersion, stunnelVersion, security, expectedConnections, [rules])";
  assert.deepEqual(run(['--config', bad], { cwd }), { code: 2, stdout: '', stderr: `daemonlint: ${bad}: ${problem}\n` });
  assert.deepEqual(run(['--config', './../ci/bad.ini'], { cwd }), { code: 2, stdout: '', stderr: `daemonlint: ./../ci/bad.ini: ${problem}\n` });
  const good = path.join(dir, 'ci', 'good.ini');
  assert.equal(JSON.parse(run(['--print-config', '.', '--config', good], { cwd }).stdout).configFile, good);
});
