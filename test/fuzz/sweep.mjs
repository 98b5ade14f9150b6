// A sweep for super-linear work: for every dialect, every key of a list and every character that
// means something to a parser or a value grammar, a value made of a long run of that character
// (and of that character with a blank), alone or followed by another word, is linted, and hover
// and completion are asked along its line.
// Linear code takes milliseconds; a backtracking regex or a quadratic walk takes seconds.
// `node test/fuzz/sweep.mjs [--length N] [--bound-ms MS]`; exit 1 when something is over the bound.
import { core } from '../helpers.mjs';

const args = process.argv.slice(2);
const arg = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const LENGTH = arg('--length', 50_000);
const BOUND_MS = arg('--bound-ms', 2_000);

const CHARS = ['\\', ' ', '\t', '"', "'", '%', '$', '=', ';', '#', ':', '-', '@', '/', 'a', '0', '9', '.', ',', '{', '}', '(', ')', '[', ']', '`', '|', '&', '>', '<', '*', '!', '+', '~', '\u00e9', '\uFFFD', '\r'];
const SYSTEMD_KEYS = {
  Unit: ['Description', 'After', 'Requires', 'Documentation', 'ConditionPathExists', 'OnFailure'],
  Service: ['ExecStart', 'ExecStartPre', 'ExecReload', 'Environment', 'EnvironmentFile', 'User', 'Group', 'PIDFile', 'Type', 'Restart', 'RestartSec', 'TimeoutStartSec', 'LimitNOFILE', 'LimitCORE', 'Nice', 'UMask', 'CPUQuota', 'MemoryMax', 'WorkingDirectory', 'ReadWritePaths', 'CapabilityBoundingSet', 'AmbientCapabilities', 'SystemCallFilter', 'IPAddressDeny', 'ProtectSystem', 'SocketBindAllow', 'StandardOutput', 'Slice', 'X-Custom'],
  Install: ['WantedBy', 'Alias', 'Also'],
};
const STUNNEL_KEYS = ['accept', 'connect', 'cert', 'key', 'CAfile', 'ciphers', 'ciphersuites', 'options', 'sslVersion', 'sslVersionMin', 'verify', 'pid', 'chroot', 'setuid', 'include', 'socket', 'TIMEOUTidle', 'checkHost', 'sni', 'exec', 'execArgs', 'redirect', 'debug', 'output', 'curves', 'unknownKey'];

function cases(run) {
  const out = [];
  for (const [section, keys] of Object.entries(SYSTEMD_KEYS)) {
    for (const key of keys) out.push({ path: '/etc/systemd/system/sweep.service', text: `[${section}]\n${key}=${run}\n`, what: `[${section}] ${key}=` });
  }
  for (const key of STUNNEL_KEYS) {
    out.push({ path: '/etc/stunnel/stunnel.conf', text: `${key} = ${run}\n`, what: `stunnel global ${key} =` });
    out.push({ path: '/etc/stunnel/stunnel.conf', text: `[svc]\naccept = 443\n${key} = ${run}\n`, what: `stunnel service ${key} =` });
  }
  out.push({ path: '/etc/security/limits.conf', text: `* soft nofile ${run}\n`, what: 'limits value' });
  out.push({ path: '/etc/security/limits.conf', text: `${run} hard nofile 1\n`, what: 'limits domain' });
  out.push({ path: '/etc/systemd/system/sweep.service', text: `[${run}]\n`, what: 'unit header' });
  out.push({ path: '/etc/stunnel/stunnel.conf', text: `[${run}]\n`, what: 'stunnel header' });
  out.push({ path: '/etc/systemd/system/sweep.service', text: `[Service]\n${run}=1\n`, what: 'unit key' });
  out.push({ path: '/etc/stunnel/stunnel.conf', text: `${run} = 1\n`, what: 'stunnel key' });
  return out;
}

const settings = core.resolveSettings({ security: true, expectedConnections: 1000 });
const slow = [];
let count = 0;
const started = performance.now();
for (const c of CHARS) {
  const runs = [c.repeat(LENGTH), (c + ' ').repeat(LENGTH / 2), ('a' + c).repeat(LENGTH / 2)];
  // Each run alone at the end of its line, and followed by a blank and one more word.
  for (const run of [...runs, ...runs.map((r) => r + ' x')]) {
    for (const k of cases(run)) {
      const ws = new core.Workspace([], []);
      const uri = core.pathToUri(k.path);
      ws.set(uri, k.text);
      const t = performance.now();
      core.lintFile(ws, uri, settings);
      const doc = ws.get(uri);
      const line = Math.max(0, doc.index.lineCount - 2);
      const length = doc.index.lineEnd(line) - doc.index.lineStarts[line];
      for (const character of [0, length >> 1, length - 2, length]) {
        core.hover(doc, { line, character });
        core.complete(doc, { line, character });
      }
      const ms = performance.now() - t;
      count++;
      if (ms > BOUND_MS) {
        slow.push(`${ms.toFixed(0)} ms: ${k.what} ${JSON.stringify(run.slice(0, 6))}... x${run.length}`);
        console.log(`SLOW ${slow[slow.length - 1]}`);
      }
    }
  }
}
console.log(`sweep: ${count} files with runs of ${LENGTH} characters in ${((performance.now() - started) / 1000).toFixed(1)} s; ${slow.length} over ${BOUND_MS} ms`);
process.exitCode = slow.length ? 1 : 0;
