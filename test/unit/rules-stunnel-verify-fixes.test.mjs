// The fixes that turn on certificate verification (unauthenticated-client, verify-required,
// missing-ca) and ipv6-brackets' rewrite: where the lines go so that the value stunnel reads last
// is the fixed one, and no service is left verifying without CA certificates. Then stunnel fixes
// the fuzz runs found wanting (indentation after a byte-order mark, paths with comments, moved lines).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, brief, briefs, core, lint } from '../helpers.mjs';

const F = '/etc/stunnel/stunnel.conf';
const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const RULES = ['stunnel/unauthenticated-client', 'stunnel/verify-required', 'stunnel/missing-ca', 'stunnel/repeated-option', 'stunnel/ipv6-brackets', 'stunnel/invalid-value'];
const found = (text, settings) => lint({ [F]: text }, { settings }).filter((f) => RULES.includes(f.rule));
/** The fixes of one rule's findings as [title, fixed text]. */
const fixes = (text, rule, settings) =>
  found(text, settings)
    .filter((f) => f.rule === rule)
    .flatMap((f) => f.fixes.map((x) => [x.title, applyFix(text, x, core.pathToUri(F))]));

test('unauthenticated-client: an empty CAfile = in the section gets the bundle instead of staying below the new lines', () => {
  const text = 'foreground = yes\n[svc]\nclient = yes\naccept = 127.0.0.1:1\nconnect = example.org:443\nCAfile =\n';
  assert.deepEqual(briefs(found(text)), ['stunnel/unauthenticated-client@2:1-2:6']);
  const fixed = 'foreground = yes\n[svc]\nclient = yes\naccept = 127.0.0.1:1\nconnect = example.org:443\nCAfile = /etc/ssl/certs/ca-certificates.crt\nverifyChain = yes\ncheckHost = example.org\n';
  assert.deepEqual(fixes(text, 'stunnel/unauthenticated-client'), [[`Set CAfile = ${BUNDLE} and add verifyChain = yes, checkHost = example.org`, fixed]]);
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
});

test('unauthenticated-client: an empty global CAfile = does not count as a CA; the service gets its own', () => {
  const text = 'CAfile =\n[out]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\n';
  const fixed = text + `verifyChain = yes\nCAfile = ${BUNDLE}\ncheckHost = example.com\n`;
  assert.deepEqual(fixes(text, 'stunnel/unauthenticated-client'), [[`Add verifyChain = yes, CAfile = ${BUNDLE}, checkHost = example.com`, fixed]]);
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
});

test('unauthenticated-client: an existing checkHost is kept, not joined by a second name check', () => {
  const text = '[out]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = 10.0.0.1:443\ncheckHost = example.com\n';
  assert.deepEqual(fixes(text, 'stunnel/unauthenticated-client'), [[`Add verifyChain = yes, CAfile = ${BUNDLE}`, text + `verifyChain = yes\nCAfile = ${BUNDLE}\n`]]);
});

test('unauthenticated-client in inetd mode: verifyChain = no is changed, the rest added to the global part', () => {
  const text = 'client = yes\nconnect = example.com:443\nverifyChain = no\n';
  assert.deepEqual(briefs(found(text)), ['stunnel/unauthenticated-client@1:1-1:7']);
  const fixed = `client = yes\nconnect = example.com:443\nverifyChain = yes\nCAfile = ${BUNDLE}\ncheckHost = example.com\n`;
  assert.deepEqual(fixes(text, 'stunnel/unauthenticated-client'), [[`Set verifyChain = yes and add CAfile = ${BUNDLE}, checkHost = example.com`, fixed]]);
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
});

