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
    for (const issue of doc.issues) ctx.report({ span: issue.span, message: issue.message, severity: issue.severity });
    for (const e of doc.sections[0].entries) {
      ctx.report({ span: spanOfEntry(e), message: `'${e.key}=' stands before any [Section] header; systemd ignores assignments outside a section. Put it under the section it belongs to.` });
    }
    // systemd checks for a comment before it strips the byte-order mark, and strips only one.
    if (doc.text.startsWith(BOM)) {
      const first = doc.text.slice(1, doc.index.lineEnd(0));
      const removeBom = fix('Remove the byte-order mark', doc, [replaceSpan(doc, { start: 0, end: doc.text.startsWith(BOM + BOM) ? 2 : 1 }, '')]);
      if (/^[#;]/.test(first)) {
        ctx.report({ span: { start: 0, end: doc.index.lineEnd(0) }, message: "The file starts with a UTF-8 byte-order mark, which systemd does not skip before it looks for '#': it reads this comment as an assignment outside any section and warns. Save the file without the BOM.", fixes: [removeBom] });
      } else if (first.startsWith(BOM)) {
        const header = doc.sections.find((s) => s.headerLine === 0);
        ctx.report({ span: { start: 0, end: doc.index.lineEnd(0) }, message: 'The file starts with two byte-order marks; systemd removes only one, so this line is not a section header and the assignments below it are outside any section. Save the file without BOMs.', fixes: [removeBom] });
        for (const e of header?.entries ?? []) {
          ctx.report({ span: spanOfEntry(e), message: `Because of the second byte-order mark on line 1 systemd sees no [${header!.name}] header, so '${e.key}=' is outside any section and ignored.` });
        }
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
