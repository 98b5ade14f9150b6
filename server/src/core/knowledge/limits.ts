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
