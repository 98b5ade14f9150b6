// RLIMITS= in /etc/default/stunnel4 when systemd units start stunnel. Only the SysV script
// /etc/init.d/stunnel4 reads the file (it runs `ulimit $RLIMITS` before each config); units such
// as Debian's stunnel@.service never do, so the limit has to be LimitNOFILE= in the unit.
import type { ParsedDocument } from '../../syntax/ast';
import { daemonLaunch, effectiveEntries, effectiveSoft, managerNofile, serviceUnits, unitNameOf } from '../../workspace/units';
import { dropInChanges, dropInTitle } from '../dropIn';
import type { Rule } from '../rule';

/** The open-files limit a `ulimit` argument list sets (`-n 4096`, `-n4096`, `-Sn 4096`). */
export function ulimitNofile(args: string): string | undefined {
  const m = /(?:^|\s)-[SH]*n[SH]*\s*(\d+|unlimited)\b/.exec(args);
  if (!m) return undefined;
  return m[1] === 'unlimited' ? 'infinity' : m[1];
}

export const defaultRlimitsIgnored: Rule = {
  id: 'stunnel/default-rlimits-ignored',
  dialect: 'default-env',
  severity: 'info',
  summary: 'RLIMITS= in /etc/default/stunnel4 while systemd units start stunnel: only the SysV init script reads it; the fix creates a drop-in with LimitNOFILE=.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const root = ws.imageRootOf(doc.uri);
    for (const e of doc.sections[0].entries) {
      if (e.key !== 'RLIMITS') continue;
      const value = ulimitNofile(e.value);
      if (!value) continue;
      const units: ParsedDocument[] = serviceUnits(ws).filter(
        (u) => ws.imageRootOf(u.uri) === root && daemonLaunch(ws, u)?.daemon.id === 'stunnel' && effectiveEntries(ws, u, 'Service', 'LimitNOFILE', ctx.settings.systemdVersion).length === 0,
      );
      if (units.length === 0) continue;
      const names = units.map(unitNameOf).join(', ');
      const soft = effectiveSoft(managerNofile(ws, units[0].uri).soft);
      const line = `LimitNOFILE=${value}`;
      const changes = units.flatMap((u) => dropInChanges(ws, u, 'limits.conf', [line]));
      ctx.report({
        span: e.span,
        message: `Only the SysV script /etc/init.d/stunnel4 reads RLIMITS=; systemd starts ${names} without it, so stunnel keeps the soft limit of ${soft}. Set ${line} in the unit (a drop-in keeps the packaged unit untouched).`,
        fixes: [{ title: units.length === 1 ? dropInTitle(changes, unitNameOf(units[0]), 'limits.conf', line) : `Create limits.conf drop-ins with ${line} for ${names}`, changes, preferred: changes.length === 1 }],
        related: units.map((u) => ({ uri: u.uri, range: u.index.rangeOf(daemonLaunch(ws, u)!.exec.span), message: `${unitNameOf(u)} starts stunnel without LimitNOFILE=` })),
      });
    }
  },
};
