import { relativeExecutables } from '../../knowledge/values/systemd';
import { valueSubSpan } from '../../syntax/ast';
import type { Fix } from '../../types';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

export const relativeExec: Rule = {
  id: 'systemd/relative-exec',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: "An Exec*= program that is neither an absolute path nor a plain name (bin/foo, ./foo, ~/foo, a repeated prefix): systemd refuses to start the unit.",
  check(ctx) {
    const doc = ctx.doc;
    for (const { e, d } of knownEntries(doc)) {
      if (d.type !== 'exec-command') continue;
      for (const { program, ignoreFailure, prefixes } of relativeExecutables(e.value)) {
        const p = program.text;
        const span = valueSubSpan(e, program.start, program.end);
        const fixes: Fix[] = [];
        let why: string;
        if (/^[-@:+!]+\//.test(p)) {
          const extra = /^[-@:+!]+/.exec(p)![0];
          why = extra.includes('!') && prefixes.includes('+')
            ? `the '+' and '!' prefixes exclude each other, so systemd takes '${extra}' as part of the path`
            : `a prefix may appear only once, so systemd takes '${extra}' as part of the path`;
          fixes.push(fix(`Remove '${extra}'`, doc, [replaceSpan(doc, { start: span.start, end: span.start + extra.length }, '')]));
        } else if (p.startsWith('~')) {
          why = 'systemd does not expand ~; write the path out';
        } else {
          why = 'a path with a slash must start with /; a plain name (no slash) is looked up in the default search path';
          if (/^(usr|bin|sbin|opt|lib|etc|srv|home)\//.test(p)) fixes.push(fix(`Make it /${p}`, doc, [replaceSpan(doc, { start: span.start, end: span.start }, '/')]));
        }
        ctx.report({
          span,
          message: `'${p}' is neither an absolute path nor a plain program name: ${why}. ${ignoreFailure ? `Because of the '-' prefix systemd drops this ${e.key}= line instead of refusing the unit.` : 'systemd refuses to start the unit ("bad unit file setting").'}`,
          fixes,
        });
      }
    }
  },
};
