// What stunnel accepts but is wrong: duplicate-service, repeated-option, global-accept,
// dead-option, fips-provider, unauthenticated-client, setuid-low-port, and the deprecated
// spellings of deprecated-option. Each with exact findings, fixed text and a clean counterpart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, fixOnce, lint } from '../helpers.mjs';

const F = '/etc/stunnel/stunnel.conf';
const SVC = '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n';
const SVC2 = '[two]\naccept = 4444\nconnect = 127.0.0.1:81\ncert = /etc/stunnel/svc.pem\n';

test('duplicate-service: the second [svc] is flagged and points at the first', () => {
  const findings = lint({ [F]: SVC + SVC.replace('4443', '4444') });
  assert.deepEqual(briefs(findings), ['stunnel/duplicate-service@5:1-5:6']);
  assert.equal(findings[0].severity, 'warning');
  assert.equal(findings[0].message, "A section named [svc] already exists (line 1). stunnel accepts both, but its log lines, 'sni = svc:...' (which picks the first) and libwrap rules cannot tell them apart. Give each section its own name.");
  assert.deepEqual(findings[0].related.map((r) => r.range.start.line), [0]);
  assert.deepEqual(briefs(lint({ [F]: SVC + SVC2 })), []);
});

test('repeated-option: the earlier of two cert lines is dead; aliases count as the same option', () => {
  const files = { [F]: SVC.replace('cert =', 'cert = /etc/stunnel/old.pem\ncert =') + 'session = 300\nsessionCacheTimeout = 600\n' };
  const findings = lint(files).filter((f) => f.rule === 'stunnel/repeated-option');
  assert.deepEqual(briefs(findings), ['stunnel/repeated-option@4:1-4:28', 'stunnel/repeated-option@6:1-6:14']);
  assert.equal(findings[0].message, "cert is set again on line 5 in section [svc]: stunnel keeps only the last value ('/etc/stunnel/svc.pem'), so this line has no effect. Remove it or the later one.");
  assert.deepEqual(findings[0].tags, ['unnecessary']);
  assert.equal(fixOnce(files, 'stunnel/repeated-option'), SVC + 'session = 300\nsessionCacheTimeout = 600\n');
});

test('repeated-option: lists accumulate, and a section may override a global default', () => {
  const text = 'cert = /etc/stunnel/default.pem\n' + SVC.replace('connect', 'accept = 4445\nconnect') + 'connect = 127.0.0.1:81\noptions = NO_TICKET\noptions = CIPHER_SERVER_PREFERENCE\n';
  assert.deepEqual(briefs(lint({ [F]: text })), []);
});

test('global-accept: inherited by the only section (fix moves it in), colliding with two', () => {
  const files = { [F]: 'accept = 4443\n[svc]\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/global-accept@1:1-1:14']);
  assert.match(findings[0].message, /^accept in the global part is a default that every section inherits\. It works for the single section \[svc\]/);
  assert.equal(fixOnce(files, 'stunnel/global-accept'), '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n');
  const two = lint({ [F]: 'accept = 4443\n[a]\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n[b]\nconnect = 127.0.0.1:81\ncert = /etc/stunnel/svc.pem\n' });
  assert.deepEqual(briefs(two), ['stunnel/global-accept@1:1-1:14']);
  assert.match(two[0].message, /inherited by all 2 sections, so they all try to bind 4443: the second bind fails with "Address already in use"/);
  assert.deepEqual(two[0].fixes, []);
});

test('dead-option: NO_SSLv2, -NO_SSLv3 and zero flags; EGD; compression (an error)', () => {
  const files = { [F]: 'compression = zlib\nEGD = /var/run/egd\n' + SVC + 'options = NO_SSLv2\noptions = -NO_SSLv3\noptions = SINGLE_DH_USE\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/dead-option@1:1-1:19', 'stunnel/dead-option@2:1-2:19', 'stunnel/dead-option@7:1-7:19', 'stunnel/dead-option@8:1-8:20', 'stunnel/dead-option@9:1-9:24']);
  assert.deepEqual(findings.map((f) => f.severity), ['error', 'warning', 'warning', 'warning', 'warning']);
  assert.equal(findings[2].message, 'options = NO_SSLv2 has no effect: SSLv2 was removed from OpenSSL 1.1.0, so there is nothing left to switch off. Remove the line; choose protocol versions with sslVersionMin/sslVersionMax.');
  assert.equal(findings[3].message, "options = -NO_SSLv3 clears the NO_SSLv3 flag stunnel sets by default (since 5.06), which would allow SSLv3 (broken by POODLE) again. With OpenSSL 1.1.0 and later, Debian 12's OpenSSL 3 included, this changes nothing only because they are built without SSLv3 (unless configured with enable-ssl3). Remove the line; choose protocol versions with sslVersionMin/sslVersionMax.");
  assert.deepEqual(findings.map((f) => f.tags ?? []), [[], ['unnecessary'], ['unnecessary'], [], ['unnecessary']]);
  assert.equal(findings[4].message, 'options = SINGLE_DH_USE has no effect: OpenSSL 1.1.0 and later always use a fresh DH key, so the flag is 0. Remove the line.');
  assert.equal(fixOnce(files, 'stunnel/dead-option'), files[F].replace('compression = zlib\n', ''));
  const cleared = { [F]: SVC + 'options = -NO_SSLv3\n' };
  assert.equal(fixOnce(cleared, 'stunnel/dead-option'), SVC);
  const set = lint({ [F]: SVC + 'options = NO_SSLv3\n' });
  assert.equal(set[0].message, 'options = NO_SSLv3 has no effect: stunnel already sets it by default (since 5.06), and OpenSSL 1.1.0 and later are built without SSLv3 unless configured with enable-ssl3. Remove the line; choose protocol versions with sslVersionMin/sslVersionMax.');
  assert.deepEqual(briefs(lint({ [F]: SVC + 'options = NO_TICKET\noptions = -NO_COMPRESSION\n' })), []);
});

