// Every fix of every rule: apply it, lint again, and check that its finding is gone and that
// nothing new appeared. Then the same for "fix all" and for the suppression actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';
import { FIX_EXAMPLES, NO_FIX } from './fix-examples.mjs';

const SETTINGS = core.resolveSettings({});

function workspace(files) {
  const ws = new core.Workspace();
  for (const [path, text] of Object.entries(files)) ws.set(core.pathToUri(path), text);
  return ws;
}

/** Findings of every file in the workspace, as "rule" -> count. */
function counts(files) {
  const ws = workspace(files);
  const out = new Map();
  for (const path of Object.keys(files)) {
    for (const f of core.lintFile(ws, core.pathToUri(path), SETTINGS)) out.set(f.rule, (out.get(f.rule) ?? 0) + 1);
  }
  return out;
}

function applyChanges(files, fix) {
  const out = { ...files };
  for (const change of fix.changes) {
    const path = core.uriToPath(change.uri);
    out[path] = core.applyEdits(change.create ? '' : (files[path] ?? ''), change.edits);
  }
  return out;
}

/** After a fix for `rule`: one finding of `rule` fewer, and no rule reports more than before. */
function assertFixed(before, after, rule, what) {
  const a = counts(before);
  const b = counts(after);
  // A cross-file rule reports one problem on both files (a unit and the config it starts); one fix clears both.
  assert.ok((b.get(rule) ?? 0) < (a.get(rule) ?? 0), `${what}: the ${rule} finding should be gone`);
  for (const [r, n] of b) assert.ok(n <= (a.get(r) ?? 0) || r === rule, `${what}: new ${r} finding(s) appeared`);
}

test('every rule has fix examples or a reason for having no fix', () => {
  const ids = [...core.RULES.map((r) => r.id), core.UNUSED_SUPPRESSION];
  for (const id of ids) {
    assert.ok(id in FIX_EXAMPLES || id in NO_FIX, `${id}: add examples to test/unit/fix-examples.mjs, or list it in NO_FIX with the reason`);
  }
  for (const id of [...Object.keys(FIX_EXAMPLES), ...Object.keys(NO_FIX)]) assert.ok(ids.includes(id), `${id} is not a rule`);
});

for (const [rule, examples] of Object.entries(FIX_EXAMPLES)) {
  examples.forEach((example, n) => {
    test(`${rule} #${n + 1}: each fix removes its finding and adds none`, () => {
      const target = Object.keys(example.files)[0];
      const ws = workspace(example.files);
      const findings = core.lintFile(ws, core.pathToUri(target), SETTINGS).filter((f) => f.rule === rule);
      assert.ok(findings.length > 0, `the example produces no ${rule} finding`);
      const fixes = findings.flatMap((f) => f.fixes.map((fix) => ({ fix, f })));
      assert.ok(fixes.length > 0, `no ${rule} finding of the example carries a fix`);
      for (const { fix } of fixes) assertFixed(example.files, applyChanges(example.files, fix), rule, `'${fix.title}'`);
    });
  });
}

test('fix all: applies every preferred fix, lints clean of them, and a second run finds nothing to do', () => {
  let checked = 0;
  for (const examples of Object.values(FIX_EXAMPLES)) {
    for (const example of examples) {
      const target = Object.keys(example.files)[0];
      const uri = core.pathToUri(target);
      const ws = workspace(example.files);
      const result = core.fixAll(ws, uri, SETTINGS);
      // The workspace is left as it was.
      assert.equal(ws.get(uri).text, example.files[target]);
      // Fix all edits this file only: fixes that create another file (a drop-in) are left to the CLI's --fix.
      const inFile = (f) => f.fixes.some((x) => x.preferred && x.changes.every((c) => c.uri === uri && !c.create));
      const hasPreferred = core.lintFile(ws, uri, SETTINGS).some(inFile);
      assert.equal(result !== undefined, hasPreferred, target);
      if (!result) continue;
      checked++;
      assert.equal(core.applyEdits(example.files[target], result.edits), result.text);
      const after = workspace({ ...example.files, [target]: result.text });
      const left = core.lintFile(after, uri, SETTINGS);
      assert.deepEqual(left.filter(inFile).map((f) => f.rule), [], target);
      const before = counts(example.files);
      for (const [r, n] of counts({ ...example.files, [target]: result.text })) assert.ok(n <= (before.get(r) ?? 0), `fix all added ${r}`);
      assert.equal(core.fixAll(after, uri, SETTINGS), undefined);
    }
  }
  assert.ok(checked >= 10, `only ${checked} examples had preferred fixes`);
});

test('fix all needs two passes when fixes touch each other, and returns one edit', () => {
  const path = '/etc/systemd/system/app.service';
  const text = '[Unit]\n# daemonlint-disable-next-line systemd/unknown-directive, systemd/invalid-value\nAfter=network.target\n[Service]\nExecStart=/bin/true\n';
  const ws = workspace({ [path]: text });
  const result = core.fixAll(ws, core.pathToUri(path), SETTINGS);
  assert.equal(result.passes, 2);
  assert.equal(result.text, '[Unit]\nAfter=network.target\n[Service]\nExecStart=/bin/true\n');
  assert.deepEqual(result.edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }]);
});

test('suppressing any finding on its line or in its file removes it and reports nothing new', () => {
  let checked = 0;
  for (const examples of Object.values(FIX_EXAMPLES)) {
    for (const example of examples) {
      const target = Object.keys(example.files)[0];
      const uri = core.pathToUri(target);
      const ws = workspace(example.files);
      for (const f of core.lintFile(ws, uri, SETTINGS)) {
        for (const fix of core.suppressionFixes(ws.get(uri), f)) {
          assertFixed(example.files, applyChanges(example.files, fix), f.rule, `'${fix.title}' in ${target}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked >= 30, `only ${checked} suppression actions checked`);
});
