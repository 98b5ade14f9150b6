// Who a service runs as and what limits.conf says about those accounts: the link between
// /etc/security/limits.conf (read by pam_limits for login sessions) and the units it does not reach.
import type { LimitLine, ParsedDocument } from '../syntax/ast';
import { globalOption } from './stunnelConfig';
import { daemonLaunch, effectiveValue, unitFileOf } from './units';
import type { Workspace } from './workspace';

export interface ServiceIdentity {
  /** Accounts the service's processes run as: User=, and a config's setuid (stunnel drops to it). */
  users: string[];
  groups: string[];
}

export function serviceIdentity(ws: Workspace, unit: ParsedDocument): ServiceIdentity {
  const unitFile = unitFileOf(ws, unit);
  return ws.memo(`identity\0${unitFile.uri}`, () => identityOf(ws, unitFile));
}

function identityOf(ws: Workspace, unitFile: ParsedDocument): ServiceIdentity {
  const users: string[] = [];
  const groups: string[] = [];
  const user = effectiveValue(ws, unitFile, 'Service', 'User')?.value;
  const group = effectiveValue(ws, unitFile, 'Service', 'Group')?.value;
  if (user) users.push(user);
  if (group) groups.push(group);
  const launch = daemonLaunch(ws, unitFile);
  if (launch?.daemon.id === 'stunnel') {
    for (const c of launch.configs) {
      const config = ws.get(c);
      if (!config) continue;
      const su = globalOption(config, 'setuid')?.value;
      const sg = globalOption(config, 'setgid')?.value;
      if (su && !users.includes(su)) users.push(su);
      if (sg && !groups.includes(sg)) groups.push(sg);
    }
  }
  return { users, groups };
}

/** limits.conf and limits.d files that speak for the machine `from` belongs to. */
export function limitsFiles(ws: Workspace, from: string): ParsedDocument[] {
  const root = ws.imageRootOf(from);
  return ws.memo(`limits\0${root ?? ''}`, () => ws.all('limits-conf').filter((d) => ws.imageRootOf(d.uri) === root));
}

export interface LimitsNofile {
  soft?: string;
  hard?: string;
  /** The lines that set them; the first one is where a finding points. */
  lines: { doc: ParsedDocument; line: LimitLine }[];
  /** The domain those lines name: a user, @group or *. */
  domain: string;
}

/** The nofile lines of one domain across limits files, in file order. */
export function nofileLinesOf(docs: ParsedDocument[], domain: string): LimitsNofile | undefined {
  const out: LimitsNofile = { lines: [], domain };
  for (const doc of docs) {
    for (const l of doc.limits) {
      if (l.item !== 'nofile' || l.domain !== domain) continue;
      if (l.type === 'soft' || l.type === '-') out.soft = l.value;
      if (l.type === 'hard' || l.type === '-') out.hard = l.value;
      out.lines.push({ doc, line: l });
    }
  }
  return out.lines.length ? out : undefined;
}

/**
 * What limits.conf sets for a service's accounts, as pam_limits would pick it for a login of
 * that user: the user's own lines, else a group's, else the `*` default.
 */
export function limitsNofileFor(ws: Workspace, unit: ParsedDocument): LimitsNofile | undefined {
  const docs = limitsFiles(ws, unit.uri);
  if (docs.length === 0) return undefined;
  const id = serviceIdentity(ws, unit);
  for (const u of id.users) {
    const hit = nofileLinesOf(docs, u);
    if (hit) return hit;
  }
  for (const g of id.groups) {
    const hit = nofileLinesOf(docs, '@' + g);
    if (hit) return hit;
  }
  return undefined;
}

/** A LimitNOFILE= value carrying what limits.conf meant: soft:hard, or one number when they agree. */
export function limitValueFrom(l: { soft?: string; hard?: string }): string | undefined {
  const norm = (v: string | undefined) => (v === 'unlimited' || v === '-1' ? 'infinity' : v);
  const soft = norm(l.soft);
  const hard = norm(l.hard);
  const ok = (v: string | undefined) => v !== undefined && (/^\d+$/.test(v) || v === 'infinity');
  if (ok(soft) && ok(hard)) {
    if (soft === hard) return soft;
    const n = (v: string) => (v === 'infinity' ? Infinity : Number(v));
    return n(soft!) <= n(hard!) ? `${soft}:${hard}` : hard;
  }
  if (ok(soft)) return soft;
  if (ok(hard)) return hard;
  return undefined;
}
