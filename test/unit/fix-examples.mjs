// Examples for test/unit/fixes.test.mjs: every rule in the registry is listed here, either with
// small workspaces in which it reports findings that carry fixes, or in NO_FIX with the reason it
// offers none. Adding a rule? Add a row (`files`: path -> text; the first path is linted).
const UNIT = '/etc/systemd/system/app.service';
const STUNNEL_UNIT = '/etc/systemd/system/stunnel.service';
const CONF = '/etc/stunnel/stunnel.conf';
const SERVICE = '[Service]\nExecStart=/bin/true\n';

export const FIX_EXAMPLES = {
  'stunnel/unknown-option': [{ files: { [CONF]: 'foreground = yes\n[a]\naccept = 1\nconnect = 2\nTIMEOUTidel = 600\n' } }],
  'stunnel/option-scope': [
    { files: { [CONF]: 'foreground = yes\n[a]\naccept = 1\nconnect = 2\npid = /run/stunnel.pid\n' } },
    { files: { [CONF]: '[a]\naccept = 1\nconnect = 2\nforeground = yes\n' } },
  ],
  'stunnel/deprecated-option': [
    { files: { [CONF]: 'sslVersion = all\n[a]\naccept = 1\nconnect = 2\n' } },
    { files: { [CONF]: 'sslVersion = TLSv1.2\n[a]\naccept = 1\nconnect = 2\n' } },
    { files: { [CONF]: '[a]\naccept = 1\nconnect = 2\nverify = 2\nCAfile = /etc/ssl/ca.pem\n' } },
    { files: { [CONF]: 'session = 300\n[a]\naccept = 1\nconnect = 2\n' } },
  ],
  'stunnel/insecure-protocol': [
    { files: { [CONF]: 'sslVersionMin = TLSv1\n[a]\naccept = 1\nconnect = 2\n' } },
    { files: { [CONF]: 'sslVersionMax = SSLv2\n[a]\naccept = 1\nconnect = 2\n' } },
  ],
  'stunnel/inline-comment': [{ files: { [CONF]: '[a]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\nclient = no ; server\n' } }],
  'stunnel/debug-facility': [
    { files: { [CONF]: 'debug = daemon.\n[a]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } },
    { files: { [CONF]: '[a]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\ndebug = daemon.info\n' } },
  ],
  'stunnel/ipv6-brackets': [{ files: { [CONF]: '[a]\naccept = [::1]:4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } }],
  'stunnel/missing-ca': [{ files: { [CONF]: '[a]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\nverifyChain = yes\ncheckHost = example.com\n' } }],
  'stunnel/verify-required': [{ files: { [CONF]: '[a]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\ncheckHost = example.com\n' } }],
  'stunnel/repeated-option': [{ files: { [CONF]: '[a]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/old.pem\ncert = /etc/stunnel/a.pem\n' } }],
  'stunnel/global-accept': [{ files: { [CONF]: 'accept = 4443\n[a]\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } }],
  'stunnel/dead-option': [
    { files: { [CONF]: 'compression = zlib\n[a]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } },
    { files: { [CONF]: 'EGD = /var/run/egd\n[a]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\noptions = NO_SSLv2\n' } },
  ],
  'stunnel/fips-provider': [{ files: { [CONF]: 'fips = yes\n[a]\naccept = 4443\nconnect = 127.0.0.1:80\ncert = /etc/stunnel/a.pem\n' } }],
  'stunnel/unauthenticated-client': [
    { files: { [CONF]: '[a]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = example.com:443\n' } },
    { files: { [CONF]: '[a]\nclient = yes\naccept = 127.0.0.1:8080\nconnect = 10.0.0.1:443\nverifyChain = yes\nCAfile = /etc/ssl/certs/ca-certificates.crt\n' } },
  ],
  'systemd/unknown-section': [{ files: { [UNIT]: '[Servic]\nExecStart=/bin/true\n' } }],
  'systemd/unknown-directive': [{ files: { [UNIT]: '[Service]\nExecStart=/bin/true\nLogDirectory=app\n' } }],
  'systemd/directive-wrong-section': [
    { files: { [UNIT]: `[Unit]\nDescription=x\n\n${SERVICE}WantedBy=multi-user.target\n` } },
    { files: { [UNIT]: `[Unit]\nDescription=x\n\n${SERVICE}\n[Install]\nWantedBy=multi-user.target\nBefore=b.target\n` } },
  ],
  'systemd/invalid-value': [{ files: { [UNIT]: '[Service]\nExecStart=/bin/true\nRestart=no  # never restart\n' } }],
  'systemd/obsolete-dependency': [
    { files: { [UNIT]: `[Unit]\nAfter=syslog.target\n${SERVICE}` } },
    { files: { [UNIT]: `[Unit]\nAfter=network.target syslog.target\n${SERVICE}` } },
  ],
  'systemd/missing-limit-nofile': [
    {
      files: {
        [STUNNEL_UNIT]: '[Unit]\nDescription=tls\n\n[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel.pid\n',
        [CONF]: 'pid = /run/stunnel.pid\n[a]\naccept = 443\nconnect = 80\n',
      },
    },
  ],
  'systemd/forking-without-pidfile': [
    {
      files: {
        [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nLimitNOFILE=65536\n',
        [CONF]: 'pid = /var/run/stunnel/stunnel.pid\n[a]\naccept = 443\nconnect = 80\n',
      },
    },
  ],
  'systemd/type-foreground-mismatch': [
    {
      files: {
        [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel.pid\nLimitNOFILE=65536\n',
        [CONF]: 'foreground = yes\npid = /run/stunnel.pid\n[a]\naccept = 443\nconnect = 80\n',
      },
    },
    {
      files: {
        [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nPIDFile=/run/stunnel.pid\nLimitNOFILE=65536\n',
        [CONF]: 'pid = /run/stunnel.pid\n[a]\naccept = 443\nconnect = 80\n',
      },
    },
    { files: { [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=notify\nLimitNOFILE=65536\n', [CONF]: 'foreground = yes\n[a]\naccept = 443\nconnect = 80\n' } },
  ],
  'systemd/pidfile-mismatch': [
    {
      files: {
        [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nPIDFile=/run/stunnel.pid\nLimitNOFILE=65536\n',
        [CONF]: 'chroot = /var/lib/stunnel\npid = /stunnel.pid\n[a]\naccept = 443\nconnect = 80\n',
      },
    },
    { files: { [UNIT]: '[Service]\nExecStart=/usr/sbin/appd\nType=forking\nPIDFile=/var/run/appd.pid\n' } },
  ],
  'systemd/user-setuid-conflict': [
    {
      files: {
        [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nUser=stunnel4\nLimitNOFILE=65536\n',
        [CONF]: 'foreground = yes\nsetuid = stunnel4\nsetgid = stunnel4\n[a]\naccept = 8443\nconnect = 80\n',
      },
    },
  ],
  'systemd/privileged-port-without-capability': [
    {
      files: {
        [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nUser=stunnel4\nLimitNOFILE=65536\n',
        [CONF]: 'foreground = yes\n[a]\naccept = 443\nconnect = 80\n',
      },
    },
  ],
  'systemd/unknown-account': [{ files: { [UNIT]: `${SERVICE}User=stunel4\n`, '/etc/passwd': 'root:x:0:0::/root:/bin/sh\nstunnel4:x:112:120::/:/usr/sbin/nologin\n' } }],
  'stunnel/relative-path-under-systemd': [
    {
      files: {
        [CONF]: 'foreground = yes\n[a]\naccept = 8443\nconnect = 80\ncert = tls.pem\n',
        [STUNNEL_UNIT]: '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nLimitNOFILE=65536\n',
      },
    },
  ],
  'limits/ignored-by-services': [
    {
      files: {
        '/etc/security/limits.conf': 'ldap soft nofile 131072\nldap hard nofile 262144\n',
        '/etc/systemd/system/opendj.service': '[Service]\nType=simple\nUser=ldap\nExecStart=/opt/opendj/bin/start-ds\n',
      },
    },
  ],
  'stunnel/default-rlimits-ignored': [
    {
      files: {
        '/etc/default/stunnel4': 'FILES="/etc/stunnel/*.conf"\nRLIMITS="-n 4096"\n',
        '/lib/systemd/system/stunnel@.service': '[Service]\nExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n',
      },
    },
  ],
  'daemonlint/unused-suppression': [
    { files: { [UNIT]: `[Unit]\n# daemonlint-disable-next-line systemd/obsolete-dependency\nAfter=network.target\n${SERVICE}` } },
    { files: { [UNIT]: `[Unit]\n# daemonlint-disable-next-line systemd/unknown-directive, systemd/obsolete-dependency\nAfter=syslog.target\n${SERVICE}` } },
    { files: { [CONF]: '; daemonlint-disable-file\nforeground = yes\n' } },
  ],
};

/** Rules without fixes, and why: there is more than one reasonable edit, or none. */
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
  'stunnel/duplicate-service': 'the new name is the user\'s choice',
  'stunnel/setuid-low-port': 'a note about reloads; nothing in the file is wrong',
  'systemd/syntax-error': 'a line without = or a broken header can be meant in several ways',
  'limits/syntax-error': 'a line with the wrong number of fields can be meant in several ways',
  'systemd/nofile-below-expected-connections': 'reports only with daemonlint.expectedConnections set; its fix is applied in test/unit/graph-limits.test.mjs',
};
