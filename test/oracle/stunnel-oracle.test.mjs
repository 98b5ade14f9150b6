// Differential test against the real stunnel. test/fixtures/stunnel-oracle/verdicts.json records
// what stunnel did with each config of the corpus (see its README). For every config stunnel
// rejected (or crashed on), Daemonlint must report an error on the line stunnel names; for every
// config it accepted, Daemonlint must report no error, in the config or in a file it includes,
// except a config that loaded and then could not bind a listener: there the one error is
// stunnel/duplicate-accept on that service's accept line.
// Where stunnel4 is installed, the corpus is judged again live and must match the record.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { core } from '../helpers.mjs';

const DIR = fileURLToPath(new URL('../fixtures/stunnel-oracle/', import.meta.url)).replace(/\/$/, '');
const RECORD = JSON.parse(readFileSync(join(DIR, 'verdicts.json'), 'utf8'));
const SETTINGS = core.resolveSettings({ stunnelVersion: RECORD.stunnelVersion });

/** Rules for what stunnel refuses at load; each must be shown by at least one rejected config. */
const LOAD_RULES = [
  'stunnel/syntax-error', 'stunnel/unknown-option', 'stunnel/option-scope', 'stunnel/invalid-value', 'stunnel/inline-comment',
  'stunnel/service-endpoints', 'stunnel/missing-certificate', 'stunnel/relative-path-without-foreground', 'stunnel/ipv6-brackets',
  'stunnel/debug-facility', 'stunnel/include-error', 'stunnel/missing-ca', 'stunnel/verify-required', 'stunnel/redirect-unsupported',
  'stunnel/version-range', 'stunnel/protocol-mode', 'stunnel/ticket-secrets', 'stunnel/sni-primary', 'stunnel/missing-file',
  'stunnel/unknown-user', 'stunnel/dead-option', 'stunnel/fips-provider', 'stunnel/insecure-protocol', 'stunnel/newer-option',
];

/** The corpus folder as a workspace: every config and every file of the include folders, read as stunnel. */
function corpusWorkspace() {
  const ws = new core.Workspace([DIR]);
  ws.reader = {
    readFile(p) {
      try {
        return statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    listDir(p) {
      try {
        return readdirSync(p);
      } catch {
        return undefined;
      }
    },
  };
  // The configs run on this machine (the oracle runs them here): check their files and users here.
  ws.hostRoots = [DIR];
  const add = (p) => ws.set(core.pathToUri(p), readFileSync(p, 'utf8'), undefined, 'stunnel');
  for (const name of readdirSync(DIR)) {
    const p = join(DIR, name);
    if (name.endsWith('.conf')) add(p);
    else if (statSync(p).isDirectory()) for (const f of readdirSync(p)) add(join(p, f));
  }
  return ws;
}

const ws = corpusWorkspace();
const uriOf = (file) => core.pathToUri(join(DIR, file));
const errorsIn = (file) => core.lintFile(ws, uriOf(file), SETTINGS).filter((f) => f.severity === 'error');
const show = (fs) => fs.map((f) => `${f.rule}@${f.range.start.line + 1}`).join(', ') || 'none';

/**
 * The physical line of the line number stunnel prints. stunnel reads at most 16383 bytes per
 * line; the rest of a longer line is read as the next line, so later numbers run ahead.
 */
function physicalLine(text, stunnelLine) {
  const lines = text.split('\n');
  let logical = 0;
  for (let i = 0; i < lines.length; i++) {
    const len = Buffer.byteLength(lines[i].replace(/\r/g, ''));
    logical += Math.floor(len / 16383) + 1;
    if (logical >= stunnelLine) return i + 1;
  }
  return stunnelLine;
}

/** 1-based line ranges of the part a section-level message names: [first, last]. */
function partOf(text, message) {
  const lines = text.split(/\r?\n/);
  const headers = [];
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t.startsWith('[') && t.endsWith(']')) headers.push({ name: t.slice(1, -1), line: i + 1 });
  });
  const svc = /^Service \[(.*)\]: /.exec(message);
  if (svc) {
    return headers
      .map((h, i) => ({ ...h, end: i + 1 < headers.length ? headers[i + 1].line - 1 : lines.length }))
      .filter((h) => h.name === svc[1])
      .map((h) => [h.line, h.end]);
  }
  // "Global options: ..." and "Inetd mode: ...": the part before the first section.
  return [[1, headers.length ? headers[0].line - 1 : lines.length]];
}

/** Files a config pulls in with include = DIR (the corpus keeps them in NNN-*.d folders). */
function includedFiles(file) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const out = [];
  for (const m of text.matchAll(/^\s*include\s*=\s*(\S+)\s*$/gim)) {
    const dir = join(DIR, m[1]);
    try {
      if (statSync(dir).isDirectory()) for (const f of readdirSync(dir)) out.push(join(m[1], f));
    } catch {
      // a missing include folder is the config's own business
    }
  }
  return out;
}

test('the corpus has at least 60 configs: 30 stunnel rejects and 30 it accepts', () => {
  const rejected = RECORD.configs.filter((c) => c.verdict === 'rejected' || c.verdict === 'crashed').length;
  const accepted = RECORD.configs.filter((c) => c.verdict === 'accepted').length;
  assert.ok(RECORD.configs.length >= 60, `${RECORD.configs.length} configs`);
  assert.ok(rejected >= 30, `${rejected} rejected`);
  assert.ok(accepted >= 30, `${accepted} accepted`);
  assert.deepEqual(RECORD.configs.filter((c) => !['rejected', 'crashed', 'accepted'].includes(c.verdict)).map((c) => c.file), []);
});

