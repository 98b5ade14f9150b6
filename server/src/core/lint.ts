// Runs the rules over a file and turns their reports into findings with ranges and severities.
import type { Rule } from './rules/rule';
import { RULES } from './rules/registry';
import type { Settings } from './settings';
import { applySuppressions } from './suppress';
import type { Dialect, Finding } from './types';
import type { Workspace } from './workspace/workspace';

export interface LintOptions {
  /** Base URL of the rule documentation pages (`<base><rule-id>.md`). */
  docsBase?: string;
}

export function rulesFor(dialect: string, settings: Settings): Rule[] {
  return RULES.filter((r) => (r.dialect === dialect || r.alsoChecks?.includes(dialect as Dialect) === true) && (!r.security || settings.security) && settings.rules[r.id] !== 'off');
}

export function lintFile(ws: Workspace, uri: string, settings: Settings, options: LintOptions = {}): Finding[] {
  const doc = ws.get(uri);
  if (!doc) return [];
  const bad = ws.problemOf(uri);
  if (bad) {
    const zero = { line: 0, character: 0 };
    return [{ uri, rule: bad.rule, severity: 'warning', range: { start: zero, end: zero }, message: bad.message, fixes: [], related: [] }];
  }
  const findings: Finding[] = [];
  for (const rule of rulesFor(doc.dialect, settings)) {
    const level = settings.rules[rule.id];
    try {
      rule.check({
        doc,
        workspace: ws,
        settings,
        report(r) {
          findings.push({
            uri,
            rule: rule.id,
            severity: level && level !== 'off' ? level : (r.severity ?? rule.severity),
            range: doc.index.rangeOf(r.span),
            message: r.message,
            docUrl: options.docsBase ? `${options.docsBase}${rule.id}.md` : r.docUrl,
            fixes: r.fixes ?? [],
            related: r.related ?? [],
            ...(r.tags ? { tags: r.tags } : {}),
          });
        },
      });
    } catch (err) {
      // A rule bug must not take the other rules (or the editor) down with it.
      findings.push({
        uri,
        rule: 'daemonlint/internal-error',
        severity: 'error',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Rule ${rule.id} failed on this file: ${err instanceof Error ? err.message : String(err)}. Please report it.`,
        fixes: [],
        related: [],
      });
    }
  }
  const docUrl = (id: string) => (options.docsBase ? `${options.docsBase}${id}.md` : undefined);
  return applySuppressions(doc, findings, settings, docUrl).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}

export function lintWorkspace(ws: Workspace, settings: Settings, options: LintOptions = {}): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const uri of ws.uris().sort()) out.set(uri, lintFile(ws, uri, settings, options));
  return out;
}
