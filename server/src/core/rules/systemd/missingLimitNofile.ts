// A service that runs a connection-heavy daemon (or whose user has nofile raised in limits.conf)
// with no LimitNOFILE= in the unit or its drop-ins: it runs with the manager's default soft limit.
// Reported on the unit and on every stunnel config the unit starts.
import { formatCount, suggestedNofile } from '../../knowledge/daemons';
import { basename, uriToPath } from '../../paths';
import type { ParsedDocument } from '../../syntax/ast';
import type { Fix, RelatedInfo } from '../../types';
import { limitsNofileFor, limitValueFrom } from '../../workspace/serviceLimits';
import { serviceSections } from '../../workspace/stunnelConfig';
import { type DaemonLaunch, daemonLaunch, effectiveEntries, unitAndDropIns, effectiveSoft, isDropIn, isServiceUnit, isVendorUnit, launchersOf, managerNofile, runningUnitName, unitNameOf } from '../../workspace/units';
import type { Workspace } from '../../workspace/workspace';
import { dropInChanges, dropInTitle } from '../dropIn';
import { addSettings, resetsIn, sectionEndLine } from '../fixes';
import type { Rule, RuleContext } from '../rule';

interface Problem {
  unit: ParsedDocument;
  launch: DaemonLaunch | undefined;
  soft: number;
  /** Where the soft limit comes from, for messages. */
  origin: string;
  managerRelated: RelatedInfo[];
  limits: ReturnType<typeof limitsNofileFor>;
  value: string;
  /** The systemd release the unit is checked for. */
  version: number;
}

/** The unit's problem, or undefined when it has a limit (or needs none). */
function problemOf(ws: Workspace, unit: ParsedDocument, expected: number | null, version: number): Problem | undefined {
  if (isDropIn(unit) || !isServiceUnit(unit)) return undefined;
  if (!unit.sections.some((s) => s.name === 'Service')) return undefined;
  if (effectiveEntries(ws, unit, 'Service', 'LimitNOFILE', version).length > 0) return undefined;
  const launch = daemonLaunch(ws, unit);
  const limits = limitsNofileFor(ws, unit);
  const manager = managerNofile(ws, unit.uri);
  const soft = effectiveSoft(manager.soft);
  const raised = manager.source === 'manager' && soft > 1024;
  const cap = launch?.daemon.clientCap?.(soft);
  const heavy = !!launch?.daemon.connectionHeavy && (!raised || (expected !== null && cap !== undefined && cap < expected));
  const limitsSoft = limits ? Number(limits.soft ?? limits.hard) : NaN;
  const fromLimits = !!limits && !(Number.isFinite(limitsSoft) && limitsSoft <= soft);
  if (!heavy && !fromLimits) return undefined;

  let value = limits ? limitValueFrom(limits) : undefined;
  if (!value) value = String(expected ? suggestedNofile(launch?.daemon, expected) : 65536);
  const origin = manager.source === 'manager' ? `DefaultLimitNOFILE=${manager.manager!.value} in system.conf` : `systemd's default of ${manager.soft}:${manager.hard}`;
  const managerRelated = manager.manager ? [{ uri: manager.manager.uri, range: manager.manager.range, message: 'the manager default services get' }] : [];
  return { unit, launch, soft, origin, managerRelated, limits, value, version };
}

/** Add the limit in the unit (ours to edit) or in a drop-in (for a vendor unit under lib/systemd). */
function fixesFor(ws: Workspace, p: Problem, preferred: boolean): Fix[] {
  const line = `LimitNOFILE=${p.value}`;
  const name = unitNameOf(p.unit);
  const chain = unitAndDropIns(ws, p.unit);
  const service = p.unit.sections.find((s) => s.name === 'Service');
  // An empty LimitNOFILE= read later (a later [Service], a drop-in) would undo a line added before
  // it, where systemd takes it as a reset: the line then goes right after the last reset.
  const inUnit = addSettings(chain, 'Service', p.unit, service ? sectionEndLine(service) : undefined, [line], resetsIn(p.version));
  const elsewhere = inUnit.find((c) => c.uri !== p.unit.uri);
  if (elsewhere) {
    return [{ title: `Add ${line} after the reset in ${basename(uriToPath(elsewhere.uri))}`, changes: inUnit, preferred: false }];
  }
  const inDropIn = dropInChanges(ws, p.unit, 'limits.conf', [line]);
  const dropIn: Fix = { title: dropInTitle(inDropIn, name, 'limits.conf', line), changes: inDropIn, preferred };
  if (isVendorUnit(p.unit)) return [dropIn];
  return [{ title: `Add ${line} to [Service]`, changes: inUnit, preferred }, { ...dropIn, preferred: false }];
}