test('verify-required: a global checkEmail reaching a service without CA: verifyChain per service, CAfile where missing', () => {
  const text = 'checkEmail = a@example.org\n[a]\naccept = 1\nconnect = 2\nCAfile = /etc/ssl/ca.pem\n[b]\naccept = 3\nconnect = 4\n';
  assert.deepEqual(briefs(found(text)), ['stunnel/verify-required@1:1-1:11']);
  const fixed = `checkEmail = a@example.org\n[a]\naccept = 1\nconnect = 2\nCAfile = /etc/ssl/ca.pem\nverifyChain = yes\n[b]\naccept = 3\nconnect = 4\nverifyChain = yes\nCAfile = ${BUNDLE}\n`;
  assert.deepEqual(fixes(text, 'stunnel/verify-required'), [[`Set verifyChain = yes in [a] and [b] and CAfile = ${BUNDLE} in [b]`, fixed]]);
  assert.deepEqual(found(fixed).filter((f) => f.rule !== 'stunnel/unauthenticated-client').map((f) => f.rule), []);
});

test('verify-required: a global checkEmail where every service has a CA: one global verifyChain = yes', () => {
  const text = 'checkEmail = a@example.org\n[a]\naccept = 1\nconnect = 2\nCAfile = /etc/ssl/ca.pem\n[b]\naccept = 3\nconnect = 4\nCApath = /etc/ssl/certs\n';
  const fixed = 'checkEmail = a@example.org\nverifyChain = yes\n[a]\naccept = 1\nconnect = 2\nCAfile = /etc/ssl/ca.pem\n[b]\naccept = 3\nconnect = 4\nCApath = /etc/ssl/certs\n';
  assert.deepEqual(fixes(text, 'stunnel/verify-required'), [['Add verifyChain = yes', fixed]]);
  assert.deepEqual(briefs(found(fixed)), []);
  // A global verifyChain = no further down is the line stunnel reads last: it is changed, not joined by a second one.
  const no = text.replace('checkEmail = a@example.org\n', 'checkEmail = a@example.org\nverifyChain = no\n');
  assert.deepEqual(fixes(no, 'stunnel/verify-required'), [['Set verifyChain = yes', fixed]]);
});

test('verify-required: a global check line and a service that turns verifyChain off itself: the service line is changed', () => {
  const text = 'checkHost = example.com\n[a]\nclient = yes\naccept = 1\nconnect = example.com:443\nCAfile = /etc/ssl/ca.pem\n[b]\nclient = yes\naccept = 2\nconnect = example.com:443\nCAfile = /etc/ssl/ca.pem\nverifyChain = no\n';
  const fixed = 'checkHost = example.com\n[a]\nclient = yes\naccept = 1\nconnect = example.com:443\nCAfile = /etc/ssl/ca.pem\nverifyChain = yes\n[b]\nclient = yes\naccept = 2\nconnect = example.com:443\nCAfile = /etc/ssl/ca.pem\nverifyChain = yes\n';
  assert.deepEqual(fixes(text, 'stunnel/verify-required'), [['Set verifyChain = yes in [a] and [b]', fixed]]);
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
});

test('verify-required: verifyChain = no below the check line is changed; CAstore is no CA source before 5.75', () => {
  const text = '[out]\nclient = yes\naccept = 1\nconnect = example.com:443\ncheckHost = example.com\n  verifyChain   =  no  \n';
  const fixed = `[out]\nclient = yes\naccept = 1\nconnect = example.com:443\ncheckHost = example.com\n  verifyChain = yes\n  CAfile = ${BUNDLE}\n`;
  assert.deepEqual(fixes(text, 'stunnel/verify-required'), [[`Set verifyChain = yes and add CAfile = ${BUNDLE}`, fixed]]);
  const store = '[out]\nclient = yes\naccept = 1\nconnect = example.com:443\ncheckHost = example.com\nCAstore = org.openssl.winstore://\n';
  assert.deepEqual(fixes(store, 'stunnel/verify-required', { stunnelVersion: '5.68' }), [[`Add verifyChain = yes and CAfile = ${BUNDLE}`, store + `verifyChain = yes\nCAfile = ${BUNDLE}\n`]]);
  assert.deepEqual(fixes(store, 'stunnel/verify-required', { stunnelVersion: '5.75' }), [['Add verifyChain = yes', store + 'verifyChain = yes\n']]);
});

