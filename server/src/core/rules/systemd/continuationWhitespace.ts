import { checkSystemdValue } from '../../knowledge/values/systemd';
import type { Entry, ParsedDocument } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { cxOf, lookup } from './context';

/** Whether the physical line after `line` reads as the start of something new (or there is none). */
function nextLineStandsAlone(doc: ParsedDocument, line: number): boolean {
  if (line + 1 >= doc.index.lineCount) return true;
  const next = doc.text.slice(doc.index.lineStarts[line + 1], doc.index.lineEnd(line + 1));
  return next.trim() === '' || /^\s*\[/.test(next) || /^\s*[A-Za-z][A-Za-z0-9_-]*\s*=/.test(next) || /^\s*[#;]/.test(next);
}

export const continuationWhitespace: Rule = {
  id: 'systemd/continuation-whitespace',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A line ending in a backslash followed by spaces: it does not continue, the backslash stays in the value and the next line stands alone.',
  check(ctx) {
    const doc = ctx.doc;
    const cx = cxOf(ctx);
    const seen = new Set<Entry>();
    for (const s of doc.sections) {
      for (const e of s.entries) {
        if (seen.has(e)) continue;
        seen.add(e);
        const start = doc.index.lineStarts[e.endLine];
        const raw = doc.text.slice(start, doc.index.lineEnd(e.endLine));
        // Scanned from the end: a regex like /(\\+)([ \t]+)$/ backtracks quadratically on a long run of backslashes.
        let wsFrom = raw.length;
        while (wsFrom > 0 && (raw[wsFrom - 1] === ' ' || raw[wsFrom - 1] === '\t')) wsFrom--;
        let bsFrom = wsFrom;
        while (bsFrom > 0 && raw[bsFrom - 1] === '\\') bsFrom--;
        if (wsFrom === raw.length || (wsFrom - bsFrom) % 2 === 0) continue;
        const wsStart = start + wsFrom;
        const wsEnd = start + raw.length;
        const d = lookup(s, e.key);
        const breaks = !!d && !!checkSystemdValue(d, e.value, cx) && !checkSystemdValue(d, e.value.slice(0, -1).trimEnd(), cx);
        const standsAlone = nextLineStandsAlone(doc, e.endLine);
        const backslash = { start: wsStart - 1, end: wsEnd };
        // Offer only fixes that leave a value systemd accepts; the preferred one comes first (the next
        // line looks like a new assignment, or like more of this value).
        const ended = e.value.slice(0, -1).trimEnd();
        const nextLine = e.endLine + 1 < doc.index.lineCount ? doc.text.slice(doc.index.lineStarts[e.endLine + 1], doc.index.lineEnd(e.endLine + 1)).trim() : '';
        const joined = `${e.value.slice(0, -1)} ${nextLine}`.trim();
        const okValue = (v: string) => !d || !checkSystemdValue(d, v, cx);
        const end = fix('Remove the backslash and the spaces after it', doc, [replaceSpan(doc, backslash, '')], standsAlone);
        const cont = fix('Remove the spaces so the line continues', doc, [replaceSpan(doc, { start: wsStart, end: wsEnd }, '')], !standsAlone);
        const offered = [...(okValue(ended) ? [end] : []), ...(!standsAlone && nextLine !== '' && okValue(joined) ? [cont] : [])];
        const fixes = standsAlone ? offered : offered.reverse();
        ctx.report({
          span: { start: wsStart - 1, end: wsEnd },
          severity: breaks ? 'error' : undefined,
          message: `The backslash at the end of this line is followed by whitespace, so it does not continue the line: systemd keeps the '\\' in the value of ${e.key}=${breaks ? ', which then fails to parse and is ignored' : ''}, and reads the next line on its own. Remove the whitespace to continue the line, or the backslash to end it.`,
          fixes,
        });
      }
    }
  },
};
