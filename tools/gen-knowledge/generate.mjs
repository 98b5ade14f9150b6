#!/usr/bin/env node
// Turns the reference tables into the compact knowledge files under server/src/core/knowledge/.
// Usage: node tools/gen-knowledge/generate.mjs [--reference DIR] [--only stunnel|systemd]
// DIR defaults to ../shared/reference (the reference tables: stunnel-options.json, built from
// stunnel 5.75's options.c; systemd-directives.json, built from systemd 257.13's
// load-fragment-gperf.gperf.in). The product reads only the generated files.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const argi = process.argv.indexOf('--reference');
const refDir = argi > 0 ? resolve(process.argv[argi + 1]) : resolve(repo, '../shared/reference');
const outDir = join(repo, 'server/src/core/knowledge');
const today = new Date().toISOString().slice(0, 10);

// --only stunnel|systemd regenerates one dialect's files and leaves the others untouched.
const onlyi = process.argv.indexOf('--only');
const only = onlyi > 0 ? process.argv[onlyi + 1] : undefined;
function write(path, provenance, data) {
  if (only && !path.includes(`/${only}/`)) return;
  writeFileSync(path, JSON.stringify({ _provenance: provenance, _generated: today, ...data }, null, 1) + '\n');
  console.log(`wrote ${path}`);
}

// ---------- stunnel ----------
const STUNNEL_MANUAL = 'https://www.stunnel.org/static/stunnel.html';
const SSL_VERSIONS = ['all', 'SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
// Value sets that the reference gives as prose; the words themselves are stunnel's.
const STUNNEL_VALUE_OVERRIDES = {
  sslVersion: { type: 'enum', values: SSL_VERSIONS },
  sslVersionMin: { type: 'enum', values: SSL_VERSIONS.filter((v) => v !== 'SSLv2') },
  sslVersionMax: { type: 'enum', values: SSL_VERSIONS.filter((v) => v !== 'SSLv2') },
  debug: { type: 'debug-level', values: ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] },
  options: { type: 'ssl-options', values: ['ALL', 'NO_SSLv2', 'NO_SSLv3', 'NO_TLSv1', 'NO_TLSv1_1', 'NO_TLSv1_2', 'NO_TLSv1_3', 'NO_COMPRESSION', 'NO_TICKET', 'CIPHER_SERVER_PREFERENCE', 'SINGLE_DH_USE', 'SINGLE_ECDH_USE', 'DONT_INSERT_EMPTY_FRAGMENTS', 'LEGACY_SERVER_CONNECT', 'ALLOW_UNSAFE_LEGACY_RENEGOTIATION', 'NO_RENEGOTIATION', 'PRIORITIZE_CHACHA', 'ENABLE_KTLS', 'IGNORE_UNEXPECTED_EOF'] },
  protocol: { type: 'enum', values: ['cifs', 'capwin', 'capwinctrl', 'connect', 'imap', 'ldap', 'nntp', 'pgsql', 'pop3', 'proxy', 'smtp', 'socks'] },
  protocolAuthentication: { type: 'enum', values: ['basic', 'ntlm', 'plain', 'login'] },
  transparent: { type: 'enum', values: ['none', 'source', 'destination', 'both', 'yes', 'no'] },
  OCSPflag: { type: 'enum', values: ['NOCERTS', 'NOINTERN', 'NOSIGS', 'NOCHAIN', 'NOVERIFY', 'NOEXPLICIT', 'NOCASIGN', 'NODELEGATED', 'NOCHECKS', 'TRUSTOTHER', 'RESPID_KEY', 'NOTIME'] },
  retry: { type: 'boolean-or-integer', values: ['yes', 'no'] },
  verify: { type: 'integer', min: 0, max: 4 },
  securityLevel: { type: 'integer', min: 0, max: 5 },
  socket: { type: 'socket-option' },
};
// Replacements for deprecated options (facts from stunnel's NEWS and manual).
const STUNNEL_REPLACEMENTS = {
  sslVersion: { since: '5.45', use: ['sslVersionMin', 'sslVersionMax'] },
  verify: { since: '5.34', use: ['verifyChain', 'verifyPeer', 'requireCert'] },
};

