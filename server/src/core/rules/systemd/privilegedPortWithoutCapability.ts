// A stunnel config accepting on a port below 1024, started by a unit whose User= is not root and
// that grants no CAP_NET_BIND_SERVICE: the bind fails ("Binding service [x] to ...: Permission
// denied (13)", then "Binding service [x] failed") and stunnel exits (seen with stunnel 5.68).
import { basename, uriToPath } from '../../paths';
import { acceptPorts } from '../../workspace/stunnelConfig';
import { ambientCapabilities, runningUnitName, unitAndDropIns, unprivilegedStunnel } from '../../workspace/units';
import { addSettings, fixChanges, sectionEndLine } from '../fixes';
import type { Rule } from '../rule';

export const privilegedPortWithoutCapability: Rule = {
  id: 'systemd/privileged-port-without-capability',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'The started stunnel config accepts on a port below 1024, but the unit runs it as a non-root User= without AmbientCapabilities=CAP_NET_BIND_SERVICE: the bind fails.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const found = unprivilegedStunnel(ws, doc);
    if (!found || ambientCapabilities(ws, found.unit).has('CAP_NET_BIND_SERVICE')) return;
    const { user, anchor, launch } = found;

    for (const uri of launch.configs) {
      const config = ws.get(uri);
      if (!config) continue;
      const low = acceptPorts(config).filter((a) => a.port > 0 && a.port < 1024);
      if (low.length === 0) continue;
      const name = basename(uriToPath(uri));
      const list = low.map((a) => `${a.entry.value} [${a.section.name}]`).join(', ');
      const service = doc.sections.find((s) => s.name === 'Service');
      const line = 'AmbientCapabilities=CAP_NET_BIND_SERVICE';
      ctx.report({
        span: anchor.valueSpan,
        message: `${runningUnitName(launch, uri)} runs stunnel as ${user.entry ? `User=${user.name}` : 'a dynamic user'}, and ${name} accepts on ${low.length === 1 ? 'a port' : 'ports'} below 1024 (${list}). Only root or a process with CAP_NET_BIND_SERVICE may bind those: stunnel exits with "Binding service [${low[0].section.name}] failed" (Permission denied). Add ${line}.`,
        // After any later empty or ~ list of capabilities, which would take it away again.
        fixes: [fixChanges(`Add ${line}`, addSettings(unitAndDropIns(ws, found.unit), 'Service', doc, service ? sectionEndLine(service) : undefined, [line], (e) => e.value === '' || e.value.startsWith('~')))],
        related: low.map((a) => ({ uri, range: config.index.rangeOf(a.entry.span), message: `port ${a.port} in [${a.section.name}]` })),
      });
    }
  },
};
