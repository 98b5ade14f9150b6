import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, fixOnce, lint } from '../helpers.mjs';

const F = '/etc/stunnel/stunnel.conf';
// These snippets are not whole configurations (no cert, one endpoint): look only at the rules under test.
const BASIC = ['stunnel/unknown-option', 'stunnel/option-scope', 'stunnel/deprecated-option', 'stunnel/insecure-protocol', 'stunnel/syntax-error'];
const lintBasic = (files) => lint(files).filter((f) => BASIC.includes(f.rule));

test('unknown option with did-you-mean and a rename fix', () => {
  const files = { [F]: 'foreground = yes\n[svc]\nacept = 443\nconnect = 80\n' };
  const findings = lintBasic(files);
  assert.deepEqual(briefs(findings), ['stunnel/unknown-option@3:1-3:6']);
  assert.match(findings[0].message, /Unknown stunnel option 'acept'.*Did you mean 'accept'\?/);
  assert.equal(fixOnce(files, 'stunnel/unknown-option'), 'foreground = yes\n[svc]\naccept = 443\nconnect = 80\n');
});

test("'clients' is explained, not guessed", () => {
  const findings = lintBasic({ [F]: '[relay]\nclients = 50\n' });
  assert.deepEqual(briefs(findings), ['stunnel/unknown-option@2:1-2:8']);
  assert.match(findings[0].message, /no 'clients' option.*LimitNOFILE=/);
  assert.deepEqual(findings[0].fixes, []);
});

test('option names are case-insensitive; aliases are deprecated, not unknown', () => {
  assert.deepEqual(briefs(lintBasic({ [F]: 'FOREGROUND = yes\n[s]\nTimeoutIdle = 5\n' })), []);
  const files = { [F]: '[s]\nsession = 300\n' };
  assert.deepEqual(briefs(lintBasic(files)), ['stunnel/deprecated-option@2:1-2:8']);
  assert.equal(fixOnce(files, 'stunnel/deprecated-option'), '[s]\nsessionCacheTimeout = 300\n');
});

test('global-only option inside a section: error, fix moves it to the global part', () => {
  const files = { [F]: 'debug = 5\n\n[svc]\naccept = 1\npid = /run/s.pid\nconnect = 2\n' };
  const findings = lintBasic(files);
  assert.deepEqual(briefs(findings), ['stunnel/option-scope@5:1-5:4']);
  assert.equal(findings[0].severity, 'error');
  assert.equal(fixOnce(files, 'stunnel/option-scope'), 'debug = 5\npid = /run/s.pid\n\n[svc]\naccept = 1\nconnect = 2\n');
});

test('service options in the global part are defaults, not scope errors', () => {
  assert.deepEqual(briefs(lintBasic({ [F]: 'client = yes\nsslVersionMin = TLSv1.2\n[a]\naccept = 1\nconnect = 2\n' })), []);
});

test('sslVersion = all: deprecated; fix removes it (the default)', () => {
  const files = { [F]: 'sslVersion = all\n[s]\n' };
  const findings = lintBasic(files);
  assert.deepEqual(briefs(findings), ['stunnel/deprecated-option@1:1-1:17']);
  assert.equal(findings[0].severity, 'warning');
  assert.equal(fixOnce(files, 'stunnel/deprecated-option'), '[s]\n');
  assert.equal(fixOnce(files, 'stunnel/deprecated-option', { title: 'Replace with sslVersionMin = TLSv1.2' }), 'sslVersionMin = TLSv1.2\n[s]\n');
});

test('sslVersion pinned to one version: fix keeps the pin with Min and Max', () => {
  const files = { [F]: '[s]\n  sslVersion = TLSv1.2\n' };
  assert.equal(fixOnce(files, 'stunnel/deprecated-option'), '[s]\n  sslVersionMin = TLSv1.2\n  sslVersionMax = TLSv1.2\n');
});

test('verify levels map to verifyChain/verifyPeer/requireCert', () => {
  assert.equal(fixOnce({ [F]: '[s]\nverify = 2\n' }, 'stunnel/deprecated-option'), '[s]\nverifyChain = yes\nrequireCert = yes\n');
  assert.equal(fixOnce({ [F]: '[s]\nverify = 4\n' }, 'stunnel/deprecated-option'), '[s]\nverifyPeer = yes\n');
});

test('SSLv2 is an error, TLSv1 a warning; fixes move to TLSv1.2', () => {
  const v2 = lintBasic({ [F]: 'sslVersion = SSLv2\n' }).filter((f) => f.rule === 'stunnel/insecure-protocol');
  assert.deepEqual(briefs(v2), ['stunnel/insecure-protocol@1:14-1:19']);
  assert.equal(v2[0].severity, 'error');
  const files = { [F]: '[s]\nsslVersionMin = TLSv1\n' };
  const v1 = lintBasic(files);
  assert.deepEqual(briefs(v1), ['stunnel/insecure-protocol@2:17-2:22']);
  assert.equal(v1[0].severity, 'warning');
  assert.equal(fixOnce(files, 'stunnel/insecure-protocol'), '[s]\nsslVersionMin = TLSv1.2\n');
  assert.deepEqual(briefs(lintBasic({ [F]: '[s]\nsslVersionMin = TLSv1.2\n' })), []);
});

test('syntax errors are reported at the line', () => {
  assert.deepEqual(briefs(lintBasic({ [F]: '[svc] ; c\naccept 443\n' })), ['stunnel/syntax-error@1:1-1:10', 'stunnel/syntax-error@2:1-2:11']);
});
