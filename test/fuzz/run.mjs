// The long run of the property tests: `npm run fuzz -- --runs 1000000 [--seed N] [--only TEXT]
// [--keep-going] [--record]`. --record writes the outcome into the "Fuzzing" section of
// bench/RESULTS.md (between its fuzz markers; the rest of the file is left alone). The runs are shared out over the properties by their weight and done in chunks
// of fresh seeds; progress and runs per second are printed as it goes. Exit 1 on a counterexample.
// Run `npm run build` first: the properties test the bundled core (dist/core.js).
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { KNOWN_ISSUES, PROPERTIES } from '../property/props.mjs';

function parseArgs(argv) {
  const o = { runs: 10_000, seed: Date.now() % 2 ** 31, only: undefined, chunk: 2_000, keepGoing: false, record: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--only') o.only = value();
    else if (a === '--chunk') o.chunk = Number(value());
    else if (a === '--keep-going') o.keepGoing = true;
    else if (a === '--record') o.record = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs needs a positive integer');
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const props = PROPERTIES.filter((p) => !p.todo && (!opts.only || p.name.includes(opts.only)));
const skipped = PROPERTIES.filter((p) => p.todo).map((p) => `${p.name} (${p.todo})`);
if (props.length === 0) {
  console.error('no property matches');
  process.exit(2);
}
// Runs are shared out by weight: a case of the fix properties costs a hundred parses.
const totalWeight = props.reduce((n, p) => n + (p.weight ?? 1), 0);
const share = (p) => Math.ceil((opts.runs * (p.weight ?? 1)) / totalWeight);
console.log(`fuzz: ${props.reduce((n, p) => n + share(p), 0)} runs over ${props.length} properties, base seed ${opts.seed}`);
for (const s of skipped) console.log(`  skipped: ${s}`);

// The commit under test, taken before the run (the checkout may move on while it runs).
let head = 'unknown';
try {
  head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  /* not a git checkout */
}
const started = process.hrtime.bigint();
const secondsSince = (t) => Number(process.hrtime.bigint() - t) / 1e9;
let total = 0;
let failures = 0;
const rows = [];
const failed = [];
for (const [i, p] of props.entries()) {
  const t0 = process.hrtime.bigint();
  const perProperty = share(p);
  let done = 0;
  let chunkNo = 0;
  let lastPrint = 0;
  while (done < perProperty) {
    const numRuns = Math.min(opts.chunk, perProperty - done);
    const seed = (opts.seed + i * 1_000_003 + chunkNo * 7919) % 2 ** 31;
    const details = fc.check(fc.property(p.arbitrary, (v) => p.check(v)), { seed, numRuns });
    done += details.numRuns;
    chunkNo++;
    if (details.failed) {
      failures++;
      const message = String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance).split('\n')[0];
      failed.push({ property: p.name, seed, error: message.length > 300 ? `${message.slice(0, 300)}…` : message });
      console.log(`\nFAILED: ${p.name}`);
      console.log(`  seed ${seed}, path "${details.counterexamplePath}" (replay with fc.assert(..., { seed, path, numRuns }))`);
      console.log(`  counterexample: ${fc.stringify(details.counterexample)}`);
      console.log(`  error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
      if (!opts.keepGoing) break;
    }
    const elapsed = secondsSince(t0);
    if (elapsed - lastPrint >= 10 || done >= perProperty) {
      lastPrint = elapsed;
      process.stdout.write(`  [${i + 1}/${props.length}] ${p.name}: ${done}/${perProperty} runs, ${(done / elapsed).toFixed(0)} runs/s\n`);
    }
  }
  total += done;
  rows.push({ name: p.name, runs: done, seconds: secondsSince(t0) });
  if (failures && !opts.keepGoing) break;
}
const seconds = secondsSince(started);
console.log(`fuzz: ${total} runs in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} runs/s), ${failures ? `${failures} failure(s)` : 'no failure'}`);
process.exitCode = failures ? 1 : 0;
if (opts.record) record();

function record() {
  const file = new URL('../../bench/RESULTS.md', import.meta.url);
  const md = [
    '<!-- fuzz:start -->',
    '## Fuzzing',
    '',
    `Run: ${new Date().toISOString().slice(0, 10)} · commit ${head} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}. Produced by \`npm run fuzz -- --runs ${opts.runs} --seed ${opts.seed}${opts.keepGoing ? ' --keep-going' : ''} --record\` (the properties of test/property/props.mjs; one core).`,
    '',
    `**${total.toLocaleString('en')} runs in ${(seconds / 60).toFixed(1)} min (${(total / seconds).toFixed(0)} runs/s): ${failures ? `${failures} failure(s)` : 'no failure'}.**`,
    '',
    '| property | runs | runs/s |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.runs.toLocaleString('en')} | ${(r.runs / r.seconds).toFixed(0)} |`),
    ...skipped.map((s) => `| ${s} | skipped | |`),
    '',
    ...(failed.length ? ['Failures (replay with the seed):', '', ...failed.map((f) => `- ${f.property}, seed ${f.seed}: ${f.error}`), ''] : []),
    `Known issues left out of the checks they fail (each a todo test in test/property/known-issues.test.mjs): ${Object.keys(KNOWN_ISSUES).join(', ') || 'none'}.`,
    '<!-- fuzz:end -->',
  ].join('\n');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Results\n';
  const a = existing.indexOf('<!-- fuzz:start -->');
  const b = existing.indexOf('<!-- fuzz:end -->');
  const next = a >= 0 && b > a ? existing.slice(0, a) + md + existing.slice(b + '<!-- fuzz:end -->'.length) : existing.trimEnd() + '\n\n' + md + '\n';
  writeFileSync(file, next);
  console.log('fuzz: recorded in bench/RESULTS.md');
}
