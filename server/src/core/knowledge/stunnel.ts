// Typed access to the generated stunnel option table and the hand-written summaries.
import optionsData from './stunnel/options.json';
import summariesData from './stunnel/summaries.json';

export type StunnelScope = 'global' | 'service' | 'both';

export interface StunnelOption {
  name: string;
  scope: StunnelScope;
  /** boolean | integer | enum | address | path | string | hex | debug-level | ssl-options | socket-option | boolean-or-integer */
  type: string;
  valueText: string;
  values?: string[];
  min?: number;
  max?: number;
  default: string | null;
  /** Repeated lines accumulate (true) or the last one wins (false). */
  list: boolean;
  added: string;
  deprecated?: { since: string; use: string[] };
  removed?: boolean;
  aliases?: string[];
  platform?: string;
  url: string;
}

export const STUNNEL_MANUAL: string = optionsData.manual;
export const STUNNEL_LATEST: string = optionsData.version;

const byLowerName = new Map<string, StunnelOption>();
const aliasTarget = new Map<string, StunnelOption>();
for (const [name, raw] of Object.entries(optionsData.options as Record<string, Omit<StunnelOption, 'name'>>)) {
  const opt: StunnelOption = { name, ...raw };
  byLowerName.set(name.toLowerCase(), opt);
  for (const a of opt.aliases ?? []) aliasTarget.set(a.toLowerCase(), opt);
}
// Names stunnel still accepts for renamed options (from stunnel's options.c).
for (const [alias, target] of [['session', 'sessionCacheTimeout'], ['curve', 'curves']] as const) {
  const t = byLowerName.get(target.toLowerCase());
  if (t) aliasTarget.set(alias, t);
}

/** stunnel matches option names case-insensitively. */
export function stunnelOption(name: string): StunnelOption | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** The option an old alias stands for (`session` -> sessionCacheTimeout). */
export function stunnelAlias(name: string): StunnelOption | undefined {
  return aliasTarget.get(name.toLowerCase());
}

export function stunnelOptions(): StunnelOption[] {
  return [...byLowerName.values()];
}

const summaries = summariesData as Record<string, string>;
export function stunnelSummary(name: string): string | undefined {
  return summaries[name];
}

const versionParts = new Map<string, number[]>();
function parts(v: string): number[] {
  let p = versionParts.get(v);
  if (!p) {
    p = v.split('.').map((n) => parseInt(n, 10) || 0);
    if (versionParts.size < 1000) versionParts.set(v, p);
  }
  return p;
}

/** Compares dotted versions such as 5.45 and 5.7. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
