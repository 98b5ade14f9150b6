// startServer(connection): capabilities, document sync, settings and handler registration.
import { Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, InitializeParams, InitializeResult, TextDocumentSyncKind } from './lsp/protocol';
import { setFlagsFromString } from 'node:v8';
import { neighbours, uriToPath } from './lsp/coreApi';
import { Diagnostics } from './lsp/handlers/diagnostics';
import { registerExternalTools } from './lsp/handlers/external';
import { GRAPH_CAPABILITIES, registerGraphFeatures } from './lsp/handlers/graph';
import { FORMAT_CAPABILITIES, registerFormatting } from './lsp/handlers/format';
import { FIX_ALL_KIND, registerLanguageFeatures } from './lsp/handlers/language';
import { registerNavigation } from './lsp/handlers/navigation';
import { SettingsCache } from './lsp/handlers/settings';
import { registerStructureFeatures, STRUCTURE_CAPABILITIES } from './lsp/handlers/structure';
import { indexFolders, onWatchedFiles } from './lsp/handlers/workspace';
import { ServerState } from './lsp/state';

export function startServer(connection: Connection): void {
  const state = new ServerState(connection);
  const settings = new SettingsCache(state);
  const diagnostics = new Diagnostics(state, settings);
  const { documents } = state;
  let canRegisterConfiguration = false;
  let watchRcFiles = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    state.canConfigure = caps.workspace?.configuration === true;
    state.refreshSupport = { inlayHints: caps.workspace?.inlayHint?.refreshSupport === true, codeLenses: caps.workspace?.codeLens?.refreshSupport === true };
    canRegisterConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchRcFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = (params.initializationOptions ?? {}) as { debounceMs?: unknown; settings?: unknown; isTrusted?: unknown };
    // Installed programs run only when the client vouches for the workspace.
    state.trusted = init.isTrusted === true;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) state.options.debounceMs = init.debounceMs;
    settings.setFallback(init.settings ?? {});
    state.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (state.folders.length === 0 && params.rootUri) state.folders = [uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', '[', ' ', '/'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true } },
        ...GRAPH_CAPABILITIES,
        ...STRUCTURE_CAPABILITIES,
        ...FORMAT_CAPABILITIES,
      },
      serverInfo: { name: 'daemonlint-language-server' },
    };
  });

  connection.onInitialized(() => {
    // Memory-first heap sizing from here on: without it V8 keeps some 40 MB of spent garbage space
    // after a burst of edits (bench/RESULTS.md). Set now rather than on the command line, where it
    // slowed the start (and the answer to initialize) by some 30 ms.
    setFlagsFromString('--optimize-for-size');
    // Register only with clients that say they take dynamic registration (eglot 1.9 does not).
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    // A .daemonlintrc that appears, changes or goes away takes effect at once.
    if (watchRcFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.daemonlintrc' }] });
    if (state.folders.length) {
      indexFolders(state, state.folders);
      diagnostics.relintOpen();
    } else {
      // Load the core now, while the editor is still busy opening the first file.
      void state.ws;
    }
  });

  connection.onDidChangeConfiguration((p) => {
    settings.forget();
    const raw = (p.settings as { daemonlint?: unknown } | undefined)?.daemonlint;
    if (raw) settings.setFallback(raw);
    diagnostics.relintOpen();
  });

  connection.onDidChangeWatchedFiles((p) => {
    if (settings.onWatchedFiles(p.changes.map((c) => c.uri))) diagnostics.relintOpen();
    const changed = onWatchedFiles(state, p);
    for (const uri of changed) for (const n of neighbours(state.ws, uri)) if (documents.get(n)) void diagnostics.schedule(n, 'graph');
    if (changed.length) state.refreshGraphViews();
  });

  // The document manager reports an opened document as changed too: that second event is skipped,
  // or every open would be linted twice (once at once, once after the typing delay).
  const justOpened = new Map<string, number>();
  documents.onDidOpen((e) => {
    state.ws.set(e.document.uri, e.document.getText(), e.document.version, languageDialect(e.document.languageId));
    justOpened.set(e.document.uri, e.document.version);
    void diagnostics.schedule(e.document.uri, 'open');
  });
  documents.onDidChangeContent((e) => {
    const opened = justOpened.get(e.document.uri);
    justOpened.delete(e.document.uri);
    if (opened === e.document.version) return;
    state.ws.set(e.document.uri, e.document.getText(), e.document.version, languageDialect(e.document.languageId));
    void diagnostics.schedule(e.document.uri, 'change');
  });
  documents.onDidSave((e) => void diagnostics.schedule(e.document.uri, 'save'));
  documents.onDidClose((e) => {
    settings.forget(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  registerLanguageFeatures(state, settings);
  registerGraphFeatures(state);
  registerNavigation(state);
  registerStructureFeatures(state);
  registerFormatting(state);
  registerExternalTools(state, diagnostics);
  documents.listen(connection);
  connection.listen();
}

function languageDialect(languageId: string) {
  return languageId === 'stunnel' || languageId === 'systemd-unit' || languageId === 'limits-conf' ? languageId : undefined;
}
