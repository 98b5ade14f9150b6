// Counterexamples the property tests found, kept as plain tests with exact values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFix, brief, briefs, core, lint } from '../helpers.mjs';

const applyEdits = (text, edits) => TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), edits);

const CONF = '/etc/stunnel/stunnel.conf';
const titles = (findings) => findings.filter((f) => f.rule === 'stunnel/unknown-option').flatMap((f) => f.fixes.map((x) => x.title));
const unknown = (findings) => briefs(findings.filter((f) => f.rule === 'stunnel/unknown-option'));

test('unknown-option in a service suggests no global-only option (the fix would fail option-scope)', () => {
  const found = lint({ [CONF]: '[svc]\nforegroun = yes\n' });
  assert.deepEqual(unknown(found), ['stunnel/unknown-option@2:1-2:10']);
  assert.deepEqual(titles(found), []);
  assert.doesNotMatch(found.find((f) => f.rule === 'stunnel/unknown-option').message, /Did you mean/);
  // In the global part the same typo still gets its fix.
  assert.deepEqual(titles(lint({ [CONF]: 'foregroun = yes\n' })), ["Change to 'foreground'"]);
  assert.deepEqual(titles(lint({ [CONF]: '[svc]\nips = no\n' })), []);
});

test('unknown-option on a removed option does not suggest the option itself', () => {
  const found = lint({ [CONF]: 'protocolCredentials = x\n' });
  assert.deepEqual(unknown(found), ['stunnel/unknown-option@1:1-1:20']);
  assert.equal(found.find((f) => f.rule === 'stunnel/unknown-option').message, `'protocolCredentials' was removed from stunnel; it stops with "Specified option name is not valid here".`);
  assert.deepEqual(titles(found), []);
});

test('unknown-option still joins a split name in the global part', () => {
  assert.deepEqual(titles(lint({ [CONF]: 'fore ground = yes\n' })), ["Change to 'foreground'"]);
});

/** Milliseconds a call takes. */
function ms(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

test('continuation-whitespace: an odd run of backslashes before a blank, found by scanning, not backtracking', () => {
  const unit = '/etc/systemd/system/a.service';
  assert.deepEqual(briefs(lint({ [unit]: '[Service]\nExecStart=/bin/echo a \\\\\\ \n' })), ['systemd/continuation-whitespace@2:25-2:27']);
  assert.deepEqual(briefs(lint({ [unit]: '[Service]\nExecStart=/bin/echo a \\\\ \n' })), []);
  // 200,000 backslashes and no blank: a backtracking regex took minutes here.
  const took = ms(() => lint({ [unit]: '[Service]\nEnvironment=' + '\\'.repeat(200_000) + '\n' }));
  assert.ok(took < 5000, `took ${took.toFixed(0)} ms`);
});

test('completion finds the word being typed after a 100,000-character word without backtracking', () => {
  const text = '[Unit]\nAfter=' + 'x'.repeat(100_000) + ' network-on';
  const doc = core.parse(core.pathToUri('/etc/systemd/system/a.service'), text, 'systemd-unit');
  let items;
  const took = ms(() => (items = core.complete(doc, { line: 1, character: 100_017 })));
  assert.ok(took < 2000, `took ${took.toFixed(0)} ms`);
  const item = items.find((i) => i.label === 'network-online.target');
  assert.deepEqual(item.range, { start: { line: 1, character: 100_007 }, end: { line: 1, character: 100_017 } });
});

test('formatting a file with lone carriage returns: idempotent, lines neither joined nor lost', () => {
  const format = (text, dialect) => applyEdits(text, core.format(core.parse('file:///x', text, dialect)));
  // Adding the blank line before [s] after a lone '\r' used to make one '\r\n' of them.
  assert.equal(format('a=b\r[s]', 'stunnel'), 'a = b\n\n[s]\n');
  assert.equal(format('a = b\n\n[s]\n', 'stunnel'), 'a = b\n\n[s]\n');
  assert.equal(format('a=b\r \n[s]', 'stunnel'), 'a = b\n\n[s]\n');
  assert.equal(format('[Unit]\rA=b\r[Service]\rX=y\r', 'systemd-unit'), '[Unit]\nA=b\n\n[Service]\nX=y\n');
});

test('a backslash or comments at the very end of a unit end its continuation, as systemd reads it', () => {
  const value = (text) => core.parse('file:///a.service', text, 'systemd-unit').sections[1].entries[0].value;
  // systemd-analyze verify: "Failed to parse service type, ignoring: bogus" for all three.
  assert.equal(value('[Service]\nType=bogus\\'), 'bogus');
  assert.equal(value('[Service]\nType=bogus \\\n'), 'bogus');
  assert.equal(value('[Service]\nType=bogus \\\n#comment'), 'bogus');
  assert.equal(value('[Service]\nType=bogus \\\n#c\n  more'), 'bogus    more');
});

test("a unit line with nothing before '=' is a syntax error, not an unknown key ''", () => {
  // systemd-analyze verify: "Missing key name before '=', ignoring line."
  const found = lint({ '/etc/systemd/system/a.service': '[Service]\nExecStart=/bin/true\n=yes\n  =x\n' });
  assert.deepEqual(briefs(found), ['systemd/syntax-error@3:1-3:5', 'systemd/syntax-error@4:3-4:5']);
  assert.equal(found[0].message, `Missing key name before '=': systemd ignores this line ("Missing key name before '=', ignoring line").`);
});

test('cipher completion on an empty value replaces nothing past the cursor', () => {
  const doc = core.parse(core.pathToUri('/etc/stunnel/stunnel.conf'), 'ciphers=\nsslVersion=yes', 'stunnel');
  const all = core.complete(doc, { line: 0, character: 8 }).find((c) => c.label === 'ALL');
  assert.deepEqual(all.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } });
  const bang = core.parse(core.pathToUri('/etc/stunnel/stunnel.conf'), 'ciphers = HIGH:!a', 'stunnel');
  assert.deepEqual(core.complete(bang, { line: 0, character: 17 }).find((c) => c.label === 'aNULL').range, { start: { line: 0, character: 16 }, end: { line: 0, character: 17 } });
});

