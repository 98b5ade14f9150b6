// stunnel value rules: invalid-value, inline-comment, debug-facility, ipv6-brackets, port-range,
// newer-option. Each with a failing config (exact ranges, fixed text) and a clean counterpart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, fixOnce, lint } from '../helpers.mjs';

const F = '/etc/stunnel/stunnel.conf';
// A whole, correct server service: the configs below add one thing to it.
const SVC = '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n';
const only = (findings, rule) => findings.filter((f) => f.rule === rule);

test('a whole server service has no findings at all', () => {
  assert.deepEqual(briefs(lint({ [F]: SVC })), []);
  assert.deepEqual(briefs(lint({ [F]: 'foreground = yes\ndebug = daemon.info\n' + SVC + 'debug = 7\nTIMEOUTidle = 600\n' })), []);
});

test('invalid-value: booleans are yes or no only', () => {
  const findings = lint({ [F]: SVC + 'delay = true\nreset = YES\n' });
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@5:9-5:13']);
  assert.equal(findings[0].severity, 'error');
  assert.equal(findings[0].message, `'true' is not a value delay accepts: stunnel knows only yes and no and stops with "The argument needs to be either 'yes' or 'no'". Write yes.`);
});

test('invalid-value: integers take no unit, the unit is marked; an empty value marks the key', () => {
  const findings = lint({ [F]: SVC + 'TIMEOUTidle = 10m\nTIMEOUTclose =\n' });
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@5:17-5:18', 'stunnel/invalid-value@6:1-6:13']);
  assert.match(findings[0].message, /'m' after the number is not allowed: .*"Illegal idle timeout"\. TIMEOUTidle counts seconds and takes no unit: write a plain number \(e\.g\. 600\)\./);
  assert.equal(findings[1].message, 'TIMEOUTclose needs a number of seconds; stunnel stops with "Illegal close timeout".');
  // Negative numbers pass stunnel's parser.
  assert.deepEqual(briefs(lint({ [F]: SVC + 'TIMEOUTidle = -1\nsessionCacheSize = 0\n' })), []);
});

test('invalid-value: ranges of verify and securityLevel, retry delays', () => {
  const findings = only(lint({ [F]: SVC + 'securityLevel = 9\nretry = -5\n' }), 'stunnel/invalid-value');
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@5:17-5:18', 'stunnel/invalid-value@6:9-6:11']);
  assert.equal(findings[0].message, 'securityLevel must be between 0 and 5; stunnel stops with "Illegal security level".');
  assert.deepEqual(briefs(lint({ [F]: SVC + 'securityLevel = 3\nretry = 500\n' })), []);
});

test('invalid-value: enumerations (case-insensitive) with stunnel own words', () => {
  const findings = lint({ [F]: SVC + 'failover = random\nlogId = Unique\ntransparent = maybe\nsslVersionMax = TLSv1.4\nprotocol = gopher\n' });
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@5:12-5:18', 'stunnel/invalid-value@7:15-7:20', 'stunnel/invalid-value@8:17-8:24', 'stunnel/invalid-value@9:12-9:18']);
  assert.equal(findings[0].message, `'random' is not a value failover accepts (rr or prio); stunnel stops with "The argument needs to be either 'rr' or 'prio'".`);
  assert.match(findings[3].message, /^Unknown protocol 'gopher': stunnel knows socks, proxy, .* and stops with "Protocol not supported"\.$/);
});

test('invalid-value: TLS options (a leading - clears), OCSP flags', () => {
  const findings = lint({ [F]: SVC + 'options = NO_FOO\noptions = -no_ticket\nOCSPflag = NOCHECK\n' });
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@5:11-5:17', 'stunnel/invalid-value@7:12-7:19']);
  assert.equal(findings[0].message, `'NO_FOO' is not a TLS option stunnel knows (see 'stunnel -options'); it stops with "Illegal TLS option".`);
});

