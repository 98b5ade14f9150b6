// PIDFile= against the pid file the started stunnel config writes (`pid =`, inside `chroot` when
// one is set), and PIDFile= under the legacy /var/run/ directory.
import { basename, uriToPath } from '../../paths';
import { globalOption, normalizeRunPath, stunnelPidPath } from '../../workspace/stunnelConfig';
import { daemonLaunch, effectiveValue, expandSpecifiers, instanceFor, isIn, unitFileOf, unitNameOf } from '../../workspace/units';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

export const pidfileMismatch: Rule = {
  id: 'systemd/pidfile-mismatch',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: "PIDFile= is not the file the started stunnel config writes (pid =, under chroot), or it names the legacy /var/run/ directory.",
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const unit = unitFileOf(ws, doc);
    const pidFile = effectiveValue(ws, unit, 'Service', 'PIDFile');
    if (!pidFile || !isIn(doc, pidFile)) return;
    const value = pidFile.value;

    const launch = daemonLaunch(ws, unit);
    let mismatch = false;
    if (launch?.daemon.id === 'stunnel') {
      for (const uri of launch.configs) {
        const config = ws.get(uri);
        if (!config) continue;
        const expanded = expandSpecifiers(value, unitNameOf(unit), instanceFor(launch, uri));
        if (expanded === undefined || !expanded.startsWith('/')) continue;
        const pidLine = globalOption(config, 'pid');
        const writes = stunnelPidPath(config);
        const name = basename(uriToPath(uri));
        const related = [{ uri, range: pidLine ? config.index.rangeOf(pidLine.span) : config.index.lineRange(0), message: pidLine ? `pid file of ${name}` : `${name} sets no pid file` }];
        if (!pidLine || pidLine.value === '') {
          mismatch = true;
          ctx.report({
            span: pidFile.valueSpan,
            message: `PIDFile=${value}, but ${name} ${pidLine ? 'disables the pid file (pid =)' : 'sets no pid = (stunnel 5 writes none by default)'}: the file never appears, so systemd cannot tell the main process${effectiveValue(ws, unit, 'Service', 'Type')?.value === 'forking' ? ' and the forking start fails' : ''}. Set pid = ${expanded} in the config, or remove PIDFile=.`,
            related,
          });
        } else if (writes && normalizeRunPath(expanded) !== writes) {
          mismatch = true;
          const single = launch.configs.length === 1 && !/%/.test(value);
          ctx.report({
            span: pidFile.valueSpan,
            message: `PIDFile=${value}, but ${name} makes stunnel write its pid to ${writes}${globalOption(config, 'chroot') ? ' (pid = is inside the chroot)' : ''}: systemd watches a file that never appears and cannot track the main process. Point PIDFile= at ${writes}.`,
            fixes: single ? [fix(`Use PIDFile=${writes}`, doc, [replaceSpan(doc, pidFile.valueSpan, writes)])] : [],
            related,
          });
        }
      }
    }
    if (!mismatch && /^\/var\/run\//.test(value)) {
      const fixed = normalizeRunPath(value);
      ctx.report({
        span: pidFile.valueSpan,
        severity: 'info',
        message: `PIDFile= under the legacy /var/run/ directory: systemd rewrites it to ${fixed} and logs a warning each time it loads the unit. Write ${fixed}.`,
        fixes: [fix(`Use PIDFile=${fixed}`, doc, [replaceSpan(doc, pidFile.valueSpan, fixed)])],
      });
    }
  },
};
