// The origin story end to end with the CLI: examples/seed-rootfs read as a root filesystem
// reports what only shows when the files are read together; --fix makes those findings go away.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'dist', 'cli.js');
const SEED = path.join(REPO, 'examples', 'seed-rootfs');
const STORY = ['systemd/missing-limit-nofile', 'limits/ignored-by-services', 'stunnel/relative-path-under-systemd', 'systemd/forking-without-pidfile'];

function cli(args, cwd) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function story(stdout) {
  return JSON.parse(stdout)
    .filter((f) => STORY.includes(f.rule))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`);
}

test('the seed as a root filesystem: the CLI reports the story, --fix clears it', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonlint-seed-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(SEED, dir, { recursive: true });

  const before = cli(['.', '--format', 'json'], dir);
  assert.equal(before.code, 0, before.stderr);
  assert.deepEqual(story(before.stdout), [
    'etc/security/limits.conf:4:1 info limits/ignored-by-services',
    'etc/stunnel/stunnel.conf:15:2 warning systemd/missing-limit-nofile',
    'etc/stunnel/stunnel.conf:19:8 warning stunnel/relative-path-under-systemd',
    'etc/stunnel/stunnel.conf:20:7 warning stunnel/relative-path-under-systemd',
    'etc/systemd/system/stunnel.service:5:1 warning systemd/missing-limit-nofile',
    'etc/systemd/system/stunnel.service:7:6 warning systemd/forking-without-pidfile',
  ]);
  const json = JSON.parse(before.stdout);
  const message = (file, rule) => json.find((f) => f.file === file && f.rule === rule).message;
  assert.match(message('etc/systemd/system/stunnel.service', 'systemd/missing-limit-nofile'), /soft limit of 1024 open files .* caps stunnel at about 500 concurrent clients/);
  assert.match(message('etc/security/limits.conf', 'limits/ignored-by-services'), /systemd starts stunnel\.service \(setuid = www-data in its stunnel config\) without PAM, so it keeps the soft limit of 1024\. Set LimitNOFILE= in the service instead \(LimitNOFILE=32000\)/);
  assert.match(message('etc/stunnel/stunnel.conf', 'stunnel/relative-path-under-systemd'), /so it opens \/swift-proxy\.crt, not \/etc\/stunnel\/swift-proxy\.crt/);
  assert.match(message('etc/systemd/system/stunnel.service', 'systemd/forking-without-pidfile'), /writes its pid to \/run\/stunnel\/stunnel\.pid; name it with PIDFile=\/run\/stunnel\/stunnel\.pid/);

  const fixed = cli(['.', '--fix'], dir);
  assert.equal(fixed.code, 0, fixed.stderr);
  const read = (p) => fs.readFileSync(path.join(dir, p), 'utf8');
  assert.match(read('etc/systemd/system/stunnel.service'), /\nType=forking\nPIDFile=\/run\/stunnel\/stunnel\.pid\nLimitNOFILE=32000\n/);
  // The limit goes into the unit once: the drop-in limits/ignored-by-services offers is not needed after it.
  assert.equal(fs.existsSync(path.join(dir, 'etc/systemd/system/stunnel.service.d')), false);
  assert.match(read('etc/stunnel/stunnel.conf'), /\ncert = \/etc\/stunnel\/swift-proxy\.crt\nkey = \/etc\/stunnel\/swift-proxy\.nopass\.key\n/);

  const after = cli(['.', '--format', 'json'], dir);
  assert.deepEqual(story(after.stdout), []);
  // The example itself is left as shipped.
  assert.equal(fs.existsSync(path.join(SEED, 'etc/systemd/system/stunnel.service.d')), false);
});
