import { stunnelOption } from '../../knowledge/stunnel';
import type { ParsedDocument } from '../../syntax/ast';
import { joinPath } from '../../paths';
import { daemonLaunch, effectiveValue, isDropIn, unitNameOf } from '../../workspace/units';
import type { Workspace } from '../../workspace/workspace';
import { fix, insertLinesAfter } from '../fixes';
import type { Rule } from '../rule';

/** The pid file a stunnel config makes stunnel write, as seen from outside a chroot. */
export function stunnelPidPath(config: ParsedDocument): string | undefined {
  let pid: string | undefined;
  let chroot: string | undefined;
  for (const e of config.sections[0].entries) {
    const opt = stunnelOption(e.key);
    if (opt?.name === 'pid') pid = e.value;
    if (opt?.name === 'chroot') chroot = e.value;
  }
  if (!pid || !pid.startsWith('/')) return undefined;
  const full = chroot ? joinPath(chroot, pid) : pid;
  // /var/run is a symlink to /run; systemd warns about PIDFile= under the legacy path.
  return full.replace(/^\/var\/run\//, '/run/');
}

function unitFileOf(ws: Workspace, doc: ParsedDocument): ParsedDocument {
  return isDropIn(doc) ? (ws.unitNamed(unitNameOf(doc)) ?? doc) : doc;
}

export const forkingWithoutPidfile: Rule = {
  id: 'systemd/forking-without-pidfile',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'Type=forking with no PIDFile=: systemd must guess the main process; the fix names the pid file the daemon writes.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const unit = unitFileOf(ws, doc);
    const type = effectiveValue(ws, unit, 'Service', 'Type');
    if (!type || type.value !== 'forking' || type.section.name !== 'Service') return;
    // Report only in the file whose line is in force.
    if (!doc.sections.some((s) => s.entries.includes(type))) return;
    if (effectiveValue(ws, unit, 'Service', 'PIDFile')) return;

    const launch = daemonLaunch(ws, unit);
    const config = launch?.configs.length === 1 ? ws.get(launch.configs[0]) : undefined;
    const pid = config ? stunnelPidPath(config) : undefined;
    let message = 'Type=forking without PIDFile=: systemd has to guess which process is the main one after the fork, and a wrong guess breaks stop, reload and restart.';
    if (pid) message += ` The stunnel config writes its pid to ${pid}; name it with PIDFile=${pid}.`;
    else if (config) message += ' The stunnel config sets no pid file (pid =); set one there and name it with PIDFile=, or use foreground = yes with Type=simple.';
    else message += ' Name the pid file the daemon writes with PIDFile=.';
    ctx.report({
      span: type.valueSpan,
      message,
      fixes: pid ? [fix(`Add PIDFile=${pid}`, doc, [insertLinesAfter(doc, type.endLine, [`PIDFile=${pid}`])])] : [],
      related: config ? [{ uri: config.uri, range: config.index.lineRange(0), message: 'stunnel config started by this unit' }] : [],
    });
  },
};
