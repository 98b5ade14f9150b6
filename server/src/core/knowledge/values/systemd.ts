// Value grammars for systemd directives, keyed by the parser type of the directive table.
// Each check returns null when the value is fine, or a problem with the offending sub-range
// of the value (offsets into the logical value). The grammars follow systemd's own parsers and
// were calibrated against `systemd-analyze verify` of systemd 252; where a parser is lenient or
// not modelled, the check accepts the value (a missed problem beats a false alarm).
import type { Severity } from '../../types';
import { emptyResets, type Directive } from '../systemd';
import { checkCalendar } from './systemdCalendar';
import { ADDRESS_FAMILIES, CAPABILITIES, COREDUMP_FILTERS, DELEGATE_CONTROLLERS, ERRNO_NAMES, LOG_FACILITIES, LOG_LEVELS, NAMESPACE_TYPES, SECCOMP_ARCHS, SIGNALS, SPECIFIERS, STD_INPUT_PREFIXES, STD_INPUT_WORDS, STD_OUTPUT_PREFIXES, STD_OUTPUT_WORDS, SYSCALLS, SYSCALL_GROUPS, UNIT_SUFFIXES } from './systemdData';
import { executableNameOk, execTokens, parseExecLines, type ExecToken } from './systemdExec';

export interface ValueProblem {
  message: string;
  start: number;
  end: number;
  /** Overrides the rule's severity (e.g. a value systemd accepts with a warning). */
  severity?: Severity;
}

export interface ValueContext {
  /** The systemd release the user targets (daemonlint.systemdVersion). */
  version?: number;
  /** The unit type of the file (service, socket, ...). */
  unitType?: string;
}

const TRUE_WORDS = ['1', 'yes', 'y', 'true', 't', 'on'];
const FALSE_WORDS = ['0', 'no', 'n', 'false', 'f', 'off'];

export function isSystemdBoolean(v: string): boolean {
  const l = v.toLowerCase();
  return TRUE_WORDS.includes(l) || FALSE_WORDS.includes(l);
}

export function parseSystemdBoolean(v: string): boolean | undefined {
  const l = v.toLowerCase();
  if (TRUE_WORDS.includes(l)) return true;
  if (FALSE_WORDS.includes(l)) return false;
  return undefined;
}

