// Programs whose units Daemonlint connects to their configs. Add a daemon here, not in rules.
import type { Dialect } from '../types';

export interface DaemonInfo {
  id: string;
  /** Executable basenames that start it. */
  binaries: string[];
  /** Serves many concurrent connections, so the fd limit matters. */
  connectionHeavy: boolean;
  /** Dialect of its config file, when Daemonlint understands it. */
  configDialect?: Dialect;
  /** Config read when the command line names none. */
  defaultConfig?: string;
  /** Clients it admits for a soft RLIMIT_NOFILE, when it derives a cap from it. */
  clientCap?: (softLimit: number) => number;
}

export const DAEMONS: DaemonInfo[] = [
  {
    id: 'stunnel',
    binaries: ['stunnel', 'stunnel4', 'stunnel5', 'stunnel3'],
    connectionHeavy: true,
    configDialect: 'stunnel',
    defaultConfig: '/etc/stunnel/stunnel.conf',
    // stunnel's fd.c/stunnel.c: limit*125/256 when limit >= 256, else (limit-6)/2.
    clientCap: (n) => (n >= 256 ? Math.floor((n * 125) / 256) : Math.max(0, Math.floor((n - 6) / 2))),
  },
  { id: 'haproxy', binaries: ['haproxy'], connectionHeavy: true },
  { id: 'nginx', binaries: ['nginx'], connectionHeavy: true },
  { id: 'redis', binaries: ['redis-server'], connectionHeavy: true },
  { id: 'memcached', binaries: ['memcached'], connectionHeavy: true },
  { id: 'squid', binaries: ['squid'], connectionHeavy: true },
  { id: 'envoy', binaries: ['envoy'], connectionHeavy: true },
  { id: 'pgbouncer', binaries: ['pgbouncer'], connectionHeavy: true },
];

export function daemonForBinary(path: string): DaemonInfo | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return DAEMONS.find((d) => d.binaries.includes(name));
}

/** systemd's default RLIMIT_NOFILE for services since v240 (soft:hard). */
export const SYSTEMD_DEFAULT_NOFILE = { soft: 1024, hard: 524288 };

/** The kernel's default fs.nr_open: where LimitNOFILE=infinity ends up. */
export const NR_OPEN_DEFAULT = 1048576;

/**
 * A LimitNOFILE= that carries `connections` concurrent clients: two descriptors per client plus
 * room for listeners and logs, at least what the daemon's own cap needs, rounded up to 1024.
 */
export function suggestedNofile(daemon: DaemonInfo | undefined, connections: number): number {
  let need = connections * 2 + 64;
  if (daemon?.clientCap) {
    let n = need;
    while (daemon.clientCap(n) < connections) n = Math.ceil(n * 1.01) + 1;
    need = n;
  }
  return Math.max(4096, Math.ceil(need / 1024) * 1024);
}

/** 15625 -> "15,625". */
export function formatCount(n: number): string {
  return String(Math.floor(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
