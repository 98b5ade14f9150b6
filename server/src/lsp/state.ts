// What the handlers share: the open documents, the core workspace and the last findings.
import * as path from 'node:path';
import { CodeLensRefreshRequest, Connection, Diagnostic, InlayHintRefreshRequest, TextDocuments } from './protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, type Finding } from './coreApi';

export interface ServerOptions {
  /** Delay between the last keystroke and a lint run, in ms. */
  debounceMs: number;
}

export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  private workspace: Workspace | undefined;
  /** Created on first use: the core is loaded when first needed, after `initialize` is answered. */
  get ws(): Workspace {
    return (this.workspace ??= new Workspace());
  }
  set ws(ws: Workspace) {
    this.workspace = ws;
  }
  /** Findings of the last lint of each file, with the text version they belong to. */
  readonly findings = new Map<string, { version: number | undefined; findings: Finding[] }>();
  /** Rule pages ship with the server: dist/../docs/rules/<id>.md. */
  readonly docsBase = 'file://' + path.resolve(__dirname, '..', 'docs', 'rules') + '/';
  options: ServerOptions = { debounceMs: 200 };
  canConfigure = false;
  /** Whether the client takes workspace/inlayHint/refresh and workspace/codeLens/refresh. */
  refreshSupport = { inlayHints: false, codeLenses: false };
  folders: string[] = [];
  /** Whether the client says the workspace is trusted; installed programs are run only then. */
  trusted = false;
  /** Diagnostics of installed programs (systemd-analyze, stunnel), valid for one text version. */
  readonly external = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();

  constructor(readonly connection: Connection) {}

  /** The installed-program diagnostics of `uri` that still match `version`; stale ones are dropped. */
  externalDiagnostics(uri: string, version: number | undefined): Diagnostic[] {
    const e = this.external.get(uri);
    if (!e) return [];
    if (e.version === version) return e.diagnostics;
    this.external.delete(uri);
    return [];
  }

  /**
   * Asks the client to fetch inlay hints and code lenses again: they show facts from linked files
   * (≈ clients per LimitNOFILE, which unit starts a config), which an edit elsewhere can change.
   */
  refreshGraphViews(): void {
    if (this.refreshSupport.inlayHints) void this.connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
    if (this.refreshSupport.codeLenses) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  versionOf(uri: string): number | null {
    return this.documents.get(uri)?.version ?? null;
  }
}
