import type { Rule } from '../rule';
import { isWholeConfig, reportEntry, stunnelLoad, type LoadedEntry } from './load';

export const relativePathWithoutForeground: Rule = {
  id: 'stunnel/relative-path-without-foreground',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A relative pid or output path while stunnel daemonizes (no foreground = yes|quiet); it refuses to start ("... must include full path name").',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!isWholeConfig(load)) return;
    const last: Record<string, LoadedEntry | undefined> = {};
    for (const le of load.global) if (le.opt && ['pid', 'output', 'foreground'].includes(le.opt.name)) last[le.opt.name] = le;
    const fg = last.foreground?.entry.value.toLowerCase();
    if (fg === 'yes' || fg === 'quiet') return;
    for (const [name, what] of [['pid', 'Pid file'], ['output', 'Log file']] as const) {
      const le = last[name];
      if (!le || le.entry.value === '' || le.entry.value.startsWith('/')) continue;
      reportEntry(ctx, load, le, le.entry.valueSpan, {
        message: `${name} = ${le.entry.value} is a relative path, and stunnel runs as a daemon (no 'foreground = yes'), which changes to / first: it refuses to start with "Global options: ${what} must include full path name". Use an absolute path${name === 'pid' ? ', e.g. /run/stunnel/stunnel.pid' : ', e.g. /var/log/stunnel/stunnel.log'}.`,
      });
    }
  },
};
