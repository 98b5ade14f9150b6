// What the handlers share: the open documents, the core workspace and the last findings.
import * as path from 'node:path';
import { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, type Finding } from '../core';

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

  versionOf(uri: string): number | null {
    return this.documents.get(uri)?.version ?? null;
  }
}
