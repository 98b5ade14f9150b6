// Hostile files through the core: each is handled within a time bound, with at most a clear
// finding, never an exception, and every range stays inside the text. Bounds are loose (a loaded
// CI machine), but far below what a quadratic walk or a hang costs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, core } from '../helpers.mjs';
import { assertRangeInside } from '../property/props.mjs';
import { INVALID_UTF8, MB, randomBytes, TEXTS, timed } from './hostile.mjs';

// The hardening rules too, so that every rule meets every input.
const SETTINGS = core.resolveSettings({ security: true });
const notHardening = (findings) => findings.filter((f) => !f.rule.startsWith('systemd/hardening-'));
const PATHS = { 'systemd-unit': '/etc/systemd/system/x.service', stunnel: '/etc/stunnel/stunnel.conf', 'limits-conf': '/etc/security/limits.conf' };

/** Lints one file, then asks for hover, completion and code actions at its start, middle and end. */
function exercise(path, text, boundMs) {
  const ws = new core.Workspace([], []);
  const uri = core.pathToUri(path);
  ws.set(uri, text);
  const { value: findings, ms } = timed(() => core.lintFile(ws, uri, SETTINGS));
  assert.ok(ms < boundMs, `linting took ${ms.toFixed(0)} ms, over ${boundMs} ms`);
  const doc = ws.get(uri);
  for (const f of findings) {
    assert.notEqual(f.rule, 'daemonlint/internal-error', f.message);
    assertRangeInside(doc.text, f.range, f.rule);
  }
  const lines = doc.index.lineCount;
  const { ms: featureMs } = timed(() => {
    for (const line of [0, lines >> 1, lines - 1]) {
      for (const character of [0, 3, 100_000]) {
        const pos = { line, character };
        core.hover(doc, pos);
        core.complete(doc, pos);
        core.codeActions(findings, { start: pos, end: pos });
      }
    }
  });
  assert.ok(featureMs < boundMs, `hover, completion and code actions took ${featureMs.toFixed(0)} ms`);
  return findings;
}

test('a 10 MB file is refused with one finding that says why', () => {
  for (const path of Object.values(PATHS)) {
    const found = exercise(path, TEXTS.tenMb(), 2000);
    assert.deepEqual(briefs(found), ['daemonlint/file-too-large@1:1-1:1']);
    assert.equal(found[0].message, 'File is 10.0 MB; files over 4 MB are not linted.');
    assert.equal(found[0].severity, 'warning');
  }
});

test('NUL bytes make a file binary: one finding, nothing else', () => {
  for (const path of Object.values(PATHS)) {
    const found = exercise(path, TEXTS.nul(), 2000);
    assert.deepEqual(briefs(found), ['daemonlint/binary-file@1:1-1:1']);
    assert.equal(found[0].message, 'File contains NUL bytes: it looks binary, not like a config file, and is not linted.');
  }
  // Random bytes almost always hold a NUL.
  assert.deepEqual(briefs(exercise(PATHS.stunnel, randomBytes(MB, 1).toString('utf8'), 2000)), ['daemonlint/binary-file@1:1-1:1']);
});

test('1 MB of random bytes without NUL, as UTF-8 and as Latin-1, in every dialect', () => {
  const bytes = randomBytes(MB, 2, { nul: false });
  for (const path of Object.values(PATHS)) {
    for (const encoding of ['utf8', 'latin1']) exercise(path, bytes.toString(encoding), 10_000);
  }
});

test('invalid UTF-8 decodes to replacement characters and is linted like any text', () => {
  const found = notHardening(exercise(PATHS['systemd-unit'], INVALID_UTF8.toString('utf8'), 2000));
  assert.deepEqual(briefs(found), ['systemd/invalid-value@2:6-2:10', 'systemd/syntax-error@2:6-2:10', 'systemd/syntax-error@3:11-3:26']);
  assert.match(found[0].message, /^'\uFFFD\uFFFD\uFFFD\(' is not a valid value for Type=/);
  assert.equal(found[1].message, 'The value of Type= contains bytes that are not valid UTF-8: systemd refuses to load the unit. Re-save the file as UTF-8.');
});

test('a 1 MB line: stunnel reports it as too long, the unit parser takes it whole', () => {
  const stunnel = exercise(PATHS.stunnel, TEXTS.stunnelLongLine(), 5000);
  assert.ok(briefs(stunnel).includes('stunnel/syntax-error@1:16384-1:1048585'), briefs(stunnel).join(' '));
  // Every exec rule reads the whole command line: seconds, but linear.
  exercise(PATHS['systemd-unit'], TEXTS.unitLongLine(), 20_000);
  exercise(PATHS['limits-conf'], '* soft nofile ' + '1'.repeat(MB) + '\n', 5000);
});

