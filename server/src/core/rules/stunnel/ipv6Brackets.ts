import { hasIpv6Brackets } from '../../knowledge/values/stunnel';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, stunnelLoad } from './load';

const FATAL: Record<string, string> = {
  accept: 'stops with "Cannot resolve accept target"',
  local: 'stops with "Failed to resolve local address"',
  sessiond: 'stops with "Failed to resolve sessiond server address"',
};

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
      const fixed = v.slice(1, close) + v.slice(close + 1);
      const consequence = FATAL[name] ? `stunnel ${FATAL[name]}` : 'every connection fails to resolve it (stunnel only logs the error)';
      reportEntry(ctx, load, le, le.entry.valueSpan, {
        severity: FATAL[name] ? 'error' : 'warning',
        message: `stunnel does not understand brackets around IPv6 addresses: it looks up the host name '${v.slice(0, close + 1)}', which fails, so ${consequence}. Write ${fixed}: the last ':' separates the port.`,
        fixes: [fix(`Write ${fixed}`, le.doc, [replaceSpan(le.doc, le.entry.valueSpan, fixed)])],
      });
    }
  },
};
