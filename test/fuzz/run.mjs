// The long run of the property tests: `npm run fuzz -- --runs 1000000 [--seed N] [--only TEXT]
// [--keep-going]`. The runs are shared out over the properties by their weight and done in chunks
// of fresh seeds; progress and runs per second are printed as it goes. Exit 1 on a counterexample.
// Run `npm run build` first: the properties test the bundled core (dist/core.js).
import fc from 'fast-check';
import { PROPERTIES } from '../property/props.mjs';

function parseArgs(argv) {
  const o = { runs: 10_000, seed: Date.now() % 2 ** 31, only: undefined, chunk: 2_000, keepGoing: false };
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

const started = process.hrtime.bigint();
const secondsSince = (t) => Number(process.hrtime.bigint() - t) / 1e9;
let total = 0;
let failures = 0;
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
  if (failures && !opts.keepGoing) break;
}
const seconds = secondsSince(started);
console.log(`fuzz: ${total} runs in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} runs/s), ${failures ? `${failures} failure(s)` : 'no failure'}`);
process.exitCode = failures ? 1 : 0;
