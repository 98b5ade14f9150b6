import { hasIpv6Brackets } from '../../knowledge/values/stunnel';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, stunnelLoad } from './load';

const FATAL: Record<string, string> = {
  accept: 'stops with "Cannot resolve accept target"',
  local: 'stops with "Failed to resolve local address"',
  sessiond: 'stops with "Failed to resolve sessiond server address"',
};

/**
 * Whether the text between the brackets is an IPv6 address stunnel can resolve once the brackets
 * are gone: hex digits and colons (at least two), an optional dotted IPv4 tail and an optional
 * zone (%eth0). Anything else (blanks, ';' or '#', which stunnel would read differently without
 * the brackets) gets no rewrite.
 */
export function isIpv6Address(s: string): boolean {
  const m = /^([0-9A-Fa-f:.]+)(%[A-Za-z0-9_.-]+)?$/.exec(s);
  if (!m || (m[1].match(/:/g) ?? []).length < 2 || m[1].includes(':::')) return false;
  const groups = m[1].split(':');
  const tail = groups[groups.length - 1];
  if (tail.includes('.') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(tail)) return false;
  return groups.slice(0, -1).every((g) => /^[0-9A-Fa-f]{0,4}$/.test(g)) && (tail.includes('.') || /^[0-9A-Fa-f]{0,4}$/.test(tail));
}

export const ipv6Brackets: Rule = {
  id: 'stunnel/ipv6-brackets',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'An IPv6 address in brackets ([::1]:443); stunnel passes the brackets to the resolver and fails. Write ::1:443 (the last colon separates the port).',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.entries) {
      const name = le.opt?.name;
      if (!name || !['accept', 'connect', 'redirect', 'local', 'sessiond'].includes(name)) continue;
      const v = le.entry.value;
      if (!hasIpv6Brackets(v)) continue;
      const close = v.indexOf(']');
      const inner = v.slice(1, close);
      // Without a port after the brackets the last ':' of the address itself would be read as the port separator.
      const fixed = isIpv6Address(inner) && /^:\S+$/.test(v.slice(close + 1)) ? inner + v.slice(close + 1) : undefined;
      const consequence = FATAL[name] ? `stunnel ${FATAL[name]}` : 'every connection fails to resolve it (stunnel only logs the error)';
      const advice = fixed
        ? `Write ${fixed}: the last ':' separates the port.`
        : isIpv6Address(inner)
          ? `Write the address without brackets followed by ':' and the port (the last ':' separates the port).`
          : `'${inner}' is not an IPv6 address either: write the host or address without brackets, then ':' and the port.`;
      reportEntry(ctx, load, le, le.entry.valueSpan, {
        severity: FATAL[name] ? 'error' : 'warning',
        message: `stunnel does not understand brackets around IPv6 addresses: it looks up the host name '${v.slice(0, close + 1)}', which fails, so ${consequence}. ${advice}`,
        fixes: fixed ? [fix(`Write ${fixed}`, le.doc, [replaceSpan(le.doc, le.entry.valueSpan, fixed)])] : [],
      });
    }
  },
};
