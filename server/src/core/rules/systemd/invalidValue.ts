import { checkSystemdValue } from '../../knowledge/values/systemd';
import { valueSubSpan } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { allowedSections, lookup } from './context';

export const invalidValue: Rule = {
  id: 'systemd/invalid-value',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A value the directive does not accept (booleans, numbers, enums such as Type= and Restart=, resource limits, time spans); systemd ignores the line.',
  check(ctx) {
    const doc = ctx.doc;
    const allowed = allowedSections(doc);
    for (const s of doc.sections) {
      if (!s.name || !allowed.includes(s.name)) continue;
      for (const e of s.entries) {
        const d = lookup(s, e.key);
        if (!d) continue;
        const problem = checkSystemdValue(d, e.value);
        if (!problem) continue;
        // systemd has no inline comments: "no  # why" is all value. Say so when that is the cause.
        const hash = e.value.search(/\s[#;]/);
        const beforeComment = hash >= 0 ? e.value.slice(0, hash).trimEnd() : undefined;
        if (beforeComment !== undefined && !checkSystemdValue(d, beforeComment)) {
          const comment = e.value.slice(hash).trim();
          const indent = doc.text.slice(doc.index.lineStarts[e.line], e.span.start);
          const commentSpan = valueSubSpan(e, beforeComment.length, e.value.length);
          ctx.report({
            span: commentSpan,
            message: `systemd has no trailing comments: '${comment}' is read as part of the value of ${e.key}=, which then fails to parse, so systemd ignores the whole line. Put the comment on its own line.`,
            fixes: [
              fix('Move the comment to its own line above', doc, [
                replaceSpan(doc, { start: e.span.start, end: e.span.start }, `${comment.startsWith(';') ? '#' + comment.slice(1) : comment}${doc.index.eol}${indent}`),
                replaceSpan(doc, commentSpan, ''),
              ]),
            ],
          });
          continue;
        }
        ctx.report({ span: valueSubSpan(e, problem.start, problem.end), message: problem.message, docUrl: d.url });
      }
    }
  },
};
