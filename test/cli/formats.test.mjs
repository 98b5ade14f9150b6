// The three output formats: text (exact lines, colour), JSON (exact objects with fixes) and SARIF
// 2.1.0 (checked structurally, against the JSON report, and against the official schema).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { makeTree, ROOT, run, SITE } from './cli-helpers.mjs';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json');

const SITE_TEXT = [
  "etc/security/limits.conf:1:1: error limits/syntax-error Expected four fields 'domain type item value' but found 3; pam_limits skips this line.",
  "etc/stunnel/stunnel.conf:2:1: warning stunnel/deprecated-option 'sslVersion' is deprecated since stunnel 5.45: use sslVersionMin / sslVersionMax instead. It still works, but later releases may drop it.",
  'etc/stunnel/stunnel.conf:7:1: error stunnel/unknown-option Unknown stunnel option \'fooBar\': stunnel stops with "Specified option name is not valid here" and does not start.',
  'etc/systemd/system/stunnel.service:2:7: warning systemd/obsolete-dependency After=syslog.target does nothing: syslog.target no longer exists (systemd dropped it around v198; logging is socket-activated through syslog.socket and the journal). Remove it; order after network or other real units if needed.',
  'etc/systemd/system/stunnel.service:5:6: warning systemd/forking-without-pidfile Type=forking without PIDFile=: systemd has to guess which process is the main one after the fork, and a wrong guess breaks stop, reload and restart. The stunnel config writes its pid to /run/stunnel.pid; name it with PIDFile=/run/stunnel.pid.',
  "etc/systemd/system/stunnel.service.d/override.conf:2:9: error systemd/invalid-value 'sometimes' is not a valid value for Restart=: expected one of no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always. systemd ignores the line.",
];

test('text: one line per finding, sorted by file and position; summary on stderr', (t) => {
  const dir = makeTree(t, SITE);
  const r = run([], { cwd: dir });
  assert.equal(r.stdout, SITE_TEXT.join('\n') + '\n');
  assert.equal(r.stderr, '4 files, 3 errors, 3 warnings\n');
  assert.equal(r.code, 1);
  // The explicit default and --color never (or auto on a pipe) print the same.
  assert.equal(run(['--format', 'text', '--color', 'never'], { cwd: dir }).stdout, r.stdout);
  assert.equal(run(['--format=text', '--color=auto'], { cwd: dir }).stdout, r.stdout);
});

test('text: the $daemonlint problem matcher regexp reads every line', (t) => {
  const dir = makeTree(t, SITE);
  const matcher = /^(.+?):(\d+):(\d+): (error|warning|info|hint) (\S+) (.*)$/;
  const lines = run([], { cwd: dir }).stdout.trimEnd().split('\n');
  assert.deepEqual(
    lines.map((l) => matcher.exec(l).slice(1, 6).join(' ')),
    [
      'etc/security/limits.conf 1 1 error limits/syntax-error',
      'etc/stunnel/stunnel.conf 2 1 warning stunnel/deprecated-option',
      'etc/stunnel/stunnel.conf 7 1 error stunnel/unknown-option',
      'etc/systemd/system/stunnel.service 2 7 warning systemd/obsolete-dependency',
      'etc/systemd/system/stunnel.service 5 6 warning systemd/forking-without-pidfile',
      'etc/systemd/system/stunnel.service.d/override.conf 2 9 error systemd/invalid-value',
    ],
  );
});

test('text: --color always colours location, severity and rule', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'fooBar = 1\n' });
  const r = run(['--color', 'always'], { cwd: dir });
  assert.equal(
    r.stdout,
    '\x1b[1mstunnel.conf:1:1:\x1b[22m \x1b[31merror\x1b[39m \x1b[2mstunnel/unknown-option\x1b[22m Unknown stunnel option \'fooBar\': stunnel stops with "Specified option name is not valid here" and does not start.\n',
  );
  // NO_COLOR does not override an explicit --color always; it only affects auto.
  assert.equal(run(['--color', 'always'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, r.stdout);
});

test('json: 1-based positions, file relative to the working directory, fixes with their edits', (t) => {
  const dir = makeTree(t, { 'conf/stunnel.conf': 'sslVersion = all\nfooBar = 1\n' });
  const r = run(['--format', 'json', 'conf'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout), [
    {
      file: 'conf/stunnel.conf',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 17,
      severity: 'warning',
      rule: 'stunnel/deprecated-option',
      message: "'sslVersion' is deprecated since stunnel 5.45: use sslVersionMin / sslVersionMax instead. It still works, but later releases may drop it.",
      fixes: [
        {
          title: "Remove 'sslVersion = all' (it is the default)",
          preferred: true,
          changes: [{ file: 'conf/stunnel.conf', edits: [{ line: 1, column: 1, endLine: 2, endColumn: 1, text: '' }] }],
        },
        {
          title: 'Replace with sslVersionMin = TLSv1.2',
          preferred: false,
          changes: [{ file: 'conf/stunnel.conf', edits: [{ line: 1, column: 1, endLine: 1, endColumn: 17, text: 'sslVersionMin = TLSv1.2' }] }],
        },
      ],
    },
    {
      file: 'conf/stunnel.conf',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 7,
      severity: 'error',
      rule: 'stunnel/unknown-option',
      message: 'Unknown stunnel option \'fooBar\': stunnel stops with "Specified option name is not valid here" and does not start.',
      fixes: [],
    },
  ]);
  assert.equal(r.stderr, '1 file, 1 error, 1 warning\n');
});

