// Every request goes through here: a cancelled request answers RequestCancelled, and an
// exception (a malformed request, or a bug) is logged and answered with an InternalError
// response naming the request, instead of taking the server down or answering as if all was well.
import { CancellationToken, Connection, ErrorCodes, LSPErrorCodes, ResponseError } from './protocol';

export async function runSafe<T>(connection: Connection, what: string, _empty: T, token: CancellationToken | undefined, work: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    const result = await work();
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return result;
  } catch (e) {
    connection.console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return new ResponseError(ErrorCodes.InternalError, `${what} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
