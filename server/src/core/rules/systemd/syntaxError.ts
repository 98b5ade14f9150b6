import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { spanOfEntry } from '../rule';

const BOM = '\uFEFF';

export const systemdSyntaxError: Rule = {
  id: 'systemd/syntax-error',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: "A line systemd cannot read: no '=', a broken [Section] header, an assignment before the first section, bytes that are not UTF-8, or a byte-order mark that hides the first line.",
  check(ctx) {
    const doc = ctx.doc;
    // With two byte-order marks the parser, like systemd, reads line 1 as no header; the message
    // below says why, so the parser's own complaint about that line is left out.
    const twoBoms = doc.text.startsWith(BOM + BOM);
    const hidden = twoBoms ? /^[ \t]*\[([^\]]*)\][ \t]*$/.exec(doc.text.slice(2, doc.index.lineEnd(0))) : null;
    for (const issue of doc.issues) {
      if (twoBoms && issue.span.start < doc.index.lineEnd(0)) continue;
      ctx.report({ span: issue.span, message: issue.message, severity: issue.severity });
    }
    for (const e of doc.sections[0].entries) {
      const message = hidden
        ? `Because of the second byte-order mark on line 1 systemd sees no [${hidden[1]}] header, so '${e.key}=' is outside any section and ignored.`
        : `'${e.key}=' stands before any [Section] header; systemd ignores assignments outside a section. Put it under the section it belongs to.`;
      ctx.report({ span: spanOfEntry(e), message });
    }
    // systemd checks for a comment before it strips the byte-order mark, and strips only one.
    if (doc.text.startsWith(BOM)) {
      const first = doc.text.slice(1, doc.index.lineEnd(0));
      const removeBom = fix('Remove the byte-order mark', doc, [replaceSpan(doc, { start: 0, end: doc.text.startsWith(BOM + BOM) ? 2 : 1 }, '')]);
      if (/^[#;]/.test(first)) {
        ctx.report({ span: { start: 0, end: doc.index.lineEnd(0) }, message: "The file starts with a UTF-8 byte-order mark, which systemd does not skip before it looks for '#': it reads this comment as an assignment outside any section and warns. Save the file without the BOM.", fixes: [removeBom] });
      } else if (first.startsWith(BOM)) {
        ctx.report({ span: { start: 0, end: doc.index.lineEnd(0) }, message: `The file starts with two byte-order marks; systemd removes only one, so ${hidden ? 'this line is not a section header and the assignments below it are outside any section' : 'it reads the second one as part of this line'}. Save the file without BOMs.`, fixes: [removeBom] });
      }
    }
    // Bytes that are not UTF-8 reach us as U+FFFD; systemd refuses a unit with such a value.
    for (const s of doc.sections) {
      for (const e of s.entries) {
        const i = e.value.indexOf('\uFFFD');
        if (i >= 0) ctx.report({ span: e.valueSpan, message: `The value of ${e.key}= contains bytes that are not valid UTF-8: systemd refuses to load the unit. Re-save the file as UTF-8.` });
      }
    }
  },
};
