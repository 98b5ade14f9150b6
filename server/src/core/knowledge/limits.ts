// limits.conf items (limits.conf(5), pam_limits) and what each one limits.
export const LIMIT_ITEMS: Record<string, string> = {
  core: 'largest core dump, in KiB',
  data: 'largest data segment, in KiB',
  fsize: 'largest file a process may create, in KiB',
  memlock: 'memory a process may lock into RAM, in KiB',
  nofile: 'open file descriptors per process (sockets count too)',
  rss: 'resident set size, in KiB (ignored by Linux 2.6 and later)',
  stack: 'stack size, in KiB',
  cpu: 'CPU time, in minutes',
  nproc: 'processes (threads) per user',
  as: 'address space, in KiB',
  maxlogins: 'concurrent logins of this user',
  maxsyslogins: 'concurrent logins on the whole system',
  nonewprivs: 'when 1, sets no_new_privs for the session',
  priority: 'nice value user processes start with',
  locks: 'file locks',
  sigpending: 'pending signals',
  msgqueue: 'bytes in POSIX message queues',
  nice: 'highest nice priority a process may raise itself to (-20..19)',
  rtprio: 'highest real-time priority',
  chroot: 'directory to chroot the session into (Debian patch)',
};
export const LIMITS_MANUAL = 'https://man7.org/linux/man-pages/man5/limits.conf.5.html';

// ---------------------------------------------------------------------------------------------
// How pam_limits reads a value (Linux-PAM 1.5.2 as shipped by Debian 12, modules/pam_limits/
// pam_limits.c, process_limit(); unchanged up to 1.7.2). The line is lowercased first. nonewprivs
// takes exactly 0 or 1. Every other item except priority and nice takes '-1', '-', 'unlimited' and
// 'infinity' as no limit. Otherwise priority, nice, maxlogins and maxsyslogins go through strtol,
// the resource limits through strtoul(l), both in base 10: the leading digits count, anything after
// them is ignored, a leading '-' wraps around for strtoul, and only a value with no digits at all is
// rejected (logged as "wrong limit value" at debug priority, and the line is skipped).

/** Items pam_limits reads with strtol (signed, no 'unlimited' for priority and nice). */
const STRTOL_ITEMS = ['priority', 'nice', 'maxlogins', 'maxsyslogins'];
/** Items where the unlimited words are not special. */
const NO_UNLIMITED_ITEMS = ['priority', 'nice', 'nonewprivs'];
export const LIMIT_UNLIMITED_WORDS = ['-1', '-', 'unlimited', 'infinity'];
/** The units pam_limits multiplies a number by (KiB items are times 1024, cpu times 60). */
export const LIMIT_UNITS: Record<string, string> = {
  core: 'KiB', data: 'KiB', fsize: 'KiB', memlock: 'KiB', rss: 'KiB', stack: 'KiB', as: 'KiB', cpu: 'minutes',
};
const ULONG_MAX = (1n << 64n) - 1n;

export type LimitValueReading =
  /** A plain number or an unlimited word, read as written. */
  | { kind: 'ok'; unlimited: boolean }
  /** No digits (or nonewprivs not 0/1): pam_limits rejects the value. */
  | { kind: 'rejected'; unlimitedAllowed: boolean }
  /** Read as `read`, which is not what was written: `ignored` is the text after the digits, `wrapped` a negative number turned huge. */
  | { kind: 'misread'; read: string; ignored: string; wrapped: boolean; unlimited: boolean };

/** How pam_limits (Linux-PAM 1.5.2) reads `value` for `item` (both as written; lowercased here). */
export function readLimitValue(item: string, value: string): LimitValueReading {
  const it = item.toLowerCase();
  const v = value.toLowerCase();
  const unlimitedAllowed = !NO_UNLIMITED_ITEMS.includes(it);
  if (it === 'nonewprivs') return v === '0' || v === '1' ? { kind: 'ok', unlimited: false } : { kind: 'rejected', unlimitedAllowed };
  if (unlimitedAllowed && LIMIT_UNLIMITED_WORDS.includes(v)) return { kind: 'ok', unlimited: true };
  const m = /^([+-]?)(\d+)(.*)$/.exec(v);
  if (!m) return { kind: 'rejected', unlimitedAllowed };
  const [, sign, digits, rest] = m;
  const n = BigInt(digits);
  let read: bigint;
  let wrapped = false;
  if (STRTOL_ITEMS.includes(it)) {
    read = sign === '-' ? -n : n;
  } else if (n > ULONG_MAX) {
    read = ULONG_MAX; // strtoul saturates, which is RLIM_INFINITY
  } else if (sign === '-' && n !== 0n) {
    read = ULONG_MAX + 1n - n;
    wrapped = true;
  } else {
    read = n;
  }
  const unlimited = !STRTOL_ITEMS.includes(it) && read === ULONG_MAX;
  if (rest === '' && !wrapped && !unlimited) return { kind: 'ok', unlimited: false };
  return { kind: 'misread', read: read.toString(), ignored: rest, wrapped, unlimited };
}
