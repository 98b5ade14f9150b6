import { compareVersions } from '../../knowledge/stunnel';
import { STUNNEL_PROTOCOLS } from '../../knowledge/stunnelExtras';
import { isStunnelInteger } from '../../knowledge/values/stunnel';
import type { Rule } from '../rule';
import { reportEntry, stunnelLoad, type LoadedEntry } from './load';

/** Values and placements that appeared after the option itself, with the first release that accepts them. */
function valueSince(le: LoadedEntry): { since: string; what: string; error: string } | undefined {
  const name = le.opt!.name;
  const v = le.entry.value.toLowerCase();
  if (name === 'foreground' && v === 'quiet') return { since: '5.25', what: 'foreground = quiet', error: "The argument needs to be either 'yes' or 'no'" };
  if (name === 'retry' && isStunnelInteger(v) && !v.startsWith('-')) return { since: '5.70', what: 'a retry delay in milliseconds', error: "The argument needs to be either 'yes' or 'no'" };
  if (name === 'protocol' && STUNNEL_PROTOCOLS[v]?.since) return { since: STUNNEL_PROTOCOLS[v].since!, what: `protocol = ${v}`, error: 'Protocol not supported' };
  if ((name === 'setuid' || name === 'setgid') && !le.global) return { since: '5.24', what: `${name} inside a section`, error: 'Specified option name is not valid here' };
  return undefined;
}

export const newerOption: Rule = {
  id: 'stunnel/newer-option',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'An option or value newer than the stunnel version you target (daemonlint.stunnelVersion, default 5.75); that stunnel refuses it.',
  check(ctx) {
    const target = ctx.settings.stunnelVersion;
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.entries) {
      const opt = le.opt;
      if (!opt) continue;
      if (compareVersions(opt.added, target) > 0) {
        reportEntry(ctx, load, le, le.entry.keySpan, {
          message: `'${opt.name}' was added in stunnel ${opt.added}; stunnel ${target} (the version set in daemonlint.stunnelVersion) does not know it and stops with "Specified option name is not valid here".`,
        });
        continue;
      }
      const later = valueSince(le);
      if (later && compareVersions(later.since, target) > 0) {
        reportEntry(ctx, load, le, le.global || !later.what.includes('inside') ? le.entry.valueSpan : le.entry.keySpan, {
          message: `${later.what} needs stunnel ${later.since}; stunnel ${target} (daemonlint.stunnelVersion) stops with "${later.error}".`,
        });
      }
    }
  },
};
