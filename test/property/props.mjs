// The properties the core must keep for any input. Shared by the quick run under `npm test`
// (test/property/core.test.mjs) and the long run (`npm run fuzz`, test/fuzz/run.mjs).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { core } from '../helpers.mjs';
import { positionsArb, randomText, textOf, workspaceArb } from './gen.mjs';

const DIALECTS = ['stunnel', 'systemd-unit', 'limits-conf'];
const RULE_IDS = new Set(core.RULES.map((r) => r.id));
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);
/** Fixes tried per generated workspace, so one case stays cheap. */
const MAX_FIXES_PER_CASE = 4;
/** Rounds of fix-all over every file of a workspace (each round runs the product's multi-pass fix-all per file). */
const MAX_FIX_ALL_ROUNDS = 4;

// ---- helpers -------------------------------------------------------------------------------

/** Line starts as LSP counts lines: \n, \r\n and a lone \r end a line. */
export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function lineLength(text, starts, line) {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end - starts[line];
}

const before = (p, q) => p.line < q.line || (p.line === q.line && p.character < q.character);

const startsCache = { text: undefined, starts: undefined };
function cachedStarts(text) {
  if (startsCache.text !== text) Object.assign(startsCache, { text, starts: lineStarts(text) });
  return startsCache.starts;
}

/** Asserts that `range` is a well-formed range inside `text`. */
export function assertRangeInside(text, range, what) {
  const starts = cachedStarts(text);
  for (const p of [range?.start, range?.end]) {
    assert.ok(p && Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: malformed range ${JSON.stringify(range)}`);
    assert.ok(p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} outside 0..${starts.length - 1} in ${JSON.stringify(range)}`);
    const len = lineLength(text, starts, p.line);
    assert.ok(p.character >= 0 && p.character <= len, `${what}: character ${p.character} outside 0..${len} on line ${p.line}`);
  }
  assert.ok(!before(range.end, range.start), `${what}: range ends before it starts ${JSON.stringify(range)}`);
}

