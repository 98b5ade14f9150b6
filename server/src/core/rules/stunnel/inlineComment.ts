import type { StunnelOption } from '../../knowledge/stunnel';
import { checkStunnelValue } from '../../knowledge/values/stunnel';
import { valueSubSpan } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { indentOf, reportEntry, stunnelLoad } from './load';

/** Options whose value names a file stunnel opens while loading: a comment in it makes the file "missing". */
const READ_AT_LOAD = new Set(['cert', 'key', 'CAfile', 'CApath', 'CRLfile', 'CRLpath', 'PSKsecrets', 'include', 'accept', 'local', 'sessiond']);

export interface InlineComment {
  /** Offset of the whitespace before the comment, in the value. */
  at: number;
  before: string;
  comment: string;
  /** stunnel refuses the line (or the file it names cannot exist). */
  rejected: boolean;
}

const hasError = (opt: StunnelOption, v: string) => checkStunnelValue(opt, v).some((p) => p.severity === 'error');

/** A trailing `; ...` or `# ...` after whitespace, which stunnel reads as part of the value. */
export function inlineComment(opt: StunnelOption, v: string): InlineComment | undefined {
  const m = /\s+[;#]/.exec(v);
  if (!m || m.index === 0) return undefined;
  const before = v.slice(0, m.index);
  const comment = v.slice(m.index).trim();
  const wholeBad = hasError(opt, v);
  if (wholeBad && hasError(opt, before)) return undefined; // wrong with or without the comment
  return { at: m.index, before, comment, rejected: wholeBad || READ_AT_LOAD.has(opt.name) };
}

export const inlineCommentRule: Rule = {
  id: 'stunnel/inline-comment',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A comment after a value: stunnel has no inline comments, so `client = yes ; note` is rejected and on string options the comment silently becomes part of the value.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.entries) {
      if (!le.opt) continue;
      const c = inlineComment(le.opt, le.entry.value);
      if (!c) continue;
      const doc = le.doc;
      const e = le.entry;
      const commentSpan = valueSubSpan(e, c.at, e.value.length);
      const shown = valueSubSpan(e, e.value.length - c.comment.length, e.value.length);
      const indent = indentOf(doc, e);
      const consequence = c.rejected
        ? READ_AT_LOAD.has(le.opt.name) && !hasError(le.opt, e.value)
          ? `stunnel looks for '${e.value}' and fails to load`
          : `stunnel rejects the line and does not start`
        : `the value of ${le.opt.name} silently becomes '${e.value}'`;
      reportEntry(ctx, load, le, shown, {
        severity: c.rejected ? 'error' : 'warning',
        message: `stunnel has no inline comments: '${c.comment}' is read as part of the value, so ${consequence}. Put the comment on its own line.`,
        fixes: [
          fix('Move the comment to its own line above', doc, [
            replaceSpan(doc, { start: e.span.start, end: e.span.start }, `${c.comment}${doc.index.eol}${indent}`),
            replaceSpan(doc, commentSpan, ''),
          ]),
        ],
      });
    }
  },
};
