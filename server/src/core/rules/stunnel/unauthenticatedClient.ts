import type { Fix } from '../../types';
import type { Rule } from '../rule';
import { anchorOf, isClient, isWholeConfig, lastOf, reportIn, serviceViews, stunnelLoad, valuesOf, verifyState } from './load';
import { enableChain, hasCaSource, PartEdits, servicePart } from './verifyFix';
import { splitAddress } from '../../knowledge/values/stunnel';

/** checkHost or checkIP for the host of the first connect line. */
function checkLine(connect: string | undefined): string | undefined {
  if (!connect) return undefined;
  const a = splitAddress(connect);
  if (!a || !a.host) return undefined;
  const isIp = /^[\d.]+$/.test(a.host) || a.host.includes(':');
  return `${isIp ? 'checkIP' : 'checkHost'} = ${a.host}`;
}

export const unauthenticatedClient: Rule = {
  id: 'stunnel/unauthenticated-client',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'A client-mode service that does not authenticate the server (no verifyPeer, no verifyChain with checkHost/checkIP, no PSK): a man in the middle can read the traffic.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    for (const view of serviceViews(load)) {
      if (!isClient(view) || lastOf(view, 'PSKsecrets')) continue;
      const v = verifyState(view);
      if (v.peer) continue;
      const checks = valuesOf(view, 'checkHost').length + valuesOf(view, 'checkIP').length + valuesOf(view, 'checkEmail').length;
      if (v.chain && checks > 0) continue;
      const a = anchorOf(load, view);
      if (!a) continue;
      // The name check only when there is none yet; verifyChain and a CA where the service lacks them.
      const check = checks > 0 ? undefined : checkLine(valuesOf(view, 'connect')[0]?.entry.value);
      const part = servicePart(load, view);
      let fixes: Fix[] = [];
      if (part) {
        const edits = new PartEdits(load);
        if (!v.chain) enableChain(edits, part, !hasCaSource(view, ctx.settings.stunnelVersion));
        if (check) edits.append(part, check);
        const f = edits.toFix(edits.describe(), false);
        if (f) fixes = [f];
      }
      reportIn(ctx, load, a.doc, a.span, {
        message: v.chain
          ? `${view.label} verifies the server's chain but not its name (no checkHost or checkIP): any certificate from a trusted CA is accepted, so anyone who can get one can pose as the server. Add checkHost = the server's name.`
          : `${view.label} is a TLS client that does not authenticate the server (no verifyChain with checkHost/checkIP, no verifyPeer): a man in the middle can read and change the traffic. Add verifyChain = yes, a CAfile and checkHost = the server's name.`,
        fixes,
      });
    }
  },
};
