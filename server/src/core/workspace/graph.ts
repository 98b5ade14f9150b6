// Which files' findings can change when one file changes: the edited file's neighbours.
//   stunnel config  <-> the units that start it (and their drop-ins)
//   unit / drop-in  <-> the unit, its drop-ins, the configs it starts
//   limits.conf     <-> every service (its User=, setuid in the configs, LimitNOFILE=)
//   default/stunnel <-> every unit that starts stunnel
//   system.conf, passwd, group <-> every unit and stunnel config
import type { Workspace } from './workspace';
import { daemonLaunch, isDropIn, isServiceUnit, launchersOf, unitNameOf } from './units';

export function neighbours(ws: Workspace, uri: string): string[] {
  const out = new Set<string>();
  if (ws.isSystemFile(uri)) {
    for (const d of ws.all('systemd-unit')) out.add(d.uri);
    for (const d of ws.all('stunnel')) out.add(d.uri);
    out.delete(uri);
    return [...out];
  }
  const doc = ws.get(uri);
  if (!doc) return [];
  if (doc.dialect === 'stunnel') {
    for (const l of launchersOf(ws, uri)) {
      out.add(l.unit.uri);
      for (const d of ws.dropInsFor(unitNameOf(l.unit))) out.add(d.uri);
    }
    // A config's setuid names the account limits.conf lines are matched against.
    for (const d of ws.all('limits-conf')) out.add(d.uri);
  } else if (doc.dialect === 'systemd-unit') {
    const unit = isDropIn(doc) ? ws.unitNamed(unitNameOf(doc)) : doc;
    if (unit) {
      out.add(unit.uri);
      for (const d of ws.dropInsFor(unitNameOf(unit))) out.add(d.uri);
      for (const c of daemonLaunch(ws, unit)?.configs ?? []) out.add(c);
    }
    if (!unit || isServiceUnit(unit)) {
      for (const d of ws.all('limits-conf')) out.add(d.uri);
      for (const d of ws.all('default-env')) out.add(d.uri);
    }
  } else if (doc.dialect === 'limits-conf') {
    // limits.conf speaks about every service's users.
    for (const u of ws.all('systemd-unit')) if (!isDropIn(u) && isServiceUnit(u)) out.add(u.uri);
  }
  // default-env findings depend on the units; no other file's findings depend on it.
  out.delete(uri);
  return [...out];
}
