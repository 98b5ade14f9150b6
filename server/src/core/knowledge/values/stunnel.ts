// Value grammars for stunnel options, following how stunnel 5.75 (options.c) and OpenSSL 3 read
// each value. A check returns the problems of one value with sub-ranges (offsets into the
// value): `error` when stunnel refuses to load the configuration, `warning` when it loads but
// the value does not do what it says.
import type { StunnelOption } from '../stunnel';
import {
  OPENSSL_CIPHER_ALIASES,
  OPENSSL_CIPHERS,
  OPENSSL_GROUPS,
  OPENSSL_LEGACY_CIPHERS,
  OPENSSL_TLS13_SUITES,
  RECOMMENDED_GROUPS,
  STUNNEL_DEAD_SSL_OPTIONS,
  STUNNEL_DEBUG_LEVELS,
  STUNNEL_FACILITIES,
  STUNNEL_OCSP_FLAGS,
  STUNNEL_PROTOCOLS,
  STUNNEL_SOCKET_OPTIONS,
  STUNNEL_SSL_OPTIONS,
  TCP_SERVICE_NAMES,
} from '../stunnelExtras';

export interface StunnelValueProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export const SSL_VERSION_NAMES = ['all', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Options whose value is a whole number read with strtol (base 10, nothing may follow). */
const INTEGER_OPTIONS: Record<string, string> = {
  TIMEOUTbusy: 'Illegal busy timeout',
  TIMEOUTclose: 'Illegal close timeout',
  TIMEOUTconnect: 'Illegal connect timeout',
  TIMEOUTidle: 'Illegal idle timeout',
  TIMEOUTocsp: 'Illegal OCSP connect timeout',
  RNDbytes: 'Illegal number of bytes to read from random seed files',
  sessionCacheSize: 'Illegal session cache size',
  sessionCacheTimeout: 'Illegal session cache timeout',
  stack: 'Illegal thread stack size',
  engineNum: 'Illegal engine number',
};

/** What each integer option counts, for messages. */
const INTEGER_UNIT: Record<string, string> = {
  TIMEOUTbusy: 'seconds',
  TIMEOUTclose: 'seconds',
  TIMEOUTconnect: 'seconds',
  TIMEOUTidle: 'seconds',
  TIMEOUTocsp: 'seconds',
  sessionCacheTimeout: 'seconds',
  RNDbytes: 'bytes',
  stack: 'bytes',
  sessionCacheSize: 'entries',
  engineNum: 'engine number',
};

/** Enumerations: accepted words (case-insensitive) and stunnel's message for anything else. */
const ENUMS: Record<string, { words: string[]; error: string }> = {
  foreground: { words: ['yes', 'quiet', 'no'], error: "The argument needs to be either 'yes', 'quiet' or 'no'" },
  log: { words: ['append', 'overwrite'], error: "The argument needs to be either 'append' or 'overwrite'" },
  compression: { words: ['deflate', 'zlib'], error: 'Specified compression type is not available' },
  failover: { words: ['rr', 'prio'], error: "The argument needs to be either 'rr' or 'prio'" },
  logId: { words: ['sequential', 'unique', 'thread', 'process'], error: 'Invalid connection identifier type' },
  transparent: { words: ['none', 'source', 'destination', 'both', 'yes', 'no'], error: 'Selected transparent proxy mode is not available' },
  sslVersion: { words: SSL_VERSION_NAMES, error: 'Invalid protocol version' },
  sslVersionMin: { words: SSL_VERSION_NAMES, error: 'Invalid protocol version' },
  sslVersionMax: { words: SSL_VERSION_NAMES, error: 'Invalid protocol version' },
  protocol: { words: Object.keys(STUNNEL_PROTOCOLS), error: 'Protocol not supported' },
};

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const SSL_OPTIONS_LC = lower(STUNNEL_SSL_OPTIONS);
const OCSP_FLAGS_LC = lower(STUNNEL_OCSP_FLAGS);
const LEVELS_LC = lower(STUNNEL_DEBUG_LEVELS);
const FACILITIES_LC = lower(STUNNEL_FACILITIES);
const GROUPS_LC = lower(OPENSSL_GROUPS);
const CIPHER_WORDS = new Set([...OPENSSL_CIPHER_ALIASES, ...OPENSSL_CIPHERS]);
const LEGACY_CIPHERS = new Set(OPENSSL_LEGACY_CIPHERS);
const TLS13 = new Set(OPENSSL_TLS13_SUITES);
const SERVICES = new Set(TCP_SERVICE_NAMES);
const DEAD_FLAGS = STUNNEL_DEAD_SSL_OPTIONS;
const RECOMMENDED_GROUPS_LIST: readonly string[] = RECOMMENDED_GROUPS;

function whole(v: string, message: string, severity: 'error' | 'warning' = 'error'): StunnelValueProblem {
  return { message, start: 0, end: v.length, severity };
}

function list(words: readonly string[]): string {
  return words.length <= 2 ? words.join(' or ') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** strtol(base 10) consuming the whole string: optional sign, then digits. Returns the index where it stops. */
export function strtolEnd(v: string): { end: number; digits: boolean } {
  let i = 0;
  while (i < v.length && /\s/.test(v[i])) i++;
  if (v[i] === '+' || v[i] === '-') i++;
  const d = i;
  while (i < v.length && v[i] >= '0' && v[i] <= '9') i++;
  return { end: i, digits: i > d };
}

export function isStunnelInteger(v: string): boolean {
  const r = strtolEnd(v);
  return r.digits && r.end === v.length;
}

export function isStunnelBoolean(v: string): boolean {
  const l = v.toLowerCase();
  return l === 'yes' || l === 'no';
}

function checkBoolean(name: string, v: string): StunnelValueProblem | null {
  if (isStunnelBoolean(v)) return null;
  if (v === '') return whole(v, `${name} needs a value: yes or no. stunnel stops with "The argument needs to be either 'yes' or 'no'".`);
  const hint = /^(true|on|1|enabled?)$/i.test(v) ? ' Write yes.' : /^(false|off|0|disabled?)$/i.test(v) ? ' Write no.' : '';
  return whole(v, `'${v}' is not a value ${name} accepts: stunnel knows only yes and no and stops with "The argument needs to be either 'yes' or 'no'".${hint}`);
}

function checkInteger(name: string, v: string, stunnelMessage: string, range?: [number, number]): StunnelValueProblem | null {
  const unit = INTEGER_UNIT[name];
  if (v === '') return whole(v, `${name} needs a number${unit ? ` of ${unit}` : ''}; stunnel stops with "${stunnelMessage}".`);
  const r = strtolEnd(v);
  if (!r.digits) return whole(v, `'${v}' is not a number: stunnel stops with "${stunnelMessage}".`);
  if (r.end < v.length) {
    const tail = v.slice(r.end);
    const unitHint = unit === 'seconds' && /^\s*(s|sec|secs|seconds?|m|min|h|ms)\s*$/i.test(tail) ? ` ${name} counts seconds and takes no unit: write a plain number (e.g. ${convertToSeconds(v.slice(0, r.end), tail.trim()) ?? v.slice(0, r.end)}).` : '';
    return { message: `'${tail}' after the number is not allowed: stunnel reads ${name} as a plain integer and stops with "${stunnelMessage}".${unitHint}`, start: r.end, end: v.length, severity: 'error' };
  }
  if (range) {
    const n = parseInt(v, 10);
    if (n < range[0] || n > range[1]) return whole(v, `${name} must be between ${range[0]} and ${range[1]}; stunnel stops with "${stunnelMessage}".`);
  }
  return null;
}

/** '10m' -> '600' for the hint; undefined when the unit is not a plain time unit. */
export function convertToSeconds(num: string, unit: string): string | undefined {
  const n = parseInt(num, 10);
  if (Number.isNaN(n)) return undefined;
  const u = unit.toLowerCase();
  if (['s', 'sec', 'secs', 'second', 'seconds'].includes(u)) return String(n);
  if (['m', 'min'].includes(u)) return String(n * 60);
  if (u === 'h') return String(n * 3600);
  return undefined;
}

function checkEnum(name: string, v: string): StunnelValueProblem | null {
  const e = ENUMS[name];
  if (e.words.some((w) => w.toLowerCase() === v.toLowerCase())) return null;
  if (name === 'protocol') return whole(v, `Unknown protocol '${v}': stunnel knows ${list(e.words)} and stops with "${e.error}".`);
  return whole(v, `'${v}' is not a value ${name} accepts (${list(e.words)}); stunnel stops with "${e.error}".`);
}

/** debug = LEVEL, a digit 0-7 or a level name. Facilities (with '.') are checked by stunnel/debug-facility. */
export function isDebugLevel(v: string): boolean {
  return /^[0-7]$/.test(v) || LEVELS_LC.has(v.toLowerCase());
}

export function isFacility(v: string): boolean {
  return FACILITIES_LC.has(v.toLowerCase());
}

function checkDebug(v: string): StunnelValueProblem | null {
  if (v.includes('.')) return null;
  if (isDebugLevel(v)) return null;
  return whole(v, `'${v}' is not a debug level: use 0-7 or ${list(STUNNEL_DEBUG_LEVELS)}; stunnel stops with "Illegal debug level".`);
}

function checkSslOption(v: string): StunnelValueProblem | null {
  const start = v.startsWith('-') ? 1 : 0;
  const name = v.slice(start);
  if (SSL_OPTIONS_LC.has(name.toLowerCase())) return null;
  return { message: `'${name}' is not a TLS option stunnel knows (see 'stunnel -options'); it stops with "Illegal TLS option".`, start, end: v.length, severity: 'error' };
}

function checkOcspFlag(v: string): StunnelValueProblem | null {
  if (OCSP_FLAGS_LC.has(v.toLowerCase())) return null;
  return whole(v, `'${v}' is not an OCSP flag: use ${list(STUNNEL_OCSP_FLAGS)}; stunnel stops with "Illegal OCSP flag".`);
}

/** The parts of `a|l|r:NAME=VALUE` with offsets; null when there is no `=`. */
export function splitSocketOption(v: string): { side: string; name: string; nameStart: number; value: string; valueStart: number } | null {
  const eq = v.indexOf('=');
  if (eq < 0) return null;
  return { side: v.slice(0, 2), name: v.slice(2, eq), nameStart: 2, value: v.slice(eq + 1), valueStart: eq + 1 };
}

function checkSocket(v: string): StunnelValueProblem | null {
  const fail = 'stunnel stops with "Illegal socket option"';
  if (!/^[alr]:/.test(v)) {
    const hint = /^[ALR]:/.test(v) ? ` The prefix is case-sensitive: write '${v[0].toLowerCase()}:'.` : '';
    return { message: `A socket option starts with a: (accepting socket), l: (local) or r: (remote), then NAME=VALUE; ${fail}.${hint}`, start: 0, end: Math.min(2, v.length) || v.length, severity: 'error' };
  }
  const p = splitSocketOption(v);
  if (!p) return { message: `'${v}' has no '=': write ${v}=VALUE; ${fail}.`, start: 0, end: v.length, severity: 'error' };
  const known = STUNNEL_SOCKET_OPTIONS[p.name];
  const nameEnd = p.nameStart + p.name.length;
  if (!known) {
    const upper = STUNNEL_SOCKET_OPTIONS[p.name.toUpperCase()] ? ` Option names are case-sensitive: write ${p.name.toUpperCase()}.` : '';
    return { message: `Unknown socket option '${p.name}' (see 'stunnel -sockets'); ${fail}.${upper}`, start: p.nameStart, end: nameEnd, severity: 'error' };
  }
  if (known.only) return { message: `${p.name} is available only on ${known.only}; on Linux ${fail}.`, start: p.nameStart, end: nameEnd, severity: 'error' };
  const val = p.value;
  const vs = p.valueStart;
  const bad = (what: string): StunnelValueProblem => ({ message: `${p.name} takes ${what}; '${val}' ${val === '' ? 'is empty' : 'is not one'}, so ${fail}.`, start: vs, end: v.length, severity: 'error' });
  switch (known.type) {
    case 'flag':
      return /^(yes|no)$/i.test(val) || val === '1' || val === '0' ? null : bad('yes, no, 1 or 0');
    case 'int':
      if (val === '') return { message: `${p.name} has no value; stunnel reads it as 0.`, start: vs - 1, end: v.length, severity: 'warning' };
      return isStunnelInteger(val) ? null : bad('a whole number');
    case 'linger':
      return /^[-+]?\d+(:[-+]?\d+)?$/.test(val) ? null : bad('ON:SECONDS, e.g. 1:30 (or just 0/1)');
    case 'timeval':
      return /^[-+]?\d+(:[-+]?\d+)?$/.test(val) ? null : bad('SECONDS[:MICROSECONDS], e.g. 5:0');
    case 'string':
      return val.length <= 15 ? null : bad('an interface name of at most 15 characters');
  }
  return null;
}

/** OPENSSL_hexstr2buf: pairs of hex digits, optionally separated by ':'. */
function hexBytes(v: string): number | undefined {
  let n = 0;
  let i = 0;
  while (i < v.length) {
    if (v[i] === ':') {
      i++;
      continue;
    }
    if (!/[0-9a-fA-F]/.test(v[i]) || !/[0-9a-fA-F]/.test(v[i + 1] ?? '')) return undefined;
    i += 2;
    n++;
  }
  return n;
}

function checkTicketSecret(name: string, v: string): StunnelValueProblem | null {
  const n = hexBytes(v);
  if (n === 16 || n === 32) return null;
  const why = n === undefined || v === '' ? 'is not hexadecimal' : `is ${n} bytes long`;
  return whole(v, `${name} must be 16 or 32 bytes written as 32 or 64 hex digits; this value ${why}, so stunnel stops with "Failed to read ${name}".`);
}

/** The host and port of an address value, split like stunnel does (the last ':' ends the host). */
export function splitAddress(v: string): { host: string; port: string; portStart: number } | null {
  if (v.startsWith('/')) return null; // Unix socket path
  const c = v.lastIndexOf(':');
  if (c < 0) return { host: '', port: v, portStart: 0 };
  return { host: v.slice(0, c), port: v.slice(c + 1), portStart: c + 1 };
}

export function hasIpv6Brackets(v: string): boolean {
  return /^\[[^\]]*\](:|$)/.test(v);
}

function checkAddress(name: string, v: string): StunnelValueProblem | null {
  if (hasIpv6Brackets(v)) return null; // stunnel/ipv6-brackets
  const a = splitAddress(v);
  if (!a) return null;
  const fatal = name === 'accept';
  const consequence = fatal ? 'so stunnel stops with "Cannot resolve accept target"' : 'so every connection attempt fails to resolve it';
  if (a.port === '') {
    // stunnel 5.68 (Debian 12) takes a missing port as port 0 and an empty value as localhost:0:
    // accept binds a port the kernel picks, connect/redirect get "Connection refused" every time.
    const port0 = fatal
      ? 'stunnel binds a port the kernel picks at random, so clients cannot know where to connect'
      : `stunnel connects to port 0${v === '' ? ' on localhost' : ''}, so every connection fails (stunnel logs "Connection refused")`;
    const message = v === ''
      ? `${name} is empty: ${port0}. Write [host:]port.`
      : `'${v}' has no port after the ':': ${port0}. Write the port after the ':'.`;
    return { message, start: 0, end: v.length, severity: fatal ? 'error' : 'warning' };
  }
  if (/^\d+$/.test(a.port)) return null; // the range is stunnel/port-range's business
  if (SERVICES.has(a.port)) return null;
  return { message: `'${a.port}' is neither a port number nor a TCP service name in /etc/services, ${consequence}. Write the port number.`, start: a.portStart, end: v.length, severity: fatal ? 'error' : 'warning' };
}

/** Splits a colon-separated list into elements with offsets. */
export function splitList(v: string, seps: RegExp): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= v.length; i++) {
    if (i === v.length || seps.test(v[i])) {
      if (i > start) out.push({ text: v.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

function checkCurves(v: string): StunnelValueProblem[] {
  if (v === '') return [whole(v, 'curves is empty: OpenSSL needs at least one group, so stunnel stops with "Failed to initialize TLS context".')];
  const out: StunnelValueProblem[] = [];
  for (const el of splitList(v, /[:/]/)) {
    let name = el.text;
    let off = 0;
    let optional = false;
    while (name.startsWith('?') || name.startsWith('*') || name.startsWith('-')) {
      if (name[0] === '?') optional = true;
      name = name.slice(1);
      off++;
    }
    if (GROUPS_LC.has(name.toLowerCase())) continue;
    const span = { start: el.start + off, end: el.start + el.text.length };
    if (optional) out.push({ ...span, message: `OpenSSL does not know the group '${name}'; the '?' prefix makes it skip the name (OpenSSL 3.3 and later).`, severity: 'warning' });
    else out.push({ ...span, message: `Unknown TLS group '${name}': OpenSSL rejects the whole list ("Invalid groups list in 'curves'") and stunnel stops with "Failed to initialize TLS context". Use names such as X25519, P-256, P-384.`, severity: 'error' });
  }
  return out;
}

/** One element of an OpenSSL cipher string: is every '+'-joined part a known keyword or cipher? */
function cipherElement(text: string): { adds: boolean; known: boolean; legacy: boolean; special: boolean } {
  const special = text.startsWith('@');
  if (special) return { adds: false, known: /^@(STRENGTH|SECLEVEL=\d)$/.test(text), legacy: false, special };
  const adds = !/^[!-]/.test(text);
  const body = text.replace(/^[!+-]/, '');
  const parts = body.split('+');
  const known = parts.every((p) => CIPHER_WORDS.has(p));
  const legacy = !known && parts.every((p) => CIPHER_WORDS.has(p) || LEGACY_CIPHERS.has(p));
  return { adds, known, legacy, special };
}

function checkCiphers(v: string): StunnelValueProblem[] {
  const els = splitList(v, /[:, ;]/);
  const out: StunnelValueProblem[] = [];
  let adding = 0;
  for (const el of els) {
    const c = cipherElement(el.text);
    if (c.known) {
      if (c.adds) adding++;
      continue;
    }
    const span = { start: el.start, end: el.start + el.text.length };
    if (c.special) out.push({ ...span, message: `'${el.text}' is not an OpenSSL cipher-string command (use @STRENGTH or @SECLEVEL=N); OpenSSL ignores it.`, severity: 'warning' });
    else if (c.legacy) out.push({ ...span, message: `'${el.text}' names a legacy cipher (3DES, RC4, DES, IDEA or SEED) that OpenSSL 3 builds leave out; OpenSSL ignores it.`, severity: 'warning' });
    else out.push({ ...span, message: `'${el.text.replace(/^[!+-]/, '')}' is not an OpenSSL cipher name or keyword; OpenSSL silently ignores it. Check the spelling (names are case-sensitive, e.g. ECDHE-RSA-AES128-GCM-SHA256, HIGH, !aNULL).`, severity: 'warning' });
  }
  if (adding === 0) {
    return [whole(v, `This cipher list selects no cipher OpenSSL knows, so OpenSSL reports "no cipher match" and stunnel stops with "Failed to initialize TLS context". Use e.g. HIGH:!aNULL.`)];
  }
  return out;
}

function checkCiphersuites(v: string): StunnelValueProblem[] {
  if (v === '') return [];
  const els = splitList(v, /:/);
  const out: StunnelValueProblem[] = [];
  let known = 0;
  for (const el of els) {
    if (TLS13.has(el.text)) {
      known++;
      continue;
    }
    const looks12 = CIPHER_WORDS.has(el.text) || /-/.test(el.text);
    out.push({
      start: el.start,
      end: el.start + el.text.length,
      severity: 'warning',
      message: looks12
        ? `'${el.text}' is a TLS 1.2 cipher or keyword; ciphersuites takes TLS 1.3 names only (e.g. TLS_AES_256_GCM_SHA384). Put TLS 1.2 ciphers in 'ciphers'.`
        : `'${el.text}' is not a TLS 1.3 ciphersuite OpenSSL knows; it is ignored. Use ${list(OPENSSL_TLS13_SUITES.slice(0, 3))}.`,
    });
  }
  if (known === 0) return [whole(v, `No TLS 1.3 ciphersuite in this list is known to OpenSSL ("no cipher match"), so stunnel stops with "Failed to initialize TLS context". Use e.g. TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256.`)];
  return out;
}

function checkProtocolAuthentication(v: string): StunnelValueProblem | null {
  if (/^(basic|ntlm|plain|login)$/i.test(v)) return null;
  return whole(v, `'${v}' is not an authentication method stunnel knows (basic or ntlm for protocol = connect, plain or login for smtp); it silently falls back to the default.`, 'warning');
}

function checkRetry(v: string): StunnelValueProblem | null {
  if (isStunnelBoolean(v)) return null;
  const r = strtolEnd(v);
  if (r.digits && r.end === v.length && !v.trim().startsWith('-')) return null;
  return whole(v, `retry takes yes, no or a delay in milliseconds (0 or more); stunnel stops with "Illegal retry delay".`);
}

/**
 * Problems with one value of a known option, judged like stunnel 5.75 and OpenSSL 3 judge it.
 * `global` tells whether no section was open when the line was read.
 */
export function checkStunnelValue(opt: StunnelOption, v: string): StunnelValueProblem[] {
  const one = (p: StunnelValueProblem | null) => (p ? [p] : []);
  const name = opt.name;
  if (name in INTEGER_OPTIONS) return one(checkInteger(name, v, INTEGER_OPTIONS[name]));
  if (name in ENUMS) return one(checkEnum(name, v));
  switch (name) {
    case 'verify':
      return one(checkInteger(name, v, 'Bad verify level', [0, 4]));
    case 'securityLevel':
      return one(checkInteger(name, v, 'Illegal security level', [0, 5]));
    case 'retry':
      return one(checkRetry(v));
    case 'debug':
      return one(checkDebug(v));
    case 'options':
      return one(checkSslOption(v));
    case 'OCSPflag':
      return one(checkOcspFlag(v));
    case 'socket':
      return one(checkSocket(v));
    case 'ticketKeySecret':
    case 'ticketMacSecret':
      return one(checkTicketSecret(name, v));
    case 'accept':
    case 'connect':
    case 'redirect':
      return one(checkAddress(name, v));
    case 'curves':
      return checkCurves(v);
    case 'ciphers':
      return checkCiphers(v);
    case 'ciphersuites':
      return checkCiphersuites(v);
    case 'protocolAuthentication':
      return one(checkProtocolAuthentication(v));
  }
  if (opt.type === 'boolean') return one(checkBoolean(name, v));
  return [];
}

/** Whether the value passes the grammar (no error; warnings allowed). */
export function stunnelValueOk(opt: StunnelOption, v: string): boolean {
  return !checkStunnelValue(opt, v).some((p) => p.severity === 'error');
}

// ---------------------------------------------------------------------------------------------
// Completion of values

export interface StunnelValueItem {
  label: string;
  insertText: string;
  /** Where the replaced text starts, as an offset into the value typed so far. */
  from: number;
  detail?: string;
  deprecated?: boolean;
  /** Ask for completion again after inserting (a prefix such as `l:` or `daemon.`). */
  retrigger?: boolean;
}

const ENUM_DETAILS: Record<string, Record<string, string>> = {
  foreground: { yes: 'stay in the foreground and log to stderr too', quiet: 'stay in the foreground, no stderr copy (5.25+)', no: 'become a daemon (default)' },
  log: { append: 'append to the output file (default)', overwrite: 'truncate the output file at start' },
  compression: { deflate: 'unsupported by OpenSSL 3', zlib: 'unsupported by OpenSSL 3' },
  failover: { prio: 'try the connect targets in order (default)', rr: 'round robin over the connect targets' },
  logId: { sequential: 'a number per connection (default)', unique: 'a random unique id', thread: 'the thread id', process: 'the process id' },
  transparent: { none: 'no transparent proxy (default)', source: 're-use the client address when connecting out (needs root)', destination: 'take the original destination (an endpoint)', both: 'source and destination', yes: 'old spelling of source', no: 'old spelling of none' },
  sslVersionMin: { 'TLSv1.2': 'recommended floor', 'TLSv1.3': 'TLS 1.3 only', all: 'the lowest OpenSSL allows (default)' },
  sslVersionMax: { 'TLSv1.3': 'TLS 1.3', 'TLSv1.2': 'at most TLS 1.2', all: 'the highest OpenSSL supports (default)' },
};
const WEAK_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1.1'];
const ENUM_DEPRECATED: Record<string, string[]> = {
  transparent: ['yes', 'no'],
  compression: ['deflate', 'zlib'],
  sslVersion: WEAK_VERSIONS,
  sslVersionMin: WEAK_VERSIONS,
  sslVersionMax: WEAK_VERSIONS,
};

/** Defaults offered for numbers (stunnel 5.75). */
const NUMBER_DEFAULTS: Record<string, [string, string]> = {
  TIMEOUTbusy: ['300', 'seconds to wait for expected data (default 300); a plain number, no unit'],
  TIMEOUTclose: ['60', 'seconds to wait for close_notify (default 60); a plain number, no unit'],
  TIMEOUTconnect: ['10', 'seconds to wait for the remote host (default 10); a plain number, no unit'],
  TIMEOUTidle: ['43200', 'seconds a connection may stay idle (default 43200 = 12 h); a plain number, no unit'],
  TIMEOUTocsp: ['5', 'seconds to wait for the OCSP responder (default 5); a plain number, no unit'],
  sessionCacheTimeout: ['300', 'seconds a TLS session stays cached (default 300); a plain number, no unit'],
  sessionCacheSize: ['1000', 'entries in the session cache (default 1000; 0 = unlimited)'],
  RNDbytes: ['1024', 'bytes to read from the random seed files (default 1024)'],
  stack: ['131072', 'thread stack size in bytes (default 131072 on 64-bit)'],
};

const SECURITY_LEVELS: Record<string, string> = {
  '0': 'everything allowed (not recommended)',
  '1': '80-bit security: RSA/DH keys of 1024 bits and more',
  '2': '112-bit security: 2048-bit RSA/DH, no SHA-1 signatures (stunnel default)',
  '3': '128-bit security: 3072-bit RSA/DH, forward secrecy only',
  '4': '192-bit security: 7680-bit RSA/DH',
  '5': '256-bit security: 15360-bit RSA/DH',
};

function words(list: readonly string[], from: number, detail?: (w: string) => string | undefined, deprecated?: (w: string) => boolean): StunnelValueItem[] {
  return list.map((w) => ({ label: w, insertText: w, from, detail: detail?.(w), deprecated: deprecated?.(w) || undefined }));
}

/** The start of the element being typed in a list separated by any of `seps`. */
function elementStart(typed: string, seps: string): number {
  let i = typed.length;
  while (i > 0 && !seps.includes(typed[i - 1])) i--;
  return i;
}

/**
 * Values to offer for `opt` after `typed` (the value typed so far on the line). `global`: no
 * section is open at the line; `sections`: names of the file's sections (for sni).
 */
export function stunnelValueCompletions(opt: StunnelOption, typed: string, ctx: { global: boolean; sections?: string[] }): StunnelValueItem[] {
  const items = valueItems(opt, typed, ctx);
  // A word with characters no value of these kinds has (a path, a space) gets no suggestions.
  return items.filter((i) => !/[/\s]/.test(typed.slice(i.from)));
}

function valueItems(opt: StunnelOption, typed: string, ctx: { global: boolean; sections?: string[] }): StunnelValueItem[] {
  const name = opt.name;
  if (opt.type === 'boolean') return words(['yes', 'no'], 0);
  if (name in ENUMS) {
    const list = name === 'protocol' ? Object.keys(STUNNEL_PROTOCOLS) : name.startsWith('sslVersion') ? ['TLSv1.2', 'TLSv1.3', 'all', ...WEAK_VERSIONS] : ENUMS[name].words;
    return words(
      list,
      0,
      (w) => (name === 'protocol' ? `${STUNNEL_PROTOCOLS[w].summary}${STUNNEL_PROTOCOLS[w].client && STUNNEL_PROTOCOLS[w].server ? '' : STUNNEL_PROTOCOLS[w].client ? ' (client mode only)' : ' (server mode only)'}` : (ENUM_DETAILS[name]?.[w] ?? (WEAK_VERSIONS.includes(w) ? 'deprecated: refused by OpenSSL 3' : undefined))),
      (w) => ENUM_DEPRECATED[name]?.includes(w) ?? false,
    );
  }
  if (name in NUMBER_DEFAULTS) {
    const [v, d] = NUMBER_DEFAULTS[name];
    return [{ label: v, insertText: v, from: 0, detail: d }];
  }
  switch (name) {
    case 'securityLevel':
      return words(Object.keys(SECURITY_LEVELS), 0, (w) => SECURITY_LEVELS[w]);
    case 'verify':
      return words(['0', '1', '2', '3', '4'], 0, () => 'deprecated: use verifyChain / verifyPeer', () => true);
    case 'retry':
      return [...words(['yes', 'no'], 0, (w) => (w === 'yes' ? 'retry after 1000 ms' : 'do not retry (default)')), { label: '1000', insertText: '1000', from: 0, detail: 'delay in milliseconds (5.70+)' }];
    case 'protocolAuthentication':
      return words(['basic', 'ntlm', 'plain', 'login'], 0, (w) => (w === 'basic' || w === 'ntlm' ? 'for protocol = connect' : 'for protocol = smtp'));
    case 'debug': {
      const dot = typed.indexOf('.');
      const levelDetail = (w: string) => `level ${STUNNEL_DEBUG_LEVELS.indexOf(w)}${w === 'notice' ? ' (default)' : ''}`;
      if (dot >= 0) return ctx.global ? words(STUNNEL_DEBUG_LEVELS, dot + 1, levelDetail) : [];
      const levels = words(STUNNEL_DEBUG_LEVELS, 0, levelDetail);
      if (!ctx.global) return levels;
      return [...levels, ...STUNNEL_FACILITIES.map((f) => ({ label: `${f}.`, insertText: `${f}.`, from: 0, detail: 'syslog facility (global part only), then a level', retrigger: true }))];
    }
    case 'options': {
      const minus = typed.startsWith('-') ? 1 : 0;
      return words(STUNNEL_SSL_OPTIONS, minus, () => (minus ? 'clear this flag' : undefined), (w) => w in DEAD_FLAGS);
    }
    case 'OCSPflag':
      return words(STUNNEL_OCSP_FLAGS, 0);
    case 'socket': {
      if (!/^[alr]:/.test(typed)) {
        return [
          { label: 'a:', insertText: 'a:', from: 0, detail: 'the accepting (listening) socket', retrigger: true },
          { label: 'l:', insertText: 'l:', from: 0, detail: 'the local socket (to the client)', retrigger: true },
          { label: 'r:', insertText: 'r:', from: 0, detail: 'the remote socket (to the connect target)', retrigger: true },
        ];
      }
      const eq = typed.indexOf('=');
      if (eq < 0) {
        return Object.entries(STUNNEL_SOCKET_OPTIONS)
          .filter(([, o]) => !o.only)
          .map(([n, o]) => ({ label: n, insertText: `${n}=`, from: 2, detail: SOCKET_TYPE_TEXT[o.type], retrigger: o.type === 'flag' }));
      }
      const o = STUNNEL_SOCKET_OPTIONS[typed.slice(2, eq)];
      if (!o) return [];
      if (o.type === 'flag') return words(['yes', 'no'], eq + 1);
      return [{ label: SOCKET_EXAMPLE[o.type], insertText: SOCKET_EXAMPLE[o.type], from: eq + 1, detail: SOCKET_TYPE_TEXT[o.type] }];
    }
    case 'curves': {
      const from = elementStart(typed, ':');
      const used = new Set(typed.slice(0, from).split(':').map((x) => x.toLowerCase()));
      const list = [...RECOMMENDED_GROUPS_LIST, ...OPENSSL_GROUPS.filter((g) => !RECOMMENDED_GROUPS_LIST.includes(g))];
      return words(list.filter((g) => !used.has(g.toLowerCase())), from, (g) => (RECOMMENDED_GROUPS_LIST.includes(g) ? 'recommended' : undefined));
    }
    case 'ciphers': {
      let from = elementStart(typed, ':, ');
      // (Not `'!-+'.includes(typed[from] ?? '')`: every string includes '', so an empty value moved past the cursor.)
      if (from < typed.length && '!-+'.includes(typed[from])) from++;
      return [...words(OPENSSL_CIPHER_ALIASES, from, () => 'keyword'), ...words(OPENSSL_CIPHERS, from, () => 'cipher (TLS 1.2 and older)')];
    }
    case 'ciphersuites': {
      const from = elementStart(typed, ':');
      const used = new Set(typed.slice(0, from).split(':'));
      return words(OPENSSL_TLS13_SUITES.filter((s) => !used.has(s)), from, () => 'TLS 1.3 ciphersuite');
    }
    case 'sni':
      return (ctx.sections ?? []).map((s) => ({ label: `${s}:`, insertText: `${s}:`, from: 0, detail: 'primary section (server mode): then the server name pattern' }));
  }
  return [];
}

const SOCKET_TYPE_TEXT: Record<string, string> = {
  flag: 'yes or no',
  int: 'a whole number',
  linger: 'ON:SECONDS (e.g. 1:30)',
  timeval: 'SECONDS:MICROSECONDS (e.g. 5:0)',
  string: 'an interface name (at most 15 characters)',
};
const SOCKET_EXAMPLE: Record<string, string> = { int: '0', linger: '1:30', timeval: '5:0', string: 'eth0', flag: 'yes' };

/** How a value of `opt` is written, for hovers; undefined when the option table says it well enough. */
export function stunnelValueDescription(opt: StunnelOption): string | undefined {
  const name = opt.name;
  if (opt.type === 'boolean') return '`yes` | `no` (nothing else: not true/false, not 1/0)';
  if (name in NUMBER_DEFAULTS) return `a whole number of ${INTEGER_UNIT[name] ?? 'units'}, written without a unit`;
  switch (name) {
    case 'verify':
      return 'a level from 0 to 4';
    case 'securityLevel':
      return 'a level from 0 to 5 (OpenSSL security level)';
    case 'retry':
      return '`yes` | `no` | a delay in milliseconds (5.70+)';
    case 'debug':
      return 'a level `0`-`7` or `emerg` … `debug`; in the global part also `FACILITY.LEVEL` (e.g. `daemon.notice`)';
    case 'options':
      return 'one OpenSSL option flag per line (`stunnel -options` lists them); a leading `-` clears it';
    case 'socket':
      return '`a:`|`l:`|`r:` then `OPTION=VALUE` (e.g. `l:TCP_NODELAY=1`); option names are case-sensitive';
    case 'ciphers':
      return 'an OpenSSL cipher list for TLS 1.2 and older, e.g. `HIGH:!aNULL`';
    case 'ciphersuites':
      return 'a colon-separated list of TLS 1.3 ciphersuites, e.g. `TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256`';
    case 'curves':
      return 'a colon-separated list of TLS groups, e.g. `X25519:P-256`';
    case 'accept':
    case 'connect':
    case 'redirect':
      return '`[HOST:]PORT` or a Unix socket path; IPv6 without brackets (`::1:443`), the last `:` separates the port';
    case 'ticketKeySecret':
    case 'ticketMacSecret':
      return '16 or 32 bytes as 32 or 64 hex digits (`:` separators allowed)';
    case 'sni':
      return 'server mode: `PRIMARY_SECTION:SERVER_NAME_PATTERN`; client mode: the server name to send (empty disables SNI)';
    case 'OCSPflag':
      return STUNNEL_OCSP_FLAGS.map((f) => `\`${f}\``).join(' | ');
  }
  return undefined;
}
