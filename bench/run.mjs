#!/usr/bin/env node
// npm run bench: measures the core, the language server over stdio and the CLI, prints one
// table with the targets, and writes the "Benchmarks" section of bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, lstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient } from '../test/protocol/client.mjs';
import { stunnelText, unitText, writeTree } from './generate.mjs';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const ROOT = new URL('..', import.meta.url).pathname;
const rows = [];
const quick = process.argv.includes('--quick');

function row(area, metric, value, unit, target, ok) {
  rows.push({ area, metric, value, unit, target: target ?? '', status: target ? (ok ? 'met' : 'MISSED') : '' });
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function lintOnce(path, text, dialect) {
  const ws = new core.Workspace();
  ws.set(core.pathToUri(path), text, 1, dialect);
  return core.lintFile(ws, core.pathToUri(path), core.resolveSettings({}));
}

function timeLint(path, text, dialect, reps) {
  for (let i = 0; i < 3; i++) lintOnce(path, text, dialect); // let the JIT settle
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    lintOnce(path, text, dialect);
    times.push(performance.now() - t);
  }
  return pct(times, 50);
}

// ---- core ----
for (const [dialect, gen, path] of [
  ['systemd-unit', unitText, '/b/gen.service'],
  ['stunnel', stunnelText, '/b/stunnel.conf'],
]) {
  const sizes = quick ? [200, 2000, 20000] : [200, 2000, 20000, 200000];
  const ms = {};
  for (const n of sizes) {
    const text = gen(n);
    if (text.length > core.MAX_FILE_BYTES) throw new Error(`generated ${n}-line input is over the input cap`);
    const t = timeLint(path, text, dialect, n >= 200000 ? 3 : n >= 20000 ? 10 : 50);
    ms[n] = t;
    const mbps = text.length / 1048576 / (t / 1000);
    row('core', `${dialect} ${n.toLocaleString('en')} lines parse+lint`, fmt(t), 'ms', n === 2000 ? '< 5 ms' : undefined, t < 5);
    row('core', `${dialect} ${n.toLocaleString('en')} lines throughput`, fmt(mbps), 'MB/s');
  }
  if (ms[200000]) row('core', `${dialect} growth 200k / 20k`, fmt(ms[200000] / ms[20000]), '×', '≤ 12×', ms[200000] / ms[20000] <= 12);
  row('core', `${dialect} growth 20k / 2k`, fmt(ms[20000] / ms[2000]), '×');
}

// ---- server over stdio ----
async function serverBench(folder) {
  const t0 = performance.now();
  const c = new LspClient({ initializationOptions: { debounceMs: 0 }, workspaceFolders: folder ? [{ uri: core.pathToUri(folder), name: 'w' }] : null });
  await c.initialize();
  const cold = performance.now() - t0;
  const uri = 'file:///bench/big.service';
  const text = unitText(2000);
  let t = performance.now();
  c.open(uri, 'systemd-unit', text, 1);
  await c.diagnosticsFor(uri, 1);
  const openMs = performance.now() - t;
  const edits = [];
  const lines = text.split('\n');
  for (let v = 2; v < (quick ? 102 : 502); v++) {
    const line = 10 + (v % 1500);
    const old = lines[line];
    t = performance.now();
    c.change(uri, v, [{ range: { start: { line, character: 0 }, end: { line, character: old.length } }, text: v % 2 ? 'Restart=always' : old }]);
    await c.diagnosticsFor(uri, v);
    edits.push(performance.now() - t);
  }
  const hovers = [];
  const completions = [];
  for (let i = 0; i < 200; i++) {
    t = performance.now();
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 5 + (i % 100), character: 2 } });
    hovers.push(performance.now() - t);
    t = performance.now();
    await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 5 + (i % 100), character: 0 } });
    completions.push(performance.now() - t);
  }
  let rss;
  try {
    rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${c.proc.pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    rss = NaN;
  }
  await c.shutdown();
  return { cold, openMs, edits, hovers, completions, rss };
}

/** Cold starts of a fresh server process up to its initialize answer; one sample is too noisy to judge. */
async function coldStarts(n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const c = new LspClient({ initializationOptions: { debounceMs: 0 } });
    await c.initialize();
    times.push(performance.now() - t0);
    await c.shutdown();
  }
  return times;
}

const colds = await coldStarts(quick ? 3 : 9);
const plain = await serverBench(null);
row('server', `cold start → initialize answer, median of ${colds.length}`, fmt(pct(colds, 50)), 'ms', '< 150 ms', pct(colds, 50) < 150);
row('server', 'cold start, fastest', fmt(Math.min(...colds)), 'ms');
row('server', 'first didOpen → diagnostics (2,000-line unit, loads the core)', fmt(plain.openMs), 'ms');
row('server', 'didChange → diagnostics p50', fmt(pct(plain.edits, 50)), 'ms');
row('server', 'didChange → diagnostics p95', fmt(pct(plain.edits, 95)), 'ms', '< 30 ms', pct(plain.edits, 95) < 30);
row('server', 'hover p95', fmt(pct(plain.hovers, 95)), 'ms');
row('server', 'completion p95', fmt(pct(plain.completions, 95)), 'ms');

