import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

export const deprecatedValue: Rule = {
  id: 'systemd/deprecated-value',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A value systemd still accepts but warns about: StandardOutput=syslog (now the journal), KillMode=none (leaves processes behind).',
  check(ctx) {
    const doc = ctx.doc;
    for (const { e, d } of knownEntries(doc)) {
      if (d.type === 'std-output' && (e.value === 'syslog' || e.value === 'syslog+console')) {
        const to = e.value.replace('syslog', 'journal');
        ctx.report({
          span: e.valueSpan,
          tags: ['deprecated'],
          message: `${e.key}=${e.value} is obsolete: systemd treats it as ${to} (the journal forwards to syslog when a syslog daemon runs). Write ${to}${e.key === 'StandardOutput' && to === 'journal' ? ', or drop the line: journal is the default' : ''}.`,
          fixes: [fix(`Use ${to}`, doc, [replaceSpan(doc, e.valueSpan, to)])],
        });
      } else if (e.key === 'KillMode' && e.value === 'none') {
        ctx.report({
          span: e.valueSpan,
          tags: ['deprecated'],
          message: 'KillMode=none is deprecated and unsafe: on stop systemd kills nothing and forgets processes that are still running, so they survive restarts and escape resource control. Use KillMode=mixed (SIGTERM to the main process, SIGKILL to the rest) or control-group.',
          fixes: [fix('Use KillMode=mixed', doc, [replaceSpan(doc, e.valueSpan, 'mixed')], false)],
        });
      }
    }
  },
};
