// Word lists the systemd value grammars check against. These are facts about Linux and systemd
// (names of signals, capabilities, address families, syscall groups, specifiers), collected from
// the kernel headers' names and from `systemd-analyze syscall-filter` / `capability` of systemd 252,
// with the few names newer releases added. The descriptions are our own.

/** Signal names as systemd accepts them (with or without the SIG prefix), Linux numbering. */
export const SIGNALS = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
  'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS',
];

/** Linux capabilities known to systemd (capability numbers 0..40). */
export const CAPABILITIES = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID',
  'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW',
  'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE', 'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD',
  'CAP_LEASE', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG',
  'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
];

/** Capabilities that give a process (nearly) root power; a bounding set keeping them is broad. */
export const DANGEROUS_CAPABILITIES = [
  'CAP_SYS_ADMIN', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_PTRACE', 'CAP_SYS_BOOT', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH',
  'CAP_SETUID', 'CAP_SETGID', 'CAP_SETPCAP', 'CAP_FOWNER', 'CAP_CHOWN', 'CAP_NET_ADMIN', 'CAP_BPF', 'CAP_MAC_ADMIN', 'CAP_MAC_OVERRIDE',
  'CAP_LINUX_IMMUTABLE', 'CAP_SYS_TIME', 'CAP_MKNOD', 'CAP_SETFCAP', 'CAP_AUDIT_CONTROL', 'CAP_SYSLOG', 'CAP_PERFMON',
];

/** Address family names systemd's RestrictAddressFamilies= understands. */
export const ADDRESS_FAMILIES = [
  'AF_UNIX', 'AF_LOCAL', 'AF_INET', 'AF_AX25', 'AF_IPX', 'AF_APPLETALK', 'AF_NETROM', 'AF_BRIDGE', 'AF_ATMPVC', 'AF_X25',
  'AF_INET6', 'AF_ROSE', 'AF_DECnet', 'AF_NETBEUI', 'AF_SECURITY', 'AF_KEY', 'AF_NETLINK', 'AF_ROUTE', 'AF_PACKET', 'AF_ASH',
  'AF_ECONET', 'AF_ATMSVC', 'AF_RDS', 'AF_SNA', 'AF_IRDA', 'AF_PPPOX', 'AF_WANPIPE', 'AF_LLC', 'AF_IB', 'AF_MPLS', 'AF_CAN',
  'AF_TIPC', 'AF_BLUETOOTH', 'AF_IUCV', 'AF_RXRPC', 'AF_ISDN', 'AF_PHONET', 'AF_IEEE802154', 'AF_CAIF', 'AF_ALG', 'AF_NFC',
  'AF_VSOCK', 'AF_KCM', 'AF_QIPCRTR', 'AF_SMC', 'AF_XDP', 'AF_MCTP',
];

/** System call groups of SystemCallFilter= (systemd 252, plus @sandbox from 257). */
export const SYSCALL_GROUPS: Record<string, string> = {
  '@default': 'calls every process needs; always allowed',
  '@aio': 'asynchronous I/O',
  '@basic-io': 'reading, writing, seeking and closing file descriptors',
  '@chown': 'changing file owners',
  '@clock': 'setting the system clock',
  '@cpu-emulation': 'CPU emulation (vm86 and friends)',
  '@debug': 'debugging and tracing (ptrace, perf)',
  '@file-system': 'file system access',
  '@io-event': 'event loops (poll, select, epoll)',
  '@ipc': 'SysV IPC, pipes and message queues',
  '@keyring': 'the kernel keyring',
  '@memlock': 'locking memory',
  '@module': 'loading and unloading kernel modules',
  '@mount': 'mounting and unmounting file systems',
  '@network-io': 'socket I/O',
  '@obsolete': 'unusual, obsolete or unimplemented calls',
  '@pkey': 'memory protection keys',
  '@privileged': 'calls that need super-user capabilities',
  '@process': 'process control (fork, exec, kill)',
  '@raw-io': 'raw I/O port access',
  '@reboot': 'rebooting and kexec',
  '@resources': 'changing resource limits and scheduling',
  '@sandbox': 'sandboxing calls (landlock, seccomp)',
  '@setuid': 'changing user and group ids',
  '@signal': 'signal handling',
  '@swap': 'enabling and disabling swap',
  '@sync': 'syncing files and memory to disk',
  '@system-service': 'what a typical system service needs',
  '@timer': 'timers and alarms',
  '@known': 'every call the systemd build knows',
};

/** Namespace type names of RestrictNamespaces= / DelegateNamespaces=. */
export const NAMESPACE_TYPES = ['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts', 'time'];