test('50,000 sections with a finding each, in a unit and in stunnel.conf', () => {
  const unit = exercise(PATHS['systemd-unit'], TEXTS.unitSections(), 20_000);
  assert.equal(unit.filter((f) => f.rule === 'systemd/directive-wrong-section').length, 50_000);
  const stunnel = exercise(PATHS.stunnel, TEXTS.stunnelSections(), 20_000);
  assert.equal(stunnel.filter((f) => f.rule === 'stunnel/option-scope').length, 50_000);
});

test('50,000 services, each accepting on a port of its own: the duplicate-accept check is a lookup per service', () => {
  // It used to compare each accept with every earlier one: 12 s here for this file, now under one.
  let text = '';
  for (let i = 0; i < 50_000; i++) text += `[s${i}]\naccept = ${1000 + i}\nconnect = 80\n`;
  const found = exercise(PATHS.stunnel, text, 5_000);
  assert.deepEqual(found.filter((f) => f.rule === 'stunnel/duplicate-accept'), []);
  // The same port twice is still found, however far apart.
  const twice = exercise(PATHS.stunnel, text + '[last]\naccept = 1000\nconnect = 80\n', 5_000);
  assert.deepEqual(briefs(twice.filter((f) => f.rule === 'stunnel/duplicate-accept')), ['stunnel/duplicate-accept@150002:10-150002:14']);
});

test('thousands of repeated sections: rules that look across sections stay linear', () => {
  // Each took 3 to 49 s before (a scan of every section per finding): PermissionsStartOnly='s fix, the
  // fixes that add a setting, unknown-section, sni-primary and the version-range check behind
  // insecure-protocol's fixes. Now each takes well under a second here.
  const repeat = (part, n, rename) => Array.from({ length: n }, (_, i) => (rename ? part.replaceAll('[svc]', `[svc${i}]`) : part)).join('');
  const cases = [
    [PATHS['systemd-unit'], repeat('[Unit]\nBindTo=sysinit.target\n[Service]\nExecStart=/bin/true\nBlockIOWeight=500\nPermissionsStartOnly=true\nReadWriteDirectories=/tmp\n', 10_000), 'systemd/deprecated-directive', 40_000],
    [PATHS['systemd-unit'], repeat('[Service]\nExecStart=/bin/true\nEnvironment="A=b c" D=e \'F=g h\'\nEnvironment=EMPTY=\nUnsetEnvironment=TERM\n', 30_000), 'systemd/hardening-protect-system', 1],
    [PATHS['systemd-unit'], repeat('[Service]\nExecStart=/bin/true\n[install]\nWantedBy=multi-user.target\n', 20_000), 'systemd/unknown-section', 20_000],
    [PATHS.stunnel, repeat('[svc]\naccept = 1\nconnect = 2\nsni = svc:www.example.com\nsslVersion = SSLv2\n', 10_000, true), 'stunnel/insecure-protocol', 10_000],
  ];
  for (const [path, text, rule, count] of cases) {
    const found = exercise(path, text, 3_000);
    assert.equal(found.filter((f) => f.rule === rule).length, count, rule);
  }
});

test('degenerate shapes: long runs of line breaks, backslashes, brackets, quotes, equals signs', () => {
  // 256 KiB each: a backtracking regex or a quadratic walk takes minutes on these, linear code milliseconds.
  const N = MB / 4;
  const unit = PATHS['systemd-unit'];
  exercise(unit, '\n'.repeat(N), 5000);
  exercise(unit, '\r'.repeat(N), 5000);
  exercise(unit, '\r\n'.repeat(N / 2), 5000);
  exercise(unit, '[Service]\nExecStart=/bin/x \\\n' + 'a \\\n'.repeat(N / 4) + 'b\n', 5000);
  exercise(unit, '[Service]\nEnvironment=' + '\\'.repeat(N) + '\n', 5000);
  exercise(unit, '['.repeat(N), 5000);
  exercise(unit, '[Service]\nExecStart=' + '"'.repeat(N) + '\n', 5000);
  exercise(unit, '[Service]\n' + '='.repeat(N), 5000);
  exercise(PATHS.stunnel, '['.repeat(N) + ']', 5000);
  exercise(PATHS.stunnel, 'a='.repeat(N / 2) + ' = 1\n', 5000);
  exercise(PATHS.stunnel, 'a = b\n'.repeat(N / 6), 10_000);
  exercise(PATHS['limits-conf'], ' '.repeat(N) + '\n', 5000);
});
