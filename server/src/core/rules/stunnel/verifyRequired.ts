import { compareVersions } from '../../knowledge/stunnel';
import type { Fix } from '../../types';
import type { Rule } from '../rule';
import { isClient, isWholeConfig, isYes, lastOf, reportEntry, serviceViews, stunnelLoad, valuesOf, verifyState, type LoadedEntry, type ServiceView, type StunnelLoad } from './load';
import { enableChain, globalPart, hasCaSource, PartEdits, servicePart, setsChainItself, SYSTEM_CA_BUNDLE } from './verifyFix';

const unverified = (view: ServiceView) => !verifyState(view).chain && !verifyState(view).peer;

/**
 * Turns on chain verification wherever the check line `le` applies. A line in a section (or in
 * inetd mode) concerns one service: verifyChain, and the system bundle when it names no CA, go
 * there. A line in the global part reaches every service: one global verifyChain = yes when every
 * unverified service has a CA and takes verifyChain from the global part; otherwise each unverified
 * service gets its own lines, so no service ends up verifying without CA certificates.
 */
function verifyFix(load: StunnelLoad, view: ServiceView, le: LoadedEntry, version: string): Fix | undefined {
  const edits = new PartEdits(load);
  const targets = le.global && view.service ? serviceViews(load).filter(unverified) : [view];
  if (le.global && view.service && targets.every((w) => hasCaSource(w, version) && !setsChainItself(w))) {
    const part = globalPart(load);
    if (!part) return undefined;
    enableChain(edits, part, false);
    return edits.toFix(edits.describe(), true);
  }
  const chainIn: string[] = [];
  const caIn: string[] = [];
  for (const w of targets) {
    const part = servicePart(load, w);
    if (!part) return undefined;
    const withCa = !hasCaSource(w, version);
    enableChain(edits, part, withCa);
    chainIn.push(part.label);
    if (withCa) caIn.push(part.label);
  }
  const title =
    !le.global || !view.service
      ? edits.describe(' and ')
      : `Set verifyChain = yes in ${listOf(chainIn)}${caIn.length ? ` and CAfile = ${SYSTEM_CA_BUNDLE} in ${listOf(caIn)}` : ''}`;
  return edits.toFix(title, true);
}

function listOf(labels: string[]): string {
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

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
      if (!v.chain && !v.peer && compareVersions(target, '5.40') >= 0) {
        for (const le of [...valuesOf(view, 'checkHost'), ...valuesOf(view, 'checkIP'), ...valuesOf(view, 'checkEmail')]) {
          if (!once(le)) continue;
          const f = verifyFix(load, view, le, target);
          reportEntry(ctx, load, le, le.entry.keySpan, {
            message: `${le.opt!.name} only restricts which verified certificates are accepted, and ${view.label} verifies none: stunnel stops with "Either "verifyChain" or "verifyPeer" has to be enabled". Add verifyChain = yes (with a CAfile).`,
            fixes: f ? [f] : [],
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