test('a verifyChain line with a value stunnel refuses is rewritten, so fix-all settles', () => {
  const text = 'foreground = yes\n[svc]\nclient = yes\naccept = 127.0.0.1:1\nconnect = 127.0.0.1:2\ncheckHost = localhost\nCAfile = /etc/ssl/ca.pem\nverifyChain =a yes\n';
  const fixed = text.replace('verifyChain =a yes', 'verifyChain = yes');
  assert.deepEqual(briefs(found(text)), ['stunnel/unauthenticated-client@2:1-2:6', 'stunnel/verify-required@6:1-6:10', 'stunnel/invalid-value@8:14-8:19']);
  assert.deepEqual(fixes(text, 'stunnel/unauthenticated-client'), [['Set verifyChain = yes', fixed]]);
  assert.deepEqual(fixes(text, 'stunnel/verify-required'), [['Set verifyChain = yes', fixed]]);
  const ws = new core.Workspace([], []);
  ws.set(core.pathToUri(F), text);
  assert.equal(core.fixAll(ws, core.pathToUri(F), core.resolveSettings({})).text, fixed);
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
});

test('missing-ca: an empty CAfile = read after the verify line gets the bundle (in the section or the global part)', () => {
  const text = 'foreground = yes\n[smtp]\nclient = yes\naccept = 127.0.0.1:2525\nconnect = smtp.example.net:465\nverifyChain = yes\ncheckHost = smtp.example.net\nCAfile =\n';
  assert.deepEqual(briefs(found(text)), ['stunnel/missing-ca@6:1-6:12']);
  const fixed = text.replace('CAfile =\n', `CAfile = ${BUNDLE}\n`);
  assert.deepEqual(fixes(text, 'stunnel/missing-ca'), [[`Set CAfile = ${BUNDLE}`, fixed]]);
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
  const global = 'verifyChain = yes\nCAfile=\n[out]\nclient = yes\naccept = 1\nconnect = example.com:443\ncheckHost = example.com\n';
  assert.deepEqual(briefs(found(global)), ['stunnel/missing-ca@1:1-1:12']);
  assert.deepEqual(fixes(global, 'stunnel/missing-ca'), [[`Set CAfile = ${BUNDLE}`, global.replace('CAfile=\n', `CAfile = ${BUNDLE}\n`)]]);
  // An empty line before the verify line is overridden by the added one, as before.
  const before = '[out]\nclient = yes\naccept = 1\nconnect = example.com:443\nCAfile =\nverifyChain = yes\ncheckHost = example.com\n';
  assert.deepEqual(fixes(before, 'stunnel/missing-ca'), [[`Add CAfile = ${BUNDLE}`, before.replace('verifyChain = yes\n', `verifyChain = yes\nCAfile = ${BUNDLE}\n`)]]);
});

test('ipv6-brackets: the rewrite only for an IPv6 address followed by a port', () => {
  const text = 'foreground = yes\n[svc]\n  accept = [fe80::1%eth0]:443\n  connect = [::ffff:192.0.2.1]:80\n  local = [::1]\n  redirect = [host name]:80\n  cert = /etc/ssl/a.pem\n  sessiond = [:\f;:1]:24410\n';
  const list = found(text).filter((f) => f.rule === 'stunnel/ipv6-brackets');
  assert.deepEqual(briefs(list), ['stunnel/ipv6-brackets@3:12-3:30', 'stunnel/ipv6-brackets@4:13-4:34', 'stunnel/ipv6-brackets@5:11-5:16', 'stunnel/ipv6-brackets@6:14-6:28', 'stunnel/ipv6-brackets@8:14-8:27']);
  assert.deepEqual(list.map((f) => f.fixes.map((x) => x.title)), [['Write fe80::1%eth0:443'], ['Write ::ffff:192.0.2.1:80'], [], [], []]);
  assert.equal(fixes(text, 'stunnel/ipv6-brackets')[0][1], text.replace('[fe80::1%eth0]:443', 'fe80::1%eth0:443'));
  assert.equal(list[2].message, `stunnel does not understand brackets around IPv6 addresses: it looks up the host name '[::1]', which fails, so stunnel stops with "Failed to resolve local address". Write the address without brackets followed by ':' and the port (the last ':' separates the port).`);
  assert.equal(list[3].message, `stunnel does not understand brackets around IPv6 addresses: it looks up the host name '[host name]', which fails, so every connection fails to resolve it (stunnel only logs the error). 'host name' is not an IPv6 address either: write the host or address without brackets, then ':' and the port.`);
  // Not addresses: a triple colon, a bad IPv4 tail, a group of five digits, a single colon.
  for (const v of ['[1:::2]:80', '[::1.2.3]:80', '[12345::1]:80', '[a:b]:80']) {
    assert.deepEqual(found(`[s]\naccept = ${v}\n`).find((f) => f.rule === 'stunnel/ipv6-brackets').fixes, [], v);
  }
});

