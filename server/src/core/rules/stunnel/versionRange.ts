import type { Rule } from '../rule';
import type { Entry } from '../../syntax/ast';
import { isWholeConfig, reportEntry, serviceViews, stunnelLoad, type LoadedEntry, type StunnelLoad } from './load';

const RANK: Record<string, number> = { sslv3: 1, tlsv1: 2, 'tlsv1.1': 3, 'tlsv1.2': 4, 'tlsv1.3': 5 };

/** A protocol-version setting: which bounds it sets and to what ('all' and unknown values set none). */
export interface VersionSetting {
  name: 'sslVersion' | 'sslVersionMin' | 'sslVersionMax';
  value: string;
}

/** The bounds one setting sets: a rank, 0 for 'all' (no bound), undefined when it sets none. */
function boundsOf(name: string | undefined, value: string): { min?: number; max?: number } {
  if (name !== 'sslVersion' && name !== 'sslVersionMin' && name !== 'sslVersionMax') return {};
  const v = value.toLowerCase();
  const r = v === 'all' ? 0 : Object.hasOwn(RANK, v) ? RANK[v] : undefined;
  if (r === undefined) return {};
  return { min: name === 'sslVersionMax' ? undefined : r, max: name === 'sslVersionMin' ? undefined : r };
}

/**
 * A list of settings read in order, for "what would the bounds be if the line at i read otherwise":
 * the last bound set before i and the last one set after it, each found in O(1).
 */
interface Run {
  at: Map<Entry, number>;
  lastMinBefore: (number | undefined)[];
  lastMaxBefore: (number | undefined)[];
  lastMinAfter: (number | undefined)[];
  lastMaxAfter: (number | undefined)[];
}

function runOf(entries: LoadedEntry[]): Run {
  const n = entries.length;
  const bounds = entries.map((le) => boundsOf(le.opt?.name, le.entry.value));
  const run: Run = { at: new Map(), lastMinBefore: new Array(n + 1), lastMaxBefore: new Array(n + 1), lastMinAfter: new Array(n + 1), lastMaxAfter: new Array(n + 1) };
  for (let i = 0; i < n; i++) {
    run.at.set(entries[i].entry, i);
    run.lastMinBefore[i + 1] = bounds[i].min ?? run.lastMinBefore[i];
    run.lastMaxBefore[i + 1] = bounds[i].max ?? run.lastMaxBefore[i];
  }
  for (let i = n - 1; i >= 0; i--) {
    run.lastMinAfter[i] = run.lastMinAfter[i + 1] ?? bounds[i].min;
    run.lastMaxAfter[i] = run.lastMaxAfter[i + 1] ?? bounds[i].max;
  }
  return run;
}

/** The bounds at the end of a run, with the line at i read as `instead` (i = -1: as written). */
function endBounds(run: Run, i: number, instead: VersionSetting[]): { min: number | undefined; max: number | undefined } {
  const n = run.lastMinBefore.length - 1;
  if (i < 0) return { min: run.lastMinBefore[n], max: run.lastMaxBefore[n] };
  let min = run.lastMinBefore[i];
  let max = run.lastMaxBefore[i];
  for (const s of instead) {
    const b = boundsOf(s.name, s.value);
    min = b.min ?? min;
    max = b.max ?? max;
  }
  return { min: run.lastMinAfter[i + 1] ?? min, max: run.lastMaxAfter[i + 1] ?? max };
}

interface Ranges {
  /** The defaults of the global part. */
  globalRun: Run;
  /** Each service's own lines. */
  services: Run[];
  /** The service whose own line each entry is. */
  serviceOf: Map<Entry, Run>;
  /** Whether the defaults ending with these bounds leave some service an empty range. */
  byDefaults: Map<string, boolean>;
}
const rangesOf = new WeakMap<StunnelLoad, Ranges>();

function ranges(load: StunnelLoad): Ranges {
  let r = rangesOf.get(load);
  if (!r) {
    const views = serviceViews(load);
    // Inetd mode: the global part is the one service, with no defaults before it.
    const inetd = views.length === 1 && views[0].service === null;
    const defaults = inetd ? [] : views[0]?.entries.slice(0, views[0].entries.length - views[0].own.length) ?? [];
    const services = views.map((v) => runOf(v.own));
    const serviceOf = new Map<Entry, Run>();
    views.forEach((v, i) => v.own.forEach((le) => serviceOf.set(le.entry, services[i])));
    r = { globalRun: runOf(defaults), services, serviceOf, byDefaults: new Map() };
    rangesOf.set(load, r);
  }
  return r;
}

const empty = (min: number | undefined, max: number | undefined) => !!min && !!max && max < min;

/**
 * Whether some service of the config would allow an empty range of TLS versions if `target` read as
 * `instead` (several lines, or none for a removed line): the check a fix makes before it is offered.
 * Linear in the size of the config over all the lines asked about: bounds before and after each line
 * are computed once, and a default line is judged once per pair of bounds it leaves.
 */
export function emptyRangeIf(load: StunnelLoad, target: Entry, instead: VersionSetting[]): boolean {
  const r = ranges(load);
  const g = r.globalRun.at.get(target);
  if (g !== undefined) {
    const { min, max } = endBounds(r.globalRun, g, instead);
    const key = `${min}:${max}`;
    let answer = r.byDefaults.get(key);
    if (answer === undefined) {
      answer = r.services.some((s) => {
        const own = endBounds(s, -1, []);
        return empty(own.min ?? min, own.max ?? max);
      });
      r.byDefaults.set(key, answer);
    }
    return answer;
  }
  const s = r.serviceOf.get(target);
  if (!s) return false;
  const base = endBounds(r.globalRun, -1, []);
  const own = endBounds(s, s.at.get(target)!, instead);
  return empty(own.min ?? base.min, own.max ?? base.max);
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
        const b = boundsOf(le.opt?.name, le.entry.value);
        if (b.min !== undefined) [min, minBy] = [b.min, le];
        if (b.max !== undefined) [max, maxBy] = [b.max, le];
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