test('fips-provider: fips = yes fails where no FIPS provider is installed', () => {
  const files = { [F]: 'fips = yes\n' + SVC };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/fips-provider@1:1-1:11']);
  assert.equal(findings[0].severity, 'error');
  assert.match(findings[0].message, /"Global options: Failed to initialize TLS"/);
  assert.equal(fixOnce(files, 'stunnel/fips-provider'), SVC);
  assert.deepEqual(briefs(lint({ [F]: 'fips = no\n' + SVC })), []);
});

test('unauthenticated-client: no verification at all; the fix adds verifyChain, CAfile and checkHost', () => {
  const files = { [F]: '[out]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/unauthenticated-client@1:1-1:6']);
  assert.equal(findings[0].severity, 'warning');
  assert.equal(findings[0].message, "Service [out] is a TLS client that does not authenticate the server (no verifyChain with checkHost/checkIP, no verifyPeer): a man in the middle can read and change the traffic. Add verifyChain = yes, a CAfile and checkHost = the server's name.");
  const fixed = fixOnce(files, 'stunnel/unauthenticated-client');
  assert.equal(fixed, files[F] + 'verifyChain = yes\nCAfile = /etc/ssl/certs/ca-certificates.crt\ncheckHost = example.com\n');
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
});

test('unauthenticated-client: a verified chain without a name check; PSK and verifyPeer are fine', () => {
  const files = { [F]: '[out]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = 10.0.0.1:443\nverifyChain = yes\nCAfile = /etc/ssl/certs/ca-certificates.crt\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/unauthenticated-client@1:1-1:6']);
  assert.match(findings[0].message, /verifies the server's chain but not its name/);
  assert.equal(fixOnce(files, 'stunnel/unauthenticated-client'), files[F] + 'checkIP = 10.0.0.1\n');
  assert.deepEqual(briefs(lint({ [F]: '[out]\nclient = yes\naccept = 8080\nconnect = 10.0.0.1:443\nPSKsecrets = /etc/stunnel/psk.txt\n' })), []);
  assert.deepEqual(briefs(lint({ [F]: '[out]\nclient = yes\naccept = 8080\nconnect = 10.0.0.1:443\nverifyPeer = yes\nCAfile = /etc/stunnel/peer.pem\n' })), []);
});

test('setuid-low-port: a global setuid with accept ports below 1024 (info)', () => {
  const findings = lint({ [F]: 'setuid = stunnel4\n' + SVC.replace('4443', '443') + SVC2.replace('4444', ':::993') });
  assert.deepEqual(briefs(findings), ['stunnel/setuid-low-port@1:1-1:18']);
  assert.equal(findings[0].severity, 'info');
  assert.match(findings[0].message, /^stunnel binds ports 443, 993 as root and then switches to user 'stunnel4'\. A reload \(SIGHUP\)/);
  assert.deepEqual(findings[0].related.map((r) => r.range.start.line), [2, 6]);
  assert.deepEqual(briefs(lint({ [F]: 'setuid = stunnel4\n' + SVC })), []);
  // setuid inside a section only sets the owner of a Unix socket.
  assert.deepEqual(briefs(lint({ [F]: SVC.replace('4443', '443') + 'setuid = stunnel4\n' })), []);
});

test('deprecated-option: transparent = yes|no are old spellings', () => {
  const files = { [F]: SVC + 'transparent = yes\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/deprecated-option@5:15-5:18']);
  assert.equal(fixOnce(files, 'stunnel/deprecated-option'), SVC + 'transparent = source\n');
  assert.equal(fixOnce({ [F]: SVC + 'transparent = no\n' }, 'stunnel/deprecated-option'), SVC + 'transparent = none\n');
  assert.deepEqual(briefs(lint({ [F]: SVC + 'transparent = none\n' })), []);
});
