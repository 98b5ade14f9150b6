// Regressions from trying the product as a new user: fix-all must reach the one right answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, core, lint } from '../helpers.mjs';

function fixAllText(path, text) {
  const ws = new core.Workspace();
  ws.set(core.pathToUri(path), text);
  return core.fixAll(ws, core.pathToUri(path), core.resolveSettings({}))?.text ?? text;
}

const SVC = '[a]\naccept = 127.0.0.1:4433\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n';
const CONF = '/etc/stunnel/stunnel.conf';

test('sslVersion = TLSv1: the fix raises it to sslVersionMin = TLSv1.2 (not a pin that shuts out TLS 1.3), but fix-all leaves it to the user', () => {
  // Raising the floor shuts out clients that speak only TLS 1.0: a choice, not a repair to apply on save.
  const text = 'sslVersion = TLSv1\n' + SVC;
  const f = lint({ [CONF]: text }).find((x) => x.rule === 'stunnel/insecure-protocol');
  assert.deepEqual(f.fixes.map((x) => [x.title, x.preferred]), [['Use sslVersionMin = TLSv1.2', false]]);
  assert.equal(fixAllText(CONF, text), text);
  // SSLv2 is another matter: stunnel does not start at all, so fix-all repairs it.
  assert.equal(fixAllText(CONF, 'sslVersion = SSLv2\n' + SVC), 'sslVersionMin = TLSv1.2\n' + SVC);
});

test('sslVersionMax = TLSv1.1: the fix removes the ceiling, when the user picks it', () => {
  const text = SVC + 'sslVersionMax = TLSv1.1\n';
  const f = lint({ [CONF]: text }).find((x) => x.rule === 'stunnel/insecure-protocol');
  assert.deepEqual(f.fixes.map((x) => [x.title, x.preferred]), [['Remove sslVersionMax (allow every version up to TLS 1.3)', false]]);
  assert.equal(core.applyEdits(text, f.fixes[0].changes[0].edits), SVC);
  assert.equal(fixAllText(CONF, text), text);
});

test('a header with a trailing comment: the comment moves above it, before any other fix', () => {
  const text = '[https] ; my service\naccept = 127.0.0.1:443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n';
  const f = lint({ [CONF]: text }).filter((x) => x.rule === 'stunnel/syntax-error');
  assert.deepEqual(briefs(f), ['stunnel/syntax-error@1:1-1:21']);
  assert.equal(f[0].fixes[0].title, 'Move the comment to its own line above the header');
  assert.equal(fixAllText(CONF, text), '; my service\n[https]\naccept = 127.0.0.1:443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n');
});

test('a second [https] after a broken header keeps its own options', () => {
  const text = 'foreground = yes\n[https] ; first\naccept = 127.0.0.1:443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n[https2]\naccept = 127.0.0.1:8443\nconnect = 127.0.0.1:81\ncert = /etc/stunnel/a.pem\n';
  const fixed = fixAllText(CONF, text);
  assert.equal(fixed, 'foreground = yes\n; first\n[https]\naccept = 127.0.0.1:443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n[https2]\naccept = 127.0.0.1:8443\nconnect = 127.0.0.1:81\ncert = /etc/stunnel/a.pem\n');
});

const UNIT = '/etc/systemd/system/app.service';

test('WantedBy= under [Unit] that [Install] already has: the fix removes it instead of duplicating it', () => {
  const text = '[Unit]\nDescription=x\nWantedBy=multi-user.target\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n';
  const f = lint({ [UNIT]: text }).find((x) => x.rule === 'systemd/directive-wrong-section');
  assert.equal(f.fixes[0].title, "Remove 'WantedBy=' (already in [Install])");
  assert.equal(fixAllText(UNIT, text), '[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n');
});

test('renaming [Servce] into an existing [Service] is offered but not applied by fix-all', () => {
  const text = '[Service]\nExecStart=/bin/true\n\n[Servce]\nUser=x\n';
  const f = lint({ [UNIT]: text }).find((x) => x.rule === 'systemd/unknown-section');
  assert.equal(f.fixes[0].title, 'Change to [Service]');
  assert.equal(f.fixes[0].preferred, false);
  assert.equal(fixAllText(UNIT, text), text);
});

test('Type=forking with GuessMainPID=no draws no forking-without-pidfile', () => {
  const text = '[Unit]\nDescription=rc.local\n\n[Service]\nType=forking\nExecStart=/etc/rc.local start\nGuessMainPID=no\nRemainAfterExit=yes\n';
  assert.ok(!lint({ [UNIT]: text }).some((x) => x.rule === 'systemd/forking-without-pidfile'));
  assert.ok(lint({ [UNIT]: text.replace('GuessMainPID=no\n', '') }).some((x) => x.rule === 'systemd/forking-without-pidfile'));
});
