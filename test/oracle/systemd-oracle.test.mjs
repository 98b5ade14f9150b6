// Differential test against systemd itself: the unit corpus in test/fixtures/systemd-oracle/ was
// judged by `systemd-analyze verify --man=no` of systemd 252 (verify.json). For every line verify
// complains about, Daemonlint must report a finding on that line (verify names the last physical
// line of a continued value, so a finding counts for every line of its entry); for every unit
// verify refuses for a reason Daemonlint models, Daemonlint must report an error in that unit; and
// Daemonlint may report an error only where verify complains. Warnings of Daemonlint's own (lint
// beyond what systemd checks) are allowed and listed. Where systemd-analyze is installed, the
// recording is re-checked against the live systemd first (record.mjs --check).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const DIR = new URL('../fixtures/systemd-oracle/', import.meta.url).pathname.replace(/\/$/, '');
const verify = JSON.parse(readFileSync(join(DIR, 'verify.json'), 'utf8'));
const SETTINGS = core.resolveSettings({ systemdVersion: 252 });

/** Unit-level messages (line 0) that Daemonlint models, each answered by an error somewhere in the unit. */
const MODELLED_UNIT_MESSAGES = [
  /Service has no ExecStart=/,
  /Service has more than one ExecStart=/,
  /Unit has no Listen setting/,
  /Timer unit lacks value setting/,
  /Path unit lacks path setting/,
  /Where= setting doesn't match unit name/,
  /What= setting is missing/,
  /Value of What= and unit name do not match/,
  /no D-Bus service name has been specified/,
  /Explicit service configuration for accepting socket units not supported/,
  /^Accepting user\/group name/,
];

function hasSystemdAnalyze() {
  return spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Lints the whole corpus as one workspace (as `daemonlint test/fixtures/systemd-oracle` would). */
function lintCorpus() {
  const ws = new core.Workspace([DIR], []);
  for (const f of filesUnder(DIR)) if (ws.set(core.pathToUri(f), readFileSync(f, 'utf8')) === false) continue;
  const byFile = new Map();
  for (const [uri, findings] of core.lintWorkspace(ws, SETTINGS)) {
    const rel = core.uriToPath(uri).slice(DIR.length + 1);
    const doc = ws.get(uri);
    // The lines a finding stands for: its range, widened to the last physical line of its entry.
    const withLines = findings.map((f) => {
      let last = f.range.end.line;
      for (const s of doc.sections) for (const e of s.entries) if (f.range.start.line >= e.line && f.range.start.line <= e.endLine) last = Math.max(last, e.endLine);
      return { ...f, first: f.range.start.line + 1, last: last + 1 };
    });
    byFile.set(rel, withLines);
  }
  return byFile;
}

/** The files that make up a unit: the unit and the drop-ins verify read with it. */
function unitFiles(unit) {
  const files = new Set([unit.file, ...unit.diagnostics.map((d) => d.file)]);
  for (const rel of [`${unit.file}.d`]) {
    try {
      for (const n of readdirSync(join(DIR, rel))) files.add(`${rel}/${n}`);
    } catch {}
  }
  return [...files];
}

const byFile = lintCorpus();
const complaints = new Set(verify.units.flatMap((u) => u.diagnostics.filter((d) => d.line > 0).map((d) => `${d.file}:${d.line}`)));
const extraWarnings = [];

test('the recording is current: record.mjs --check against the installed systemd', { skip: !hasSystemdAnalyze() && 'systemd-analyze is not installed (apt-get install -y systemd)', timeout: 60000 }, () => {
  const version = execFileSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  if (version !== verify.systemd) {
    // Another systemd release words things differently; the recording stays the reference.
    test.skip?.(`installed ${version}, recorded ${verify.systemd}`);
    return;
  }
  const r = spawnSync(process.execPath, [join(DIR, 'record.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

for (const unit of verify.units) {
  test(`${unit.file}: ${unit.expect.join(', ')}`, () => {
    const files = unitFiles(unit);
    // 1. Every line verify names carries a Daemonlint finding.
    for (const d of unit.diagnostics.filter((x) => x.line > 0)) {
      const found = (byFile.get(d.file) ?? []).filter((f) => d.line >= f.first && d.line <= f.last && (f.severity === 'error' || f.severity === 'warning'));
      assert.ok(found.length > 0, `verify: ${d.file}:${d.line}: ${d.message} — Daemonlint reports nothing there; it has ${JSON.stringify((byFile.get(d.file) ?? []).map((f) => `${f.first}:${f.rule}`))}`);
    }
    // 2. A unit-level refusal Daemonlint models is answered by an error (or, for lax names, a warning) in the unit.
    const all = files.flatMap((f) => byFile.get(f) ?? []);
    for (const d of unit.diagnostics.filter((x) => x.line === 0)) {
      const msg = d.message.replace(/^\S+: /, '');
      if (!MODELLED_UNIT_MESSAGES.some((re) => re.test(msg))) continue;
      const wanted = /^Accepting/.test(msg) ? ['warning', 'error'] : ['error'];
      assert.ok(all.some((f) => wanted.includes(f.severity)), `verify: ${unit.file}: ${msg} — Daemonlint reports no ${wanted.join('/')} in the unit`);
    }
    // 3. Daemonlint reports errors only where verify complains (on the line, or about the whole unit).
    const unitLevel = unit.diagnostics.some((x) => x.line === 0 && MODELLED_UNIT_MESSAGES.some((re) => re.test(x.message.replace(/^\S+: /, ''))));
    for (const file of files) {
      for (const f of byFile.get(file) ?? []) {
        if (f.severity !== 'error') {
          if (f.severity === 'warning' && ![...complaints].some((c) => c.startsWith(`${file}:`) && Number(c.slice(file.length + 1)) >= f.first && Number(c.slice(file.length + 1)) <= f.last)) extraWarnings.push(`${file}:${f.first} ${f.rule}`);
          continue;
        }
        let ok = false;
        for (let l = f.first; l <= f.last; l++) if (complaints.has(`${file}:${l}`)) ok = true;
        assert.ok(ok || unitLevel, `Daemonlint: ${file}:${f.first} ${f.rule} (error) — systemd is silent there: ${f.message}`);
      }
    }
  });
}

test('warnings of Daemonlint\'s own where verify is silent (listed, not failures)', (t) => {
  t.diagnostic(`${extraWarnings.length} warnings beyond verify:\n${extraWarnings.join('\n')}`);
  assert.ok(true);
});
