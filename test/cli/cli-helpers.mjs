// Helpers for the CLI tests: run dist/cli.js as a user would, build file trees in temp dirs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const core = require('../../dist/core.js');

/**
 * The rules these tests are about. Every other rule is turned off by a .daemonlintrc at the top of
 * each test tree, so a new rule does not change what these tests expect of the CLI itself.
 */
export const TESTED_RULES = [
  'limits/syntax-error',
  'stunnel/syntax-error',
  'stunnel/unknown-option',
  'stunnel/deprecated-option',
  'stunnel/insecure-protocol',
  'systemd/syntax-error',
  'systemd/invalid-value',
  'systemd/obsolete-dependency',
  'systemd/forking-without-pidfile',
  'systemd/missing-limit-nofile',
];
export const OTHER_RULES_OFF = Object.fromEntries(core.RULES.filter((r) => !TESTED_RULES.includes(r.id)).map((r) => [r.id, 'off']));

/** A .daemonlintrc: `top` keys, then [rules] with the untested rules off and then `rules`. */
export function rcText({ top = '', rules = '' } = {}) {
  return `${top}[rules]\n${Object.keys(OTHER_RULES_OFF)
    .map((id) => `${id} = off\n`)
    .join('')}${rules}`;
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Runs the CLI; standard input is `input` (empty by default, so --stdin never waits). */
export function run(args, { cwd = ROOT, input = '', env = {} } = {}) {
  const environment = { ...process.env, ...env };
  delete environment.NO_COLOR;
  delete environment.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, env: environment, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Writes `files` ({ 'rel/path': text | { symlink: target } }) under a new temp dir and returns
 * it; the dir is removed after the test. Unless `rc` is false or the files have their own, a
 * .daemonlintrc at the top turns off the rules these tests are not about.
 */
export function makeTree(t, files, { rc = true } = {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonlint-cli-'));
  t.after(() => fs.rmSync(base, { recursive: true, force: true }));
  const all = rc && !('.daemonlintrc' in files) ? { '.daemonlintrc': rcText(), ...files } : files;
  for (const [p, content] of Object.entries(all)) {
    const full = path.join(base, p);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    if (typeof content === 'object') fs.symlinkSync(content.symlink, full);
    else fs.writeFileSync(full, content);
  }
  return base;
}

/** `file rule@line:column` for each finding of a JSON report. */
export function briefs(json) {
  return JSON.parse(json).map((f) => `${f.file} ${f.rule}@${f.line}:${f.column}`);
}

/** Every file under dir (relative, sorted) with its text, for before/after comparisons. */
export function snapshot(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name !== '.daemonlintrc') out[path.relative(dir, p)] = { text: fs.readFileSync(p, 'utf8'), mtimeMs: fs.statSync(p).mtimeMs };
    }
  };
  walk(dir);
  return out;
}

/** A small deployment: a stunnel config, the unit that starts it, a drop-in and limits.conf. */
export const SITE = {
  'etc/stunnel/stunnel.conf': 'pid = /run/stunnel.pid\nsslVersion = all\n\n[web]\naccept = 443\nconnect = 80\nfooBar = 1\n',
  'etc/systemd/system/stunnel.service': '[Unit]\nAfter=syslog.target network.target\n\n[Service]\nType=forking\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\n',
  'etc/systemd/system/stunnel.service.d/override.conf': '[Service]\nRestart=sometimes\n',
  'etc/security/limits.conf': '* soft nofile\n',
  'node_modules/x/stunnel.conf': 'fooBar = 1\n',
  '.git/stunnel.conf': 'fooBar = 1\n',
  'notes.txt': 'fooBar = 1\n',
  loop: { symlink: '.' },
};

export const SITE_BRIEFS = [
  'etc/security/limits.conf limits/syntax-error@1:1',
  'etc/stunnel/stunnel.conf stunnel/deprecated-option@2:1',
  'etc/stunnel/stunnel.conf stunnel/unknown-option@7:1',
  'etc/systemd/system/stunnel.service systemd/obsolete-dependency@2:7',
  'etc/systemd/system/stunnel.service systemd/forking-without-pidfile@5:6',
  'etc/systemd/system/stunnel.service.d/override.conf systemd/invalid-value@2:9',
];
