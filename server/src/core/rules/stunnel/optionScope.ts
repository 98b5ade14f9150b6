import { stunnelOption } from '../../knowledge/stunnel';
import { deleteEntry, insertLinesAfter } from '../fixes';
import type { Rule } from '../rule';

export const optionScope: Rule = {
  id: 'stunnel/option-scope',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A global-only option (foreground, pid, chroot, output, ...) inside a [service] section; stunnel refuses it there.',
  check(ctx) {
    const doc = ctx.doc;
    const global = doc.sections[0];
    for (const section of doc.sections.slice(1)) {
      for (const e of section.entries) {
        const opt = stunnelOption(e.key);
        if (!opt || opt.scope !== 'global') continue;
        // Move the line to the end of the global part (or the top of the file when it is empty).
        const lastGlobal = global.entries[global.entries.length - 1];
        const text = doc.text.slice(e.span.start, e.span.end);
        const anchorLine = lastGlobal ? lastGlobal.line : -1;
        const insert = anchorLine >= 0
          ? insertLinesAfter(doc, anchorLine, [text])
          : { range: { start: { line: 0, character: doc.hasBom ? 1 : 0 }, end: { line: 0, character: doc.hasBom ? 1 : 0 } }, newText: text + doc.index.eol };
        ctx.report({
          span: e.keySpan,
          message: `'${opt.name}' is a global option but stands in section [${section.name}]: after the first section stunnel rejects it ("Specified option name is not valid here") and does not start. Move it above the first section.`,
          fixes: [{ title: `Move '${opt.name}' to the global part`, preferred: true, changes: [{ uri: doc.uri, edits: [insert, deleteEntry(doc, e)] }] }],
        });
      }
    }
  },
};
