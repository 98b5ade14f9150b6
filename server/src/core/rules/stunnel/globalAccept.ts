import { deleteEntry, insertLinesAfter } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, spanOfLoaded, stunnelLoad } from './load';

export const globalAccept: Rule = {
  id: 'stunnel/global-accept',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'accept in the global part while there are sections: every service inherits it, so with two or more they collide on bind ("Address already in use").',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    const n = load.services.length;
    if (n === 0) return;
    for (const le of load.global) {
      if (le.opt?.name !== 'accept') continue;
      const only = n === 1 ? load.services[0] : undefined;
      const message =
        n === 1
          ? `accept in the global part is a default that every section inherits. It works for the single section [${only!.name}], but a second section would try to bind the same address and stunnel would fail with "Address already in use". Move the line into [${only!.name}].`
          : `accept in the global part is inherited by all ${n} sections, so they all try to bind ${le.entry.value}: the second bind fails with "Address already in use" and stunnel exits. Give each section its own accept and remove this line.`;
      const fixes =
        only && only.doc === le.doc
          ? [{ title: `Move into [${only.name}]`, preferred: true, changes: [{ uri: le.doc.uri, edits: [deleteEntry(le.doc, le.entry), insertLinesAfter(le.doc, only.section.headerLine, [le.doc.text.slice(le.entry.span.start, le.entry.span.end)])] }] }]
          : [];
      reportEntry(ctx, load, le, spanOfLoaded(le), { message, fixes });
    }
  },
};
