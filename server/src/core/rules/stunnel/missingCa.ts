import { compareVersions } from '../../knowledge/stunnel';
import { insertLinesAfter, fix } from '../fixes';
import type { Rule } from '../rule';
import { clearableLast, isWholeConfig, reportEntry, serviceViews, stunnelLoad, valuesOf, verifyState, type LoadedEntry } from './load';

/** Debian's and Ubuntu's bundle of the system's trusted CA certificates. */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

export const missingCa: Rule = {
  id: 'stunnel/missing-ca',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'verifyChain, verifyPeer or verify without CAfile, CApath, CAstore or CAengine; stunnel has nothing to verify against and refuses to start.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const withStore = compareVersions(ctx.settings.stunnelVersion, '5.75') >= 0;
    const done = new Set<LoadedEntry>();
    for (const view of serviceViews(load)) {
      const v = verifyState(view);
      if (!v.chain && !v.peer) continue;
      if (valuesOf(view, 'CAengine').length || clearableLast(view, 'CAfile') || clearableLast(view, 'CApath') || (withStore && clearableLast(view, 'CAstore'))) continue;
      const at = v.by[v.by.length - 1];
      if (done.has(at)) continue;
      done.add(at);
      const names = withStore ? '"CAengine", "CAfile", "CApath" or "CAstore"' : '"CAengine", "CAfile" or "CApath"';
      const what = v.peer ? 'peer certificates to accept' : 'CA certificates to trust';
      const indent = at.doc.text.slice(at.doc.index.lineStarts[at.entry.line], at.entry.span.start);
      reportEntry(ctx, load, at, at.entry.keySpan, {
        message: `${view.label} verifies the peer certificate but does not say which ${what}: stunnel stops with "Either ${names} has to be configured". Add CAfile = ${v.peer ? '/path/to/peer-certs.pem' : SYSTEM_CA_BUNDLE}.`,
        fixes: v.peer ? [] : [fix(`Add CAfile = ${SYSTEM_CA_BUNDLE}`, at.doc, [insertLinesAfter(at.doc, at.entry.endLine, [`${indent}CAfile = ${SYSTEM_CA_BUNDLE}`])], false)],
      });
    }
  },
};
