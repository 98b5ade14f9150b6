// Outline, folding and links, with exact ranges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const r = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

function doc(path, text, others = {}) {
  const ws = new core.Workspace([], others.imageRoots ?? []);
  for (const [p, t] of Object.entries({ [path]: text, ...(others.files ?? {}) })) ws.set(core.pathToUri(p), t);
  return { ws, doc: ws.get(core.pathToUri(path)) };
}

/** Symbols as [name, kind, detail, range, selectionRange, children]. */
const flat = (syms) => syms.map((s) => [s.name, s.kind, s.detail, s.range, s.selectionRange, flat(s.children)]);

test('unit symbols: sections with their keys', () => {
  const { doc: d } = doc('/u/app.service', '[Unit]\nDescription=A very long description that goes on and on and on past sixty chars\n\n[Service]\nExecStart=/bin/foo \\\n  --bar\n');
  assert.deepEqual(flat(core.documentSymbols(d)), [
    ['[Unit]', 'section', undefined, r(0, 0, 1, 79), r(0, 1, 0, 5), [['Description', 'key', 'A very long description that goes on and on and on past six…', r(1, 0, 1, 79), r(1, 0, 1, 11), []]]],
    ['[Service]', 'section', undefined, r(3, 0, 5, 7), r(3, 1, 3, 8), [['ExecStart', 'key', '/bin/foo    --bar', r(4, 0, 5, 7), r(4, 0, 4, 9), []]]],
  ]);
});

test('stunnel symbols: global options, then services with where they listen and forward', () => {
  const { doc: d } = doc('/etc/stunnel/stunnel.conf', 'pid = /run/s.pid\n[web]\naccept = 443\nconnect = 80\n[exec]\nexec = /bin/x\n[empty]\n');
  assert.deepEqual(flat(core.documentSymbols(d)), [
    ['global options', 'global', undefined, r(0, 0, 0, 16), r(0, 0, 0, 3), [['pid', 'key', '/run/s.pid', r(0, 0, 0, 16), r(0, 0, 0, 3), []]]],
    ['[web]', 'service', '443 → 80', r(1, 0, 3, 12), r(1, 1, 1, 4), [['accept', 'key', '443', r(2, 0, 2, 12), r(2, 0, 2, 6), []], ['connect', 'key', '80', r(3, 0, 3, 12), r(3, 0, 3, 7), []]]],
    ['[exec]', 'service', '→ /bin/x', r(4, 0, 5, 13), r(4, 1, 4, 5), [['exec', 'key', '/bin/x', r(5, 0, 5, 13), r(5, 0, 5, 4), []]]],
    ['[empty]', 'service', undefined, r(6, 0, 6, 7), r(6, 1, 6, 6), []],
  ]);
});

test('limits.conf symbols: one per line', () => {
  const { doc: d } = doc('/etc/security/limits.conf', '# c\n@web  soft  nofile  4096\n');
  assert.deepEqual(flat(core.documentSymbols(d)), [['@web soft nofile', 'limit', '4096', r(1, 0, 1, 24), r(1, 0, 1, 18), []]]);
});

test('folding: sections, continued entries, comment blocks and regions', () => {
  const text = ['# one', '# two', '[Unit]', 'Description=x', '', '# region hardening', '[Service]', 'ExecStart=/bin/a \\', '  b', '# endregion', '; lone'].join('\n');
  const { doc: d } = doc('/u/app.service', text);
  assert.deepEqual(core.foldingRanges(d), [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 2, endLine: 3 },
    { startLine: 5, endLine: 9, kind: 'region' },
    { startLine: 6, endLine: 8 },
    { startLine: 7, endLine: 8 },
  ]);
});

test('links: Documentation= man pages and URLs', () => {
  const { doc: d } = doc('/u/app.service', '[Unit]\nDocumentation=man:stunnel(8) https://www.stunnel.org/ man:systemd.exec(5) info:x man:bad\n');
  assert.deepEqual(core.documentLinks(d), [
    { range: r(1, 14, 1, 28), target: 'https://man7.org/linux/man-pages/man8/stunnel.8.html', tooltip: 'Open the manual page stunnel(8)' },
    { range: r(1, 29, 1, 53), target: 'https://www.stunnel.org/', tooltip: 'Open https://www.stunnel.org/' },
    { range: r(1, 54, 1, 73), target: 'https://man7.org/linux/man-pages/man5/systemd.exec.5.html', tooltip: 'Open the manual page systemd.exec(5)' },
  ]);
  assert.equal(core.manPageUrl('man:pthread_create(3p)'), 'https://man7.org/linux/man-pages/man3/pthread_create.3p.html');
});

test('links: stunnel include folder and absolute file options; relative paths are not linked', () => {
  const { doc: d } = doc('/etc/stunnel/stunnel.conf', 'include = /etc/stunnel/conf.d\n[a]\ncert = /etc/ssl/a.pem\nkey = a.key\nexec = /bin/x\n');
  assert.deepEqual(core.documentLinks(d), [
    { range: r(0, 10, 0, 29), target: 'file:///etc/stunnel/conf.d', tooltip: 'Open the folder /etc/stunnel/conf.d (include)' },
    { range: r(2, 7, 2, 21), target: 'file:///etc/ssl/a.pem', tooltip: 'Open the file /etc/ssl/a.pem (cert)' },
  ]);
});

test('links: the config an ExecStart= hands to stunnel, found in the workspace or under an image root', () => {
  const unit = '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/web.conf\nExecStartPre=/usr/bin/stunnel /etc/x.conf\n';
  const found = doc('/ws/units/web.service', unit, { files: { '/ws/stunnel/web.conf': 'foreground = yes\n' } });
  assert.deepEqual(core.documentLinks(found.doc, found.ws), [{ range: r(1, 27, 1, 48), target: 'file:///ws/stunnel/web.conf', tooltip: 'Open the stunnel config /etc/stunnel/web.conf' }]);
  const image = doc('/img/etc/systemd/system/web.service', unit, { imageRoots: ['/img'] });
  assert.equal(core.documentLinks(image.doc, image.ws)[0].target, 'file:///img/etc/stunnel/web.conf');
  assert.deepEqual(core.documentLinks(doc('/u/x@.service', '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/%i.conf\n').doc), []);
});
