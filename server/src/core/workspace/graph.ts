// Which files' findings can change when one file changes: the edited file and its neighbours.
import { uriToPath } from '../paths';
import type { Workspace } from './workspace';
import { daemonLaunch, isDropIn, launchersOf, unitNameOf } from './units';

export function neighbours(ws: Workspace, uri: string): string[] {
  const doc = ws.get(uri);
  if (!doc) return [];
  const out = new Set<string>();
  if (doc.dialect === 'stunnel') {
    for (const l of launchersOf(ws, uri)) {
      out.add(l.unit.uri);
      for (const d of ws.dropInsFor(unitNameOf(l.unit))) out.add(d.uri);
    }
  } else if (doc.dialect === 'systemd-unit') {
    const unit = isDropIn(doc) ? ws.unitNamed(unitNameOf(doc)) : doc;
    if (unit) {
      out.add(unit.uri);
      for (const d of ws.dropInsFor(unitNameOf(unit))) out.add(d.uri);
      for (const c of daemonLaunch(ws, unit)?.configs ?? []) out.add(c);
    }
  } else {
    // limits.conf speaks about every service's users.
    for (const u of ws.all('systemd-unit')) if (uriToPath(u.uri).endsWith('.service')) out.add(u.uri);
  }
  out.delete(uri);
  return [...out];
}
