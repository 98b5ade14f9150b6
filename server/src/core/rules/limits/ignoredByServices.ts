// A nofile line in limits.conf (or limits.d) for an account a systemd service runs as. pam_limits
// applies limits.conf when a PAM session opens (login, sshd, su, sudo); systemd starts services
// without one unless the unit sets PAMName=, so the service keeps the manager's default.
import type { ParsedDocument } from '../../syntax/ast';
import type { FileEdit, RelatedInfo } from '../../types';
import { limitsFiles, limitValueFrom, nofileLinesOf, serviceIdentity } from '../../workspace/serviceLimits';
import { daemonLaunch, effectiveEntries, effectiveSoft, effectiveValue, managerNofile, serviceUnits, unitNameOf } from '../../workspace/units';
import type { Workspace } from '../../workspace/workspace';
import { dropInChanges, dropInTitle } from '../dropIn';
import type { Rule } from '../rule';

/** Services a domain (user, @group or *) probably meant, that take no limit from elsewhere. */
function servicesFor(ws: Workspace, limitsUri: string, domain: string, version: number): { unit: ParsedDocument; why: string }[] {
  const root = ws.imageRootOf(limitsUri);
  const out: { unit: ParsedDocument; why: string }[] = [];
  for (const unit of serviceUnits(ws)) {
    if (ws.imageRootOf(unit.uri) !== root) continue;
    if (effectiveValue(ws, unit, 'Service', 'PAMName')) continue; // pam_limits does run for it
    if (effectiveEntries(ws, unit, 'Service', 'LimitNOFILE', version).length > 0) continue; // set where it counts
    const id = serviceIdentity(ws, unit);
    const user = effectiveValue(ws, unit, 'Service', 'User')?.value;
    let why: string | undefined;
    if (domain === '*') {
      if (daemonLaunch(ws, unit)?.daemon.connectionHeavy && user !== 'root') why = 'every user';
    } else if (domain.startsWith('@')) {
      if (id.groups.includes(domain.slice(1))) why = `group ${domain.slice(1)}`;
    } else if (id.users.includes(domain)) {
      why = user === domain ? `User=${domain}` : `setuid = ${domain} in its stunnel config`;
    }
    if (why) out.push({ unit, why });
  }
  return out.sort((a, b) => unitNameOf(a.unit).localeCompare(unitNameOf(b.unit)));
}

export const ignoredByServices: Rule = {
  id: 'limits/ignored-by-services',
  dialect: 'limits-conf',
  severity: 'info',
  summary: 'A nofile line for an account a systemd service runs as: pam_limits applies limits.conf to login sessions only, so the service never gets it; the fix creates a drop-in with LimitNOFILE=.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const docs = limitsFiles(ws, doc.uri);
    const seen = new Set<string>();
    for (const l of doc.limits) {
      if (l.item !== 'nofile' || seen.has(l.domain)) continue;
      seen.add(l.domain);
      const services = servicesFor(ws, doc.uri, l.domain, ctx.settings.systemdVersion);
      if (services.length === 0) continue;
      // The value limits.conf means for this domain, across all limits files.
      const lines = nofileLinesOf(docs, l.domain);
      const value = lines ? limitValueFrom(lines) : undefined;
      const defaults = managerNofile(ws, services[0].unit.uri);
      const names = services.map((s) => `${unitNameOf(s.unit)} (${s.why})`).join(', ');
      const message = `pam_limits applies this nofile limit to login sessions (login, ssh, su, sudo), not to services: systemd starts ${names} without PAM, so ${services.length === 1 ? 'it keeps' : 'they keep'} the soft limit of ${effectiveSoft(defaults.soft)}. Set LimitNOFILE= in the service instead${value ? ` (LimitNOFILE=${value})` : ''}; a drop-in keeps the unit file untouched.`;
      const related: RelatedInfo[] = services.map((s) => {
        const anchor = effectiveValue(ws, s.unit, 'Service', 'User') ?? s.unit.sections.find((x) => x.name === 'Service')?.entries[0];
        return { uri: s.unit.uri, range: anchor ? s.unit.index.rangeOf(anchor.span) : s.unit.index.lineRange(0), message: `${unitNameOf(s.unit)} has no LimitNOFILE=` };
      });
      const changes: FileEdit[] = value ? services.flatMap((s) => dropInChanges(ws, s.unit, 'limits.conf', [`LimitNOFILE=${value}`])) : [];
      const title = services.length === 1 ? dropInTitle(changes, unitNameOf(services[0].unit), 'limits.conf', `LimitNOFILE=${value}`) : `Create limits.conf drop-ins with LimitNOFILE=${value} for ${services.map((s) => unitNameOf(s.unit)).join(', ')}`;
      ctx.report({
        span: l.span,
        message,
        fixes: changes.length ? [{ title, changes, preferred: changes.length === 1 }] : [],
        related,
      });
    }
  },
};
