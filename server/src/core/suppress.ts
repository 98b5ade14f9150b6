// Suppression comments, applied after the rules ran so the CLI and the editor agree:
//
//   # daemonlint-disable-next-line systemd/obsolete-dependency, systemd/unknown-directive
//   # daemonlint-disable-file stunnel/deprecated-option -- kept for the 5.x fleet
//
// A next-line directive covers the next line that is not a comment (with its continuation
// lines); a file directive covers the whole file. A rule a directive names but that reported
// nothing there is itself reported as daemonlint/unused-suppression, so stale directives do
// not pile up.
import { deleteLines, insertLinesAtTop } from './rules/fixes';
import { RULES, ruleById } from './rules/registry';
import type { Settings } from './settings';
import { entryAt, type ParsedDocument } from './syntax/ast';
import { closest } from './text';
import type { Finding, Fix, Span, TextEdit } from './types';

export const UNUSED_SUPPRESSION = 'daemonlint/unused-suppression';

/** The rule-like facts of the unused-suppression check, for rule lists and documentation. */
export const UNUSED_SUPPRESSION_RULE = {
  id: UNUSED_SUPPRESSION,
  severity: 'hint' as const,
  summary: 'A daemonlint-disable comment that suppresses nothing: the rule reports nothing there, or the id is not a rule.',
};

export type DirectiveKind = 'next-line' | 'file';

export interface SuppressionDirective {
  kind: DirectiveKind;
  /** Line of the comment. */
  line: number;
  /** The comment, from its `#` or `;` to its last non-blank character. */
  span: Span;
  /** The `daemonlint-disable-…` word. */
  keywordSpan: Span;
  rules: { id: string; span: Span }[];
  /** Lines covered, inclusive ([0, last line] for a file directive). */
  from: number;
  to: number;
}

const DIRECTIVE = /^[#;]\s*(daemonlint-disable-(next-line|file))(?=\s|$)/;

/** The suppression directives of a document, in line order. */
export function parseSuppressions(doc: ParsedDocument): SuppressionDirective[] {
  const out: SuppressionDirective[] = [];
  const commentLines = new Set(doc.comments.map((c) => c.line));
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const kind = m[2] as DirectiveKind;
    const keywordStart = c.span.start + c.text.indexOf(m[1]);
    // Everything after ` -- ` is a reason for humans.
    let listEnd = c.text.length;
    const reason = c.text.indexOf(' --', m[0].length);
    if (reason >= 0) listEnd = reason;
    const rules: { id: string; span: Span }[] = [];
    const re = /[^\s,]+/g;
    re.lastIndex = m[0].length;
    for (let r = re.exec(c.text); r && r.index < listEnd; r = re.exec(c.text)) {
      rules.push({ id: r[0], span: { start: c.span.start + r.index, end: c.span.start + r.index + r[0].length } });
    }
    let from = 0;
    let to = doc.index.lineCount - 1;
    if (kind === 'next-line') {
      from = c.line + 1;
      while (commentLines.has(from)) from++;
      to = entryAt(doc, from)?.endLine ?? from;
    }
    out.push({ kind, line: c.line, span: c.span, keywordSpan: { start: keywordStart, end: keywordStart + m[1].length }, rules, from, to });
  }
  return out;
}

/** Why a rule id named in a directive can never match anything in this document, if it cannot. */
function unusableRule(doc: ParsedDocument, id: string): string | undefined {
  const rule = ruleById(id);
  if (!rule) {
    if (id.startsWith('daemonlint/')) return undefined; // binary-file, internal-error, ...
    return `'${id}' is not a Daemonlint rule, so this suppression does nothing.`;
  }
  if (rule.dialect !== doc.dialect && !rule.alsoChecks?.includes(doc.dialect)) return `'${id}' checks ${rule.dialect} files, not ${doc.dialect} files, so this suppression does nothing.`;
  return undefined;
}

/** An edit that removes one rule id from a directive, or the whole comment when it names only that rule. */
function removeRuleEdit(doc: ParsedDocument, d: SuppressionDirective, index: number): TextEdit {
  if (d.rules.length <= 1) return removeDirectiveEdit(doc, d);
  const r = d.rules[index];
  // Take the separator on the left (", x"), or on the right for the first id ("x, ").
  const span = index > 0 ? { start: d.rules[index - 1].span.end, end: r.span.end } : { start: r.span.start, end: d.rules[1].span.start };
  return { range: doc.index.rangeOf(span), newText: '' };
}

function removeDirectiveEdit(doc: ParsedDocument, d: SuppressionDirective): TextEdit {
  const lineStart = doc.index.lineStarts[d.line];
  const textStart = doc.hasBom && d.line === 0 ? 1 : 0;
  if (doc.text.slice(lineStart + textStart, d.span.start).trim() === '') {
    // A comment on its own line: the whole line goes (the BOM stays).
    const edit = deleteLines(doc, d.line, d.line);
    return textStart ? { ...edit, range: { ...edit.range, start: { line: 0, character: 1 } } } : edit;
  }
  // A trailing comment (limits.conf): drop it and the blanks before it.
  let start = d.span.start;
  while (start > lineStart && /[ \t]/.test(doc.text[start - 1])) start--;
  return { range: doc.index.rangeOf({ start, end: doc.index.lineEnd(d.line) }), newText: '' };
}

function fixOf(doc: ParsedDocument, title: string, edit: TextEdit, preferred: boolean): Fix {
  return { title, changes: [{ uri: doc.uri, edits: [edit] }], preferred };
}

/**
 * Drops the findings suppressed by directives and adds a daemonlint/unused-suppression finding
 * for every rule a directive names that suppressed nothing. `docUrl` maps a rule id to its page.
 */
