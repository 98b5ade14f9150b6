// Hostile inputs, generated (never committed): random bytes, NUL bytes, invalid UTF-8, a 10 MB
// file, a 1 MB line, 50,000 sections; and a directory tree with include loops, a deep include
// chain, symlink loops, dangling links, a FIFO, an unreadable file and a sparse 600 MB file.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A small deterministic PRNG (mulberry32), so "random" inputs are the same on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(n, seed, { nul = true } = {}) {
  const next = prng(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    let v = Math.floor(next() * 256);
    if (!nul && v === 0) v = 1;
    b[i] = v;
  }
  return b;
}

export const MB = 1024 * 1024;

/** Invalid UTF-8 around a line that is otherwise a real setting. */
export const INVALID_UTF8 = Buffer.concat([Buffer.from('[Service]\nType='), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\nExecStart=/usr/bin/true '), Buffer.from([0xe2, 0x82]), Buffer.from('\n')]);

export const TEXTS = {
  tenMb: () => 'x'.repeat(10 * MB),
  nul: () => '[Service]\nType=simple\n\u0000\u0000\u0000\n',
  stunnelLongLine: () => 'cert = /' + 'a'.repeat(MB) + '\n',
  unitLongLine: () => '[Service]\nExecStart=/bin/echo ' + 'a '.repeat(MB / 2) + '\n',
  /** 50,000 sections, each with a line in the wrong section: 50,000 findings with fixes. */
  unitSections: () => '[Service]\nWantedBy=multi-user.target\n'.repeat(50_000),
  /** 50,000 services, each with a global-only option in it. */
  stunnelSections: () => '[s]\naccept = 1\nforeground = yes\n'.repeat(50_000),
};

/** A fresh temporary directory; removed by the caller with fs.rmSync(dir, { recursive: true }). */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Lays out a hostile tree under `root` (as an image root: etc/...). Returns the paths of note.
 * Include lines name absolute paths inside the tree.
 */
export function hostileTree(root) {
  const p = (...s) => path.join(root, ...s);
  const mk = (file, data) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  };
  const units = p('etc/systemd/system');
  mk(p('etc/systemd/system/ok.service'), '[Unit]\nDescription=ok\n\n[Service]\nExecStart=/usr/bin/true\n');
  mk(p('etc/systemd/system/random.service'), randomBytes(256 * 1024, 7, { nul: false }));
  mk(p('etc/systemd/system/nul.service'), TEXTS.nul());
  mk(p('etc/systemd/system/invalid-utf8.service'), INVALID_UTF8);
  mk(p('etc/stunnel/huge.conf'), TEXTS.tenMb());
  mk(p('etc/stunnel/longline.conf'), TEXTS.stunnelLongLine());
  // A config that includes a directory whose file includes that same directory again.
  // (The tree is a filesystem image: absolute paths in it are read under `root`.)
  mk(p('etc/stunnel/stunnel.conf'), 'pid = /run/stunnel.pid\ninclude = /etc/stunnel/conf.d\n');
  mk(p('etc/stunnel/conf.d/loop.conf'), '[loop]\naccept = 4443\nconnect = 80\ninclude = /etc/stunnel/conf.d\n');
  // A chain of 300 directories, each including the next.
  mk(p('etc/stunnel/chain.conf'), 'include = /etc/stunnel/chain/d0\n');
  for (let i = 0; i < 300; i++) mk(p(`etc/stunnel/chain/d${i}/next.conf`), `include = /etc/stunnel/chain/d${i + 1}\n`);
  // Symlink loops: a directory pointing at its parent, two files pointing at each other, one at itself.
  fs.symlinkSync(p('etc'), p('etc/systemd/loop'));
  fs.symlinkSync(path.join(units, 'b.service'), path.join(units, 'a.service'));
  fs.symlinkSync(path.join(units, 'a.service'), path.join(units, 'b.service'));
  fs.symlinkSync(path.join(units, 'self.service'), path.join(units, 'self.service'));
  fs.symlinkSync(p('nowhere/gone.service'), path.join(units, 'gone.service'));
  // A FIFO with a unit's name: opening it for reading would block forever.
  let fifo;
  try {
    execFileSync('mkfifo', [path.join(units, 'fifo.service')]);
    fifo = path.join(units, 'fifo.service');
  } catch {
    fifo = undefined;
  }
  // Unreadable (for anyone but root).
  mk(path.join(units, 'secret.service'), '[Service]\nExecStart=/usr/bin/true\n');
  fs.chmodSync(path.join(units, 'secret.service'), 0o000);
  // A sparse 600 MB file: reading it whole would take seconds and more than a GB of memory.
  fs.mkdirSync(p('etc/stunnel'), { recursive: true });
  fs.closeSync(fs.openSync(p('etc/stunnel/sparse.conf'), 'w'));
  fs.truncateSync(p('etc/stunnel/sparse.conf'), 600 * MB);
  return { units, fifo, ok: path.join(units, 'ok.service') };
}

/** Measures a synchronous call. */
export function timed(fn) {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}
