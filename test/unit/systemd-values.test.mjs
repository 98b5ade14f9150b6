// systemd value grammars and the value-level rules: exact ranges, exact fixed texts, and a clean
// counterpart for each. The counterparts of the cases that do not target another release pass
// systemd-analyze verify of systemd 252 as well.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, briefs, core, fixWith, lint, lintWith } from '../helpers.mjs';

test("invalid-value: enums are case-sensitive, with a fix for the case slip", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nRestart=Always\nType=simpel\nKillMode=Mixed\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:9-3:15","systemd/invalid-value@4:6-4:12","systemd/invalid-value@5:10-5:15"]);
  assert.match(f[0].message, /case-sensitive: write 'always'/);
  assert.equal(fixWith(files, "systemd/invalid-value", "Change to 'always'"), "[Service]\nExecStart=/bin/true\nRestart=always\nType=simpel\nKillMode=Mixed\n");
  assert.equal(fixWith(files, "systemd/invalid-value", "Change to 'simple'"), "[Service]\nExecStart=/bin/true\nRestart=Always\nType=simple\nKillMode=Mixed\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nRestart=always\nType=simple\nKillMode=mixed\n"})), []);
});

test("invalid-value: booleans (an empty one too, for systemd 252), numbers in range, octal modes", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nRemainAfterExit=maybe\nNice=20\nOOMScoreAdjust=1001\nUMask=0999\nIOSchedulingPriority=8\nRemainAfterExit=\n"};
  const f = lintWith(files, {"systemdVersion":252});
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:17-3:22","systemd/invalid-value@4:6-4:8","systemd/invalid-value@5:16-5:20","systemd/invalid-value@6:7-6:11","systemd/invalid-value@7:22-7:23","systemd/invalid-value@8:17-8:17"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nRemainAfterExit=on\nNice=-20\nOOMScoreAdjust=-1000\nUMask=0027\nIOSchedulingPriority=7\n"}, {"systemdVersion":252})), []);
});

test("invalid-value: an empty boolean is rejected by newer systemd too; PrivateMounts= takes one after 252", () => {
  // Measured with systemd-analyze verify 254 and 257: "Failed to parse RemainAfterExit=, ignoring".
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nRemainAfterExit=\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:17-3:17"]);
  assert.equal(f[0].message, "systemd 257 does not accept an empty RemainAfterExit= (it does not reset the setting) and ignores the line. Remove the line, or give a value.");
  // PrivateMounts= was a plain boolean in 252 and takes an empty value in 254 and 257.
  const pm = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nPrivateMounts=\n"};
  assert.deepEqual(briefs(lintWith(pm, {"systemdVersion":252})), ["systemd/invalid-value@3:15-3:15"]);
  assert.deepEqual(briefs(lintWith(pm, {"systemdVersion":254})), []);
  assert.deepEqual(briefs(lintWith(pm)), []);
});

test("invalid-value: DynamicUser= that systemd cannot read fails the whole unit, empty or not", () => {
  // systemd-analyze verify 252: "Failed to parse boolean value: maybe" then "Unit configuration has fatal error, unit will not be started".
  const message = (what) => `systemd cannot read ${what} as DynamicUser=, and for this setting that is fatal: it refuses to load the unit ("Unit configuration has fatal error, unit will not be started"). Write yes or no.`;
  for (const [value, what, range] of [["maybe", "'maybe'", "3:13-3:18"], ["", "an empty value", "3:13-3:13"]]) {
    const f = lintWith({"/etc/systemd/system/app.service":`[Service]\nExecStart=/bin/true\nDynamicUser=${value}\n`}, {"systemdVersion":252});
    assert.deepEqual(briefs(f), [`systemd/invalid-value@${range}`]);
    assert.equal(f[0].severity, "error");
    assert.equal(f[0].message, message(what));
  }
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nDynamicUser=Yes\n"})), []);
});

test("invalid-value: time spans and the sub-range of the bad unit", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nTimeoutStartSec=10 parsecs\nRestartSec=-5\nRuntimeMaxSec=5 minutes 3 jiffies\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:20-3:27","systemd/invalid-value@4:12-4:14","systemd/invalid-value@5:27-5:34"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nTimeoutStartSec=1min 30s\nRestartSec=500ms\nRuntimeMaxSec=infinity\nWatchdogSec=2.5h\n"})), []);
});

