// What the handlers share: the open documents, the core workspace and the last findings.
import * as path from 'node:path';
import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace, type Finding } from '../core';

export interface ServerOptions {
  /** Delay between the last keystroke and a lint run, in ms. */
  debounceMs: number;
}

export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  ws = new Workspace();
  /** Findings of the last lint of each file, with the text version they belong to. */
  readonly findings = new Map<string, { version: number | undefined; findings: Finding[] }>();
  /** Rule pages ship with the server: dist/../docs/rules/<id>.md. */
  readonly docsBase = 'file://' + path.resolve(__dirname, '..', 'docs', 'rules') + '/';
  options: ServerOptions = { debounceMs: 200 };
  canConfigure = false;
  folders: string[] = [];

  constructor(readonly connection: Connection) {}

  versionOf(uri: string): number | null {
    return this.documents.get(uri)?.version ?? null;
  }
}
