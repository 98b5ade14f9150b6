// A workspace whose files would run programs if anything executed what they name, and a PATH of
// fake programs that record any run. Nothing here is ever meant to run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../robustness/hostile.mjs';

/** Names a process might look up on PATH: the tools external validation uses, shells, helpers. */
export const FAKE_TOOLS = ['systemd-analyze', 'systemctl', 'stunnel', 'stunnel4', 'stunnel3', 'unshare', 'sh', 'bash', 'dash', 'env', 'sudo', 'openssl', 'getent', 'id', 'which', 'touch', 'true', 'false', 'git', 'curl', 'wget', 'node', 'python3'];

/**
 * Lays out the workspace and the fake PATH. `marks` is where markers land: a script named in the
 * configs touches a file there, and every fake tool appends its name and arguments to `ran`.
 */
export function evilWorkspace() {
  const base = tempDir('daemonlint-evil-');
  const root = path.join(base, 'ws');
  const marks = path.join(base, 'marks');
  const bin = path.join(base, 'bin');
  for (const d of [root, marks, bin]) fs.mkdirSync(d, { recursive: true });
  const ran = path.join(marks, 'ran');
  for (const tool of FAKE_TOOLS) {
    const p = path.join(bin, tool);
    fs.writeFileSync(p, `#!/bin/sh\necho "${tool} $*" >> '${ran}'\n`);
    fs.chmodSync(p, 0o755);
  }
  const script = path.join(root, 'evil.sh');
  fs.writeFileSync(script, `#!/bin/sh\ntouch '${path.join(marks, 'script-ran')}'\n`);
  fs.chmodSync(script, 0o755);
  const put = (rel, text) => {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  const touch = (name) => `/bin/sh -c 'touch ${path.join(marks, name)}'`;
  const files = {
    unit: put(
      'etc/systemd/system/evil.service',
      [
        '[Unit]',
        'Description=runs things if anyone lets it',
        `ExecStop=${touch('unit-section')}`,
        '',
        '[Service]',
        'Type=forking',
        `ExecCondition=${script}`,
        `ExecStartPre=${touch('execstartpre')}`,
        `ExecStart=${script} --config /etc/stunnel/stunnel.conf`,
        `ExecStartPost=-env touch ${path.join(marks, 'env')}`,
        `ExecReload=${touch('reload')}`,
        `ExecStop=!!${script}`,
        `EnvironmentFile=-${path.join(root, 'evil.env')}`,
        'User=nobody',
        '',
        '[Install]',
        'WantedBy=multi-user.target',
        '',
      ].join('\n'),
    ),
    dropIn: put('etc/systemd/system/evil.service.d/override.conf', `[Service]\nExecStart=\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nExecStartPre=${touch('dropin')}\n`),
    // stunnel runs `exec` in inetd mode as soon as it starts, and for every client of a service.
    conf: put(
      'etc/stunnel/stunnel.conf',
      `foreground = yes\nclient = yes\nexec = ${script}\nexecArgs = evil.sh now\nconnect = 127.0.0.1:9\ninclude = /etc/stunnel/conf.d\n\n[svc]\naccept = 127.0.0.1:65001\nexec = /bin/sh\nexecArgs = sh -c touch\\ ${path.join(marks, 'stunnel-exec')}\n`,
    ),
    included: put('etc/stunnel/conf.d/more.conf', `[more]\naccept = 127.0.0.1:65002\nexec = ${script}\n`),
    limits: put('etc/security/limits.conf', `* soft nofile $(touch ${path.join(marks, 'limits')})\n`),
  };
  fs.writeFileSync(path.join(root, 'evil.env'), `FOO=$(touch ${path.join(marks, 'envfile')})\n`);
  return { base, root, marks, bin, ran, files };
}

/** What the marks folder holds: names of marker files, and the fake tools' log. */
export function marksOf(ws) {
  const names = fs.readdirSync(ws.marks).sort();
  const ran = names.includes('ran') ? fs.readFileSync(ws.ran, 'utf8').trim().split('\n') : [];
  return { markers: names.filter((n) => n !== 'ran'), ran };
}

/** Path -> [size, mode, mtime, content] of every file and link under `dir`. */
export function snapshot(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = fs.lstatSync(p);
      if (e.isDirectory()) {
        out[p + '/'] = [st.mode, st.mtimeMs];
        walk(p);
      } else out[p] = [st.size, st.mode, st.mtimeMs, e.isSymbolicLink() ? fs.readlinkSync(p) : fs.readFileSync(p, 'base64')];
    }
  };
  walk(dir);
  return out;
}
