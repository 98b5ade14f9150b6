import type { Rule } from '../rule';
import { isClient, isWholeConfig, lastOf, reportEntry, serviceViews, stunnelLoad, type LoadedEntry } from './load';

export const ticketSecrets: Rule = {
  id: 'stunnel/ticket-secrets',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'ticketKeySecret without ticketMacSecret (or the reverse) in a server section; stunnel needs both and refuses to start.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const done = new Set<LoadedEntry>();
    for (const view of serviceViews(load)) {
      if (isClient(view)) continue;
      const key = lastOf(view, 'ticketKeySecret');
      const mac = lastOf(view, 'ticketMacSecret');
      const alone = key && !mac ? key : mac && !key ? mac : undefined;
      if (!alone || done.has(alone)) continue;
      done.add(alone);
      const other = alone === key ? 'ticketMacSecret' : 'ticketKeySecret';
      reportEntry(ctx, load, alone, alone.entry.keySpan, {
        message: `${alone.opt!.name} needs ${other} next to it (one encrypts the session tickets, the other authenticates them): stunnel stops with ""ticketKeySecret" and "ticketMacSecret" must be set together". Add ${other} with another random 32- or 64-digit hex value.`,
      });
    }
  },
};
