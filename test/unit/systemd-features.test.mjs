// Hover and completion for systemd units: every directive's hover names its value type, first
// release and manual anchor; defaults, hardening notes and specifiers; completion of keys (version
// aware), values word by word, specifiers and unit names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const TABLE = JSON.parse(readFileSync(new URL('../../server/src/core/knowledge/systemd/directives.json', import.meta.url), 'utf8'));
const FILE_OF = { Unit: 'x.service', Install: 'x.service', Service: 'x.service', Socket: 'x.socket', Timer: 'x.timer', Mount: 'x.mount', Automount: 'x.automount', Swap: 'x.swap', Path: 'x.path', Slice: 'x.slice', Scope: 'x.scope' };

function docOf(name, text) {
  return core.parse(core.pathToUri(`/etc/systemd/system/${name}`), text, 'systemd-unit');
}

function hoverAt(name, text, line, character) {
  return core.hover(docOf(name, text), { line, character });
}

test('hover on every directive of every section: value type, first release and the exact manual anchor', () => {
  let n = 0;
  for (const [section, rows] of Object.entries(TABLE.sections)) {
    for (const [key, row] of Object.entries(rows)) {
      const h = hoverAt(FILE_OF[section], `[${section}]\n${key}=\n`, 1, 1);
      assert.ok(h, `${section}.${key}: no hover`);
      assert.match(h.markdown, new RegExp(`^\\*\\*${key}=\\*\\* — \\[${section}\\]`), `${section}.${key}`);
      assert.match(h.markdown, /\n- Value: \S/, `${section}.${key}: value type`);
      assert.match(h.markdown, /\n- Since: (systemd \d+|systemd releases after 257|early systemd releases)\n/, `${section}.${key}: first release`);
      if (row.url) assert.ok(h.markdown.includes(`](${TABLE.manBase}${row.url})`), `${section}.${key}: anchor ${row.url}`);
      n++;
    }
  }
  assert.equal(n, Object.values(TABLE.sections).reduce((a, s) => a + Object.keys(s).length, 0));
  assert.ok(n > 1400);
});

test('hover: default, manual anchor of a grouped entry, version notes', () => {
  const h = hoverAt('a.service', '[Service]\nLimitNOFILE=4096\nRestart=always\n', 1, 3).markdown;
  assert.match(h, /- Default: 1024:524288 \(DefaultLimitNOFILE=\)/);
  // LimitNOFILE= shares the manual entry (and anchor) of LimitCPU=.
  assert.ok(h.includes('(https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#LimitCPU=)'), h);
  const r = hoverAt('a.service', '[Service]\nRestart=always\n', 1, 2).markdown;
  assert.match(r, /- Value: `no` \| `on-success` \| `on-failure` \| `on-abnormal` \| `on-watchdog` \| `on-abort` \| `always`\n- Default: no\n/);
  assert.match(hoverAt('a.service', '[Service]\nStartupMemoryMax=1G\n', 1, 2).markdown, /- Since: systemd 253\n/);
  assert.match(hoverAt('a.service', '[Service]\nPrivateBPF=yes\n', 1, 2).markdown, /- Since: systemd releases after 257\n/);
  assert.match(hoverAt('a.service', '[Service]\nMemoryLimit=1G\n', 1, 2).markdown, /Status: deprecated — use `MemoryMax=`[\s\S]*Ignored by systemd releases after 257/);
});

test('hover: hardening explanation on sandboxing keys, specifiers expanded or not', () => {
  const h = hoverAt('a.service', '[Service]\nProtectSystem=strict\n', 1, 3).markdown;
  assert.match(h, /- Hardening: ProtectSystem=strict mounts the whole file system read-only .*systemd\/hardening-protect-system/);
  assert.match(hoverAt('a.service', '[Service]\nExecStart=/bin/echo %i\n', 1, 2).markdown, /Specifiers such as %i, %n, %h are expanded/);
  assert.doesNotMatch(hoverAt('a.service', '[Service]\nNice=5\n', 1, 2).markdown, /Specifiers/);
});

