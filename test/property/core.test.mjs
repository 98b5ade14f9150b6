// Property tests of the core over generated, mutated and random configs (see props.mjs). A fixed
// seed keeps this run quick and repeatable; `npm run fuzz -- --runs N` runs the same properties long.
import fc from 'fast-check';
import { test } from 'node:test';
import { PROPERTIES } from './props.mjs';

const SEED = 20261203;
const RUNS = Number(process.env.DAEMONLINT_PROPERTY_RUNS ?? 300);

for (const p of PROPERTIES) {
  test(p.name, p.todo ? { todo: p.todo } : {}, () => {
    if (p.todo) return;
    fc.assert(fc.property(p.arbitrary, (v) => p.check(v)), { seed: SEED, numRuns: RUNS });
  });
}
