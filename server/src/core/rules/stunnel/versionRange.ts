import type { Rule } from '../rule';
import type { Entry } from '../../syntax/ast';
import { isWholeConfig, reportEntry, serviceViews, stunnelLoad, type LoadedEntry, type StunnelLoad } from './load';

const RANK: Record<string, number> = { sslv3: 1, tlsv1: 2, 'tlsv1.1': 3, 'tlsv1.2': 4, 'tlsv1.3': 5 };

/** A protocol-version setting: which bounds it sets and to what ('all' and unknown values set none). */
export interface VersionSetting {
  name: 'sslVersion' | 'sslVersionMin' | 'sslVersionMax';
  value: string;
}

/**
 * Whether some service of the config would allow an empty range of TLS versions if `target` read as
 * `instead` (several lines, or none for a removed line): the check a fix makes before it is offered.
 */
export function emptyRangeIf(load: StunnelLoad, target: Entry, instead: VersionSetting[]): boolean {
  for (const view of serviceViews(load)) {
    if (!view.entries.some((le) => le.entry === target)) continue;
    let min = 0;
    let max = 0;
    for (const le of view.entries) {
      const settings: VersionSetting[] = le.entry === target ? instead : le.opt ? [{ name: le.opt.name as VersionSetting['name'], value: le.entry.value }] : [];
      for (const { name, value } of settings) {
        const v = value.toLowerCase();
        const r = v === 'all' ? 0 : Object.hasOwn(RANK, v) ? RANK[v] : undefined;
        if (r === undefined) continue;
        if (name === 'sslVersion' || name === 'sslVersionMin') min = r;
        if (name === 'sslVersion' || name === 'sslVersionMax') max = r;
      }
    }
    if (min && max && max < min) return true;
  }
  return false;
}

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
        const r = v === 'all' ? 0 : Object.hasOwn(RANK, v) ? RANK[v] : undefined;
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