// ---------------------------------------------------------------- small helpers

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Whitespace-separated words with their offsets (no quote handling). */
export function plainWords(v: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function whole(message: string, v: string, severity?: Severity): ValueProblem {
  return severity ? { message, start: 0, end: v.length, severity } : { message, start: 0, end: v.length };
}

function at(w: { start: number; end: number }, message: string, severity?: Severity): ValueProblem {
  return severity ? { message, start: w.start, end: w.end, severity } : { message, start: w.start, end: w.end };
}

const IGNORED = 'systemd ignores the line.';

/** Removes %-specifiers (for checks on what is left); `%%` stays a literal percent. */
function hasSpecifier(v: string): boolean {
  return /%[A-Za-z]/.test(v);
}

/** True when a path-like value is absolute, or starts with a specifier that expands to an absolute path. */
function absoluteOrSpecifier(p: string, expands: boolean): boolean {
  if (p.startsWith('/')) return true;
  if (expands && p.startsWith('%') && p.length > 1) {
    const s = SPECIFIERS[p[1]];
    // Specifiers that expand to something relative (an instance name, say) could still be absolute at run time.
    return !!s && p[1] !== '%';
  }
  return false;
}

function tildeHint(p: string): string {
  return p.startsWith('~') ? ' systemd does not expand ~ here; use %h for the home directory of the manager\'s user, or write the path out.' : '';
}

// ---------------------------------------------------------------- numbers, sizes, times

const SEC_UNITS = ['usec', 'us', 'µs', 'μs', 'msec', 'ms', 'seconds', 'second', 'sec', 's', 'minutes', 'minute', 'min', 'm', 'hours', 'hour', 'hr', 'h', 'days', 'day', 'd', 'weeks', 'week', 'w', 'months', 'month', 'M', 'years', 'year', 'y'];
const NSEC_UNITS = [...SEC_UNITS, 'nsec', 'ns'];

/** A time span such as `90`, `1min 30s`, `2.5h` or `infinity`. */
export function checkTimespan(v: string, nsec = false): ValueProblem | null {
  const t = v.trim();
  if (t === '' || t === 'infinity') return null;
  const units = nsec ? NSEC_UNITS : SEC_UNITS;
  const re = /\s*(\d+(?:\.\d*)?|\.\d+)\s*([^\s\d.]*)/y;
  let pos = 0;
  while (pos < v.length) {
    re.lastIndex = pos;
    const m = re.exec(v);
    if (!m || m[0].length === 0) {
      const start = skipSpace(v, pos);
      const end = nextSpace(v, pos);
      const hint = v.slice(start, end).startsWith('-') ? ' Negative times are not allowed.' : '';
      return { message: `'${v.slice(start, end)}' is not a time span: use a number with an optional unit (us, ms, s, min, h, d, w, M, y), e.g. '1min 30s', or infinity.${hint} ${IGNORED}`, start, end };
    }
    if (m[2] && !units.includes(m[2])) {
      const unitStart = m.index + m[0].length - m[2].length;
      return { message: `Unknown time unit '${m[2]}': use ${nsec ? 'ns, ' : ''}us, ms, s, min, h, d, w, M or y. ${IGNORED}`, start: unitStart, end: unitStart + m[2].length };
    }
    pos = re.lastIndex;
    while (pos < v.length && /\s/.test(v[pos])) pos++;
  }
  return null;
}

function skipSpace(v: string, i: number): number {
  while (i < v.length && /\s/.test(v[i])) i++;
  return i;
}
function nextSpace(v: string, i: number): number {
  i = skipSpace(v, i);
  while (i < v.length && !/\s/.test(v[i])) i++;
  return i;
}

/** Bytes with an optional 1024-based suffix (K, M, G, T, P, E; B for bytes), as parse_size() reads them. */
export function isSize(v: string): boolean {
  return /^(?:\d+(?:\.\d+)?\s*[KMGTPEB]?\s*)+$/.test(v);
}

function isPercent(v: string, fractions = true): boolean {
  return fractions ? /^\d+(\.\d+)?%$/.test(v) : /^\d+%$/.test(v);
}

function isUnsigned(v: string): boolean {
  return (/^\+?\d+$/.test(v) && Number(v) <= 4294967295) || (/^0x[0-9a-fA-F]+$/.test(v) && Number(v) <= 4294967295);
}

function isInteger(v: string): boolean {
  const n = /^[+-]?\d+$/.test(v) ? Number(v) : /^[+-]?0x[0-9a-fA-F]+$/.test(v) ? Number(v.replace(/^([+-]?)0x/, '$10x')) : NaN;
  return Number.isFinite(n) && n >= -2147483648 && n <= 2147483647;
}

function intIn(v: string, min: number, max: number): boolean {
  return /^[+-]?\d+$/.test(v) && Number(v) >= min && Number(v) <= max;
}

// ---------------------------------------------------------------- resource limits

/** Units each resource limit takes (systemd.exec, "Process Properties"). */
function rlimitSideProblem(resource: string | undefined, side: string): string | null {
  if (side === 'infinity') return resource === 'RLIMIT_NICE' ? 'a nice level from -20 to 19 (or 0..40 raw); infinity is not allowed here' : null;
  if (resource !== 'RLIMIT_NICE' && side.startsWith('+')) side = side.slice(1);
  switch (resource) {
    case 'RLIMIT_CPU':
    case 'RLIMIT_RTTIME':
      return side !== '' && !checkTimespan(side) ? null : 'a time span or infinity';
    case 'RLIMIT_FSIZE':
    case 'RLIMIT_DATA':
    case 'RLIMIT_STACK':
    case 'RLIMIT_CORE':
    case 'RLIMIT_RSS':
    case 'RLIMIT_AS':
    case 'RLIMIT_MEMLOCK':
    case 'RLIMIT_MSGQUEUE':
      return isSize(side) ? null : 'a size in bytes (K, M, G suffixes allowed) or infinity';
    case 'RLIMIT_NICE':
      if (/^[+-]\d+$/.test(side)) return Number(side) >= -20 && Number(side) <= 19 ? null : 'a nice level from -20 to 19 (or 0..40 raw)';
      return /^\d+$/.test(side) && Number(side) <= 40 ? null : 'a nice level from -20 to 19 (or 0..40 raw)';
    default:
      return /^\d+$/.test(side) ? null : 'a whole number (no size suffixes) or infinity';
  }
}

/** `N`, `infinity`, or `SOFT:HARD`, with per-resource units. */
export function checkRlimit(d: Directive, v: string): ValueProblem | null {
  if (v === '') return null;
  const parts = v.split(':');
  if (parts.length > 2) return whole(`'${v}' is not a resource limit: use VALUE or SOFT:HARD. ${IGNORED}`, v);
  let offset = 0;
  for (const side of parts) {
    const want = rlimitSideProblem(d.limit, side);
    if (want !== null) {
      const close = side.length > 3 && 'infinity'.startsWith(side.slice(0, 2)) && side !== 'infinity';
      const hint = close ? ` Did you mean 'infinity'?` : '';
      return { message: `'${side}' is not a valid value for ${d.name}=: expected ${want}, or SOFT:HARD. systemd ignores the line and the default limit stays in force.${hint}`, start: offset, end: offset + side.length };
    }
    offset += side.length + 1;
  }
  if (parts.length === 2 && /^\d+$/.test(parts[0]) && /^\d+$/.test(parts[1]) && Number(parts[0]) > Number(parts[1])) {
    return whole(`The soft limit ${parts[0]} is higher than the hard limit ${parts[1]}; systemd rejects the line.`, v);
  }
  if (parts.length === 2 && parts[0] === 'infinity' && parts[1] !== 'infinity') {
    return whole(`The soft limit is infinity but the hard limit is ${parts[1]}; the soft limit may not exceed the hard one. ${IGNORED}`, v);
  }
  return null;
}

// ---------------------------------------------------------------- names

const UNIT_NAME = new RegExp(`^[A-Za-z0-9:_.\\\\%-]+(@[A-Za-z0-9:_.\\\\%-]*)?\\.(${UNIT_SUFFIXES.join('|')})$`);

/** A unit name (foo.service, foo@bar.service, foo@.service), specifiers allowed. */
export function isUnitName(n: string): boolean {
  return n.length <= 256 && UNIT_NAME.test(n) && !n.startsWith('@') && !n.startsWith('.');
}

function unitNameHint(n: string): string {
  if (!/\.[a-z]+$/.test(n)) return ` A unit name needs its type suffix, e.g. '${n}.target' or '${n}.service'.`;
  const suffix = n.slice(n.lastIndexOf('.') + 1);
  if (!UNIT_SUFFIXES.includes(suffix)) return ` '.${suffix}' is not a unit type (${UNIT_SUFFIXES.join(', ')}).`;
  return '';
}

function checkUnitList(d: Directive, v: string): ValueProblem | null {
  for (const w of plainWords(v)) {
    if (!isUnitName(w.text)) return at(w, `'${w.text}' is not a unit name.${unitNameHint(w.text)} ${IGNORED.replace('the line', 'this dependency')}`);
    if (d.name === 'Sockets' && !w.text.endsWith('.socket') && !w.text.includes('%')) return at(w, `Sockets= takes socket units; '${w.text}' is not one. systemd ignores it.`);
  }
  return null;
}

/** Strict POSIX-style names; systemd warns about anything else it still accepts. */
const STRICT_USER = /^[A-Za-z_][A-Za-z0-9_-]*\$?$/;

export type UserNameVerdict = 'ok' | 'lax' | 'invalid';

/** How systemd's relaxed user/group name check (with numeric ids allowed) judges a name. */
export function userNameVerdict(n: string): UserNameVerdict {
  if (/%[hsyYtSCLTVdDEf]/.test(n)) return 'invalid';
  if (n.includes('%')) return 'ok';
  if (/^\d+$/.test(n)) return /^(0|[1-9]\d*)$/.test(n) && Number(n) < 4294967295 && Number(n) !== 65535 ? 'ok' : 'invalid';
  if (n === '' || /[:/]/.test(n) || /^\s|\s$/.test(n) || n === '.' || n === '..' || /[\x00-\x1f\x7f]/.test(n) || /^-\d+$/.test(n) || n.length > 255) return 'invalid';
  return STRICT_USER.test(n) && n.length <= 31 ? 'ok' : 'lax';
}

function checkUserOrGroup(d: Directive, v: string, list: boolean): ValueProblem | null {
  for (const w of list ? plainWords(v) : [{ text: v, start: 0, end: v.length }]) {
    if (userNameVerdict(w.text) === 'invalid') {
      return at(w, `'${w.text}' is not a valid user or group name or numeric id (no '/' or ':', no leading or trailing space, ids without leading zeros). systemd refuses to start the unit.`);
    }
  }
  void d;
  return null;
}

function isEnvName(n: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(n);
}

// ---------------------------------------------------------------- lists with quoting

function quotedWords(v: string): ExecToken[] {
  return execTokens(v);
}

function checkEnvironment(v: string): ValueProblem | null {
  const toks = quotedWords(v);
  let sawAssignment = false;
  for (const t of toks) {
    if (t.unbalanced) return at({ start: t.start, end: v.length }, `Unbalanced quote in Environment=: the ${v[t.start] === "'" ? 'single' : 'double'} quote is never closed. ${IGNORED}`);
    const eq = t.text.indexOf('=');
    if (eq > 0 && isEnvName(t.text.slice(0, eq))) {
      sawAssignment = true;
      continue;
    }
    // A word without '=' after an assignment: an unquoted space (systemd/environment-unquoted-space says so).
    if (eq < 0 && sawAssignment) continue;
    if (eq > 0) return at(t, `'${t.text.slice(0, eq)}' is not a valid variable name (letters, digits and _, not starting with a digit). systemd ignores this assignment.`);
    return at(t, `'${t.text}' is not an assignment: Environment= takes NAME=VALUE words${eq === 0 ? ' (the name is missing)' : ''}. systemd ignores it.`);
  }
  return null;
}

function checkPathList(d: Directive, v: string, opts: { dashPrefix?: boolean; plusPrefix?: boolean; colonSuffix?: boolean }): ValueProblem | null {
  for (const t of quotedWords(v)) {
    if (t.unbalanced) return at({ start: t.start, end: v.length }, `Unbalanced quote in ${d.name}=. ${IGNORED}`);
    let p = t.text;
    if (opts.dashPrefix && p.startsWith('-')) p = p.slice(1);
    if (opts.plusPrefix && p.startsWith('+')) p = p.slice(1);
    if (opts.colonSuffix) p = p.split(':')[0];
    if (!absoluteOrSpecifier(p, d.expands)) {
      return at(t, `'${t.text}' is not an absolute path: ${d.name}= needs paths starting with '/' (specifiers such as %t allowed).${tildeHint(p)} systemd ignores it.`);
    }
  }
  return null;
}

function checkRelativeDirs(d: Directive, v: string): ValueProblem | null {
  for (const t of quotedWords(v)) {
    if (d.name === 'ConfigurationDirectory' && t.text.includes(':')) return at(t, `ConfigurationDirectory= takes no :destination part. systemd ignores it.`);
    const p = t.text.split(':')[0];
    if (p.startsWith('/') || /^%[hsyYtSCLTVdDEf]/.test(p)) return at(t, `'${t.text}' must be relative: ${d.name}= names a directory below ${dirBase(d.name)}, e.g. '${p.replace(/^\/+(var\/lib|var\/cache|var\/log|run|etc)?\/*/, '') || 'name'}'. systemd ignores it.`);
    if (p.split('/').includes('..')) return at(t, `'${t.text}' may not contain '..'. systemd ignores it.`);
  }
  return null;
}

function dirBase(name: string): string {
  return { RuntimeDirectory: '/run', StateDirectory: '/var/lib', CacheDirectory: '/var/cache', LogsDirectory: '/var/log', ConfigurationDirectory: '/etc' }[name] ?? 'its base directory';
}

// ---------------------------------------------------------------- exec

function checkExec(d: Directive, v: string): ValueProblem | null {
  for (const t of execTokens(v)) {
    if (t.unbalanced) return at({ start: t.start, end: v.length }, `Unbalanced quote in ${d.name}=: a quote opened here is never closed. systemd refuses to start the unit.`);
  }
  for (const line of parseExecLines(v)) {
    if (!line.program) return at({ start: line.start, end: line.end }, `${d.name}= has prefixes but no command: write the prefixes directly before the executable, e.g. '-/usr/bin/foo'.`);
    if (line.program.text === '') return at(line.program, `Empty executable name in ${d.name}=. systemd refuses the line.`);
  }
  return null;
}

/** The program of each command of an Exec line that is neither absolute nor a plain name. */
export function relativeExecutables(v: string): { program: ExecToken; ignoreFailure: boolean; prefixes: string }[] {
  const out = [];
  for (const line of parseExecLines(v)) {
    if (line.program && line.program.text !== '' && !executableNameOk(line.program.text) && !line.program.text.startsWith('%')) {
      out.push({ program: line.program, ignoreFailure: line.ignoreFailure, prefixes: line.prefixes });
    }
  }
  return out;
}

// ---------------------------------------------------------------- sockets

function checkListen(d: Directive, v: string): ValueProblem | null {
  const t = v.trim();
  switch (d.name) {
    case 'ListenStream':
    case 'ListenDatagram':
    case 'ListenSequentialPacket': {
      if (t.startsWith('/') || t.startsWith('@') || (d.expands && /^%[tShCLTVEdy]/.test(t))) return null;
      if (d.name === 'ListenSequentialPacket') return whole(`ListenSequentialPacket= works only with Unix sockets: give an absolute path or @name. ${IGNORED}`, v);
      if (/^vsock:/.test(t)) return /^vsock:(\d+|%[A-Za-z])?:\d+$/.test(t) || /^vsock::?\d+$/.test(t) ? null : whole(`'${v}' is not a vsock address: use vsock:CID:PORT. ${IGNORED}`, v);
      let port: string | undefined;
      let m: RegExpExecArray | null;
      if (/^\d+$/.test(t)) port = t;
      else if ((m = /^\[([0-9A-Fa-f:.]+)\](?:%[\w.-]+)?:(\d+)$/.exec(t))) port = m[2];
      else if ((m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:%[\w.-]+)?:(\d+)$/.exec(t))) {
        if (m[1].split('.').some((o) => Number(o) > 255)) return whole(`'${v}' is not a valid IPv4 address. ${IGNORED}`, v);
        port = m[2];
      } else if (/^[A-Za-z][\w.-]*:\d+$/.test(t)) {
        return whole(`'${v}': systemd does not resolve host names in ${d.name}=; use an IP address ([::1]:port for IPv6) or just a port. ${IGNORED}`, v);
      } else return whole(`'${v}' is not a socket address: use a port, ADDRESS:PORT, [IPv6]:PORT, an absolute path for a Unix socket, or @name for an abstract one. ${IGNORED}`, v);
      if (Number(port) < 1 || Number(port) > 65535) return whole(`Port ${port} is out of range (1..65535). ${IGNORED}`, v);
      return null;
    }
    case 'ListenFIFO':
    case 'ListenSpecial':
    case 'ListenMessageQueue':
    case 'ListenUSBFunction':
      return t.startsWith('/') || (d.expands && t.startsWith('%')) ? null : whole(`${d.name}= takes an absolute path.${tildeHint(t)} ${IGNORED}`, v);
    case 'ListenNetlink':
      return /^([a-z0-9_-]+)(\s+\d+)?$/.test(t) && (NETLINK_FAMILIES.includes(t.split(/\s+/)[0]) || /^\d+$/.test(t.split(/\s+/)[0])) ? null : whole(`ListenNetlink= takes a netlink family name and an optional group number, e.g. 'kobject-uevent 1'. ${IGNORED}`, v);
    default:
      return null;
  }
}

