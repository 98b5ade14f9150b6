// Type=forking with no PIDFile=: systemd guesses the main process after the fork. When the unit
// starts a stunnel config that writes a pid file, the fix names that file.
import { stunnelPidPath } from '../../workspace/stunnelConfig';
import { parseSystemdBoolean } from '../../knowledge/values/systemd';
import { daemonLaunch, effectiveValue, isIn, unitFileOf } from '../../workspace/units';
import { fix, insertLinesAfter } from '../fixes';
import type { Rule } from '../rule';

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
