import type { Rule } from '../rule';
import { spanOfEntry } from '../rule';

export const systemdSyntaxError: Rule = {
  id: 'systemd/syntax-error',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: "A line systemd cannot read: no '=', a broken [Section] header, or an assignment before the first section.",
  check(ctx) {
    for (const issue of ctx.doc.issues) ctx.report({ span: issue.span, message: issue.message, severity: issue.severity });
    for (const e of ctx.doc.sections[0].entries) {
      ctx.report({ span: spanOfEntry(e), message: `'${e.key}=' stands before any [Section] header; systemd ignores assignments outside a section. Put it under the section it belongs to.` });
    }
  },
};
