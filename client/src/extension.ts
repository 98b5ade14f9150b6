// The VS Code side: starts the language server and hands it the Daemonlint languages.
// No analysis happens here.
import * as path from 'node:path';
import { commands, EventEmitter, languages, Uri, window, workspace, type ExtensionContext, type TextDocumentContentProvider } from 'vscode';
import { CloseAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CONFIG_SECTION,
  EFFECTIVE_UNIT_REQUEST,
  EFFECTIVE_UNIT_SCHEME,
  GRAPH_FILE_GLOB,
  LANGUAGES,
  OUTPUT_CHANNEL,
  SHOW_EFFECTIVE_UNIT_COMMAND,
  WORKSPACE_TRUST_NOTIFICATION,
  type EffectiveUnitParams,
  type EffectiveUnitResult,
  type WorkspaceTrustParams,
} from './protocol';
import { registerStatus } from './status';
import SERVER_NODE_FLAGS from '../../server/src/serverNodeFlags.json';

let client: LanguageClient | undefined;

/** Read-only documents holding the effective units the server computed. */
class EffectiveUnits implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  set(uri: Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // A small young generation: the server's live data is a few MB, and without it V8 keeps some
    // 25 MB more of spent garbage space after a burst of edits (bench/RESULTS.md).
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // /etc/default/stunnel4 has no language of its own; the server knows it by its path.
      { scheme: 'file', pattern: '**/default/stunnel*' },
    ],
    synchronize: { configurationSection: CONFIG_SECTION, fileEvents: workspace.createFileSystemWatcher(GRAPH_FILE_GLOB) },
    outputChannelName: OUTPUT_CHANNEL,
    // The server runs installed programs (Validate with Installed Tools) only in a trusted workspace.
    initializationOptions: { isTrusted: workspace.isTrusted },
    errorHandler: restartingErrorHandler(() => client),
  };
  client = new LanguageClient('daemonlint', 'Daemonlint', serverOptions, clientOptions);

  const effective = new EffectiveUnits();
  context.subscriptions.push(
    workspace.registerTextDocumentContentProvider(EFFECTIVE_UNIT_SCHEME, effective),
    commands.registerCommand(SHOW_EFFECTIVE_UNIT_COMMAND, async (target?: string | Uri) => {
      const uri = typeof target === 'string' ? target : (target?.toString() ?? window.activeTextEditor?.document.uri.toString());
      if (!uri || !client) return;
      const params: EffectiveUnitParams = { uri };
      const result = await client.sendRequest<EffectiveUnitResult>(EFFECTIVE_UNIT_REQUEST, params);
      if (!result) {
        void window.showInformationMessage('Daemonlint: this file is not a unit, a drop-in, or a config that a unit in the workspace starts.');
        return;
      }
      const view = Uri.from({ scheme: EFFECTIVE_UNIT_SCHEME, path: `/${result.name}`, query: result.uri });
      effective.set(view, result.text);
      const doc = await workspace.openTextDocument(view);
      await languages.setTextDocumentLanguage(doc, 'systemd-unit');
      await window.showTextDocument(doc, { preview: true });
    }),
  );
  registerStatus(context, () => client);
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      const params: WorkspaceTrustParams = { trusted: true };
      void client?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, params);
    }),
  );
  await client.start();
}

/**
 * The client's default policy (a server that dies is restarted, up to 4 times in 3 minutes, then
 * left stopped with an error message), plus a visible warning on each restart.
 */
function restartingErrorHandler(current: () => LanguageClient | undefined): ErrorHandler {
  let fallback: ErrorHandler | undefined;
  const defaults = () => (fallback ??= current()!.createDefaultErrorHandler(4));
  return {
    error: (error, message, count) => defaults().error(error, message, count),
    closed: async () => {
      const result = await defaults().closed();
      if (result.action === CloseAction.Restart) {
        void window.showWarningMessage('Daemonlint: the language server stopped unexpectedly and has been restarted. See the Daemonlint output for details.');
      }
      return result;
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
