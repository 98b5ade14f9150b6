// Hover over every stunnel option (summary, value, default, version, deprecation, manual link
// checked against the anchors of the 5.75 manual) and completion of stunnel values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const read = (rel) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const OPTIONS = JSON.parse(read('../../server/src/core/knowledge/stunnel/options.json')).options;
const SUMMARIES = JSON.parse(read('../../server/src/core/knowledge/stunnel/summaries.json'));
const ANCHORS = new Set(read('../fixtures/stunnel/manual-anchors-5.75.txt').split('\n').filter((l) => l && !l.startsWith('#')));
const MANUAL = 'https://www.stunnel.org/static/stunnel.html';
const URI = 'file:///etc/stunnel/stunnel.conf';

function hoverAt(text, line, character) {
  return core.hover(core.parse(URI, text, 'stunnel'), { line, character });
}

function complete(text, line, character) {
  return core.complete(core.parse(URI, text, 'stunnel'), { line, character }).map((c) => ({ label: c.label, from: c.range.start.character, to: c.range.end.character, ...(c.deprecated ? { deprecated: true } : {}), ...(c.retrigger ? { retrigger: true } : {}) }));
}

test('every current stunnel 5.75 option hovers with its summary, facts and a manual link that exists', () => {
  const names = Object.keys(OPTIONS).filter((n) => !OPTIONS[n].removed);
  assert.equal(names.length, 98);
  for (const name of names) {
    const h = hoverAt(`${name} = x\n`, 0, 1);
    assert.ok(h, name);
    const md = h.markdown;
    assert.ok(md.startsWith(`**${name}** — stunnel `), name);
    assert.ok(SUMMARIES[name] && md.includes(SUMMARIES[name]), `${name}: summary`);
    assert.ok(md.includes('- Value: '), `${name}: value`);
    assert.ok(md.includes(`- Since: stunnel ${OPTIONS[name].added}`), `${name}: version`);
    const link = /\]\((https:\/\/www\.stunnel\.org\/static\/stunnel\.html)#([^)]+)\)$/.exec(md);
    assert.ok(link, `${name}: manual link`);
    assert.ok(ANCHORS.has(link[2]), `${name}: anchor #${link[2]} is not in the 5.75 manual`);
    assert.deepEqual(h.range, { start: { line: 0, character: 0 }, end: { line: 0, character: name.length } });
  }
});

test('hover text of one option, exactly', () => {
  assert.equal(
    hoverAt('[svc]\n  TIMEOUTidle = 600\n', 1, 4).markdown,
    [
      '**TIMEOUTidle** — stunnel service option (in a section, or in the global part as a default)',
      '',
      SUMMARIES.TIMEOUTidle,
      '',
      '- Value: a whole number of seconds, written without a unit',
      '- Default: 43200 (12 h)',
      '- Since: stunnel 4.00',
      '- If repeated, the last line wins.',
      '',
      `[stunnel manual: TIMEOUTidle](${MANUAL}#TIMEOUTidle-SECONDS)`,
    ].join('\n'),
  );
});

test('hover shows deprecation, aliases resolve, names are case-insensitive, the removed option says so', () => {
  const ssl = hoverAt('sslVersion = all\n', 0, 2).markdown;
  assert.ok(ssl.includes('- Deprecated since 5.45: use `sslVersionMin`, `sslVersionMax`'));
  assert.ok(hoverAt('session = 300\n', 0, 2).markdown.startsWith('**sessionCacheTimeout**'));
  assert.ok(hoverAt('curve = prime256v1\n', 0, 2).markdown.startsWith('**curves**'));
  assert.ok(hoverAt('timeoutIDLE = 5\n', 0, 2).markdown.startsWith('**TIMEOUTidle**'));
  const removed = hoverAt('protocolCredentials = a:b\n', 0, 2).markdown;
  assert.ok(removed.includes('- Removed: current stunnel releases reject it'));
  assert.ok(removed.endsWith(`(${MANUAL})`));
  assert.equal(hoverAt('frobnicate = 1\n', 0, 2), undefined);
  assert.equal(hoverAt('client = yes\n', 0, 10), undefined);
});

