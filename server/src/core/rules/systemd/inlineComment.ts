import { checkSystemdValue } from '../../knowledge/values/systemd';
import { valueSubSpan } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { cxOf, inlineCommentStart, knownEntries } from './context';

export const inlineComment: Rule = {
  id: 'systemd/inline-comment',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: "A '# comment' after a value: unit files have no trailing comments, so systemd reads it as part of the value (an error when that breaks the value).",
  check(ctx) {
    const doc = ctx.doc;
    const cx = cxOf(ctx);
    for (const { e, d } of knownEntries(doc)) {
      const hash = inlineCommentStart(d, e.value);
      if (hash < 0) continue;
      const before = e.value.slice(0, hash).trimEnd();
      const comment = e.value.slice(hash).trim();
      const breaks = !!checkSystemdValue(d, e.value, cx) && !checkSystemdValue(d, before, cx);
      const consequence = breaks
        ? `the value then fails to parse, so systemd ignores the whole line`
        : `so ${e.key}= gets '${e.value}' rather than '${before}'`;
      const commentSpan = valueSubSpan(e, before.length, e.value.length);
      const indent = doc.text.slice(doc.index.lineStarts[e.line], e.span.start);
      ctx.report({
        span: commentSpan,
        severity: breaks ? 'error' : undefined,
        message: `systemd has no trailing comments: '${comment}' is read as part of the value of ${e.key}=, ${consequence}. Put the comment on its own line.`,
        fixes: [
          fix('Move the comment to its own line above', doc, [
            replaceSpan(doc, { start: e.span.start, end: e.span.start }, `${comment.startsWith(';') ? '#' + comment.slice(1) : comment}${doc.index.eol}${indent}`),
            replaceSpan(doc, commentSpan, ''),
          ]),
        ],
      });
    }
  },
};
