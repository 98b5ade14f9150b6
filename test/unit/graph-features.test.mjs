// Graph features in the core: the client cap next to LimitNOFILE=, the code lens on a stunnel
// config, go to definition, the effective unit, and which files re-lint when one changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';
import { ROOT, workspace } from './graph-helpers.mjs';

const uri = (p) => core.pathToUri(ROOT + p);
const TEMPLATE = '/lib/systemd/system/stunnel@.service';
const DROPIN = '/etc/systemd/system/stunnel@.service.d/nofile.conf';
const MAIL = '/etc/stunnel/mail.conf';
const CASE_030 = {
  [TEMPLATE]: '[Unit]\nDescription=TLS tunnel\nPartOf=stunnel.target\n\n[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\nPrivateTmp=yes\n\n[Install]\nWantedBy=multi-user.target\n',
  [DROPIN]: '[Service]\nLimitNOFILE=65536\n',
  [MAIL]: 'foreground = yes\n[imaps]\naccept = 993\nconnect = 127.0.0.1:143\n',
  '/etc/stunnel/web.conf': 'foreground = yes\n[https]\naccept = 443\nconnect = 127.0.0.1:80\n',
};

test('inlay hint: stunnel clients for every LimitNOFILE= of a unit or drop-in that runs stunnel', () => {
  const unit = '/etc/systemd/system/stunnel.service';
  const ws = workspace({ [unit]: '[Service]\nExecStart=/usr/bin/stunnel4\nLimitNOFILE=32000\nLimitNOFILE=infinity\nLimitNOFILE=1024:524288\nLimitNOFILE=100\nLimitNOFILE=bogus\n', '/etc/stunnel/stunnel.conf': '[a]\naccept = 1\nconnect = 2\n' });
  const hints = core.inlayHints(ws, uri(unit));
  assert.deepEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [
    [2, 17, '≈ 15,625 clients'],
    [3, 20, '≈ 512,000 clients'],
    [4, 23, '≈ 500 clients'],
    [5, 15, '≈ 47 clients'],
  ]);
  assert.match(hints[0].tooltip, /Clients allowed=15625/);
  assert.match(hints[0].tooltip, /Overridden by stunnel\.service line 6\./);
  const drop = workspace(CASE_030);
  assert.deepEqual(core.inlayHints(drop, uri(DROPIN)).map((h) => h.label), ['≈ 32,000 clients']);
  // Not a stunnel unit: no hints.
  assert.deepEqual(core.inlayHints(workspace({ '/etc/systemd/system/app.service': '[Service]\nExecStart=/usr/bin/python3 app.py\nLimitNOFILE=32000\n' }), uri('/etc/systemd/system/app.service')), []);
});

test('code lens on a stunnel config: the instance that starts it and its client cap', () => {
  const ws = workspace(CASE_030);
  assert.deepEqual(core.codeLenses(ws, uri(MAIL)).map((l) => [l.title, l.unitUri]), [['started by stunnel@mail.service · LimitNOFILE 65536 → ≈ 32,000 clients', uri(TEMPLATE)]]);
  const bare = workspace({ ...CASE_030, [DROPIN]: '[Service]\n' });
  assert.equal(core.codeLenses(bare, uri(MAIL))[0].title, 'started by stunnel@mail.service · LimitNOFILE 1024 → ≈ 500 clients');
  assert.deepEqual(core.codeLenses(workspace({ [MAIL]: CASE_030[MAIL] }), uri(MAIL)), []);
});

test('definition: from the %i config argument to every instance config; from include = to its files', () => {
  const ws = workspace(CASE_030);
  const onArg = core.definition(ws, uri(TEMPLATE), { line: 5, character: 35 });
  assert.deepEqual(onArg.map((d) => d.targetUri), [uri(MAIL), uri('/etc/stunnel/web.conf')]);
  assert.deepEqual(onArg[0].originRange, { start: { line: 5, character: 28 }, end: { line: 5, character: 48 } });
  assert.deepEqual(core.definition(ws, uri(TEMPLATE), { line: 6, character: 12 }), []);
  // Program only: the default config.
  const plain = workspace({ '/etc/systemd/system/s.service': '[Service]\nExecStart=/usr/bin/stunnel\n', '/etc/stunnel/stunnel.conf': 'include = /etc/stunnel/conf.d\n', '/etc/stunnel/conf.d/10-a.conf': '[a]\n', '/etc/stunnel/conf.d/00-g.conf': 'debug = 5\n' });
  assert.deepEqual(core.definition(plain, uri('/etc/systemd/system/s.service'), { line: 1, character: 14 }).map((d) => d.targetUri), [uri('/etc/stunnel/stunnel.conf')]);
  const inc = core.definition(plain, uri('/etc/stunnel/stunnel.conf'), { line: 0, character: 15 });
  assert.deepEqual(inc.map((d) => d.targetUri), [uri('/etc/stunnel/conf.d/00-g.conf'), uri('/etc/stunnel/conf.d/10-a.conf')]);
});

