// Typed access to the generated systemd directive table, unit types and their sections.
import directivesData from './systemd/directives.json';
import summariesData from './systemd/summaries.json';

export interface Directive {
  name: string;
  section: string;
  /** Value grammar name (see valueTypes/systemd.ts). */
  type: string;
  values?: string[];
  acceptsBoolean: boolean;
  /** active | legacy-alias | moved | deprecated | obsolete | removed */
  status: string;
  replacement?: string;
  since?: number;
  /** For Limit*= directives: the RLIMIT_* resource. */
  limit?: string;
  url?: string;
  /** Present only in systemd newer than the release the table was built from. */
  newer: boolean;
  /** Releases (labels) in which the directive is gone: still parsed, but ignored with a warning. */
  removedIn?: string[];
  /** The parser expands %-specifiers in the value. */
  expands: boolean;
  /**
   * The last release in which systemd rejects an empty value ("Key=") instead of resetting the
   * setting (Infinity: every release; undefined: an empty value always resets). Read it through
   * emptyResets().
   */
  emptyRejectedUntil?: number;
  /** A value systemd cannot read is a fatal error: it refuses to load the unit, not just the line. */
  parseFatal: boolean;
  /** Enum words newer than the directive: word -> first release accepting it. */
  valueSince?: Record<string, number>;
  /** What applies when the directive is not set. */
  defaultValue?: string;
}

interface RawRow {
  t: string;
  v?: string[];
  b?: boolean;
  s?: string;
  r?: string;
  since?: number;
  limit?: string;
  url?: string;
  newer?: boolean;
  removedIn?: string[];
  p?: number;
  e?: number;
  f?: number;
  vs?: Record<string, number>;
  d?: string;
}

export const SYSTEMD_MAN_BASE: string = directivesData.manBase;
export const SYSTEMD_TABLE_VERSION: string = directivesData.systemd;

const table = new Map<string, Map<string, Directive>>();
for (const [section, rows] of Object.entries(directivesData.sections as Record<string, Record<string, RawRow>>)) {
  const m = new Map<string, Directive>();
  for (const [name, r] of Object.entries(rows)) {
    m.set(name, {
      name,
      section,
      type: r.t,
      values: r.v,
      acceptsBoolean: r.b === true,
      status: r.s ?? 'active',
      replacement: r.r,
      since: r.since,
      limit: r.limit,
      url: r.url ? SYSTEMD_MAN_BASE + r.url : undefined,
      newer: r.newer === true,
      removedIn: r.removedIn,
      expands: r.p === 1,
      emptyRejectedUntil: r.e === 1 ? Infinity : r.e,
      parseFatal: r.f === 1,
      valueSince: r.vs,
      defaultValue: r.d,
    });
  }
  table.set(section, m);
}
// systemd parses a [Device] section in .device units, but it has no keys of its own.
table.set('Device', new Map());

/** The release the table describes, as a number (257 for "257.13"). */
export const SYSTEMD_TABLE_RELEASE: number = parseInt(directivesData.systemd, 10);

/** The first release that has the directive (rows only on main count as the next release). */
export function directiveSince(d: Directive): number | undefined {
  if (d.newer) return Math.max(d.since ?? 0, SYSTEMD_TABLE_RELEASE + 1);
  return d.since;
}

/**
 * Whether an empty assignment ("Key=") resets the setting in the given release. Where it does not,
 * systemd logs the line as invalid, ignores it, and the value assigned before it stays in force.
 * Keys systemd does not know (or that are not looked up) count as resetting.
 */
export function emptyResets(d: Directive | undefined, version: number): boolean {
  return !d || d.emptyRejectedUntil === undefined || version > d.emptyRejectedUntil;
}

/** Whether the directive is gone (ignored with a warning) in the given release. */
export function removedBy(d: Directive, version: number): boolean {
  if (d.status === 'removed') return true;
  return !!d.removedIn && version > SYSTEMD_TABLE_RELEASE;
}

/** The sections each unit type may carry, in the order they usually appear. */
export const UNIT_TYPE_SECTIONS: Record<string, string[]> = {
  service: ['Unit', 'Service', 'Install'],
  socket: ['Unit', 'Socket', 'Install'],
  timer: ['Unit', 'Timer', 'Install'],
  mount: ['Unit', 'Mount', 'Install'],
  automount: ['Unit', 'Automount', 'Install'],
  swap: ['Unit', 'Swap', 'Install'],
  path: ['Unit', 'Path', 'Install'],
  target: ['Unit', 'Install'],
  slice: ['Unit', 'Slice', 'Install'],
  scope: ['Unit', 'Scope'],
  device: ['Unit', 'Device', 'Install'],
};

export const UNIT_TYPES = Object.keys(UNIT_TYPE_SECTIONS);

export function directive(section: string, name: string): Directive | undefined {
  return table.get(section)?.get(name);
}

export function sectionDirectives(section: string): Directive[] {
  return [...(table.get(section)?.values() ?? [])];
}

export function knownSections(): string[] {
  return [...table.keys()];
}

/** Every section that knows this directive name. */
export function sectionsOf(name: string): string[] {
  const out: string[] = [];
  for (const [section, m] of table) if (m.has(name)) out.push(section);
  return out;
}

const summaries = summariesData as Record<string, string>;
export function systemdSummary(section: string, name: string): string | undefined {
  return summaries[`${section}.${name}`] ?? summaries[name];
}

/** The man page URL for a whole section, used when a directive has no anchor of its own. */
export function sectionManUrl(section: string): string {
  const page: Record<string, string> = {
    Unit: 'systemd.unit.html',
    Install: 'systemd.unit.html',
    Service: 'systemd.service.html',
    Socket: 'systemd.socket.html',
    Timer: 'systemd.timer.html',
    Mount: 'systemd.mount.html',
    Automount: 'systemd.automount.html',
    Swap: 'systemd.swap.html',
    Path: 'systemd.path.html',
    Slice: 'systemd.slice.html',
    Scope: 'systemd.scope.html',
  };
  return SYSTEMD_MAN_BASE + (page[section] ?? 'systemd.unit.html');
}
