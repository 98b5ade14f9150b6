// Generators of realistic inputs for the benchmarks: units and stunnel configs of N lines,
// and a workspace tree of N files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Short, realistic lines, so that 200,000 of them stay under the 4 MB input cap.
const SERVICE_KEYS = [
  'ExecStart=/usr/bin/stunnel4',
  'Restart=on-failure',
  'RestartSec=5s',
  'LimitNOFILE=65536',
  'User=stunnel4',
  'Environment=A=1',
  'TimeoutSec=90',
  'PrivateTmp=yes',
  'NoNewPrivileges=yes',
  '# a comment line',
  'ExecStartPre=-/bin/true',
  'Nice=5',
];

/** A unit file of about `lines` lines: a [Unit] part, then [Service] sections of mixed keys. */
export function unitText(lines) {
  const out = ['[Unit]', 'Description=generated', 'After=network.target', ''];
  let i = 0;
  while (out.length < lines) {
    if (i % 40 === 0) out.push('', '[Service]');
    out.push(SERVICE_KEYS[i % SERVICE_KEYS.length]);
    i++;
  }
  out.push('', '[Install]', 'WantedBy=multi-user.target');
  return out.slice(0, Math.max(lines, 8)).join('\n') + '\n';
}

const STUNNEL_SERVICE = (n) => [
  `[svc${n}]`,
  `accept = 127.0.0.1:${20000 + (n % 40000)}`,
  `connect = 127.0.0.1:${10000 + (n % 40000)}`,
  'cert = /etc/stunnel/server.pem',
  'key = /etc/stunnel/server.key',
  'sslVersionMin = TLSv1.2',
  '; comment',
  'TIMEOUTidle = 600',
  '',
];

export function stunnelText(lines) {
  const out = ['foreground = yes', 'pid =', 'setuid = stunnel4', 'setgid = stunnel4', ''];
  let n = 0;
  while (out.length < lines) out.push(...STUNNEL_SERVICE(n++));
  return out.slice(0, lines).join('\n') + '\n';
}

/** A root-filesystem tree of `files` files: units, drop-ins and stunnel configs. */
export function writeTree(dir, files) {
  const units = join(dir, 'etc/systemd/system');
  const conf = join(dir, 'etc/stunnel');
  mkdirSync(units, { recursive: true });
  mkdirSync(conf, { recursive: true });
  for (let i = 0; i < files; i++) {
    const kind = i % 4;
    if (kind === 0 || kind === 1) writeFileSync(join(units, `svc${i}.service`), `[Unit]\nDescription=s${i}\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/c${i - (i % 4) + 2}.conf\nType=simple\nRestart=on-failure\n${kind === 0 ? 'LimitNOFILE=65536\n' : ''}\n[Install]\nWantedBy=multi-user.target\n`);
    else if (kind === 2) writeFileSync(join(conf, `c${i}.conf`), stunnelText(30));
    else {
      mkdirSync(join(units, `svc${i - 2}.service.d`), { recursive: true });
      writeFileSync(join(units, `svc${i - 2}.service.d`, 'override.conf'), '[Service]\nLimitNOFILE=32000\n');
    }
  }
}
