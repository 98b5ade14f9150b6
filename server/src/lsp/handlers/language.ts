// Hover, completion and code actions: each a thin call into the core.
import { CodeAction, CodeActionKind, CodeActionParams, CompletionParams, HoverParams, MarkupKind } from 'vscode-languageserver/node';
import { codeActions, complete, hover, lintFile, type Finding, type Fix } from '../../core';
import { toCodeAction, toCompletionItem, toWorkspaceEdit } from '../convert';
import { runSafe } from '../runSafe';
import type { ServerState } from '../state';
import type { SettingsCache } from './settings';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.daemonlint';

/** Fixes that may be applied together: preferred, single-file, and not overlapping each other. */
export function fixAllEdits(uri: string, findings: Finding[]): Fix | undefined {
  const taken: { start: number; end: number }[] = [];
  const edits = [];
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix || fix.changes.length !== 1 || fix.changes[0].uri !== uri || fix.changes[0].create) continue;
    const spans = fix.changes[0].edits.map((e) => ({ start: key(e.range.start), end: key(e.range.end) }));
    if (spans.some((s) => taken.some((t) => s.start <= t.end && t.start <= s.end))) continue;
    taken.push(...spans);
    edits.push(...fix.changes[0].edits);
  }
  return edits.length ? { title: 'Fix all Daemonlint problems', changes: [{ uri, edits }], preferred: true } : undefined;
}

export function registerLanguageFeatures(state: ServerState, settings: SettingsCache): void {
  const { connection, documents } = state;

  const currentFindings = async (uri: string): Promise<Finding[]> => {
    const doc = documents.get(uri);
    const cached = state.findings.get(uri);
    if (cached && cached.version === doc?.version) return cached.findings;
    const findings = lintFile(state.ws, uri, await settings.get(uri), { docsBase: state.docsBase });
    state.findings.set(uri, { version: doc?.version, findings });
    return findings;
  };

  connection.onHover((p: HoverParams, token) =>
    runSafe(connection, 'hover', null, token, () => {
      const doc = state.ws.get(p.textDocument.uri);
      const h = doc ? hover(doc, p.position) : undefined;
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    }),
  );

  connection.onCompletion((p: CompletionParams, token) =>
    runSafe(connection, 'completion', [], token, () => {
      const doc = state.ws.get(p.textDocument.uri);
      return doc ? complete(doc, p.position).map(toCompletionItem) : [];
    }),
  );

  connection.onCodeAction((p: CodeActionParams, token) =>
    runSafe(connection, 'codeAction', [] as CodeAction[], token, async () => {
      const uri = p.textDocument.uri;
      const findings = await currentFindings(uri);
      const only = p.context.only;
      const out: CodeAction[] = [];
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
      if (wants(CodeActionKind.QuickFix)) {
        for (const a of codeActions(findings, p.range)) out.push(toCodeAction(a.fix, a.finding, (u) => state.versionOf(u)));
      }
      if (wants(FIX_ALL_KIND) && (only || out.length > 0)) {
        const all = fixAllEdits(uri, findings);
        if (all) out.push({ title: all.title, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(all, (u) => state.versionOf(u)) });
      }
      return out;
    }),
  );
}
