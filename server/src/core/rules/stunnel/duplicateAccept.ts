import { basename, uriToPath } from '../../paths';
import type { Rule } from '../rule';
import { isWholeConfig, reportEntry, serviceViews, stunnelLoad, valuesOf, type LoadedEntry } from './load';

/** Where an accept value listens: its host (lowercased, '' for every address) and port. */
interface Listener {
  host: string;
  port: string;
}

/** Hosts that mean every address: binding one of them and any other host on the same port collides. */
const ANY_HOST = new Set(['', '0.0.0.0', '::', '*']);

/** `[host]:port`, `host:port` or `port`; undefined when there is no port to compare. */
export function listenerOf(value: string): Listener | undefined {
  const v = value.trim();
  const bracketed = /^\[([^\]]*)\]:(\S+)$/.exec(v);
  if (bracketed) return { host: bracketed[1].toLowerCase(), port: bracketed[2] };
  const colon = v.lastIndexOf(':');
  const port = colon < 0 ? v : v.slice(colon + 1);
  if (!/^\d+$/.test(port)) return undefined;
  return { host: colon < 0 ? '' : v.slice(0, colon).toLowerCase(), port: String(Number(port)) };
}

interface Seen {
  le: LoadedEntry;
  name: string;
  /** Order of reading, to find the earliest of two candidates. */
  n: number;
}

/**
 * The accepts read so far, by port: the first on each host and the first on every address. Finding
 * the earliest one a new accept collides with is then a lookup, not a scan of all the others.
 */
class Listeners {
  private readonly byPort = new Map<string, { first: Seen; any?: Seen; byHost: Map<string, Seen> }>();
  private count = 0;

  earliestCollision(at: Listener): Seen | undefined {
    const bucket = this.byPort.get(at.port);
    if (!bucket) return undefined;
    if (ANY_HOST.has(at.host)) return bucket.first;
    const same = bucket.byHost.get(at.host);
    if (!same || !bucket.any) return same ?? bucket.any;
    return same.n < bucket.any.n ? same : bucket.any;
  }

  add(at: Listener, le: LoadedEntry, name: string): void {
    const seen: Seen = { le, name, n: this.count++ };
    let bucket = this.byPort.get(at.port);
    if (!bucket) this.byPort.set(at.port, (bucket = { first: seen, byHost: new Map() }));
    if (ANY_HOST.has(at.host)) bucket.any ??= seen;
    else if (!bucket.byHost.has(at.host)) bucket.byHost.set(at.host, seen);
  }
}

export const duplicateAccept: Rule = {
  id: 'stunnel/duplicate-accept',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'Two services that listen on the same port and address (or one on every address); stunnel cannot bind the second and does not start.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const listeners = new Listeners();
    const reported = new Set<LoadedEntry>();
    for (const view of serviceViews(load)) {
      if (!view.service) continue;
      for (const le of valuesOf(view, 'accept')) {
        const at = listenerOf(le.entry.value);
        if (!at) continue;
        // An accept inherited from the global part is reported once, where it stands.
        const earlier = reported.has(le) ? undefined : listeners.earliestCollision(at);
        reported.add(le);
        if (earlier) {
          const where = earlier.le.doc === le.doc ? `line ${earlier.le.entry.line + 1}` : `line ${earlier.le.entry.line + 1} of ${basename(uriToPath(earlier.le.doc.uri))}`;
          reportEntry(ctx, load, le, le.entry.valueSpan, {
            message: `${view.label} accepts on ${le.entry.value}, where [${earlier.name}] already listens (accept = ${earlier.le.entry.value}, ${where}): stunnel cannot bind it ("Binding service [${view.service.name}] failed", Address already in use) and does not start. Give each service its own port or address.`,
            related: [{ uri: earlier.le.doc.uri, range: earlier.le.doc.index.rangeOf(earlier.le.entry.valueSpan), message: `[${earlier.name}] listens here` }],
          });
        }
        listeners.add(at, le, view.service.name);
      }
    }
  },
};