export function applySuppressions(doc: ParsedDocument, findings: Finding[], settings: Settings, docUrl: (id: string) => string | undefined): Finding[] {
  const directives = parseSuppressions(doc);
  if (directives.length === 0) return findings;
  const used = directives.map((d) => d.rules.map(() => false));
  const kept: Finding[] = [];
  for (const f of findings) {
    let suppressed = false;
    const line = f.range.start.line;
    directives.forEach((d, i) => {
      if (d.kind === 'next-line' && (line < d.from || line > d.to)) return;
      d.rules.forEach((r, j) => {
        if (r.id === f.rule) {
          used[i][j] = true;
          suppressed = true;
        }
      });
    });
    if (!suppressed) kept.push(f);
  }

  const level = settings.rules[UNUSED_SUPPRESSION];
  // `daemonlint-disable-file daemonlint/unused-suppression` silences these reports, itself included.
  if (level === 'off' || directives.some((d) => d.kind === 'file' && d.rules.some((r) => r.id === UNUSED_SUPPRESSION))) return kept;
  const report: Finding[] = [];
  const push = (span: Span, message: string, fixes: Fix[]) =>
    report.push({
      uri: doc.uri,
      rule: UNUSED_SUPPRESSION,
      severity: level ?? 'hint',
      range: doc.index.rangeOf(span),
      message,
      docUrl: docUrl(UNUSED_SUPPRESSION),
      fixes,
      related: [],
      tags: ['unnecessary'],
    });
  const where = (d: SuppressionDirective) => (d.kind === 'file' ? 'in this file' : d.from === d.to ? `on line ${d.from + 1}` : `on lines ${d.from + 1}-${d.to + 1}`);
  const known = RULES.map((r) => r.id);
  directives.forEach((d, i) => {
    if (d.rules.length === 0) {
      push(d.keywordSpan, `${d.kind === 'file' ? 'daemonlint-disable-file' : 'daemonlint-disable-next-line'} names no rule, so it suppresses nothing. List the rule ids to silence, separated by commas.`, [
        fixOf(doc, 'Remove the suppression comment', removeDirectiveEdit(doc, d), true),
      ]);
      return;
    }
    d.rules.forEach((r, j) => {
      if (used[i][j]) return;
      const rule = ruleById(r.id);
      // A rule switched off (or a security rule without --security) may report elsewhere: say nothing.
      if (rule && (settings.rules[r.id] === 'off' || (rule.security && !settings.security))) return;
      const title = d.rules.length > 1 ? `Remove '${r.id}' from the suppression comment` : 'Remove the suppression comment';
      const unusable = unusableRule(doc, r.id);
      if (unusable) {
        const suggestion = ruleById(r.id) ? undefined : closest(r.id, known);
        const fixes = [fixOf(doc, title, removeRuleEdit(doc, d, j), false)];
        if (suggestion) fixes.unshift(fixOf(doc, `Change to '${suggestion}'`, { range: doc.index.rangeOf(r.span), newText: suggestion }, false));
        push(r.span, unusable + (suggestion ? ` Did you mean '${suggestion}'?` : ''), fixes);
        return;
      }
      push(r.span, `Nothing to suppress: ${r.id} reports nothing ${where(d)}. Remove it so the comment does not hide a future finding.`, [fixOf(doc, title, removeRuleEdit(doc, d, j), true)]);
    });
  });
  return kept.concat(report);
}

/** Quick actions that silence one finding: on its line, or in the whole file. Never preferred. */
export function suppressionFixes(doc: ParsedDocument, finding: Finding): Fix[] {
  if (finding.rule === UNUSED_SUPPRESSION || finding.uri !== doc.uri) return [];
  const directives = parseSuppressions(doc);
  const line = finding.range.start.line;
  const eol = doc.index.eol;
  const out: Fix[] = [];
  // Add to a next-line directive that already covers this line, else insert one above the entry.
  const existing = directives.find((d) => d.kind === 'next-line' && line >= d.from && line <= d.to && d.rules.length > 0);
  if (existing) {
    const last = existing.rules[existing.rules.length - 1].span.end;
    out.push(fixOf(doc, `Suppress ${finding.rule} on this line`, { range: doc.index.rangeOf({ start: last, end: last }), newText: `, ${finding.rule}` }, false));
  } else if (!(doc.hasBom && (entryAt(doc, line)?.line ?? line) === 0)) {
    // (Not above a first line behind a byte-order mark: the comment would become that line.)
    const target = entryAt(doc, line)?.line ?? line;
    const lineStart = doc.index.lineStarts[target];
    const textStart = doc.hasBom && target === 0 ? 1 : 0;
    const lineText = doc.text.slice(lineStart + textStart, doc.index.lineEnd(target));
    const indent = /^[ \t]*/.exec(lineText)![0];
    const at = lineStart + textStart;
    out.push(fixOf(doc, `Suppress ${finding.rule} on this line`, { range: doc.index.rangeOf({ start: at, end: at }), newText: `${indent}# daemonlint-disable-next-line ${finding.rule}${eol}` }, false));
  }
  const fileDirective = directives.find((d) => d.kind === 'file' && d.rules.length > 0);
  if (fileDirective) {
    const last = fileDirective.rules[fileDirective.rules.length - 1].span.end;
    out.push(fixOf(doc, `Suppress ${finding.rule} in this file`, { range: doc.index.rangeOf({ start: last, end: last }), newText: `, ${finding.rule}` }, false));
  } else {
    out.push(fixOf(doc, `Suppress ${finding.rule} in this file`, insertLinesAtTop(doc, [`# daemonlint-disable-file ${finding.rule}`]), false));
  }
  return out;
}
