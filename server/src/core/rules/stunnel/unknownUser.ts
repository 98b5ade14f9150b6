import type { Rule } from '../rule';
import { reportEntry, resolveRef, stunnelLoad } from './load';

function names(text: string | undefined): Set<string> | undefined {
  if (text === undefined) return undefined;
  return new Set(text.split('\n').map((l) => l.split(':')[0]).filter((n) => n && !n.startsWith('#')));
}

export const unknownUser: Rule = {
  id: 'stunnel/unknown-user',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'setuid or setgid naming a user or group that this machine does not have (checked only for deployed configurations); stunnel stops with "Illegal UID"/"Illegal GID".',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    if (!load.live) return;
    const reader = ctx.workspace.reader!;
    const tables: Record<string, Set<string> | undefined | null> = { setuid: null, setgid: null };
    for (const le of load.entries) {
      const name = le.opt?.name;
      if (name !== 'setuid' && name !== 'setgid') continue;
      const v = le.entry.value;
      if (v === '' || /^[-+]?\d+$/.test(v)) continue;
      const file = name === 'setuid' ? '/etc/passwd' : '/etc/group';
      if (tables[name] === null) tables[name] = names(reader.readFile(resolveRef(ctx.workspace, load.root, file)));
      const known = tables[name];
      if (!known || known.has(v)) continue;
      reportEntry(ctx, load, le, le.entry.valueSpan, {
        message: `There is no ${name === 'setuid' ? 'user' : 'group'} '${v}' in ${file} on this machine: stunnel stops with "Illegal ${name === 'setuid' ? 'UID' : 'GID'}". Create it (e.g. ${name === 'setuid' ? 'useradd --system' : 'groupadd --system'} ${v}) or use an existing one.`,
      });
    }
  },
};