function stunnelType(o) {
  const t = o.type;
  if (t === 'boolean') return 'boolean';
  if (t.startsWith('integer')) return 'integer';
  if (t === 'address') return 'address';
  if (t.startsWith('path') || t === 'URL' || t.startsWith('URI')) return 'path';
  if (t === 'enum') return 'enum';
  if (t === 'hex string') return 'hex';
  return 'string';
}

function stunnelScope(o) {
  if (o.scope === 'global') return 'global';
  if (o.scope === 'both' || o.scope.startsWith('both')) return 'both';
  return 'service';
}

const stunnelRef = JSON.parse(readFileSync(join(refDir, 'stunnel-options.json'), 'utf8'));
const stunnelOptions = {};
for (const o of stunnelRef) {
  const over = STUNNEL_VALUE_OVERRIDES[o.name] ?? {};
  const values = over.values ?? (Array.isArray(o.values) ? o.values.filter((v) => /^[A-Za-z0-9_.-]+$/.test(v)) : undefined);
  const repl = STUNNEL_REPLACEMENTS[o.name];
  stunnelOptions[o.name] = {
    scope: stunnelScope(o),
    type: over.type ?? stunnelType(o),
    valueText: o.type,
    ...(values ? { values } : {}),
    ...(over.min !== undefined ? { min: over.min, max: over.max } : {}),
    default: o.default,
    list: typeof o.repeatable === 'string' && o.repeatable.startsWith('yes'),
    added: o.added,
    ...(repl ? { deprecated: repl } : {}),
    ...(o.status === 'removed' ? { removed: true } : {}),
    ...(o.aliases ? { aliases: o.aliases } : {}),
    ...(o.platform && o.platform !== 'all' ? { platform: o.platform } : {}),
    url: o.manAnchor ? `${STUNNEL_MANUAL}#${o.manAnchor}` : STUNNEL_MANUAL,
  };
}
write(join(outDir, 'stunnel/options.json'), `Generated by tools/gen-knowledge/generate.mjs from the stunnel option table (stunnel 5.75 options.c, manual anchors from stunnel.pod.in). Do not edit by hand.`, { version: '5.75', manual: STUNNEL_MANUAL, options: stunnelOptions });

