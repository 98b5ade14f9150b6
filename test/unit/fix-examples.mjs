// Examples for test/unit/fixes.test.mjs. Every rule in the registry is listed: in FIX_EXAMPLES
// with small workspaces where it reports findings that carry fixes, or in NO_FIX with the reason
// it offers none. Adding a rule? Add a row here; the test says when one is missing.
//
// An example is { files: { path: text }, settings?, todo? }: the first path is the file linted;
// `settings` are resolved like the editor's; `todo` names fixes known to add a finding
// ({ 'fix title': 'why' }), which are then reported as todo instead of failing.
const UNIT = '/etc/systemd/system/app.service';
const SU = '/etc/systemd/system/stunnel.service';
const CONF = '/etc/stunnel/stunnel.conf';
/** A server-mode service stunnel accepts: TLS on 4443 with a certificate, to a local port. */
const SVC = '[a]\naccept = 127.0.0.1:4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n';
/** A client-mode service, plus the lines an example needs. */
const CLI = (extra) => `[c]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\n${extra}`;
const S = '[Service]\nExecStart=/bin/true\n';
const U = (unit, service = 'ExecStart=/bin/true\n') => `[Unit]\nDescription=x\n${unit}\n[Service]\n${service}`;
/** A unit that starts /etc/stunnel/stunnel.conf with a raised fd limit, plus more [Service] lines. */
const STU = (svc) => `[Unit]\nDescription=tls\n\n[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n${svc}`;
/** The hardening checks (security rules): one bare service fails them all. */
const HARDENING = [
  'user', 'no-new-privileges', 'protect-system', 'private-tmp', 'protect-home', 'capability-bounding-set', 'protect-kernel-tunables',
  'protect-kernel-modules', 'protect-kernel-logs', 'protect-control-groups', 'private-devices', 'restrict-address-families', 'restrict-namespaces',
  'system-call-filter', 'system-call-architectures', 'lock-personality', 'memory-deny-write-execute', 'restrict-realtime', 'restrict-suid-sgid',
  'protect-clock', 'protect-hostname',
];

