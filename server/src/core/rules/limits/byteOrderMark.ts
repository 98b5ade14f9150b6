// A byte-order mark at the start of limits.conf: pam_limits reads its three bytes as text, so the
// first line's domain becomes "<mark>*" and matches no account (or a comment line becomes a field).
// Editors hide the mark; the command line passes it through for this dialect.
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

function leadingMarks(text: string): number {
  let n = 0;
  while (text[n] === '\uFEFF') n++;
  return n;
}

export const limitsByteOrderMark: Rule = {
  id: 'limits/byte-order-mark',
  dialect: 'limits-conf',
  severity: 'warning',
  summary: 'A byte-order mark at the start of limits.conf: pam_limits reads it as part of the first line, whose limit then applies to no one.',
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.hasBom) return;
    const first = doc.limits?.find((l) => l.line === 0);
    const what = first
      ? `as part of this line's domain (the mark and '${first.domain}' rather than '${first.domain}'), which matches no account, so the line is silently ignored`
      : "as a field of the first line, logs 'invalid line' and skips it";
    ctx.report({
      span: { start: 0, end: 1 },
      message: `The file starts with a byte-order mark, which pam_limits does not skip: it reads the mark ${what}. Save the file as UTF-8 without a byte-order mark.`,
      // Every mark at the start goes: with one removed, the next would be read the same way.
      fixes: [fix('Remove the byte-order mark', doc, [replaceSpan(doc, { start: 0, end: leadingMarks(doc.text) }, '')])],
    });
  },
};