test('invalid-value: socket options, prefix and name case-sensitive, Linux set, value types', () => {
  const findings = lint({ [F]: SVC + 'socket = l:so_keepalive=1\nsocket = L:TCP_NODELAY=1\nsocket = l:TCP_MAXSEG=1400\nsocket = r:SO_LINGER=x\nsocket = a:SO_REUSEADDR\n' });
  assert.deepEqual(briefs(findings), [
    'stunnel/invalid-value@5:12-5:24',
    'stunnel/invalid-value@6:10-6:12',
    'stunnel/invalid-value@7:12-7:22',
    'stunnel/invalid-value@8:22-8:23',
    'stunnel/invalid-value@9:10-9:24',
  ]);
  assert.match(findings[0].message, /Unknown socket option 'so_keepalive'.*Option names are case-sensitive: write SO_KEEPALIVE\.$/);
  assert.match(findings[2].message, /^TCP_MAXSEG is available only on systems that define IP_MAXSEG \(not Linux\)/);
  const clean = 'socket = l:TCP_NODELAY=1\nsocket = a:SO_REUSEADDR=yes\nsocket = r:SO_LINGER=1:30\nsocket = l:SO_RCVTIMEO=5:0\nsocket = r:SO_BINDTODEVICE=eth0\nsocket = l:TCP_KEEPIDLE=60\n';
  assert.deepEqual(briefs(lint({ [F]: SVC + clean })), []);
});

test('invalid-value: ticket secrets are 16 or 32 bytes of hex', () => {
  const key = '6c6f6e672d6c6976652d7468652d6f7261636c652d6b65792d746573742d3031';
  const findings = only(lint({ [F]: SVC + `ticketKeySecret = 1234\nticketMacSecret = ${key}\n` }), 'stunnel/invalid-value');
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@5:19-5:23']);
  assert.match(findings[0].message, /this value is 2 bytes long, so stunnel stops with "Failed to read ticketKeySecret"/);
  assert.deepEqual(briefs(lint({ [F]: SVC + `ticketKeySecret = ${key}\nticketMacSecret = ${key}\n` })), []);
});

test('invalid-value: groups and cipher lists as OpenSSL reads them', () => {
  const findings = lint({ [F]: SVC + 'curves = X25519:nosuch\nciphers = NOSUCH\nciphersuites = TLS_FOO\n' });
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@5:17-5:23', 'stunnel/invalid-value@6:11-6:17', 'stunnel/invalid-value@7:16-7:23']);
  assert.deepEqual(findings.map((f) => f.severity), ['error', 'error', 'error']);
  // Unknown words next to known ones: OpenSSL skips them, stunnel loads; a warning each.
  const soft = lint({ [F]: SVC + 'ciphers = HIGH:!aNULL:ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:hgih\nciphersuites = TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256\ncurves = ?nosuch:P-256\n' });
  assert.deepEqual(briefs(soft), ['stunnel/invalid-value@5:51-5:63', 'stunnel/invalid-value@5:64-5:68', 'stunnel/invalid-value@6:39-6:66', 'stunnel/invalid-value@7:11-7:17']);
  assert.deepEqual(soft.map((f) => f.severity), ['warning', 'warning', 'warning', 'warning']);
  assert.match(soft[0].message, /legacy cipher/);
  assert.match(soft[2].message, /is a TLS 1\.2 cipher or keyword; ciphersuites takes TLS 1\.3 names only/);
  assert.deepEqual(briefs(lint({ [F]: SVC + 'curves = X25519:P-256:prime256v1:ffdhe2048\nciphers = ECDHE+AESGCM:!aNULL:@STRENGTH\nciphersuites = TLS_AES_128_GCM_SHA256\n' })), []);
});

test('invalid-value: port names must be TCP services; an unknown one stops accept, only warns for connect', () => {
  const findings = lint({ [F]: '[svc]\naccept = 127.0.0.1:no-such\nconnect = 127.0.0.1:no-such\ncert = /etc/stunnel/svc.pem\n' });
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@2:20-2:27', 'stunnel/invalid-value@3:21-3:28']);
  assert.deepEqual(findings.map((f) => f.severity), ['error', 'warning']);
  assert.match(findings[0].message, /'no-such' is neither a port number nor a TCP service name in \/etc\/services, so stunnel stops with "Cannot resolve accept target"/);
  assert.deepEqual(briefs(lint({ [F]: '[svc]\naccept = 127.0.0.1:https\nconnect = imaps\ncert = /etc/stunnel/svc.pem\n' })), []);
});

