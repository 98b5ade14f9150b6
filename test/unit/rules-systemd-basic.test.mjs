import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, fixOnce, lint } from '../helpers.mjs';

const U = '/etc/systemd/system/app.service';

test('unknown section with did-you-mean', () => {
  const files = { [U]: '[Servic]\nExecStart=/bin/true\n' };
  // With the section ignored the service has no ExecStart= either.
  assert.deepEqual(briefs(lint(files)), ['systemd/missing-exec-start@1:1-1:9', 'systemd/unknown-section@1:2-1:8']);
  assert.equal(fixOnce(files, 'systemd/unknown-section'), '[Service]\nExecStart=/bin/true\n');
});

test('a section of another unit type does not belong', () => {
  const f = lint({ [U]: '[Socket]\nListenStream=1\n' });
  assert.deepEqual(briefs(f), ['systemd/missing-exec-start@1:1-1:9', 'systemd/unknown-section@1:2-1:8']);
  assert.match(f[1].message, /does not belong in this kind of unit/);
});

test('X- sections and keys are allowed', () => {
  assert.deepEqual(briefs(lint({ [U]: '[X-Mine]\nFoo=1\n[Service]\nX-Note=1\nExecStart=/bin/true\n' })), []);
});

test('unknown key with did-you-mean; case-sensitive keys', () => {
  const files = { [U]: '[Service]\nLogDirectory=x\nexecstart=/bin/true\n' };
  const f = lint(files);
  assert.deepEqual(briefs(f), ['systemd/missing-exec-start@1:1-1:10', 'systemd/unknown-directive@2:1-2:13', 'systemd/unknown-directive@3:1-3:10']);
  assert.match(f[1].message, /Did you mean 'LogsDirectory'\?/);
  assert.match(f[2].message, /case-sensitive: write 'ExecStart'/);
  assert.equal(fixOnce(files, 'systemd/unknown-directive'), '[Service]\nLogsDirectory=x\nexecstart=/bin/true\n');
});

test('WantedBy= under [Service] moves to a new [Install] section', () => {
  const files = { [U]: '[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\nWantedBy=multi-user.target\n' };
  assert.deepEqual(briefs(lint(files)), ['systemd/directive-wrong-section@6:1-6:9']);
  assert.equal(fixOnce(files, 'systemd/directive-wrong-section'), '[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n');
});

test('Before= under [Install] moves into the existing [Unit]', () => {
  const files = { [U]: '[Unit]\nAfter=a.target\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=b.target\nBefore=c.target\n' };
  assert.deepEqual(briefs(lint(files)), ['systemd/directive-wrong-section@9:1-9:7']);
  assert.equal(fixOnce(files, 'systemd/directive-wrong-section'), '[Unit]\nAfter=a.target\nBefore=c.target\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=b.target\n');
});

test('invalid values: enums are case-sensitive, booleans, rlimits, time spans', () => {
  const f = lint({ [U]: '[Service]\nExecStart=/bin/true\nRestart=Always\nType=simpel\nRemainAfterExit=maybe\nLimitNOFILE=ininity\nLimitNOFILE=4096:1024\nTimeoutStartSec=10 parsecs\nRestartSec=1min 30s\nLimitNOFILE=1024:524288\nLimitCORE=2G\n' });
  assert.deepEqual(briefs(f), [
    'systemd/invalid-value@3:9-3:15',
    'systemd/invalid-value@4:6-4:12',
    'systemd/invalid-value@5:17-5:22',
    'systemd/invalid-value@6:13-6:20',
    'systemd/invalid-value@7:13-7:22',
    'systemd/invalid-value@8:20-8:27',
  ]);
  assert.match(f[0].message, /case-sensitive: write 'always'/);
  assert.match(f[3].message, /Did you mean 'infinity'\?/);
  assert.match(f[4].message, /soft limit 4096 is higher than the hard limit 1024/);
});

test('an inline comment after a value: reported on the comment, fix moves it above', () => {
  const files = { [U]: '[Service]\nExecStart=/bin/true\nProtectKernelModules=no  # needed\n' };
  assert.deepEqual(briefs(lint(files)), ['systemd/inline-comment@3:24-3:34']);
  assert.equal(fixOnce(files, 'systemd/inline-comment'), '[Service]\nExecStart=/bin/true\n# needed\nProtectKernelModules=no\n');
});

test('After=syslog.target: obsolete; fix drops the word or the line', () => {
  const files = { [U]: '[Unit]\nAfter=syslog.target network.target\n[Service]\nExecStart=/bin/true\n' };
  assert.deepEqual(briefs(lint(files)), ['systemd/obsolete-dependency@2:7-2:20']);
  assert.equal(fixOnce(files, 'systemd/obsolete-dependency'), '[Unit]\nAfter=network.target\n[Service]\nExecStart=/bin/true\n');
  assert.equal(fixOnce({ [U]: '[Unit]\nAfter=syslog.target\n' }, 'systemd/obsolete-dependency'), '[Unit]\n');
});

