// Unit-level rules: what a unit of each type cannot do without, settings that conflict, and the
// relations to other files (drop-ins, the service of a socket or timer); exact ranges, fixed texts
// and clean counterparts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, briefs, core, fixWith, lint, lintWith } from '../helpers.mjs';

test("missing-exec-start: no ExecStart=, ExecStop= or SuccessAction=", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nDescription=x\n\n[Service]\nType=simple\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-exec-start@4:1-4:10"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Unit]\nDescription=x\nSuccessAction=none\n\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStop=/bin/true\n"})), []);
});

test("missing-exec-start: only Type=oneshot may go without ExecStart=", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nType=simple\nExecStop=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-exec-start@1:1-1:10"]);
});

test("missing-exec-start: a oneshot with ExecStop= only needs RemainAfterExit=yes", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nType=oneshot\nExecStop=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-exec-start@1:1-1:10"]);
});

test("missing-exec-start: a drop-in that clears ExecStart= and sets none", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\n","/etc/systemd/system/app.service.d/override.conf":"[Service]\nExecStart=\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-exec-start@1:1-1:10"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\n","/etc/systemd/system/app.service.d/override.conf":"[Service]\nExecStart=\nExecStart=/bin/false\n"})), []);
});

test("missing-exec-start: no [Service] and SuccessAction= is a oneshot systemd accepts", () => {
  const files = {"/etc/systemd/system/exit.service":"[Unit]\nDescription=x\nSuccessAction=exit-force\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), []);
});

test("multiple-exec-start: a drop-in adds a second ExecStart= without clearing", () => {
  const files = {"/etc/systemd/system/app.service.d/override.conf":"[Service]\nExecStart=/usr/bin/app --verbose\n","/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/multiple-exec-start@2:1-2:10"]);
  assert.equal(fixWith(files, "systemd/multiple-exec-start", "Clear the earlier ExecStart= first"), "[Service]\nExecStart=\nExecStart=/usr/bin/app --verbose\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service.d/override.conf":"[Service]\nExecStart=\nExecStart=/usr/bin/app --verbose\n","/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\n"})), []);
});

test("multiple-exec-start: two commands in a simple service; fine for a oneshot", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nExecStart=/bin/false\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/multiple-exec-start@3:1-3:10"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nType=oneshot\nExecStart=/bin/true\nExecStart=/bin/false\n"})), []);
});

test("oneshot-restart: Restart=always with Type=oneshot", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nType=oneshot\nExecStart=/bin/true\nRestart=always\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/oneshot-restart@4:9-4:15"]);
  assert.equal(fixWith(files, "systemd/oneshot-restart", "Use Restart=on-failure"), "[Service]\nType=oneshot\nExecStart=/bin/true\nRestart=on-failure\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nType=oneshot\nExecStart=/bin/true\nRestart=on-failure\n"})), []);
});

test("socket-accept-template: Accept=yes with Service=", () => {
  const files = {"/etc/systemd/system/app.socket":"[Socket]\nListenStream=2222\nAccept=yes\nService=app.service\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/socket-accept-template@4:1-4:8"]);
  assert.equal(fixWith(files, "systemd/socket-accept-template", "Remove Service="), "[Socket]\nListenStream=2222\nAccept=yes\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.socket":"[Socket]\nListenStream=2222\nAccept=yes\n","/etc/systemd/system/app@.service":"[Service]\nExecStart=/usr/bin/app\nStandardInput=socket\n"})), []);
});

test("socket-accept-template: Accept=yes and only a plain service next to it", () => {
  const files = {"/etc/systemd/system/app.socket":"[Socket]\nListenStream=2222\nAccept=yes\n","/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/socket-accept-template@3:8-3:11"]);
  assert.equal(fixWith(files, "systemd/socket-accept-template", "Set Accept=no"), "[Socket]\nListenStream=2222\nAccept=no\n");
});

