import { compareVersions } from '../../knowledge/stunnel';
import { insertLinesAfter, fix } from '../fixes';
import type { Rule } from '../rule';
import { indentOf, isWholeConfig, lastOf, reportEntry, serviceViews, stunnelLoad, verifyState, type LoadedEntry } from './load';
import { hasCaSource, rewriteEntry, SYSTEM_CA_BUNDLE } from './verifyFix';

export { SYSTEM_CA_BUNDLE };

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
      if (hasCaSource(view, ctx.settings.stunnelVersion)) continue;
      const at = v.by[v.by.length - 1];
      if (done.has(at)) continue;
      done.add(at);
      const names = withStore ? '"CAengine", "CAfile", "CApath" or "CAstore"' : '"CAengine", "CAfile" or "CApath"';
      const what = v.peer ? 'peer certificates to accept' : 'CA certificates to trust';
      const indent = indentOf(at.doc, at.entry);
      // An empty `CAfile =` read after the verify line would clear a CAfile added after it: give that line the bundle instead.
      const cleared = lastOf(view, 'CAfile');
      const edit =
        cleared && cleared.order > at.order
          ? load.external.has(cleared.doc)
            ? undefined
            : { title: 'Set', doc: cleared.doc, edit: rewriteEntry(cleared.doc, cleared.entry, SYSTEM_CA_BUNDLE) }
          : { title: 'Add', doc: at.doc, edit: insertLinesAfter(at.doc, at.entry.endLine, [`${indent}CAfile = ${SYSTEM_CA_BUNDLE}`]) };
      reportEntry(ctx, load, at, at.entry.keySpan, {
        message: `${view.label} verifies the peer certificate but does not say which ${what}: stunnel stops with "Either ${names} has to be configured". Add CAfile = ${v.peer ? '/path/to/peer-certs.pem' : SYSTEM_CA_BUNDLE}.`,
        fixes: v.peer || !edit ? [] : [fix(`${edit.title} CAfile = ${SYSTEM_CA_BUNDLE}`, edit.doc, [edit.edit], false)],
      });
    }
  },
};
