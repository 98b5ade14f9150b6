// stunnel rules for what stunnel checks when it closes a section or the global part:
// service-endpoints, missing-certificate, missing-ca, verify-required, redirect-unsupported,
// version-range, protocol-mode, ticket-secrets, sni-primary, relative-path-without-foreground.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, fixOnce, lint } from '../helpers.mjs';

const F = '/etc/stunnel/stunnel.conf';
const SVC = '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n';
// A client that authenticates its server: clean.
const CLIENT = '[out]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\nverifyChain = yes\nCAfile = /etc/ssl/certs/ca-certificates.crt\ncheckHost = example.com\n';
const KEY = '6c6f6e672d6c6976652d7468652d6f7261636c652d6b65792d746573742d3031';
const only = (findings, rule) => findings.filter((f) => f.rule === rule);

test('clean counterparts: server, authenticated client, inetd client, exec services', () => {
  assert.deepEqual(briefs(lint({ [F]: SVC + CLIENT })), []);
  assert.deepEqual(briefs(lint({ [F]: 'client = yes\nconnect = example.com:443\nverifyPeer = yes\nCAfile = /etc/stunnel/peer.pem\n' })), []);
  assert.deepEqual(briefs(lint({ [F]: '[sh]\naccept = 4443\nexec = /bin/cat\ncert = /etc/stunnel/svc.pem\n[out]\nclient = yes\nexec = /usr/bin/feed\nconnect = example.com:443\nverifyPeer = yes\nCAfile = /etc/stunnel/peer.pem\n' })), []);
  assert.deepEqual(briefs(lint({ [F]: '[socks]\naccept = 1080\nprotocol = socks\ncert = /etc/stunnel/svc.pem\n' })), []);
});

test('service-endpoints: one endpoint, three endpoints', () => {
  const findings = lint({ [F]: '[svc]\naccept = 4443\ncert = /etc/stunnel/svc.pem\n[both]\naccept = 4444\nconnect = 127.0.0.1:80\nexec = /bin/cat\ncert = /etc/stunnel/svc.pem\n' });
  assert.deepEqual(briefs(findings), ['stunnel/service-endpoints@1:1-1:6', 'stunnel/service-endpoints@4:1-4:7']);
  assert.equal(findings[0].message, `Service [svc] has only accept: stunnel needs exactly two endpoints per service (accept + connect, accept + exec, connect + exec, ...) and stops with "Each service must define two endpoints". Add 'connect = host:port' (or 'exec = /path/to/program').`);
  assert.match(findings[1].message, /^Service \[both\] has accept, connect and exec: .* Keep two of them\.$/);
});

test('service-endpoints: accept inherited from the global part counts', () => {
  assert.deepEqual(briefs(only(lint({ [F]: 'accept = 4443\n[svc]\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n' }), 'stunnel/service-endpoints')), []);
});

test('service-endpoints: inetd mode refuses accept and needs one endpoint', () => {
  const withAccept = lint({ [F]: 'cert = /etc/stunnel/svc.pem\naccept = 4443\nconnect = 127.0.0.1:80\n' });
  assert.deepEqual(briefs(withAccept), ['stunnel/service-endpoints@2:1-2:14']);
  assert.match(withAccept[0].message, /inetd mode on stdin\/stdout and refuses 'accept' \("'accept' option is only allowed in a \[section\]"\)/);
  const none = lint({ [F]: 'cert = /etc/stunnel/svc.pem\n' });
  assert.deepEqual(briefs(none), ['stunnel/service-endpoints@1:1-1:5']);
  assert.match(none[0].message, /"Inetd mode must define one endpoint"/);
  // An empty file or a comment is not a configuration yet.
  assert.deepEqual(briefs(lint({ [F]: '; nothing yet\n' })), []);
});

test('missing-certificate: a server section (also in inetd mode) without cert', () => {
  const findings = lint({ [F]: '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\n' });
  assert.deepEqual(briefs(findings), ['stunnel/missing-certificate@1:1-1:6']);
  assert.equal(findings[0].message, `Service [svc] is a TLS server (client = no is the default) without a certificate: stunnel stops with "TLS server needs a certificate". Add 'cert = /path/to/server.pem' (and 'key ='), use PSKsecrets, or set 'client = yes' if this side should open TLS connections.`);
  assert.deepEqual(briefs(lint({ [F]: 'foreground = yes\ndebug = info\n' })), ['stunnel/missing-certificate@1:1-1:11', 'stunnel/service-endpoints@1:1-1:11']);
  // A cert in the global part is a default; PSK needs no certificate.
  assert.deepEqual(briefs(lint({ [F]: 'cert = /etc/stunnel/svc.pem\n[svc]\naccept = 4443\nconnect = 127.0.0.1:80\n' })), []);
  assert.deepEqual(briefs(lint({ [F]: '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\nPSKsecrets = /etc/stunnel/psk.txt\n' })), []);
});

