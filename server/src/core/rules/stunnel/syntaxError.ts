import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/** `[name] ; note` or `[name] # note`: a header with a trailing comment. */
const HEADER_WITH_COMMENT = /^(\[[^\]]*\])\s+([;#].*)$/;

export const stunnelSyntaxError: Rule = {
  id: 'stunnel/syntax-error',
  dialect: 'stunnel',
  severity: 'error',
  summary: "A line stunnel cannot read: no '=' (e.g. a header with a trailing comment) or a line over 16 KiB.",
  check(ctx) {
    const doc = ctx.doc;
    for (const issue of doc.issues) {
      const text = doc.text.slice(issue.span.start, issue.span.end);
      const m = issue.code === 'missing-equals' ? HEADER_WITH_COMMENT.exec(text) : null;
      // The one right answer for a commented header: the comment on its own line above it.
      const fixes = m ? [fix('Move the comment to its own line above the header', doc, [replaceSpan(doc, issue.span, `${m[2]}${doc.index.eol}${m[1]}`)])] : [];
      ctx.report({ span: issue.span, message: issue.message, severity: issue.severity, fixes });
    }
  },
};
