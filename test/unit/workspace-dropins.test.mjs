// Workspace.dropInsFor finds drop-ins through an index by folder name; the index must follow
// files that are added, deleted or given another dialect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, core, lint } from '../helpers.mjs';

const u = (p) => core.pathToUri(p);
const names = (docs) => docs.map((d) => core.uriToPath(d.uri));

test('drop-ins of an instance come from its own, its template and its type folder, in file-name order', () => {
  const ws = new core.Workspace();
  ws.set(u('/etc/systemd/system/web@a.service'), '[Service]\nExecStart=/bin/true\n');
  ws.set(u('/etc/systemd/system/web@a.service.d/20-own.conf'), '[Service]\n');
  ws.set(u('/etc/systemd/system/web@.service.d/10-template.conf'), '[Service]\n');
  ws.set(u('/lib/systemd/system/service.d/30-type.conf'), '[Service]\n', 1, 'systemd-unit');
  ws.set(u('/etc/systemd/system/other.service.d/05-other.conf'), '[Service]\n');
  ws.set(u('/etc/systemd/system/web@a.service.d/notes.txt'), 'x');
  assert.deepEqual(names(ws.dropInsFor('web@a.service')), [
    '/etc/systemd/system/web@.service.d/10-template.conf',
    '/etc/systemd/system/web@a.service.d/20-own.conf',
    '/lib/systemd/system/service.d/30-type.conf',
  ]);
});

test('a deleted drop-in, or one opened as another language, is no longer applied', () => {
  const ws = new core.Workspace();
  ws.set(u('/etc/systemd/system/x.service'), '[Service]\nExecStart=/bin/true\n');
  ws.set(u('/etc/systemd/system/x.service.d/a.conf'), '[Service]\n');
  ws.set(u('/etc/systemd/system/x.service.d/b.conf'), '[Service]\n');
  assert.deepEqual(names(ws.dropInsFor('x.service')), ['/etc/systemd/system/x.service.d/a.conf', '/etc/systemd/system/x.service.d/b.conf']);
  ws.delete(u('/etc/systemd/system/x.service.d/a.conf'));
  assert.deepEqual(names(ws.dropInsFor('x.service')), ['/etc/systemd/system/x.service.d/b.conf']);
  ws.set(u('/etc/systemd/system/x.service.d/b.conf'), 'foo = bar\n', 2, 'stunnel');
  assert.deepEqual(names(ws.dropInsFor('x.service')), []);
  ws.set(u('/etc/systemd/system/x.service.d/b.conf'), '[Service]\n', 3, 'systemd-unit');
  assert.deepEqual(names(ws.dropInsFor('x.service')), ['/etc/systemd/system/x.service.d/b.conf']);
});

test('the drop-in under /etc hides the vendor one of the same name', () => {
  const ws = new core.Workspace();
  ws.set(u('/lib/systemd/system/y.service.d/limits.conf'), '[Service]\nLimitNOFILE=1\n');
  ws.set(u('/etc/systemd/system/y.service.d/limits.conf'), '[Service]\nLimitNOFILE=2\n');
  assert.deepEqual(names(ws.dropInsFor('y.service')), ['/etc/systemd/system/y.service.d/limits.conf']);
});

test('prefix folders (foo-.service.d) apply to foo-bar.service, and names sort byte by byte as systemd does', () => {
  const ws = new core.Workspace();
  ws.set(u('/etc/systemd/system/foo-bar.service'), '[Service]\nExecStart=/bin/true\n');
  ws.set(u('/etc/systemd/system/foo-.service.d/a.conf'), '[Service]\n');
  ws.set(u('/etc/systemd/system/foo-bar.service.d/B.conf'), '[Service]\n');
  ws.set(u('/etc/systemd/system/fo-.service.d/c.conf'), '[Service]\n');
  assert.deepEqual(names(ws.dropInsFor('foo-bar.service')), ['/etc/systemd/system/foo-bar.service.d/B.conf', '/etc/systemd/system/foo-.service.d/a.conf']);
});

test('rules see the same drop-ins as the graph: a vendor drop-in hidden by one of the same name in /etc adds no ExecStart=', () => {
  const files = {
    '/etc/systemd/system/x.service': '[Service]\nExecStart=/bin/a\n',
    '/lib/systemd/system/x.service.d/50-extra.conf': '[Service]\nExecStart=/bin/b\n',
  };
  const rule = (f) => f.rule === 'systemd/multiple-exec-start';
  assert.deepEqual(briefs(lint(files, { target: '/lib/systemd/system/x.service.d/50-extra.conf' }).filter(rule)), ['systemd/multiple-exec-start@2:1-2:10']);
  files['/etc/systemd/system/x.service.d/50-extra.conf'] = '[Service]\nRestart=no\n';
  for (const target of Object.keys(files)) assert.deepEqual(briefs(lint(files, { target }).filter(rule)), [], target);
});
