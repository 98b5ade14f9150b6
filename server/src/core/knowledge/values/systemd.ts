// Value grammars for systemd directives, keyed by the parser type of the directive table.
// Each check returns null when the value is fine, or a problem with the offending sub-range
// of the value (offsets into the logical value).
import type { Directive } from '../systemd';

export interface ValueProblem {
  message: string;
  start: number;
  end: number;
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

const TIME_UNITS = ['us', 'usec', 'µs', 'μs', 'ms', 'msec', 's', 'sec', 'second', 'seconds', 'm', 'min', 'minute', 'minutes', 'h', 'hr', 'hour', 'hours', 'd', 'day', 'days', 'w', 'week', 'weeks', 'M', 'month', 'months', 'y', 'year', 'years', 'ns', 'nsec'];
const SIZE_SUFFIX = /^(\d+(?:\.\d+)?)\s*([KMGTPE]i?B?|B)?$/;

/** A time span such as `90`, `1min 30s`, `2.5h` or `infinity`. */
export function checkTimespan(v: string): ValueProblem | null {
  if (v === '' || v === 'infinity') return null;
  const re = /\s*(\d+(?:\.\d*)?|\.\d+)\s*([^\s\d.]*)/y;
  let pos = 0;
  while (pos < v.length) {
    re.lastIndex = pos;
    const m = re.exec(v);
    if (!m || m[0].length === 0) {
      const end = nextSpace(v, pos);
      return { message: `'${v.slice(pos, end).trim()}' is not a time span: use a number with an optional unit (us, ms, s, min, h, d, w, M, y), e.g. '1min 30s'.`, start: skipSpace(v, pos), end };
    }
    if (m[2] && !TIME_UNITS.includes(m[2])) {
      const unitStart = m.index + m[0].length - m[2].length;
      return { message: `Unknown time unit '${m[2]}': use us, ms, s, min, h, d, w, M or y.`, start: unitStart, end: unitStart + m[2].length };
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

function whole(message: string, v: string): ValueProblem {
  return { message, start: 0, end: v.length };
}

/** Units each resource limit takes (systemd.exec, "Process Properties"). */
function rlimitSideProblem(resource: string | undefined, side: string): string | null {
  if (side === 'infinity') return null;
  switch (resource) {
    case 'RLIMIT_CPU':
    case 'RLIMIT_RTTIME':
      return checkTimespan(side) ? 'a time span or infinity' : null;
    case 'RLIMIT_FSIZE':
    case 'RLIMIT_DATA':
    case 'RLIMIT_STACK':
    case 'RLIMIT_CORE':
    case 'RLIMIT_RSS':
    case 'RLIMIT_AS':
    case 'RLIMIT_MEMLOCK':
    case 'RLIMIT_MSGQUEUE':
      return SIZE_SUFFIX.test(side) ? null : 'a size in bytes (K, M, G suffixes allowed) or infinity';
    case 'RLIMIT_NICE':
      return /^[+-]?\d+$/.test(side) ? null : 'a nice level (-20..19, or 0..40 raw) or infinity';
    default:
      return /^\d+$/.test(side) ? null : 'a whole number or infinity';
  }
}

/** `N`, `infinity`, or `SOFT:HARD`, with per-resource units. */
export function checkRlimit(d: Directive, v: string): ValueProblem | null {
  if (v === '') return null;
  const parts = v.split(':');
  if (parts.length > 2) return whole(`'${v}' is not a resource limit: use VALUE or SOFT:HARD.`, v);
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
    return whole(`The soft limit is infinity but the hard limit is ${parts[1]}; the soft limit may not exceed the hard one.`, v);
  }
  return null;
}

/** Checks a value against its directive's grammar. Unknown grammars accept anything. */
export function checkSystemdValue(d: Directive, v: string): ValueProblem | null {
  switch (d.type) {
    case 'boolean':
      if (v === '' || isSystemdBoolean(v)) return null;
      return whole(`'${v}' is not a boolean: use yes or no (also true/false, on/off, 1/0). systemd ignores the line.`, v);
    case 'boolean-or-empty':
      if (v === '' || isSystemdBoolean(v)) return null;
      return whole(`'${v}' is not a boolean: use yes, no or an empty value.`, v);
    case 'timespan':
    case 'timespan-0-is-infinity':
    case 'timespan-empty-is-infinity':
    case 'timespan-or-empty':
    case 'timespan-nsec':
      return checkTimespan(v);
    case 'rlimit':
      return checkRlimit(d, v);
    case 'integer':
      return v === '' || /^[+-]?\d+$/.test(v) ? null : whole(`'${v}' is not an integer.`, v);
    case 'unsigned':
      return v === '' || /^\d+$/.test(v) ? null : whole(`'${v}' is not a non-negative integer.`, v);
    case 'unsigned-or-infinity':
      return v === '' || v === 'infinity' || /^\d+$/.test(v) ? null : whole(`'${v}' is not a non-negative integer or infinity.`, v);
    default:
      return d.type.startsWith('enum') ? checkEnum(d, v) : null;
  }
}

function checkEnum(d: Directive, v: string): ValueProblem | null {
  if (!d.values || v === '' || d.values.includes(v)) return null;
  if ((d.acceptsBoolean || d.type === 'enum-or-boolean') && isSystemdBoolean(v)) return null;
  const ci = d.values.find((x) => x.toLowerCase() === v.toLowerCase());
  const hint = ci ? ` Values are case-sensitive: write '${ci}'.` : '';
  return whole(`'${v}' is not a valid value for ${d.name}=: expected one of ${d.values.join(', ')}. systemd ignores the line.${hint}`, v);
}