const NETLINK_FAMILIES = ['route', 'usersock', 'firewall', 'sock-diag', 'inet-diag', 'nflog', 'xfrm', 'selinux', 'iscsi', 'audit', 'fib-lookup', 'connector', 'netfilter', 'ip6-fw', 'dnrtmsg', 'kobject-uevent', 'generic', 'scsitransport', 'ecryptfs', 'rdma', 'crypto', 'smc'];

// ---------------------------------------------------------------- the dispatcher

/** The problem with the first %-specifier systemd cannot resolve, if any. */
export function unknownSpecifier(v: string, version = 999): ValueProblem | null {
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== '%') continue;
    const c = v[i + 1];
    if (c === undefined) return null;
    const s = SPECIFIERS[c];
    if (!s || (s.since && version < s.since)) {
      const why = s ? `needs systemd ${s.since}` : 'is not a specifier';
      return { message: `'%${c}' ${why}: systemd cannot resolve it and ignores the line. Write %% for a literal percent sign.`, start: i, end: i + 2 };
    }
    i++;
  }
  return null;
}

/** Checks a value against its directive's grammar. Unknown grammars accept anything. */
export function checkSystemdValue(d: Directive, v: string, cx: ValueContext = {}): ValueProblem | null {
  const p = checkValue(d, v, cx);
  // For these settings a value systemd cannot read fails the whole unit, not just the line.
  if (p && d.parseFatal) return { ...whole(`systemd cannot read ${v === '' ? 'an empty value' : `'${v}'`} as ${d.name}=, and for this setting that is fatal: it refuses to load the unit ("Unit configuration has fatal error, unit will not be started"). Write yes or no.`, v), severity: 'error' };
  return p;
}

function checkValue(d: Directive, v: string, cx: ValueContext): ValueProblem | null {
  const version = cx.version ?? 999;
  if (v === '') {
    if (!emptyResets(d, version)) return whole(`systemd ${version} does not accept an empty ${d.name}= (it does not reset the setting) and ignores the line. Remove the line, or give a value.`, v);
    return null;
  }
  if (d.expands) {
    const sp = unknownSpecifier(v, version);
    if (sp) return sp;
  }
  const p = checkType(d, v, cx);
  if (p && !d.expands && hasSpecifier(v)) p.message += ` (systemd does not expand specifiers such as %i in ${d.name}=.)`;
  return p;
}

