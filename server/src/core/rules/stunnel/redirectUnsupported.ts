import { STUNNEL_PROTOCOLS } from '../../knowledge/stunnelExtras';
import type { Rule } from '../rule';
import { isClient, isWholeConfig, lastOf, reportEntry, serviceViews, stunnelLoad, valuesOf, type LoadedEntry } from './load';

export const redirectUnsupported: Rule = {
  id: 'stunnel/redirect-unsupported',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'redirect in a client section, or with a protocol (smtp, pop3, imap) that talks to the server before TLS; stunnel refuses to start.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const done = new Set<LoadedEntry>();
    for (const view of serviceViews(load)) {
      const protocol = lastOf(view, 'protocol')?.entry.value.toLowerCase() ?? '';
      const client = isClient(view);
      const firstHop = !client && STUNNEL_PROTOCOLS[protocol]?.connectsFirst;
      if (!client && !firstHop) continue;
      for (const le of valuesOf(view, 'redirect')) {
        if (done.has(le)) continue;
        done.add(le);
        reportEntry(ctx, load, le, le.entry.keySpan, {
          message: client
            ? `redirect works only on the TLS server side, and ${view.label} is a client: stunnel stops with ""redirect" is unsupported in client sections". Remove the line.`
            : `With protocol = ${protocol} stunnel connects to the server before the TLS handshake, so it cannot redirect afterwards: it stops with ""redirect" is incompatible with the specified protocol negotiation".`,
        });
      }
    }
  },
};
