// Hover, completion and code actions: each a thin call into the core.
import { CodeAction, CodeActionKind, CodeActionParams, CompletionParams, HoverParams, MarkupKind } from '../protocol';
import { codeActions, complete, fixAll, FIX_ALL_TITLE, hover, lintFile, type Finding } from '../coreApi';
import { toCodeAction, toCompletionItem, toWorkspaceEdit } from '../convert';
import { listDir } from '../../node/listDir';
import { runSafe } from '../runSafe';
import type { ServerState } from '../state';
import type { SettingsCache } from './settings';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.daemonlint';

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
      return doc ? complete(doc, p.position, { ws: state.ws, listDir }).map(toCompletionItem) : [];
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
        for (const a of codeActions(findings, p.range, state.ws.get(uri))) out.push(toCodeAction(a.fix, a.finding, (u) => state.versionOf(u)));
      }
      // Offered on request (editor.codeActionsOnSave, "Fix All") or next to fixable problems.
      if (wants(FIX_ALL_KIND) && (only || findings.some((f) => f.fixes.some((x) => x.preferred)))) {
        const all = fixAll(state.ws, uri, await settings.get(uri));
        if (all) out.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: toWorkspaceEdit({ title: FIX_ALL_TITLE, changes: [{ uri, edits: all.edits }] }, (u) => state.versionOf(u)) });
      }
      return out;
    }),
  );
}