test('invalid-value: engineCtrl before any engine line', () => {
  const findings = lint({ [F]: 'engineCtrl = INIT\n' + SVC });
  assert.deepEqual(briefs(findings), ['stunnel/invalid-value@1:1-1:11']);
  assert.match(findings[0].message, /"No engine was defined"/);
  assert.deepEqual(briefs(lint({ [F]: 'engine = pkcs11\nengineCtrl = INIT\n' + SVC })), []);
});

test('inline-comment: a comment after a boolean is rejected; the fix moves it above', () => {
  const files = { [F]: SVC + '  client = no ; server side\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/inline-comment@5:15-5:28']);
  assert.equal(findings[0].severity, 'error');
  assert.equal(findings[0].message, "stunnel has no inline comments: '; server side' is read as part of the value, so stunnel rejects the line and does not start. Put the comment on its own line.");
  assert.equal(fixOnce(files, 'stunnel/inline-comment'), SVC + '  ; server side\n  client = no\n');
});

test('inline-comment: in a file path it is an error, in free text a warning', () => {
  const findings = lint({ [F]: '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem # main\nexecArgs = a b ; c\n' });
  assert.deepEqual(briefs(findings), ['stunnel/inline-comment@4:29-4:35', 'stunnel/inline-comment@5:16-5:19']);
  assert.deepEqual(findings.map((f) => f.severity), ['error', 'warning']);
  assert.equal(findings[0].message, "stunnel has no inline comments: '# main' is read as part of the value, so stunnel looks for '/etc/stunnel/svc.pem # main' and fails to load. Put the comment on its own line.");
  assert.equal(findings[1].message, "stunnel has no inline comments: '; c' is read as part of the value, so the value of execArgs silently becomes 'a b ; c'. Put the comment on its own line.");
  // No whitespace before the character: part of the value, not a comment.
  assert.deepEqual(briefs(lint({ [F]: SVC + 'protocolPassword = se;cr#et\n' })), []);
});

test('debug-facility: facility with no level (crash), unknown facility, facility in a section', () => {
  const files = { [F]: 'debug = daemon.\n' + SVC };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/debug-facility@1:9-1:16']);
  assert.match(findings[0].message, /names a facility but no level: stunnel then reads a missing level and crashes/);
  assert.equal(fixOnce(files, 'stunnel/debug-facility'), 'debug = daemon.notice\n' + SVC);
  const more = lint({ [F]: 'debug = deamon.info\n' + SVC + 'debug = local0.debug\n' });
  assert.deepEqual(briefs(more), ['stunnel/debug-facility@1:9-1:15', 'stunnel/debug-facility@6:9-6:21']);
  assert.match(more[0].message, /"Illegal syslog facility"\. Did you mean 'daemon'\?$/);
  assert.match(more[1].message, /^A syslog facility is allowed only in the global part/);
  assert.equal(fixOnce({ [F]: SVC + 'debug = local0.debug\n' }, 'stunnel/debug-facility'), SVC + 'debug = debug\n');
  assert.deepEqual(briefs(lint({ [F]: 'debug = LOCAL0.Warning\n' + SVC + 'debug = err\n' })), []);
});

test('ipv6-brackets: [::1]:port fails to resolve; the fix drops the brackets', () => {
  const files = { [F]: '[svc]\naccept = [::1]:4443\nconnect = [2001:db8::1]:80\ncert = /etc/stunnel/svc.pem\n' };
  const findings = lint(files);
  assert.deepEqual(briefs(findings), ['stunnel/ipv6-brackets@2:10-2:20', 'stunnel/ipv6-brackets@3:11-3:27']);
  assert.deepEqual(findings.map((f) => f.severity), ['error', 'warning']);
  assert.match(findings[0].message, /stunnel stops with "Cannot resolve accept target"\. Write ::1:4443: the last ':' separates the port\.$/);
  assert.equal(fixOnce(files, 'stunnel/ipv6-brackets'), '[svc]\naccept = ::1:4443\nconnect = [2001:db8::1]:80\ncert = /etc/stunnel/svc.pem\n');
  assert.deepEqual(briefs(lint({ [F]: '[svc]\naccept = :::4443\nconnect = 2001:db8::1:80\ncert = /etc/stunnel/svc.pem\n' })), []);
});

