// Quick fixes are the fixes findings carry; this picks those that touch a range, then offers to
// suppress each finding on its line or in its file.
import { suppressionFixes } from '../suppress';
import type { ParsedDocument } from '../syntax/ast';
import type { Finding, Fix, Range } from '../types';

export interface CodeAction {
  title: string;
  fix: Fix;
  finding: Finding;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Fixes of the findings in `range`, then (when `doc` is given) their suppression actions. */
export function codeActions(findings: Finding[], range: Range, doc?: ParsedDocument): CodeAction[] {
  const hit = findings.filter((f) => overlaps(f.range, range));
  const out: CodeAction[] = [];
  for (const f of hit) for (const fix of f.fixes) out.push({ title: fix.title, fix, finding: f });
  if (doc) {
    const seen = new Set<string>();
    for (const f of hit) {
      for (const fix of suppressionFixes(doc, f)) {
        if (seen.has(fix.title)) continue; // two findings of one rule on a line: one action
        seen.add(fix.title);
        out.push({ title: fix.title, fix, finding: f });
      }
    }
  }
  return out;
}