test("invalid-value: resource limits with per-limit units", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nLimitNOFILE=ininity\nLimitNOFILE=1K\nLimitNOFILE=4096:1024\nLimitCORE=10Q\nLimitNICE=-25\nLimitCPU=5 jiffies\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:13-3:20","systemd/invalid-value@4:13-4:15","systemd/invalid-value@5:13-5:22","systemd/invalid-value@6:11-6:14","systemd/invalid-value@7:11-7:14","systemd/invalid-value@8:10-8:19"]);
  assert.equal(fixWith(files, "systemd/invalid-value", "Change to 'infinity'"), "[Service]\nExecStart=/bin/true\nLimitNOFILE=infinity\nLimitNOFILE=1K\nLimitNOFILE=4096:1024\nLimitCORE=10Q\nLimitNICE=-25\nLimitCPU=5 jiffies\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nLimitNOFILE=65536\nLimitNOFILE=1024:524288\nLimitCORE=2G\nLimitCORE=infinity\nLimitNICE=-5\nLimitNICE=30\nLimitCPU=1min\nLimitMEMLOCK=8M:infinity\n"})), []);
});

test("invalid-value: sizes, percentages, weights, signals", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nMemoryMax=10X\nMemoryHigh=150%\nCPUQuota=50\nCPUWeight=0\nTasksMax=lots\nKillSignal=SIGFOO\nRestartKillSignal=sigterm\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:11-3:14","systemd/invalid-value@4:12-4:16","systemd/invalid-value@5:10-5:12","systemd/invalid-value@6:11-6:12","systemd/invalid-value@7:10-7:14","systemd/invalid-value@8:12-8:18","systemd/invalid-value@9:19-9:26"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nMemoryMax=512M\nMemoryHigh=80%\nCPUQuota=150%\nCPUWeight=idle\nTasksMax=20%\nKillSignal=SIGINT\nRestartKillSignal=TERM\nFinalKillSignal=9\n"})), []);
});

test("invalid-value: paths, users, environment, directories", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nUser=bad/name\nWorkingDirectory=relative/dir\nEnvironmentFile=rel.env\nReadWritePaths=/var/lib/x rel\nStateDirectory=/var/lib/app\nEnvironment=DEBUG\nEnvironment=\"A=b\nRootDirectory=~/root\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:6-3:14","systemd/invalid-value@4:18-4:30","systemd/invalid-value@5:17-5:24","systemd/invalid-value@6:27-6:30","systemd/invalid-value@7:16-7:28","systemd/invalid-value@8:13-8:18","systemd/invalid-value@9:13-9:17","systemd/invalid-value@10:15-10:21"]);
  assert.match(f[0].message, /refuses to start the unit/);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nUser=app\nWorkingDirectory=-~\nEnvironmentFile=-/etc/default/app\nReadWritePaths=-/var/lib/x +/srv %S/app\nStateDirectory=app app/cache\nEnvironment=\"A=b c\" D=1\nRootDirectory=%S/root\n"})), []);
});

test("invalid-value: capabilities, syscalls, address families, CPU sets, log levels, output", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nCapabilityBoundingSet=CAP_NET_ADMIN NET_RAW\nSystemCallFilter=@system-service @foo\nSystemCallFilter=read:EPERM\nRestrictAddressFamilies=AF_INET AF_FOO\nCPUAffinity=0-3 x\nLogLevelMax=loud\nStandardOutput=bogus\nStandardError=file:rel.log\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:37-3:44","systemd/invalid-value@4:34-4:38","systemd/invalid-value@5:22-5:28","systemd/invalid-value@6:33-6:39","systemd/invalid-value@7:17-7:18","systemd/invalid-value@8:13-8:17","systemd/invalid-value@9:16-9:21","systemd/invalid-value@10:20-10:27"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nCapabilityBoundingSet=~CAP_SYS_ADMIN cap_net_raw\nSystemCallFilter=@system-service\nSystemCallFilter=~@mount:EPERM\nRestrictAddressFamilies=~AF_PACKET\nCPUAffinity=0-3,8\nLogLevelMax=info\nStandardOutput=append:/var/log/app.log\nStandardError=journal+console\n"})), []);
});

