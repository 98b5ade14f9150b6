import type { Rule } from '../rule';
import { isWholeConfig, reportEntry, serviceViews, stunnelLoad, type LoadedEntry } from './load';

const RANK: Record<string, number> = { sslv3: 1, tlsv1: 2, 'tlsv1.1': 3, 'tlsv1.2': 4, 'tlsv1.3': 5 };

export const versionRange: Rule = {
  id: 'stunnel/version-range',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'sslVersionMin above sslVersionMax; stunnel stops with "Invalid protocol version range".',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const done = new Set<LoadedEntry>();
    for (const view of serviceViews(load)) {
      let min = 0;
      let max = 0;
      let minBy: LoadedEntry | undefined;
      let maxBy: LoadedEntry | undefined;
      for (const le of view.entries) {
        const n = le.opt?.name;
        const v = le.entry.value.toLowerCase();
        const r = v === 'all' ? 0 : RANK[v];
        if (r === undefined) continue;
        if (n === 'sslVersion' || n === 'sslVersionMin') [min, minBy] = [r, le];
        if (n === 'sslVersion' || n === 'sslVersionMax') [max, maxBy] = [r, le];
      }
      if (!min || !max || max >= min || !minBy || !maxBy) continue;
      const at = minBy.order > maxBy.order ? minBy : maxBy;
      if (done.has(at)) continue;
      done.add(at);
      reportEntry(ctx, load, at, at.entry.valueSpan, {
        message: `${view.label} allows TLS versions from ${minBy.entry.value} up to ${maxBy.entry.value}, an empty range: stunnel stops with "Invalid protocol version range". Make sslVersionMin at most sslVersionMax.`,
      });
    }
  },
};
