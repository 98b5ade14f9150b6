import { compareVersions } from '../../knowledge/stunnel';
import { fix, insertLinesAfter } from '../fixes';
import type { Rule } from '../rule';
import { clearableLast, isClient, isWholeConfig, isYes, lastOf, reportEntry, serviceViews, stunnelLoad, valuesOf, verifyState, type LoadedEntry } from './load';
import { SYSTEM_CA_BUNDLE } from './missingCa';

export const verifyRequired: Rule = {
  id: 'stunnel/verify-required',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'checkHost/checkIP/checkEmail or redirect without verifyChain or verifyPeer, or OCSP/OCSPaia without verifyChain (5.71+); stunnel refuses to start.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const target = ctx.settings.stunnelVersion;
    const done = new Set<LoadedEntry>();
    const once = (le: LoadedEntry) => !done.has(le) && !!done.add(le);
    for (const view of serviceViews(load)) {
      const v = verifyState(view);
      const hasCa = valuesOf(view, 'CAengine').length > 0 || !!clearableLast(view, 'CAfile') || !!clearableLast(view, 'CApath') || !!clearableLast(view, 'CAstore');
      const verifyLines = (indent: string) => [`${indent}verifyChain = yes`, ...(hasCa ? [] : [`${indent}CAfile = ${SYSTEM_CA_BUNDLE}`])];
      if (!v.chain && !v.peer && compareVersions(target, '5.40') >= 0) {
        for (const le of [...valuesOf(view, 'checkHost'), ...valuesOf(view, 'checkIP'), ...valuesOf(view, 'checkEmail')]) {
          if (!once(le)) continue;
          const indent = le.doc.text.slice(le.doc.index.lineStarts[le.entry.line], le.entry.span.start);
          reportEntry(ctx, load, le, le.entry.keySpan, {
            message: `${le.opt!.name} only restricts which verified certificates are accepted, and ${view.label} verifies none: stunnel stops with "Either "verifyChain" or "verifyPeer" has to be enabled". Add verifyChain = yes (with a CAfile).`,
            fixes: [fix(hasCa ? 'Add verifyChain = yes' : `Add verifyChain = yes and CAfile = ${SYSTEM_CA_BUNDLE}`, le.doc, [insertLinesAfter(le.doc, le.entry.endLine, verifyLines(indent))])],
          });
        }
      }
      const redirect = valuesOf(view, 'redirect');
      if (redirect.length && !isClient(view) && !v.chain && !v.peer) {
        for (const le of redirect) {
          if (!once(le)) continue;
          reportEntry(ctx, load, le, le.entry.keySpan, {
            message: `redirect sends clients whose certificate fails verification elsewhere, so it needs verifyChain or verifyPeer, which ${view.label} does not enable: stunnel stops with "Either "verifyChain" or "verifyPeer" has to be enabled for "redirect" to work".`,
          });
        }
      }
      if (!v.chain && compareVersions(target, '5.71') >= 0) {
        const ocsp = lastOf(view, 'OCSP');
        const aia = lastOf(view, 'OCSPaia');
        for (const le of [ocsp, isYes(aia) ? aia : undefined]) {
          if (!le || !once(le)) continue;
          reportEntry(ctx, load, le, le.entry.keySpan, {
            message: `OCSP checking needs the certificate chain verified first, and ${view.label} has no verifyChain = yes: since 5.71 stunnel stops with ""verifyChain" has to be enabled for OCSP support".`,
          });
        }
      }
    }
  },
};
