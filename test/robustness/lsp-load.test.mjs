// The server under load over real stdio: 5,000 didChange notifications in a burst, interleaved
// with hovers, completions, code actions and cancellations. The final diagnostics match the core's
// lint of the final text, every request is answered (or cancelled), nothing is logged as failed,
// and memory returns near where it was. Also: malformed requests get error responses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { core } from '../helpers.mjs';
import { LspClient } from '../protocol/client.mjs';
import { prng } from './hostile.mjs';

const URI = 'file:///srv/load/stunnel.service';
const CONF = 'file:///srv/load/stunnel.conf';
const START = `[Unit]
Description=TLS tunnel
After=network-online.target syslog.target

[Service]
Type=forking
ExecStart=/usr/bin/stunnel /srv/load/stunnel.conf
User=stunnel
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;
const CONF_TEXT = 'pid = /run/stunnel.pid\n[https]\naccept = 443\nconnect = 127.0.0.1:80\ncert = /etc/ssl/stunnel.pem\n';
const WORDS = ['LimitNOFILE=4096', 'Type=simple', 'Typo=1', 'WantedBy=x.target', '[Servce]', '# note', 'ExecStart=', 'PIDFile=/run/stunnel.pid', 'yes', ' \\', '\n', '\n\n', '=', 'After=syslog.target'];

let client;
let doc;
const rss = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${client.proc.pid}/status`, 'utf8'));
  return Number(m[1]) / 1024;
};
const settle = (ms) => new Promise((r) => setTimeout(r, ms));
const errorLogs = () => client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message);