// ---------- systemd ----------
// Word lists of systemd's hand-written enum parsers (config_parse_* without a string table).
const SYSTEMD_ENUMS = {
  'enum:kill-mode': ['control-group', 'mixed', 'process', 'none'],
  'enum:emergency-action': ['none', 'exit', 'exit-force', 'reboot', 'reboot-force', 'reboot-immediate', 'poweroff', 'poweroff-force', 'poweroff-immediate', 'halt', 'halt-force', 'halt-immediate', 'soft-reboot', 'soft-reboot-force', 'kexec', 'kexec-force'],
  'enum:io-class': ['realtime', 'best-effort', 'idle', 'none', '0', '1', '2', '3'],
  'enum:cpu-sched-policy': ['other', 'batch', 'idle', 'fifo', 'rr', 'ext'],
  'enum:mount-propagation': ['shared', 'slave', 'private'],
  'enum:managed-oom-mode': ['auto', 'kill'],
  'enum:socket-protocol': ['udplite', 'sctp', 'mptcp'],
  'enum:personality': ['x86', 'x86-64', 'ppc', 'ppc-le', 'ppc64', 'ppc64-le', 's390', 's390x', 'arm', 'arm64', 'mips', 'mips64', 'riscv64'],
};
// Parsers that expand %-specifiers (they run the value through unit_full_printf() or
// unit_path_printf() / unit_name_printf(); [Install] names are expanded by systemctl).
const SYSTEMD_PRINTF_PARSERS = new Set([
  'config_parse_unit_string_printf', 'config_parse_unit_path_printf', 'config_parse_unit_path_strv_printf', 'config_parse_unit_deps',
  'config_parse_exec', 'config_parse_environ', 'config_parse_unit_env_file', 'config_parse_pass_environ', 'config_parse_unset_environ',
  'config_parse_socket_listen', 'config_parse_exec_input', 'config_parse_exec_input_text', 'config_parse_exec_output',
  'config_parse_user_group_compat', 'config_parse_user_group_strv_compat', 'config_parse_working_directory',
  'config_parse_unit_condition_path', 'config_parse_unit_condition_string', 'config_parse_documentation', 'config_parse_namespace_path_strv',
  'config_parse_bind_paths', 'config_parse_temporary_filesystems', 'config_parse_exec_directories', 'config_parse_set_credential',
  'config_parse_load_credential', 'config_parse_import_credential', 'config_parse_path_spec', 'config_parse_trigger_unit', 'config_parse_unit_slice',
  'config_parse_socket_service', 'config_parse_fdname', 'config_parse_pid_file', 'config_parse_log_extra_fields', 'config_parse_bus_name',
  'config_parse_unit_mounts_for', 'config_parse_ip_filter_bpf_progs', 'config_parse_bpf_foreign_program', 'config_parse_mount_images',
  'config_parse_extension_images', 'config_parse_mount_node', 'config_parse_exec_apparmor_profile', 'config_parse_exec_selinux_context',
  'config_parse_exec_smack_process_label', 'config_parse_log_namespace', 'config_parse_open_file', 'config_parse_colon_separated_paths',
  'config_parse_device_allow', 'config_parse_io_device_weight', 'config_parse_io_limit', 'config_parse_io_device_latency',
  'config_parse_blockio_device_weight', 'config_parse_blockio_bandwidth', 'config_parse_root_image_options', 'config_parse_alias',
  'config_parse_also', 'config_parse_strv', 'config_parse_default_instance', 'config_parse_service_sockets',
]);
// Parsers that reject an empty value ("Key=") instead of resetting it: systemd logs "Failed to
// parse ..., ignoring" and the earlier value stays. Measured with `systemd-analyze verify` of
// systemd 252, 254 and 257 (one probe line per directive): these parsers behave the same in all
// three, so the flag holds for every release.
const SYSTEMD_EMPTY_REJECTED = new Set([
  'config_parse_bool', 'config_parse_job_mode', 'config_parse_job_mode_isolate', 'config_parse_job_timeout_sec', 'config_parse_job_running_timeout_sec',
  'config_parse_emergency_action', 'config_parse_sec', 'config_parse_unsigned', 'config_parse_collect_mode', 'config_parse_service_timeout',
  'config_parse_sec_fix_0', 'config_parse_service_timeout_failure_mode', 'config_parse_service_type', 'config_parse_service_exit_type',
  'config_parse_service_restart', 'config_parse_bus_name', 'config_parse_notify_access', 'config_parse_oom_policy', 'config_parse_exec_cpu_sched_prio',
  'config_parse_mode', 'config_parse_exec_input', 'config_parse_exec_output', 'config_parse_log_facility', 'config_parse_log_level', 'config_parse_nsec',
  'config_parse_exec_keyring_mode', 'config_parse_protect_proc', 'config_parse_proc_subset', 'config_parse_rlimit', 'config_parse_private_tmp',
  'config_parse_protect_control_groups', 'config_parse_private_users', 'config_parse_protect_system', 'config_parse_protect_home',
  'config_parse_exec_preserve_mode', 'config_parse_exec_utmp_mode', 'config_parse_unit_slice', 'config_parse_device_policy',
  'config_parse_managed_oom_preference', 'config_parse_signal', 'config_parse_socket_protocol', 'config_parse_socket_bind', 'config_parse_int',
  'config_parse_iec_size', 'config_parse_socket_timestamping', 'config_parse_long', 'config_parse_socket_service', 'config_parse_trigger_unit',
  // Newer than 252, measured on 254 and 257.
  'config_parse_service_restart_mode', 'config_parse_memory_pressure_watch', 'config_parse_private_pids',
]);
// Directives whose parser changed: an empty value is rejected up to the given release and resets
// the setting after it. PrivateMounts= was a plain boolean in 252 and takes an empty value in 254
// (253 was not measured).
const SYSTEMD_EMPTY_REJECTED_UNTIL = { PrivateMounts: 252 };
// systemd 252 knows none, reboot*, poweroff* and exit* as emergency actions.
const EMERGENCY_ACTION_SINCE = { halt: 253, 'halt-force': 253, 'halt-immediate': 253, 'soft-reboot': 254, 'soft-reboot-force': 254, kexec: 254, 'kexec-force': 254 };
// Enum words newer than the directive itself: value -> first systemd release that accepts it (from systemd's NEWS).
const SYSTEMD_VALUE_SINCE = {
  'Service.Type': { exec: 240, 'notify-reload': 253 },
  ProtectSystem: { strict: 232 },
  ProtectHome: { tmpfs: 242 },
  PrivateTmp: { connected: 257, disconnected: 257 },
  ProtectControlGroups: { private: 257, strict: 257 },
  PrivateUsers: { self: 256, identity: 256 },
  OnSuccessJobMode: { 'restart-dependencies': 254 },
  OnFailureJobMode: { 'restart-dependencies': 254 },
  RestartMode: { debug: 257 },
  CPUSchedulingPolicy: { ext: 257 },
  SuccessAction: EMERGENCY_ACTION_SINCE,
  FailureAction: EMERGENCY_ACTION_SINCE,
  StartLimitAction: EMERGENCY_ACTION_SINCE,
  JobTimeoutAction: EMERGENCY_ACTION_SINCE,
};
// Defaults in force when a directive is not set (system manager, stock build). Facts from the
// systemd manual pages, in short form. 'Section.Key' entries win over plain 'Key' entries.
const SYSTEMD_DEFAULTS = {
  DefaultDependencies: 'yes', StopWhenUnneeded: 'no', RefuseManualStart: 'no', RefuseManualStop: 'no', AllowIsolate: 'no',
  CollectMode: 'inactive', JobTimeoutSec: 'infinity', StartLimitIntervalSec: '10s (DefaultStartLimitIntervalSec=)', StartLimitBurst: '5 (DefaultStartLimitBurst=)',
  StartLimitAction: 'none', FailureAction: 'none', SuccessAction: 'none', OnFailureJobMode: 'replace', OnSuccessJobMode: 'fail',
  'Service.Type': 'simple (oneshot when there is no ExecStart=)', RemainAfterExit: 'no', GuessMainPID: 'yes', Restart: 'no', RestartSec: '100ms',
  'Service.TimeoutStartSec': '90s (DefaultTimeoutStartSec=; infinity for Type=oneshot)', 'Service.TimeoutStopSec': '90s (DefaultTimeoutStopSec=)',
  TimeoutAbortSec: 'the value of TimeoutStopSec=', RuntimeMaxSec: 'infinity', WatchdogSec: '0 (off)', NotifyAccess: 'none (main with Type=notify)',
  KillMode: 'control-group', KillSignal: 'SIGTERM', RestartKillSignal: 'the value of KillSignal=', FinalKillSignal: 'SIGKILL', WatchdogSignal: 'SIGABRT',
  ReloadSignal: 'SIGHUP', SendSIGKILL: 'yes', SendSIGHUP: 'no', TimeoutStartFailureMode: 'terminate', TimeoutStopFailureMode: 'terminate',
  OOMPolicy: 'stop (DefaultOOMPolicy=)', ExitType: 'main', PermissionsStartOnly: 'no', RootDirectoryStartOnly: 'no', NonBlocking: 'no',
  FileDescriptorStoreMax: '0', User: 'root (for the system manager)', DynamicUser: 'no', WorkingDirectory: '/ (the home directory for the user manager)',
  UMask: '0022', Nice: '0 (inherited)', LimitNOFILE: '1024:524288 (DefaultLimitNOFILE=)', LimitCORE: '0:infinity (DefaultLimitCORE=)',
  StandardInput: 'null', StandardOutput: 'journal (DefaultStandardOutput=)', StandardError: 'inherit', SyslogLevel: 'info', SyslogFacility: 'daemon',
  SyslogLevelPrefix: 'yes', TTYPath: '/dev/console', IgnoreSIGPIPE: 'yes', NoNewPrivileges: 'no', PrivateTmp: 'no', PrivateDevices: 'no',
  PrivateNetwork: 'no', PrivateUsers: 'no', PrivateIPC: 'no', PrivateMounts: 'no', ProtectSystem: 'no', ProtectHome: 'no', ProtectKernelTunables: 'no',
  ProtectKernelModules: 'no', ProtectKernelLogs: 'no', ProtectControlGroups: 'no', ProtectClock: 'no', ProtectHostname: 'no', ProtectProc: 'default',
  ProcSubset: 'all', RestrictRealtime: 'no', RestrictSUIDSGID: 'no', LockPersonality: 'no', MemoryDenyWriteExecute: 'no', RemoveIPC: 'no',
  KeyringMode: 'private (inherit for non-service units and the user manager)', CapabilityBoundingSet: 'all capabilities', AmbientCapabilities: 'none',
  RuntimeDirectoryMode: '0755', StateDirectoryMode: '0755', CacheDirectoryMode: '0755', LogsDirectoryMode: '0755', ConfigurationDirectoryMode: '0755',
  RuntimeDirectoryPreserve: 'no', CPUSchedulingPolicy: 'other', UtmpMode: 'init', DevicePolicy: 'auto', CPUWeight: '100 (idle also possible)',
  StartupCPUWeight: 'the value of CPUWeight=', IOWeight: '100', StartupIOWeight: 'the value of IOWeight=', MemoryMax: 'infinity', MemoryHigh: 'infinity',
  MemorySwapMax: 'infinity', MemoryMin: '0', MemoryLow: '0', TasksMax: '15% of the kernel pid limit (DefaultTasksMax=)', MemoryAccounting: 'yes (DefaultMemoryAccounting=)',
  TasksAccounting: 'yes (DefaultTasksAccounting=)', IOAccounting: 'no (DefaultIOAccounting=)', IPAccounting: 'no (DefaultIPAccounting=)', Delegate: 'no',
  Slice: 'system.slice for services, scopes and sockets of the system manager', Accept: 'no', SocketMode: '0666', DirectoryMode: '0755', MaxConnections: '64',
  MaxConnectionsPerSource: 'the value of MaxConnections=', KeepAlive: 'no', NoDelay: 'no', ReusePort: 'no', FreeBind: 'no', Transparent: 'no',
  Broadcast: 'no', PassCredentials: 'no', PassSecurity: 'no', RemoveOnStop: 'no', Writable: 'no', FlushPending: 'no', 'Socket.TriggerLimitIntervalSec': '2s',
  'Socket.TriggerLimitBurst': '20 (200 with Accept=yes)', 'Socket.Service': 'the service with the socket\'s name (NAME@.service with Accept=yes)',
  AccuracySec: '1min', RandomizedDelaySec: '0', Persistent: 'no', WakeSystem: 'no', RemainAfterElapse: 'yes', OnClockChange: 'no', OnTimezoneChange: 'no',
  FixedRandomDelay: 'no', 'Timer.Unit': 'the service with the timer\'s name', 'Path.Unit': 'the service with the path unit\'s name', MakeDirectory: 'no',
  'Path.TriggerLimitIntervalSec': '2s', 'Path.TriggerLimitBurst': '200', SloppyOptions: 'no', LazyUnmount: 'no', ForceUnmount: 'no', ReadWriteOnly: 'no',
  'Mount.TimeoutSec': '90s (DefaultTimeoutStartSec=)', 'Swap.TimeoutSec': '90s (DefaultTimeoutStartSec=)', TimeoutIdleSec: '0 (never unmount when idle)',
  'Swap.Priority': 'chosen by the kernel', MountAPIVFS: 'no (yes with RootDirectory= or RootImage=)', IOSchedulingClass: 'best-effort (derived from Nice=)',
  OOMScoreAdjust: '0 (inherited)', LogLevelMax: 'unset (everything is logged)', SystemCallErrorNumber: 'kill (the process gets SIGSYS)',
  Environment: 'unset', EnvironmentFile: 'unset', ExecStart: 'unset', ExecStop: 'unset', ExecReload: 'unset', Requires: 'none', Wants: 'none', After: 'none', Before: 'none',
};
const sysRef = JSON.parse(readFileSync(join(refDir, 'systemd-directives.json'), 'utf8'));
// The keys systemd 252 (Debian 12) really parses: `systemd --dump-configuration-items` of 252.38,
// kept next to this script. The manual's version notes sometimes date a shared entry by its newest
// member; this inventory corrects the first release for 252, the release most hosts pin.
const SYSTEMD_252_ITEMS = new Set();
{
  let section = '';
  for (const line of readFileSync(join(here, 'systemd-252-items.txt'), 'utf8').split('\n')) {
    const h = /^\[(\w+)\]$/.exec(line);
    if (h) section = h[1];
    const k = /^([A-Za-z0-9]+)=/.exec(line);
    if (k) SYSTEMD_252_ITEMS.add(`${section}.${k[1]}`);
  }
}
function sinceVersion(r) {
  const in252 = SYSTEMD_252_ITEMS.has(`${r.section}.${r.directive}`);
  if (in252 && r.sinceVersion > 252) return undefined;
  if (!in252 && r.status === 'active' && r.section !== 'Install' && r.presentIn.includes(sysRef.source.label) && !(r.sinceVersion > 252)) return 253;
  return r.sinceVersion;
}
const sections = {};
for (const r of sysRef.directives) {
  const sec = (sections[r.section] ??= {});
  const values = r.values ?? SYSTEMD_ENUMS[r.parserType];
  const row = { t: r.parserType };
  if (values) row.v = values;
  if (r.acceptsBoolean) row.b = true;
  if (r.status !== 'active') row.s = r.status;
  if (r.replacement) row.r = r.replacement;
  const since = sinceVersion(r);
  if (since) row.since = since;
  if (r.ltype && r.parserType === 'rlimit') row.limit = r.ltype;
  if (r.url) row.url = r.url.replace('https://www.freedesktop.org/software/systemd/man/latest/', '');
  if (!r.presentIn.includes(sysRef.source.label)) row.newer = true;
  if (r.removedIn) row.removedIn = r.removedIn;
  if (SYSTEMD_PRINTF_PARSERS.has(r.parser)) row.p = 1;
  // e: 1 = an empty value is rejected in every release; e: N = rejected up to release N only.
  if (SYSTEMD_EMPTY_REJECTED.has(r.parser)) row.e = 1;
  if (SYSTEMD_EMPTY_REJECTED_UNTIL[r.directive]) row.e = SYSTEMD_EMPTY_REJECTED_UNTIL[r.directive];
  // A boolean parsed with the "fatal" flag (the third column of load-fragment-gperf): a value it
  // cannot read, an empty one included, makes systemd refuse the whole unit (DynamicUser=).
  if (r.parser === 'config_parse_bool' && r.ltype === 'true') row.f = 1;
  const vs = SYSTEMD_VALUE_SINCE[`${r.section}.${r.directive}`] ?? SYSTEMD_VALUE_SINCE[r.directive];
  if (vs) row.vs = vs;
  const dflt = SYSTEMD_DEFAULTS[`${r.section}.${r.directive}`] ?? SYSTEMD_DEFAULTS[r.directive];
  if (dflt) row.d = dflt;
  sec[r.directive] = row;
}
write(
  join(outDir, 'systemd/directives.json'),
  `Generated by tools/gen-knowledge/generate.mjs from systemd's directive table (load-fragment-gperf.gperf.in of systemd ${sysRef.source.label}, plus rows from main; [Install] from install.c), with first releases checked against the configuration items of systemd 252. Do not edit by hand.`,
  { manBase: 'https://www.freedesktop.org/software/systemd/man/latest/', systemd: sysRef.source.label, sections },
);
