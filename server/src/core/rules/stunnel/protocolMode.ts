import { compareVersions } from '../../knowledge/stunnel';
import { STUNNEL_PROTOCOLS } from '../../knowledge/stunnelExtras';
import type { Rule } from '../rule';
import { isClient, isWholeConfig, lastOf, reportEntry, serviceViews, stunnelLoad, type LoadedEntry } from './load';

export const protocolMode: Rule = {
  id: 'stunnel/protocol-mode',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A protocol the service mode does not support (nntp, ldap, capwinctrl are client-only; proxy is server-only), or protocol = connect in a client without protocolHost (5.73+).',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const target = ctx.settings.stunnelVersion;
    const done = new Set<LoadedEntry>();
    for (const view of serviceViews(load)) {
      const le = lastOf(view, 'protocol');
      if (!le) continue;
      const name = le.entry.value.toLowerCase();
      const p = STUNNEL_PROTOCOLS[name];
      if (!p) continue;
      const client = isClient(view);
      let message: string | undefined;
      if (client && !p.client) message = `protocol = ${name} exists only for TLS servers, and ${view.label} is a client (client = yes): stunnel stops with "The configured protocol is not supported in the client mode".`;
      else if (!client && !p.server) message = `protocol = ${name} exists only for TLS clients, and ${view.label} is a server (client = no is the default): stunnel stops with "The configured protocol is not supported in the server mode". Set client = yes if this side connects out.`;
      else if (!client && p.serverSince && compareVersions(target, p.serverSince) < 0) message = `protocol = ${name} in server mode needs stunnel ${p.serverSince}; with ${target} (daemonlint.stunnelVersion) stunnel stops with "The configured protocol is not supported in the server mode".`;
      else if (client && name === 'connect' && !lastOf(view, 'protocolHost') && compareVersions(target, '5.73') >= 0) message = `protocol = connect asks an HTTP proxy to open a tunnel to protocolHost, which ${view.label} does not set: stunnel stops with "protocolHost not specified". Add protocolHost = host:port of the final destination.`;
      if (!message || done.has(le)) continue;
      done.add(le);
      reportEntry(ctx, load, le, le.entry.valueSpan, { message });
    }
  },
};
