// User=, Group= and SupplementaryGroups= naming an account that the workspace's passwd or group
// file does not have. systemd then refuses to start the service (status 217/USER, 216/GROUP).
import { effectiveValue, unitFileOf } from '../../workspace/units';
import { accountsFor, unknownAccount } from '../accounts';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

const KEYS: Record<string, 'user' | 'group'> = { User: 'user', Group: 'group', SupplementaryGroups: 'group' };

export const systemdUnknownAccount: Rule = {
  id: 'systemd/unknown-account',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'User=, Group= or SupplementaryGroups= names an account missing from the passwd or group file in the workspace: the service fails to start.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const accounts = accountsFor(ws, doc.uri);
    if (!accounts.users && !accounts.groups) return;
    const dyn = effectiveValue(ws, unitFileOf(ws, doc), 'Service', 'DynamicUser');
    const dynamic = !!dyn && /^(1|yes|y|true|t|on)$/i.test(dyn.value);
    for (const s of doc.sections) {
      if (s.name !== 'Service') continue;
      for (const e of s.entries) {
        const kind = KEYS[e.key];
        if (!kind) continue;
        // With DynamicUser=yes systemd allocates a missing User=/Group= itself.
        if (dynamic && e.key !== 'SupplementaryGroups') continue;
        let offset = 0;
        for (const name of e.value.split(/(\s+)/)) {
          const start = offset;
          offset += name.length;
          if (/^\s*$/.test(name)) continue;
          const miss = unknownAccount(accounts, kind, name);
          if (!miss) continue;
          const span = { start: e.valueSpan.start + start, end: e.valueSpan.start + start + name.length };
          const status = kind === 'user' ? '217/USER' : '216/GROUP';
          ctx.report({
            span,
            message: `${e.key}=${name}: there is no ${kind} '${name}' in ${miss.file}, so systemd fails to start the service (status ${status}).${miss.suggestion ? ` Did you mean '${miss.suggestion}'?` : ''} Create the account (e.g. a sysusers.d entry) or name an existing one.`,
            fixes: miss.suggestion ? [fix(`Use ${kind} '${miss.suggestion}'`, doc, [replaceSpan(doc, span, miss.suggestion)], false)] : [],
            related: [{ uri: miss.fileUri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `the ${kind} accounts of this system` }],
          });
        }
      }
    }
  },
};