export const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
export const LOG_FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

export const STD_OUTPUT_WORDS = ['inherit', 'null', 'tty', 'journal', 'kmsg', 'journal+console', 'kmsg+console', 'socket'];
export const STD_OUTPUT_PREFIXES = ['file:', 'append:', 'truncate:', 'fd:'];
export const STD_INPUT_WORDS = ['null', 'tty', 'tty-force', 'tty-fail', 'data', 'socket'];
export const STD_INPUT_PREFIXES = ['file:', 'fd:'];

export const SECURE_BITS = ['keep-caps', 'keep-caps-locked', 'no-setuid-fixup', 'no-setuid-fixup-locked', 'noroot', 'noroot-locked'];

/** Unit types a unit name may end in. */
export const UNIT_SUFFIXES = ['service', 'socket', 'target', 'device', 'mount', 'automount', 'swap', 'timer', 'path', 'slice', 'scope'];

/**
 * Specifiers systemd expands in unit files (the letter after %), with what they stand for.
 * `abs` marks those that expand to an absolute path.
 */
export const SPECIFIERS: Record<string, { text: string; abs?: boolean; since?: number; deprecated?: boolean }> = {
  a: { text: 'architecture (e.g. x86-64)' },
  A: { text: 'OS image version (IMAGE_VERSION= of os-release)' },
  b: { text: 'boot ID' },
  B: { text: 'OS build ID (BUILD_ID= of os-release)' },
  c: { text: 'control group path (deprecated: does not work as intended)', deprecated: true },
  C: { text: 'cache directory root (/var/cache, or $XDG_CACHE_HOME for user units)', abs: true },
  d: { text: 'credentials directory ($CREDENTIALS_DIRECTORY)', abs: true },
  D: { text: 'shared data directory (/usr/share, or $XDG_DATA_HOME for user units)', abs: true, since: 255 },
  E: { text: 'configuration directory root (/etc, or $XDG_CONFIG_HOME for user units)', abs: true },
  f: { text: 'unescaped instance (or prefix) name with a leading /', abs: true },
  g: { text: 'group name of the user running the manager' },
  G: { text: 'GID of the user running the manager' },
  h: { text: 'home directory of the user running the manager (/root for the system manager)', abs: true },
  H: { text: 'host name' },
  i: { text: 'instance name (between @ and the suffix)' },
  I: { text: 'unescaped instance name' },
  j: { text: 'final component of the prefix (after the last dash)' },
  J: { text: 'unescaped final component of the prefix' },
  l: { text: 'short host name (up to the first dot)' },
  L: { text: 'log directory root (/var/log)', abs: true },
  m: { text: 'machine ID' },
  M: { text: 'OS image identifier (IMAGE_ID= of os-release)' },
  n: { text: 'full unit name' },
  N: { text: 'unit name without the type suffix' },
  o: { text: 'OS identifier (ID= of os-release)' },
  p: { text: 'prefix name (before @, or the name without suffix)' },
  P: { text: 'unescaped prefix name' },
  q: { text: 'pretty host name' },
  r: { text: 'control group path of the parent slice (deprecated)', deprecated: true },
  R: { text: 'root of the control group hierarchy (deprecated)', deprecated: true },
  s: { text: 'shell of the user running the manager', abs: true },
  S: { text: 'state directory root (/var/lib)', abs: true },
  t: { text: 'runtime directory root (/run, or $XDG_RUNTIME_DIR for user units)', abs: true },
  T: { text: 'temporary directory (/tmp, or $TMPDIR)', abs: true },
  u: { text: 'user name of the user running the manager (root for the system manager)' },
  U: { text: 'UID of the user running the manager' },
  v: { text: 'kernel release (uname -r)' },
  V: { text: 'directory for larger, persistent temporary files (/var/tmp)', abs: true },
  w: { text: 'OS version ID (VERSION_ID= of os-release)' },
  W: { text: 'OS variant ID (VARIANT_ID= of os-release)' },
  y: { text: 'path of the unit file (fragment)', abs: true },
  Y: { text: 'directory of the unit file (fragment)', abs: true },
  '%': { text: 'a literal %' },
};

/** IOSchedulingClass=, CPUSchedulingPolicy= and friends are in the generated table; these are parser-specific. */
export const DELEGATE_CONTROLLERS = ['cpu', 'cpuacct', 'cpuset', 'io', 'blkio', 'memory', 'devices', 'pids', 'bpf-firewall', 'bpf-devices', 'bpf-foreign', 'bpf-socket-bind', 'bpf-restrict-network-interfaces'];

