import type { Rule } from '../rule';

export const stunnelSyntaxError: Rule = {
  id: 'stunnel/syntax-error',
  dialect: 'stunnel',
  severity: 'error',
  summary: "A line stunnel cannot read: no '=' (e.g. a header with a trailing comment) or a line over 16 KiB.",
  check(ctx) {
    for (const issue of ctx.doc.issues) ctx.report({ span: issue.span, message: issue.message, severity: issue.severity });
  },
};
