import type { Rule } from '../rule';

export const limitsSyntaxError: Rule = {
  id: 'limits/syntax-error',
  dialect: 'limits-conf',
  severity: 'error',
  summary: "A limits.conf line without exactly four fields 'domain type item value'; pam_limits skips it.",
  check(ctx) {
    for (const issue of ctx.doc.issues) ctx.report({ span: issue.span, message: issue.message, severity: issue.severity });
  },
};