test('missing-ca: verifyChain without a CA source; the fix adds the system bundle', () => {
  const files = { [F]: '[out]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\nverifyChain = yes\ncheckHost = example.com\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/missing-ca@5:1-5:12']);
  assert.equal(findings[0].message, `Service [out] verifies the peer certificate but does not say which CA certificates to trust: stunnel stops with "Either "CAengine", "CAfile", "CApath" or "CAstore" has to be configured". Add CAfile = /etc/ssl/certs/ca-certificates.crt.`);
  assert.equal(fixOnce(files, 'stunnel/missing-ca'), files[F].replace('verifyChain = yes\n', 'verifyChain = yes\nCAfile = /etc/ssl/certs/ca-certificates.crt\n'));
  // Before 5.75 CAstore is not a CA source (and the message does not offer it).
  const old = lint({ [F]: '[out]\nclient = yes\naccept = 8080\nconnect = example.com:443\nverify = 4\n' }, { settings: { stunnelVersion: '5.68' } });
  assert.deepEqual(briefs(only(old, 'stunnel/missing-ca')), ['stunnel/missing-ca@5:1-5:7']);
  assert.match(old.find((f) => f.rule === 'stunnel/missing-ca').message, /"Either "CAengine", "CAfile" or "CApath" has to be configured"/);
});

test('verify-required: checkHost without verification; the fix adds verifyChain and a CA file', () => {
  const files = { [F]: '[out]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\ncheckHost = example.com\n' };
  const findings = only(lint(files), 'stunnel/verify-required');
  assert.deepEqual(briefs(findings), ['stunnel/verify-required@5:1-5:10']);
  assert.match(findings[0].message, /"Either "verifyChain" or "verifyPeer" has to be enabled"/);
  const fixed = fixOnce(files, 'stunnel/verify-required');
  assert.equal(fixed, files[F] + 'verifyChain = yes\nCAfile = /etc/ssl/certs/ca-certificates.crt\n');
  assert.deepEqual(briefs(lint({ [F]: fixed })), []);
});

test('verify-required: redirect needs verification; OCSP needs verifyChain from 5.71', () => {
  const findings = lint({ [F]: SVC + 'redirect = 127.0.0.1:81\nOCSPaia = yes\n' });
  assert.deepEqual(briefs(findings), ['stunnel/verify-required@5:1-5:9', 'stunnel/verify-required@6:1-6:8']);
  assert.match(findings[1].message, /since 5\.71 stunnel stops with ""verifyChain" has to be enabled for OCSP support"/);
  assert.deepEqual(briefs(lint({ [F]: SVC + 'OCSPaia = yes\n' }, { settings: { stunnelVersion: '5.68' } })), []);
  assert.deepEqual(briefs(lint({ [F]: SVC + 'redirect = 127.0.0.1:81\nOCSPaia = yes\nverifyChain = yes\nCAfile = /etc/stunnel/clients-ca.pem\n' })), []);
});

test('redirect-unsupported: in a client, and with a protocol that talks first', () => {
  const findings = lint({ [F]: CLIENT + 'redirect = 127.0.0.1:81\n' + SVC + 'protocol = smtp\nverifyChain = yes\nCAfile = /etc/stunnel/ca.pem\nredirect = 127.0.0.1:82\n' });
  assert.deepEqual(briefs(findings), ['stunnel/redirect-unsupported@8:1-8:9', 'stunnel/redirect-unsupported@16:1-16:9']);
  assert.match(findings[0].message, /""redirect" is unsupported in client sections"/);
  assert.match(findings[1].message, /With protocol = smtp .* ""redirect" is incompatible with the specified protocol negotiation"/);
});