function checkType(d: Directive, v: string, cx: ValueContext): ValueProblem | null {
  const version = cx.version ?? 999;
  switch (d.type) {
    case 'boolean':
      if (isSystemdBoolean(v)) return null;
      return whole(`'${v}' is not a boolean: use yes or no (also true/false, on/off, 1/0). ${IGNORED}`, v);
    case 'boolean-or-empty':
      if (isSystemdBoolean(v)) return null;
      return whole(`'${v}' is not a boolean: use yes, no or an empty value. ${IGNORED}`, v);
    case 'timespan':
    case 'timespan-0-is-infinity':
    case 'timespan-empty-is-infinity':
    case 'timespan-or-empty':
      return checkTimespan(v);
    case 'timespan-nsec':
      return checkTimespan(v, true);
    case 'timer-spec':
      if (d.name === 'OnCalendar') return checkCalendar(v);
      return checkTimespan(v);
    case 'rlimit':
      return checkRlimit(d, v);
    case 'integer':
      if (d.name === 'Priority' && d.section === 'Swap') return isInteger(v) && Number(v) >= -1 && Number(v) <= 32767 ? null : whole(`'${v}' is not a swap priority (-1..32767). ${IGNORED}`, v);
      if (d.name.startsWith('MessageQueue')) return /^[+-]?(\d+|0x[0-9a-fA-F]+)$/.test(v) ? null : whole(`'${v}' is not an integer. ${IGNORED}`, v);
      return isInteger(v) ? null : whole(`'${v}' is not an integer. ${IGNORED}`, v);
    case 'unsigned':
      if (d.name === 'TTYRows' || d.name === 'TTYColumns') return isUnsigned(v) ? null : whole(`'${v}' is not a non-negative integer. ${IGNORED}`, v);
      return isUnsigned(v) ? null : whole(`'${v}' is not a non-negative integer. ${IGNORED}`, v);
    case 'unsigned-or-infinity':
      return v === 'infinity' || isUnsigned(v) ? null : whole(`'${v}' is not a non-negative integer or infinity. ${IGNORED}`, v);
    case 'nice':
      if (!isInteger(v)) return whole(`'${v}' is not a nice level: use an integer from -20 (highest priority) to 19. ${IGNORED}`, v);
      return intIn(v, -20, 19) ? null : whole(`Nice level ${v} is out of range: use -20 (highest priority) to 19. ${IGNORED}`, v);
    case 'oom-score-adjust':
      return intIn(v, -1000, 1000) ? null : whole(`'${v}' is not an OOM score adjustment: use an integer from -1000 to 1000. ${IGNORED}`, v);
    case 'io-priority':
      return intIn(v, 0, 7) ? null : whole(`'${v}' is not an I/O priority: use 0 (highest) to 7. ${IGNORED}`, v);
    case 'cpu-sched-priority':
      return intIn(v, 0, 99) ? null : whole(`'${v}' is not a scheduling priority: use 0 to 99 (1..99 for fifo and rr). ${IGNORED}`, v);
    case 'octal-mode':
      return /^[0-7]+$/.test(v) && parseInt(v, 8) <= 0o7777 ? null : whole(`'${v}' is not an octal file mode such as 0755 (digits 0-7, at most 07777). ${IGNORED}`, v);
    case 'size-iec':
      return isSize(v) ? null : whole(`'${v}' is not a size: use bytes with an optional K, M or G suffix (base 1024). ${IGNORED}`, v);
    case 'memory-limit':
      if (isPercent(v) && Number(v.slice(0, -1)) > 100) return whole(`${v} is more than all of the memory; use at most 100%. ${IGNORED}`, v);
      if (v === 'infinity' || isPercent(v) || isSize(v)) {
        if (/^0+(\.0+)?[KMGTPE%]?$/.test(v) && !['MemoryMin', 'MemoryLow', 'DefaultMemoryMin', 'DefaultMemoryLow', 'StartupMemoryLow', 'DefaultStartupMemoryLow', 'MemorySwapMax', 'MemoryZSwapMax', 'StartupMemorySwapMax', 'StartupMemoryZSwapMax'].includes(d.name)) {
          return whole(`${d.name}=0 would leave the unit no memory; systemd rejects it. Use infinity for no limit.`, v);
        }
        return null;
      }
      return whole(`'${v}' is not a memory limit: use bytes with a K, M, G or T suffix (base 1024), a percentage of RAM such as 50%, or infinity. ${IGNORED}`, v);
    case 'tasks-max':
      if (v === 'infinity' || isPercent(v)) return null;
      if (isUnsigned(v)) return Number(v) >= 1 ? null : whole(`TasksMax=0 would forbid every process; use a positive number, a percentage or infinity. ${IGNORED}`, v);
      return whole(`'${v}' is not a task limit: use a number, a percentage of the kernel's pid limit such as 20%, or infinity. ${IGNORED}`, v);
    case 'weight-1-10000':
      return intIn(v, 1, 10000) ? null : whole(`'${v}' is not a weight: use an integer from 1 to 10000 (100 is the default). ${IGNORED}`, v);
    case 'weight-1-10000-or-idle':
      return v === 'idle' || intIn(v, 1, 10000) ? null : whole(`'${v}' is not a CPU weight: use an integer from 1 to 10000 (100 is the default) or idle. ${IGNORED}`, v);
    case 'shares-2-262144':
      return intIn(v, 2, 262144) ? null : whole(`'${v}' is not a CPU share value (2..262144). ${IGNORED}`, v);
    case 'weight-10-1000':
      return intIn(v, 10, 1000) ? null : whole(`'${v}' is not a block I/O weight (10..1000). ${IGNORED}`, v);
    case 'percent':
      if (d.name === 'CPUQuota') return /^\d+(\.\d+)?%$/.test(v) && Number(v.slice(0, -1)) > 0 ? null : whole(`'${v}' is not a CPU quota: write a percentage such as 50% (or 200% for two CPUs). ${IGNORED}`, v);
      return /^\d+(\.\d+)?%$/.test(v) && Number(v.slice(0, -1)) <= 100 ? null : whole(`'${v}' is not a percentage from 0% to 100%. ${IGNORED}`, v);
    case 'size-or-percent':
      return isSize(v) || isPercent(v) || v === 'infinity' ? null : whole(`'${v}' is not a size or a percentage. ${IGNORED}`, v);
    case 'signal':
      return signalOk(v) ? null : whole(`'${v}' is not a signal: use a name such as SIGTERM or TERM (case-sensitive), SIGRTMIN+n, or a number from 1 to 64. ${IGNORED}`, v);
    case 'exec-command':
      return checkExec(d, v);
    case 'unit-list':
      return checkUnitList(d, v);
    case 'unit-name':
      if (!isUnitName(v)) return whole(`'${v}' is not a unit name.${unitNameHint(v)} ${IGNORED}`, v);
      if (v.endsWith('.timer') && d.section === 'Timer') return whole(`A timer cannot start another timer. ${IGNORED}`, v);
      return /@\.[a-z]+$/.test(v) ? whole(`'${v}' is a template; name an instance such as '${v.replace('@.', '@name.')}'. ${IGNORED}`, v) : null;
    case 'slice-name':
      if (!v.endsWith('.slice')) return whole(`'${v}' is not a slice: Slice= takes a unit name ending in .slice, e.g. 'system.slice'. ${IGNORED}`, v);
      return isUnitName(v) ? null : whole(`'${v}' is not a valid slice name. ${IGNORED}`, v);
    case 'service-name':
      if (!v.endsWith('.service')) return whole(`'${v}' is not a service: Service= takes a unit name ending in .service. ${IGNORED}`, v);
      if (/@\.service$/.test(v)) return whole(`Service= cannot name a template; with Accept=yes systemd picks the template NAME@.service by itself. ${IGNORED}`, v);
      return isUnitName(v) ? null : whole(`'${v}' is not a valid service name. ${IGNORED}`, v);
    case 'unit-name-list':
      for (const w of plainWords(v)) if (!isUnitName(w.text)) return at(w, `'${w.text}' is not a unit name.${unitNameHint(w.text)} systemctl enable fails on it.`);
      return null;
    case 'string-list':
      if (d.section !== 'Install') return null;
      for (const w of plainWords(v)) if (!isUnitName(w.text)) return at(w, `'${w.text}' is not a unit name.${unitNameHint(w.text)} systemctl enable fails on it.`);
      return null;
    case 'absolute-path':
      if (d.section === 'Path') {
        return absoluteOrSpecifier(v, d.expands) ? pathNormalProblem(d, v) : whole(`${d.name}= path is not absolute: '${v}'.${tildeHint(v)} systemd ignores it (and a path unit with no valid path refuses to load).`, v);
      }
      return absoluteOrSpecifier(v, d.expands) ? pathNormalProblem(d, v) : whole(`'${v}' is not an absolute path: ${d.name}= needs a path starting with '/' (specifiers such as %t allowed).${tildeHint(v)} ${IGNORED}`, v);
    case 'absolute-path-list':
      if (d.name.startsWith('IP')) return absoluteOrSpecifier(v, true) ? null : whole(`'${v}' is not an absolute path. ${IGNORED}`, v);
      return checkPathList(d, v, {});
    case 'image-list':
      if (d.name === 'MountImages') for (const t of quotedWords(v)) if (!t.text.includes(':')) return at(t, `MountImages= takes IMAGE:DESTINATION; '${t.text}' has no destination. ${IGNORED}`);
      return checkPathList(d, v, { dashPrefix: true, colonSuffix: true });
    case 'colon-path-list':
      for (const part of v.split(':')) if (!absoluteOrSpecifier(part, true)) return whole(`${d.name}= takes absolute directories separated by ':'; '${part}' is not one. ${IGNORED}`, v);
      return null;
    case 'device-or-string':
      if (d.section === 'Swap' && !absoluteOrSpecifier(v, true)) return whole(`What= of a swap unit must be an absolute path (a device node or a swap file). ${IGNORED}`, v);
      return null;
    case 'exit-status':
    case 'exit-status-list':
      for (const w of plainWords(v)) {
        if (/^\d+$/.test(w.text) ? Number(w.text) > 255 : !/^(SIG)?[A-Z][A-Z0-9+_-]*$/.test(w.text)) return at(w, `'${w.text}' is not an exit status (0..255), a signal name such as SIGTERM, or an exit status name. ${IGNORED}`);
      }
      return null;
    case 'dbus-name':
      return /^[A-Za-z_-][A-Za-z0-9_-]*(\.[A-Za-z_-][A-Za-z0-9_-]*)+$/.test(v) || /%[A-Za-z]/.test(v) ? null : whole(`'${v}' is not a D-Bus name such as org.example.Daemon (two or more dot-separated parts, not starting with a digit). ${IGNORED}`, v);
    case 'hex-or-path':
      if (/^([0-9a-fA-F]{2})+$/.test(v) && v.length < 32) return whole(`The root hash '${v}' is too short: at least 32 hexadecimal digits. ${IGNORED}`, v);
      return v.startsWith('/') || /^([0-9a-fA-F]{2})+$/.test(v) ? null : whole(`'${v}' is neither a hexadecimal root hash nor an absolute path. ${IGNORED}`, v);
    case 'base64-or-path':
      return v.startsWith('/') || v.startsWith('base64:') ? null : whole(`'${v}' is neither an absolute path nor base64:DATA. ${IGNORED}`, v);
    case 'base64': {
      const b = v.replace(/\s+/g, '');
      return /^[A-Za-z0-9+/]*={0,2}$/.test(b) && b.length % 4 === 0 ? null : whole(`'${v}' is not valid base64. ${IGNORED}`, v);
    }
    case 'journal-field-assignments':
      for (const t of quotedWords(v)) {
        const eq = t.text.indexOf('=');
        if (eq <= 0) return at(t, `'${t.text}' is not FIELD=VALUE. systemd ignores it.`);
        if (!/^[A-Z0-9][A-Z0-9_]*$/.test(t.text.slice(0, eq))) return at(t, `'${t.text.slice(0, eq)}' is not a journal field name (upper-case letters, digits and _, not starting with _). systemd ignores it.`);
      }
      return null;
    case 'credential-set':
    case 'credential-load': {
      const colon = v.indexOf(':');
      if (d.type === 'credential-set' && colon < 0) return whole(`${d.name}= takes ID:DATA. ${IGNORED}`, v);
      const id = colon < 0 ? v : v.slice(0, colon);
      return id !== '' && !id.includes('/') && id !== '.' && id !== '..' ? null : { message: `'${id}' is not a credential name (a file name, no '/'). ${IGNORED}`, start: 0, end: colon < 0 ? v.length : colon };
    }
    case 'device-access': {
      const m = /^(\S+)(?:\s+([rwm]*))?$/.exec(v);
      if (!m || !/^(\/dev\/|\/run\/systemd\/inaccessible\/|\/sys\/|char-|block-|%)/.test(m[1])) return whole(`'${v}' is not a device rule: use /dev/NODE, char-CLASS or block-CLASS, optionally followed by r, w and m. ${IGNORED}`, v);
      return null;
    }
    case 'controller-list':
      for (const w of plainWords(v)) if (!DELEGATE_CONTROLLERS.includes(w.text)) return at(w, `'${w.text}' is not a cgroup controller (${DELEGATE_CONTROLLERS.slice(0, 8).join(', ')}, ...). ${IGNORED}`);
      return null;
    case 'ip-prefix-list':
      for (const w of plainWords(v)) if (!ipPrefixOk(w.text)) return at(w, `'${w.text}' is not an address prefix: use an IPv4 or IPv6 address with an optional /PREFIXLEN, or any, localhost, link-local, multicast. systemd ignores it.`);
      return null;
    case 'socket-bind-rule':
      return /^(any|((ipv4|ipv6):)?((tcp|udp):)?(any|0*[1-9]\d*(-0*[1-9]\d*)?))$/.test(v) ? null : whole(`'${v}' is not a bind rule: use any, or [ipv4:|ipv6:][tcp:|udp:]PORT[-PORT]. ${IGNORED}`, v);
    case 'bpf-program':
      return /^[a-z_]+:(\/|%)\S*$/.test(v) ? null : whole(`${d.name}= takes TYPE:PATH, e.g. ingress:/sys/fs/bpf/prog. ${IGNORED}`, v);
    case 'interface-name':
      return ifnameOk(v) ? null : whole(`'${v}' is not a network interface name (1..15 characters, no '/', ':', '%' or spaces, not just digits). ${IGNORED}`, v);
    case 'interface-list':
      for (const w of plainWords(v.startsWith('~') ? ' ' + v.slice(1) : v)) if (!ifnameOk(w.text)) return at(w, `'${w.text}' is not a network interface name (1..15 characters, no '/', ':' or spaces, not just digits). ${IGNORED}`);
      return null;
    case 'arch-list':
      for (const w of plainWords(v.startsWith('~') ? ' ' + v.slice(1) : v)) if (!SECCOMP_ARCHS.includes(w.text)) return at(w, `'${w.text}' is not an architecture (native, x86-64, x86, arm64, ...). ${IGNORED}`);
      return null;
    case 'coredump-filter':
      for (const w of plainWords(v)) if (!COREDUMP_FILTERS.includes(w.text) && !/^(0x)?[0-9a-fA-F]+$/.test(w.text)) return at(w, `'${w.text}' is not a core dump filter (${COREDUMP_FILTERS.join(', ')}, or a hexadecimal mask). ${IGNORED}`);
      return null;
    case 'namespace-path-list':
      return checkPathList(d, v, { dashPrefix: true, plusPrefix: true });
    case 'bind-path-list':
      return checkPathList(d, v, { dashPrefix: true, colonSuffix: true });
    case 'tmpfs-list':
      return checkPathList(d, v, { colonSuffix: true });
    case 'relative-dir-list':
      return checkRelativeDirs(d, v);
    case 'working-directory': {
      const p = v.startsWith('-') ? v.slice(1) : v;
      if (p === '~' || absoluteOrSpecifier(p, true)) return null;
      return whole(`WorkingDirectory= must be an absolute path or ~ (optionally after '-'): '${v}' is relative. systemd refuses to start the unit.`, v);
    }
    case 'env-assignments':
      return checkEnvironment(v);
    case 'env-file': {
      const p = v.startsWith('-') ? v.slice(1) : v;
      return absoluteOrSpecifier(p, true) ? null : whole(`EnvironmentFile= needs an absolute path (optionally after '-' to ignore a missing file): '${v}'.${tildeHint(p)} ${IGNORED}`, v);
    }
    case 'env-names':
      for (const w of plainWords(v)) if (!isEnvName(w.text)) return at(w, `'${w.text}' is not a variable name (letters, digits and _, not starting with a digit). systemd ignores it.`);
      return null;
    case 'env-names-or-assignments':
      for (const w of plainWords(v)) {
        const eq = w.text.indexOf('=');
        if (!isEnvName(eq < 0 ? w.text : w.text.slice(0, eq))) return at(w, `'${w.text}' is neither a variable name nor NAME=VALUE. systemd ignores it.`);
      }
      return null;
    case 'user-or-group':
      return checkUserOrGroup(d, v, false);
    case 'user-or-group-list':
      return checkUserOrGroup(d, v, true);
    case 'condition-path': {
      const m = /^(\|?)(!?)/.exec(v)!;
      const p = v.slice(m[0].length);
      if (p === '') return null;
      return absoluteOrSpecifier(p, true) ? null : { message: `${d.name}= path is not absolute: '${p}'.${tildeHint(p)} systemd ignores the condition.`, start: m[0].length, end: v.length };
    }
    case 'uri-list':
      for (const w of plainWords(v)) {
        if (!/^(https?:\/\/\S+|file:\/\S*|man:\S+|info:\S+|%\S*)$/.test(w.text)) return at(w, `'${w.text}' is not a documentation URL: use http://, https://, file:/, man: or info: URLs, e.g. man:foo(8). systemd ignores it.`);
      }
      return null;
    case 'capability-list': {
      for (const w of plainWords(v.startsWith('~') ? ' ' + v.slice(1) : v)) {
        if (!CAPABILITIES.includes(w.text.toUpperCase()) && !/^\d+$/.test(w.text)) {
          const close = CAPABILITIES.find((c) => c === 'CAP_' + w.text.toUpperCase());
          // systemd skips unknown names without a word (it logs them at debug level only).
          return at(w, `'${w.text}' is not a capability${close ? `: write '${close}'` : ' (names look like CAP_NET_BIND_SERVICE)'}. systemd silently skips it, so the set is not what you meant.`, 'warning');
        }
      }
      return null;
    }
    case 'syscall-list': {
      for (const w of plainWords(v.startsWith('~') ? ' ' + v.slice(1) : v)) {
        const name = w.text.split(':')[0];
        const errno = w.text.includes(':') ? w.text.slice(name.length + 1) : undefined;
        if (name.startsWith('@')) {
          if (!(name in SYSCALL_GROUPS)) return at({ start: w.start, end: w.start + name.length }, `'${name}' is not a system call group (e.g. @system-service, @privileged, @mount). systemd ignores it, so the filter is not what you meant.`);
        } else if (!SYSCALLS.has(name)) {
          // The list is systemd 252's; a newer kernel and systemd may know more names.
          return at({ start: w.start, end: w.start + name.length }, `'${name}' is not a system call systemd ${version <= 252 ? version : 252} knows. systemd ignores it.`, version > 252 && /^[a-z0-9_]+$/.test(name) ? 'warning' : undefined);
        }
        if (errno !== undefined && d.name === 'SystemCallLog') return at({ start: w.start, end: w.end }, `SystemCallLog= takes no :errno suffix; systemd reads '${w.text}' as one unknown name and ignores it.`);
        if (errno !== undefined && !v.startsWith('~')) return at({ start: w.start + name.length, end: w.end }, `An allow list (no ~ in front) cannot give a system call an error number; systemd ignores '${w.text}'. Put :${errno} on entries of a ~ deny list, or use SystemCallErrorNumber=.`);
        if (errno !== undefined && !errnoOk(errno, version)) return at({ start: w.start + name.length + 1, end: w.end }, `'${errno}' is not an errno name such as EPERM or a number. ${IGNORED}`);
      }
      return null;
    }
    case 'address-family-list': {
      if (v === 'none') return null;
      for (const w of plainWords(v.startsWith('~') ? ' ' + v.slice(1) : v)) {
        if (!ADDRESS_FAMILIES.some((a) => a.toLowerCase() === w.text.toLowerCase())) return at(w, `'${w.text}' is not an address family (AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, ..., or none). systemd ignores it.`);
      }
      return null;
    }
    case 'namespace-flags': {
      if (isSystemdBoolean(v)) return null;
      for (const w of plainWords(v.startsWith('~') ? ' ' + v.slice(1) : v)) {
        if (!NAMESPACE_TYPES.includes(w.text)) return at(w, `'${w.text}' is not a namespace type (${NAMESPACE_TYPES.join(', ')}). systemd ignores the line.`);
      }
      return null;
    }
    case 'std-output':
    case 'std-input': {
      const words = d.type === 'std-output' ? STD_OUTPUT_WORDS : STD_INPUT_WORDS;
      const prefixes = d.type === 'std-output' ? STD_OUTPUT_PREFIXES : STD_INPUT_PREFIXES;
      if (words.includes(v)) return null;
      if (d.type === 'std-output' && (v === 'syslog' || v === 'syslog+console')) return null; // systemd/deprecated-value
      const pre = prefixes.find((x) => v.startsWith(x));
      if (pre) {
        const rest = v.slice(pre.length);
        if (pre === 'fd:') return null;
        if (!absoluteOrSpecifier(rest, true)) return { message: `'${rest}' after ${pre} must be an absolute path.${tildeHint(rest)} ${IGNORED}`, start: pre.length, end: v.length };
        const since = { 'append:': 240, 'truncate:': 248 }[pre];
        if (since && version < since) return whole(`'${pre}' needs systemd ${since}; systemd ${version} does not know it. ${IGNORED}`, v, 'warning');
        return null;
      }
      return whole(`'${v}' is not a valid ${d.name}= value: expected one of ${words.join(', ')}, or ${prefixes.map((x) => x + (x === 'fd:' ? 'NAME' : 'PATH')).join(', ')}. ${IGNORED}`, v);
    }
    case 'log-level':
      return LOG_LEVELS.includes(v) || intIn(v, 0, 7) ? null : whole(`'${v}' is not a log level: use ${LOG_LEVELS.join(', ')} or 0..7. ${IGNORED}`, v);
    case 'log-facility':
      return LOG_FACILITIES.includes(v) || intIn(v, 0, 23) ? null : whole(`'${v}' is not a syslog facility: use ${LOG_FACILITIES.join(', ')}. ${IGNORED}`, v);
    case 'cpu-set': {
      for (const w of plainWords(v.replace(/,/g, ' '))) {
        if ((d.name === 'CPUAffinity' && w.text === 'numa') || /%[A-Za-z]/.test(w.text)) continue;
        if (!/^\d+(-\d+)?$/.test(w.text)) return at(w, `'${w.text}' is not a CPU index or range such as 0-3. ${IGNORED}`);
        const [a, b] = w.text.split('-').map(Number);
        if (b !== undefined && b < a) return at(w, `The range '${w.text}' runs backwards. ${IGNORED}`);
      }
      return null;
    }
    case 'boolean-or-controller-list':
      if (isSystemdBoolean(v)) return null;
      for (const w of plainWords(v)) if (!DELEGATE_CONTROLLERS.includes(w.text)) return at(w, `'${w.text}' is not a cgroup controller (${DELEGATE_CONTROLLERS.slice(0, 8).join(', ')}, ...). ${IGNORED}`);
      return null;
    case 'listen-address':
      return checkListen(d, v);
    case 'device-weight':
    case 'device-bytes':
    case 'device-bytes-or-iops':
    case 'device-timespan': {
      const w = plainWords(v);
      if (w.length !== 2) return whole(`${d.name}= takes a device path and a value separated by a space, e.g. '/dev/sda ${d.type === 'device-weight' ? '200' : d.type === 'device-timespan' ? '25ms' : '10M'}'. ${IGNORED}`, v);
      const val = w[1].text;
      const ok = d.type === 'device-weight' ? intIn(val, d.name.startsWith('BlockIO') ? 10 : 1, d.name.startsWith('BlockIO') ? 1000 : 10000) : d.type === 'device-timespan' ? !checkTimespan(val) : val === 'infinity' || isSize(val);
      return ok ? null : at(w[1], `'${val}' is not a valid ${d.type === 'device-weight' ? 'weight' : d.type === 'device-timespan' ? 'time span' : 'byte or IOPS value (K, M, G suffixes, base 1000)'}. ${IGNORED}`);
    }
    case 'errno':
      return errnoOk(v.replace(/^[a-z0-9-]+:/, ''), version, true) ? null : whole(`'${v}' is not an errno name such as EPERM, a number from 1 to 4095, or kill. ${IGNORED}`, v);
    case 'ignored':
      return null; // systemd/removed-directive
    default:
      return d.type.startsWith('enum') ? checkEnum(d, v, version) : null;
  }
}