for (const c of RECORD.configs) {
  // Loaded, then stopped because a listener could not be bound: the one error is on that service's accept.
  const bindFailure = c.verdict === 'accepted' ? /^exited 1 after loading: Binding service \[([^\]]+)\] failed$/.exec(c.message) : null;
  if (bindFailure) {
    test(`${c.file}: stunnel loads it but cannot bind [${bindFailure[1]}], Daemonlint reports that accept`, () => {
      const text = readFileSync(join(DIR, c.file), 'utf8');
      const errors = errorsIn(c.file);
      assert.deepEqual(errors.map((f) => f.rule), ['stunnel/duplicate-accept']);
      const header = text.split('\n').indexOf(`[${bindFailure[1]}]`);
      const accept = text.split('\n').findIndex((l, i) => i > header && /^accept\s*=/.test(l));
      assert.equal(errors[0].range.start.line, accept);
    });
    continue;
  }
  if (c.verdict === 'accepted') {
    test(`${c.file}: stunnel accepts it, Daemonlint reports no error`, () => {
      for (const file of [c.file, ...includedFiles(c.file)]) assert.equal(show(errorsIn(file)), 'none', file);
    });
    continue;
  }
  test(`${c.file}: stunnel ${c.verdict === 'crashed' ? 'crashes' : `rejects it (${c.message})`}, Daemonlint reports an error there`, () => {
    const file = c.snippetFile ?? c.file;
    const text = readFileSync(join(DIR, file), 'utf8');
    const errors = errorsIn(file);
    if (c.line > 0) {
      const line = physicalLine(text, c.line);
      assert.ok(errors.some((f) => f.range.start.line + 1 === line), `expected an error on line ${line} of ${file}, got ${show(errors)}`);
    } else if (c.verdict === 'crashed') {
      assert.ok(errors.length > 0, `expected an error in ${file}`);
    } else {
      const parts = partOf(text, c.message);
      assert.ok(parts.length > 0, `no part of ${file} matches '${c.message}'`);
      const inside = errors.some((f) => parts.some(([a, b]) => f.range.start.line + 1 >= a && f.range.start.line + 1 <= b));
      assert.ok(inside, `expected an error in lines ${parts.map((p) => p.join('-')).join(' or ')} of ${file} ('${c.message}'), got ${show(errors)}`);
    }
  });
}

test('every rule for what stunnel refuses at load is shown by a rejected config', () => {
  const seen = new Set();
  for (const c of RECORD.configs) {
    if (c.verdict === 'accepted') continue;
    for (const f of errorsIn(c.snippetFile ?? c.file)) seen.add(f.rule);
  }
  assert.deepEqual(LOAD_RULES.filter((r) => !seen.has(r)), []);
});

// ---- live re-check -------------------------------------------------------------------------

function liveSkipReason() {
  if (process.env.DAEMONLINT_ORACLE_LIVE === '0') return 'DAEMONLINT_ORACLE_LIVE=0';
  if (spawnSync('sh', ['-c', 'command -v stunnel4'], { encoding: 'utf8' }).status !== 0) return 'stunnel4 is not installed';
  const probe = spawnSync('unshare', process.getuid?.() === 0 ? ['-n', 'true'] : ['-rn', 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) return `unshare cannot make a network namespace here: ${(probe.stderr || '').trim()}`;
  return undefined;
}

const skip = liveSkipReason();
test('the record matches what the installed stunnel does now', { skip, timeout: 120_000 }, () => {
  const version = spawnSync('stunnel4', ['-version'], { encoding: 'utf8' });
  const live = /^stunnel (\S+)/m.exec(`${version.stdout}${version.stderr}`)?.[1];
  const files = RECORD.configs.map((c) => c.file);
  const run = spawnSync('bash', [join(DIR, '../../../tools/oracle/stunnel-oracle.sh'), ...files], { cwd: DIR, encoding: 'utf8', timeout: 110_000 });
  assert.equal(run.status, 0, run.stderr);
  const got = new Map();
  for (const row of run.stdout.split('\n').filter(Boolean)) {
    const [shown, verdict, line, message] = row.split('\t');
    got.set(files[got.size], { shown, verdict, line: Number(line), message });
  }
  const mismatches = [];
  for (const c of RECORD.configs) {
    const g = got.get(c.file);
    const want = { shown: c.snippetFile ?? c.file, verdict: c.verdict, line: c.line };
    const have = g && { shown: g.shown, verdict: g.verdict, line: g.line };
    const sameMessage = c.verdict === 'accepted' || (g && g.message === c.message);
    if (!have || JSON.stringify(want) !== JSON.stringify(have) || !sameMessage) {
      mismatches.push(`${c.file}: recorded ${c.verdict} ${c.snippetFile ?? ''}:${c.line} '${c.message}', now ${g ? `${g.verdict} ${g.shown}:${g.line} '${g.message}'` : 'no result'}`);
    }
  }
  const note = live === RECORD.stunnelVersion ? '' : ` (recorded with stunnel ${RECORD.stunnelVersion}, this is ${live}: re-record as the corpus README says)`;
  assert.deepEqual(mismatches, [], `the live run differs from verdicts.json${note}`);
});
