// The opt-in hardening rules (daemonlint.security / --security): off by default, one finding per
// check, weak values changed in place, the whole block of missing settings in one fix, drop-ins counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, briefs, core, lint } from '../helpers.mjs';

/** Lints the first file of a workspace with the given settings. */
function lintWith(files, settings = {}) {
  return lint(files, { settings });
}

/** Applies the fix titled `title` of the first finding of `rule` that has it; returns the new text. */
function fixWith(files, rule, title, settings = {}) {
  const path = Object.keys(files)[0];
  const finding = lintWith(files, settings).find((f) => f.rule === rule && f.fixes.some((x) => x.title === title));
  if (!finding) throw new Error(`no ${rule} finding with fix '${title}'`);
  return applyFix(files[path], finding.fixes.find((x) => x.title === title), core.pathToUri(path));
}

test("hardening: off by default", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), []);
});

test("hardening: a bare service, with --security: one finding per check on [Service]", () => {
  const files = {"/etc/systemd/system/app.service":"[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\n"};
  const f = lintWith(files, {"security":true});
  assert.deepEqual(briefs(f), ["systemd/hardening-capability-bounding-set@4:1-4:10","systemd/hardening-lock-personality@4:1-4:10","systemd/hardening-memory-deny-write-execute@4:1-4:10","systemd/hardening-no-new-privileges@4:1-4:10","systemd/hardening-private-devices@4:1-4:10","systemd/hardening-private-tmp@4:1-4:10","systemd/hardening-protect-clock@4:1-4:10","systemd/hardening-protect-control-groups@4:1-4:10","systemd/hardening-protect-home@4:1-4:10","systemd/hardening-protect-hostname@4:1-4:10","systemd/hardening-protect-kernel-logs@4:1-4:10","systemd/hardening-protect-kernel-modules@4:1-4:10","systemd/hardening-protect-kernel-tunables@4:1-4:10","systemd/hardening-protect-system@4:1-4:10","systemd/hardening-restrict-address-families@4:1-4:10","systemd/hardening-restrict-namespaces@4:1-4:10","systemd/hardening-restrict-realtime@4:1-4:10","systemd/hardening-restrict-suid-sgid@4:1-4:10","systemd/hardening-system-call-architectures@4:1-4:10","systemd/hardening-system-call-filter@4:1-4:10","systemd/hardening-user@4:1-4:10"]);
  assert.equal(fixWith(files, "systemd/hardening-user", "Add DynamicUser=yes", {"security":true}), "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-no-new-privileges", "Add NoNewPrivileges=yes", {"security":true}), "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\nNoNewPrivileges=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-protect-system", "Add ProtectSystem=strict", {"security":true}), "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\nProtectSystem=strict\n");
  assert.equal(fixWith(files, "systemd/hardening-private-tmp", "Add PrivateTmp=yes", {"security":true}), "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\nPrivateTmp=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-protect-home", "Add ProtectHome=yes", {"security":true}), "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\nProtectHome=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-user", "Add the hardening block (21 settings)", {"security":true}), "[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nNoNewPrivileges=yes\nProtectSystem=strict\nPrivateTmp=yes\nProtectHome=yes\nCapabilityBoundingSet=~CAP_SYS_ADMIN CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_PTRACE CAP_SYS_BOOT CAP_SYS_TIME CAP_MAC_ADMIN CAP_MAC_OVERRIDE CAP_LINUX_IMMUTABLE CAP_BPF CAP_PERFMON CAP_SYSLOG CAP_AUDIT_CONTROL CAP_MKNOD\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nRestrictSUIDSGID=yes\nProtectClock=yes\nProtectHostname=yes\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nNoNewPrivileges=yes\nCapabilityBoundingSet=\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n"}, {"security":true})), []);
});

test("hardening: weak values are reported on the value and changed in place", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\nUser=root\nProtectSystem=full\nPrivateTmp=no\nProtectHome=no\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n"};
  const f = lintWith(files, {"security":true});
  assert.deepEqual(briefs(f), ["systemd/hardening-restrict-suid-sgid@1:1-1:10","systemd/hardening-user@3:6-3:10","systemd/hardening-protect-system@4:15-4:19","systemd/hardening-private-tmp@5:12-5:14","systemd/hardening-protect-home@6:13-6:15","systemd/hardening-capability-bounding-set@7:23-7:57"]);
  assert.equal(fixWith(files, "systemd/hardening-user", "Replace User=root with DynamicUser=yes", {"security":true}), "[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nProtectSystem=full\nPrivateTmp=no\nProtectHome=no\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-protect-system", "Use ProtectSystem=strict", {"security":true}), "[Service]\nExecStart=/usr/bin/app\nUser=root\nProtectSystem=strict\nPrivateTmp=no\nProtectHome=no\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-private-tmp", "Use PrivateTmp=yes", {"security":true}), "[Service]\nExecStart=/usr/bin/app\nUser=root\nProtectSystem=full\nPrivateTmp=yes\nProtectHome=no\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-protect-home", "Use ProtectHome=yes", {"security":true}), "[Service]\nExecStart=/usr/bin/app\nUser=root\nProtectSystem=full\nPrivateTmp=no\nProtectHome=yes\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n");
  assert.equal(fixWith(files, "systemd/hardening-capability-bounding-set", "Remove the broad capabilities from the list", {"security":true}), "[Service]\nExecStart=/usr/bin/app\nUser=root\nProtectSystem=full\nPrivateTmp=no\nProtectHome=no\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n");
});

test("hardening: settings in a drop-in count; a dedicated User= satisfies the user check", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\nUser=app\n","/etc/systemd/system/app.service.d/harden.conf":"[Service]\nProtectSystem=strict\nPrivateTmp=yes\nProtectHome=read-only\nRestrictSUIDSGID=yes\nNoNewPrivileges=yes\nCapabilityBoundingSet=\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nPrivateDevices=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nRestrictNamespaces=yes\nSystemCallFilter=@system-service\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nProtectClock=yes\nProtectHostname=yes\n"};
  const f = lintWith(files, {"security":true});
  assert.deepEqual(briefs(f), []);
});

