// Which configs a unit starts and what the unit rules then say: a template's %i names one file in
// its own folder (never an included fragment in a subfolder); rules that would contradict each
// other for one unit and config stay quiet where the other one already speaks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';
import { allBriefs, applyFix, briefs, findings, ROOT, workspace } from './graph-helpers.mjs';

const TEMPLATE = '/etc/systemd/system/stunnel@.service';
const TEMPLATE_TEXT = '[Service]\nType=simple\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\nLimitNOFILE=65536\n';
const SERVICE = '[x]\naccept = 127.0.0.1:8443\nconnect = 127.0.0.1:80\n';
const TYPE = ['systemd/type-foreground-mismatch'];

function configsOf(ws, unitPath, root = ROOT) {
  const unit = ws.get(core.pathToUri(root + unitPath));
  return core.daemonLaunch(ws, unit).configs.map(core.uriToPath);
}

test('%i names one file in its own folder: an included fragment in conf.d/ is not an instance', () => {
  const files = {
    [TEMPLATE]: TEMPLATE_TEXT,
    '/etc/stunnel/main.conf': 'foreground = yes\ninclude = /etc/stunnel/conf.d\n',
    '/etc/stunnel/conf.d/frag.conf': SERVICE,
  };
  assert.deepEqual(configsOf(workspace(files), TEMPLATE), ['/img/etc/stunnel/main.conf']);
  assert.deepEqual(allBriefs(files, TYPE), []);
  // A real instance config next to it is still read, and named by its instance.
  const withMail = { ...files, '/etc/stunnel/mail.conf': SERVICE };
  const f = findings(withMail, TEMPLATE, { rules: TYPE });
  assert.deepEqual(briefs(f), ['systemd/type-foreground-mismatch@2:6']);
  assert.deepEqual(f[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 11 } });
  assert.equal(
    f[0].message,
    'Type=simple, but mail.conf does not set foreground = yes: stunnel forks into the background and its first process exits, so systemd considers stunnel@mail.service finished and stops it, killing the tunnel with it. Set foreground = yes in the config (stunnel then logs to the journal), or use Type=forking with a pid file (pid = in the config, PIDFile= in the unit).',
  );
  assert.equal(f[0].fixes[0].title, 'Set foreground = yes in mail.conf');
  assert.equal(applyFix(withMail, f[0].fixes[0])['/etc/stunnel/mail.conf'], 'foreground = yes\n' + SERVICE);
});

test('%i does not match a file another config includes, even in the pattern folder', () => {
  const unit = '/etc/systemd/system/tls@.service';
  const files = {
    [unit]: '[Service]\nType=simple\nExecStart=/usr/bin/stunnel4 /etc/stunnel/conf.d/%i.conf\nLimitNOFILE=65536\n',
    '/etc/stunnel/stunnel.conf': 'foreground = yes\ninclude = conf.d\n',
    '/etc/stunnel/conf.d/a.conf': SERVICE,
    '/etc/stunnel/conf.d/b.conf': SERVICE,
  };
  assert.deepEqual(configsOf(workspace(files), unit), []);
  assert.deepEqual(allBriefs(files, TYPE), []);
  // Without the including config they are whole configs, and each is an instance.
  const { ['/etc/stunnel/stunnel.conf']: _, ...alone } = files;
  assert.deepEqual(configsOf(workspace(alone), unit), ['/img/etc/stunnel/conf.d/a.conf', '/img/etc/stunnel/conf.d/b.conf']);
  assert.deepEqual(allBriefs(alone, TYPE), ['/etc/systemd/system/tls@.service:2 systemd/type-foreground-mismatch', '/etc/systemd/system/tls@.service:2 systemd/type-foreground-mismatch']);
});

test('outside an image: %i matches the absolute folder or a folder of the same name, not subfolders or others', () => {
  const unit = '/repo/systemd/stunnel@.service';
  const files = {
    [unit]: TEMPLATE_TEXT,
    '/repo/stunnel/mail.conf': SERVICE,
    '/repo/stunnel/conf.d/frag.conf': SERVICE,
    '/repo/backup/old.conf': SERVICE,
    '/etc/stunnel/web.conf': SERVICE,
  };
  const ws = workspace(files, { image: false });
  for (const p of Object.keys(files).slice(1)) ws.set(core.pathToUri(p), files[p], undefined, 'stunnel');
  assert.deepEqual(configsOf(ws, unit, ''), ['/etc/stunnel/web.conf', '/repo/stunnel/mail.conf']);
});