test("invalid-value: unit names, URLs, conditions, specifiers", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nAfter=network\nDocumentation=see-the-wiki man:foo(8)\nConditionPathExists=!etc/hostname\nDescription=built %z\nRequiresMountsFor=/srv ~/data\n[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@2:7-2:14","systemd/invalid-value@3:15-3:27","systemd/invalid-value@4:22-4:34","systemd/invalid-value@5:19-5:21","systemd/invalid-value@6:24-6:30"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Unit]\nAfter=network.target foo@%i.service\nDocumentation=man:foo(8) https://example.org/doc\nConditionPathExists=|!/etc/hostname\nDescription=%n on %H, 100%%\nRequiresMountsFor=/srv %h/data\n[Service]\nExecStart=/bin/true\n"})), []);
});

test("invalid-value: calendar events and time spans of a timer", () => {
  const files = {"/etc/systemd/system/backup.timer":"[Timer]\nOnCalendar=5 minutes\nOnCalendar=Mon..Fri 25:00\nOnBootSec=10 parsecs\nOnCalendar=daily\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@2:12-2:21","systemd/invalid-value@3:21-3:26","systemd/invalid-value@4:14-4:21"]);
  assert.match(f[0].message, /this is a time span/);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/backup.timer":"[Timer]\nOnCalendar=*:0/5\nOnCalendar=Mon..Fri *-*-* 09:00\nOnCalendar=Sat,Sun 10:00 Europe/Berlin\nOnCalendar=*-02~03\nOnBootSec=5min\nOnCalendar=hourly\n"})), []);
});

test("invalid-value: socket addresses", () => {
  const files = {"/etc/systemd/system/app.socket":"[Socket]\nListenStream=99999\nListenStream=localhost:80\nListenStream=127.0.0.1:8080\nListenFIFO=rel\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/invalid-value@2:14-2:19","systemd/invalid-value@3:14-3:26","systemd/invalid-value@5:12-5:15"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.socket":"[Socket]\nListenStream=80\nListenStream=[::1]:8080\nListenStream=/run/app.sock\nListenDatagram=@app\nListenFIFO=/run/app.fifo\nListenNetlink=kobject-uevent 1\n"})), []);
});

test("invalid-value: a value newer than the target release is a warning", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nType=notify-reload\nPrivateTmp=disconnected\n"};
  const f = lintWith(files, {"systemdVersion":252});
  assert.deepEqual(briefs(f), ["systemd/invalid-value@3:6-3:19","systemd/invalid-value@4:12-4:24"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nType=notify-reload\nPrivateTmp=disconnected\n"})), []);
});

test("inline-comment: valid value with a comment is a warning; the fix moves the comment above", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nDescription=my app # the best\n[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/inline-comment@2:19-2:30"]);
  assert.equal(fixWith(files, "systemd/inline-comment", "Move the comment to its own line above"), "[Unit]\n# the best\nDescription=my app\n[Service]\nExecStart=/bin/true\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Unit]\n# the best\nDescription=my app\n[Service]\nExecStart=/bin/true\nExecStartPost=/bin/echo \"# not a comment\"\nEnvironment=\"A=# x\"\n"})), []);
});

test("inline-comment: a comment that breaks the value is an error (and invalid-value stays silent)", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nProtectKernelModules=no  # needed for wireguard\nRestart=no ; never\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/inline-comment@3:24-3:48","systemd/inline-comment@4:11-4:19"]);
  assert.equal(fixWith(files, "systemd/inline-comment", "Move the comment to its own line above"), "[Service]\nExecStart=/bin/true\n# needed for wireguard\nProtectKernelModules=no\nRestart=no ; never\n");
});

test("continuation-whitespace: spaces after the backslash; the next line is a new key", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nRemainAfterExit=yes\\ \nNice=5\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/continuation-whitespace@3:20-3:22"]);
  assert.match(f[0].message, /which then fails to parse/);
  assert.equal(fixWith(files, "systemd/continuation-whitespace", "Remove the backslash and the spaces after it"), "[Service]\nExecStart=/bin/true\nRemainAfterExit=yes\nNice=5\n");
});