test('json: no findings is an empty array', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'pid = /run/stunnel.pid\n' });
  const r = run(['--format', 'json'], { cwd: dir });
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '[]\n', '1 file, 0 errors, 0 warnings\n']);
});

function sarifOf(t, files, args = []) {
  const dir = makeTree(t, files);
  const r = run(['--format', 'sarif', ...args], { cwd: dir });
  return { dir, r, log: JSON.parse(r.stdout), json: JSON.parse(run(['--format', 'json', ...args], { cwd: dir }).stdout) };
}

test('sarif: tool.driver describes every rule, with help URIs to docs/rules/<id>.md', (t) => {
  const { log, r } = sarifOf(t, SITE);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '4 files, 3 errors, 3 warnings\n');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.runs.length, 1);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'daemonlint');
  assert.equal(driver.version, pkg.version);
  const listed = run(['--list-rules']).stdout.trimEnd().split('\n').map((l) => l.split('\t'));
  // The rules of the registry, then the check of suppression comments.
  assert.deepEqual(
    driver.rules.map((d) => [d.id, d.defaultConfiguration.level]),
    [...listed.map(([id, severity]) => [id, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[severity]]), ['daemonlint/unused-suppression', 'note']],
  );
  const base = pkg.repository.url.replace(/\.git$/, '');
  for (const [i, d] of driver.rules.slice(0, listed.length).entries()) {
    assert.equal(d.shortDescription.text, listed[i][2]);
    assert.ok(d.fullDescription.text.startsWith(listed[i][2] + ' Checks '), d.fullDescription.text);
    assert.equal(d.helpUri, `${base}/blob/main/docs/rules/${d.id}.md`);
    assert.equal(d.properties.docs, `docs/rules/${d.id}.md`);
    assert.ok(new URL(d.helpUri).protocol.startsWith('http'));
  }
});

test('sarif: results match the JSON report: rule, level, region, relative artifact, fixes', (t) => {
  const { log, json, dir } = sarifOf(t, SITE);
  const run0 = log.runs[0];
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run0.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
  assert.equal(run0.results.length, json.length);
  const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
  run0.results.forEach((res, i) => {
    const f = json[i];
    assert.equal(res.ruleId, f.rule);
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, f.rule);
    assert.equal(res.level, level[f.severity]);
    assert.equal(res.message.text, f.message);
    assert.deepEqual(res.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ]);
    assert.equal(res.fixes?.length ?? 0, f.fixes.length);
  });
  // The obsolete dependency's fix, in SARIF terms.
  const obsolete = run0.results.find((x) => x.ruleId === 'systemd/obsolete-dependency');
  assert.deepEqual(obsolete.fixes, [
    {
      description: { text: 'Remove syslog.target' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'etc/systemd/system/stunnel.service', uriBaseId: '%SRCROOT%' },
          replacements: [{ deletedRegion: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 35 }, insertedContent: { text: 'network.target' } }],
        },
      ],
    },
  ]);
  // A cross-file finding points at the config it read.
  const forking = run0.results.find((x) => x.ruleId === 'systemd/forking-without-pidfile');
  assert.deepEqual(forking.relatedLocations, [
    {
      id: 1,
      physicalLocation: { artifactLocation: { uri: 'etc/stunnel/stunnel.conf', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 23 } },
      message: { text: 'stunnel config started by this unit' },
    },
  ]);
});

test('sarif: names are percent-encoded; files outside the working directory get absolute file URIs', (t) => {
  const dir = makeTree(t, { 'work/my units/app@.service': '[Service]\nType=sometimes\n', 'outside/stunnel.conf': 'fooBar = 1\n' });
  const r = run(['--format', 'sarif', '.', '../outside'], { cwd: path.join(dir, 'work') });
  const locs = JSON.parse(r.stdout).runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation);
  assert.deepEqual(locs, [{ uri: pathToFileURL(path.join(dir, 'outside', 'stunnel.conf')).href }, { uri: 'my%20units/app@.service', uriBaseId: '%SRCROOT%' }]);
});

test('sarif: an empty run still describes the rules and has an empty results array', (t) => {
  const { log, r } = sarifOf(t, { 'stunnel.conf': 'pid = /run/stunnel.pid\n' });
  assert.equal(r.code, 0);
  assert.deepEqual(log.runs[0].results, []);
  assert.ok(log.runs[0].tool.driver.rules.length > 10);
});

