// Exit codes: 0 nothing at or above the fail level, 1 findings at or above it (or too many
// warnings), 2 a usage error, a missing path or a bad configuration: one line, no stack trace.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { makeTree, run } from './cli-helpers.mjs';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json');
const core = require('../../dist/core.js');

// One warning (deprecated-option) in stunnel.conf, nothing else.
const WARN = { 'stunnel.conf': 'sslVersion = all\n' };
const CLEAN = { 'stunnel.conf': 'pid = /run/stunnel.pid\n' };
const ERROR = { 'stunnel.conf': 'fooBar = 1\n' };

test('0 when clean, 0 for warnings at the default fail level, 1 for an error', (t) => {
  assert.deepEqual(run([], { cwd: makeTree(t, CLEAN) }), { code: 0, stdout: '', stderr: '1 file, 0 errors, 0 warnings\n' });
  const warn = run([], { cwd: makeTree(t, WARN) });
  assert.equal(warn.code, 0);
  assert.equal(warn.stderr, '1 file, 0 errors, 1 warning\n');
  const error = run([], { cwd: makeTree(t, ERROR) });
  assert.equal(error.code, 1);
  assert.equal(error.stderr, '1 file, 1 error, 0 warnings\n');
});

test('--fail-level decides which severities fail the run', (t) => {
  const dir = makeTree(t, WARN);
  const code = (...args) => run(args, { cwd: dir }).code;
  assert.equal(code('--fail-level', 'error'), 0);
  assert.equal(code('--fail-level', 'warning'), 1);
  assert.equal(code('--fail-level', 'info'), 1);
  // The same finding re-levelled to info, then to hint (hints never fail a run).
  assert.equal(code('--rule', 'stunnel/deprecated-option=info', '--fail-level', 'warning'), 0);
  assert.equal(code('--rule', 'stunnel/deprecated-option=info', '--fail-level', 'info'), 1);
  assert.equal(code('--rule', 'stunnel/deprecated-option=hint', '--fail-level', 'info'), 0);
  // An error fails every level.
  assert.equal(run(['--fail-level=info'], { cwd: makeTree(t, ERROR) }).code, 1);
});

test('--max-warnings N fails the run when there are more than N warnings', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'sslVersion = all\n', 'b/stunnel.conf': 'sslVersion = all\n' });
  assert.deepEqual(run(['--max-warnings', '2'], { cwd: dir }).code, 0);
  const over = run(['--max-warnings', '1'], { cwd: dir });
  assert.equal(over.code, 1);
  assert.equal(over.stderr, '2 files, 0 errors, 2 warnings\ndaemonlint: too many warnings: 2, at most 1 allowed (--max-warnings)\n');
  assert.equal(run(['--max-warnings=0'], { cwd: makeTree(t, CLEAN) }).code, 0);
});

test('the summary counts info and hints when there are any', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'sslVersion = all\nfooBar = 1\n', 'b/stunnel.conf': 'sslVersion = all\n' });
  const r = run(['--rule', 'stunnel/deprecated-option=info', '--rule', 'stunnel/unknown-option=hint'], { cwd: dir });
  assert.equal(r.stderr, '2 files, 0 errors, 0 warnings, 2 info, 1 hint\n');
  assert.equal(r.code, 0);
});

const USAGE_ERRORS = [
  [['--frobnicate'], "unknown option '--frobnicate' (see daemonlint --help)"],
  [['-x'], "unknown option '-x' (see daemonlint --help)"],
  [['--format', 'xml'], "--format must be text, json or sarif, not 'xml'"],
  [['--format'], '--format needs a value'],
  [['--color=rainbow'], "--color must be auto, always or never, not 'rainbow'"],
  [['--fail-level', 'hint'], "--fail-level must be error, warning or info, not 'hint'"],
  [['--max-warnings', 'many'], "--max-warnings needs a whole number, not 'many'"],
  [['--max-warnings', '-1'], "--max-warnings needs a whole number, not '-1'"],
  [['--rule', 'stunnel/unknown-option'], "--rule needs ID=LEVEL, e.g. --rule systemd/obsolete-dependency=off, not 'stunnel/unknown-option'"],
  [['--rule', 'stunnel/nope=off'], "--rule: unknown rule 'stunnel/nope' (see daemonlint --list-rules)"],
  [['--rule', 'stunnel/unknown-option=fatal'], "--rule: rule 'stunnel/unknown-option': level must be one of off, hint, info, warning, error, not 'fatal'"],
  [['--systemd-version', 'v252'], "--systemd-version needs a whole number of at least 1, not 'v252'"],
  [['--stunnel-version', '5'], "--stunnel-version needs a version such as 5.68, not '5'"],
  [['--fix', '--fix-dry-run'], 'use either --fix or --fix-dry-run, not both'],
  [['--stdin-filename', 'x.service'], '--stdin-filename needs --stdin'],
  [['--fix-dry-run', '--format', 'json'], '--fix-dry-run prints a diff; it cannot be combined with --format json'],
  [['--stdin', '--fix', '--format', 'sarif'], '--stdin --fix prints the fixed text; it cannot be combined with --format sarif'],
  [['--security=yes'], '--security takes no value'],
  [['--config', 'missing.ini'], 'cannot read the configuration file missing.ini: no such file'],
  [['--config', '/nope'], 'cannot read the configuration file /nope: no such file'],
];

for (const [args, message] of USAGE_ERRORS) {
  test(`usage error: ${args.join(' ')}`, (t) => {
    const r = run(args, { cwd: makeTree(t, CLEAN) });
    assert.deepEqual(r, { code: 2, stdout: '', stderr: `daemonlint: ${message}\n` });
  });
}

test('--help and -h print the usage; --version the version; both exit 0', () => {
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: daemonlint \[options\] \[PATH\.\.\.\]\n/);
  for (const flag of ['--format', '--color', '--fix', '--fix-dry-run', '--fail-level', '--max-warnings', '--rule', '--security', '--systemd-version', '--stunnel-version', '--config', '--print-config', '--stdin', '--stdin-filename', '--list-rules', '--help', '--version']) {
    assert.match(help.stdout, new RegExp(`\\n  ${flag}[ =]`), flag);
  }
  assert.equal(run(['-h', '--frobnicate']).code, 2);
  assert.equal(run(['-h']).stdout, help.stdout);
  assert.deepEqual(run(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
});

test('--list-rules: every rule of the registry, as text or JSON', () => {
  const text = run(['--list-rules']);
  assert.equal(text.code, 0);
  assert.equal(text.stdout, core.RULES.map((r) => `${r.id}\t${r.severity}\t${r.summary}\n`).join(''));
  const json = JSON.parse(run(['--list-rules', '--format', 'json']).stdout);
  assert.deepEqual(
    json.map((r) => [r.id, r.dialect, r.severity, r.security, r.docs]),
    core.RULES.map((r) => [r.id, r.dialect, r.severity, r.security === true, `docs/rules/${r.id}.md`]),
  );
  const sarif = JSON.parse(run(['--list-rules', '--format', 'sarif']).stdout);
  assert.deepEqual(sarif.runs[0].tool.driver.rules.map((d) => d.id), [...core.RULES.map((r) => r.id), 'daemonlint/unused-suppression']);
});

test('-- ends the options: a file named like a flag is a path', (t) => {
  const dir = makeTree(t, { '--fix': 'fooBar = 1\n' });
  const r = run(['--format', 'json', '--', '--fix'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout).map((f) => `${f.file} ${f.rule}`), ['--fix stunnel/unknown-option']);
});