before(async () => {
  // A bounded heap: V8 would otherwise grow it lazily, and a leak would show as a crash here.
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${saved ?? ''} --max-old-space-size=64`.trim();
  client = new LspClient({ initializationOptions: { debounceMs: 20 } });
  if (saved === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = saved;
  await client.initialize();
  client.open(CONF, 'stunnel', CONF_TEXT);
  client.open(URI, 'systemd-unit', START);
  doc = TextDocument.create(URI, 'systemd-unit', 1, START);
  await client.diagnosticsFor(URI, 1);
});

after(async () => {
  let timer;
  await Promise.race([client.shutdown(), new Promise((r) => (timer = setTimeout(r, 5000)))]).finally(() => clearTimeout(timer));
  client.proc.kill('SIGKILL');
});

/** A random edit of the mirrored document: insert a word, delete a stretch, or replace everything. */
function randomChange(next) {
  const text = doc.getText();
  const r = next();
  if (r < 0.02) return { text: START };
  const at = Math.floor(next() * (text.length + 1));
  const pos = doc.positionAt(at);
  if (r < 0.35 && text.length > 0) {
    const end = doc.positionAt(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
    return { range: { start: pos, end }, text: '' };
  }
  return { range: { start: pos, end: pos }, text: WORDS[Math.floor(next() * WORDS.length)] };
}

async function burst(n, seed) {
  const next = prng(seed);
  const answers = [];
  for (let i = 0; i < n; i++) {
    const change = randomChange(next);
    doc = TextDocument.update(doc, [change], doc.version + 1);
    client.change(URI, doc.version, [change]);
    if (i % 10 === 0) {
      const line = Math.floor(next() * doc.lineCount);
      const position = { line, character: Math.floor(next() * 20) };
      const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction'][i % 3];
      const params = method === 'textDocument/codeAction' ? { textDocument: { uri: URI }, range: { start: position, end: position }, context: { diagnostics: [] } } : { textDocument: { uri: URI }, position };
      const id = client.nextId;
      answers.push(client.request(method, params).then(() => 'answered', (e) => (e.code === -32800 ? 'cancelled' : `error ${e.code} ${e.message}`)));
      if (i % 30 === 0) client.notify('$/cancelRequest', { id });
    }
  }
  return Promise.all(answers);
}

test('5,000 changes in a burst with requests and cancellations: every request settles, final diagnostics match the final text', async (t) => {
  // A first burst of the same size warms up the code and the heap: memory after it is the baseline.
  await burst(5000, 1);
  await client.waitFor(() => client.diagnostics.get(URI)?.version === doc.version, 'the warm-up diagnostics', 30_000);
  await settle(1500);
  const baseline = rss();

  const t0 = performance.now();
  const answers = await burst(5000, 2);
  const final = await client.waitFor(() => {
    const d = client.diagnostics.get(URI);
    return d && d.version === doc.version ? d.diagnostics : undefined;
  }, 'the final diagnostics', 30_000);
  const ms = performance.now() - t0;

  // Every request got an answer or a cancellation; nothing else.
  assert.equal(answers.length, 500);
  assert.deepEqual(answers.filter((a) => a !== 'answered' && a !== 'cancelled'), []);
  assert.ok(answers.filter((a) => a === 'answered').length > 0);

  // The final diagnostics are the core's findings for the final text.
  const ws = new core.Workspace([], []);
  ws.set(CONF, CONF_TEXT);
  ws.set(URI, doc.getText());
  const expected = core.lintFile(ws, URI, core.resolveSettings({}));
  const brief = (x) => `${x.code ?? x.rule}@${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.message}`;
  assert.deepEqual(final.map(brief).sort(), expected.map(brief).sort());

  // No handler failed, nothing unhandled went to stderr, the server is alive.
  assert.deepEqual(errorLogs(), []);
  assert.equal(client.stderr, '');
  assert.equal(client.proc.exitCode, null);

  // Memory comes back near the baseline once the burst is over: nothing piles up per change.
  await settle(1500);
  const afterBurst = rss();
  const count = (k) => answers.filter((a) => a === k).length;
  t.diagnostic(`burst: ${ms.toFixed(0)} ms; ${count('answered')} answered, ${count('cancelled')} cancelled; RSS ${baseline.toFixed(0)} MB before, ${afterBurst.toFixed(0)} MB after; ${final.length} final diagnostics`);
  assert.ok(afterBurst < baseline + 25, `RSS ${afterBurst.toFixed(0)} MB after the burst, ${baseline.toFixed(0)} MB before`);
  assert.ok(ms < 25_000, `the burst took ${ms.toFixed(0)} ms`);
});

test('malformed requests get error responses, and the server goes on', async () => {
  const outcome = (p) => p.then(() => 'result', (e) => e.code);
  assert.equal(await outcome(client.request('daemonlint/no-such-request', {})), -32601);
  assert.equal(await outcome(client.request('textDocument/hover', undefined)), -32602);
  for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/formatting', 'textDocument/documentSymbol', 'textDocument/definition']) {
    assert.equal(await outcome(client.request(method, {})), -32603, method);
    assert.equal(await outcome(client.request(method, { textDocument: null })), -32603, method);
  }
  // Positions outside the document are clamped, not errors; unknown documents have nothing to say.
  assert.equal(await outcome(client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1e9, character: -5 } })), 'result');
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///never/opened.service' }, position: { line: 0, character: 0 } }), null);
  // Broken notifications are dropped; a message that is not JSON is skipped.
  client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.service', version: 2 }, contentChanges: [{ text: 'x' }] });
  client.notify('textDocument/didChange', {});
  client.notify('textDocument/didOpen', {});
  client.notify('workspace/didChangeConfiguration', { settings: { daemonlint: { rules: 5, run: {} } } });
  client.send({ jsonrpc: '2.0', id: 999_999, method: 42 });
  client.proc.stdin.write('Content-Length: 5\r\n\r\n{oops');
  const h = await client.request('textDocument/hover', { textDocument: { uri: CONF }, position: { line: 2, character: 2 } });
  assert.match(h.contents.value, /\*\*accept\*\*/);
  assert.equal(client.proc.exitCode, null);
});
