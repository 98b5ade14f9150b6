// LimitNOFILE= of a unit that runs stunnel, against daemonlint.expectedConnections: stunnel admits
// soft×125/256 clients (soft ≥ 256), so a limit can be set and still be too low for the load.
import { formatCount, suggestedNofile } from '../../knowledge/daemons';
import { daemonLaunch, effectiveNofile, effectiveSoft, isIn, unitFileOf } from '../../workspace/units';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

export const nofileBelowExpectedConnections: Rule = {
  id: 'systemd/nofile-below-expected-connections',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'The LimitNOFILE= in force caps the daemon below daemonlint.expectedConnections (stunnel admits soft×125/256 clients). Off until that setting is set.',
  check(ctx) {
    const expected = ctx.settings.expectedConnections;
    if (!expected) return;
    const { doc, workspace: ws } = ctx;
    const unit = unitFileOf(ws, doc);
    const launch = daemonLaunch(ws, unit);
    if (!launch?.daemon.clientCap) return;
    const limit = effectiveNofile(ws, unit);
    // Without a LimitNOFILE= line, systemd/missing-limit-nofile speaks.
    if (limit.source !== 'unit' || !isIn(doc, limit.entry)) return;
    const soft = effectiveSoft(limit.soft);
    const cap = launch.daemon.clientCap(soft);
    if (cap >= expected) return;
    const value = String(suggestedNofile(launch.daemon, expected));
    ctx.report({
      span: limit.entry.valueSpan,
      message: `LimitNOFILE=${limit.entry.value} gives ${launch.daemon.id} a soft limit of ${soft} open files, so it admits about ${formatCount(cap)} concurrent clients, fewer than the ${formatCount(expected)} expected (daemonlint.expectedConnections). Raise it to at least LimitNOFILE=${value}.`,
      fixes: [fix(`Use LimitNOFILE=${value}`, doc, [replaceSpan(doc, limit.entry.valueSpan, value)])],
    });
  },
};
