import { valueSubSpan } from '../../syntax/ast';
import { splitWords } from '../../syntax/exec';
import { deleteEntry, fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/** Units systemd no longer ships; ordering against them does nothing. */
const OBSOLETE_UNITS: Record<string, string> = {
  'syslog.target': 'syslog.target no longer exists (systemd dropped it around v198; logging is socket-activated through syslog.socket and the journal)',
};
const DEPENDENCY_KEYS = ['After', 'Before', 'Wants', 'Requires', 'Requisite', 'BindsTo', 'PartOf', 'Upholds'];

export const obsoleteDependency: Rule = {
  id: 'systemd/obsolete-dependency',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A dependency on a unit systemd no longer has, such as After=syslog.target; it does nothing.',
  check(ctx) {
    const doc = ctx.doc;
    for (const s of doc.sections) {
      if (s.name !== 'Unit') continue;
      for (const e of s.entries) {
        if (!DEPENDENCY_KEYS.includes(e.key)) continue;
        const words = splitWords(e.value);
        for (const w of words) {
          const why = OBSOLETE_UNITS[w.text];
          if (!why) continue;
          const rest = words.filter((x) => x !== w).map((x) => e.value.slice(x.start, x.end));
          const edit = rest.length === 0 ? deleteEntry(doc, e) : replaceSpan(doc, e.valueSpan, rest.join(' '));
          ctx.report({
            span: valueSubSpan(e, w.start, w.end),
            message: `${e.key}=${w.text} does nothing: ${why}. Remove it; order after network or other real units if needed.`,
            tags: ['unnecessary'],
            fixes: [fix(rest.length === 0 ? `Remove the ${e.key}= line` : `Remove ${w.text}`, doc, [edit])],
          });
        }
      }
    }
  },
};