test('port-range: ports outside 1-65535 wrap around', () => {
  const findings = lint({ [F]: '[svc]\naccept = 99999\nconnect = 127.0.0.1:0\ncert = /etc/stunnel/svc.pem\n' });
  assert.deepEqual(briefs(findings), ['stunnel/port-range@2:10-2:15', 'stunnel/port-range@3:21-3:22']);
  assert.equal(findings[0].severity, 'warning');
  assert.equal(findings[0].message, 'Port 99999 is outside 1-65535: stunnel does not check the range, so stunnel silently uses port 34463. Use a port between 1 and 65535.');
  assert.deepEqual(briefs(lint({ [F]: '[svc]\naccept = 65535\nconnect = 127.0.0.1:1\ncert = /etc/stunnel/svc.pem\n' })), []);
});

test('newer-option: options and values newer than daemonlint.stunnelVersion', () => {
  const text = 'foreground = quiet\n' + SVC + 'TIMEOUTocsp = 5\nretry = 500\n';
  const old = lint({ [F]: text }, { settings: { stunnelVersion: '5.68' } });
  assert.deepEqual(briefs(old), ['stunnel/newer-option@6:1-6:12', 'stunnel/newer-option@7:9-7:12']);
  assert.equal(old[0].message, `'TIMEOUTocsp' was added in stunnel 5.71; stunnel 5.68 (the version set in daemonlint.stunnelVersion) does not know it and stops with "Specified option name is not valid here".`);
  assert.equal(old[1].message, `a retry delay in milliseconds needs stunnel 5.70; stunnel 5.68 (daemonlint.stunnelVersion) stops with "The argument needs to be either 'yes' or 'no'".`);
  const older = lint({ [F]: text }, { settings: { stunnelVersion: '5.20' } });
  assert.deepEqual(briefs(only(older, 'stunnel/newer-option')), ['stunnel/newer-option@1:14-1:19', 'stunnel/newer-option@6:1-6:12', 'stunnel/newer-option@7:9-7:12']);
  assert.deepEqual(briefs(lint({ [F]: text })), []);
});

test('invalid-value: an address without a port is port 0 (stunnel 5.68): empty and host-only values read right', () => {
  const cfg = (line) => ({ [F]: '[s]\naccept = 4443\ncert = /etc/stunnel/s.pem\n' + line + '\n' });
  const pick = (line) => lint(cfg(line)).filter((f) => f.rule === 'stunnel/invalid-value');
  const empty = pick('connect =');
  assert.deepEqual(briefs(empty), ['stunnel/invalid-value@4:1-4:8']);
  assert.equal(empty[0].severity, 'warning');
  assert.equal(empty[0].message, 'connect is empty: stunnel connects to port 0 on localhost, so every connection fails (stunnel logs "Connection refused"). Write [host:]port.');
  const host = pick('connect = 127.0.0.1:');
  assert.deepEqual(briefs(host), ['stunnel/invalid-value@4:11-4:21']);
  assert.equal(host[0].message, `'127.0.0.1:' has no port after the ':': stunnel connects to port 0, so every connection fails (stunnel logs "Connection refused"). Write the port after the ':'.`);
  assert.deepEqual(host[0].fixes, []);
  const acc = lint({ [F]: '[s]\naccept = 127.0.0.1:\nconnect = 80\ncert = /etc/stunnel/s.pem\n' }).filter((f) => f.rule === 'stunnel/invalid-value');
  assert.deepEqual(briefs(acc), ['stunnel/invalid-value@2:10-2:20']);
  assert.equal(acc[0].severity, 'error');
  assert.equal(acc[0].message, `'127.0.0.1:' has no port after the ':': stunnel binds a port the kernel picks at random, so clients cannot know where to connect. Write the port after the ':'.`);
  const accEmpty = lint({ [F]: '[s]\naccept =\nconnect = 80\ncert = /etc/stunnel/s.pem\n' }).filter((f) => f.rule === 'stunnel/invalid-value');
  assert.equal(accEmpty[0].message, 'accept is empty: stunnel binds a port the kernel picks at random, so clients cannot know where to connect. Write [host:]port.');
});
