import { plainWords, userNameVerdict } from '../../knowledge/values/systemd';
import { valueSubSpan } from '../../syntax/ast';
import type { Rule } from '../rule';
import { knownEntries } from './context';

const NOBODY = ['nobody', '65534'];

export const userName: Rule = {
  id: 'systemd/user-name',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'User=/Group= values systemd accepts only with a warning: User=nobody (shared with unrelated processes) and names outside the portable rules.',
  check(ctx) {
    for (const { e, d } of knownEntries(ctx.doc)) {
      if (d.type !== 'user-or-group' && d.type !== 'user-or-group-list') continue;
      for (const w of d.type === 'user-or-group' ? [{ text: e.value, start: 0, end: e.value.length }] : plainWords(e.value)) {
        if (w.text === '') continue;
        const span = valueSubSpan(e, w.start, w.end);
        if (NOBODY.includes(w.text) && e.key === 'User') {
          ctx.report({ span, message: `${e.key}=${w.text}: systemd warns that this is not safe. The user is shared by every other program that runs as ${w.text} and by files no one owns (e.g. on NFS), so they can interfere with each other. Use DynamicUser=yes or a dedicated system user.` });
        } else if (userNameVerdict(w.text) === 'lax') {
          ctx.report({ span, message: `'${w.text}' does not follow the portable rules for user and group names (letters, digits, _ and -, not starting with a digit or '-', at most 31 characters); systemd accepts it with a warning, but other tools may not.` });
        }
      }
    }
  },
};