test('sarif: valid against the SARIF 2.1.0 JSON schema', (t) => {
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema's language-tag pattern is not valid with the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const { log } = sarifOf(t, SITE);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  // The validator does catch mistakes: a relative helpUri is not a URI in SARIF's sense.
  const broken = structuredClone(log);
  broken.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/x.md';
  assert.equal(validate(broken), false);
  assert.deepEqual(validate.errors.map((e) => `${e.instancePath} ${e.keyword}`), ['/runs/0/tool/driver/rules/0/helpUri format']);
  // So is the log of an unreadable file (a finding that is not a rule's).
  const unreadable = JSON.parse(run(['--format', 'sarif', '/proc/self/mem'], { cwd: ROOT }).stdout);
  assert.ok(validate(unreadable), JSON.stringify(validate.errors, null, 2));
  const r0 = unreadable.runs[0];
  assert.equal(r0.tool.driver.rules[r0.results[0].ruleIndex].id, 'daemonlint/unreadable-file');
});

test('text: bidirectional controls from the linted files are shown escaped', (t) => {
  const dir = makeTree(t, { 'bidi.service': '[Service]\nExecStart=/bin/true\nUs\u202Eer=1\nX\u2066Y=2\n' });
  const r = run(['--rule', 'systemd/unknown-directive=error'], { cwd: dir });
  assert.equal(
    r.stdout,
    [
      "bidi.service:3:1: error systemd/unknown-directive Unknown key 'Us\\u{202e}er' in [Service]: systemd ignores the line, so the setting never takes effect. Did you mean 'User'? Keys of your own must start with X-.",
      "bidi.service:4:1: error systemd/unknown-directive Unknown key 'X\\u{2066}Y' in [Service]: systemd ignores the line, so the setting never takes effect. Keys of your own must start with X-.",
    ].join('\n') + '\n',
  );
});

test('text: control characters from the linted files are shown escaped, never sent to the terminal', (t) => {
  const dir = makeTree(t, {
    'esc.service': '[Service]\nExecStart=/bin/true\nFo\x1b[31mRED\x1b]0;pwned\x07o=1\n[Unit\x1b[2J\u009b1m\x7f]\n',
    'ev\x1b]0;t\x07il.service': '[Service]\nExecStart=/bin/true\nType=some\x1b[8mtimes\n',
  });
  const args = ['--rule', 'systemd/unknown-directive=error', '--rule', 'systemd/unknown-section=error'];
  const r = run(args, { cwd: dir });
  assert.equal(
    r.stdout,
    [
      "esc.service:3:1: error systemd/unknown-directive Unknown key 'Fo\\x1b[31mRED\\x1b]0;pwned\\x07o' in [Service]: systemd ignores the line, so the setting never takes effect. Keys of your own must start with X-.",
      'esc.service:4:2: error systemd/unknown-section Unknown section [Unit\\x1b[2J\\x9b1m\\x7f]: systemd ignores it and every line in it. Sections of your own must start with X-.',
      "ev\\x1b]0;t\\x07il.service:3:6: error systemd/invalid-value 'some\\x1b[8mtimes' is not a valid value for Type=: expected one of simple, forking, oneshot, dbus, notify, notify-reload, idle, exec. systemd ignores the line.",
    ].join('\n') + '\n',
  );
  assert.equal(r.code, 1);
  // In colour, the only escape sequences are the format's own.
  const coloured = run([...args, '--color', 'always'], { cwd: dir }).stdout;
  assert.deepEqual([...new Set(coloured.match(/\x1b\[\d+m/g))].sort(), ['\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[31m', '\x1b[39m']);
  assert.equal(coloured.replace(/\x1b\[\d+m/g, ''), r.stdout);
  // JSON keeps the text exact (JSON.stringify escapes it).
  assert.equal(JSON.parse(run([...args, '--format', 'json'], { cwd: dir }).stdout)[2].file, 'ev\x1b]0;t\x07il.service');
});

test('error lines on stderr show control characters in names and configuration text escaped', (t) => {
  const dir = makeTree(t, { 'stunnel.conf': 'pid = /run/stunnel.pid\n', 'bad/.daemonlintrc': 'bo\x1b[5mgus = 1\n', 'bad/stunnel.conf': '' });
  assert.deepEqual(run(['stunnel.conf', 'no\x1b[2Jpe\r'], { cwd: dir }), { code: 2, stdout: '', stderr: 'daemonlint: no such file or directory: no\\x1b[2Jpe\\x0d\n' });
  assert.deepEqual(run(['bad'], { cwd: dir }), {
    code: 2,
    stdout: '',
    stderr: "daemonlint: bad/.daemonlintrc: unknown key 'bo\\x1b[5mgus' (known: systemdVersion, stunnelVersion, security, expectedConnections, [rules])\n",
  });
});
