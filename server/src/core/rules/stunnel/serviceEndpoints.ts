import type { Rule } from '../rule';
import { anchorOf, isClient, isWholeConfig, lastOf, reportEntry, reportIn, serviceViews, spanOfLoaded, stunnelLoad, valuesOf, type ServiceView } from './load';

/** The endpoints stunnel counts for a service (options.c, CMD_INITIALIZE). */
export function endpointsOf(view: ServiceView): string[] {
  const client = isClient(view);
  const out: string[] = [];
  if (valuesOf(view, 'accept').length) out.push('accept');
  if (valuesOf(view, 'connect').length) out.push('connect');
  if (lastOf(view, 'exec')) out.push('exec');
  const protocol = lastOf(view, 'protocol')?.entry.value.toLowerCase();
  if (protocol === 'socks' && !client) out.push('protocol = socks');
  if (protocol === 'capwinctrl' && client) out.push('protocol = capwinctrl');
  const sni = lastOf(view, 'sni');
  if (sni && !client) out.push('sni');
  const transparent = lastOf(view, 'transparent')?.entry.value.toLowerCase();
  if (transparent === 'destination' || transparent === 'both') out.push(`transparent = ${transparent}`);
  return out;
}

function listed(xs: string[]): string {
  return xs.length === 0 ? 'no endpoint' : xs.length === 1 ? `only ${xs[0]}` : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

export const serviceEndpoints: Rule = {
  id: 'stunnel/service-endpoints',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A service without exactly two endpoints (accept+connect, accept+exec, connect+exec, ...), or inetd mode (no section) without exactly one, or with accept.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    for (const view of serviceViews(load)) {
      const eps = endpointsOf(view);
      if (view.service) {
        if (eps.length === 2) continue;
        const advice =
          eps.length < 2
            ? eps.includes('accept')
              ? " Add 'connect = host:port' (or 'exec = /path/to/program')."
              : eps.length === 1
                ? " Add 'accept = [host:]port' for a listener (or 'exec' to start a program)."
                : " Add 'accept = [host:]port' and 'connect = host:port'."
            : ' Keep two of them.';
        const a = anchorOf(load, view)!;
        reportIn(ctx, load, a.doc, a.span, {
          message: `${view.label} has ${listed(eps)}: stunnel needs exactly two endpoints per service (accept + connect, accept + exec, connect + exec, ...) and stops with "Each service must define two endpoints".${advice}`,
        });
        continue;
      }
      // Inetd mode: stdin/stdout is one side, so exactly one more endpoint, and no listener.
      const accepts = valuesOf(view, 'accept');
      if (accepts.length) {
        for (const le of accepts) {
          reportEntry(ctx, load, le, spanOfLoaded(le), {
            message: `With no [section], stunnel runs in inetd mode on stdin/stdout and refuses 'accept' ("'accept' option is only allowed in a [section]"). Put the service in a section, e.g. [service] above this line.`,
          });
        }
        continue;
      }
      if (eps.length !== 1) {
        const a = anchorOf(load, view);
        if (!a) continue;
        reportIn(ctx, load, a.doc, a.span, {
          message: `This configuration has no [section], so stunnel runs in inetd mode (one service on stdin/stdout), which needs exactly one endpoint (connect or exec) and has ${listed(eps)}: stunnel stops with "Inetd mode must define one endpoint". Add a [section] with accept and connect for a daemon.`,
        });
      }
    }
  },
};