const tree = mkdtempSync(join(tmpdir(), 'daemonlint-bench-'));
try {
  writeTree(tree, 1000);
  const big = await serverBench(tree);
  row('server', 'with 1,000 files indexed: didChange p95', fmt(pct(big.edits, 95)), 'ms', '< 30 ms', pct(big.edits, 95) < 30);
  row('server', 'with 1,000 files indexed: hover p95', fmt(pct(big.hovers, 95)), 'ms');
  row('server', 'with 1,000 files indexed: completion p95', fmt(pct(big.completions, 95)), 'ms');
  row('memory', 'server RSS after indexing 1,000 files', fmt(big.rss), 'MB', '< 80 MB', big.rss < 80);

  // ---- CLI ----
  let t = performance.now();
  spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), tree, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const cliTree = performance.now() - t;
  row('cli', '1,000-file tree', fmt(cliTree), 'ms');
} finally {
  rmSync(tree, { recursive: true, force: true });
}

const SYS = '/lib/systemd/system';
if (existsSync(SYS)) {
  const units = readdirSync(SYS)
    .filter((n) => /\.(service|socket|timer|target|path|mount)$/.test(n) && !n.includes('@'))
    .map((n) => join(SYS, n))
    .filter((p) => lstatSync(p).isFile());
  // The median of five runs, and the start-up every run pays (Node and the bundle, linting one unit).
  const runCli = (files) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...files, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      times.push(performance.now() - t0);
    }
    return pct(times, 50);
  };
  const all = runCli(units);
  const startup = runCli(units.slice(0, 1));
  const ours = all / units.length;
  const beyond = (all - startup) / (units.length - 1);
  row('cli', `${SYS} (${units.length} units) per unit`, fmt(ours), 'ms');
  row('cli', 'start-up: one unit, whole run', fmt(startup), 'ms');
  row('cli', 'each further unit', fmt(beyond), 'ms');
  let t;
  const sample = units.slice(0, quick ? 10 : 40);
  let verifyPerUnit = NaN;
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    t = performance.now();
    for (const u of sample) spawnSync('systemd-analyze', ['verify', '--man=no', '--generators=no', u], { stdio: 'ignore', timeout: 60000 });
    verifyPerUnit = (performance.now() - t) / sample.length;
    row('cli', `systemd-analyze verify per unit (${sample.length} units)`, fmt(verifyPerUnit), 'ms');
    const ratio = verifyPerUnit / ours;
    row('cli', 'daemonlint vs systemd-analyze verify, per unit', fmt(ratio), '× faster', '≥ 50×', ratio >= 50);
    row('cli', 'the same, each further unit (start-up left out)', fmt(verifyPerUnit / beyond), '× faster');
  } catch {
    row('cli', 'systemd-analyze verify', 'absent', '');
  }
}

// ---- bundle sizes ----
const mb = (f) => statSync(join(ROOT, 'dist', f)).size / 1048576;
for (const f of ['server.js', 'cli.js', 'client.js', 'core.js']) row('bundle', `dist/${f}`, fmt(mb(f)), 'MB', f === 'server.js' ? '< 1.5 MB' : undefined, mb(f) < 1.5);
// The server loads dist/core.js after answering initialize: held to the same target together.
const serverTotal = mb('server.js') + mb('core.js');
row('bundle', 'dist/server.js + dist/core.js (all the server loads)', fmt(serverTotal), 'MB', '< 1.5 MB', serverTotal < 1.5);

// ---- report ----
const header = ['area', 'metric', 'value', 'unit', 'target', 'status'];
const table = [header, ...rows.map((r) => header.map((h) => String(r[h])))];
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1073741824).toFixed(0)} GiB, Node ${process.version}`;
const md = [
  '<!-- bench:start -->',
  '## Benchmarks',
  '',
  `Run: ${new Date().toISOString().slice(0, 10)} · ${machine}${quick ? ' · quick mode' : ''}. Produced by \`npm run bench\` on the minified bundles that ship (\`node esbuild.mjs --production\`).`,
  '',
  '| area | metric | value | target | status |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.area} | ${r.metric} | ${r.value} ${r.unit} | ${r.target} | ${r.status} |`),
  '<!-- bench:end -->',
].join('\n');
const resultsPath = join(ROOT, 'bench/RESULTS.md');
let existing = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Results\n';
const a = existing.indexOf('<!-- bench:start -->');
const b = existing.indexOf('<!-- bench:end -->');
existing = a >= 0 && b > a ? existing.slice(0, a) + md + existing.slice(b + '<!-- bench:end -->'.length) : existing.trimEnd() + '\n\n' + md + '\n';
if (!process.argv.includes('--no-write')) writeFileSync(resultsPath, existing);
const missed = rows.filter((r) => r.status === 'MISSED').length;
console.log(missed ? `\n${missed} target(s) missed — see bench/RESULTS.md` : '\nall targets met');
