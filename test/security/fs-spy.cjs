// Preloaded into a process under test (node --require): records every file-system call the
// process makes through the `fs` module, as JSON lines {op, path, write} in $DAEMONLINT_FS_LOG.
// The log itself is written through a descriptor opened first and is not recorded.
'use strict';
const fs = require('node:fs');

const log = process.env.DAEMONLINT_FS_LOG;
if (log) {
  // Opened before anything is wrapped; fs.writeSync itself is not recorded.
  const fd = fs.openSync(log, 'a');
  const writeSync = fs.writeSync;
  let busy = false;
  const WRITES = new Set(['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'chmod', 'chown', 'truncate', 'utimes', 'createWriteStream', 'ftruncate']);
  const READS = ['readFile', 'readdir', 'stat', 'lstat', 'exists', 'realpath', 'access', 'opendir', 'createReadStream', 'readlink', 'statfs', 'watch', 'watchFile'];
  const record = (op, path, flags) => {
    if (typeof path !== 'string' && !(path instanceof URL) && !Buffer.isBuffer(path)) return;
    const p = String(path instanceof URL ? path.pathname : path);
    const write = WRITES.has(op) || (op === 'open' && typeof flags === 'string' && /[wa+]/.test(flags)) || (op === 'open' && typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0);
    if (busy) return;
    busy = true;
    try {
      writeSync(fd, JSON.stringify({ op, path: p, write }) + '\n');
    } finally {
      busy = false;
    }
  };
  const wrap = (obj, name, op) => {
    const orig = obj[name];
    if (typeof orig !== 'function') return;
    obj[name] = function (path, ...rest) {
      record(op, path, rest[0]);
      return orig.call(this, path, ...rest);
    };
  };
  for (const base of [...WRITES, ...READS, 'open']) {
    wrap(fs, base, base);
    wrap(fs, `${base}Sync`, base);
    if (fs.promises) wrap(fs.promises, base, base);
  }
}
