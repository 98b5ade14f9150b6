// A test per fix: for every rule, lint a small example, apply each fix, lint again, and check
// that the finding is gone and that nothing new appeared. Then the same for "fix all" and for the
// suppression actions. The examples are data: test/unit/fix-examples.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';
import { FIX_EXAMPLES, NO_FIX } from './fix-examples.mjs';

function workspace(files) {
  const ws = new core.Workspace();
  for (const [path, text] of Object.entries(files)) ws.set(core.pathToUri(path), text);
  return ws;
}

const settingsOf = (example) => core.resolveSettings(example.settings ?? {});
const targetOf = (example) => Object.keys(example.files)[0];

/** Findings of one file. */
function lintTarget(files, target, settings) {
  return core.lintFile(workspace(files), core.pathToUri(target), settings);
}

/** What a workspace reports: rule -> count over every file, and the rules of the linted file. */
function summary(files, target, settings) {
  const ws = workspace(files);
  const all = new Map();
  const here = [];
  for (const path of Object.keys(files)) {
    for (const f of core.lintFile(ws, core.pathToUri(path), settings)) {
      all.set(f.rule, (all.get(f.rule) ?? 0) + 1);
      if (path === target) here.push(f.rule);
    }
  }
  return { all, here };
}

/** The summary of an example as given, computed once. */
const before = new WeakMap();
function summaryBefore(example) {
  if (!before.has(example)) before.set(example, summary(example.files, targetOf(example), settingsOf(example)));
  return before.get(example);
}

/** Examples with the same files and settings (the hardening rules share one) are checked once. */
function distinct(examples) {
  const seen = new Set();
  return examples.filter((e) => {
    const key = JSON.stringify([e.files, e.settings ?? {}]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function applyChanges(files, fix) {
  const out = { ...files };
  for (const change of fix.changes) {
    const path = core.uriToPath(change.uri);
    out[path] = core.applyEdits(change.create ? '' : (files[path] ?? ''), change.edits);
  }
  return out;
}

/**
 * After a fix for `rule`: the linted file has fewer `rule` findings, the workspace at least one
 * fewer (a cross-file finding shown on both ends goes from both), and no rule reports more than before.
 */
function assertFixed(example, after, rule, what) {
  const target = targetOf(example);
  const a = summaryBefore(example);
  const b = summary(after, target, settingsOf(example));
  const count = (list) => list.filter((r) => r === rule).length;
  assert.ok(count(b.here) < count(a.here), `${what}: the ${rule} finding in ${target} should be gone`);
  assert.ok((b.all.get(rule) ?? 0) <= (a.all.get(rule) ?? 0) - 1, `${what}: ${rule} should report less`);
  for (const [r, n] of b.all) if (r !== rule) assert.ok(n <= (a.all.get(r) ?? 0), `${what}: new ${r} finding(s) appeared`);
}

test('every rule has fix examples or a reason for having no fix', () => {
  const ids = [...core.RULES.map((r) => r.id), core.UNUSED_SUPPRESSION];
  const missing = ids.filter((id) => !(id in FIX_EXAMPLES) && !(id in NO_FIX));
  assert.deepEqual(missing, [], 'add examples of their fixes to test/unit/fix-examples.mjs, or list them in NO_FIX with the reason');
  for (const id of [...Object.keys(FIX_EXAMPLES), ...Object.keys(NO_FIX)]) assert.ok(ids.includes(id), `${id} is not a rule`);
  for (const id of Object.keys(NO_FIX)) assert.ok(!(id in FIX_EXAMPLES), `${id} is in both tables`);
});

for (const [rule, examples] of Object.entries(FIX_EXAMPLES)) {
  examples.forEach((example, n) => {
    const name = `${rule} #${n + 1}`;
    const findings = lintTarget(example.files, targetOf(example), settingsOf(example)).filter((f) => f.rule === rule);
    const fixes = findings.flatMap((f) => f.fixes);
    if (fixes.length === 0) {
      test(`${name}: the example has a finding with a fix`, () => assert.fail(findings.length ? `no ${rule} finding carries a fix` : `the example produces no ${rule} finding`));
      return;
    }
    for (const fix of fixes) {
      const todo = example.todo?.[fix.title];
      test(`${name}: '${fix.title}' removes its finding and adds none`, todo ? { todo } : {}, () => assertFixed(example, applyChanges(example.files, fix), rule, `'${fix.title}'`));
    }
  });
}

test('fix all: applies every preferred fix, leaves none behind, and a second run finds nothing to do', () => {
  let checked = 0;
  for (const example of distinct(Object.values(FIX_EXAMPLES).flat())) {
    const target = targetOf(example);
    const settings = settingsOf(example);
    const uri = core.pathToUri(target);
    const ws = workspace(example.files);
    const result = core.fixAll(ws, uri, settings);
    assert.equal(ws.get(uri).text, example.files[target], 'the workspace is left as it was');
    // Fix-all edits the linted file only; fixes that create files are left to the quick fix.
    const preferred = core.lintFile(ws, uri, settings).some((f) => f.fixes.some((x) => x.preferred && x.changes.length === 1 && x.changes[0].uri === uri && !x.changes[0].create));
    assert.equal(result !== undefined, preferred, target);
    if (!result) continue;
    checked++;
    assert.equal(core.applyEdits(example.files[target], result.edits), result.text);
    const after = { ...example.files, [target]: result.text };
    const left = lintTarget(after, target, settings).filter((f) => f.fixes.some((x) => x.preferred && x.changes[0]?.uri === uri && !x.changes[0].create));
    assert.deepEqual(left.map((f) => f.rule), [], `${target}: preferred fixes left after fix all`);
    assert.equal(core.fixAll(workspace(after), uri, settings), undefined);
  }
  assert.ok(checked >= 40, `only ${checked} examples had preferred fixes`);
});

test('fix all needs two passes when fixes touch each other, and returns one edit', () => {
  const path = '/etc/systemd/system/app.service';
  const text = '[Unit]\n# daemonlint-disable-next-line systemd/unknown-directive, systemd/invalid-value\nAfter=network.target\n[Service]\nExecStart=/bin/true\n';
  const result = core.fixAll(workspace({ [path]: text }), core.pathToUri(path), core.resolveSettings({}));
  assert.equal(result.passes, 2);
  assert.equal(result.text, '[Unit]\nAfter=network.target\n[Service]\nExecStart=/bin/true\n');
  assert.deepEqual(result.edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }]);
});

test('suppressing any finding on its line or in its file removes it and reports nothing new', () => {
  let checked = 0;
  for (const example of distinct(Object.values(FIX_EXAMPLES).flat())) {
    const target = targetOf(example);
    const uri = core.pathToUri(target);
    const ws = workspace(example.files);
    const seen = new Set();
    for (const f of core.lintFile(ws, uri, settingsOf(example))) {
      if (seen.has(f.rule)) continue; // one rule twice in a file: the file-wide action covers both
      seen.add(f.rule);
      for (const fix of core.suppressionFixes(ws.get(uri), f)) {
        assertFixed(example, applyChanges(example.files, fix), f.rule, `'${fix.title}' in ${target}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 120, `only ${checked} suppression actions checked`);
});