function ipPrefixOk(w: string): boolean {
  if (['any', 'localhost', 'link-local', 'multicast'].includes(w)) return true;
  const [addr, len, extra] = w.split('/');
  if (extra !== undefined) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(addr)) return addr.split('.').every((o) => Number(o) <= 255) && (len === undefined || intIn(len, 0, 32));
  if (/^[0-9A-Fa-f:.]+$/.test(addr) && addr.includes(':')) return len === undefined || intIn(len, 0, 128);
  return false;
}

function ifnameOk(n: string): boolean {
  return /^[\x21-\x7e]{1,15}$/.test(n) && !/[/:%]/.test(n) && !/^\d+$/.test(n) && n !== '.' && n !== '..';
}

function errnoOk(e: string, version: number, allowKill = false): boolean {
  if (/^\d+$/.test(e)) return Number(e) >= 1 && Number(e) <= 4095;
  if (allowKill && e === 'kill') return true;
  if (allowKill && e === 'log') return version > 252;
  return ERRNO_NAMES.has(e.toUpperCase());
}

function pathNormalProblem(d: Directive, v: string): ValueProblem | null {
  if (v.split('/').includes('..')) return whole(`${d.name}= path '${v}' contains '..'; systemd wants a normalized path. ${IGNORED}`, v);
  return null;
}