test('version-range: sslVersionMin above sslVersionMax, also through sslVersion', () => {
  const findings = lint({ [F]: 'sslVersionMin = TLSv1.3\n' + SVC + 'sslVersionMax = TLSv1.2\n' });
  assert.deepEqual(briefs(findings), ['stunnel/version-range@6:17-6:24']);
  assert.equal(findings[0].message, 'Service [svc] allows TLS versions from TLSv1.3 up to TLSv1.2, an empty range: stunnel stops with "Invalid protocol version range". Make sslVersionMin at most sslVersionMax.');
  assert.deepEqual(briefs(lint({ [F]: SVC + 'sslVersionMin = TLSv1.2\nsslVersionMax = TLSv1.3\n' })), []);
  assert.deepEqual(briefs(lint({ [F]: SVC + 'sslVersionMax = TLSv1.2\nsslVersionMin = all\n' })), []);
});

test('protocol-mode: client-only protocol on a server; connect without protocolHost (5.73+)', () => {
  const findings = lint({ [F]: SVC + 'protocol = nntp\n' + CLIENT.replace('[out]', '[proxy]') + 'protocol = connect\n' });
  assert.deepEqual(briefs(findings), ['stunnel/protocol-mode@5:12-5:16', 'stunnel/protocol-mode@13:12-13:19']);
  assert.match(findings[0].message, /"The configured protocol is not supported in the server mode"\. Set client = yes if this side connects out\.$/);
  assert.match(findings[1].message, /"protocolHost not specified"/);
  assert.deepEqual(briefs(lint({ [F]: CLIENT + 'protocol = connect\n' }, { settings: { stunnelVersion: '5.68' } })), []);
  assert.deepEqual(briefs(lint({ [F]: CLIENT + 'protocol = connect\nprotocolHost = backend.example:443\n' })), []);
  // Server-side connect exists from 5.70.
  assert.deepEqual(briefs(lint({ [F]: SVC + 'protocol = connect\n' }, { settings: { stunnelVersion: '5.68' } })), ['stunnel/protocol-mode@5:12-5:19']);
});

test('ticket-secrets: one without the other in a server section', () => {
  const findings = lint({ [F]: SVC + `ticketKeySecret = ${KEY}\n` });
  assert.deepEqual(briefs(findings), ['stunnel/ticket-secrets@5:1-5:16']);
  assert.match(findings[0].message, /""ticketKeySecret" and "ticketMacSecret" must be set together"/);
  assert.deepEqual(briefs(lint({ [F]: SVC + `ticketKeySecret = ${KEY}\nticketMacSecret = ${KEY}\n` })), []);
});

test('sni-primary: format, unknown primary (case-sensitive), client primary', () => {
  const text = '[primary]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n' +
    '[second]\nsni = primary\nconnect = 127.0.0.1:81\ncert = /etc/stunnel/b.pem\n' +
    '[third]\nsni = Primary:c.example\nconnect = 127.0.0.1:82\ncert = /etc/stunnel/c.pem\n';
  const findings = lint({ [F]: text });
  assert.deepEqual(briefs(findings), ['stunnel/sni-primary@6:7-6:14', 'stunnel/sni-primary@10:7-10:24']);
  assert.match(findings[0].message, /"Invalid SNI parameter format"/);
  assert.match(findings[1].message, /^No section named \[Primary\] comes before this one .*"SNI section name not found"/);
  const clientPrimary = lint({ [F]: CLIENT + '[b]\nsni = out:b.example\nconnect = 127.0.0.1:81\ncert = /etc/stunnel/b.pem\n' });
  assert.deepEqual(briefs(clientPrimary), ['stunnel/sni-primary@9:7-9:20']);
  assert.match(clientPrimary[0].message, /"SNI primary service is a TLS client"/);
  assert.deepEqual(briefs(lint({ [F]: text.replace('sni = primary\n', 'sni = primary:b.example\n').replace('Primary:', 'primary:') })), []);
});

test('relative-path-without-foreground: relative pid and output while daemonizing', () => {
  const findings = lint({ [F]: 'pid = stunnel.pid\noutput = log/stunnel.log\n' + SVC });
  assert.deepEqual(briefs(findings), ['stunnel/relative-path-without-foreground@1:7-1:18', 'stunnel/relative-path-without-foreground@2:10-2:25']);
  assert.equal(findings[0].message, 'pid = stunnel.pid is a relative path, and stunnel runs as a daemon (no \'foreground = yes\'), which changes to / first: it refuses to start with "Global options: Pid file must include full path name". Use an absolute path, e.g. /run/stunnel/stunnel.pid.');
  assert.deepEqual(briefs(lint({ [F]: 'foreground = yes\npid = stunnel.pid\noutput = log/stunnel.log\n' + SVC })), []);
  assert.deepEqual(briefs(lint({ [F]: 'pid = /run/stunnel.pid\noutput = /var/log/stunnel.log\n' + SVC })), []);
});
