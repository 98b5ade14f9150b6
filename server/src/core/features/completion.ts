// Completion of section names, keys valid where the cursor is, and enum/boolean values.
import { LIMIT_ITEMS } from '../knowledge/limits';
import { stunnelOption, stunnelOptions } from '../knowledge/stunnel';
import { directive, sectionDirectives } from '../knowledge/systemd';
import { sectionAt, type ParsedDocument } from '../syntax/ast';
import { allowedSections } from '../rules/systemd/context';
import type { Position, Range } from '../types';
import { stunnelOptionMarkdown, systemdDirectiveMarkdown } from './hover';

export type CompletionKind = 'section' | 'key' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Text to insert in place of `range`. */
  insertText: string;
  range: Range;
  detail?: string;
  documentation?: string;
  deprecated?: boolean;
}

const SYSTEMD_BOOLEANS = ['yes', 'no'];
const STUNNEL_BOOLEANS = ['yes', 'no'];

export function complete(doc: ParsedDocument, pos: Position): CompletionEntry[] {
  const lineStart = doc.index.lineStarts[pos.line] ?? 0;
  const offset = doc.index.offsetAt(pos);
  const before = doc.text.slice(lineStart, offset);
  const leading = before.length - before.trimStart().length;
  const wordStart = lineStart + leading;
  if (/^\s*[#;]/.test(before)) return [];

  if (doc.dialect === 'limits-conf') {
    const fields = before.trim().split(/\s+/);
    if (fields.length === 3 && !/\s$/.test(before)) {
      const start = offset - fields[2].length;
      return Object.entries(LIMIT_ITEMS).map(([k, v]) => ({ label: k, kind: 'key', insertText: k, range: doc.index.rangeOf({ start, end: offset }), detail: v }));
    }
    return [];
  }

  // [Section] names.
  if (/^\s*\[[^\]]*$/.test(before)) {
    if (doc.dialect !== 'systemd-unit') return [];
    const range = doc.index.rangeOf({ start: wordStart, end: doc.index.lineEnd(pos.line) });
    return allowedSections(doc).map((s) => ({ label: `[${s}]`, kind: 'section', insertText: `[${s}]`, range }));
  }

  const eq = before.indexOf('=');
  const section = sectionAt(doc, pos.line);
  if (eq < 0) {
    const range = doc.index.rangeOf({ start: wordStart, end: offset });
    if (doc.dialect === 'stunnel') {
      const inService = section.name !== null;
      return stunnelOptions()
        .filter((o) => !o.removed && !(inService && o.scope === 'global'))
        .map((o) => ({ label: o.name, kind: 'key', insertText: `${o.name} = `, range, detail: o.valueText, documentation: stunnelOptionMarkdown(o), deprecated: !!o.deprecated }));
    }
    if (!section.name) return [];
    return sectionDirectives(section.name)
      .filter((d) => d.status === 'active' || d.status === 'deprecated')
      .map((d) => ({ label: d.name, kind: 'key', insertText: `${d.name}=`, range, detail: d.type, documentation: systemdDirectiveMarkdown(d), deprecated: d.status !== 'active' }));
  }

  // Values after `=`.
  const key = before.slice(0, eq).trim();
  const valueText = before.slice(eq + 1);
  const valueLead = valueText.length - valueText.trimStart().length;
  const range = doc.index.rangeOf({ start: lineStart + eq + 1 + valueLead, end: offset });
  let values: string[] = [];
  if (doc.dialect === 'stunnel') {
    const opt = stunnelOption(key);
    if (opt?.type === 'boolean') values = STUNNEL_BOOLEANS;
    else if (opt?.values) values = opt.values;
  } else if (section.name) {
    const d = directive(section.name, key);
    if (d?.type === 'boolean' || d?.type === 'boolean-or-empty') values = SYSTEMD_BOOLEANS;
    else if (d?.values) values = d.values;
  }
  return values.map((v) => ({ label: v, kind: 'value', insertText: v, range }));
}
