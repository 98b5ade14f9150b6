// A sweep for work that grows faster than the file: every unit and stunnel fixture is repeated A
// times and B times (stunnel sections renamed per copy, so they stay distinct services) and linted,
// with the hardening rules on. Linear rules cost about B/A times more on the longer file; a rule that
// looks across all sections once per finding costs (B/A)^2. Prints the worst growth first.
// `node test/fuzz/repeat-sweep.mjs [--a 300] [--b 3000] [--only TEXT] [--max-growth 40]`; exit 1 when
// a fixture grows by more than --max-growth. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { core } from '../helpers.mjs';

const args = process.argv.slice(2);
const arg = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const A = Number(arg('--a', 300));
const B = Number(arg('--b', 3000));
const ONLY = arg('--only', undefined);
const MAX_GROWTH = Number(arg('--max-growth', 40));

const root = new URL('../..', import.meta.url).pathname;
const files = execFileSync('find', ['test/fixtures', '-type', 'f', '(', '-name', '*.conf', '-o', '-name', '*.service', ')', '!', '-path', '*limits*'], { cwd: root, encoding: 'utf8' })
  .trim()
  .split('\n')
  .filter((f) => !ONLY || f.includes(ONLY));
const SETTINGS = core.resolveSettings({ security: true });

function lintMs(path, text) {
  const ws = new core.Workspace([], []);
  const uri = core.pathToUri(path);
  ws.set(uri, text);
  const t = performance.now();
  core.lintFile(ws, uri, SETTINGS);
  return performance.now() - t;
}

const rows = [];
for (const f of files) {
  const body = readFileSync(root + f, 'utf8');
  const stunnel = f.endsWith('.conf');
  if (body.length * B > core.MAX_FILE_BYTES) continue;
  const path = stunnel ? '/etc/stunnel/stunnel.conf' : '/etc/systemd/system/x.service';
  const repeat = (k) => Array.from({ length: k }, (_, i) => (stunnel ? body.replace(/^\[([^\]\n]*)\]/gm, (_m, n) => `[${n}${i}]`) : body)).join('\n');
  const small = repeat(A);
  const large = repeat(B);
  lintMs(path, small); // let the JIT settle
  const a = Math.min(lintMs(path, small), lintMs(path, small));
  const b = lintMs(path, large);
  rows.push({ growth: b / Math.max(a, 0.5), a, b, f });
}
rows.sort((x, y) => y.growth - x.growth);
for (const r of rows.slice(0, 15)) console.log(`${r.growth.toFixed(1).padStart(6)}x ${r.a.toFixed(1).padStart(8)} ms ${r.b.toFixed(1).padStart(9)} ms  ${r.f}`);
const over = rows.filter((r) => r.growth > MAX_GROWTH);
console.log(`${rows.length} fixtures, ${A} and ${B} copies: ${over.length} grew more than ${MAX_GROWTH}x`);
process.exit(over.length ? 1 : 0);