/** System call names systemd 252 knows (the @known group of `systemd-analyze syscall-filter`). */
export const SYSCALLS = new Set(
  '_llseek _newselect accept accept4 access acct add_key adjtimex alarm arc_gettls arc_settls arc_usr_cmpxchg arch_prctl arm_fadvise64_64 atomic_barrier atomic_cmpxchg_32 bind bpf brk cachectl cacheflush capget capset chdir chmod chown chown32 chroot clock_adjtime clock_adjtime64 clock_getres clock_getres_time64 clock_gettime clock_gettime64 clock_nanosleep clock_nanosleep_time64 clock_settime clock_settime64 clone clone3 close close_range connect copy_file_range creat delete_module dipc dup dup2 dup3 epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 exec_with_loader execv execve execveat exit exit_group faccessat faccessat2 fadvise64 fadvise64_64 fallocate fanotify_init fanotify_mark fchdir fchmod fchmodat fchmodat2 fchown fchown32 fchownat fcntl fcntl64 fdatasync fgetxattr finit_module flistxattr flock fork fremovexattr fsconfig fsetxattr fsmount fsopen fspick fstat fstat64 fstatat64 fstatfs fstatfs64 fsync ftruncate ftruncate64 futex futex_requeue futex_time64 futex_wait futex_waitv futex_wake futimesat get_mempolicy get_robust_list get_thread_area getcpu getcwd getdents getdents64 getdomainname getdtablesize getegid getegid32 geteuid geteuid32 getgid getgid32 getgroups getgroups32 gethostname getitimer getpagesize getpeername getpgid getpgrp getpid getppid getpriority getrandom getresgid getresgid32 getresuid getresuid32 getrlimit getrusage getsid getsockname getsockopt gettid gettimeofday getuid getuid32 getxattr getxgid getxpid getxuid init_module inotify_add_watch inotify_init inotify_init1 inotify_rm_watch io_cancel io_destroy io_getevents io_pgetevents io_pgetevents_time64 io_setup io_submit io_uring_enter io_uring_register io_uring_setup ioctl ioperm iopl ioprio_get ioprio_set ipc kcmp kern_features kexec_file_load kexec_load keyctl kill landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown lchown32 lgetxattr link linkat listen listxattr llistxattr lookup_dcookie lremovexattr lseek lsetxattr lstat lstat64 madvise map_shadow_stack mbind membarrier memfd_create memfd_secret memory_ordering migrate_pages mincore mkdir mkdirat mknod mknodat mlock mlock2 mlockall mmap mmap2 modify_ldt mount mount_setattr move_mount move_pages mprotect mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedreceive_time64 mq_timedsend mq_timedsend_time64 mq_unlink mremap msgctl msgget msgrcv msgsnd msync multiplexer munlock munlockall munmap name_to_handle_at nanosleep newfstatat nice old_adjtimex oldfstat oldlstat oldolduname oldstat oldumount olduname open open_by_handle_at open_tree openat openat2 or1k_atomic osf_fstat osf_fstatfs osf_fstatfs64 osf_getdirentries osf_getdomainname osf_getitimer osf_getrusage osf_getsysinfo osf_gettimeofday osf_lstat osf_mount osf_proplist_syscall osf_select osf_set_program_attributes osf_setitimer osf_setsysinfo osf_settimeofday osf_shmat osf_sigprocmask osf_sigstack osf_stat osf_statfs osf_statfs64 osf_swapon osf_syscall osf_sysinfo osf_usleep_thread osf_utimes osf_utsname osf_wait4 pause pciconfig_iobase pciconfig_read pciconfig_write perf_event_open perfctr personality pidfd_getfd pidfd_open pidfd_send_signal pipe pipe2 pivot_root pkey_alloc pkey_free pkey_mprotect poll ppoll ppoll_time64 prctl pread64 preadv preadv2 prlimit64 process_madvise process_mrelease process_vm_readv process_vm_writev pselect6 pselect6_time64 ptrace pwrite64 pwritev pwritev2 quotactl quotactl_fd read readahead readdir readlink readlinkat readv reboot recv recvfrom recvmmsg recvmmsg_time64 recvmsg remap_file_pages removexattr rename renameat renameat2 request_key restart_syscall riscv_flush_icache riscv_hwprobe rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 rt_tgsigqueueinfo rtas s390_guarded_storage s390_pci_mmio_read s390_pci_mmio_write s390_runtime_instr s390_sthyi sched_get_affinity sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getattr sched_getparam sched_getscheduler sched_rr_get_interval sched_rr_get_interval_time64 sched_set_affinity sched_setaffinity sched_setattr sched_setparam sched_setscheduler sched_yield seccomp select semctl semget semop semtimedop semtimedop_time64 send sendfile sendfile64 sendmmsg sendmsg sendto set_mempolicy set_mempolicy_home_node set_robust_list set_thread_area set_tid_address setdomainname setfsgid setfsgid32 setfsuid setfsuid32 setgid setgid32 setgroups setgroups32 sethae sethostname setitimer setns setpgid setpgrp setpriority setregid setregid32 setresgid setresgid32 setresuid setresuid32 setreuid setreuid32 setrlimit setsid setsockopt settimeofday setuid setuid32 setxattr sgetmask shmat shmctl shmdt shmget shutdown sigaction sigaltstack signal signalfd signalfd4 sigpending sigprocmask sigreturn sigsuspend socket socketcall socketpair splice spu_create spu_run ssetmask stat stat64 statfs statfs64 statx stime subpage_prot swapcontext swapoff swapon switch_endian symlink symlinkat sync sync_file_range sync_file_range2 syncfs sys_debug_setcontext syscall sysfs sysinfo syslog sysmips tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime timer_gettime64 timer_settime timer_settime64 timerfd timerfd_create timerfd_gettime timerfd_gettime64 timerfd_settime timerfd_settime64 times tkill truncate truncate64 ugetrlimit umask umount umount2 uname unlink unlinkat unshare userfaultfd ustat utime utimensat utimensat_time64 utimes utrap_install vfork vhangup vm86 vm86old vmsplice wait4 waitid waitpid write writev'.split(' '),
);

