// include = DIR as stunnel follows it, findings in included files, and the checks that read this
// machine's files (missing-file, unknown-user, include-error). The machine is a fake file tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, briefs, core } from '../helpers.mjs';

const MAIN = '/etc/stunnel/stunnel.conf';
const SNIP = '/etc/stunnel/conf.d/10-svc.conf';
const SERVICE = '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/svc.pem\n';

/** A file tree as the reader sees it: { path: text }; directories are implied by the paths. */
function reader(tree) {
  return {
    readFile: (p) => tree[p],
    listDir(p) {
      const prefix = p.replace(/\/$/, '') + '/';
      const names = new Set(Object.keys(tree).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]));
      return names.size ? [...names] : undefined;
    },
  };
}

/** Lints `target` in a workspace holding `files`, with `disk` as the machine's files (or no reader). */
function lintIn(files, target, { disk, settings = {} } = {}) {
  const ws = new core.Workspace([]);
  if (disk) ws.reader = reader({ ...files, ...disk });
  for (const [p, t] of Object.entries(files)) ws.set(core.pathToUri(p), t, undefined, 'stunnel');
  return core.lintFile(ws, core.pathToUri(target), core.resolveSettings(settings));
}

test('a global option after an include whose file opened a section; the fix moves it above the include', () => {
  const files = { [MAIN]: 'foreground = yes\ninclude = /etc/stunnel/conf.d\npid = /run/stunnel.pid\n', [SNIP]: SERVICE };
  const findings = lintIn(files, MAIN);
  assert.deepEqual(briefs(findings), ['stunnel/option-scope@3:1-3:4']);
  assert.equal(findings[0].message, "'pid' is a global option but stands after section [svc] was opened by the included file 10-svc.conf: once a section is open stunnel rejects it (\"Specified option name is not valid here\") and does not start. Move it above the first section (before the include line).");
  assert.equal(applyFix(files[MAIN], findings[0].fixes[0], core.pathToUri(MAIN)), 'foreground = yes\npid = /run/stunnel.pid\ninclude = /etc/stunnel/conf.d\n');
  // The included file is a whole service in this context: nothing to say about it.
  assert.deepEqual(briefs(lintIn(files, SNIP)), []);
  assert.deepEqual(briefs(lintIn({ [MAIN]: 'foreground = yes\npid = /run/stunnel.pid\ninclude = /etc/stunnel/conf.d\n', [SNIP]: SERVICE }, MAIN)), []);
});

test('defaults from an earlier included file reach a later one; files are read in name order', () => {
  const files = {
    [MAIN]: 'include = /etc/stunnel/conf.d\n',
    '/etc/stunnel/conf.d/00-global.conf': 'cert = /etc/stunnel/svc.pem\n',
    [SNIP]: '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\n',
  };
  for (const f of Object.keys(files)) assert.deepEqual(briefs(lintIn(files, f)), [], f);
  // Named the other way round, the default comes after the section opened: no longer a default.
  const late = { [MAIN]: files[MAIN], '/etc/stunnel/conf.d/20-global.conf': files['/etc/stunnel/conf.d/00-global.conf'], [SNIP]: files[SNIP] };
  assert.deepEqual(briefs(lintIn(late, SNIP)), []);
  assert.deepEqual(briefs(lintIn(late, '/etc/stunnel/conf.d/20-global.conf')), []);
  assert.deepEqual(briefs(lintIn({ [MAIN]: files[MAIN], [SNIP]: files[SNIP] }, SNIP)), ['stunnel/missing-certificate@1:1-1:6']);
});

test('findings land in the included file that has the line', () => {
  const files = { [MAIN]: 'include = /etc/stunnel/conf.d\n', [SNIP]: SERVICE + 'delay = true\n' };
  assert.deepEqual(briefs(lintIn(files, SNIP)), ['stunnel/invalid-value@5:9-5:13']);
  assert.deepEqual(briefs(lintIn(files, MAIN)), []);
});

test('a file in a conf.d folder that nothing includes is a fragment: only its own lines are judged', () => {
  assert.deepEqual(briefs(lintIn({ [SNIP]: '[svc]\naccept = 4443\ndelay = true\n' }, SNIP)), ['stunnel/invalid-value@3:9-3:13']);
});

test('include-error: a missing directory and a file, on this machine only', () => {
  const text = 'include = /etc/stunnel/missing.d\ninclude = /etc/stunnel/svc.pem\n' + SERVICE;
  const disk = { '/etc/stunnel/svc.pem': 'PEM' };
  const findings = lintIn({ [MAIN]: text }, MAIN, { disk });
  assert.deepEqual(briefs(findings), ['stunnel/include-error@1:11-1:33', 'stunnel/include-error@2:11-2:31']);
  assert.equal(findings[0].message, 'include = /etc/stunnel/missing.d: /etc/stunnel/missing.d does not exist. stunnel includes every file of a directory and stops with "Failed to include directory".');
  assert.match(findings[1].message, /is a file, not a directory/);
  // A copy elsewhere (no reader): the directory may exist where the file is deployed.
  assert.deepEqual(briefs(lintIn({ [MAIN]: text }, MAIN)), []);
});

