// A minimal LSP client over real stdio JSON-RPC, for protocol tests: spawns dist/server.js --stdio
// the way the installed command runs, with the Node flags of its #! line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

/** The Node flags on the `#!/usr/bin/env -S node ...` line of dist/server.js. */
export function serverNodeFlags() {
  const first = readFileSync(SERVER, 'utf8').slice(0, 300).split('\n')[0];
  const m = /^#!\/usr\/bin\/env -S node((?: --?[\w=.-]+)*)$/.exec(first);
  if (!m) throw new Error(`unexpected first line of dist/server.js: ${first}`);
  return m[1].split(' ').filter(Boolean);
}

export class LspClient {
  constructor({ initializationOptions = { debounceMs: 0 }, workspaceFolders = null, configuration = {}, env = process.env } = {}) {
    this.proc = spawn(process.execPath, [...serverNodeFlags(), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiters = [];
    this.notifications = [];
    this.serverRequests = [];
    this.stderr = '';
    this.configuration = configuration;
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.initializationOptions = initializationOptions;
    this.workspaceFolders = workspaceFolders;
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const sep = this.buffer.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const header = this.buffer.slice(0, sep).toString();
      const len = Number(/Content-Length: (\d+)/i.exec(header)[1]);
      if (this.buffer.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buffer.slice(sep + 4, sep + 4 + len).toString());
      this.buffer = this.buffer.slice(sep + 4 + len);
      this.onMessage(msg);
    }
  }

  onMessage(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p?.resolve(msg.result);
      return;
    }
    if (msg.method === 'workspace/configuration') {
      this.send({ jsonrpc: '2.0', id: msg.id, result: msg.params.items.map(() => this.configuration) });
      return;
    }
    if (msg.id !== undefined) {
      this.serverRequests.push(msg);
      this.send({ jsonrpc: '2.0', id: msg.id, result: null });
      for (const w of [...this.waiters]) w();
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') this.diagnostics.set(msg.params.uri, msg.params);
    this.notifications.push(msg);
    for (const w of [...this.waiters]) w();
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(capabilities = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } }) {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: this.initializationOptions,
      workspaceFolders: this.workspaceFolders,
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri, languageId, text, version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri, version, contentChanges) {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Resolves when `predicate()` is true, polling on every message, or rejects at the deadline. */
  waitFor(predicate, what = 'condition', timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = predicate();
        if (v) {
          this.waiters = this.waiters.filter((w) => w !== check);
          clearTimeout(timer);
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  /** Waits for diagnostics of `uri` at `version` (or any version when omitted). */
  diagnosticsFor(uri, version) {
    return this.waitFor(() => {
      const d = this.diagnostics.get(uri);
      return d && (version === undefined || d.version === version) ? d.diagnostics : undefined;
    }, `diagnostics of ${uri}`);
  }

  async shutdown() {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await new Promise((r) => this.proc.once('exit', r));
  }
}
