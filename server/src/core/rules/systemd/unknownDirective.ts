import { directive, sectionDirectives, sectionsOf } from '../../knowledge/systemd';
import { NearestNames } from '../../text';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { allowedSections, isExtensionName, readableUntil } from './context';

/** Active directive names per section, prepared once: a file may hold thousands of unknown keys. */
const activeNamesCache = new Map<string, NearestNames>();
function activeNames(section: string): NearestNames {
  let names = activeNamesCache.get(section);
  if (!names) {
    names = new NearestNames(sectionDirectives(section).filter((d) => d.status === 'active').map((d) => d.name));
    activeNamesCache.set(section, names);
  }
  return names;
}

export const unknownDirective: Rule = {
  id: 'systemd/unknown-directive',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A key systemd does not know in any section (typo, wrong case); systemd ignores the line.',
  check(ctx) {
    const allowed = allowedSections(ctx.doc);
    const until = readableUntil(ctx.doc);
    for (const s of ctx.doc.sections) {
      if (!s.name || !allowed.includes(s.name)) continue;
      for (const e of s.entries) {
        if (isExtensionName(e.key) || directive(s.name, e.key) || e.line > until) continue;
        // Known in another section: directive-wrong-section reports it.
        if (sectionsOf(e.key).length > 0) continue;
        const names = activeNames(s.name);
        const exactCase = names.sameButCase(e.key);
        const suggestion = exactCase ?? names.closest(e.key);
        const hint = exactCase ? ` Keys are case-sensitive: write '${exactCase}'.` : suggestion ? ` Did you mean '${suggestion}'?` : '';
        ctx.report({
          span: e.keySpan,
          message: `Unknown key '${e.key}' in [${s.name}]: systemd ignores the line, so the setting never takes effect.${hint} Keys of your own must start with X-.`,
          fixes: suggestion ? [fix(`Change to '${suggestion}'`, ctx.doc, [replaceSpan(ctx.doc, e.keySpan, suggestion)])] : [],
        });
      }
    }
  },
};