// Found by the fuzz run (seed 29): a byte-order mark before the first line was copied as if it were
// indentation, so the added lines started with U+FEFF and stunnel would not know their names.
test('fixes on the first line after a byte-order mark indent new lines with its blanks only', () => {
  const bom = '\uFEFF';
  const all = (text) => lint({ [F]: text }).flatMap((f) => f.fixes.map((x) => [f.rule, x.title, applyFix(text, x, core.pathToUri(F))]));
  assert.deepEqual(all(`${bom}checkHost=`), [['stunnel/verify-required', `Add verifyChain = yes and CAfile = ${BUNDLE}`, `${bom}checkHost=\nverifyChain = yes\nCAfile = ${BUNDLE}`]]);
  assert.deepEqual(all(`${bom}\tverify = 2\n`), [
    ['stunnel/deprecated-option', 'Replace with verifyChain = yes, requireCert = yes', `${bom}\tverifyChain = yes\n\trequireCert = yes\n`],
    ['stunnel/missing-ca', `Add CAfile = ${BUNDLE}`, `${bom}\tverify = 2\n\tCAfile = ${BUNDLE}\n`],
  ]);
  assert.deepEqual(all(`${bom}  client = yes ; x\n`), [['stunnel/inline-comment', 'Move the comment to its own line above', `${bom}  ; x\n  client = yes\n`]]);
});

// Found by the fuzz run (seed 29): the directory put in front of a path with a comment after it
// left the comment problem in place under another message.
test('relative-path-under-systemd: no path rewrite for a value with an inline comment; WorkingDirectory= still offered', () => {
  const unit = '/etc/systemd/system/stunnel.service';
  const files = (cert) => ({ [F]: `foreground = yes\n[svc]\naccept = 1\nconnect = 2\ncert = ${cert}\n`, [unit]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n' });
  const titles = (cert) => lint(files(cert)).filter((f) => f.rule === 'stunnel/relative-path-under-systemd').map((f) => [brief(f), f.fixes.map((x) => x.title)]);
  assert.deepEqual(titles('test.crt ; the cert'), [['stunnel/relative-path-under-systemd@5:8-5:27', ['Add WorkingDirectory=/etc/stunnel to stunnel.service']]]);
  assert.deepEqual(titles('test.crt'), [['stunnel/relative-path-under-systemd@5:8-5:16', ['Use /etc/stunnel/test.crt', 'Add WorkingDirectory=/etc/stunnel to stunnel.service']]]);
});

// Found by the fuzz run (seed 101): moving a line keeps its value, also a U+2028 that stunnel reads
// as part of the value (only '\n' ends its lines); the pid path it names is then reported on the moved line.
test('option-scope: the moved pid line keeps its value; the relative path is reported on that line', () => {
  const text = '[]\npid=\u2028';
  const fixed = 'pid=\u2028\n[]\n';
  assert.deepEqual(lint({ [F]: text }).flatMap((f) => f.fixes.map((x) => [f.rule, x.title, applyFix(text, x, core.pathToUri(F))])), [['stunnel/option-scope', "Move 'pid' to the global part", fixed]]);
  assert.deepEqual(briefs(lint({ [F]: fixed }).filter((f) => f.rule === 'stunnel/relative-path-without-foreground')), ['stunnel/relative-path-without-foreground@1:5-1:6']);
});
