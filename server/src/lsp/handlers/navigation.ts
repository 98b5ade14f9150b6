// Go to definition across the graph: from a unit's ExecStart= config argument to the config(s)
// it starts (every instance config for a template), from stunnel's include = to the files it reads.
import { DefinitionParams, LocationLink } from '../protocol';
import { definition } from '../coreApi';
import { runSafe } from '../runSafe';
import type { ServerState } from '../state';

export function registerNavigation(state: ServerState): void {
  const { connection } = state;
  connection.onDefinition((p: DefinitionParams, token) =>
    runSafe(connection, 'definition', [] as LocationLink[], token, () =>
      definition(state.ws, p.textDocument.uri, p.position).map((d) => LocationLink.create(d.targetUri, d.targetRange, d.targetRange, d.originRange)),
    ),
  );
}
