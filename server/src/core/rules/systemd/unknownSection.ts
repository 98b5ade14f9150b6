import { knownSections } from '../../knowledge/systemd';
import { closest } from '../../text';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { allowedSections, isExtensionName } from './context';

export const unknownSection: Rule = {
  id: 'systemd/unknown-section',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A [Section] systemd does not know, or one that does not belong to this unit type; systemd ignores all of it.',
  check(ctx) {
    const allowed = allowedSections(ctx.doc);
    // Looked up once: a file may hold thousands of sections.
    const present = new Set(ctx.doc.sections.map((x) => x.name));
    for (const s of ctx.doc.sections) {
      if (s.name === null || !s.nameSpan || isExtensionName(s.name) || allowed.includes(s.name)) continue;
      const elsewhere = knownSections().includes(s.name);
      const suggestion = closest(s.name, allowed);
      const message = elsewhere
        ? `[${s.name}] does not belong in this kind of unit (it may have ${allowed.map((a) => `[${a}]`).join(', ')}); systemd ignores the section and everything in it.`
        : `Unknown section [${s.name}]: systemd ignores it and every line in it.${suggestion ? ` Did you mean [${suggestion}]?` : ''} Sections of your own must start with X-.`;
      ctx.report({
        span: s.nameSpan,
        message,
        // Renaming into a section the file already has splits it in two: offer it, but not as the one right answer.
        fixes: suggestion && !elsewhere ? [fix(`Change to [${suggestion}]`, ctx.doc, [replaceSpan(ctx.doc, s.nameSpan, suggestion)], !present.has(suggestion))] : [],
      });
    }
  },
};
