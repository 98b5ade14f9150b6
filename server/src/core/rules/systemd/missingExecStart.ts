import type { Entry, ParsedDocument } from '../../syntax/ast';
import type { Rule } from '../rule';
import { relativeExecutables } from '../../knowledge/values/systemd';
import { parseExecLines } from '../../knowledge/values/systemdExec';
import { effective, effectiveValue, isDropInDoc, isMasked, truthy, unitAnchor, unitFiles, unitNameOfDoc, unloadable } from './context';

export const missingExecStart: Rule = {
  id: 'systemd/missing-exec-start',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A service with no ExecStart= (after drop-ins): systemd refuses it, unless it is Type=oneshot with ExecStop= or SuccessAction= as systemd allows.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    if (isDropInDoc(doc) || !unitNameOfDoc(doc).endsWith('.service') || isMasked(doc) || unloadable(doc)) return;
    // A '-' line whose program systemd cannot use is dropped (systemd/relative-exec says why).
    const start = effective(ws, doc, 'Service', 'ExecStart').filter((e) => relativeExecutables(e.value).filter((r) => r.ignoreFailure).length < parseExecLines(e.value).length);
    if (start.length > 0) return;
    const stop = effective(ws, doc, 'Service', 'ExecStop');
    const success = effectiveValue(ws, doc, 'Unit', 'SuccessAction');
    const hasSuccess = !!success && success.value !== 'none';
    // Without Type= and ExecStart=, systemd makes the service Type=oneshot.
    const type = effectiveValue(ws, doc, 'Service', 'Type')?.value ?? 'oneshot';
    // Empty ExecStart= lines of drop-ins that drop a command set before them (one that clears an
    // already empty list changes nothing, and the message must not blame it).
    const cleared: { d: ParsedDocument; e: Entry }[] = [];
    let set = false;
    unitFiles(ws, doc).forEach((d, file) => {
      for (const s of d.sections) {
        if (s.name !== 'Service') continue;
        for (const e of s.entries) {
          if (e.key !== 'ExecStart') continue;
          if (e.value !== '') set = true;
          else {
            if (set && file > 0) cleared.push({ d, e });
            set = false;
          }
        }
      }
    });
    const related = cleared.map(({ d, e }) => ({ uri: d.uri, range: d.index.rangeOf(e.span), message: 'this drop-in clears ExecStart=' }));
    const span = unitAnchor(doc, 'Service');
    const clearedNote = cleared.length ? ' (a drop-in clears it and sets no new one)' : '';
    if (stop.length === 0 && !hasSuccess) {
      ctx.report({ span, related, message: `This service has no ExecStart=${clearedNote}, no ExecStop= and no SuccessAction=: systemd refuses to load it ("Service has no ExecStart=, ExecStop=, or SuccessAction="). Add ExecStart= with the command to run.` });
    } else if (type !== 'oneshot') {
      ctx.report({ span, related, message: `This service has no ExecStart=${clearedNote}; only Type=oneshot services may go without one, so systemd refuses to load it. Add ExecStart=, or set Type=oneshot.` });
    } else if (!hasSuccess && !truthy(effectiveValue(ws, doc, 'Service', 'RemainAfterExit'))) {
      ctx.report({ span, related, message: `This oneshot service has no ExecStart= and no SuccessAction=, and RemainAfterExit= is not yes: systemd refuses to load it. Set RemainAfterExit=yes so the ExecStop= commands have a running unit to stop.` });
    }
  },
};