test("timer-without-unit: the service of the same name is missing", () => {
  const files = {"/etc/systemd/system/backup.timer":"[Timer]\nOnCalendar=daily\n","/etc/systemd/system/other.service":"[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/timer-without-unit@1:1-1:8"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/backup.timer":"[Timer]\nOnCalendar=daily\n","/etc/systemd/system/backup.service":"[Service]\nType=oneshot\nExecStart=/bin/true\n"})), []);
});

test("timer-without-unit: Unit= names a unit that is not there; a lone timer says nothing", () => {
  const files = {"/etc/systemd/system/backup.timer":"[Timer]\nOnCalendar=daily\nUnit=bakup.service\n","/etc/systemd/system/backup.service":"[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/timer-without-unit@3:6-3:19"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/backup.timer":"[Timer]\nOnCalendar=daily\n"})), []);
});

test("missing-required-setting: a socket without Listen*= (an invalid one does not count)", () => {
  const files = {"/etc/systemd/system/app.socket":"[Socket]\nListenStream=99999\nAccept=no\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-required-setting@1:1-1:9","systemd/invalid-value@2:14-2:19"]);
});

test("missing-required-setting: a timer without a valid On*= setting", () => {
  const files = {"/etc/systemd/system/app.timer":"[Unit]\nDescription=x\n\n[Timer]\nOnCalendar=Mon..Fri 25:00\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-required-setting@4:1-4:8","systemd/invalid-value@5:21-5:26"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.timer":"[Timer]\nOnClockChange=yes\n"})), []);
});

test("missing-required-setting: a path unit with a relative path only", () => {
  const files = {"/etc/systemd/system/app.path":"[Path]\nPathExists=relative/flag\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-required-setting@1:1-1:7","systemd/invalid-value@2:12-2:25"]);
});

test("missing-required-setting: Type=dbus without BusName=", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nType=dbus\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-required-setting@1:1-1:10"]);
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nType=dbus\nBusName=org.example.App\nExecStart=/bin/true\n"})), []);
});

test("missing-required-setting: a mount without What=", () => {
  const files = {"/etc/systemd/system/srv-data.mount":"[Mount]\nWhere=/srv/data\nType=ext4\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/missing-required-setting@1:1-1:8"]);
});

test("unit-name-mismatch: Where= does not match the mount unit name", () => {
  const files = {"/etc/systemd/system/srv-data.mount":"[Mount]\nWhat=/dev/sdb1\nWhere=/srv/date\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/unit-name-mismatch@3:7-3:16"]);
  assert.equal(fixWith(files, "systemd/unit-name-mismatch", "Set Where=/srv/data"), "[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/srv-data.mount":"[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n"})), []);
});

test("unit-name-mismatch: a swap file", () => {
  const files = {"/etc/systemd/system/swapfile.swap":"[Swap]\nWhat=/swap.img\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/unit-name-mismatch@2:6-2:15"]);
  assert.equal(fixWith(files, "systemd/unit-name-mismatch", "Set What=/swapfile"), "[Swap]\nWhat=/swapfile\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/swap.img.swap":"[Swap]\nWhat=/swap.img\n"})), []);
});

test("unit-name-mismatch: a dash in a path is escaped as \\x2d", () => {
  const files = {"/etc/systemd/system/var-lib-my\\x2dapp.automount":"[Automount]\nWhere=/var/lib/my/app\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/unit-name-mismatch@2:7-2:22"]);
  assert.equal(fixWith(files, "systemd/unit-name-mismatch", "Set Where=/var/lib/my-app"), "[Automount]\nWhere=/var/lib/my-app\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/var-lib-my\\x2dapp.automount":"[Automount]\nWhere=/var/lib/my-app\n"})), []);
});

test("network-online-without-wants: After= alone does not pull the target in", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nAfter=network-online.target remote-fs.target\n\n[Service]\nExecStart=/bin/true\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/network-online-without-wants@2:7-2:28"]);
  assert.equal(fixWith(files, "systemd/network-online-without-wants", "Add Wants=network-online.target"), "[Unit]\nAfter=network-online.target remote-fs.target\nWants=network-online.target\n\n[Service]\nExecStart=/bin/true\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Unit]\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nExecStart=/bin/true\n"})), []);
});

test("network-online-without-wants: Wants= in a drop-in counts", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nAfter=network-online.target\n[Service]\nExecStart=/bin/true\n","/etc/systemd/system/app.service.d/net.conf":"[Unit]\nRequires=network-online.target\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), []);
});

test("start-limit-in-service: start limits belong in [Unit]", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\nStartLimitInterval=60\nStartLimitBurst=3\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/start-limit-in-service@6:1-6:19","systemd/start-limit-in-service@7:1-7:16"]);
  assert.equal(fixWith(files, "systemd/start-limit-in-service", "Move to [Unit] as StartLimitIntervalSec="), "[Unit]\nDescription=x\nStartLimitIntervalSec=60\n\n[Service]\nExecStart=/bin/true\nStartLimitBurst=3\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Unit]\nDescription=x\nStartLimitIntervalSec=60\nStartLimitBurst=3\n\n[Service]\nExecStart=/bin/true\n"})), []);
});

test("start-limit-in-service: a new [Unit] section when there is none", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nStartLimitBurst=3\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/start-limit-in-service@3:1-3:16"]);
  assert.equal(fixWith(files, "systemd/start-limit-in-service", "Move to [Unit] as StartLimitBurst="), "[Service]\nExecStart=/bin/true\n\n[Unit]\nStartLimitBurst=3\n");
});

