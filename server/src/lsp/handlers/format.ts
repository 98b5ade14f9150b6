// Document and range formatting: the core decides, this only answers the request.
import { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from '../protocol';
import { format } from '../coreApi';
import { runSafe } from '../runSafe';
import type { ServerState } from '../state';

export const FORMAT_CAPABILITIES = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
};

export function registerFormatting(state: ServerState): void {
  const { connection } = state;
  connection.onDocumentFormatting((p: DocumentFormattingParams, token) =>
    runSafe(connection, 'formatting', [] as TextEdit[], token, () => {
      const d = state.ws.get(p.textDocument.uri);
      return d ? format(d) : [];
    }),
  );
  connection.onDocumentRangeFormatting((p: DocumentRangeFormattingParams, token) =>
    runSafe(connection, 'rangeFormatting', [] as TextEdit[], token, () => {
      const d = state.ws.get(p.textDocument.uri);
      return d ? format(d, p.range) : [];
    }),
  );
}
