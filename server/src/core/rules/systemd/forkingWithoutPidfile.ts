// Type=forking with no PIDFile=: systemd guesses the main process after the fork. When the unit
// starts a stunnel config that writes a pid file, the fix names that file.
import { runsInForeground, serviceSections, stunnelPidPath } from '../../workspace/stunnelConfig';
import { parseSystemdBoolean } from '../../knowledge/values/systemd';
import { daemonLaunch, effectiveValue, isIn, unitFileOf } from '../../workspace/units';
import { fix, insertLinesAfter } from '../fixes';
import type { Rule } from '../rule';
import type { ParsedDocument } from '../../syntax/ast';

/** A stunnel config with services that stays in the foreground (what type-foreground-mismatch reports). */
function neverForks(config: ParsedDocument | undefined): boolean {
  return !!config && serviceSections(config).length > 0 && runsInForeground(config);
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
    if (!type || type.value !== 'forking') return;
    // Report only in the file whose line is in force.
    if (!isIn(doc, type)) return;
    if (effectiveValue(ws, unit, 'Service', 'PIDFile')) return;
    // GuessMainPID=no: the unit asked systemd not to guess (rc-local.service does this).
    const guess = effectiveValue(ws, unit, 'Service', 'GuessMainPID');
    if (guess && parseSystemdBoolean(guess.value) === false) return;

    const launch = daemonLaunch(ws, unit);
    // Every config it starts stays in the foreground: stunnel never forks, so there is no pid file
    // to name. systemd/type-foreground-mismatch reports the Type= itself; advice on PIDFile= would
    // contradict it.
    if (launch?.daemon.id === 'stunnel' && launch.configs.length > 0 && launch.configs.every((u) => neverForks(ws.get(u)))) return;
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