test('effective unit: unit and drop-ins merged, each line with its source, the limit and the cap', () => {
  const ws = workspace({ ...CASE_030, '/etc/systemd/system/stunnel@.service.d/zz.conf': '[Unit]\nDescription=Tunnels\n[Service]\nPrivateTmp=\nEnvironment=A=1\nEnvironment=B=2\n' });
  const u = core.effectiveUnit(ws, uri(MAIL));
  assert.equal(u.name, 'stunnel@.service');
  assert.equal(u.uri, uri(TEMPLATE));
  assert.equal(
    u.text,
    [
      '# stunnel@.service as systemd merges it, from:',
      '#   /lib/systemd/system/stunnel@.service',
      '#   /etc/systemd/system/stunnel@.service.d/nofile.conf',
      '#   /etc/systemd/system/stunnel@.service.d/zz.conf',
      '# Each line is preceded by the file and line it comes from.',
      '',
      '[Unit]',
      '# /lib/systemd/system/stunnel@.service:3',
      'PartOf=stunnel.target',
      '# /etc/systemd/system/stunnel@.service.d/zz.conf:2',
      'Description=Tunnels',
      '',
      '[Service]',
      '# /lib/systemd/system/stunnel@.service:6',
      'ExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf',
      '# /etc/systemd/system/stunnel@.service.d/nofile.conf:2',
      'LimitNOFILE=65536',
      '# /etc/systemd/system/stunnel@.service.d/zz.conf:5',
      'Environment=A=1',
      '# /etc/systemd/system/stunnel@.service.d/zz.conf:6',
      'Environment=B=2',
      '# stunnel admits ≈ 32,000 clients with soft limit 65536',
      '',
      '[Install]',
      '# /lib/systemd/system/stunnel@.service:10',
      'WantedBy=multi-user.target',
      '',
    ].join('\n'),
  );
  const bare = core.effectiveUnit(workspace({ '/etc/systemd/system/a.service': '[Service]\nExecStart=/usr/bin/stunnel4\n', '/etc/systemd/system.conf': '[Manager]\nDefaultLimitNOFILE=4096:8192\n' }), uri('/etc/systemd/system/a.service'));
  assert.match(bare.text, /\n# DefaultLimitNOFILE= in \/etc\/systemd\/system\.conf \(no LimitNOFILE= in the unit\)\nLimitNOFILE=4096:8192\n# stunnel admits ≈ 2,000 clients with soft limit 4096\n/);
  assert.equal(core.effectiveUnit(workspace({ [MAIL]: CASE_030[MAIL] }), uri(MAIL)), undefined);
});

test('neighbours: every link of the graph re-lints the other end', () => {
  const files = {
    ...CASE_030,
    '/etc/security/limits.conf': 'stunnel4 soft nofile 4096\n',
    '/etc/default/stunnel4': 'RLIMITS="-n 4096"\n',
    '/etc/systemd/system.conf': '[Manager]\n',
    '/etc/passwd': 'root:x:0:0::/:/bin/sh\n',
  };
  const ws = workspace(files);
  const n = (p) => core.neighbours(ws, uri(p)).map((u) => core.uriToPath(u).slice(ROOT.length)).sort();
  assert.deepEqual(n(MAIL), ['/etc/security/limits.conf', DROPIN, TEMPLATE]);
  assert.deepEqual(n(DROPIN), ['/etc/default/stunnel4', '/etc/security/limits.conf', MAIL, '/etc/stunnel/web.conf', TEMPLATE]);
  assert.deepEqual(n('/etc/security/limits.conf'), [TEMPLATE]);
  assert.deepEqual(n('/etc/default/stunnel4'), []);
  assert.deepEqual(n('/etc/systemd/system.conf'), [MAIL, '/etc/stunnel/web.conf', DROPIN, TEMPLATE]);
  assert.deepEqual(n('/etc/passwd'), [MAIL, '/etc/stunnel/web.conf', DROPIN, TEMPLATE]);
});

test('the graph stays linear: 400 units, each starting its own config, lint in well under 10 s', () => {
  const files = { '/etc/security/limits.conf': 'u soft nofile 4096\n' };
  for (let i = 0; i < 400; i++) {
    files[`/etc/systemd/system/s${i}.service`] = `[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/c${i}.conf\nUser=u\n`;
    files[`/etc/stunnel/c${i}.conf`] = 'setuid = u\n[a]\naccept = 443\nconnect = 80\ncert = x.pem\n';
  }
  const ws = workspace(files);
  const start = performance.now();
  const results = core.lintWorkspace(ws, core.resolveSettings({}));
  const ms = performance.now() - start;
  // Before links were cached per workspace generation this took minutes (cubic in the file count).
  assert.ok(ms < 10_000, `${Math.round(ms)} ms`);
  assert.equal([...results.values()].flat().filter((f) => f.rule === 'systemd/missing-limit-nofile').length, 800);
});

test('a drop-in under /etc hides the vendor drop-in of the same name', () => {
  const ws = workspace({
    [TEMPLATE]: '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n',
    '/lib/systemd/system/stunnel@.service.d/limits.conf': '[Service]\nLimitNOFILE=4096\n',
    '/etc/systemd/system/stunnel@.service.d/limits.conf': '[Service]\nLimitNOFILE=8192\n',
    [MAIL]: CASE_030[MAIL],
  });
  assert.deepEqual(core.codeLenses(ws, uri(MAIL)).map((l) => l.title), ['started by stunnel@mail.service · LimitNOFILE 8192 → ≈ 4,000 clients']);
  assert.match(core.effectiveUnit(ws, uri(TEMPLATE)).text, /^# stunnel@\.service as systemd merges it, from:\n# {3}\/lib\/systemd\/system\/stunnel@\.service\n# {3}\/etc\/systemd\/system\/stunnel@\.service\.d\/limits\.conf\n#/);
});
