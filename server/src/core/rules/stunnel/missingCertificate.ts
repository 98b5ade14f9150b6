import type { Rule } from '../rule';
import { anchorOf, isClient, isWholeConfig, lastOf, reportIn, serviceViews, stunnelLoad } from './load';

export const missingCertificate: Rule = {
  id: 'stunnel/missing-certificate',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A server-mode service (client = no, the default) without cert, PSKsecrets or engineId; stunnel stops with "TLS server needs a certificate".',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    for (const view of serviceViews(load)) {
      if (isClient(view)) continue;
      const cert = lastOf(view, 'cert');
      if ((cert && cert.entry.value !== '') || lastOf(view, 'PSKsecrets') || lastOf(view, 'engineId')) continue;
      const a = anchorOf(load, view);
      if (!a) continue;
      const who = view.service ? view.label : 'With no [section], the global part (inetd mode)';
      reportIn(ctx, load, a.doc, a.span, {
        message: `${who} is a TLS server (client = no is the default) without a certificate: stunnel stops with "TLS server needs a certificate". Add 'cert = /path/to/server.pem' (and 'key ='), use PSKsecrets, or set 'client = yes' if this side should open TLS connections.`,
      });
    }
  },
};