test('hover on a specifier inside a value; not on %%', () => {
  const text = '[Service]\nExecStart=/usr/bin/app --name=%i --pct=100%%n\n';
  const h = hoverAt('a@.service', text, 1, 31);
  assert.equal(h.markdown.split('\n')[0], '**%i** — instance name (between @ and the suffix)');
  assert.deepEqual(h.range, { start: { line: 1, character: 30 }, end: { line: 1, character: 32 } });
  // In 100%%n the n follows an escaped percent sign: no specifier there.
  assert.equal(hoverAt('a@.service', text, 1, 45), undefined);
});

function complete(name, text, line, character, ctx = {}) {
  return core.complete(docOf(name, text), { line, character }, ctx);
}

test('completion of keys follows the targeted release', () => {
  const all = complete('a.service', '[Service]\nPriv\n', 1, 4).map((c) => c.label);
  assert.ok(all.includes('PrivateTmp') && all.includes('PrivatePIDs'));
  const old = complete('a.service', '[Service]\nPriv\n', 1, 4, { systemdVersion: 252 }).map((c) => c.label);
  assert.ok(old.includes('PrivateTmp') && !old.includes('PrivatePIDs'));
  assert.ok(!all.includes('PrivateBPF'), 'keys that exist only after 257 are not offered');
  const e = complete('a.service', '[Service]\nRest\n', 1, 4).find((c) => c.label === 'Restart');
  assert.equal(e.insertText, 'Restart=');
  assert.equal(e.detail, '`no` | `on-success` | `on-failure` | `on-abnormal` | `on-watchdog` | `on-abort` | `always`');
});

test('completion of values: enums, word by word for lists, signals', () => {
  assert.deepEqual(complete('a.service', '[Service]\nRestart=on\n', 1, 10).map((c) => c.label), ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always']);
  const caps = complete('a.service', '[Service]\nCapabilityBoundingSet=CAP_NET_ADMIN CAP_\n', 1, 40);
  assert.ok(caps.some((c) => c.label === 'CAP_NET_RAW'));
  assert.ok(!caps.some((c) => c.label === 'CAP_NET_ADMIN'), 'words already typed are not offered again');
  assert.deepEqual(caps[0].range, { start: { line: 1, character: 36 }, end: { line: 1, character: 40 } });
  const groups = complete('a.service', '[Service]\nSystemCallFilter=~@\n', 1, 19);
  assert.ok(groups.some((c) => c.label === '@privileged'));
  assert.deepEqual(groups[0].range, { start: { line: 1, character: 18 }, end: { line: 1, character: 19 } });
  assert.ok(complete('a.service', '[Service]\nKillSignal=\n', 1, 11).some((c) => c.label === 'SIGINT'));
  assert.ok(complete('a.timer', '[Timer]\nOnCalendar=\n', 1, 11).some((c) => c.label === 'daily'));
});

test('completion of specifiers after % where systemd expands them', () => {
  const s = complete('a@.service', '[Service]\nExecStart=/usr/bin/app %\n', 1, 24);
  assert.ok(s.some((c) => c.label === '%i' && c.detail === 'instance name (between @ and the suffix)'));
  assert.deepEqual(s[0].range, { start: { line: 1, character: 23 }, end: { line: 1, character: 24 } });
  assert.ok(!complete('a.service', '[Service]\nNice=%\n', 1, 6).some((c) => c.label === '%i'));
});

test('completion of unit names found in the workspace', () => {
  const ws = new core.Workspace();
  ws.set(core.pathToUri('/etc/systemd/system/db.service'), '[Service]\nExecStart=/bin/true\n');
  const c = complete('a.service', '[Unit]\nAfter=\n', 1, 6, { ws }).map((x) => x.label);
  assert.ok(c.includes('db.service') && c.includes('network-online.target'));
});
