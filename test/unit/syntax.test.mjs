import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const entries = (doc) => doc.sections.flatMap((s) => s.entries.map((e) => ({ section: s.name, key: e.key, value: e.value, line: e.line, endLine: e.endLine })));

test('unit file: sections, keys, values and their exact ranges', () => {
  const doc = core.parse('file:///u.service', '[Unit]\nDescription = x y \n\n[Service]\nExecStart=/bin/true\n', 'systemd-unit');
  assert.deepEqual(entries(doc), [
    { section: 'Unit', key: 'Description', value: 'x y', line: 1, endLine: 1 },
    { section: 'Service', key: 'ExecStart', value: '/bin/true', line: 4, endLine: 4 },
  ]);
  const d = doc.sections[1].entries[0];
  assert.deepEqual(doc.index.rangeOf(d.keySpan), { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  assert.deepEqual(doc.index.rangeOf(d.valueSpan), { start: { line: 1, character: 14 }, end: { line: 1, character: 17 } });
  assert.deepEqual(doc.index.rangeOf(doc.sections[2].nameSpan), { start: { line: 3, character: 1 }, end: { line: 3, character: 8 } });
});

test('unit file: continuation lines join with a space and skip comment lines inside', () => {
  const text = '[Service]\nExecStart=/bin/echo a \\\n# inside\n  b \\\n  c\nUser=x\n';
  const doc = core.parse('file:///u.service', text, 'systemd-unit');
  const [exec, user] = doc.sections[1].entries;
  assert.equal(exec.value, '/bin/echo a    b    c');
  assert.equal(exec.line, 1);
  assert.equal(exec.endLine, 4);
  assert.equal(user.line, 5);
  assert.deepEqual(doc.comments.map((c) => c.text), ['# inside']);
});

test('unit file: trailing whitespace after a backslash ends the continuation', () => {
  const doc = core.parse('file:///u.service', '[Service]\nExecStart=/bin/true \\ \nUser=x\n', 'systemd-unit');
  assert.deepEqual(entries(doc).map((e) => e.key), ['ExecStart', 'User']);
});

test('unit file: CRLF and BOM give the same entries as LF', () => {
  const lf = core.parse('file:///u.service', '[Unit]\nDescription=x\n', 'systemd-unit');
  const crlf = core.parse('file:///u.service', '\uFEFF[Unit]\r\nDescription=x\r\n', 'systemd-unit');
  assert.deepEqual(entries(crlf), entries(lf));
  assert.equal(crlf.hasBom, true);
});

test('unit file: a line without = and a broken header are syntax issues, not exceptions', () => {
  const doc = core.parse('file:///u.service', '[Unit\nfoo\n[Service]\n', 'systemd-unit');
  assert.deepEqual(doc.issues.map((i) => [i.code, doc.index.rangeOf(i.span).start.line]), [
    ['invalid-section-header', 0],
    ['missing-equals', 1],
  ]);
});

test('stunnel: global part, sections, first = splits, no inline comments', () => {
  const doc = core.parse('file:///s.conf', 'pid = \n; c\n[svc]\nsetEnv = A=B\nclient = yes ; note\n', 'stunnel');
  assert.deepEqual(entries(doc), [
    { section: null, key: 'pid', value: '', line: 0, endLine: 0 },
    { section: 'svc', key: 'setEnv', value: 'A=B', line: 3, endLine: 3 },
    { section: 'svc', key: 'client', value: 'yes ; note', line: 4, endLine: 4 },
  ]);
});

test('stunnel: a header with a trailing comment is not a header', () => {
  const doc = core.parse('file:///s.conf', '[svc] ; comment\n', 'stunnel');
  assert.equal(doc.sections.length, 1);
  assert.equal(doc.issues[0].code, 'missing-equals');
});

test('limits.conf: four fields, # comments anywhere', () => {
  const doc = core.parse('file:///limits.conf', '# c\nwww-data soft nofile 32000 # raised\n@adm hard\n', 'limits-conf');
  assert.deepEqual(doc.limits.map((l) => [l.domain, l.type, l.item, l.value, l.line]), [['www-data', 'soft', 'nofile', '32000', 1]]);
  assert.equal(doc.issues[0].code, 'invalid-limits-line');
});

test('parsers never throw on hostile input', () => {
  const inputs = ['', '\0\0\0', '[', ']', '=', '\\', '[a]\nk=\\', '\r\r\n\n', '\uFEFF', 'x'.repeat(20000), '[Service]\nA=\\\n#\n'];
  for (const dialect of ['stunnel', 'systemd-unit', 'limits-conf']) {
    for (const text of inputs) assert.doesNotThrow(() => core.parse('file:///x', text, dialect), `${dialect}: ${JSON.stringify(text.slice(0, 20))}`);
  }
});
