// Calendar event expressions of OnCalendar= (the grammar `systemd-analyze calendar` accepts):
//   [WEEKDAYS] [[YEAR-]MONTH-DAY] [HOUR:MINUTE[:SECOND]] [TIMEZONE]
// or a shorthand (hourly, daily, ...), or @EPOCH. Each date/time component is `*`, a number,
// a range `a..b`, a repetition `a/n`, or a comma list of those; `~` before the day counts from
// the end of the month. Checked against systemd 252 with `systemd-analyze calendar`.

export interface CalendarProblem {
  message: string;
  start: number;
  end: number;
}

const SHORTHANDS = ['minutely', 'hourly', 'daily', 'monthly', 'weekly', 'yearly', 'annually', 'quarterly', 'semiannually'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Tok {
  text: string;
  start: number;
  end: number;
}

function tokens(v: string): Tok[] {
  const out: Tok[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function isTimezone(t: string): boolean {
  return t === 'UTC' || /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(t) || /^[A-Z]{2,5}$/.test(t);
}

/** One component (`*`, `5`, `1..7`, `0/15`, `1,15`, `*\/2`), each number within [min, max]. */
function componentOk(c: string, min: number, max: number, fraction = false): boolean {
  if (c === '') return false;
  for (const item of c.split(',')) {
    const m = /^(\*|\d+(?:\.\d+)?)(?:\.\.(\d+(?:\.\d+)?))?(?:\/(\d+(?:\.\d+)?))?$/.exec(item);
    if (!m) return false;
    for (const n of [m[1], m[2]]) {
      if (n === undefined || n === '*') continue;
      if (!fraction && n.includes('.')) return false;
      const x = Number(n);
      if (x < min || x > max) return false;
    }
    if (m[3] !== undefined && (Number(m[3]) <= 0 || (!fraction && m[3].includes('.')))) return false;
    if (m[1] === '*' && m[2] !== undefined) return false;
  }
  return true;
}

function weekdaysOk(t: string): boolean {
  for (const item of t.split(',')) {
    const parts = item.includes('..') ? item.split('..') : item.split('-');
    if (parts.length > 2 || parts.some((p) => !DAYS.includes(p.toLowerCase()))) return false;
  }
  return true;
}

function dateOk(t: string): boolean {
  // YEAR-MONTH-DAY or MONTH-DAY, with ~ instead of the last - for days counted from the end.
  const m = /^(?:([^-~]+)-)?([^-~]+)([-~])([^-~]+)$/.exec(t);
  if (!m) return false;
  if (m[1] !== undefined && !componentOk(m[1], 1970, 2199)) return false;
  return componentOk(m[2], 1, 12) && componentOk(m[4], 1, 31);
}

function timeOk(t: string): boolean {
  const parts = t.split(':');
  if (parts.length < 2 || parts.length > 3) return false;
  return componentOk(parts[0], 0, 23) && componentOk(parts[1], 0, 59) && (parts.length === 2 || componentOk(parts[2], 0, 59, true));
}

export function checkCalendar(v: string): CalendarProblem | null {
  const toks = tokens(v);
  if (toks.length === 0) return null;
  const all = { start: toks[0].start, end: toks[toks.length - 1].end };
  const bad = (why: string, t: { start: number; end: number } = all): CalendarProblem => ({
    message: `'${v.slice(t.start, t.end)}' is not a calendar event: ${why} systemd ignores the line. \`systemd-analyze calendar '…'\` shows how an expression is read.`,
    start: t.start,
    end: t.end,
  });
  if (toks.length === 1 && /^@\d+$/.test(toks[0].text)) return null;
  let rest = toks;
  if (rest.length > 1 && isTimezone(rest[rest.length - 1].text)) rest = rest.slice(0, -1);
  if (rest.length === 1 && SHORTHANDS.includes(rest[0].text.toLowerCase())) return null;
  if (rest.length === 0) return bad('a time zone alone is no event.');
  // A time span where a calendar event belongs is the classic mistake (OnCalendar=5 minutes).
  if (/^\d+(\.\d+)?\s*[a-zµμ]*$/i.test(v.trim()) || (rest.length === 2 && /^\d+$/.test(rest[0].text) && /^[a-z]+$/i.test(rest[1].text))) {
    return bad('this is a time span. For a timer that fires after an interval use OnActiveSec=, OnBootSec= or OnUnitActiveSec=; for a calendar event write e.g. *:0/5 (every five minutes).');
  }
  let i = 0;
  if (i < rest.length && /^[A-Za-z]/.test(rest[i].text)) {
    if (SHORTHANDS.includes(rest[i].text.toLowerCase())) return bad('a shorthand such as daily stands alone (only a time zone may follow).', rest[i]);
    if (!weekdaysOk(rest[i].text)) return bad('weekdays are Mon..Sun (ranges with .., lists with ,).', rest[i]);
    i++;
  }
  if (i < rest.length && !rest[i].text.includes(':')) {
    if (!dateOk(rest[i].text)) return bad('the date part must be [YEAR-]MONTH-DAY (years 1970..2199, months 1..12, days 1..31; * matches any).', rest[i]);
    i++;
  }
  if (i < rest.length) {
    if (!timeOk(rest[i].text)) return bad('the time part must be HOUR:MINUTE[:SECOND] (hours 0..23, minutes and seconds 0..59; * matches any).', rest[i]);
    i++;
  }
  if (i < rest.length) return bad('expected [WEEKDAYS] [DATE] [TIME] [TIMEZONE] in this order.', rest[i]);
  return null;
}
