// Every request goes through here: a cancelled request answers RequestCancelled, and an
// exception is logged and answered with the empty value instead of killing the server.
import { CancellationToken, Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export async function runSafe<T>(connection: Connection, what: string, empty: T, token: CancellationToken | undefined, work: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    const result = await work();
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return result;
  } catch (e) {
    connection.console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return empty;
  }
}
