// Quick fixes are the fixes findings carry; this picks those that touch a range.
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

export function codeActions(findings: Finding[], range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  for (const f of findings) {
    if (!overlaps(f.range, range)) continue;
    for (const fix of f.fixes) out.push({ title: fix.title, fix, finding: f });
  }
  return out;
}
