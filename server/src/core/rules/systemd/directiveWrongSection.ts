import { directive, sectionsOf } from '../../knowledge/systemd';
import type { Section } from '../../syntax/ast';
import { appendSection, deleteEntry, endsInBackslash, insertIntoSection } from '../fixes';
import type { Rule } from '../rule';
import { allowedSections, isExtensionName, readableUntil } from './context';

export const directiveWrongSection: Rule = {
  id: 'systemd/directive-wrong-section',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A known key in the wrong section (WantedBy= under [Service], Before= under [Install]); systemd ignores it there.',
  check(ctx) {
    const doc = ctx.doc;
    const allowed = allowedSections(doc);
    const until = readableUntil(doc);
    // The first section of each name, looked up once: a file may have thousands of sections.
    const firstByName = new Map<string, Section>();
    for (const s of doc.sections) if (s.name !== null && !firstByName.has(s.name)) firstByName.set(s.name, s);
    for (const s of doc.sections) {
      if (!s.name || !allowed.includes(s.name)) continue;
      for (const e of s.entries) {
        if (isExtensionName(e.key) || directive(s.name, e.key) || e.line > until) continue;
        const homes = sectionsOf(e.key).filter((h) => allowed.includes(h));
        const all = sectionsOf(e.key);
        if (all.length === 0) continue;
        const home = homes[0];
        const where = (homes.length ? homes : all).map((h) => `[${h}]`).join(' or ');
        const message = `'${e.key}=' belongs in ${where}, not [${s.name}]: systemd ignores it here ("Unknown key"), so it never takes effect.${homes.length ? ` Move it to [${home}].` : ' It has no place in this kind of unit.'}`;
        const fixes = [];
        if (home) {
          // The line as written, blanks at its end included: 'yes\ ' keeps its backslash from
          // joining the line that follows it at the new place.
          const written = doc.text.slice(e.span.start, doc.index.lineEnd(e.endLine));
          // A line ending in a backslash (a continuation cut off by the end of the file, which systemd
          // reads as a blank) would take in the line below it wherever it goes: it moves without it.
          const line = endsInBackslash(written) ? written.slice(0, -1) : written;
          const target = firstByName.get(home);
          // The same assignment already in the right place: moving it would only duplicate it.
          const twin = target?.entries.find((x) => x.key === e.key && x.value === e.value);
          if (twin) fixes.push({ title: `Remove '${e.key}=' (already in [${home}])`, preferred: true, changes: [{ uri: doc.uri, edits: [deleteEntry(doc, e)] }] });
          else {
            const insert = target ? insertIntoSection(doc, target, [line]) : appendSection(doc, home, [line]);
            fixes.push({ title: `Move '${e.key}=' to [${home}]`, preferred: true, changes: [{ uri: doc.uri, edits: [deleteEntry(doc, e), insert] }] });
          }
        }
        ctx.report({ span: e.keySpan, message, fixes });
      }
    }
  },
};