test('missing LimitNOFILE for stunnel: ~500 clients, fix inserts into [Service]', () => {
  const files = { [U]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/x.conf\n\n[Install]\nWantedBy=multi-user.target\n' };
  const f = lint(files);
  assert.deepEqual(briefs(f), ['systemd/missing-limit-nofile@1:1-1:10']);
  assert.match(f[0].message, /soft limit of 1024 open files .* about 500 concurrent clients/);
  assert.equal(fixOnce(files, 'systemd/missing-limit-nofile'), '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/x.conf\nLimitNOFILE=65536\n\n[Install]\nWantedBy=multi-user.target\n');
  assert.deepEqual(briefs(lint({ [U]: '[Service]\nExecStart=/usr/bin/stunnel4\nLimitNOFILE=32000\n' })), []);
  assert.deepEqual(briefs(lint({ [U]: '[Service]\nExecStart=/usr/bin/python3 app.py\n' })), []);
});

test('a drop-in that sets LimitNOFILE silences the unit; an empty one is rejected and the unit keeps its limit', () => {
  const unit = '/lib/systemd/system/stunnel@.service';
  const unitText = '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n';
  const dropin = '/etc/systemd/system/stunnel@.service.d/nofile.conf';
  assert.deepEqual(briefs(lint({ [unit]: unitText, [dropin]: '[Service]\nLimitNOFILE=65536\n' })), []);
  // systemd 252, 254 and 257 log "Failed to parse resource value, ignoring" for the empty line: 4096 stays.
  const files = { [unit]: unitText + 'LimitNOFILE=4096\n', [dropin]: '[Service]\nLimitNOFILE=\n' };
  for (const systemdVersion of [252, 257]) {
    assert.deepEqual(briefs(lint(files, { settings: { systemdVersion } })), []);
    const onDropIn = lint(files, { target: dropin, settings: { systemdVersion } });
    assert.deepEqual(briefs(onDropIn), ['systemd/invalid-value@2:13-2:13']);
    assert.equal(onDropIn[0].message, `systemd ${systemdVersion} does not accept an empty LimitNOFILE= (it does not reset the setting) and ignores the line. Remove the line, or give a value.`);
  }
});

test('an empty Type= in a drop-in is ignored: Type=oneshot stays, so two ExecStart= lines are fine', () => {
  // systemd-analyze verify (252, 254, 257): "Failed to parse service type, ignoring", and no refusal.
  const unit = '/etc/systemd/system/job.service';
  const dropin = '/etc/systemd/system/job.service.d/reset.conf';
  const files = { [unit]: '[Service]\nType=oneshot\nExecStart=/bin/true\nExecStart=/bin/true\n', [dropin]: '[Service]\nType=\n' };
  assert.deepEqual(briefs(lint(files)), []);
  assert.deepEqual(briefs(lint(files, { target: dropin })), ['systemd/invalid-value@2:6-2:6']);
  // An empty ExecStart= does reset the list: the unit then has no command at all.
  assert.deepEqual(briefs(lint({ [unit]: files[unit], [dropin]: '[Service]\nExecStart=\n' })), ['systemd/missing-exec-start@1:1-1:10']);
});

test('Type=forking without PIDFile: fix uses the started config pid path, under /run', () => {
  const conf = '/usr/local/etc/stunnel/stunnel.conf';
  const files = {
    [U]: '[Service]\nLimitNOFILE=32000\nExecStart=/usr/local/bin/stunnel /usr/local/etc/stunnel/stunnel.conf\nType=forking\n',
    [conf]: 'pid = /var/run/stunnel/stunnel.pid\n[s]\naccept = 443\nconnect = 80\ncert = /c.pem\n',
  };
  const f = lint(files);
  assert.deepEqual(briefs(f), ['systemd/forking-without-pidfile@4:6-4:13']);
  assert.match(f[0].message, /writes its pid to \/run\/stunnel\/stunnel.pid/);
  assert.equal(fixOnce(files, 'systemd/forking-without-pidfile'), files[U] + 'PIDFile=/run/stunnel/stunnel.pid\n');
  assert.deepEqual(briefs(lint({ [U]: files[U] + 'PIDFile=/run/stunnel/stunnel.pid\n', [conf]: files[conf] })), []);
});

test('assignment before any section', () => {
  assert.deepEqual(briefs(lint({ [U]: 'Description=x\n[Unit]\n[Service]\nExecStart=/bin/true\n' })), ['systemd/syntax-error@1:1-1:14']);
});
