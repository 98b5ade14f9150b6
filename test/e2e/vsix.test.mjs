// The VSIX that `npm run package` builds: only the files the extension runs or shows, every file
// package.json points at, every rule page the diagnostics link to, and a manifest VS Code 1.100 accepts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import { ROOT, VSIX, requireFile } from './lib/paths.mjs';

/** Entries of a zip file from its central directory: name -> {method, compressed size, offset}. */
function zipEntries(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    entries.set(buf.toString('utf8', p + 46, p + 46 + nameLen), { method, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readEntry(buf, { method, size, offset }) {
  const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  const data = buf.subarray(start, start + size);
  return method === 8 ? inflateRawSync(data) : data;
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);

const zip = readFileSync(requireFile(VSIX, 'run `npm run package`'));
const entries = zipEntries(zip);
const names = [...entries.keys()].sort();
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the VSIX holds only the runtime files', () => {
  const allowed = [
    /^extension\.vsixmanifest$/,
    /^\[Content_Types\]\.xml$/,
    /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
    /^extension\/dist\/(client|server|cli|core)\.js$/,
    /^extension\/syntaxes\/[\w-]+\.tmLanguage\.json$/,
    /^extension\/snippets\/[\w-]+\.json$/,
    /^extension\/language-configuration\/[\w-]+\.json$/,
    /^extension\/docs\/rules\/[\w-]+\/[\w-]+\.md$/,
    /^extension\/images\/icon\.png$/,
  ];
  const stray = names.filter((n) => !allowed.some((re) => re.test(n)));
  assert.deepEqual(stray, [], 'files that do not belong in the VSIX');
  assert.ok(!names.some((n) => /\.map$|\.ts$|node_modules|\/test\/|\/src\//.test(n)));
});

test('the VSIX has the entry points, README, LICENSE, CHANGELOG and icon', () => {
  // dist/core.js: the server loads the rules and knowledge from it after answering initialize.
  for (const n of ['dist/client.js', 'dist/server.js', 'dist/core.js', 'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'images/icon.png']) {
    assert.ok(entries.has(`extension/${n}`), n);
  }
  const icon = readEntry(zip, entries.get('extension/images/icon.png'));
  assert.deepEqual([...icon.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
});

test('every path package.json contributes is packaged', () => {
  const c = pkg.contributes;
  const paths = [
    pkg.main, pkg.icon,
    ...c.languages.map((l) => l.configuration).filter(Boolean),
    ...c.grammars.map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path),
  ].map((p) => `extension/${path.posix.normalize(p)}`);
  for (const p of paths) assert.ok(entries.has(p), `${p} missing`);
});

test('every rule page the diagnostics link to is packaged next to dist/', () => {
  const docs = path.join(ROOT, 'docs', 'rules');
  const pages = walk(docs).filter((f) => f.endsWith('.md')).map((f) => `extension/docs/rules/${path.relative(docs, f).split(path.sep).join('/')}`);
  assert.ok(pages.length > 0);
  for (const p of pages) assert.ok(entries.has(p), `${p} missing`);
});

test('the packaged manifest targets VS Code 1.100 or older', () => {
  const manifest = JSON.parse(readEntry(zip, entries.get('extension/package.json')).toString('utf8'));
  assert.equal(manifest.name, 'daemonlint');
  assert.equal(manifest.version, pkg.version);
  const m = /^\^?(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
  assert.ok(m && Number(m[1]) === 1 && Number(m[2]) <= 100, manifest.engines.vscode);
  assert.equal(path.basename(VSIX), `daemonlint-${pkg.version}.vsix`);
});
