import { splitAddress } from '../../knowledge/values/stunnel';
import { launchersOf, serviceUser } from '../../workspace/units';
import type { Rule } from '../rule';
import { isWholeConfig, reportEntry, spanOfLoaded, stunnelLoad } from './load';

export const setuidLowPort: Rule = {
  id: 'stunnel/setuid-low-port',
  dialect: 'stunnel',
  severity: 'info',
  summary: 'Global setuid together with an accept port below 1024: after a reload (SIGHUP) stunnel runs unprivileged and cannot bind those ports again.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const setuid = load.global.filter((le) => le.opt?.name === 'setuid').pop();
    if (!setuid || ['root', '0', ''].includes(setuid.entry.value)) return;
    // Started only by units with a User= other than root (or DynamicUser=): stunnel never runs as
    // root there, so it neither binds as root nor switches users. systemd/user-setuid-conflict and
    // systemd/privileged-port-without-capability report what goes wrong in that case.
    const launchers = launchersOf(ctx.workspace, ctx.doc.uri);
    if (launchers.length > 0 && launchers.every((l) => !serviceUser(ctx.workspace, l.unit).root)) return;
    const low = load.entries.filter((le) => {
      if (le.opt?.name !== 'accept') return false;
      const a = splitAddress(le.entry.value);
      return !!a && /^\d+$/.test(a.port) && Number(a.port) > 0 && Number(a.port) < 1024;
    });
    if (!low.length) return;
    const ports = [...new Set(low.map((le) => splitAddress(le.entry.value)!.port))].join(', ');
    reportEntry(ctx, load, setuid, spanOfLoaded(setuid), {
      message: `stunnel binds port${low.length > 1 ? 's' : ''} ${ports} as root and then switches to user '${setuid.entry.value}'. A reload (SIGHUP) that adds or changes a service on a port below 1024 cannot bind it any more: restart stunnel instead of reloading, or grant CAP_NET_BIND_SERVICE.`,
      related: low.map((le) => ({ uri: le.doc.uri, range: le.doc.index.rangeOf(spanOfLoaded(le)), message: 'privileged port' })),
    });
  },
};
