// The outline (and breadcrumbs): sections with their keys; stunnel services with where they
// listen and forward to; limits.conf lines.
import { stunnelOption } from '../knowledge/stunnel';
import type { Entry, ParsedDocument, Section } from '../syntax/ast';
import type { Range } from '../types';

export type SymbolKind = 'section' | 'service' | 'global' | 'key' | 'limit';

export interface DocumentSymbolEntry {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole construct, for the outline's "containing" logic. */
  range: Range;
  /** The part to reveal and highlight: the name. */
  selectionRange: Range;
  children: DocumentSymbolEntry[];
}

const MAX_DETAIL = 60;

function shorten(s: string): string {
  return s.length > MAX_DETAIL ? s.slice(0, MAX_DETAIL - 1) + '…' : s;
}

function keySymbol(doc: ParsedDocument, e: Entry): DocumentSymbolEntry {
  const sym: DocumentSymbolEntry = { name: e.key, kind: 'key', range: doc.index.rangeOf(e.span), selectionRange: doc.index.rangeOf(e.keySpan), children: [] };
  if (e.value) sym.detail = shorten(e.value);
  return sym;
}

/** `0.0.0.0:443 → 127.0.0.1:80` for a stunnel service, from its last accept/connect lines. */
function serviceDetail(s: Section): string | undefined {
  let accept: string | undefined;
  let target: string | undefined;
  for (const e of s.entries) {
    const name = stunnelOption(e.key)?.name;
    if (name === 'accept') accept = e.value;
    if (name === 'connect' || name === 'exec' || name === 'redirect') target ??= e.value;
    if (name === 'connect') target = e.value;
  }
  if (accept && target) return shorten(`${accept} → ${target}`);
  if (accept) return shorten(`accept ${accept}`);
  return target ? shorten(`→ ${target}`) : undefined;
}

export function documentSymbols(doc: ParsedDocument): DocumentSymbolEntry[] {
  if (doc.dialect === 'limits-conf') {
    return doc.limits.map((l) => ({
      name: `${l.domain} ${l.type} ${l.item}`,
      detail: l.value,
      kind: 'limit' as const,
      range: doc.index.rangeOf(l.span),
      selectionRange: doc.index.rangeOf({ start: l.spans.domain.start, end: l.spans.item.end }),
      children: [],
    }));
  }
  const out: DocumentSymbolEntry[] = [];
  for (const s of doc.sections) {
    const keys = s.entries.map((e) => keySymbol(doc, e));
    if (!s.nameSpan || !s.headerSpan) {
      if (keys.length === 0) continue;
      if (doc.dialect === 'stunnel') {
        // The options before the first service apply to the whole process.
        const first = s.entries[0];
        const last = s.entries[s.entries.length - 1];
        out.push({
          name: 'global options',
          kind: 'global',
          range: doc.index.rangeOf({ start: first.span.start, end: last.span.end }),
          selectionRange: doc.index.rangeOf(first.keySpan),
          children: keys,
        });
      } else out.push(...keys); // stray assignments before any [Section]
      continue;
    }
    const sym: DocumentSymbolEntry = {
      name: `[${s.name}]`,
      kind: doc.dialect === 'stunnel' ? 'service' : 'section',
      range: doc.index.rangeOf({ start: s.headerSpan.start, end: Math.max(s.span.end, s.headerSpan.end) }),
      selectionRange: doc.index.rangeOf(s.nameSpan),
      children: keys,
    };
    const detail = doc.dialect === 'stunnel' ? serviceDetail(s) : undefined;
    if (detail) sym.detail = detail;
    out.push(sym);
  }
  return out;
}