function assertSpanInside(text, span, what) {
  assert.ok(span && Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: malformed span ${JSON.stringify(span)}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: span ${span.start}..${span.end} outside 0..${text.length}`);
}

export function buildWorkspace({ files, imageRoots }) {
  const ws = new core.Workspace([], imageRoots);
  for (const [path, text] of Object.entries(files)) ws.set(core.pathToUri(path), text);
  return ws;
}

export function lintAll(ws, settings) {
  const out = new Map();
  for (const uri of ws.uris().sort()) out.set(uri, core.lintFile(ws, uri, settings));
  return out;
}

function applyEdits(text, edits) {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), edits);
}

/** The workspace's files after a fix: every change applied to its file, created files added. */
export function applyFix(state, fix) {
  const files = { ...state.files };
  for (const c of fix.changes) {
    const path = core.uriToPath(c.uri);
    const text = files[path] ?? (c.create ? '' : undefined);
    assert.ok(text !== undefined, `fix '${fix.title}' edits ${c.uri}, which is not in the workspace`);
    files[path] = applyEdits(text, c.edits);
  }
  return { ...state, files };
}

function multiset(items) {
  const m = new Map();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

function errorsOf(results) {
  const out = [];
  for (const [uri, list] of results) for (const f of list) if (f.severity === 'error') out.push(`${core.uriToPath(uri)}: ${f.rule}: ${f.message}`);
  return out;
}

/** The offset of a position; a character past the end of its line stops at the line's end. */
function offsetOf(text, starts, p) {
  return starts[p.line] + Math.min(p.character, lineLength(text, starts, p.line));
}

/**
 * Errors in `after` that `before` did not have and that point at text the change wrote. An error
 * on text that was already in the file is one the change revealed (a key corrected, so its value
 * is now checked), not one it made.
 */
function newErrors(beforeResults, afterResults, beforeFiles, afterFiles, { exemptLine, onlyRules } = {}) {
  const left = multiset(errorsOf(beforeResults));
  // Lines that already had a syntax error: a fix that repairs one fault of such a line (a second
  // byte-order mark) can let the parser see the next one, with a different message.
  const brokenBefore = new Set();
  for (const [uri, list] of beforeResults) for (const f of list) if (f.rule.endsWith('/syntax-error')) brokenBefore.add(`${core.uriToPath(uri)}:${f.range.start.line}`);
  // Findings about a whole file (an empty range at its start) that the file already had: a fix can
  // change what the message says is missing (a unit that gained ExecStop= but still has no ExecStart=).
  const wholeFile = (f) => f.range.start.line === 0 && f.range.start.character === 0 && f.range.end.line === 0 && f.range.end.character === 0;
  const fileLevelBefore = new Set();
  for (const [uri, list] of beforeResults) for (const f of list) if (f.severity === 'error' && wholeFile(f)) fileLevelBefore.add(`${core.uriToPath(uri)}: ${f.rule}`);
  const out = [];
  for (const [uri, list] of afterResults) {
    const path = core.uriToPath(uri);
    const text = afterFiles[path];
    const starts = lineStarts(text);
    for (const f of list) {
      if (f.severity !== 'error') continue;
      if (onlyRules && !onlyRules(f.rule)) continue;
      const key = `${path}: ${f.rule}: ${f.message}`;
      if ((left.get(key) ?? 0) > 0) {
        left.set(key, left.get(key) - 1);
        continue;
      }
      if (wholeFile(f) && fileLevelBefore.has(`${path}: ${f.rule}`)) continue;
      if (f.rule.endsWith('/syntax-error') && brokenBefore.has(`${path}:${f.range.start.line}`)) {
        const line = (t) => t.split(/\r\n|\n|\r/)[f.range.start.line] ?? '';
        if (beforeFiles[path] !== undefined && line(beforeFiles[path]).includes(line(text))) continue;
      }
      let flagged = text.slice(offsetOf(text, starts, f.range.start), offsetOf(text, starts, f.range.end));
      // An empty range stands for its line.
      if (!flagged.trim()) flagged = text.slice(starts[f.range.start.line], offsetOf(text, starts, { line: f.range.start.line, character: Infinity })).trim();
      const old = beforeFiles[path];
      if (flagged && old !== undefined && old.includes(flagged)) continue;
      // A corrected key makes its line mean something: what is wrong with its value now shows.
      if (exemptLine && exemptLine.uri === uri && f.range.start.line === exemptLine.line && !f.rule.endsWith('/syntax-error')) continue;
      // A finding on a section header the change wrote is about the section's content, which was there before.
      if (/^\s*\[[^\]]+\]\s*$/.test(flagged)) continue;
      out.push(`${key} [on '${flagged}']`);
    }
  }
  return out;
}

const settingsArb = fc
  .record({ security: fc.boolean(), expectedConnections: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: null }) })
  .map((s) => core.resolveSettings(s));

const caseArb = fc.tuple(workspaceArb, settingsArb).map(([w, settings]) => ({ ...w, settings }));

const show = (state) => JSON.stringify(state.files);

/**
 * Bugs the properties found that are not fixed yet, each with a todo test of its own in
 * known-issues.test.mjs. Cases they cover are left out of the check they fail, so the runs go on
 * finding new problems. Remove an entry when its todo test passes.
 */
export const KNOWN_ISSUES = {
};

// ---- the properties -----------------------------------------------------------------------

function checkParse(text, dialect) {
  const doc = core.parse('file:///fuzz/x', text, dialect);
  const what = `${dialect} parse`;
  assert.equal(doc.text, text);
  assert.equal(doc.sections[0].name, null, `${what}: sections[0] is the part before the first header`);
  const lines = doc.index.lineCount;
  for (const s of doc.sections) {
    assertSpanInside(text, s.span, `${what} section span`);
    if (s.headerSpan) assertSpanInside(text, s.headerSpan, `${what} header span`);
    if (s.nameSpan) {
      assertSpanInside(text, s.nameSpan, `${what} section name span`);
      assert.equal(text.slice(s.nameSpan.start, s.nameSpan.end), s.name, `${what}: the name span holds the name`);
    }
    for (const e of s.entries) {
      assertSpanInside(text, e.keySpan, `${what} key span`);
      assertSpanInside(text, e.valueSpan, `${what} value span`);
      assertSpanInside(text, e.span, `${what} entry span`);
      assert.equal(text.slice(e.keySpan.start, e.keySpan.end), e.key, `${what}: the key span holds the key`);
      assert.equal(text[e.equalsOffset], '=', `${what}: equalsOffset points at '='`);
      assert.ok(e.line >= 0 && e.line <= e.endLine && e.endLine < lines, `${what}: entry lines ${e.line}..${e.endLine} of ${lines}`);
      assert.equal(e.section, s);
      let covered = 0;
      for (const p of e.pieces) {
        assertSpanInside(text, { start: p.docStart, end: p.docStart + p.length }, `${what} value piece`);
        assert.equal(text.slice(p.docStart, p.docStart + p.length), e.value.slice(p.valueStart, p.valueStart + p.length), `${what}: a value piece holds its part of the value`);
        assert.ok(p.valueStart >= covered, `${what}: value pieces in order`);
        covered = p.valueStart + p.length;
      }
      assert.ok(covered <= e.value.length, `${what}: value pieces inside the value`);
      // Every sub-range of the value maps into the document.
      const sub = core.valueSubSpan ? core.valueSubSpan(e, 0, e.value.length) : undefined;
      if (sub) assertSpanInside(text, sub, `${what} valueSubSpan`);
    }
  }
  for (const c of doc.comments) assertSpanInside(text, c.span, `${what} comment span`);
  for (const i of doc.issues) {
    assertSpanInside(text, i.span, `${what} issue span`);
    assert.ok(SEVERITIES.has(i.severity) && i.message.length > 0);
  }
  for (const l of doc.limits) {
    assertSpanInside(text, l.span, `${what} limits line span`);
    for (const k of ['domain', 'type', 'item', 'value']) {
      assertSpanInside(text, l.spans[k], `${what} limits ${k} span`);
      assert.equal(text.slice(l.spans[k].start, l.spans[k].end), l[k]);
    }
  }
}

function checkFinding(state, ws, f) {
  const text = state.files[core.uriToPath(f.uri)];
  const where = `${f.rule} in ${core.uriToPath(f.uri)}`;
  assert.notEqual(f.rule, 'daemonlint/internal-error', `a rule threw: ${f.message}`);
  assert.ok(RULE_IDS.has(f.rule) || f.rule.startsWith('daemonlint/'), `unregistered rule id ${f.rule}`);
  assert.ok(SEVERITIES.has(f.severity), `${where}: severity ${f.severity}`);
  assert.ok(typeof f.message === 'string' && f.message.trim().length > 0, `${where}: empty message`);
  assertRangeInside(text, f.range, where);
  for (const r of f.related) {
    const other = state.files[core.uriToPath(r.uri)];
    assert.ok(other !== undefined, `${where}: related information points at ${r.uri}, not in the workspace`);
    assertRangeInside(other, r.range, `${where} related`);
  }
  for (const fix of f.fixes) {
    assert.ok(typeof fix.title === 'string' && fix.title.length > 0, `${where}: a fix without a title`);
    assert.ok(fix.changes.length > 0, `${where}: fix '${fix.title}' changes nothing`);
    for (const c of fix.changes) {
      const target = state.files[core.uriToPath(c.uri)] ?? (c.create ? '' : undefined);
      assert.ok(target !== undefined, `${where}: fix '${fix.title}' edits a file that is not there`);
      for (const e of c.edits) assertRangeInside(target, e.range, `${where} fix '${fix.title}' edit`);
      // Overlapping edits make TextDocument.applyEdits throw.
      applyEdits(target, c.edits);
    }
  }
  assert.ok(ws.has(f.uri));
}

function maybeFormat() {
  return typeof core.format === 'function' ? core.format : undefined;
}

function formatTodo() {
  return maybeFormat() ? undefined : 'the core facade does not export format() yet';
}

/** The formatted text, whether the core's format returns a string or edits. */
export function formatText(text, dialect) {
  const doc = core.parse('file:///fuzz/x', text, dialect);
  const r = core.format(doc);
  return typeof r === 'string' ? r : applyEdits(text, r ?? []);
}

/** `weight`: the share of a long fuzz run each property gets (cheap properties get more runs). */
export const PROPERTIES = [
  {
    name: 'parsers accept any text in every dialect, and every span lies inside it',
    weight: 40,
    arbitrary: fc.oneof(textOf('systemd-unit'), textOf('stunnel'), textOf('limits-conf'), randomText),
    check(text) {
      for (const d of DIALECTS) checkParse(text, d);
    },
  },
  {
    name: 'every rule runs on any workspace without throwing, and every range lies inside its file',
    weight: 12,
    arbitrary: caseArb,
    check(state) {
      const ws = buildWorkspace(state);
      for (const [, list] of lintAll(ws, state.settings)) for (const f of list) checkFinding(state, ws, f);
    },
  },
  {
    name: 'every fix removes its finding and introduces no error',
    weight: 6,
    arbitrary: caseArb,
    check(state) {
      const results = lintAll(buildWorkspace(state), state.settings);
      let tried = 0;
      for (const [uri, list] of results) {
        for (const f of list) {
          for (const fix of f.fixes) {
            if (tried++ >= MAX_FIXES_PER_CASE) return;
            const next = applyFix(state, fix);
            const after = lintAll(buildWorkspace(next), state.settings);
            const same = (x) => x.rule === f.rule && x.message === f.message;
            const n0 = list.filter(same).length;
            const n1 = (after.get(uri) ?? []).filter(same).length;
            const context = `fix '${fix.title}' for ${f.rule} (${f.message}) in ${show(state)}`;
            assert.ok(n1 < n0, `finding still there after ${context}`);
            // Offered no more often than before: applying it once is enough.
            const offered = (res) => (res.get(uri) ?? []).filter((x) => x.rule === f.rule).flatMap((x) => x.fixes).filter((x) => x.title === fix.title).length;
            // Except where the fix made it safe for a twin finding (the same message) that went without it
            // before: of two sslVersion = SSLv3 in one service, the second gets the rewrite once the first has it.
            const lacking = list.filter((x) => x.rule === f.rule && x.message === f.message && !x.fixes.some((y) => y.title === fix.title)).length;
            const gained = Math.min(lacking, (after.get(uri) ?? []).filter((x) => x.rule === f.rule && x.message === f.message && x.fixes.some((y) => y.title === fix.title)).length);
            assert.ok(offered(after) - gained < offered(results), `the same fix is still offered as often after ${context}`);
            // A rename of the flagged key (a typo fix) reveals its line; other errors must not appear.
            const edit = fix.changes.length === 1 && fix.changes[0].uri === uri && fix.changes[0].edits.length === 1 ? fix.changes[0].edits[0] : undefined;
            const rename = edit && JSON.stringify(edit.range) === JSON.stringify(f.range) && !/\s/.test(edit.newText) ? { uri, line: f.range.start.line } : undefined;
            assert.deepEqual(newErrors(results, after, state.files, next.files, { exemptLine: rename }), [], `new errors after ${context}`);
          }
        }
      }
    },
  },
  {
    name: 'fix-all reaches a fixed point without cycling, and breaks no line',
    weight: 4,
    arbitrary: caseArb,
    check(state) {
      const first = lintAll(buildWorkspace(state), state.settings);
      const seen = new Set([show(state)]);
      let cur = state;
      for (let round = 0; ; round++) {
        // The product's fix-all (several passes per file), over every file of the workspace.
        const ws = buildWorkspace(cur);
        const files = { ...cur.files };
        for (const uri of ws.uris().sort()) {
          const r = core.fixAll(ws, uri, state.settings);
          if (r) files[core.uriToPath(uri)] = r.text;
        }
        const next = { ...cur, files };
        if (show(next) === show(cur)) {
          // Fixes applied together can reveal each other's lines; syntax errors and rule failures must never appear.
          const broken = (rule) => rule.endsWith('/syntax-error') || rule === 'daemonlint/internal-error';
          assert.deepEqual(newErrors(first, lintAll(ws, state.settings), state.files, cur.files, { onlyRules: broken }), [], `fix-all made lines unreadable in ${show(state)}`);
          return;
        }
        assert.ok(!seen.has(show(next)), `fix-all cycles: ${show(state)} comes back to ${show(next)}`);
        seen.add(show(next));
        // A fix in one file can make another file's fix possible; more rounds than that is a loop.
        assert.ok(round < MAX_FIX_ALL_ROUNDS, `fix-all still changes the files after ${round + 1} rounds: ${show(state)} -> ${show(next)}`);
        cur = next;
      }
    },
  },
  {
    name: 'hover, completion and code actions answer at any position without throwing',
    weight: 8,
    arbitrary: fc.tuple(caseArb, positionsArb),
    check([state, positions]) {
      const ws = buildWorkspace(state);
      for (const uri of ws.uris()) {
        const doc = ws.get(uri);
        const text = doc.text; // the analysed text ('' for refused input)
        const findings = core.lintFile(ws, uri, state.settings);
        const starts = lineStarts(text);
        for (const pos of positions) {
          const inside = pos.line >= 0 && pos.line < starts.length && pos.character >= 0;
          const h = core.hover(doc, pos);
          if (h !== undefined && h !== null) {
            assert.ok(typeof h.markdown === 'string' && h.markdown.length > 0, 'hover without text');
            assertRangeInside(text, h.range, 'hover range');
            if (inside) {
              const clamped = { line: pos.line, character: Math.min(pos.character, lineLength(text, starts, pos.line)) };
              assert.ok(!before(clamped, h.range.start) && !before(h.range.end, clamped), `hover range ${JSON.stringify(h.range)} does not contain ${JSON.stringify(pos)}`);
            }
          }
          const items = core.complete(doc, pos);
          assert.ok(Array.isArray(items));
          for (const c of items) {
            assert.ok(typeof c.label === 'string' && typeof c.insertText === 'string');
            assertRangeInside(text, c.range, `completion '${c.label}' range`);
            if (inside) assert.ok(c.range.start.line === pos.line && c.range.end.line === pos.line, `completion '${c.label}' at ${JSON.stringify(pos)} replaces ${JSON.stringify(c.range)}, beyond the cursor's line`);
          }
          const end = positions[(positions.indexOf(pos) + 1) % positions.length];
          const range = before(end, pos) ? { start: end, end: pos } : { start: pos, end };
          for (const a of core.codeActions(findings, range)) {
            assert.ok(findings.includes(a.finding) && a.finding.fixes.includes(a.fix), 'a code action offers a fix no finding carries');
          }
        }
      }
    },
  },
  {
    name: 'formatting is idempotent and keeps every non-whitespace character in order',
    weight: 15,
    todo: formatTodo(),
    arbitrary: fc.tuple(fc.constantFrom(...DIALECTS), fc.oneof(textOf('systemd-unit'), textOf('stunnel'), textOf('limits-conf'))),
    check([dialect, text]) {
      const once = formatText(text, dialect);
      assert.equal(once.replace(/\s/g, ''), text.replace(/\s/g, ''), 'formatting changed a non-whitespace character');
      assert.equal(formatText(once, dialect), once, 'formatting twice differs from formatting once');
    },
  },
  {
    name: 'formatting keeps what the program reads: the same sections, keys, values and limits lines',
    weight: 15,
    todo: formatTodo(),
    arbitrary: fc.tuple(fc.constantFrom(...DIALECTS), fc.oneof(textOf('systemd-unit'), textOf('stunnel'), textOf('limits-conf'))),
    check([dialect, text]) {
      const read = (t) => {
        const doc = core.parse('file:///fuzz/x', t, dialect);
        return {
          sections: doc.sections.map((s) => [s.name, s.entries.map((e) => [e.key, e.value])]),
          limits: doc.limits.map((l) => [l.domain, l.type, l.item, l.value]),
        };
      };
      assert.deepEqual(read(formatText(text, dialect)), read(text), `formatting changed the meaning of ${JSON.stringify(text)}`);
    },
  },
];
