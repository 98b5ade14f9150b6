// Type= of a unit against `foreground` of the stunnel config it starts. stunnel forks into the
// background unless `foreground = yes` (or quiet); systemd must be told which of the two happens.
import { basename, uriToPath } from '../../paths';
import type { Entry, ParsedDocument } from '../../syntax/ast';
import type { Fix, FileEdit } from '../../types';
import { parseSystemdBoolean } from '../../knowledge/values/systemd';
import { globalOption, runsInForeground, serviceSections, stunnelPidPath } from '../../workspace/stunnelConfig';
import { type DaemonLaunch, daemonLaunch, effectiveValue, isIn, isServiceUnit, runningUnitName, unitAndDropIns, unitFileOf } from '../../workspace/units';
import type { Workspace } from '../../workspace/workspace';
import { addSettings, insertLinesAtTop, mergeChanges, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/** Sets `foreground = yes` in a config: rewrites the existing line or adds one at the top. */
function foregroundEdit(config: ParsedDocument, value: 'yes' | 'no'): FileEdit {
  const e = globalOption(config, 'foreground');
  if (e) return { uri: config.uri, edits: [replaceSpan(config, e.valueSpan.end > e.valueSpan.start ? e.valueSpan : { start: e.span.end, end: e.span.end }, value)] };
  return { uri: config.uri, edits: [insertLinesAtTop(config, [`foreground = ${value}`])] };
}

/**
 * Sets Type= in the unit: rewrites the line in force, or adds one after ExecStart=. `extra` lines
 * (PIDFile=) follow the Type= line.
 */
function typeEdit(ws: Workspace, doc: ParsedDocument, unit: ParsedDocument, type: Entry | undefined, exec: Entry, value: string, extra: string[] = []): FileEdit[] {
  const chain = unitAndDropIns(ws, unit);
  if (!type) return addSettings(chain, 'Service', doc, exec.endLine, [`Type=${value}`, ...extra]);
  const replace: FileEdit = { uri: doc.uri, edits: [replaceSpan(doc, type.valueSpan, value)] };
  return extra.length ? mergeChanges([replace], addSettings(chain, 'Service', doc, type.endLine, extra)) : [replace];
}

/**
 * What Type=forking needs next to it so that systemd knows the main process (no
 * systemd/forking-without-pidfile): nothing when PIDFile= is set or GuessMainPID=no, PIDFile=
 * naming the pid file the config writes, or undefined when the config writes none.
 */
function forkingNeeds(ws: Workspace, unit: ParsedDocument, launch: DaemonLaunch, config: ParsedDocument): string[] | undefined {
  if (effectiveValue(ws, unit, 'Service', 'PIDFile')) return [];
  const guess = effectiveValue(ws, unit, 'Service', 'GuessMainPID');
  if (guess && parseSystemdBoolean(guess.value) === false) return [];
  const pid = launch.configs.length === 1 ? stunnelPidPath(config) : undefined;
  return pid ? [`PIDFile=${pid}`] : undefined;
}

const NEEDS_FOREGROUND = ['simple', 'exec', 'idle'];

export const typeForegroundMismatch: Rule = {
  id: 'systemd/type-foreground-mismatch',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: "Type= does not match the started stunnel config's foreground setting: Type=forking with foreground = yes never finishes starting; Type=simple without it loses the daemon; Type=notify is never notified.",
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const unit = unitFileOf(ws, doc);
    if (!isServiceUnit(unit)) return;
    const launch = daemonLaunch(ws, unit);
    if (!launch || launch.daemon.id !== 'stunnel') return;
    const typeEntry = effectiveValue(ws, unit, 'Service', 'Type');
    const type = typeEntry?.value ?? 'simple';
    // The finding sits on Type= when there is one, else on ExecStart=, in the file that holds it.
    const anchor = typeEntry ?? launch.exec;
    if (!isIn(doc, anchor)) return;
    const span = typeEntry ? typeEntry.valueSpan : launch.exec.keySpan;

    for (const uri of launch.configs) {
      const config = ws.get(uri);
      if (!config || serviceSections(config).length === 0) continue; // no services: inetd mode
      const fg = runsInForeground(config);
      const name = basename(uriToPath(uri));
      const unitName = runningUnitName(launch, uri);
      const fgLine = globalOption(config, 'foreground');
      const related = [{ uri, range: fgLine ? config.index.rangeOf(fgLine.span) : config.index.lineRange(0), message: fgLine ? `foreground setting of ${name}` : `${name} has no foreground line: stunnel forks into the background` }];
      let message: string | undefined;
      let fixes: Fix[] = [];
      if (type === 'forking' && fg) {
        message = `Type=forking, but ${name} sets foreground = ${fgLine!.value}: stunnel never forks, so systemd waits for the start to finish until TimeoutStartSec= runs out and then kills ${unitName}. Use Type=simple, or drop foreground from the config.`;
        fixes = [
          { title: 'Use Type=simple', changes: typeEdit(ws, doc, unit, typeEntry, launch.exec, 'simple'), preferred: false },
          { title: `Set foreground = no in ${name}`, changes: [foregroundEdit(config, 'no')], preferred: false },
        ];
      } else if (NEEDS_FOREGROUND.includes(type) && !fg) {
        const what = typeEntry ? `Type=${type}` : 'No Type= (so Type=simple)';
        // Type=forking only with a pid file systemd can watch: without one it would have to guess.
        const needs = forkingNeeds(ws, unit, launch, config);
        message = `${what}, but ${name} does not set foreground = yes: stunnel forks into the background and its first process exits, so systemd considers ${unitName} finished and stops it, killing the tunnel with it. Set foreground = yes in the config (stunnel then logs to the journal), or use Type=forking${needs ? '' : ' with a pid file (pid = in the config, PIDFile= in the unit)'}.`;
        fixes = [{ title: `Set foreground = yes in ${name}`, changes: [foregroundEdit(config, 'yes')], preferred: false }];
        if (needs) fixes.push({ title: needs.length ? `Use Type=forking with ${needs.join(', ')}` : 'Use Type=forking', changes: typeEdit(ws, doc, unit, typeEntry, launch.exec, 'forking', needs), preferred: false });
      } else if (type === 'notify' || type === 'notify-reload') {
        const right = fg ? 'simple' : 'forking';
        const needs = fg ? [] : forkingNeeds(ws, unit, launch, config);
        const advice = needs ? `use Type=${right}` : 'use Type=forking with a pid file (pid = in the config, PIDFile= in the unit), or foreground = yes with Type=simple';
        message = `Type=${type}, but stunnel never sends the readiness notification, so the start of ${unitName} times out after TimeoutStartSec=. With ${name} ${fg ? 'in the foreground' : 'forking into the background'}, ${advice}.`;
        if (needs) {
          fixes = [{ title: needs.length ? `Use Type=${right} with ${needs.join(', ')}` : `Use Type=${right}`, changes: typeEdit(ws, doc, unit, typeEntry, launch.exec, right, needs), preferred: true }];
        } else {
          // Forking without a pid file would leave systemd guessing: run it in the foreground instead.
          fixes = [{ title: `Use Type=simple and set foreground = yes in ${name}`, changes: [...typeEdit(ws, doc, unit, typeEntry, launch.exec, 'simple'), foregroundEdit(config, 'yes')], preferred: false }];
        }
      }
      if (message) ctx.report({ span, message, fixes, related });
    }
  },
};
