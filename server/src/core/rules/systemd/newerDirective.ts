import { directiveSince } from '../../knowledge/systemd';
import type { Rule } from '../rule';
import { knownEntries } from './context';

export const newerDirective: Rule = {
  id: 'systemd/newer-directive',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A directive newer than the systemd release you target (daemonlint.systemdVersion): that release does not know it and ignores the line.',
  check(ctx) {
    const target = ctx.settings.systemdVersion;
    for (const { e, d } of knownEntries(ctx.doc)) {
      const since = directiveSince(d);
      if (!since || since <= target) continue;
      ctx.report({
        span: e.keySpan,
        message: `${e.key}= appeared in systemd ${d.newer ? 'after 257 (development releases)' : since}, but you target systemd ${target} (daemonlint.systemdVersion): there it is an unknown key and the line is ignored. Raise systemdVersion if all your hosts are newer, or do without the setting.`,
      });
    }
  },
};
