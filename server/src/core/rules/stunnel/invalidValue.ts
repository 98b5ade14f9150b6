import { checkStunnelValue } from '../../knowledge/values/stunnel';
import { valueSubSpan } from '../../syntax/ast';
import type { Rule } from '../rule';
import { inlineComment } from './inlineComment';
import { reportEntry, stunnelLoad, type LoadedEntry } from './load';

function span(le: LoadedEntry, start: number, end: number) {
  const e = le.entry;
  return e.value === '' ? e.keySpan : valueSubSpan(e, start, end);
}

export const invalidValue: Rule = {
  id: 'stunnel/invalid-value',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A value stunnel or OpenSSL refuses (booleans, integers with units, enums, TLS options, socket options, OCSP flags, ticket secrets, cipher and group lists, port names) or silently ignores.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    let engines = 0;
    for (const le of load.entries) {
      const opt = le.opt;
      if (!opt) continue;
      const v = le.entry.value;
      if (opt.name === 'engine') engines++;
      // SSLv2 belongs to stunnel/insecure-protocol; a trailing comment to stunnel/inline-comment.
      if (/^ssl/i.test(opt.name) && v.toLowerCase() === 'sslv2') continue;
      if (inlineComment(opt, v)) continue;
      for (const p of checkStunnelValue(opt, v)) {
        reportEntry(ctx, load, le, span(le, p.start, p.end), { message: p.message, severity: p.severity, docUrl: opt.url });
      }
      if ((opt.name === 'engineCtrl' || opt.name === 'engineDefault') && engines === 0) {
        reportEntry(ctx, load, le, le.entry.keySpan, { message: `${opt.name} acts on the engine opened by the closest 'engine' line above it, and there is none: stunnel stops with "No engine was defined".` });
      }
      if (opt.name === 'engineNum' && /^\d+$/.test(v) && (Number(v) < 1 || Number(v) > engines)) {
        reportEntry(ctx, load, le, span(le, 0, v.length), { message: `engineNum = ${v}, but ${engines === 0 ? 'no engine is opened' : `only ${engines} engine${engines > 1 ? 's are' : ' is'} opened`} in the global part: stunnel stops with "Illegal engine number".` });
      }
      if ((opt.name === 'setuid' || opt.name === 'setgid') && v === '') {
        reportEntry(ctx, load, le, le.entry.keySpan, { message: `${opt.name} needs a user${opt.name === 'setgid' ? ' group' : ''} name or number; stunnel stops with "Illegal ${opt.name === 'setuid' ? 'UID' : 'GID'}".` });
      }
    }
  },
};