test("continuation-whitespace: the next line continues the value", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/echo one \\  \n  two\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/continuation-whitespace@2:25-2:28","systemd/syntax-error@3:3-3:6"]);
  assert.equal(fixWith(files, "systemd/continuation-whitespace", "Remove the spaces so the line continues"), "[Service]\nExecStart=/bin/echo one \\\n  two\n");
  assert.equal(fixWith(files, "systemd/continuation-whitespace", "Remove the backslash and the spaces after it"), "[Service]\nExecStart=/bin/echo one \n  two\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/echo one \\\n  two\n"})), []);
});

test("specifier-not-expanded: a specifier in a setting that does not expand them", () => {
  const files = {"/etc/systemd/system/app@.socket":"[Socket]\nListenStream=/run/%i.sock\nTCPCongestion=%i\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/specifier-not-expanded@3:15-3:17"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nEnvironment=NAME=%i\nPIDFile=/run/%N.pid\nLogsDirectory=%N\n"})), []);
});

test("unescaped-percent: a date format in a command line", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/sh -c 'tar czf /backup/$(date +%Y-%m-%d).tgz /srv'\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/unescaped-percent@2:46-2:60"]);
  assert.equal(fixWith(files, "systemd/unescaped-percent", "Double the percent signs"), "[Service]\nExecStart=/bin/sh -c 'tar czf /backup/$(date +%%Y-%%m-%%d).tgz /srv'\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/sh -c 'tar czf /backup/$(date +%%Y-%%m-%%d).tgz /srv'\n"})), []);
});

test("user-name: nobody, and a name outside the portable rules", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nUser=nobody\nGroup=-backup\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/user-name@3:6-3:12","systemd/user-name@4:7-4:14"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nUser=app\nGroup=www-data\nSupplementaryGroups=adm systemd-journal\n"})), []);
});

test("deprecated-directive: MemoryLimit= renamed, CPUShares= and BlockIOWeight= mapped", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nMemoryLimit=1G\nCPUShares=512\nBlockIOWeight=1000\nBlockIODeviceWeight=/dev/sda 250\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/deprecated-directive@3:1-3:12","systemd/deprecated-directive@4:1-4:10","systemd/deprecated-directive@5:1-5:14","systemd/deprecated-directive@6:1-6:20"]);
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Use MemoryMax=1G"), "[Service]\nExecStart=/bin/true\nMemoryMax=1G\nCPUShares=512\nBlockIOWeight=1000\nBlockIODeviceWeight=/dev/sda 250\n");
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Use CPUWeight=50"), "[Service]\nExecStart=/bin/true\nMemoryLimit=1G\nCPUWeight=50\nBlockIOWeight=1000\nBlockIODeviceWeight=/dev/sda 250\n");
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Use IOWeight=200"), "[Service]\nExecStart=/bin/true\nMemoryLimit=1G\nCPUShares=512\nIOWeight=200\nBlockIODeviceWeight=/dev/sda 250\n");
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Use IODeviceWeight=/dev/sda 50"), "[Service]\nExecStart=/bin/true\nMemoryLimit=1G\nCPUShares=512\nBlockIOWeight=1000\nIODeviceWeight=/dev/sda 50\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nMemoryMax=1G\nCPUWeight=50\nIOWeight=200\n"})), []);
});

test("deprecated-directive: PermissionsStartOnly= becomes '+' on the other Exec lines", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nUser=app\nPermissionsStartOnly=true\nExecStartPre=/bin/mkdir -p /run/app\nExecStartPre=-/bin/chown app /run/app\nExecStart=/usr/bin/app\nExecStopPost=+/bin/rm -rf /run/app\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/deprecated-directive@3:1-3:21"]);
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Remove it and give the other Exec*= lines the '+' prefix"), "[Service]\nUser=app\nExecStartPre=+/bin/mkdir -p /run/app\nExecStartPre=+-/bin/chown app /run/app\nExecStart=/usr/bin/app\nExecStopPost=+/bin/rm -rf /run/app\n");
});

