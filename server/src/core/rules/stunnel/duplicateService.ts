import { basename, uriToPath } from '../../paths';
import type { Rule } from '../rule';
import { reportIn, stunnelLoad, type LoadedService } from './load';

export const duplicateService: Rule = {
  id: 'stunnel/duplicate-service',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'Two sections with the same name; stunnel accepts it, but logs, sni = NAME:... and libwrap cannot tell them apart.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    const first = new Map<string, LoadedService>();
    for (const s of load.services) {
      const prev = first.get(s.name);
      if (!prev) {
        first.set(s.name, s);
        continue;
      }
      const line = prev.doc.index.positionAt(prev.section.headerSpan!.start).line + 1;
      reportIn(ctx, load, s.doc, s.section.headerSpan!, {
        message: `A section named [${s.name}] already exists (line ${line}${prev.doc === s.doc ? '' : ` of ${basename(uriToPath(prev.doc.uri))}`}). stunnel accepts both, but its log lines, 'sni = ${s.name}:...' (which picks the first) and libwrap rules cannot tell them apart. Give each section its own name.`,
        related: [{ uri: prev.doc.uri, range: prev.doc.index.rangeOf(prev.section.headerSpan!), message: `first [${s.name}]` }],
      });
    }
  },
};
