import { stunnelAlias, stunnelOption } from '../../knowledge/stunnel';
import { basename, uriToPath } from '../../paths';
import type { Rule } from '../rule';
import { reportEntry, reportIn, spanOfLoaded, stunnelLoad } from './load';

/** Names that are backups or leftovers rather than configuration; stunnel reads them anyway. */
const LEFTOVER = /(~|\.bak|\.old|\.orig|\.swp|\.swo|\.tmp|\.rej|\.dpkg-[a-z]+|\.rpmnew|\.rpmsave|\.ucf-[a-z]+)$/;

export const includeError: Rule = {
  id: 'stunnel/include-error',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'include = DIR that stunnel cannot follow (missing, not a directory, a loop), an error inside an included file outside the workspace, or a backup file that stunnel would read too.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const p of load.includeProblems) {
      reportEntry(ctx, load, p.at, p.at.entry.valueSpan.end > p.at.entry.valueSpan.start ? p.at.entry.valueSpan : p.at.entry.keySpan, {
        message: p.message,
        severity: p.kind === 'limit' ? 'warning' : 'error',
      });
    }
    for (const doc of load.docs) {
      const via = load.via.get(doc);
      if (!via) continue;
      const name = basename(uriToPath(doc.uri));
      if (LEFTOVER.test(name) || name.startsWith('.')) {
        reportEntry(ctx, load, via, spanOfLoaded(via), {
          severity: 'warning',
          message: `stunnel reads every regular file in ${via.entry.value}, including '${name}', which looks like a backup or hidden file. Move it out of the directory.`,
        });
      }
      if (!load.external.has(doc)) continue; // workspace files report their own problems
      for (const issue of doc.issues) {
        reportIn(ctx, load, doc, issue.span, { message: issue.message, severity: issue.severity });
      }
      for (const s of doc.sections) {
        for (const e of s.entries) {
          const known = stunnelOption(e.key);
          if ((known && !known.removed) || stunnelAlias(e.key)) continue;
          reportIn(ctx, load, doc, e.keySpan, { message: `Unknown stunnel option '${e.key}': stunnel stops with "Specified option name is not valid here".` });
        }
      }
    }
  },
};
