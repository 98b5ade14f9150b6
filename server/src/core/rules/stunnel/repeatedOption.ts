import { basename, uriToPath } from '../../paths';
import { deleteEntry, fix } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, spanOfLoaded, stunnelLoad, type LoadedEntry } from './load';

export const repeatedOption: Rule = {
  id: 'stunnel/repeated-option',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'A single-value option (cert, key, sni, sslVersionMin, client, ...) set twice in the same part; stunnel silently keeps the last line, so the earlier one is dead.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    const groups = new Map<string, LoadedEntry[]>();
    for (const le of load.entries) {
      if (!le.opt || le.opt.list || le.opt.name === 'include') continue;
      const key = `${le.global ? 'global' : le.service!.index}\u0000${le.opt.name}`;
      const g = groups.get(key) ?? [];
      g.push(le);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const winner = g[g.length - 1];
      const wLine = winner.entry.line + 1;
      const wFile = winner.doc === g[0].doc ? '' : ` of ${basename(uriToPath(winner.doc.uri))}`;
      const part = winner.global ? 'the global part' : `section [${winner.service!.name}]`;
      for (const le of g.slice(0, -1)) {
        const same = le.entry.value === winner.entry.value;
        reportEntry(ctx, load, le, spanOfLoaded(le), {
          message: `${le.opt!.name} is set again on line ${wLine}${wFile} in ${part}: stunnel keeps only the last value${same ? ' (the same one)' : ` ('${winner.entry.value}')`}, so this line has no effect. Remove it${same ? '' : ' or the later one'}.`,
          tags: ['unnecessary'],
          related: [{ uri: winner.doc.uri, range: winner.doc.index.rangeOf(spanOfLoaded(winner)), message: 'the value stunnel uses' }],
          fixes: [fix('Remove this line', le.doc, [deleteEntry(le.doc, le.entry)])],
        });
      }
    }
  },
};
