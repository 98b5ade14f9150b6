// Daemonlint's value grammars against systemd's own parsers: test/fixtures/systemd/value-probes/
// holds some 4,000 values for two directives of every value type, each judged by
// `systemd-analyze verify` of systemd 252 (record.mjs; re-checked live where systemd is installed).
// Daemonlint (targeting 252) must flag exactly the values systemd rejects, except for the few
// differences listed below with their reason.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const DIR = new URL('../fixtures/systemd/value-probes/', import.meta.url).pathname;
const recorded = JSON.parse(readFileSync(DIR + 'probes.json', 'utf8'));
const SETTINGS = core.resolveSettings({ systemdVersion: 252 });
/** Rules that judge a single value. */
const VALUE_RULES = ['systemd/invalid-value', 'systemd/relative-exec', 'systemd/environment-unquoted-space', 'systemd/deprecated-value', 'systemd/inline-comment', 'systemd/continuation-whitespace'];

/** Where Daemonlint knowingly differs from systemd 252, and why. Everything else must agree. */
const KNOWN = [
  [(s, k, v) => (k === 'CapabilityBoundingSet' || k === 'AmbientCapabilities') && !/^~?(CAP_[A-Z_]+|cap_[a-z_]+|\d+)(\s|$)/.test(v), 'unknown capability names: systemd skips them without a word, Daemonlint warns'],
  [(s, k) => k === 'Personality', 'personalities of other architectures: systemd 252 accepts only those of the host (x86, x86-64 here)'],
  [(s, k, v) => k === 'SocketProtocol' && v === 'mptcp', 'MPTCP sockets are newer than 252; the table does not say since when'],
  [(s, k) => s === 'Socket' && k === 'Delegate', 'Delegate= is not supported in socket units; per-type support of cgroup settings is not modelled'],
];

const UNIT_OF = { Unit: 'service', Service: 'service', Socket: 'socket', Timer: 'timer', Path: 'path', Mount: 'mount', Automount: 'automount', Swap: 'swap', Slice: 'slice' };
const NAME = { service: 'probe.service', socket: 'probe.socket', timer: 'probe.timer', path: 'probe.path', mount: 'probemnt.mount', automount: 'probemnt.automount', swap: 'probeswap.swap', slice: 'probe.slice' };

/** Lints the probes in units of a few hundred lines; returns for each probe whether a value rule fired. */
function judge(probes) {
  const flagged = new Array(probes.length).fill(false);
  const groups = {};
  probes.forEach((p, i) => (groups[UNIT_OF[p[0]]] ??= []).push(i));
  for (const [type, list] of Object.entries(groups)) {
    for (let c = 0; c < list.length; c += 300) {
      const lines = [];
      const lineOf = new Map();
      let cur = '';
      for (const i of list.slice(c, c + 300)) {
        if (`[${probes[i][0]}]` !== cur) lines.push((cur = `[${probes[i][0]}]`));
        lines.push(`${probes[i][1]}=${probes[i][2]}`);
        lineOf.set(lines.length - 1, i);
      }
      const ws = new core.Workspace();
      const uri = core.pathToUri(`/probe/${NAME[type]}`);
      ws.set(uri, lines.join('\n') + '\n');
      for (const f of core.lintFile(ws, uri, SETTINGS)) {
        if (!VALUE_RULES.includes(f.rule) || f.severity === 'info' || f.severity === 'hint') continue;
        const i = lineOf.get(f.range.start.line);
        if (i !== undefined) flagged[i] = true;
      }
    }
  }
  return flagged;
}

test('the recording is current: record.mjs --check against the installed systemd', { skip: spawnSync('systemd-analyze', ['--version']).status !== 0 && 'systemd-analyze is not installed (apt-get install -y systemd)', timeout: 60000 }, (t) => {
  const version = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  if (version !== recorded.systemd) return t.skip(`installed ${version}, recorded ${recorded.systemd}`);
  const r = spawnSync(process.execPath, [DIR + 'record.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test(`value grammars agree with systemd 252 on ${recorded.probes.length} probes`, (t) => {
  const flagged = judge(recorded.probes);
  const unexplained = {};
  const explained = {};
  recorded.probes.forEach(([section, key, value, message], i) => {
    const bad = message !== null;
    if (bad === flagged[i]) return;
    const known = KNOWN.find(([match]) => match(section, key, value));
    const what = bad ? `systemd: ${message}` : 'Daemonlint flags it, systemd accepts it';
    if (known) explained[known[1]] = (explained[known[1]] ?? 0) + 1;
    else unexplained[`${section}.${key}=${value}`] = what;
  });
  const n = Object.values(explained).reduce((a, b) => a + b, 0);
  t.diagnostic(`${recorded.probes.length - n - Object.keys(unexplained).length} agree; known differences: ${JSON.stringify(explained)}`);
  assert.deepEqual(unexplained, {});
  assert.ok(n < 80, `${n} known differences`);
});
