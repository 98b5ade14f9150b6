// Semantic tokens: what each part of a line is, as the core understands it. Known keys are
// properties and unknown ones variables (so a typo looks different before the squiggle
// arrives); deprecated keys carry the deprecated modifier; values are enum members, numbers or
// strings; systemd specifiers (%n, %i, ...) are macros.
import { stunnelAlias, stunnelOption } from '../knowledge/stunnel';
import { LIMIT_ITEMS } from '../knowledge/limits';
import { directive, sectionsOf } from '../knowledge/systemd';
import { isSystemdBoolean } from '../knowledge/values/systemd';
import type { Entry, ParsedDocument } from '../syntax/ast';
import type { Span } from '../types';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from './tokenLegend';

export { TOKEN_MODIFIERS, TOKEN_TYPES };
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  deprecated?: boolean;
}

const NUMBER = /^[+-]?\d+(\.\d+)?([a-zA-Zµμ%]+)?(:[+-]?\d+(\.\d+)?([a-zA-Z%]+)?)?$/;
/** systemd's specifiers (systemd.unit(5) "Specifiers"); %% is an escaped percent sign. */
const SPECIFIER = /%[aAbBCdEfgGhHiIjJlLmMnNopPqsStTuUvVwW]/g;

class Builder {
  readonly tokens: SemanticToken[] = [];
  constructor(private readonly doc: ParsedDocument) {}

  add(span: Span, type: TokenType, deprecated = false): void {
    // Blanks inside a value (the indentation of a continuation line) are not part of a token.
    while (span.start < span.end && /\s/.test(this.doc.text[span.start])) span = { start: span.start + 1, end: span.end };
    while (span.end > span.start && /\s/.test(this.doc.text[span.end - 1])) span = { start: span.start, end: span.end - 1 };
    if (span.end <= span.start) return;
    const start = this.doc.index.positionAt(span.start);
    const end = this.doc.index.positionAt(span.end);
    if (end.line !== start.line) return; // a token never spans lines
    const t: SemanticToken = { line: start.line, character: start.character, length: end.character - start.character, type };
    if (deprecated) t.deprecated = true;
    this.tokens.push(t);
  }

  /** Each physical piece of a value: specifiers as macros, the rest as `type`. */
  value(e: Entry, type: TokenType, specifiers: boolean): void {
    for (const p of e.pieces) {
      const text = this.doc.text.slice(p.docStart, p.docStart + p.length);
      let at = 0;
      if (specifiers) {
        for (const m of text.matchAll(SPECIFIER)) {
          // Skip a specifier preceded by an escaping percent sign (%%i is "%i" literally).
          const before = text.slice(0, m.index).match(/%*$/)![0].length;
          if (before % 2 === 1) continue;
          this.add({ start: p.docStart + at, end: p.docStart + m.index! }, type);
          this.add({ start: p.docStart + m.index!, end: p.docStart + m.index! + 2 }, 'macro');
          at = m.index! + 2;
        }
      }
      this.add({ start: p.docStart + at, end: p.docStart + p.length }, type);
    }
  }
}

function valueType(value: string, enumValues: string[] | undefined, boolean: boolean): TokenType {
  if (enumValues?.includes(value) || (boolean && isSystemdBoolean(value))) return 'enumMember';
  if (NUMBER.test(value) || value === 'infinity') return 'number';
  return 'string';
}

export function semanticTokens(doc: ParsedDocument): SemanticToken[] {
  const b = new Builder(doc);
  if (doc.dialect === 'limits-conf') {
    for (const l of doc.limits) {
      b.add(l.spans.domain, 'variable');
      b.add(l.spans.type, 'keyword');
      b.add(l.spans.item, LIMIT_ITEMS[l.item] ? 'property' : 'variable');
      b.add(l.spans.value, /^-?\d+$/.test(l.value) ? 'number' : 'enumMember');
    }
    return b.tokens;
  }
  for (const s of doc.sections) {
    if (s.nameSpan) b.add(s.nameSpan, 'namespace');
    for (const e of s.entries) {
      if (doc.dialect === 'stunnel') {
        const opt = stunnelOption(e.key);
        const alias = opt ? undefined : stunnelAlias(e.key);
        const known = (opt && !opt.removed) || alias;
        b.add(e.keySpan, known ? 'property' : 'variable', !!alias || !!opt?.deprecated);
        const o = opt ?? alias;
        b.value(e, o ? valueType(e.value, o.values, o.type === 'boolean' || o.type === 'boolean-or-integer') : 'string', false);
      } else if (doc.dialect === 'systemd-unit') {
        const d = s.name ? directive(s.name, e.key) : undefined;
        const elsewhere = d ?? (sectionsOf(e.key).length ? directive(sectionsOf(e.key)[0], e.key) : undefined);
        const known = !!elsewhere || e.key.startsWith('X-');
        b.add(e.keySpan, known ? 'property' : 'variable', !!elsewhere && elsewhere.status !== 'active');
        const type = elsewhere ? valueType(e.value, elsewhere.values, elsewhere.type.startsWith('boolean') || elsewhere.acceptsBoolean || elsewhere.type === 'enum-or-boolean') : 'string';
        b.value(e, type, true);
      }
    }
  }
  return b.tokens.sort((x, y) => x.line - y.line || x.character - y.character);
}

/** The LSP wire form: five numbers per token, positions relative to the previous token. */
export function encodeSemanticTokens(tokens: SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.character - char : t.character, t.length, TOKEN_TYPES.indexOf(t.type), t.deprecated ? 1 : 0);
    line = t.line;
    char = t.character;
  }
  return data;
}
