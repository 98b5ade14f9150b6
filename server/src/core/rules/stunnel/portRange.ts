import { splitAddress } from '../../knowledge/values/stunnel';
import { valueSubSpan } from '../../syntax/ast';
import type { Rule } from '../rule';
import { reportEntry, stunnelLoad } from './load';

export const portRange: Rule = {
  id: 'stunnel/port-range',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'A port outside 1-65535 in accept, connect, redirect or sessiond; stunnel does not check and uses the number modulo 65536 (99999 becomes 34463).',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.entries) {
      const name = le.opt?.name;
      if (!name || !['accept', 'connect', 'redirect', 'sessiond'].includes(name)) continue;
      const a = splitAddress(le.entry.value);
      if (!a || !/^\d+$/.test(a.port)) continue;
      const n = Number(a.port);
      if (n >= 1 && n <= 65535) continue;
      const effect = n === 0 ? (name === 'accept' ? 'the kernel picks a random free port' : 'the connection goes to port 0 and fails') : `stunnel silently uses port ${n % 65536}`;
      reportEntry(ctx, load, le, valueSubSpan(le.entry, a.portStart, le.entry.value.length), {
        message: `Port ${a.port} is outside 1-65535: stunnel does not check the range, so ${effect}. Use a port between 1 and 65535.`,
      });
    }
  },
};