function signalOk(v: string): boolean {
  if (/^\d+$/.test(v)) return Number(v) >= 1 && Number(v) <= 64;
  const n = v.startsWith('SIG') ? v.slice(3) : v;
  if (SIGNALS.includes(n)) return true;
  const rt = /^RTMIN(?:\+(\d+))?$/.exec(n) ?? /^RTMAX(?:-(\d+))?$/.exec(n);
  return !!rt && (rt[1] === undefined || Number(rt[1]) <= 30);
}

/** Words some enum parsers take besides their table (numbers, case-insensitive names, synonyms). */
function enumExtra(d: Directive, v: string): boolean {
  switch (d.name) {
    case 'IOSchedulingClass':
      return intIn(v, 0, 7);
    case 'CPUSchedulingPolicy':
      return /^\d+$/.test(v);
    case 'IPTOS':
      return intIn(v, 0, 255);
    case 'Timestamping':
      return isSystemdBoolean(v) || ['off', 'us', 'usec', 'µs', 'ns', 'nsec'].includes(v.toLowerCase());
    case 'SocketProtocol':
      return d.values!.includes(v.toLowerCase());
    case 'BindIPv6Only':
      return ['default', 'both', 'ipv6-only'].includes(v);
    default:
      return false;
  }
}

function checkEnum(d: Directive, v: string, version: number): ValueProblem | null {
  if (d.name === 'BindIPv6Only') return isSystemdBoolean(v) || enumExtra(d, v) ? null : whole(`'${v}' is not a valid value for BindIPv6Only=: expected default, both or ipv6-only. ${IGNORED}`, v);
  if (!d.values || enumExtra(d, v)) return null;
  if (d.values.includes(v)) {
    const since = d.valueSince?.[v];
    if (since && version < since) return whole(`${d.name}=${v} needs systemd ${since}; systemd ${version} (daemonlint.systemdVersion) rejects it and ignores the line.`, v, 'warning');
    return null;
  }
  if ((d.acceptsBoolean || d.type === 'enum-or-boolean') && isSystemdBoolean(v)) return null;
  const ci = d.values.find((x) => x.toLowerCase() === v.toLowerCase());
  const hint = ci ? ` Values are case-sensitive: write '${ci}'.` : '';
  const list = d.values.filter((x) => !d.valueSince?.[x] || version >= d.valueSince[x]);
  return whole(`'${v}' is not a valid value for ${d.name}=: expected one of ${list.join(', ')}${d.acceptsBoolean || d.type === 'enum-or-boolean' ? ' (or a boolean)' : ''}. ${IGNORED}${hint}`, v);
}

