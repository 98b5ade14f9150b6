// The hardening checks, modelled on `systemd-analyze security` and systemdlint's security rules:
// each names a sandboxing setting, what a service is exposed to without it, and the value to add.
// One rule module per check (systemd/hardening-*), all built by hardeningRule().
import { CAPABILITIES } from '../../../knowledge/values/systemdData';
import type { ParsedDocument } from '../../../syntax/ast';
import type { Workspace } from '../../../workspace/workspace';
import { effectiveValue, lastAssignment, truthy } from '../context';

export interface HardeningCheck {
  /** Rule id suffix: systemd/hardening-<name>. */
  name: string;
  key: string;
  /** The line the fixes add. */
  recommended: string;
  /** One line for the README and --list-rules. */
  summary: string;
  /** Our explanation (hover and message). */
  why: string;
  /** Core checks warn; the finer ones inform. */
  severity: 'warning' | 'info';
  /** 'missing' when the key is absent or weak, 'ok' when satisfied; a string explains a weak value. */
  judge(ws: Workspace, unit: ParsedDocument): 'ok' | 'missing' | { weak: string };
}

const get = (ws: Workspace, unit: ParsedDocument, key: string) => effectiveValue(ws, unit, 'Service', key);
const on = (ws: Workspace, unit: ParsedDocument, key: string) => truthy(get(ws, unit, key));
const dynamic = (ws: Workspace, unit: ParsedDocument) => on(ws, unit, 'DynamicUser');

/** Settings that switch NoNewPrivileges= on by themselves. */
const IMPLY_NNP = ['DynamicUser', 'LockPersonality', 'MemoryDenyWriteExecute', 'PrivateDevices', 'ProtectClock', 'ProtectHostname', 'ProtectKernelLogs', 'ProtectKernelModules', 'ProtectKernelTunables', 'RestrictAddressFamilies', 'RestrictNamespaces', 'RestrictRealtime', 'RestrictSUIDSGID', 'SystemCallArchitectures', 'SystemCallFilter', 'SystemCallLog'];