test('include-error: errors in an included file outside the workspace land on the include line; backups are read too', () => {
  const disk = { '/etc/stunnel/conf.d/10-svc.conf~': '# old\n[svc] ; comment\n', [SNIP]: SERVICE, '/etc/stunnel/svc.pem': 'PEM' };
  const findings = lintIn({ [MAIN]: 'foreground = yes\ninclude = /etc/stunnel/conf.d\n' }, MAIN, { disk });
  assert.deepEqual(briefs(findings), ['stunnel/include-error@2:1-2:30', 'stunnel/include-error@2:1-2:30']);
  assert.deepEqual(findings.map((f) => f.severity).sort(), ['error', 'warning']);
  assert.ok(findings.some((f) => f.message === "stunnel reads every regular file in /etc/stunnel/conf.d, including '10-svc.conf~', which looks like a backup or hidden file. Move it out of the directory."));
  assert.ok(findings.some((f) => /^In the included file \/etc\/stunnel\/conf\.d\/10-svc\.conf~:2: No '=' found/.test(f.message)));
});

test('include-error: a directory that includes itself is a loop', () => {
  const files = { [MAIN]: 'include = /etc/stunnel/conf.d\n', [SNIP]: SERVICE, '/etc/stunnel/conf.d/20-again.conf': 'include = /etc/stunnel/conf.d\n' };
  const findings = lintIn(files, '/etc/stunnel/conf.d/20-again.conf');
  assert.deepEqual(briefs(findings), ['stunnel/include-error@1:11-1:30']);
  assert.match(findings[0].message, /includes a directory that is already being read \(\/etc\/stunnel\/conf\.d\)/);
});

test('include-error: following includes stops at 256 files', () => {
  const disk = { '/etc/stunnel/svc.pem': 'PEM' };
  for (let i = 0; i < 300; i++) disk[`/etc/stunnel/many.d/${String(i).padStart(3, '0')}.conf`] = '; empty\n';
  const findings = lintIn({ [MAIN]: 'include = /etc/stunnel/many.d\n' + SERVICE }, MAIN, { disk });
  assert.deepEqual(briefs(findings), ['stunnel/include-error@1:11-1:30']);
  assert.equal(findings[0].severity, 'warning');
});

test('relative include paths are taken from the main file\'s directory', () => {
  const files = { [MAIN]: 'foreground = yes\ninclude = conf.d\npid = /run/stunnel.pid\n', [SNIP]: SERVICE };
  assert.deepEqual(briefs(lintIn(files, MAIN)), ['stunnel/option-scope@3:1-3:4']);
});

test('missing-file: cert, CAfile, PSKsecrets and exec that this machine does not have', () => {
  const text = '[svc]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/none.pem\nCAfile = /etc/stunnel/ca.pem\nverifyChain = yes\n' +
    '[psk]\naccept = 4444\nexec = /usr/local/bin/none\nPSKsecrets = /etc/stunnel/psk.txt\n';
  const findings = lintIn({ [MAIN]: text }, MAIN, { disk: { '/etc/stunnel/ca.pem': 'PEM' } });
  assert.deepEqual(briefs(findings), ['stunnel/missing-file@4:8-4:29', 'stunnel/missing-file@9:8-9:27', 'stunnel/missing-file@10:14-10:34']);
  assert.deepEqual(findings.map((f) => f.severity), ['error', 'warning', 'error']);
  assert.equal(findings[0].message, 'cert = /etc/stunnel/none.pem: no such file on this machine, so stunnel cannot set up TLS and stops with "Failed to initialize TLS context".');
  assert.match(findings[2].message, /stunnel stops with "Failed to read PSK secrets"\.$/);
  // Only the value stunnel uses counts; provider URIs are not files; a copy elsewhere is not checked.
  const disk = { '/etc/stunnel/svc.pem': 'PEM' };
  assert.deepEqual(briefs(lintIn({ [MAIN]: SERVICE.replace('cert =', 'cert = /etc/stunnel/gone.pem\ncert =') }, MAIN, { disk }).filter((f) => f.rule === 'stunnel/missing-file')), []);
  assert.deepEqual(briefs(lintIn({ [MAIN]: SERVICE.replace('/etc/stunnel/svc.pem', 'pkcs11:token=web') }, MAIN, { disk })), []);
  assert.deepEqual(briefs(lintIn({ [MAIN]: text }, MAIN)), []);
});

test('unknown-user: setuid and setgid names this machine does not have', () => {
  const disk = { '/etc/passwd': 'root:x:0:0::/root:/bin/sh\nstunnel4:x:101:101::/var/run/stunnel4:/usr/sbin/nologin\n', '/etc/group': 'root:x:0:\nstunnel4:x:101:\n', '/etc/stunnel/svc.pem': 'PEM' };
  const findings = lintIn({ [MAIN]: 'setuid = stunnel\nsetgid = stunnel4\n' + SERVICE }, MAIN, { disk });
  assert.deepEqual(briefs(findings), ['stunnel/unknown-user@1:10-1:17']);
  assert.equal(findings[0].message, 'There is no user \'stunnel\' in /etc/passwd on this machine: stunnel stops with "Illegal UID". Create it (e.g. useradd --system stunnel) or use an existing one.');
  assert.deepEqual(briefs(lintIn({ [MAIN]: 'setuid = stunnel4\nsetgid = 101\n' + SERVICE }, MAIN, { disk })), []);
});

test('include-error: a config that includes its own directory is a loop at once, its services read once', () => {
  // Found by a new user: the main file was read a second time before the loop was seen, so its
  // section, accept and client warning were each reported twice, against themselves.
  const text = 'include = /etc/stunnel\n[a]\nclient = yes\naccept = 127.0.0.1:7000\nconnect = h:1\n';
  const findings = lintIn({ [MAIN]: text }, MAIN, { disk: {} });
  assert.deepEqual(briefs(findings), ['stunnel/include-error@1:11-1:23', 'stunnel/unauthenticated-client@2:1-2:4']);
  assert.equal(findings[0].message, 'include = /etc/stunnel includes the directory of stunnel.conf itself (/etc/stunnel), so that file too: stunnel would read it again and again until it runs out of memory or file descriptors.');
});