// ---------------------------------------------------------------- descriptions and completion words

const TYPE_TEXT: Record<string, string> = {
  boolean: 'boolean (yes/no, true/false, on/off, 1/0)',
  'boolean-or-empty': 'boolean, or empty for the automatic default',
  timespan: 'time span (90, 1min 30s, 2.5h, infinity; plain numbers are seconds)',
  'timespan-0-is-infinity': 'time span; 0 or infinity turns the timeout off',
  'timespan-empty-is-infinity': 'time span; empty means infinity',
  'timespan-or-empty': 'time span, or empty for the default',
  'timespan-nsec': 'time span (plain numbers are nanoseconds)',
  'timer-spec': 'calendar event (OnCalendar=) or time span (On*Sec=); may repeat',
  rlimit: 'resource limit: VALUE or SOFT:HARD, each a number or infinity',
  integer: 'integer',
  unsigned: 'non-negative integer',
  'unsigned-or-infinity': 'non-negative integer or infinity',
  nice: 'nice level, -20 (highest priority) to 19',
  'oom-score-adjust': 'OOM score adjustment, -1000 to 1000',
  'io-priority': 'I/O priority, 0 (highest) to 7',
  'cpu-sched-priority': 'scheduling priority, 0 to 99',
  'octal-mode': 'octal file mode (0755)',
  'size-iec': 'size in bytes, K/M/G suffixes (base 1024)',
  'memory-limit': 'bytes with K/M/G/T suffix, a percentage of RAM, or infinity',
  'tasks-max': 'number of tasks, a percentage of the kernel limit, or infinity',
  'weight-1-10000': 'weight, 1 to 10000 (default 100)',
  'weight-1-10000-or-idle': 'weight, 1 to 10000 (default 100), or idle',
  'shares-2-262144': 'CPU shares, 2 to 262144 (cgroup v1)',
  'weight-10-1000': 'block I/O weight, 10 to 1000 (cgroup v1)',
  percent: 'percentage (50%)',
  'size-or-percent': 'size in bytes or a percentage',
  signal: 'signal name (SIGTERM, TERM) or number',
  'exec-command': 'command line: [prefixes @-:+!]/path/or/name arguments…; not run through a shell',
  'unit-list': 'space-separated unit names',
  'unit-name': 'unit name',
  'slice-name': 'slice unit name (*.slice)',
  'service-name': 'service unit name (*.service)',
  'unit-name-list': 'unit names',
  'string-list': 'unit names',
  'absolute-path': 'absolute path (specifiers such as %t allowed)',
  'absolute-path-list': 'space-separated absolute paths',
  'namespace-path-list': 'space-separated absolute paths, each optionally prefixed - (ignore if missing) and + (below RootDirectory=)',
  'bind-path-list': '[-]SOURCE[:DEST[:OPTIONS]] entries',
  'tmpfs-list': 'PATH[:OPTIONS] entries',
  'relative-dir-list': 'directory names relative to the base directory of the setting',
  'working-directory': 'absolute path or ~, optionally prefixed -',
  'env-assignments': 'NAME=VALUE words; quote an assignment that contains spaces',
  'env-file': 'absolute path, optionally prefixed - (ignore if missing)',
  'env-names': 'variable names',
  'env-names-or-assignments': 'variable names or NAME=VALUE',
  'user-or-group': 'user or group name, or numeric id',
  'user-or-group-list': 'user or group names',
  'condition-path': 'absolute path, optionally prefixed | (trigger) and ! (negate)',
  'condition-string': 'condition argument, optionally prefixed | and !',
  'uri-list': 'documentation URLs (man:, info:, http(s)://, file:)',
  'capability-list': 'capability names (CAP_…), ~ in front inverts',
  'syscall-list': 'system call names and @groups, ~ in front inverts, :errno suffix',
  'address-family-list': 'address families (AF_UNIX AF_INET …) or none, ~ in front inverts',
  'namespace-flags': 'boolean or namespace types (cgroup ipc net mnt pid user uts time), ~ inverts',
  'std-output': 'inherit, null, tty, journal, kmsg, journal+console, kmsg+console, socket, file:PATH, append:PATH, truncate:PATH, fd:NAME',
  'std-input': 'null, tty, tty-force, tty-fail, data, socket, file:PATH, fd:NAME',
  'log-level': 'syslog level name or 0-7',
  'log-facility': 'syslog facility name',
  'cpu-set': 'CPU indices and ranges (0-3 8)',
  'ip-prefix-list': 'addresses with optional /prefix, or any, localhost, link-local, multicast',
  'listen-address': 'port, ADDRESS:PORT, [IPv6]:PORT, /path, @abstract, vsock:CID:PORT',
  ignored: 'ignored (no longer supported)',
  'device-weight': 'DEVICE WEIGHT',
  'device-bytes': 'DEVICE BYTES',
  'device-bytes-or-iops': 'DEVICE BYTES (or IOPS)',
  'device-timespan': 'DEVICE TIMESPAN',
  'device-access': 'DEVICE [r][w][m]',
  errno: 'errno name (EPERM) or number, or kill',
  'arch-list': 'architectures (native, x86-64, …)',
  'exit-status-list': 'exit statuses and signal names',
};

