// Outline, folding, links, semantic tokens and the value hint after `=`: each a thin call into the core.
import {
  DocumentLink,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeKind,
  FoldingRangeParams,
  MarkupKind,
  SemanticTokens,
  SignatureHelp,
  SignatureHelpParams,
  SymbolKind,
} from '../protocol';
import { documentLinks, documentSymbols, encodeSemanticTokens, foldingRanges, semanticTokens, signatureHelp, type DocumentSymbolEntry } from '../coreApi';
// The legend is announced in `initialize`, before the core is loaded.
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../core/features/tokenLegend';
import { runSafe } from '../runSafe';
import type { ServerState } from '../state';

export const STRUCTURE_CAPABILITIES = {
  documentSymbolProvider: { label: 'Daemonlint' },
  foldingRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
  semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
  signatureHelpProvider: { triggerCharacters: ['='], retriggerCharacters: [' ', ','] },
};

const SYMBOL_KIND: Record<DocumentSymbolEntry['kind'], SymbolKind> = {
  section: SymbolKind.Module,
  service: SymbolKind.Class,
  global: SymbolKind.Namespace,
  key: SymbolKind.Property,
  limit: SymbolKind.Field,
};

function toSymbol(s: DocumentSymbolEntry): DocumentSymbol {
  const out: DocumentSymbol = { name: s.name, kind: SYMBOL_KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toSymbol) };
  if (s.detail) out.detail = s.detail;
  return out;
}

export function registerStructureFeatures(state: ServerState): void {
  const { connection } = state;
  const doc = (uri: string) => state.ws.get(uri);

  connection.onDocumentSymbol((p: DocumentSymbolParams, token) =>
    runSafe(connection, 'documentSymbol', [] as DocumentSymbol[], token, () => {
      const d = doc(p.textDocument.uri);
      return d ? documentSymbols(d).map(toSymbol) : [];
    }),
  );

  connection.onFoldingRanges((p: FoldingRangeParams, token) =>
    runSafe(connection, 'foldingRange', [] as FoldingRange[], token, () => {
      const d = doc(p.textDocument.uri);
      if (!d) return [];
      return foldingRanges(d).map((f) => {
        const r: FoldingRange = { startLine: f.startLine, endLine: f.endLine };
        if (f.kind) r.kind = f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region;
        return r;
      });
    }),
  );

  connection.onDocumentLinks((p, token) =>
    runSafe(connection, 'documentLink', [] as DocumentLink[], token, () => {
      const d = doc(p.textDocument.uri);
      return d ? documentLinks(d, state.ws).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip })) : [];
    }),
  );

  connection.languages.semanticTokens.on((p, token) =>
    runSafe(connection, 'semanticTokens', { data: [] } as SemanticTokens, token, () => {
      const d = doc(p.textDocument.uri);
      return { data: d ? encodeSemanticTokens(semanticTokens(d)) : [] };
    }),
  );

  connection.onSignatureHelp((p: SignatureHelpParams, token) =>
    runSafe(connection, 'signatureHelp', null as SignatureHelp | null, token, () => {
      const d = doc(p.textDocument.uri);
      const h = d ? signatureHelp(d, p.position) : undefined;
      if (!h) return null;
      return {
        signatures: [
          {
            label: h.label,
            documentation: { kind: MarkupKind.Markdown, value: h.documentation },
            parameters: h.parameters.map((label) => ({ label })),
            activeParameter: h.activeParameter,
          },
        ],
        activeSignature: 0,
        activeParameter: h.activeParameter,
      };
    }),
  );
}