test("verify = __proto__ (or constructor) is not a verify level: no rule failure", () => {
  for (const value of ['__proto__', 'constructor', 'toString']) {
    const found = lint({ [CONF]: `verify = ${value}\n` });
    assert.ok(!found.some((f) => f.rule === 'daemonlint/internal-error'), found.map((f) => f.message).join('\n'));
    assert.deepEqual(found.find((f) => f.rule === 'stunnel/deprecated-option').fixes, []);
  }
});

test('paths with a lone surrogate or a malformed escape do not make rules fail', () => {
  assert.equal(core.pathToUri('/etc/\uDC00x.conf'), 'file:///etc/%EF%BF%BDx.conf');
  assert.equal(core.uriToPath('file:///etc/a%zz.service'), '/etc/a%zz.service');
  assert.equal(core.uriToPath('file:///etc/a%20b.service'), '/etc/a b.service');
  const found = lint({ '/etc/systemd/system/stunnel.service': '[Service]\nExecStart=/usr/bin/stunnel \uD800/etc/stunnel/stunnel.conf\n' });
  assert.deepEqual(found.filter((f) => f.rule === 'daemonlint/internal-error').map((f) => f.message), []);
});

test('user-setuid-conflict removes every setuid line, not only the one in force', () => {
  const unit = '/etc/systemd/system/stunnel.service';
  const files = { [unit]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nUser=stunnel\n', [CONF]: 'setuid = yes\nsetuid = other\n' };
  const finding = lint(files).find((f) => f.rule === 'systemd/user-setuid-conflict');
  const fixed = applyEdits(files[CONF], finding.fixes[0].changes[0].edits);
  assert.equal(fixed, '');
  assert.deepEqual(briefs(lint({ ...files, [CONF]: fixed }).filter((f) => f.rule === 'systemd/user-setuid-conflict')), []);
});

/** Applies a fix to every file it changes. */
function appliedAll(files, fix) {
  const next = { ...files };
  for (const c of fix.changes) next[core.uriToPath(c.uri)] = applyEdits(files[core.uriToPath(c.uri)] ?? '', c.edits);
  return next;
}

test('missing-limit-nofile: the fix works even when a drop-in resets LimitNOFILE= (fix-all used to add it 64 times)', () => {
  const files = { ['/etc/systemd/system/stunnel.service']: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\n', ['/etc/systemd/system/stunnel.service.d/override.conf']: '[Service]\nLimitNOFILE=\n' };
  const finding = lint(files).find((f) => f.rule === 'systemd/missing-limit-nofile');
  const after = lint(appliedAll(files, finding.fixes[0]));
  assert.deepEqual(briefs(after.filter((f) => f.rule === 'systemd/missing-limit-nofile')), []);
});

test('fixes that add verifyChain = yes leave no service without CA certificates', () => {
  // unauthenticated-client, with an empty CAfile line.
  let files = { [CONF]: 'foreground = yes\n[svc]\nclient = yes\naccept = 127.0.0.1:1\nconnect = example.org:443\nCAfile =\n' };
  let finding = lint(files).find((f) => f.rule === 'stunnel/unauthenticated-client');
  assert.deepEqual(briefs(lint(appliedAll(files, finding.fixes[0])).filter((f) => f.rule === 'stunnel/missing-ca')), []);
  // verify-required, for a checkEmail in the global part that reaches [b], which has no CAfile.
  files = { [CONF]: 'checkEmail = a@example.org\n[a]\naccept = 1\nconnect = 2\nCAfile = /etc/ssl/ca.pem\n[b]\naccept = 3\nconnect = 4\n' };
  finding = lint(files).find((f) => f.rule === 'stunnel/verify-required');
  assert.deepEqual(briefs(lint(appliedAll(files, finding.fixes[0])).filter((f) => f.rule === 'stunnel/missing-ca')), []);
});

test('missing-ca: the added CAfile is not overridden by an empty CAfile = further down', () => {
  const files = { [CONF]: 'foreground = yes\n[smtp]\nclient = yes\naccept = 127.0.0.1:2525\nconnect = smtp.example.net:465\nverifyChain = yes\ncheckHost = smtp.example.net\nCAfile =\n' };
  const finding = lint(files).find((f) => f.rule === 'stunnel/missing-ca');
  const after = lint(appliedAll(files, finding.fixes[0]));
  assert.deepEqual(briefs(after.filter((f) => f.rule === 'stunnel/missing-ca')), []);
});

test('fix-all on a verifyChain line with a bad value settles instead of adding and removing a line forever', () => {
  const files = { [CONF]: 'foreground = yes\n[svc]\nclient = yes\naccept = 127.0.0.1:1\nconnect = 127.0.0.1:2\ncheckHost = localhost\nCAfile = /etc/ssl/ca.pem\nverifyChain =a yes\n' };
  const texts = [files[CONF]];
  for (let i = 0; i < 4; i++) {
    const ws = new core.Workspace([], []);
    ws.set(core.pathToUri(CONF), texts[texts.length - 1]);
    texts.push(core.fixAll(ws, core.pathToUri(CONF), core.resolveSettings({}))?.text ?? texts[texts.length - 1]);
  }
  assert.equal(texts[4], texts[3], 'fix-all changes the file on every run');
  assert.equal(texts[4], files[CONF].replace('verifyChain =a yes', 'verifyChain = yes'));
});

test('ipv6-brackets offers no rewrite for a bracketed host that is not an IPv6 address', () => {
  // '[:\f;:1]:24410' used to become ':\f;:1:24410', which stunnel reads as a value with a comment.
  const found = lint({ [CONF]: 'foreground = yes\n[svc]\naccept = [:\f;:1]:24410\nconnect = 127.0.0.1:80\ncert = /etc/ssl/a.pem\n' });
  const finding = found.find((f) => f.rule === 'stunnel/ipv6-brackets');
  assert.equal(brief(finding), 'stunnel/ipv6-brackets@3:10-3:23');
  assert.deepEqual(finding.fixes, []);
});

// systemd fixes: lines added where a later empty Key= would reset them, Service= removed
// everywhere it applies, ExecStart= clearing, two byte-order marks, the hardening block.
const SUNIT = '/etc/systemd/system/stunnel.service';
const SDROPIN = '/etc/systemd/system/stunnel.service.d/override.conf';

test('the hardening block does not break a stunnel that switches users itself', () => {
  const files = {
    [SUNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\n',
    [CONF]: 'setuid = stunnel4\nforeground = yes\n[s]\naccept = 1\nconnect = 2\ncert = /etc/ssl/a.pem\n',
  };
  const finding = lint(files, { settings: { security: true } }).find((f) => f.rule === 'systemd/hardening-capability-bounding-set');
  const fix = finding.fixes.find((x) => x.title.startsWith('Add the hardening block'));
  const after = lint(appliedAll(files, fix), { settings: { security: true } });
  // It used to add DynamicUser=yes: systemd/user-setuid-conflict and systemd/privileged-port-without-capability followed.
  assert.deepEqual(briefs(after.filter((f) => f.severity === 'error')), []);
});

test('multiple-exec-start: a drop-in with two ExecStart= of its own gets no clearing fix (it used to leave two commands)', () => {
  const files = { [SUNIT]: '[Service]\nExecStart=/bin/a\n', [SDROPIN]: '[Service]\nExecStart=/bin/b\n[Service]\nExecStart=/bin/c\n' };
  const finding = lint(files, { target: SDROPIN }).find((f) => f.rule === 'systemd/multiple-exec-start');
  assert.equal(brief(finding), 'systemd/multiple-exec-start@2:1-2:10');
  assert.deepEqual(finding.fixes, []);
  // With one command of its own the clearing fix is there and leaves that one.
  const one = { [SUNIT]: files[SUNIT], [SDROPIN]: '[Service]\nExecStart=/bin/b\n' };
  const fix = lint(one, { target: SDROPIN }).find((f) => f.rule === 'systemd/multiple-exec-start').fixes.find((x) => x.title === 'Clear the earlier ExecStart= first');
  assert.deepEqual(briefs(lint(appliedAll(one, fix), { target: SDROPIN })), []);
});

test('network-online-without-wants: the added Wants= is not reset by an empty Wants= below it', () => {
  const files = { [SUNIT]: '[Service]\nExecStart=/bin/true\n', [SDROPIN]: '[Unit]\nAfter=network-online.target\nWants=\n' };
  const finding = lint(files, { target: SDROPIN }).find((f) => f.rule === 'systemd/network-online-without-wants');
  const after = lint(appliedAll(files, finding.fixes[0]), { target: SDROPIN });
  assert.deepEqual(briefs(after.filter((f) => f.rule === 'systemd/network-online-without-wants')), []);
});

test('socket-accept-template: removing Service= removes the one below it too', () => {
  const SOCKET = '/etc/systemd/system/x.socket';
  const SOCKET_DROPIN = '/etc/systemd/system/x.socket.d/override.conf';
  const files = { [SOCKET]: '[Socket]\nListenStream=1234\nAccept=yes\nService=a.service\n', [SOCKET_DROPIN]: '[Socket]\nService=b.service\n' };
  const finding = lint(files, { target: SOCKET_DROPIN }).find((f) => f.rule === 'systemd/socket-accept-template');
  const next = appliedAll(files, finding.fixes.find((x) => x.title === 'Remove Service='));
  const left = [SOCKET, SOCKET_DROPIN].flatMap((t) => lint(next, { target: t }).filter((f) => f.rule === 'systemd/socket-accept-template'));
  assert.deepEqual(briefs(left), []);
});

test('hardening fixes are not undone by a drop-in that resets the same setting', () => {
  const files = { [SUNIT]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/stunnel.conf\n', [SDROPIN]: '[Service]\nRestrictAddressFamilies=\n' };
  const settings = { security: true };
  const finding = lint(files, { settings }).find((f) => f.rule === 'systemd/hardening-restrict-address-families');
  const after = lint(appliedAll(files, finding.fixes[0]), { settings });
  assert.deepEqual(briefs(after.filter((f) => f.rule === 'systemd/hardening-restrict-address-families')), []);
});

test('two byte-order marks: the first line is no header for every rule, not only for syntax-error', () => {
  const files = { [SDROPIN]: '\uFEFF\uFEFF[Unit]\nDeescription=x\n\n[Service]\nExecStart=/bin/true\n', [SUNIT]: '' };
  // systemd strips one BOM: '\uFEFF[Unit]' is not a header, so Deescription= is outside any section.
  const found = lint(files, { target: SDROPIN });
  assert.deepEqual(briefs(found.filter((f) => f.rule === 'systemd/unknown-directive')), []);
});

test('missing-limit-nofile: the fix is not reset by an empty LimitNOFILE= in a later [Service] of the same unit', () => {
  const files = { [SUNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\n[Service]\nLimitNOFILE=\n' };
  const finding = lint(files).find((f) => f.rule === 'systemd/missing-limit-nofile');
  const after = lint(appliedAll(files, finding.fixes[0]));
  assert.deepEqual(briefs(after.filter((f) => f.rule === 'systemd/missing-limit-nofile')), []);
});

test('formatting keeps a blank line above a first line that starts with U+FEFF (at the top it would become a byte-order mark)', () => {
  const format = (text, dialect) => applyEdits(text, core.format(core.parse('file:///x', text, dialect)));
  // stunnel skips a byte-order mark on line 1 only; elsewhere the character is text ("No '=' found").
  assert.equal(format('\n\uFEFF\n[]', 'stunnel'), '\n\uFEFF\n\n[]\n');
  assert.equal(format('\n\uFEFF\n\n[]\n', 'stunnel'), '\n\uFEFF\n\n[]\n');
  assert.equal(format('\n\n\uFEFF\n[Unit]\nA=b', 'systemd-unit'), '\n\uFEFF\n\n[Unit]\nA=b\n');
  // A real byte-order mark on line 1 stays where it is and the blank lines after it go.
  assert.equal(format('\uFEFF\n\n[a]\n', 'stunnel'), '\uFEFF[a]\n');
});

test('a no-break space is a value to stunnel: pid = U+00A0 moved to the global part is a relative pid file', () => {
  // stunnel trims with isspace() in the C locale: U+00A0 stays, so the pid file is a relative path.
  const files = { [CONF]: '[stunnel]\npid=\u00A0' };
  const finding = lint(files).find((f) => f.rule === 'stunnel/option-scope');
  assert.equal(brief(finding), 'stunnel/option-scope@2:1-2:4');
  const moved = applyEdits(files[CONF], finding.fixes[0].changes[0].edits);
  assert.equal(moved, 'pid=\u00A0\n[stunnel]\n');
  // The move reveals what was wrong with the value all along (the property exempts such errors).
  const errors = (text) => briefs(lint({ [CONF]: text }).filter((f) => f.severity === 'error'));
  assert.deepEqual(errors(files[CONF]), ['stunnel/missing-certificate@1:1-1:10', 'stunnel/service-endpoints@1:1-1:10', 'stunnel/option-scope@2:1-2:4']);
  assert.deepEqual(errors(moved), ['stunnel/relative-path-without-foreground@1:5-1:6', 'stunnel/missing-certificate@2:1-2:10', 'stunnel/service-endpoints@2:1-2:10']);
});

test('two byte-order marks before a line separator: fix-all removes the marks, and the line is then reported for what it is', () => {
  // Found by the long run (seed 23411677): U+2028 is no blank to systemd, so the line lacks '='.
  const uri = core.pathToUri('/etc/systemd/system/stunnel.service');
  const ws = new core.Workspace();
  ws.set(uri, '\uFEFF\uFEFF\u2028\n');
  const before = core.lintFile(ws, uri, core.resolveSettings({}));
  assert.deepEqual(briefs(before), ['systemd/syntax-error@1:1-1:4']);
  assert.match(before[0].message, /^The file starts with two byte-order marks/);
  const fixed = core.fixAll(ws, uri, core.resolveSettings({}));
  assert.equal(fixed.text, '\u2028\n');
  ws.set(uri, fixed.text);
  const after = core.lintFile(ws, uri, core.resolveSettings({}));
  assert.deepEqual(after.map((f) => [brief(f), f.message]), [["systemd/syntax-error@1:1-1:2", "Missing '=' in '\u2028': systemd expects Key=Value and ignores this line."]]);
});

test('formatting keeps the indentation of a first line that starts with U+FEFF after its blanks', () => {
  // Found by the long run (seeds 26443362, 26577985, 26704689): without the indentation the
  // character opens the file and is read as a byte-order mark.
  for (const [dialect, text] of [['stunnel', '\t\uFEFF='], ['stunnel', ' \t \uFEFF='], ['stunnel', '\f\uFEFF='], ['systemd-unit', '\t\uFEFF=x']]) {
    const out = core.applyEdits(text, core.format(core.parse('file:///x', text, dialect)));
    assert.equal(out, text + '\n', JSON.stringify(text));
  }
  // An ordinary first line still loses its indentation.
  assert.equal(core.applyEdits('\tfoo = 1\n', core.format(core.parse('file:///x', '\tfoo = 1\n', 'stunnel'))), 'foo = 1\n');
});

test('relative-path-under-systemd offers no absolute rewrite for a value holding "=" (two lines run together)', () => {
  // Found by a fuzz run (seed 22356241): 'include =pid = /tmp/stunnel' became 'include = /etc/stunnel/pid = /tmp/stunnel'.
  const files = {
    '/etc/systemd/system/s.service': '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/s.conf\nLimitNOFILE=4096\n',
    '/etc/stunnel/s.conf': 'foreground = yes\ninclude =pid = /tmp/stunnel\n[x]\naccept = 443\nconnect = 80\ncert = a.pem\n',
  };
  const f = lint(files, { target: '/etc/stunnel/s.conf' }).filter((x) => x.rule === 'stunnel/relative-path-under-systemd');
  assert.deepEqual(f.map((x) => [brief(x), x.fixes.map((y) => y.title)]), [
    ['stunnel/relative-path-under-systemd@2:10-2:28', ['Add WorkingDirectory=/etc/stunnel to s.service']],
    ['stunnel/relative-path-under-systemd@6:8-6:13', ['Use /etc/stunnel/a.pem', 'Add WorkingDirectory=/etc/stunnel to s.service']],
  ]);
});

test('an include naming another folder of the same name as the config\'s own is no loop, and option-scope moves no line onto itself', () => {
  // Found by a fuzz run (seed 21585890): /etc/stunnel/stunnel.conf with include=/var/lib/stunnel was read as
  // including its own folder, so its first line was reported out of scope and the move overlapped itself.
  const files = { '/etc/stunnel/stunnel.conf': 'setEnv=\n[]\ninclude=/var/lib/stunnel' };
  const f = lint(files);
  assert.deepEqual(f.filter((x) => ['stunnel/include-error', 'stunnel/option-scope', 'stunnel/duplicate-service'].includes(x.rule)).map(brief), []);
});

test('relative-path-under-systemd offers no absolute rewrite for a value holding blanks, ";" or "#"', () => {
  // Found by a fuzz run (seed 22395837): a value of a path, blanks, ';' and U+FEFF got "Use /etc/stunnel/…".
  const files = {
    '/etc/systemd/system/s.service': '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/s.conf\nLimitNOFILE=4096\n',
    '/etc/stunnel/s.conf': 'foreground = yes\n[x]\naccept = 443\nconnect = 80\ncert = a b.pem\nkey = k ;\uFEFF\nCAfile = c#d\n',
  };
  const f = lint(files, { target: '/etc/stunnel/s.conf' }).filter((x) => x.rule === 'stunnel/relative-path-under-systemd');
  assert.deepEqual(f.map((x) => [brief(x), x.fixes.map((y) => y.title)]), [
    ['stunnel/relative-path-under-systemd@5:8-5:15', ['Add WorkingDirectory=/etc/stunnel to s.service']],
    ['stunnel/relative-path-under-systemd@6:7-6:11', ['Add WorkingDirectory=/etc/stunnel to s.service']],
    ['stunnel/relative-path-under-systemd@7:10-7:13', ['Add WorkingDirectory=/etc/stunnel to s.service']],
  ]);
});

test('environment-unquoted-space offers no quoting when the quoted value would still be ignored', () => {
  // Found by a fuzz run (seed 22372080): a '%' that is no specifier makes systemd ignore the line quoted or not.
  const found = lint({ '/etc/systemd/system/a.service': '[Service]\nExecStart=/bin/true\nEnvironment=JAVA_OPTS= % =x-Xms256m\n' });
  const env = found.filter((x) => x.rule === 'systemd/environment-unquoted-space');
  assert.deepEqual(env.map((x) => [brief(x), x.fixes.map((y) => y.title)]), [['systemd/environment-unquoted-space@3:24-3:25', []]]);
  assert.deepEqual(found.filter((x) => x.rule === 'systemd/invalid-value').map(brief), ['systemd/invalid-value@3:24-3:26']);
  // Without the stray '%' the quoting is offered.
  const ok = lint({ '/etc/systemd/system/a.service': '[Service]\nExecStart=/bin/true\nEnvironment=JAVA_OPTS=-Xms256m -Xmx1g\n' });
  assert.deepEqual(ok.filter((x) => x.rule === 'systemd/environment-unquoted-space').map((x) => x.fixes.map((y) => y.title)), [['Quote the assignment of JAVA_OPTS']]);
});

test('%i in a unit that is no template is empty: its ExecStart= config path names no other config', () => {
  // Found by a fuzz run (seed 22482947): stunnel.service with /etc/stunnel/%i.conf was linked to stunnel.conf.
  const unit = '[Service]\nLimitNOFILE=65536\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n';
  const conf = '[x]\naccept = 443\nconnect = 80\ncert = /etc/stunnel/x.pem\n';
  const mismatch = (files, target) => briefs(lint(files, { target }).filter((x) => x.rule === 'systemd/type-foreground-mismatch'));
  assert.deepEqual(mismatch({ '/etc/systemd/system/stunnel.service': unit, '/etc/stunnel/stunnel.conf': conf }), []);
  // A template and an instance's own unit file still find their configs.
  assert.deepEqual(mismatch({ '/etc/systemd/system/stunnel@.service': unit, '/etc/stunnel/a.conf': conf }), ['systemd/type-foreground-mismatch@3:1-3:10']);
  assert.deepEqual(mismatch({ '/etc/systemd/system/stunnel@a.service': unit, '/etc/stunnel/a.conf': conf, '/etc/stunnel/b.conf': conf }), ['systemd/type-foreground-mismatch@3:1-3:10']);
  assert.deepEqual(mismatch({ '/etc/systemd/system/stunnel@b.service': unit, '/etc/stunnel/a.conf': conf }), []);
});

test('lines added at the top of a stunnel config go after its byte-order mark', () => {
  // Found by a fuzz run (seed 22514623): 'foreground = yes' went before the mark, which then sat inside '[]'.
  const files = { '/etc/systemd/system/stunnel@.service': '[Service]\nLimitNOFILE=65536\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n', '/etc/stunnel/a.conf': '\uFEFF[x]\naccept = 443\n' };
  const f = lint(files).find((x) => x.rule === 'systemd/type-foreground-mismatch');
  const set = f.fixes.find((x) => x.title === 'Set foreground = yes in a.conf');
  assert.equal(applyFix(files['/etc/stunnel/a.conf'], set, core.pathToUri('/etc/stunnel/a.conf')), '\uFEFFforeground = yes\n[x]\naccept = 443\n');
});

test('insecure-protocol fixes leave every service a range of versions', () => {
  // Found by a fuzz run (seed 22284972): sslVersion = SSLv3 in a service became sslVersionMin = TLSv1.2 under a
  // global sslVersion = SSLv3, whose ceiling of SSLv3 the service still inherited: an empty range.
  const C = '/etc/stunnel/stunnel.conf';
  const fixesOf = (text) => lint({ [C]: text }).filter((x) => x.rule === 'stunnel/insecure-protocol').map((x) => [brief(x), x.fixes.map((y) => y.title)]);
  const apply = (text, line, title) => {
    const f = lint({ [C]: text }).find((x) => x.rule === 'stunnel/insecure-protocol' && x.range.start.line === line - 1);
    return applyFix(text, f.fixes.find((x) => x.title === title), core.pathToUri(C));
  };
  const svc = 'accept = 1\nconnect = 2\ncert = /a.pem\n';
  const inherited = `sslVersion = SSLv3\n[s]\nsslVersion = SSLv3\n${svc}`;
  assert.deepEqual(fixesOf(inherited), [
    ['stunnel/insecure-protocol@1:14-1:19', ['Use sslVersionMin = TLSv1.2']],
    ['stunnel/insecure-protocol@3:14-3:19', ['Use sslVersionMin = TLSv1.2 and sslVersionMax = TLSv1.3']],
  ]);
  const fixed = apply(inherited, 3, 'Use sslVersionMin = TLSv1.2 and sslVersionMax = TLSv1.3');
  assert.equal(fixed, `sslVersion = SSLv3\n[s]\nsslVersionMin = TLSv1.2\nsslVersionMax = TLSv1.3\n${svc}`);
  assert.deepEqual(briefs(lint({ [C]: fixed }).filter((x) => x.rule === 'stunnel/version-range')), []);
  // A weak ceiling read after the line: no rewrite can help until that line is fixed.
  assert.deepEqual(fixesOf(`sslVersion = SSLv3\n[s]\nsslVersionMax = TLSv1.1\n${svc}`), [
    ['stunnel/insecure-protocol@1:14-1:19', []],
    ['stunnel/insecure-protocol@3:17-3:24', ['Remove sslVersionMax (allow every version up to TLS 1.3)']],
  ]);
  // Removing a service's ceiling would fall back to a lower global one: raise it to TLSv1.3 instead.
  assert.deepEqual(fixesOf(`sslVersionMax = SSLv3\n[s]\nsslVersionMin = TLSv1\nsslVersionMax = TLSv1.1\n${svc}`), [
    ['stunnel/insecure-protocol@1:17-1:22', ['Remove sslVersionMax (allow every version up to TLS 1.3)']],
    ['stunnel/insecure-protocol@3:17-3:22', []],
    ['stunnel/insecure-protocol@4:17-4:24', ['Use sslVersionMax = TLSv1.3']],
  ]);
  // Nothing else in force: the one-line rewrite, indentation kept.
  assert.equal(apply(`[s]\n  sslVersion = TLSv1\n${svc}`, 2, 'Use sslVersionMin = TLSv1.2'), `[s]\n  sslVersionMin = TLSv1.2\n${svc}`);
});

test('a unit line cut off by the end of the file in a backslash: moved without it, and lines added after it stay apart', () => {
  // Found by a fuzz run (seed 22387919): such a line had no move fix, and one became movable once another line moved.
  const U = '/etc/systemd/system/a.service';
  const text = '[Unit]\nExecStart=/bin/true \\';
  const f = lint({ [U]: text }).find((x) => x.rule === 'systemd/directive-wrong-section');
  assert.deepEqual(f.fixes.map((x) => x.title), ["Move 'ExecStart=' to [Service]"]);
  assert.equal(applyFix(text, f.fixes[0], core.pathToUri(U)), '[Unit]\n\n\n[Service]\nExecStart=/bin/true \n');
  // A line added after a cut-off continuation is kept from joining it by a blank line.
  const text2 = '[Unit]\nExecStop=/bin/x\n[Service]\nExecStart=/bin/true \\';
  const g = lint({ [U]: text2 }).find((x) => x.rule === 'systemd/directive-wrong-section');
  const out = applyFix(text2, g.fixes[0], core.pathToUri(U));
  assert.equal(out, '[Unit]\n[Service]\nExecStart=/bin/true \\\n\nExecStop=/bin/x');
  assert.deepEqual(briefs(lint({ [U]: out })), []);
});

test('directive-wrong-section moves Type=dbus together with its misplaced BusName=', () => {
  // Found by a fuzz run (seed 22475029): Type=dbus moved alone made systemd refuse the unit for want of BusName=.
  const U = '/etc/systemd/system/d.service';
  const text = '[Unit]\nType=dbus\nBusName=org.example.D\nExecStart=/bin/true\n[Service]\n';
  const found = lint({ [U]: text }).filter((x) => x.rule === 'systemd/directive-wrong-section');
  assert.deepEqual(found.map((x) => [brief(x), x.fixes.map((y) => y.title)]), [
    ['systemd/directive-wrong-section@2:1-2:5', ["Move 'Type=' and 'BusName=' to [Service]"]],
    ['systemd/directive-wrong-section@3:1-3:8', ["Move 'BusName=' to [Service]"]],
    ['systemd/directive-wrong-section@4:1-4:10', ["Move 'ExecStart=' to [Service]"]],
  ]);
  const out = applyFix(text, found[0].fixes[0], core.pathToUri(U));
  assert.equal(out, '[Unit]\nExecStart=/bin/true\n[Service]\nType=dbus\nBusName=org.example.D\n');
  // Only what was there before is left: ExecStart= still in [Unit], so no command yet.
  assert.deepEqual(briefs(lint({ [U]: out }).filter((x) => x.severity === 'error')), ['systemd/directive-wrong-section@2:1-2:10', 'systemd/missing-exec-start@3:1-3:10']);
});

test('insecure-protocol: of two sslVersion = SSLv3 in one service, the second gets the plain rewrite once the first has it', () => {
  // Found by a fuzz run (seed 22284973): not a fault of the rule, but of the property, which took the newly
  // safe rewrite of the second line for the first one offered again.
  const C = '/etc/stunnel/stunnel.conf';
  const text = 'foreground = yes\n[svc]\naccept = 1\nconnect = 2\ncert = /a.pem\nsslVersion = SSLv3\nsslVersion = SSLv3\n';
  const fixesOf = (t) => lint({ [C]: t }).filter((x) => x.rule === 'stunnel/insecure-protocol').map((x) => [brief(x), x.fixes.map((y) => y.title)]);
  assert.deepEqual(fixesOf(text), [
    ['stunnel/insecure-protocol@6:14-6:19', ['Use sslVersionMin = TLSv1.2']],
    ['stunnel/insecure-protocol@7:14-7:19', ['Use sslVersionMin = TLSv1.2 and sslVersionMax = TLSv1.3']],
  ]);
  const first = lint({ [C]: text }).find((x) => x.rule === 'stunnel/insecure-protocol');
  const out = applyFix(text, first.fixes[0], core.pathToUri(C));
  assert.deepEqual(fixesOf(out), [['stunnel/insecure-protocol@7:14-7:19', ['Use sslVersionMin = TLSv1.2']]]);
});

test('formatting keeps a blank line above a first line whose indentation hid a U+FEFF', () => {
  // Found by a fuzz run (seed 26403771): '\n \t \uFEFF= soft' became '\uFEFF = soft', whose U+FEFF then read as a byte-order mark.
  const fmt = (text, dialect) => core.applyEdits(text, core.format(core.parse('file:///x', text, dialect)));
  assert.equal(fmt('\n \t \uFEFF= soft', 'stunnel'), '\n\uFEFF = soft\n');
  assert.equal(fmt('\n\n  \uFEFFfoo = 1\n', 'stunnel'), '\n\uFEFFfoo = 1\n');
  assert.equal(fmt('\n \t \uFEFF= soft', 'systemd-unit'), '\n\uFEFF=soft\n');
  // Without the U+FEFF the blank lines at the top go as before.
  assert.equal(fmt('\n \t foo= soft', 'stunnel'), 'foo = soft\n');
});