test('completion: booleans, enums with the deprecated ones marked, numbers with their default', () => {
  assert.deepEqual(complete('client = ', 0, 9), [{ label: 'yes', from: 9, to: 9 }, { label: 'no', from: 9, to: 9 }]);
  assert.deepEqual(complete('[s]\nsslVersionMin = TL', 1, 18), [
    { label: 'TLSv1.2', from: 16, to: 18 },
    { label: 'TLSv1.3', from: 16, to: 18 },
    { label: 'all', from: 16, to: 18 },
    { label: 'SSLv3', from: 16, to: 18, deprecated: true },
    { label: 'TLSv1', from: 16, to: 18, deprecated: true },
    { label: 'TLSv1.1', from: 16, to: 18, deprecated: true },
  ]);
  assert.deepEqual(complete('failover = ', 0, 11).map((c) => c.label), ['rr', 'prio']);
  assert.deepEqual(complete('transparent = ', 0, 14).map((c) => c.label + (c.deprecated ? '*' : '')), ['none', 'source', 'destination', 'both', 'yes*', 'no*']);
  assert.deepEqual(complete('protocol = ', 0, 11).map((c) => c.label), ['socks', 'proxy', 'cifs', 'pgsql', 'smtp', 'pop3', 'imap', 'nntp', 'ldap', 'connect', 'capwin', 'capwinctrl']);
  assert.deepEqual(complete('TIMEOUTidle = ', 0, 14), [{ label: '43200', from: 14, to: 14 }]);
  const d = core.complete(core.parse(URI, 'TIMEOUTclose = ', 'stunnel'), { line: 0, character: 15 });
  assert.equal(d[0].detail, 'seconds to wait for close_notify (default 60); a plain number, no unit');
});

test('completion: debug levels, and FACILITY.LEVEL only in the global part', () => {
  const global = complete('debug = ', 0, 8);
  assert.deepEqual(global.slice(0, 8).map((c) => c.label), ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug']);
  assert.deepEqual(global.find((c) => c.label === 'daemon.'), { label: 'daemon.', from: 8, to: 8, retrigger: true });
  assert.equal(global.length, 8 + 21);
  assert.deepEqual(complete('debug = daemon.in', 0, 17).find((c) => c.label === 'info'), { label: 'info', from: 15, to: 17 });
  assert.deepEqual(complete('[s]\ndebug = ', 1, 8).map((c) => c.label), ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug']);
});

test('completion: socket options step by step (side, name, value by type)', () => {
  assert.deepEqual(complete('[s]\nsocket = ', 1, 9).map((c) => c.label), ['a:', 'l:', 'r:']);
  const names = complete('[s]\nsocket = l:TCP_', 1, 15);
  assert.deepEqual(names.map((c) => c.label), ['SO_DEBUG', 'SO_DONTROUTE', 'SO_KEEPALIVE', 'SO_LINGER', 'SO_OOBINLINE', 'SO_RCVBUF', 'SO_SNDBUF', 'SO_RCVLOWAT', 'SO_SNDLOWAT', 'SO_RCVTIMEO', 'SO_SNDTIMEO', 'SO_REUSEADDR', 'SO_BINDTODEVICE', 'TCP_KEEPCNT', 'TCP_KEEPIDLE', 'TCP_KEEPINTVL', 'IP_TOS', 'IP_TTL', 'TCP_NODELAY', 'IP_FREEBIND', 'IPV6_V6ONLY']);
  assert.deepEqual(names.find((c) => c.label === 'TCP_NODELAY'), { label: 'TCP_NODELAY', from: 11, to: 15, retrigger: true });
  assert.deepEqual(complete('[s]\nsocket = l:TCP_NODELAY=', 1, 23), [{ label: 'yes', from: 23, to: 23 }, { label: 'no', from: 23, to: 23 }]);
  assert.deepEqual(complete('[s]\nsocket = r:SO_LINGER=', 1, 21), [{ label: '1:30', from: 21, to: 21 }]);
});

test('completion: TLS options with - to clear, dead flags marked', () => {
  const set = complete('options = ', 0, 10);
  assert.equal(set.length, 53);
  assert.deepEqual(set.find((c) => c.label === 'NO_SSLv2'), { label: 'NO_SSLv2', from: 10, to: 10, deprecated: true });
  assert.deepEqual(set.find((c) => c.label === 'NO_TICKET'), { label: 'NO_TICKET', from: 10, to: 10 });
  assert.deepEqual(complete('options = -NO_', 0, 14).find((c) => c.label === 'NO_TLSv1_1'), { label: 'NO_TLSv1_1', from: 11, to: 14 });
});

test('completion: curves, ciphers and ciphersuites complete the list element being typed', () => {
  const curves = complete('curves = X25519:', 0, 16);
  assert.deepEqual(curves.slice(0, 3).map((c) => c.label), ['P-256', 'X448', 'P-384']);
  assert.ok(!curves.some((c) => c.label === 'X25519'));
  const ciphers = complete('ciphers = HIGH:!a', 0, 17);
  assert.deepEqual(ciphers.find((c) => c.label === 'aNULL'), { label: 'aNULL', from: 16, to: 17 });
  assert.ok(ciphers.some((c) => c.label === 'ECDHE-RSA-AES128-GCM-SHA256'));
  assert.deepEqual(complete('ciphersuites = TLS_AES_256_GCM_SHA384:', 0, 38).map((c) => c.label), ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256', 'TLS_SHA256_SHA256', 'TLS_SHA384_SHA384']);
});

test('completion: sni offers the earlier sections as primaries', () => {
  assert.deepEqual(complete('[a]\naccept = 1\n[b]\naccept = 2\n[c]\nsni = ', 5, 6).map((c) => c.label), ['a:', 'b:']);
});