test('Type=forking with foreground = yes: only type-foreground-mismatch; no PIDFile= advice for a daemon that never forks', () => {
  const unit = '/etc/systemd/system/stunnel.service';
  const conf = '/etc/stunnel/stunnel.conf';
  const both = ['systemd/forking-without-pidfile', 'systemd/type-foreground-mismatch'];
  const files = { [unit]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nType=forking\nLimitNOFILE=65536\n', [conf]: 'foreground = yes\n' + SERVICE };
  const f = findings(files, unit, { rules: both });
  assert.deepEqual(briefs(f), ['systemd/type-foreground-mismatch@3:6']);
  assert.deepEqual(f[0].range, { start: { line: 2, character: 5 }, end: { line: 2, character: 12 } });
  assert.deepEqual(f[0].fixes.map((x) => x.title), ['Use Type=simple', 'Set foreground = no in stunnel.conf']);
  // A config that forks and writes a pid file: the PIDFile= advice is back, with its fix.
  const forking = { ...files, [conf]: 'pid = /run/stunnel.pid\n' + SERVICE };
  const g = findings(forking, unit, { rules: both });
  assert.deepEqual(briefs(g), ['systemd/forking-without-pidfile@3:6']);
  assert.equal(g[0].message, 'Type=forking without PIDFile=: systemd has to guess which process is the main one after the fork, and a wrong guess breaks stop, reload and restart. The stunnel config writes its pid to /run/stunnel.pid; name it with PIDFile=/run/stunnel.pid.');
  assert.equal(applyFix(forking, g[0].fixes[0])[unit], '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel.pid\nLimitNOFILE=65536\n');
  // A template with one instance in the foreground and one forking: the forking one still needs PIDFile=.
  const template = { [TEMPLATE]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\nType=forking\n', '/etc/stunnel/a.conf': 'foreground = yes\n' + SERVICE, '/etc/stunnel/b.conf': SERVICE };
  assert.deepEqual(briefs(findings(template, TEMPLATE, { rules: both })), ['systemd/forking-without-pidfile@3:6', 'systemd/type-foreground-mismatch@3:6']);
});

test('setuid-low-port: silent when the unit runs stunnel as a non-root User=; the unit rules speak instead', () => {
  const unit = '/etc/systemd/system/stunnel.service';
  const conf = '/etc/stunnel/stunnel.conf';
  const rules = ['stunnel/setuid-low-port', 'systemd/user-setuid-conflict', 'systemd/privileged-port-without-capability'];
  const config = 'setuid = stunnel4\nforeground = yes\n[web]\naccept = 443\nconnect = 127.0.0.1:80\n';
  const files = { [unit]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nUser=stunnel4\nLimitNOFILE=65536\n', [conf]: config };
  assert.deepEqual(allBriefs(files, rules), ['/etc/systemd/system/stunnel.service:3 systemd/privileged-port-without-capability', '/etc/systemd/system/stunnel.service:3 systemd/user-setuid-conflict']);
  const u = findings(files, unit, { rules });
  assert.deepEqual(u.map((x) => x.range), [{ start: { line: 2, character: 5 }, end: { line: 2, character: 13 } }, { start: { line: 2, character: 5 }, end: { line: 2, character: 13 } }]);
  assert.equal(u[1].message, 'stunnel.service already runs stunnel as User=stunnel4; setuid = stunnel4 in stunnel.conf repeats it. Remove it so the account is set in one place.');
  assert.equal(applyFix(files, u[1].fixes[0])[conf], 'foreground = yes\n[web]\naccept = 443\nconnect = 127.0.0.1:80\n');
  // Started as root (no User=), or by no unit in the workspace: stunnel does bind as root, then switches.
  const asRoot = { ...files, [unit]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n' };
  for (const tree of [asRoot, { [conf]: config }]) {
    const f = findings(tree, conf, { rules });
    assert.deepEqual(briefs(f), ['stunnel/setuid-low-port@1:1']);
    assert.deepEqual(f[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } });
    assert.equal(f[0].message, "stunnel binds port 443 as root and then switches to user 'stunnel4'. A reload (SIGHUP) that adds or changes a service on a port below 1024 cannot bind it any more: restart stunnel instead of reloading, or grant CAP_NET_BIND_SERVICE.");
  }
  assert.deepEqual(allBriefs(asRoot, rules), ['/etc/stunnel/stunnel.conf:1 stunnel/setuid-low-port']);
});
