// Checks the VS Code snippet files: valid JSON, unique prefixes, non-empty bodies, and that
// each body, with its placeholders replaced by their defaults, is well-formed for its language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'snippets');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function load(file) {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}
const bodyText = (s) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

// Replace ${n:default} (possibly nested), ${n}, $n and \$ the way VS Code fills in defaults.
function expand(body) {
  const defaults = new Map();
  let text = body;
  const inner = /\$\{(\d+):([^${}]*)\}/;
  for (let changed = true; changed; ) {
    changed = false;
    for (let m; (m = inner.exec(text)); changed = true) {
      if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
      text = text.slice(0, m.index) + m[2] + text.slice(m.index + m[0].length);
    }
    text = text.replace(/\$\{(\d+)\}/g, (all, n) => {
      if (!defaults.has(n)) return all;
      changed = true;
      return defaults.get(n);
    });
  }
  assert.doesNotMatch(text, /\$\{/, `unresolved placeholder in ${text}`);
  text = text.replace(/(?<!\\)\$\d+/g, '');
  return text.replace(/\\\$/g, '$');
}

test('snippet files exist for stunnel and systemd units', () => {
  assert.deepEqual(files, ['stunnel.json', 'systemd-unit.json']);
});

test('every snippet file parses and every snippet has a prefix, description and non-empty body', () => {
  for (const file of files) {
    const snippets = load(file);
    assert.ok(Object.keys(snippets).length > 0, `${file} is empty`);
    for (const [name, s] of Object.entries(snippets)) {
      for (const p of prefixes(s)) assert.match(p, /^[a-z][a-z0-9-]+$/, `${file}: ${name}: prefix ${p}`);
      assert.equal(typeof s.description, 'string', `${file}: ${name}`);
      assert.ok(s.description.trim().length > 0, `${file}: ${name}: empty description`);
      assert.ok(bodyText(s).trim().length > 0, `${file}: ${name}: empty body`);
      const opens = (bodyText(s).match(/\$\{/g) || []).length;
      const closes = (bodyText(s).match(/\}/g) || []).length;
      assert.equal(opens, closes, `${file}: ${name}: unbalanced placeholders`);
    }
  }
});

test('prefixes are unique across all snippet files', () => {
  const seen = new Map();
  for (const file of files) {
    for (const [name, s] of Object.entries(load(file))) {
      for (const p of prefixes(s)) {
        assert.ok(!seen.has(p), `prefix ${p} used by ${seen.get(p)} and ${file}: ${name}`);
        seen.set(p, `${file}: ${name}`);
      }
    }
  }
  assert.equal(seen.size, 13);
});

test('stunnel snippets expand to comment, [section] or "name = value" lines', () => {
  for (const [name, s] of Object.entries(load('stunnel.json'))) {
    const lines = expand(bodyText(s)).split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) {
      assert.match(line, /^(?:[;#].*|\[[^\]]+\]|[A-Za-z][A-Za-z0-9]* = ?[^;#]*)$/, `${name}: ${line}`);
    }
  }
});

test('systemd snippets expand to comment, [Section] or Key=Value lines', () => {
  for (const [name, s] of Object.entries(load('systemd-unit.json'))) {
    const lines = expand(bodyText(s)).split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) {
      assert.match(line, /^(?:#.*|\[[A-Za-z]+\]|[A-Z][A-Za-z]+=\S.*)$/, `${name}: ${line}`);
      assert.doesNotMatch(line, /^[A-Z][A-Za-z]+=.*\s#/, `${name}: trailing comment in ${line}`);
    }
  }
});

test('snippets carry the settings they promise', () => {
  const byPrefix = {};
  for (const file of files) for (const s of Object.values(load(file))) byPrefix[prefixes(s)[0]] = expand(bodyText(s));

  assert.match(byPrefix['stunnel-server'], /^sslVersionMin = TLSv1\.2$/m);
  assert.match(byPrefix['stunnel-server'], /^cert = \/etc\/stunnel\/https\.crt$/m);
  assert.match(byPrefix['stunnel-client'], /^client = yes$/m);
  assert.match(byPrefix['stunnel-client'], /^verifyChain = yes$/m);
  assert.match(byPrefix['stunnel-client'], /^checkHost = server\.example\.net$/m);
  assert.match(byPrefix['stunnel-client'], /^connect = server\.example\.net:443$/m);
  assert.match(byPrefix['stunnel-sni'], /^sni = tls:app\.example\.net$/m);
  assert.match(byPrefix['stunnel-psk-server'], /^PSKsecrets = \/etc\/stunnel\/psk\.txt$/m);
  assert.match(byPrefix['stunnel-psk-client'], /^PSKsecrets = \/etc\/stunnel\/psk\.txt$/m);
  assert.match(byPrefix['stunnel-global-systemd'], /^foreground = yes\npid =\n/m);
  for (const p of Object.keys(byPrefix).filter((k) => k.startsWith('stunnel-'))) {
    assert.doesNotMatch(byPrefix[p], /^sslVersion =/m, `${p} uses the deprecated sslVersion`);
  }

  const unit = byPrefix['systemd-stunnel'];
  assert.match(unit, /^ExecStart=\/usr\/bin\/stunnel4 \/etc\/stunnel\/name\.conf$/m);
  assert.match(unit, /^Type=simple$/m);
  assert.match(unit, /^#.*foreground = yes/m);
  assert.match(unit, /^LimitNOFILE=65536$/m);
  assert.match(unit, /^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
  assert.match(byPrefix['systemd-service'], /^LimitNOFILE=65536$/m);
  assert.match(byPrefix['systemd-dropin-nofile'], /^\[Service\]\nLimitNOFILE=65536$/m);
  for (const k of ['NoNewPrivileges=yes', 'ProtectSystem=strict', 'ProtectHome=yes', 'PrivateTmp=yes']) {
    assert.ok(byPrefix['systemd-hardening'].split('\n').includes(k), k);
  }
  assert.match(byPrefix['systemd-socket'], /^\[Socket\]\nListenStream=127\.0\.0\.1:8080$/m);
  assert.match(byPrefix['systemd-timer'], /^\[Timer\]\nOnCalendar=daily$/m);
});
