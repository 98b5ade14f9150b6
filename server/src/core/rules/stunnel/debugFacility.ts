import { isDebugLevel, isFacility } from '../../knowledge/values/stunnel';
import { STUNNEL_FACILITIES } from '../../knowledge/stunnelExtras';
import { valueSubSpan } from '../../syntax/ast';
import { closest } from '../../text';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, stunnelLoad } from './load';

export const debugFacility: Rule = {
  id: 'stunnel/debug-facility',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'debug = FACILITY.LEVEL problems: a facility with no level (stunnel crashes), an unknown facility, or a facility inside a section.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.entries) {
      if (le.opt?.name !== 'debug') continue;
      const e = le.entry;
      const v = e.value;
      if (!v.includes('.')) continue;
      if (!le.global) {
        const level = v.slice(v.lastIndexOf('.') + 1);
        reportEntry(ctx, load, le, e.valueSpan, {
          message: `A syslog facility is allowed only in the global part; inside a section stunnel reads '${v}' as a level and stops with "Illegal debug level". Write just the level here${isDebugLevel(level) ? ` (${level})` : ''} and set the facility in the global part.`,
          fixes: isDebugLevel(level) ? [fix(`Write debug = ${level}`, le.doc, [replaceSpan(le.doc, e.valueSpan, level)])] : [],
        });
        continue;
      }
      // stunnel splits with strtok(arg, "."): leading dots are skipped, the first token is the facility.
      const lead = v.length - v.replace(/^\.+/, '').length;
      const rest = v.slice(lead);
      const dot = rest.indexOf('.');
      const facility = dot < 0 ? rest : rest.slice(0, dot);
      const after = dot < 0 ? '' : rest.slice(dot + 1).replace(/^\.+/, '');
      const level = after.split('.')[0];
      if (!isFacility(facility)) {
        reportEntry(ctx, load, le, valueSubSpan(e, lead, lead + facility.length), {
          message: `'${facility}' is not a syslog facility stunnel knows (${STUNNEL_FACILITIES.join(', ')}); it stops with "Illegal syslog facility".${closest(facility.toLowerCase(), STUNNEL_FACILITIES) ? ` Did you mean '${closest(facility.toLowerCase(), STUNNEL_FACILITIES)}'?` : ''}`,
        });
        continue;
      }
      if (level === '') {
        reportEntry(ctx, load, le, e.valueSpan, {
          message: `debug = ${v} names a facility but no level: stunnel then reads a missing level and crashes (segmentation fault, seen with 5.68). Write ${facility}.notice, or another level.`,
          fixes: [fix(`Write debug = ${facility}.notice`, le.doc, [replaceSpan(le.doc, e.valueSpan, `${facility}.notice`)])],
        });
        continue;
      }
      if (!isDebugLevel(level)) {
        const at = lead + dot + 1 + (rest.slice(dot + 1).length - after.length);
        reportEntry(ctx, load, le, valueSubSpan(e, at, at + level.length), {
          message: `'${level}' is not a debug level: use 0-7 or emerg, alert, crit, err, warning, notice, info, debug; stunnel stops with "Illegal debug level".`,
        });
      }
    }
  },
};