/** Capabilities a bounding set should not keep unless the service truly needs them. */
export const BROAD_CAPABILITIES = ['CAP_SYS_ADMIN', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_PTRACE', 'CAP_SYS_BOOT', 'CAP_SYS_TIME', 'CAP_MAC_ADMIN', 'CAP_MAC_OVERRIDE', 'CAP_LINUX_IMMUTABLE', 'CAP_BPF', 'CAP_PERFMON', 'CAP_SYSLOG', 'CAP_AUDIT_CONTROL', 'CAP_MKNOD'];

function boolCheck(name: string, key: string, why: string, severity: 'warning' | 'info' = 'info', extraOk?: (ws: Workspace, unit: ParsedDocument) => boolean): HardeningCheck {
  return {
    name,
    summary: SUMMARIES[name],
    key,
    recommended: `${key}=yes`,
    why,
    severity,
    judge: (ws, unit) => (on(ws, unit, key) || extraOk?.(ws, unit) ? 'ok' : 'missing'),
  };
}

const SUMMARIES: Record<string, string> = {
  'user': 'A service that runs as root: no User= (or User=root) and no DynamicUser=yes.',
  'no-new-privileges': 'No NoNewPrivileges=yes (nor a setting that implies it): setuid binaries and file capabilities can raise privileges.',
  'protect-system': 'No ProtectSystem=strict: the service may write to /usr, /etc or the rest of the file system.',
  'private-tmp': 'No PrivateTmp=yes: the service shares /tmp and /var/tmp with every other program.',
  'protect-home': 'No ProtectHome=: the service can read the home directories of users.',
  'capability-bounding-set': 'No CapabilityBoundingSet=, or one that keeps CAP_SYS_ADMIN and other broad capabilities.',
  'protect-kernel-tunables': 'No ProtectKernelTunables=yes: the service may change kernel settings under /proc/sys and /sys.',
  'protect-kernel-modules': 'No ProtectKernelModules=yes: the service may load kernel modules.',
  'protect-kernel-logs': 'No ProtectKernelLogs=yes: the service may read the kernel log buffer.',
  'protect-control-groups': 'No ProtectControlGroups=yes: the service may write to the cgroup file system.',
  'private-devices': 'No PrivateDevices=yes: the service sees physical devices in /dev.',
  'restrict-address-families': 'No RestrictAddressFamilies=: the service may open sockets of any family.',
  'restrict-namespaces': 'No RestrictNamespaces=: the service may create namespaces.',
  'system-call-filter': 'No SystemCallFilter=: the service may make any system call.',
  'system-call-architectures': 'No SystemCallArchitectures=native: system calls of foreign ABIs can bypass filters.',
  'lock-personality': 'No LockPersonality=yes: the service may change its execution domain.',
  'memory-deny-write-execute': 'No MemoryDenyWriteExecute=yes: the service may create writable and executable memory.',
  'restrict-realtime': 'No RestrictRealtime=yes: the service may take realtime scheduling.',
  'restrict-suid-sgid': 'No RestrictSUIDSGID=yes: the service may create setuid/setgid files.',
  'protect-clock': 'No ProtectClock=yes: the service may set the system clock.',
  'protect-hostname': 'No ProtectHostname=yes: the service may change the host name.',
};

export const HARDENING: HardeningCheck[] = [
  {
    name: 'user',
    summary: SUMMARIES['user'],
    key: 'User',
    recommended: 'DynamicUser=yes',
    severity: 'warning',
    why: 'Without User= or DynamicUser=yes the service runs as root: any flaw in it hands over the whole machine. DynamicUser=yes gives it a fresh unprivileged user (and implies several protections); User= names a dedicated system user.',
    judge: (ws, unit) => {
      if (dynamic(ws, unit)) return 'ok';
      const u = get(ws, unit, 'User');
      if (!u) return 'missing';
      return u.value === 'root' || u.value === '0' ? { weak: `User=${u.value} runs the service as root` } : 'ok';
    },
  },
  boolCheck('no-new-privileges', 'NoNewPrivileges', 'NoNewPrivileges=yes stops the service and its children from gaining privileges through setuid/setgid binaries or file capabilities, so a compromised process cannot climb to root that way.', 'warning', (ws, unit) => IMPLY_NNP.some((k) => { const v = get(ws, unit, k)?.value; return !!v && !['no', 'false', 'off', '0'].includes(v); })),
  {
    name: 'protect-system',
    summary: SUMMARIES['protect-system'],
    key: 'ProtectSystem',
    recommended: 'ProtectSystem=strict',
    severity: 'warning',
    why: 'ProtectSystem=strict mounts the whole file system read-only for the service (full: /usr, /boot and /etc; yes: /usr and /boot); writable places are then granted one by one with ReadWritePaths=, StateDirectory= and friends.',
    judge: (ws, unit) => {
      if (dynamic(ws, unit)) return 'ok';
      const v = get(ws, unit, 'ProtectSystem')?.value;
      if (v === 'strict') return 'ok';
      if (v === 'full' || v === 'yes' || v === 'true' || v === 'on' || v === '1') return { weak: `ProtectSystem=${v} leaves ${v === 'full' ? '/var and the rest' : '/etc, /var and the rest'} writable` };
      return 'missing';
    },
  },
  {
    name: 'private-tmp',
    summary: SUMMARIES['private-tmp'],
    key: 'PrivateTmp',
    recommended: 'PrivateTmp=yes',
    severity: 'warning',
    why: 'PrivateTmp=yes gives the service its own /tmp and /var/tmp, closing the classic symlink and race attacks through shared temporary directories and hiding other programs\' temporary files from it.',
    judge: (ws, unit) => (dynamic(ws, unit) || ['yes', 'true', 'on', '1', 'connected', 'disconnected'].includes(get(ws, unit, 'PrivateTmp')?.value ?? '') ? 'ok' : 'missing'),
  },
  {
    name: 'protect-home',
    summary: SUMMARIES['protect-home'],
    key: 'ProtectHome',
    recommended: 'ProtectHome=yes',
    severity: 'warning',
    why: 'ProtectHome=yes makes /home, /root and /run/user inaccessible to the service (read-only and tmpfs are milder variants); a service rarely has business with users\' files.',
    judge: (ws, unit) => {
      if (dynamic(ws, unit)) return 'ok';
      const v = get(ws, unit, 'ProtectHome')?.value;
      return v && !['no', 'false', 'off', '0'].includes(v) ? 'ok' : 'missing';
    },
  },
  {
    name: 'capability-bounding-set',
    summary: SUMMARIES['capability-bounding-set'],
    key: 'CapabilityBoundingSet',
    recommended: `CapabilityBoundingSet=~${BROAD_CAPABILITIES.join(' ')}`,
    severity: 'warning',
    why: 'CapabilityBoundingSet= limits the capabilities the service can ever hold, even as root. Without it, a root service keeps all of them, including CAP_SYS_ADMIN, which is nearly root by itself. List what the service needs, or drop the broad ones with a ~ list.',
    judge: (ws, unit) => {
      // An empty assignment is the empty set: no capabilities at all.
      const e = lastAssignment(ws, unit, 'Service', 'CapabilityBoundingSet');
      if (!e) return 'missing';
      if (e.value === '') return 'ok';
      const words = e.value.replace(/^~/, '').split(/\s+/).map((w) => w.toUpperCase());
      if (e.value.startsWith('~')) {
        const kept = BROAD_CAPABILITIES.filter((c) => !words.includes(c));
        return kept.includes('CAP_SYS_ADMIN') ? { weak: 'the ~ list does not drop CAP_SYS_ADMIN' } : 'ok';
      }
      const broad = words.filter((w) => BROAD_CAPABILITIES.includes(w) && CAPABILITIES.includes(w));
      return broad.length ? { weak: `it keeps ${broad.join(', ')}` } : 'ok';
    },
  },
  boolCheck('protect-kernel-tunables', 'ProtectKernelTunables', 'ProtectKernelTunables=yes makes /proc/sys, /sys and similar kernel knobs read-only for the service, so it cannot retune the kernel.'),
  boolCheck('protect-kernel-modules', 'ProtectKernelModules', 'ProtectKernelModules=yes forbids loading kernel modules (and hides /usr/lib/modules), a direct way into the kernel.'),
  boolCheck('protect-kernel-logs', 'ProtectKernelLogs', 'ProtectKernelLogs=yes denies access to the kernel log ring buffer, which can leak addresses and secrets.'),
  boolCheck('protect-control-groups', 'ProtectControlGroups', 'ProtectControlGroups=yes makes the cgroup file system read-only, so the service cannot change its own (or others\') resource limits.'),
  boolCheck('private-devices', 'PrivateDevices', 'PrivateDevices=yes gives the service a minimal /dev without physical devices (no raw disks, no /dev/mem), unless it really drives hardware.'),
  {
    name: 'restrict-address-families',
    summary: SUMMARIES['restrict-address-families'],
    key: 'RestrictAddressFamilies',
    recommended: 'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6',
    severity: 'info',
    why: 'RestrictAddressFamilies= limits which socket families the service may open; most daemons need only AF_UNIX, AF_INET and AF_INET6, and rarely used families (AF_PACKET, AF_NETLINK, ...) carry much of the kernel attack surface.',
    judge: (ws, unit) => (get(ws, unit, 'RestrictAddressFamilies') ? 'ok' : 'missing'),
  },
  {
    name: 'restrict-namespaces',
    summary: SUMMARIES['restrict-namespaces'],
    key: 'RestrictNamespaces',
    recommended: 'RestrictNamespaces=yes',
    severity: 'info',
    why: 'RestrictNamespaces=yes forbids creating namespaces (user, net, mount, ...), which unprivileged exploits use to reach kernel code otherwise reserved for root.',
    judge: (ws, unit) => {
      const v = get(ws, unit, 'RestrictNamespaces')?.value;
      return v && !['no', 'false', 'off', '0'].includes(v) ? 'ok' : 'missing';
    },
  },
  {
    name: 'system-call-filter',
    summary: SUMMARIES['system-call-filter'],
    key: 'SystemCallFilter',
    recommended: 'SystemCallFilter=@system-service',
    severity: 'info',
    why: 'SystemCallFilter=@system-service lets the service make only the system calls ordinary services need; anything else (mounting, loading modules, rebooting, tracing) fails.',
    judge: (ws, unit) => (get(ws, unit, 'SystemCallFilter') ? 'ok' : 'missing'),
  },
  {
    name: 'system-call-architectures',
    summary: SUMMARIES['system-call-architectures'],
    key: 'SystemCallArchitectures',
    recommended: 'SystemCallArchitectures=native',
    severity: 'info',
    why: 'SystemCallArchitectures=native blocks system calls of foreign ABIs (32-bit x86 calls on x86-64, say), a classic way around system call filters.',
    judge: (ws, unit) => (get(ws, unit, 'SystemCallArchitectures') ? 'ok' : 'missing'),
  },
  boolCheck('lock-personality', 'LockPersonality', 'LockPersonality=yes stops the service from switching its execution domain (personality), which old exploits use to change how the kernel treats it.'),
  boolCheck('memory-deny-write-execute', 'MemoryDenyWriteExecute', 'MemoryDenyWriteExecute=yes forbids memory that is both writable and executable, so injected code cannot be run; leave it off for programs with a JIT (Java, Node.js, LuaJIT).'),
  boolCheck('restrict-realtime', 'RestrictRealtime', 'RestrictRealtime=yes forbids realtime scheduling, with which a runaway or hostile service can starve the whole machine.'),
  boolCheck('restrict-suid-sgid', 'RestrictSUIDSGID', 'RestrictSUIDSGID=yes forbids creating setuid/setgid files, so a compromised service cannot plant a privileged binary.', 'info', (ws, unit) => dynamic(ws, unit)),
  boolCheck('protect-clock', 'ProtectClock', 'ProtectClock=yes denies writes to the system and hardware clock; wrong time breaks certificates, logs and timers.'),
  boolCheck('protect-hostname', 'ProtectHostname', 'ProtectHostname=yes keeps the service from changing the host name.'),
];

/** The hardening explanation for a directive, for hover. */
export function hardeningFor(key: string): HardeningCheck | undefined {
  return HARDENING.find((h) => h.key === key || (h.name === 'user' && key === 'DynamicUser'));
}
