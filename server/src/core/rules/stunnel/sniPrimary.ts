import type { Rule } from '../rule';
import { isClient, isWholeConfig, lastOf, reportEntry, serviceViews, stunnelLoad, type ServiceView } from './load';

/** The name stunnel knows a section by: its header, unless a `service =` line in it renames it. */
function serviceName(view: ServiceView): string {
  const own = view.own.filter((le) => le.opt?.name === 'service');
  return own.length ? own[own.length - 1].entry.value : (view.service?.name ?? '');
}

export const sniPrimary: Rule = {
  id: 'stunnel/sni-primary',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A server-mode sni = PRIMARY:PATTERN that stunnel cannot use: no colon, no earlier section with that name, or a client-mode primary.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const views = serviceViews(load);
    // The first section of each name, found once: a config may hold thousands of sections.
    const firstNamed = new Map<string, number>();
    views.forEach((w, i) => {
      if (w.service && !firstNamed.has(serviceName(w))) firstNamed.set(serviceName(w), i);
    });
    views.forEach((view, i) => {
      if (!view.service || isClient(view)) return;
      const le = lastOf(view, 'sni');
      if (!le || le.service !== view.service) return;
      const v = le.entry.value;
      const colon = v.indexOf(':');
      let message: string | undefined;
      if (colon < 0) {
        message = `In a server section, sni names the primary section and the server name: sni = PRIMARY:PATTERN (e.g. ${v || 'primary'}:www.example.com). Without the colon stunnel stops with "Invalid SNI parameter format".`;
      } else {
        const primary = v.slice(0, colon);
        const at = firstNamed.get(primary);
        const found = at !== undefined && at <= i ? views[at] : undefined;
        if (!found) message = `No section named [${primary}] comes before this one (names are case-sensitive, and 'service =' renames a section): stunnel stops with "SNI section name not found". The primary section, with the accept address, must come first.`;
        else if (isClient(found)) message = `The primary section [${primary}] is a TLS client (client = yes); only a TLS server can pick a certificate by server name: stunnel stops with "SNI primary service is a TLS client".`;
      }
      if (message) reportEntry(ctx, load, le, le.entry.valueSpan.end > le.entry.valueSpan.start ? le.entry.valueSpan : le.entry.keySpan, { message });
    });
  },
};
