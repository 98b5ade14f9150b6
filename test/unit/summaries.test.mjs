// Checks the hover summaries in server/src/core/knowledge/{stunnel,systemd}/summaries.json:
// every known stunnel option and the commonly used systemd directives have a short, finished text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const knowledge = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'src', 'core', 'knowledge');
const load = (rel) => JSON.parse(readFileSync(join(knowledge, rel), 'utf8'));
const stunnel = load('stunnel/summaries.json');
const systemd = load('systemd/summaries.json');

const MAX_LEN = 400;

// All 99 stunnel option names (98 current plus the removed protocolCredentials), spelled as stunnel documents them.
const STUNNEL_OPTIONS = [
  'chroot', 'compression', 'EGD', 'engine', 'engineCtrl', 'engineDefault', 'fips', 'foreground',
  'iconActive', 'iconError', 'iconIdle', 'log', 'output', 'pid', 'provider', 'providerParameter',
  'RNDbytes', 'RNDfile', 'RNDoverwrite', 'setEnv', 'syslog', 'taskbar', 'accept', 'CAengine',
  'CAfile', 'CApath', 'CAstore', 'cert', 'checkEmail', 'checkHost', 'checkIP', 'ciphers',
  'ciphersuites', 'client', 'config', 'connect', 'CRLfile', 'CRLpath', 'curves', 'debug', 'delay',
  'engineId', 'engineNum', 'exec', 'execArgs', 'failover', 'ident', 'include', 'key', 'libwrap',
  'local', 'logId', 'OCSP', 'OCSPaia', 'OCSPflag', 'OCSPnonce', 'OCSPrequire', 'options',
  'protocol', 'protocolAuthentication', 'protocolDomain', 'protocolHeader', 'protocolHost',
  'protocolPassword', 'protocolUsername', 'PSKidentity', 'PSKsecrets', 'pty', 'redirect',
  'renegotiation', 'requireCert', 'reset', 'retry', 'securityLevel', 'service', 'sessionCacheSize',
  'sessionCacheTimeout', 'sessionResume', 'sessiond', 'setgid', 'setuid', 'sni', 'socket',
  'sslVersion', 'sslVersionMax', 'sslVersionMin', 'stack', 'ticketKeySecret', 'ticketMacSecret',
  'TIMEOUTbusy', 'TIMEOUTclose', 'TIMEOUTconnect', 'TIMEOUTidle', 'TIMEOUTocsp', 'transparent',
  'verify', 'verifyChain', 'verifyPeer', 'protocolCredentials',
];

// systemd directives that must always have a summary (keys as stored: bare name, or Section.Name
// where the meaning depends on the section).
const SYSTEMD_REQUIRED = [
  // [Unit]
  'Description', 'Documentation', 'Requires', 'Requisite', 'Wants', 'BindsTo', 'PartOf', 'Upholds',
  'Conflicts', 'Before', 'After', 'OnFailure', 'OnSuccess', 'StartLimitIntervalSec', 'StartLimitBurst',
  'DefaultDependencies', 'RequiresMountsFor', 'ConditionPathExists', 'AssertPathExists',
  'ConditionVirtualization', 'ConditionKernelCommandLine',
  // [Install]
  'WantedBy', 'RequiredBy', 'UpheldBy', 'Alias', 'Also', 'DefaultInstance',
  // [Service]
  'Service.Type', 'ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecStop', 'ExecStopPost', 'ExecReload',
  'ExecCondition', 'Restart', 'RestartSec', 'TimeoutStartSec', 'TimeoutStopSec', 'TimeoutSec', 'PIDFile',
  'User', 'Group', 'DynamicUser', 'WorkingDirectory', 'RootDirectory', 'Environment', 'EnvironmentFile',
  'PassEnvironment', 'StandardInput', 'StandardOutput', 'StandardError', 'SyslogIdentifier',
  'LimitCPU', 'LimitFSIZE', 'LimitDATA', 'LimitSTACK', 'LimitCORE', 'LimitRSS', 'LimitNOFILE', 'LimitAS',
  'LimitNPROC', 'LimitMEMLOCK', 'LimitLOCKS', 'LimitSIGPENDING', 'LimitMSGQUEUE', 'LimitNICE',
  'LimitRTPRIO', 'LimitRTTIME',
  'NoNewPrivileges', 'ProtectSystem', 'ProtectHome', 'PrivateTmp', 'PrivateDevices', 'PrivateNetwork',
  'ProtectKernelTunables', 'ProtectKernelModules', 'ProtectKernelLogs', 'ProtectControlGroups',
  'ProtectClock', 'ProtectHostname', 'RestrictNamespaces', 'RestrictRealtime', 'RestrictSUIDSGID',
  'LockPersonality', 'MemoryDenyWriteExecute', 'SystemCallFilter', 'SystemCallArchitectures',
  'CapabilityBoundingSet', 'AmbientCapabilities', 'ReadWritePaths', 'ReadOnlyPaths', 'InaccessiblePaths',
  'RuntimeDirectory', 'StateDirectory', 'CacheDirectory', 'LogsDirectory', 'ConfigurationDirectory',
  'UMask', 'Nice', 'OOMScoreAdjust', 'KillMode', 'KillSignal', 'SendSIGKILL', 'RemainAfterExit',
  'GuessMainPID', 'NotifyAccess', 'WatchdogSec', 'PAMName',
  'MemoryMax', 'MemoryHigh', 'MemoryLimit', 'CPUQuota', 'CPUWeight', 'CPUShares', 'IOWeight', 'TasksMax',
  'Slice', 'Delegate',
  // [Socket]
  'ListenStream', 'ListenDatagram', 'Accept', 'Service', 'SocketUser', 'SocketGroup', 'SocketMode',
  'BindIPv6Only', 'Backlog', 'MaxConnections',
  // [Timer] and [Path]
  'OnCalendar', 'OnBootSec', 'OnUnitActiveSec', 'Persistent', 'RandomizedDelaySec', 'AccuracySec', 'Unit',
  'PathExists', 'PathChanged', 'PathModified', 'DirectoryNotEmpty',
  // [Mount]
  'Mount.What', 'Where', 'Mount.Type', 'Mount.Options',
];

