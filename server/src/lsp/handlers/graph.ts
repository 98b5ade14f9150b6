// Graph features over LSP: inlay hints (clients per LimitNOFILE=), code lenses on stunnel configs
// (the unit that starts them), and the effective-unit request behind "Show Effective Unit".
import { CodeLens, InlayHint, InlayHintKind, InlayHintParams, CodeLensParams } from '../protocol';
import { EFFECTIVE_UNIT_REQUEST, SHOW_EFFECTIVE_UNIT_COMMAND, type EffectiveUnitParams, type EffectiveUnitResult } from '../../../../client/src/protocol';
import { codeLenses, effectiveUnit, inlayHints } from '../coreApi';
import { runSafe } from '../runSafe';
import type { ServerState } from '../state';

export const GRAPH_CAPABILITIES = {
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  definitionProvider: true,
};

export function registerGraphFeatures(state: ServerState): void {
  const { connection } = state;

  connection.languages.inlayHint.on((p: InlayHintParams, token) =>
    runSafe(connection, 'inlayHint', [] as InlayHint[], token, () =>
      inlayHints(state.ws, p.textDocument.uri)
        .filter((h) => h.position.line >= p.range.start.line && h.position.line <= p.range.end.line)
        .map((h) => ({ position: h.position, label: h.label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: h.tooltip })),
    ),
  );

  connection.onCodeLens((p: CodeLensParams, token) =>
    runSafe(connection, 'codeLens', [] as CodeLens[], token, () =>
      codeLenses(state.ws, p.textDocument.uri).map((l) => ({ range: l.range, command: { title: l.title, command: SHOW_EFFECTIVE_UNIT_COMMAND, arguments: [l.unitUri] } })),
    ),
  );

  connection.onRequest(EFFECTIVE_UNIT_REQUEST, (p: EffectiveUnitParams, token) =>
    runSafe(connection, 'effectiveUnit', null as EffectiveUnitResult, token, (): EffectiveUnitResult => {
      const u = p && typeof p.uri === 'string' ? effectiveUnit(state.ws, p.uri) : undefined;
      return u ? { name: u.name, uri: u.uri, text: u.text } : null;
    }),
  );
}