test("deprecated-directive: old aliases in [Unit]", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nBindTo=a.service\nStartLimitInterval=30s\nOnFailureIsolate=yes\nRequiresOverridable=b.service\n[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/deprecated-directive@2:1-2:7","systemd/deprecated-directive@3:1-3:19","systemd/deprecated-directive@4:1-4:17","systemd/deprecated-directive@5:1-5:20"]);
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Use BindsTo=a.service"), "[Unit]\nBindsTo=a.service\nStartLimitInterval=30s\nOnFailureIsolate=yes\nRequiresOverridable=b.service\n[Service]\nExecStart=/bin/true\n");
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Use StartLimitIntervalSec=30s"), "[Unit]\nBindTo=a.service\nStartLimitIntervalSec=30s\nOnFailureIsolate=yes\nRequiresOverridable=b.service\n[Service]\nExecStart=/bin/true\n");
  assert.equal(fixWith(files, "systemd/deprecated-directive", "Use OnFailureJobMode=isolate"), "[Unit]\nBindTo=a.service\nStartLimitInterval=30s\nOnFailureJobMode=isolate\nRequiresOverridable=b.service\n[Service]\nExecStart=/bin/true\n");
});

test("deprecated-value: StandardOutput=syslog and KillMode=none", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nStandardOutput=syslog\nStandardError=syslog+console\nKillMode=none\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/deprecated-value@3:16-3:22","systemd/deprecated-value@4:15-4:29","systemd/deprecated-value@5:10-5:14"]);
  assert.equal(fixWith(files, "systemd/deprecated-value", "Use journal"), "[Service]\nExecStart=/bin/true\nStandardOutput=journal\nStandardError=syslog+console\nKillMode=none\n");
  assert.equal(fixWith(files, "systemd/deprecated-value", "Use KillMode=mixed"), "[Service]\nExecStart=/bin/true\nStandardOutput=syslog\nStandardError=syslog+console\nKillMode=mixed\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nStandardOutput=journal\nKillMode=mixed\n"})), []);
});

test("removed-directive: ignored keys, and cgroup v1 keys for releases after 257", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nCapabilities=cap_net_raw+ep\nSysVStartPriority=20\nMemoryLimit=1G\n"};
  const f = lintWith(files, {"systemdVersion":258});
  assert.deepEqual(briefs(f), ["systemd/removed-directive@3:1-3:13","systemd/removed-directive@4:1-4:18","systemd/removed-directive@5:1-5:12"]);
  assert.equal(fixWith(files, "systemd/removed-directive", "Remove the Capabilities= line", {"systemdVersion":258}), "[Service]\nExecStart=/bin/true\nSysVStartPriority=20\nMemoryLimit=1G\n");
});

test("newer-directive: keys newer than the targeted release", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nStartupMemoryMax=1G\nPrivatePIDs=yes\nProtectHostname=yes\n"};
  const f = lintWith(files, {"systemdVersion":252});
  assert.deepEqual(briefs(f), ["systemd/newer-directive@3:1-3:17","systemd/newer-directive@4:1-4:12"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nStartupMemoryMax=1G\nPrivatePIDs=yes\nProtectHostname=yes\n"})), []);
});

test("legacy-run-path: socket and other paths under /var/run", () => {
  const files = {"/etc/systemd/system/app.socket":"[Socket]\nListenStream=/var/run/app.sock\nListenFIFO=/var/run/app.fifo\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/legacy-run-path@2:14-2:22","systemd/legacy-run-path@3:12-3:20"]);
  assert.equal(fixWith(files, "systemd/legacy-run-path", "Use /run"), "[Socket]\nListenStream=/run/app.sock\nListenFIFO=/var/run/app.fifo\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.socket":"[Socket]\nListenStream=/run/app.sock\n"})), []);
});

test("syntax-error: a byte-order mark before a comment; two byte-order marks; bytes that are not UTF-8", () => {
  const files = {"/etc/systemd/system/app.service":"\uFEFF# comment\n[Unit]\nDescription=caf\uFFFD\n[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/syntax-error@1:1-1:11","systemd/syntax-error@3:13-3:17"]);
  assert.equal(fixWith(files, "systemd/syntax-error", "Remove the byte-order mark"), "# comment\n[Unit]\nDescription=caf\uFFFD\n[Service]\nExecStart=/bin/true\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"\uFEFF[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\n"})), []);
});

test("syntax-error: two byte-order marks hide the first header", () => {
  const files = {"/etc/systemd/system/app.service":"\uFEFF\uFEFF[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/syntax-error@1:1-1:9","systemd/syntax-error@2:1-2:14"]);
});