export const FIX_EXAMPLES = {
  'stunnel/unknown-option': [{ files: { [CONF]: SVC + 'TIMEOUTidel = 600\n' } }],
  'stunnel/option-scope': [{ files: { [CONF]: 'foreground = yes\n' + SVC + 'pid = /run/stunnel.pid\n' } }, { files: { [CONF]: SVC + 'foreground = yes\n' } }],
  'stunnel/deprecated-option': [{ files: { [CONF]: 'sslVersion = all\n' + SVC } }, { files: { [CONF]: 'sslVersion = TLSv1.2\n' + SVC } }, { files: { [CONF]: CLI('verify = 2\nCAfile = /etc/ssl/ca.pem\ncheckHost = example.com\n') } }, { files: { [CONF]: 'session = 300\n' + SVC } }, { files: { [CONF]: SVC + 'transparent = yes\n' } }],
  'stunnel/insecure-protocol': [{ files: { [CONF]: 'sslVersionMin = TLSv1\n' + SVC } }, { files: { [CONF]: 'sslVersionMax = SSLv2\n' + SVC } }],
  'stunnel/inline-comment': [{ files: { [CONF]: SVC + 'TIMEOUTidle = 600 ; ten minutes\n' } }, { files: { [CONF]: SVC + 'client = no # server\n' } }],
  'stunnel/debug-facility': [{ files: { [CONF]: SVC + 'debug = daemon.info\n' } }],
  'stunnel/ipv6-brackets': [{ files: { [CONF]: '[a]\naccept = [::1]:4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } }],
  'stunnel/missing-ca': [{ files: { [CONF]: CLI('verifyChain = yes\ncheckHost = example.com\n') } }],
  'stunnel/verify-required': [{ files: { [CONF]: CLI('CAfile = /etc/ssl/ca.pem\ncheckHost = example.com\nverifyPeer = no\n') } }, { files: { [CONF]: CLI('checkHost = example.com\n') } }],
  'stunnel/repeated-option': [{ files: { [CONF]: SVC + 'cert = /etc/stunnel/b.pem\n' } }],
  'stunnel/global-accept': [{ files: { [CONF]: 'accept = 127.0.0.1:4443\n[a]\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } }],
  'stunnel/dead-option': [{ files: { [CONF]: SVC + 'options = NO_SSLv2\n' } }, { files: { [CONF]: 'EGD = /run/egd\n' + SVC } }, { files: { [CONF]: 'compression = zlib\n' + SVC } }],
  'stunnel/fips-provider': [{ files: { [CONF]: 'fips = yes\n' + SVC } }],
  'stunnel/unauthenticated-client': [{ files: { [CONF]: CLI('') } }],
  'stunnel/relative-path-under-systemd': [{ files: { [CONF]: 'foreground = yes\n[a]\naccept = 127.0.0.1:4443\nconnect = 127.0.0.1:80\ncert = a.pem\n', [SU]: STU('') } }],
  'systemd/syntax-error': [{ files: { [UNIT]: '\uFEFF# app\n[Unit]\nDescription=x\n' + S } }],
  'systemd/unknown-section': [{ files: { [UNIT]: '[Servic]\nExecStart=/bin/true\n' } }],
  'systemd/unknown-directive': [{ files: { [UNIT]: S + 'LogDirectory=app\n' } }],
  'systemd/directive-wrong-section': [{ files: { [UNIT]: U('') + 'WantedBy=multi-user.target\n' } }, { files: { [UNIT]: U('') + '\n[Install]\nWantedBy=multi-user.target\nBefore=b.target\n' } }],
  'systemd/invalid-value': [{ files: { [UNIT]: S + 'Restart=Always\n' } }, { files: { [UNIT]: S + 'LimitNOFILE=ininity\n' } }],
  'systemd/missing-limit-nofile': [{ files: { [SU]: '[Unit]\nDescription=tls\n\n[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel.pid\n', [CONF]: 'pid = /run/stunnel.pid\n' + SVC } }],
  'systemd/obsolete-dependency': [{ files: { [UNIT]: U('After=syslog.target\n') } }, { files: { [UNIT]: U('After=network.target syslog.target\n') } }],
  'systemd/forking-without-pidfile': [{ files: { [SU]: STU('Type=forking\n'), [CONF]: 'pid = /run/stunnel/stunnel.pid\n' + SVC } }],
  'systemd/inline-comment': [{ files: { [UNIT]: S + 'Restart=no  # never restart\n' } }, { files: { [UNIT]: U('Description=my app # the best\n') } }],
  'systemd/continuation-whitespace': [{ files: { [UNIT]: '[Service]\nExecStart=/bin/echo a \\ \n  b\n' } }],
  'systemd/exec-shell-syntax': [{ files: { [UNIT]: '[Service]\nExecStart=/bin/echo hi > /tmp/x\n' } }, { files: { [UNIT]: '[Service]\nExecStart=/bin/a && /bin/b\n' } }],
  'systemd/exec-env-expansion': [{ files: { [UNIT]: '[Service]\nEnvironment=FOO=1\nExecStart=/bin/app --opt=$FOO\n' } }],
  'systemd/unescaped-percent': [{ files: { [UNIT]: '[Service]\nExecStart=/bin/date +%Y-%m-%d\n' } }],
  'systemd/environment-unquoted-space': [{ files: { [UNIT]: '[Service]\nEnvironment=FOO=a b\nExecStart=/bin/true\n' } }],
  'systemd/relative-exec': [{ files: { [UNIT]: '[Service]\nExecStart=bin/foo\n' } }],
  'systemd/multiple-exec-start': [{ files: { '/etc/systemd/system/app.service.d/override.conf': '[Service]\nExecStart=/bin/b\n', [UNIT]: '[Service]\nExecStart=/bin/a\n' } }],
  'systemd/oneshot-restart': [{ files: { [UNIT]: '[Service]\nType=oneshot\nExecStart=/bin/true\nRestart=always\n' } }],
  'systemd/socket-accept-template': [{ files: { '/etc/systemd/system/app.socket': '[Socket]\nListenStream=1234\nAccept=yes\n', [UNIT]: S } }],
  'systemd/unit-name-mismatch': [{ files: { '/etc/systemd/system/srv-data.mount': '[Mount]\nWhat=/dev/sdb1\nWhere=/srv/other\n' } }],
  'systemd/network-online-without-wants': [{ files: { [UNIT]: U('After=network-online.target\n') } }],
  'systemd/start-limit-in-service': [{ files: { [UNIT]: U('', 'ExecStart=/bin/true\nStartLimitBurst=5\n') } }, { files: { [UNIT]: U('', 'ExecStart=/bin/true\nStartLimitInterval=10\n') } }],
  'systemd/deprecated-directive': [{ files: { [UNIT]: S + 'MemoryLimit=1G\n' } }, { files: { [UNIT]: S + 'CPUShares=512\n' } }, { files: { [UNIT]: S + 'PermissionsStartOnly=yes\n' } }],
  'systemd/deprecated-value': [{ files: { [UNIT]: S + 'StandardOutput=syslog\n' } }, { files: { [UNIT]: S + 'KillMode=none\n' } }],
  'systemd/legacy-run-path': [{ files: { '/etc/systemd/system/app.socket': '[Socket]\nListenStream=/var/run/app.sock\n', [UNIT]: S } }],
  'systemd/removed-directive': [{ files: { [UNIT]: S + 'Capabilities=cap_net_bind_service+ep\n' } }, { files: { [UNIT]: U('', 'ExecStart=/bin/true\nSysVStartPriority=10\n') } }],
  'systemd/type-foreground-mismatch': [{ files: { [SU]: STU('Type=simple\n'), [CONF]: SVC } }, { files: { [SU]: STU('Type=simple\n'), [CONF]: 'pid = /run/stunnel.pid\n' + SVC } }, { files: { [SU]: STU('Type=forking\nPIDFile=/run/s.pid\n'), [CONF]: 'foreground = yes\npid = /run/s.pid\n' + SVC } }],
  'systemd/pidfile-mismatch': [{ files: { [SU]: STU('Type=forking\nPIDFile=/run/other.pid\n'), [CONF]: 'pid = /run/stunnel.pid\n' + SVC } }],
  'systemd/nofile-below-expected-connections': [{ settings: { expectedConnections: 5000 }, files: { [SU]: '[Unit]\nDescription=tls\n\n[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=4096\nType=simple\n', [CONF]: 'foreground = yes\n' + SVC } }],
  'systemd/user-setuid-conflict': [{ files: { [SU]: STU('User=stunnel4\nType=simple\n'), [CONF]: 'foreground = yes\nsetuid = stunnel4\n' + SVC } }],
  'systemd/privileged-port-without-capability': [{ files: { [SU]: STU('User=stunnel4\nType=simple\n'), [CONF]: 'foreground = yes\n[a]\naccept = 443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } }],
  'systemd/unknown-account': [{ files: { [UNIT]: S + 'User=apps\n', '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\napp:x:1000:1000::/home/app:/bin/sh\n', '/etc/group': 'root:x:0:\napp:x:1000:\n' } }],
  'limits/invalid-value': [{ files: { '/etc/security/limits.conf': 'root sfot nproc 100\n' } }, { files: { '/etc/security/limits.conf': '* soft nofile unlimited\n' } }],
  'limits/byte-order-mark': [{ files: { '/etc/security/limits.conf': '\uFEFF* soft nofile 4096\n' } }, { files: { '/etc/security/limits.conf': '\uFEFF# defaults\n' } }],
  'limits/ignored-by-services': [{ files: { '/etc/security/limits.conf': 'app soft nofile 65536\napp hard nofile 65536\n', [UNIT]: S + 'User=app\n' } }],
  'stunnel/default-rlimits-ignored': [{ files: { '/etc/default/stunnel4': 'ENABLED=1\nRLIMITS="-n 4096"\n', [SU]: '[Unit]\nDescription=tls\n\n[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=simple\n', [CONF]: 'foreground = yes\n' + SVC } }],
  'daemonlint/unused-suppression': [
    { files: { [UNIT]: U('# daemonlint-disable-next-line systemd/obsolete-dependency\nAfter=network.target\n') } },
    { files: { [UNIT]: U('# daemonlint-disable-next-line systemd/unknown-directive, systemd/obsolete-dependency\nAfter=syslog.target\n') } },
    { files: { [CONF]: '; daemonlint-disable-file\nforeground = yes\n' + SVC } },
  ],
  ...Object.fromEntries(
    HARDENING.map((h) => [`systemd/hardening-${h}`, [{ settings: { security: true }, files: { [UNIT]: '[Unit]\nDescription=x\n\n[Service]\nExecStart=/usr/bin/app\n' } }]]),
  ),
};

/** More cases: debug facilities, several dead options, IP checks, and the cross-file rules (chroot pid files, templates, drop-ins, accounts). */
const MORE_EXAMPLES = {
  'stunnel/debug-facility': [{ files: { [CONF]: 'debug = daemon.\n' + SVC } }],
  'stunnel/dead-option': [{ files: { [CONF]: 'EGD = /var/run/egd\n' + SVC + 'options = NO_SSLv2\n' } }],
  'stunnel/unauthenticated-client': [{ files: { [CONF]: '[a]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = 10.0.0.1:443\nverifyChain = yes\nCAfile = /etc/ssl/certs/ca-certificates.crt\n' } }],
  'systemd/type-foreground-mismatch': [
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel.pid\nLimitNOFILE=65536\n', [CONF]: 'foreground = yes\npid = /run/stunnel.pid\n[a]\naccept = 443\nconnect = 80\n' } },
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nPIDFile=/run/stunnel.pid\nLimitNOFILE=65536\n', [CONF]: 'pid = /run/stunnel.pid\n[a]\naccept = 443\nconnect = 80\n' } },
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=notify\nLimitNOFILE=65536\n', [CONF]: 'foreground = yes\n[a]\naccept = 443\nconnect = 80\n' } },
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=notify\nLimitNOFILE=65536\n', [CONF]: 'pid = /var/run/stunnel.pid\n[a]\naccept = 443\nconnect = 80\n' } },
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=notify\nLimitNOFILE=65536\n', [CONF]: '[a]\naccept = 443\nconnect = 80\n' } },
  ],
  'systemd/pidfile-mismatch': [
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel.pid\nLimitNOFILE=65536\n', [CONF]: 'chroot = /var/lib/stunnel\npid = /stunnel.pid\n[a]\naccept = 443\nconnect = 80\n' } },
    { files: { [UNIT]: '[Service]\nExecStart=/usr/sbin/appd\nType=forking\nPIDFile=/var/run/appd.pid\n' } },
  ],
  'systemd/user-setuid-conflict': [
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nUser=stunnel4\nLimitNOFILE=65536\n', [CONF]: 'foreground = yes\nsetuid = stunnel4\nsetgid = stunnel4\n[a]\naccept = 8443\nconnect = 80\n' } },
  ],
  'systemd/privileged-port-without-capability': [
    { files: { [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nUser=stunnel4\nLimitNOFILE=65536\n', [CONF]: 'foreground = yes\n[a]\naccept = 443\nconnect = 80\n' } },
  ],
  'systemd/unknown-account': [
    { files: { [UNIT]: '[Service]\nExecStart=/bin/true\nUser=stunel4\n', '/etc/passwd': 'root:x:0:0::/root:/bin/sh\nstunnel4:x:112:120::/:/usr/sbin/nologin\n' } },
  ],
  'stunnel/relative-path-under-systemd': [
    { files: { [CONF]: 'foreground = yes\n[a]\naccept = 8443\nconnect = 80\ncert = tls.pem\n', [SU]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n' } },
  ],
  'limits/ignored-by-services': [
    { files: { '/etc/security/limits.conf': 'ldap soft nofile 131072\nldap hard nofile 262144\n', '/etc/systemd/system/opendj.service': '[Service]\nType=simple\nUser=ldap\nExecStart=/opt/opendj/bin/start-ds\n' } },
  ],
  'stunnel/default-rlimits-ignored': [
    { files: { '/etc/default/stunnel4': 'FILES="/etc/stunnel/*.conf"\nRLIMITS="-n 4096"\n', '/lib/systemd/system/stunnel@.service': '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n' } },
  ],
};
for (const [id, list] of Object.entries(MORE_EXAMPLES)) FIX_EXAMPLES[id].push(...list);

/** Rules without fixes, and why: the right edit depends on what the user meant, or on facts a file does not hold. */
export const NO_FIX = {
  'stunnel/syntax-error': 'a line without = can be meant in several ways',
  'stunnel/invalid-value': 'the right value depends on what was meant; the message names the accepted ones',
  'stunnel/port-range': 'which port was meant is not knowable',
  'stunnel/newer-option': 'either the target version or the configuration is wrong; only the user knows which',
  'stunnel/include-error': 'the directory, the loop or the stray file needs a decision outside this file',
  'stunnel/service-endpoints': 'the missing or extra endpoint (accept, connect, exec) depends on the service',
  'stunnel/missing-certificate': 'the certificate path is not knowable',
  'stunnel/redirect-unsupported': 'removing redirect or changing the mode changes what the service does',
  'stunnel/version-range': 'which bound is wrong is not knowable',
  'stunnel/protocol-mode': 'the mode or the protocol is wrong; only the user knows which',
  'stunnel/ticket-secrets': 'the other secret must be a new random value',
  'stunnel/sni-primary': 'the primary section or server name is not knowable',
  'stunnel/relative-path-without-foreground': 'the absolute path is not knowable',
  'stunnel/missing-file': 'the right path is not knowable',
  'stunnel/unknown-user': 'creating the user or picking another one happens outside the file',
  'stunnel/duplicate-accept': 'which service moves, and to which port or address, is the user\'s choice',
  'stunnel/duplicate-service': 'the new name is the user\'s choice',
  'stunnel/setuid-low-port': 'a note about reloads; nothing in the file is wrong',
  'systemd/specifier-not-expanded': 'the intended literal value is not known',
  'systemd/missing-exec-start': 'the command is not known',
  'systemd/timer-without-unit': 'the unit to start is not known',
  'systemd/missing-required-setting': 'the value of the setting is not known',
  'systemd/newer-directive': 'upgrading systemd or dropping the line is the user\'s choice',
  'systemd/user-name': 'the account to use is not known',
  'limits/syntax-error': 'a line with the wrong number of fields can be meant in several ways',
};
