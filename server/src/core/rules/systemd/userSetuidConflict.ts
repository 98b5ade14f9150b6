// User= in the unit together with setuid/setgid in the stunnel config it starts. systemd already
// runs stunnel as that user, and a process that is not root may not switch accounts: stunnel
// exits with "setuid: Operation not permitted (1)" or "setgroups: Operation not permitted (1)"
// (both seen with stunnel 5.68).
import { stunnelOption } from '../../knowledge/stunnel';
import { basename, uriToPath } from '../../paths';
import type { Entry } from '../../syntax/ast';
import { globalOption } from '../../workspace/stunnelConfig';
import { ambientCapabilities, runningUnitName, unprivilegedStunnel } from '../../workspace/units';
import { deleteEntry } from '../fixes';
import type { Rule } from '../rule';

export const userSetuidConflict: Rule = {
  id: 'systemd/user-setuid-conflict',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'User= in the unit and setuid/setgid in the stunnel config it starts: stunnel, already unprivileged, cannot switch accounts and exits (or the setting is redundant).',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const found = unprivilegedStunnel(ws, doc);
    if (!found) return;
    const { unit, user, anchor, launch } = found;
    const caps = ambientCapabilities(ws, unit);

    for (const uri of launch.configs) {
      const config = ws.get(uri);
      if (!config) continue;
      const setuid = globalOption(config, 'setuid');
      const setgid = globalOption(config, 'setgid');
      const lines = [setuid, setgid].filter((e): e is Entry => !!e && e.value !== '');
      if (lines.length === 0) continue;
      const name = basename(uriToPath(uri));
      const unitName = runningUnitName(launch, uri);
      const failsGid = !!setgid && setgid.value !== '' && !caps.has('CAP_SETGID');
      const failsUid = !!setuid && setuid.value !== '' && setuid.value !== user.name && !caps.has('CAP_SETUID');
      const who = user.entry ? `User=${user.name}` : 'DynamicUser=yes';
      let message: string;
      let severity: 'error' | 'info' = 'error';
      if (failsGid) {
        message = `${unitName} runs stunnel as ${who}, and ${name} sets setgid = ${setgid!.value}: a process that is not root may not change its groups, so stunnel exits at start with "setgroups: Operation not permitted (1)". Let systemd drop privileges (User=, Group=) and remove setuid/setgid from the config.`;
      } else if (failsUid) {
        message = `${unitName} runs stunnel as ${who}, and ${name} sets setuid = ${setuid!.value}: a process that is not root may not switch to another user, so stunnel exits at start with "setuid: Operation not permitted (1)". Remove setuid from the config (systemd already drops privileges), or make the two agree.`;
      } else {
        severity = 'info';
        message = `${unitName} already runs stunnel as ${who}; setuid = ${setuid!.value} in ${name} repeats it. Remove it so the account is set in one place.`;
      }
      // Every line of those options in the global part: deleting only the last would bring an earlier one back.
      const names = new Set<string>(lines.map((e) => (e === setuid ? 'setuid' : 'setgid')));
      const edits = config.sections[0].entries.filter((e) => names.has(stunnelOption(e.key)?.name ?? '')).map((e) => deleteEntry(config, e));
      ctx.report({
        span: anchor.valueSpan,
        severity,
        message,
        // The edit is in the config, so fix-all on the unit leaves it to the user.
        fixes: [{ title: `Remove ${lines.map((e) => e.key).join(' and ')} from ${name}`, changes: [{ uri, edits }], preferred: false }],
        related: lines.map((e) => ({ uri, range: config.index.rangeOf(e.span), message: `${e.key} in ${name}` })),
      });
    }
  },
};
