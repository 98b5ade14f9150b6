// stunnel/duplicate-accept: checked against Debian's stunnel 5.68, which stops with
// "Binding service [b] failed" (Address already in use) in each colliding case below.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, lint } from '../helpers.mjs';

const CONF = '/etc/stunnel/stunnel.conf';
const service = (name, accept) => `[${name}]\naccept = ${accept}\nconnect = 127.0.0.1:80\ncert = /etc/ssl/a.pem\n`;
const found = (text) => lint({ [CONF]: text }).filter((f) => f.rule === 'stunnel/duplicate-accept');

test('the same address, a port alone against a host, and every-address forms collide', () => {
  for (const [a, b] of [['127.0.0.1:18443', '127.0.0.1:18443'], ['18444', '127.0.0.1:18444'], ['127.0.0.1:18445', '18445'], ['18446', '18446'], ['0.0.0.0:18447', '127.0.0.1:18447'], ['18448', '[::]:18448']]) {
    const f = found(`foreground = yes\n${service('a', a)}${service('b', b)}`);
    assert.deepEqual(briefs(f), [`stunnel/duplicate-accept@7:10-7:${10 + b.length}`], `${a} vs ${b}`);
    assert.equal(f[0].message, `Service [b] accepts on ${b}, where [a] already listens (accept = ${a}, line 3): stunnel cannot bind it ("Binding service [b] failed", Address already in use) and does not start. Give each service its own port or address.`);
    assert.deepEqual(f[0].related.map((r) => [r.range.start.line, r.message]), [[2, '[a] listens here']]);
  }
});

test('different hosts on one port, or different ports, do not collide', () => {
  assert.deepEqual(found(`foreground = yes\n${service('a', '127.0.0.2:8443')}${service('b', '127.0.0.3:8443')}${service('c', '8444')}`), []);
  assert.deepEqual(found(`foreground = yes\n${service('a', '443')}${service('b', '0443x')}`), []);
});

test('a third service on a taken port is reported too, against the first', () => {
  const f = found(`foreground = yes\n${service('a', '443')}${service('b', '8443')}${service('c', '127.0.0.1:443')}`);
  assert.deepEqual(briefs(f), ['stunnel/duplicate-accept@11:10-11:23']);
  assert.match(f[0].message, /^Service \[c\] accepts on 127\.0\.0\.1:443, where \[a\] already listens \(accept = 443, line 3\)/);
});