const isSummary = (v) => typeof v === 'string' && v.trim().length > 0;

test('stunnel: every option name has a non-empty summary', () => {
  assert.equal(STUNNEL_OPTIONS.length, 99);
  assert.equal(new Set(STUNNEL_OPTIONS).size, 99);
  const missing = STUNNEL_OPTIONS.filter((name) => !isSummary(stunnel[name]));
  assert.deepEqual(missing, []);
});

test('stunnel: no summaries for names outside the option list', () => {
  const known = new Set(STUNNEL_OPTIONS);
  assert.deepEqual(Object.keys(stunnel).filter((k) => !known.has(k)), []);
});

test('systemd: at least 200 directive summaries', () => {
  const keys = Object.keys(systemd).filter((k) => !k.startsWith('_'));
  assert.ok(keys.length >= 200, `only ${keys.length} systemd summaries`);
  for (const k of keys) assert.ok(isSummary(systemd[k]), `empty summary for ${k}`);
});

test('systemd: required directives are present', () => {
  const missing = SYSTEMD_REQUIRED.filter((k) => !isSummary(systemd[k]));
  assert.deepEqual(missing, []);
});

test('systemd: section-dependent keys are explained in _note and not duplicated as bare names', () => {
  assert.ok(isSummary(systemd._note));
  const qualified = Object.keys(systemd).filter((k) => /^[A-Z][a-z]+\.[A-Za-z]+$/.test(k));
  assert.ok(qualified.includes('Service.Type') && qualified.includes('Mount.Type'));
  for (const k of qualified) {
    assert.ok(systemd._note.includes(k), `${k} not mentioned in _note`);
    assert.equal(systemd[k.split('.')[1]], undefined, `${k} also has a bare key`);
  }
});

test('systemd: keys are directive names without "="', () => {
  const bad = Object.keys(systemd).filter((k) => k !== '_note' && !/^([A-Z][a-z]+\.)?[A-Z][A-Za-z0-9]*$/.test(k));
  assert.deepEqual(bad, []);
});

for (const [label, table] of [['stunnel', stunnel], ['systemd', systemd]]) {
  test(`${label}: summaries are at most ${MAX_LEN} characters and contain no TODO`, () => {
    const tooLong = Object.entries(table).filter(([k, v]) => v.length > MAX_LEN).map(([k]) => k);
    assert.deepEqual(tooLong, []);
    const todo = Object.entries(table).filter(([, v]) => /TODO/i.test(v)).map(([k]) => k);
    assert.deepEqual(todo, []);
  });
}
