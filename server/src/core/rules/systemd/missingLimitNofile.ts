import { SYSTEMD_DEFAULT_NOFILE } from '../../knowledge/daemons';
import type { ParsedDocument } from '../../syntax/ast';
import { basename, uriToPath } from '../../paths';
import { daemonLaunch, effectiveEntries, effectiveValue, isDropIn } from '../../workspace/units';
import type { Workspace } from '../../workspace/workspace';
import { appendSection, fix, insertIntoSection } from '../fixes';
import type { Rule } from '../rule';

/** nofile values limits.conf sets for a user or group, when a limits.conf is in the workspace. */
function limitsConfNofile(ws: Workspace, user: string | undefined, group: string | undefined) {
  let soft: string | undefined;
  let hard: string | undefined;
  let file: ParsedDocument | undefined;
  for (const doc of ws.all('limits-conf')) {
    for (const l of doc.limits) {
      if (l.item !== 'nofile') continue;
      if (l.domain !== user && !(group && l.domain === '@' + group)) continue;
      if (l.type === 'soft' || l.type === '-') soft = l.value;
      if (l.type === 'hard' || l.type === '-') hard = l.value;
      file = doc;
    }
  }
  return file ? { soft, hard, file } : undefined;
}

export const missingLimitNofile: Rule = {
  id: 'systemd/missing-limit-nofile',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A service running a connection-heavy daemon (stunnel, ...) with no LimitNOFILE=: the default soft limit of 1024 caps it (stunnel at ~500 clients).',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    if (isDropIn(doc) || !uriToPath(doc.uri).endsWith('.service')) return;
    const service = doc.sections.find((s) => s.name === 'Service');
    if (!service || !service.headerSpan) return;
    if (effectiveEntries(ws, doc, 'Service', 'LimitNOFILE').length > 0) return;

    const launch = daemonLaunch(ws, doc);
    const user = effectiveValue(ws, doc, 'Service', 'User')?.value;
    const group = effectiveValue(ws, doc, 'Service', 'Group')?.value;
    const fromLimits = user || group ? limitsConfNofile(ws, user, group) : undefined;
    if (!(launch?.daemon.connectionHeavy) && !fromLimits) return;

    const soft = SYSTEMD_DEFAULT_NOFILE.soft;
    const program = launch ? basename(launch.program) : undefined;
    let message: string;
    if (launch?.daemon.clientCap) {
      const cap = launch.daemon.clientCap(soft);
      message = `${program} runs without LimitNOFILE=: systemd starts services with a soft limit of ${soft} open files (limits.conf does not apply to services), which caps ${launch.daemon.id} at about ${cap} concurrent clients (it admits limit×125/256; each client holds two descriptors). Past that it fails with "Too many open files". Set LimitNOFILE= in [Service].`;
    } else if (launch) {
      message = `${program} serves many connections but the unit sets no LimitNOFILE=: systemd gives services a soft limit of ${soft} open files (limits.conf does not apply to services). Set LimitNOFILE= in [Service].`;
    } else {
      message = `limits.conf raises nofile for '${user ?? '@' + group}', but this service does not read limits.conf (pam_limits applies only to login sessions), so it runs with systemd's default soft limit of ${soft}. Set LimitNOFILE= in [Service].`;
    }
    let value = '65536';
    if (fromLimits && (fromLimits.soft || fromLimits.hard)) {
      const s = fromLimits.soft ?? fromLimits.hard!;
      const h = fromLimits.hard ?? fromLimits.soft!;
      value = s === h ? s : `${s}:${h}`;
    } else if (ctx.settings.expectedConnections) {
      value = String(Math.max(4096, Math.ceil((ctx.settings.expectedConnections * 2 + 64) / 1024) * 1024));
    }
    const insert = service ? insertIntoSection(doc, service, [`LimitNOFILE=${value}`]) : appendSection(doc, 'Service', [`LimitNOFILE=${value}`]);
    ctx.report({
      span: service.headerSpan,
      message,
      fixes: [fix(`Add LimitNOFILE=${value} to [Service]`, doc, [insert])],
      related: fromLimits ? [{ uri: fromLimits.file.uri, range: fromLimits.file.index.lineRange(0), message: 'limits.conf sets nofile for this user here' }] : [],
    });
  },
};