/** errno names (Linux), for SystemCallErrorNumber= and the :errno suffix of SystemCallFilter=. */
export const ERRNO_NAMES = new Set('E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EADV EAFNOSUPPORT EAGAIN EALREADY EBADE EBADF EBADFD EBADMSG EBADR EBADRQC EBADSLT EBFONT EBUSY ECANCELED ECHILD ECHRNG ECOMM ECONNABORTED ECONNREFUSED ECONNRESET EDEADLK EDEADLOCK EDESTADDRREQ EDOM EDOTDOT EDQUOT EEXIST EFAULT EFBIG EHOSTDOWN EHOSTUNREACH EHWPOISON EIDRM EILSEQ EINPROGRESS EINTR EINVAL EIO EISCONN EISDIR EISNAM EKEYEXPIRED EKEYREJECTED EKEYREVOKED EL2HLT EL2NSYNC EL3HLT EL3RST ELIBACC ELIBBAD ELIBEXEC ELIBMAX ELIBSCN ELNRNG ELOOP EMEDIUMTYPE EMFILE EMLINK EMSGSIZE EMULTIHOP ENAMETOOLONG ENAVAIL ENETDOWN ENETRESET ENETUNREACH ENFILE ENOANO ENOBUFS ENOCSI ENODATA ENODEV ENOENT ENOEXEC ENOKEY ENOLCK ENOLINK ENOMEDIUM ENOMEM ENOMSG ENONET ENOPKG ENOPROTOOPT ENOSPC ENOSR ENOSTR ENOSYS ENOTBLK ENOTCONN ENOTDIR ENOTEMPTY ENOTNAM ENOTRECOVERABLE ENOTSOCK ENOTSUP ENOTTY ENOTUNIQ ENXIO EOPNOTSUPP EOVERFLOW EOWNERDEAD EPERM EPFNOSUPPORT EPIPE EPROTO EPROTONOSUPPORT EPROTOTYPE ERANGE EREMCHG EREMOTE EREMOTEIO ERESTART ERFKILL EROFS ESHUTDOWN ESOCKTNOSUPPORT ESPIPE ESRCH ESRMNT ESTALE ESTRPIPE ETIME ETIMEDOUT ETOOMANYREFS ETXTBSY EUCLEAN EUNATCH EUSERS EWOULDBLOCK EXDEV EXFULL'.split(' '));

/** Architectures of SystemCallArchitectures= (seccomp names), plus native. */
export const SECCOMP_ARCHS = ['native', 'x86', 'x86-64', 'x32', 'arm', 'arm64', 'loongarch64', 'mips', 'mips-le', 'mips64', 'mips64-le', 'mips64-n32', 'mips64-le-n32', 'parisc', 'parisc64', 'ppc', 'ppc64', 'ppc64-le', 'riscv64', 's390', 's390x'];

/** Names of CoredumpFilter= (besides a hexadecimal mask). */
export const COREDUMP_FILTERS = ['private-anonymous', 'shared-anonymous', 'private-file-backed', 'shared-file-backed', 'elf-headers', 'private-huge', 'shared-huge', 'private-dax', 'shared-dax', 'all', 'default'];
