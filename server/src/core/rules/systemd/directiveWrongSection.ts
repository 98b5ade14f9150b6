import { directive, sectionsOf } from '../../knowledge/systemd';
import type { Entry, ParsedDocument, Section } from '../../syntax/ast';
import { appendSection, deleteEntry, endsInBackslash, insertIntoSection } from '../fixes';
import type { Rule } from '../rule';
import { allowedSections, isExtensionName, readableUntil } from './context';

/** Settings that take effect only together: moved alone, the first would make systemd refuse the unit. */
const TOGETHER: Record<string, string[]> = { 'Type=dbus': ['BusName'] };

/**
 * The line as written, blanks at its end included ('yes\ ' keeps its backslash from joining the line
 * that follows it at the new place). A line ending in a backslash (a continuation cut off by the end
 * of the file, which systemd reads as a blank) would take in the line below it wherever it goes: it
 * moves without it.
 */
function lineAsWritten(doc: ParsedDocument, e: Entry): string {
  const written = doc.text.slice(e.span.start, doc.index.lineEnd(e.endLine));
  return endsInBackslash(written) ? written.slice(0, -1) : written;
}

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
          // Misplaced lines of the same section that must arrive with this one (Type=dbus alone would
          // make systemd refuse the unit for want of BusName=).
          const companions = s.entries.filter((x) => x !== e && (TOGETHER[`${e.key}=${e.value}`] ?? []).includes(x.key) && !directive(s.name!, x.key) && sectionsOf(x.key).includes(home));
          const moving = [e, ...companions].sort((a, b) => a.line - b.line);
          const lines = moving.map((x) => lineAsWritten(doc, x));
          const target = firstByName.get(home);
          // The same assignment already in the right place: moving it would only duplicate it.
          const twin = target?.entries.find((x) => x.key === e.key && x.value === e.value);
          if (twin) fixes.push({ title: `Remove '${e.key}=' (already in [${home}])`, preferred: true, changes: [{ uri: doc.uri, edits: [deleteEntry(doc, e)] }] });
          else {
            const insert = target ? insertIntoSection(doc, target, lines) : appendSection(doc, home, lines);
            const names = moving.map((x) => `'${x.key}='`).join(' and ');
            fixes.push({ title: `Move ${names} to [${home}]`, preferred: true, changes: [{ uri: doc.uri, edits: [...moving.map((x) => deleteEntry(doc, x)), insert] }] });
          }
        }
        ctx.report({ span: e.keySpan, message, fixes });
      }
    }
  },
};