/** A short description of the value a directive takes, for hover and completion details. */
export function valueTypeText(d: Directive): string {
  if (d.values) return d.values.map((v) => `\`${v}\``).join(' | ') + (d.acceptsBoolean || d.type === 'enum-or-boolean' ? ' (or a boolean)' : '');
  return TYPE_TEXT[d.type] ?? d.type;
}

/** Words to offer as values, and whether they complete word by word (lists) or as the whole value. */
export function valueWords(d: Directive): { words: string[]; list: boolean } {
  switch (d.type) {
    case 'boolean':
    case 'boolean-or-empty':
      return { words: ['yes', 'no'], list: false };
    case 'signal':
      return { words: ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGKILL', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGABRT', 'SIGCONT', 'SIGSTOP'], list: false };
    case 'capability-list':
      return { words: CAPABILITIES, list: true };
    case 'syscall-list':
      return { words: Object.keys(SYSCALL_GROUPS), list: true };
    case 'address-family-list':
      return { words: ['AF_UNIX', 'AF_INET', 'AF_INET6', 'AF_NETLINK', 'AF_PACKET', 'none'], list: true };
    case 'namespace-flags':
      return { words: ['yes', 'no', ...NAMESPACE_TYPES], list: true };
    case 'log-level':
      return { words: LOG_LEVELS, list: false };
    case 'log-facility':
      return { words: LOG_FACILITIES, list: false };
    case 'std-output':
      return { words: [...STD_OUTPUT_WORDS, ...STD_OUTPUT_PREFIXES], list: false };
    case 'std-input':
      return { words: [...STD_INPUT_WORDS, ...STD_INPUT_PREFIXES], list: false };
    case 'arch-list':
      return { words: SECCOMP_ARCHS, list: true };
    case 'timer-spec':
      return d.name === 'OnCalendar' ? { words: ['minutely', 'hourly', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannually', 'yearly', '*-*-* 00:00:00', 'Mon..Fri *-*-* 09:00'], list: false } : { words: [], list: false };
    case 'rlimit':
      return { words: ['infinity'], list: false };
    case 'memory-limit':
    case 'tasks-max':
      return { words: ['infinity'], list: false };
    case 'weight-1-10000-or-idle':
      return { words: ['idle', '100'], list: false };
    case 'errno':
      return { words: ['EPERM', 'EACCES', 'ENOSYS', 'kill'], list: false };
    default:
      return { words: d.values ? [...d.values, ...(d.acceptsBoolean || d.type === 'enum-or-boolean' ? ['yes', 'no'].filter((x) => !d.values!.includes(x)) : [])] : [], list: false };
  }
}