function capText(p: Problem): string {
  const cap = p.launch?.daemon.clientCap?.(p.soft);
  return cap === undefined ? '' : `, which caps ${p.launch!.daemon.id} at about ${formatCount(cap)} concurrent clients (it admits limit×125/256; each client holds two descriptors). Past that it fails with "Too many open files"`;
}

function checkUnit(ctx: RuleContext): void {
  const { doc, workspace: ws } = ctx;
  const p = problemOf(ws, doc, ctx.settings.expectedConnections, ctx.settings.systemdVersion);
  if (!p) return;
  const service = doc.sections.find((s) => s.name === 'Service')!;
  const program = p.launch ? basename(p.launch.program) : undefined;
  let message: string;
  if (p.launch?.daemon.connectionHeavy) {
    message = `${program} runs without LimitNOFILE=: the service gets a soft limit of ${p.soft} open files (${p.origin}; limits.conf does not apply to services)${capText(p)}. Set LimitNOFILE= in [Service].`;
  } else {
    message = `limits.conf raises nofile for '${p.limits!.domain}', but this service does not read limits.conf (pam_limits applies only to login sessions), so it runs with a soft limit of ${p.soft} (${p.origin}). Set LimitNOFILE= in [Service].`;
  }
  const related: RelatedInfo[] = [...p.managerRelated];
  if (p.limits) {
    const first = p.limits.lines[0];
    related.push({ uri: first.doc.uri, range: first.doc.index.rangeOf(first.line.span), message: `limits.conf sets nofile for '${p.limits.domain}' here` });
  }
  for (const c of p.launch?.configs ?? []) {
    const config = ws.get(c);
    if (config) related.push({ uri: c, range: config.index.lineRange(0), message: `${p.launch!.daemon.id} config started by this unit` });
  }
  ctx.report({ span: service.headerSpan!, message, fixes: fixesFor(ws, p, true), related });
}

/** Units named in one finding on the config before the rest are counted. */
const NAMED_UNITS = 5;

function checkConfig(ctx: RuleContext): void {
  const { doc, workspace: ws } = ctx;
  const first = serviceSections(doc)[0];
  if (!first?.nameSpan) return;
  const found: { launch: DaemonLaunch; p: Problem }[] = [];
  for (const launch of launchersOf(ws, doc.uri)) {
    const p = problemOf(ws, launch.unit, ctx.settings.expectedConnections, ctx.settings.systemdVersion);
    if (p && p.launch?.daemon.connectionHeavy) found.push({ launch, p });
  }
  const related = ({ launch }: { launch: DaemonLaunch }): RelatedInfo => {
    const service = launch.unit.sections.find((s) => s.name === 'Service')!;
    return { uri: launch.unit.uri, range: launch.unit.index.rangeOf(service.headerSpan!), message: `${unitNameOf(launch.unit)} has no LimitNOFILE=` };
  };
  // Several units with the same limit: one finding that names them (each unit has its own, with the fix).
  const same = found.length > 1 && found.every(({ p }) => p.soft === found[0].p.soft && p.origin === found[0].p.origin);
  if (same) {
    const p = found[0].p;
    const names = found.map(({ launch }) => runningUnitName(launch, doc.uri));
    const listed = names.length > NAMED_UNITS ? `${names.slice(0, NAMED_UNITS).join(', ')} and ${names.length - NAMED_UNITS} more` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    ctx.report({
      span: first.nameSpan,
      message: `Started by ${names.length} units that set no LimitNOFILE= (${listed}): stunnel gets a soft limit of ${p.soft} open files (${p.origin})${capText(p)}. The cap is shared by every service in this file. Set LimitNOFILE= in each unit.`,
      related: [...found.slice(0, 20).map(related), ...p.managerRelated],
    });
    return;
  }
  for (const { launch, p } of found) {
    const unitName = runningUnitName(launch, doc.uri);
    const message = `Started by ${unitName}, which sets no LimitNOFILE=: stunnel gets a soft limit of ${p.soft} open files (${p.origin})${capText(p)}. The cap is shared by every service in this file. Set LimitNOFILE= in the unit.`;
    ctx.report({
      span: first.nameSpan,
      message,
      // The fix edits the unit, so fix-all on this file leaves it to the unit's own finding.
      fixes: fixesFor(ws, p, false),
      related: [related({ launch }), ...p.managerRelated],
    });
  }
}

export const missingLimitNofile: Rule = {
  id: 'systemd/missing-limit-nofile',
  dialect: 'systemd-unit',
  alsoChecks: ['stunnel'],
  severity: 'warning',
  summary: 'A service running a connection-heavy daemon (stunnel, ...) with no LimitNOFILE= in the unit or its drop-ins: the default soft limit of 1024 caps it (stunnel at ~500 clients). Also shown on the stunnel config it starts.',
  check(ctx) {
    if (ctx.doc.dialect === 'stunnel') checkConfig(ctx);
    else checkUnit(ctx);
  },
};
