// Formatting: layout only, idempotent, never touching comment text or continuation structure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const UNIT = '/etc/systemd/system/app.service';
const CONF = '/etc/stunnel/stunnel.conf';
const LIMITS = '/etc/security/limits.conf';

function parse(path, text) {
  return core.parse(core.pathToUri(path), text, core.detectDialect(path));
}

/** Formats, checks that a second run changes nothing, and returns the text. */
function format(path, text, range) {
  const out = core.applyEdits(text, core.format(parse(path, text), range));
  assert.deepEqual(core.format(parse(path, out)), range ? core.format(parse(path, out)) : [], 'formatting twice changes nothing');
  return out;
}

test('units: Key=Value, no indentation, no trailing blanks, one blank line before each section', () => {
  const text = '\n\n  [Unit]  \nDescription = hi there   \n# c  \n\n\n\nAfter =a.target\n[Service]\n\tExecStart= /bin/foo\n[Install]\nWantedBy=multi-user.target\n\n\n';
  assert.equal(format(UNIT, text), '[Unit]\nDescription=hi there\n# c\n\nAfter=a.target\n\n[Service]\nExecStart=/bin/foo\n\n[Install]\nWantedBy=multi-user.target\n');
});

test('units: the blank line goes above the comments that introduce a section', () => {
  assert.equal(format(UNIT, '[Unit]\nDescription=x\n# The service itself\n; runs as root\n[Service]\nExecStart=/bin/true\n'), '[Unit]\nDescription=x\n\n# The service itself\n; runs as root\n[Service]\nExecStart=/bin/true\n');
  // Comments at the top of the file stay where they are.
  assert.equal(format(UNIT, '# header\n[Unit]\nDescription=x\n'), '# header\n[Unit]\nDescription=x\n');
});

test('units: continuation lines are neither joined nor split, and "\\ " keeps its blank', () => {
  const text = 'ExecStart = /bin/foo \\\n   --bar   \\\n\n# comment after\n[Install]\nWantedBy=x\\ \n';
  const out = format(UNIT, text);
  assert.equal(out, 'ExecStart=/bin/foo \\\n   --bar   \\\n\n\n# comment after\n[Install]\nWantedBy=x\\ \n');
  // The parsed values are the same before and after.
  const values = (t) => parse(UNIT, t).sections.flatMap((s) => s.entries.map((e) => `${e.key}=${e.value}`));
  assert.deepEqual(values(out), values(text));
});

test('stunnel: key = value, empty values, tabs; comments keep their text', () => {
  const text = 'foo=bar\n  debug\t=\t3  \n;   Odd   spacing   kept  \n[a]\naccept=1\nconnect =\n[b]\nx=1';
  assert.equal(format(CONF, text), 'foo = bar\ndebug = 3\n\n;   Odd   spacing   kept\n[a]\naccept = 1\nconnect =\n\n[b]\nx = 1\n');
});

test('limits.conf: columns are left alone; trailing blanks and extra blank lines go', () => {
  assert.equal(format(LIMITS, '# x  \n*  soft nofile 1   # y  \n\n\n* hard nofile 2'), '# x\n*  soft nofile 1   # y\n\n* hard nofile 2\n');
});

test('CRLF and a byte-order mark are kept', () => {
  assert.equal(format(UNIT, '\uFEFF\r\n[Unit]\r\nDescription = x \r\n[Service]\r\nType=simple'), '\uFEFF[Unit]\r\nDescription=x\r\n\r\n[Service]\r\nType=simple\r\n');
});

test('the edits are small: the changed part of each line, untouched lines have none', () => {
  const edits = core.format(parse(CONF, 'a=1\n[s]\naccept = 1\n'));
  assert.deepEqual(edits, [
    { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, newText: ' = ' },
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '\n' },
  ]);
});

test('range formatting changes only the lines of the range', () => {
  const text = 'a=1\nb=2\nc=3\n';
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } };
  assert.equal(core.applyEdits(text, core.format(parse(CONF, text), range)), 'a=1\nb = 2\nc=3\n');
});

test('the seed files are already formatted', () => {
  for (const [name, path] of [['stunnel.conf', CONF], ['stunnel.service', UNIT], ['stunnel-before-fix.service', UNIT], ['limits.conf', LIMITS]]) {
    const text = readFileSync(new URL(`../../examples/seed/${name}`, import.meta.url), 'utf8');
    assert.deepEqual(core.format(parse(path, text)), [], name);
  }
});

test('formatting never changes what a file means: same findings, same values, same comments', () => {
  const samples = [
    [UNIT, '[Unit]\nAfter = syslog.target  \n\n\n[Service]\n ExecStart = /usr/bin/stunnel /etc/stunnel/stunnel.conf\nType =forking\nRestart= nope   \n'],
    [CONF, 'sslVersion=all\n[x]\n  accept=443\nconnect=80\n   pid = /x\n'],
  ];
  for (const [path, text] of samples) {
    const out = format(path, text);
    const briefs = (t) => {
      const ws = new core.Workspace();
      ws.set(core.pathToUri(path), t);
      return core.lintFile(ws, core.pathToUri(path), core.resolveSettings({})).map((f) => `${f.rule}:${f.message}`);
    };
    assert.deepEqual(briefs(out), briefs(text));
    assert.deepEqual(parse(path, out).comments.map((c) => c.text), parse(path, text).comments.map((c) => c.text));
  }
});
