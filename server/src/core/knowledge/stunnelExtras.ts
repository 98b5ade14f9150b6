// Words people write in stunnel.conf that are not stunnel options, with what to do instead.
export const STUNNEL_NOT_OPTIONS: Record<string, string> = {
  clients: "stunnel has no 'clients' option: it derives its client cap from the soft open-file limit (limit×125/256). Remove the line and raise LimitNOFILE= in the systemd unit instead.",
  maxclients: "stunnel has no client-count option: it derives its cap from the soft open-file limit (limit×125/256). Remove the line and raise LimitNOFILE= in the systemd unit instead.",
  ssl: "stunnel always speaks TLS on one side; choose the side with 'client = yes|no'.",
  port: "stunnel sets listening and target ports with 'accept = [host:]port' and 'connect = [host:]port'.",
  timeout: "stunnel's timeouts are TIMEOUTbusy, TIMEOUTclose, TIMEOUTconnect and TIMEOUTidle (seconds).",
};

// ---------------------------------------------------------------------------------------------
// Value vocabularies stunnel and OpenSSL accept. Facts (names, versions) come from stunnel 5.75's
// options.c and protocol.c, the `stunnel -options` / `-sockets` output of the Debian 12 package,
// OpenSSL 3's headers and `openssl ciphers`, and netbase's /etc/services.

/** `options =` flag names (stunnel 5.75 with OpenSSL 3; `stunnel -options`). */
export const STUNNEL_SSL_OPTIONS: readonly string[] = [
  'ALL', 'ALLOW_CLIENT_RENEGOTIATION', 'ALLOW_NO_DHE_KEX', 'ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
  'CIPHER_SERVER_PREFERENCE', 'CISCO_ANYCONNECT', 'CLEANSE_PLAINTEXT', 'COOKIE_EXCHANGE',
  'CRYPTOPRO_TLSEXT_BUG', 'DISABLE_TLSEXT_CA_NAMES', 'DONT_INSERT_EMPTY_FRAGMENTS', 'ENABLE_KTLS',
  'ENABLE_MIDDLEBOX_COMPAT', 'EPHEMERAL_RSA', 'IGNORE_UNEXPECTED_EOF', 'LEGACY_SERVER_CONNECT',
  'MICROSOFT_BIG_SSLV3_BUFFER', 'MICROSOFT_SESS_ID_BUG', 'MSIE_SSLV2_RSA_PADDING', 'NETSCAPE_CA_DN_BUG',
  'NETSCAPE_CHALLENGE_BUG', 'NETSCAPE_DEMO_CIPHER_CHANGE_BUG', 'NETSCAPE_REUSE_CIPHER_CHANGE_BUG',
  'NO_ANTI_REPLAY', 'NO_COMPRESSION', 'NO_DTLS_MASK', 'NO_DTLSv1', 'NO_DTLSv1_2', 'NO_ENCRYPT_THEN_MAC',
  'NO_EXTENDED_MASTER_SECRET', 'NO_QUERY_MTU', 'NO_RENEGOTIATION', 'NO_SESSION_RESUMPTION_ON_RENEGOTIATION',
  'NO_SSL_MASK', 'NO_SSLv2', 'NO_SSLv3', 'NO_TICKET', 'NO_TLSv1', 'NO_TLSv1_1', 'NO_TLSv1_2', 'NO_TLSv1_3',
  'PKCS1_CHECK_1', 'PKCS1_CHECK_2', 'PRIORITIZE_CHACHA', 'SAFARI_ECDHE_ECDSA_BUG', 'SINGLE_DH_USE',
  'SINGLE_ECDH_USE', 'SSLEAY_080_CLIENT_DH_BUG', 'SSLREF2_REUSE_CERT_TYPE_BUG', 'TLS_BLOCK_PADDING_BUG',
  'TLS_D5_BUG', 'TLSEXT_PADDING', 'TLS_ROLLBACK_BUG',
];

/**
 * Flags that have no effect with OpenSSL 1.1.0 and later: OpenSSL defines them as 0 (kept only so
 * old configs still parse), or the protocol they switch off no longer exists.
 */
export const STUNNEL_DEAD_SSL_OPTIONS: Record<string, string> = {
  NO_SSLv2: 'SSLv2 was removed from OpenSSL 1.1.0, so there is nothing left to switch off',
  NO_SSLv3: 'stunnel already sets it by default (since 5.06), and OpenSSL 1.1.0 and later are built without SSLv3 unless configured with enable-ssl3',
  MICROSOFT_SESS_ID_BUG: 'OpenSSL 1.1.0 and later define it as 0',
  NETSCAPE_CHALLENGE_BUG: 'OpenSSL 1.1.0 and later define it as 0',
  NETSCAPE_REUSE_CIPHER_CHANGE_BUG: 'OpenSSL defines it as 0 since 0.9.8q',
  SSLREF2_REUSE_CERT_TYPE_BUG: 'OpenSSL defines it as 0 since 1.0.1h',
  MICROSOFT_BIG_SSLV3_BUFFER: 'OpenSSL 1.1.0 and later define it as 0',
  MSIE_SSLV2_RSA_PADDING: 'OpenSSL defines it as 0 since 0.9.7h',
  SSLEAY_080_CLIENT_DH_BUG: 'OpenSSL 1.1.0 and later define it as 0',
  TLS_D5_BUG: 'OpenSSL 1.1.0 and later define it as 0',
  TLS_BLOCK_PADDING_BUG: 'OpenSSL 1.1.0 and later define it as 0',
  SINGLE_ECDH_USE: 'OpenSSL 1.1.0 and later always use a fresh ECDH key, so the flag is 0',
  SINGLE_DH_USE: 'OpenSSL 1.1.0 and later always use a fresh DH key, so the flag is 0',
  EPHEMERAL_RSA: 'OpenSSL defines it as 0 since 1.0.1k',
  PKCS1_CHECK_1: 'OpenSSL defines it as 0 since 1.0.1',
  PKCS1_CHECK_2: 'OpenSSL defines it as 0 since 1.0.1',
  NETSCAPE_CA_DN_BUG: 'OpenSSL 1.1.0 and later define it as 0',
  NETSCAPE_DEMO_CIPHER_CHANGE_BUG: 'OpenSSL 1.1.0 and later define it as 0',
};

/**
 * What clearing NO_SSLv3 (`options = -NO_SSLv3`) changes: the flag goes, but OpenSSL 1.1.0 and later
 * leave SSLv3 out at build time (Configure disables ssl3 by default; Debian 12's OpenSSL 3.0 has no
 * SSLv3), so no SSLv3 handshake becomes possible there.
 */
export const STUNNEL_NO_SSLV3_CLEARED = 'With OpenSSL 1.1.0 and later, Debian 12\'s OpenSSL 3 included, this changes nothing only because they are built without SSLv3 (unless configured with enable-ssl3)';

export type SocketValueType = 'flag' | 'int' | 'linger' | 'timeval' | 'string';

/** `socket = a|l|r:NAME=VALUE` names, their value types, and where they exist (stunnel 5.75). */
export const STUNNEL_SOCKET_OPTIONS: Record<string, { type: SocketValueType; only?: string }> = {
  SO_DEBUG: { type: 'flag' },
  SO_DONTROUTE: { type: 'flag' },
  SO_KEEPALIVE: { type: 'flag' },
  SO_LINGER: { type: 'linger' },
  SO_OOBINLINE: { type: 'flag' },
  SO_RCVBUF: { type: 'int' },
  SO_SNDBUF: { type: 'int' },
  SO_RCVLOWAT: { type: 'int' },
  SO_SNDLOWAT: { type: 'int' },
  SO_RCVTIMEO: { type: 'timeval' },
  SO_SNDTIMEO: { type: 'timeval' },
  SO_EXCLUSIVEADDRUSE: { type: 'flag', only: 'Windows' },
  SO_REUSEADDR: { type: 'flag' },
  SO_BINDTODEVICE: { type: 'string' },
  TCP_KEEPCNT: { type: 'int' },
  TCP_KEEPIDLE: { type: 'int' },
  TCP_KEEPINTVL: { type: 'int' },
  IP_TOS: { type: 'int' },
  IP_TTL: { type: 'int' },
  // stunnel compiles TCP_MAXSEG only where IP_MAXSEG is defined, which Linux does not do.
  TCP_MAXSEG: { type: 'int', only: 'systems that define IP_MAXSEG (not Linux)' },
  TCP_NODELAY: { type: 'flag' },
  IP_FREEBIND: { type: 'flag' },
  IP_BINDANY: { type: 'flag', only: 'FreeBSD' },
  IPV6_BINDANY: { type: 'flag', only: 'FreeBSD' },
  IPV6_V6ONLY: { type: 'flag' },
};

/** `OCSPflag =` names (stunnel's parse_ocsp_flag). */
export const STUNNEL_OCSP_FLAGS: readonly string[] = [
  'NOCERTS', 'NOINTERN', 'NOSIGS', 'NOCHAIN', 'NOVERIFY', 'NOEXPLICIT', 'NOCASIGN', 'NODELEGATED', 'NOCHECKS',
  'TRUSTOTHER', 'RESPID_KEY', 'NOTIME',
];

export const STUNNEL_DEBUG_LEVELS: readonly string[] = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** syslog facilities stunnel knows on Linux (authpriv, ftp and ntp only where the C library defines them). */
export const STUNNEL_FACILITIES: readonly string[] = [
  'auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'news', 'ntp', 'syslog', 'user', 'uucp',
  'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
];

export interface StunnelProtocol {
  client: boolean;
  server: boolean;
  /** First stunnel release that knows the name. */
  since?: string;
  /** First release that supports it in server mode, when later than `since`. */
  serverSince?: string;
  /** The protocol talks to the remote end before TLS, so `redirect` cannot work (server mode). */
  connectsFirst?: boolean;
  /** The protocol itself is an endpoint (no `connect` needed). */
  endpoint?: 'client' | 'server';
  summary: string;
}

/** `protocol =` values and the modes each supports (stunnel 5.75 protocol.c). */
export const STUNNEL_PROTOCOLS: Record<string, StunnelProtocol> = {
  socks: { client: true, server: true, endpoint: 'server', summary: 'SOCKS 4/4a/5 inside TLS; in server mode stunnel is the SOCKS server and needs no connect' },
  proxy: { client: false, server: true, summary: 'sends a HAProxy PROXY header with the client address to the connect target' },
  cifs: { client: true, server: true, summary: 'the old Samba SSL negotiation' },
  pgsql: { client: true, server: true, summary: 'PostgreSQL SSLRequest negotiation' },
  smtp: { client: true, server: true, connectsFirst: true, summary: 'SMTP STARTTLS' },
  pop3: { client: true, server: true, connectsFirst: true, summary: 'POP3 STLS' },
  imap: { client: true, server: true, connectsFirst: true, summary: 'IMAP STARTTLS' },
  nntp: { client: true, server: false, summary: 'NNTP STARTTLS' },
  ldap: { client: true, server: false, since: '5.59', summary: 'LDAP StartTLS' },
  connect: { client: true, server: true, serverSince: '5.70', summary: 'HTTP CONNECT through a proxy (client: needs protocolHost)' },
  capwin: { client: true, server: true, since: '5.61', summary: 'the capwin authentication protocol' },
  capwinctrl: { client: true, server: false, since: '5.61', endpoint: 'client', summary: 'capwin control channel; it is an endpoint itself' },
};

/** OpenSSL 3 TLS 1.2-and-older cipher names (`openssl ciphers ALL:COMPLEMENTOFALL`, OpenSSL 3.0). */
export const OPENSSL_CIPHERS: readonly string[] = [
  'ADH-AES128-GCM-SHA256', 'ADH-AES128-SHA', 'ADH-AES128-SHA256', 'ADH-AES256-GCM-SHA384', 'ADH-AES256-SHA',
  'ADH-AES256-SHA256', 'ADH-CAMELLIA128-SHA', 'ADH-CAMELLIA128-SHA256', 'ADH-CAMELLIA256-SHA',
  'ADH-CAMELLIA256-SHA256', 'AECDH-AES128-SHA', 'AECDH-AES256-SHA', 'AECDH-NULL-SHA', 'AES128-CCM',
  'AES128-CCM8', 'AES128-GCM-SHA256', 'AES128-SHA', 'AES128-SHA256', 'AES256-CCM', 'AES256-CCM8',
  'AES256-GCM-SHA384', 'AES256-SHA', 'AES256-SHA256', 'ARIA128-GCM-SHA256', 'ARIA256-GCM-SHA384',
  'CAMELLIA128-SHA', 'CAMELLIA128-SHA256', 'CAMELLIA256-SHA', 'CAMELLIA256-SHA256',
  'DHE-DSS-AES128-GCM-SHA256', 'DHE-DSS-AES128-SHA', 'DHE-DSS-AES128-SHA256', 'DHE-DSS-AES256-GCM-SHA384',
  'DHE-DSS-AES256-SHA', 'DHE-DSS-AES256-SHA256', 'DHE-DSS-ARIA128-GCM-SHA256', 'DHE-DSS-ARIA256-GCM-SHA384',
  'DHE-DSS-CAMELLIA128-SHA', 'DHE-DSS-CAMELLIA128-SHA256', 'DHE-DSS-CAMELLIA256-SHA',
  'DHE-DSS-CAMELLIA256-SHA256', 'DHE-PSK-AES128-CBC-SHA', 'DHE-PSK-AES128-CBC-SHA256', 'DHE-PSK-AES128-CCM',
  'DHE-PSK-AES128-CCM8', 'DHE-PSK-AES128-GCM-SHA256', 'DHE-PSK-AES256-CBC-SHA', 'DHE-PSK-AES256-CBC-SHA384',
  'DHE-PSK-AES256-CCM', 'DHE-PSK-AES256-CCM8', 'DHE-PSK-AES256-GCM-SHA384', 'DHE-PSK-ARIA128-GCM-SHA256',
  'DHE-PSK-ARIA256-GCM-SHA384', 'DHE-PSK-CAMELLIA128-SHA256', 'DHE-PSK-CAMELLIA256-SHA384',
  'DHE-PSK-CHACHA20-POLY1305', 'DHE-PSK-NULL-SHA', 'DHE-PSK-NULL-SHA256', 'DHE-PSK-NULL-SHA384',
  'DHE-RSA-AES128-CCM', 'DHE-RSA-AES128-CCM8', 'DHE-RSA-AES128-GCM-SHA256', 'DHE-RSA-AES128-SHA',
  'DHE-RSA-AES128-SHA256', 'DHE-RSA-AES256-CCM', 'DHE-RSA-AES256-CCM8', 'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-AES256-SHA', 'DHE-RSA-AES256-SHA256', 'DHE-RSA-ARIA128-GCM-SHA256', 'DHE-RSA-ARIA256-GCM-SHA384',
  'DHE-RSA-CAMELLIA128-SHA', 'DHE-RSA-CAMELLIA128-SHA256', 'DHE-RSA-CAMELLIA256-SHA',
  'DHE-RSA-CAMELLIA256-SHA256', 'DHE-RSA-CHACHA20-POLY1305', 'ECDHE-ARIA128-GCM-SHA256',
  'ECDHE-ARIA256-GCM-SHA384', 'ECDHE-ECDSA-AES128-CCM', 'ECDHE-ECDSA-AES128-CCM8',
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES128-SHA256',
  'ECDHE-ECDSA-AES256-CCM', 'ECDHE-ECDSA-AES256-CCM8', 'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-SHA', 'ECDHE-ECDSA-AES256-SHA384', 'ECDHE-ECDSA-ARIA128-GCM-SHA256',
  'ECDHE-ECDSA-ARIA256-GCM-SHA384', 'ECDHE-ECDSA-CAMELLIA128-SHA256', 'ECDHE-ECDSA-CAMELLIA256-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-ECDSA-NULL-SHA', 'ECDHE-PSK-AES128-CBC-SHA',
  'ECDHE-PSK-AES128-CBC-SHA256', 'ECDHE-PSK-AES256-CBC-SHA', 'ECDHE-PSK-AES256-CBC-SHA384',
  'ECDHE-PSK-CAMELLIA128-SHA256', 'ECDHE-PSK-CAMELLIA256-SHA384', 'ECDHE-PSK-CHACHA20-POLY1305',
  'ECDHE-PSK-NULL-SHA', 'ECDHE-PSK-NULL-SHA256', 'ECDHE-PSK-NULL-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA384', 'ECDHE-RSA-CAMELLIA128-SHA256', 'ECDHE-RSA-CAMELLIA256-SHA384',
  'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-RSA-NULL-SHA', 'NULL-MD5', 'NULL-SHA', 'NULL-SHA256',
  'PSK-AES128-CBC-SHA', 'PSK-AES128-CBC-SHA256', 'PSK-AES128-CCM', 'PSK-AES128-CCM8',
  'PSK-AES128-GCM-SHA256', 'PSK-AES256-CBC-SHA', 'PSK-AES256-CBC-SHA384', 'PSK-AES256-CCM',
  'PSK-AES256-CCM8', 'PSK-AES256-GCM-SHA384', 'PSK-ARIA128-GCM-SHA256', 'PSK-ARIA256-GCM-SHA384',
  'PSK-CAMELLIA128-SHA256', 'PSK-CAMELLIA256-SHA384', 'PSK-CHACHA20-POLY1305', 'PSK-NULL-SHA',
  'PSK-NULL-SHA256', 'PSK-NULL-SHA384', 'RSA-PSK-AES128-CBC-SHA', 'RSA-PSK-AES128-CBC-SHA256',
  'RSA-PSK-AES128-GCM-SHA256', 'RSA-PSK-AES256-CBC-SHA', 'RSA-PSK-AES256-CBC-SHA384',
  'RSA-PSK-AES256-GCM-SHA384', 'RSA-PSK-ARIA128-GCM-SHA256', 'RSA-PSK-ARIA256-GCM-SHA384',
  'RSA-PSK-CAMELLIA128-SHA256', 'RSA-PSK-CAMELLIA256-SHA384', 'RSA-PSK-CHACHA20-POLY1305',
  'RSA-PSK-NULL-SHA', 'RSA-PSK-NULL-SHA256', 'RSA-PSK-NULL-SHA384', 'SRP-AES-128-CBC-SHA',
  'SRP-AES-256-CBC-SHA', 'SRP-DSS-AES-128-CBC-SHA', 'SRP-DSS-AES-256-CBC-SHA', 'SRP-RSA-AES-128-CBC-SHA',
  'SRP-RSA-AES-256-CBC-SHA',
];

/** Cipher names OpenSSL knows but Debian's and most OpenSSL 3 builds leave out (3DES, RC4, DES, ...). */
export const OPENSSL_LEGACY_CIPHERS: readonly string[] = [
  'DES-CBC3-SHA', 'EDH-RSA-DES-CBC3-SHA', 'EDH-DSS-DES-CBC3-SHA', 'DHE-RSA-DES-CBC3-SHA', 'DHE-DSS-DES-CBC3-SHA',
  'ECDHE-RSA-DES-CBC3-SHA', 'ECDHE-ECDSA-DES-CBC3-SHA', 'AECDH-DES-CBC3-SHA', 'ADH-DES-CBC3-SHA',
  'PSK-3DES-EDE-CBC-SHA', 'RSA-PSK-3DES-EDE-CBC-SHA', 'DHE-PSK-3DES-EDE-CBC-SHA', 'ECDHE-PSK-3DES-EDE-CBC-SHA',
  'SRP-3DES-EDE-CBC-SHA', 'SRP-RSA-3DES-EDE-CBC-SHA', 'SRP-DSS-3DES-EDE-CBC-SHA',
  'RC4-SHA', 'RC4-MD5', 'ECDHE-RSA-RC4-SHA', 'ECDHE-ECDSA-RC4-SHA', 'AECDH-RC4-SHA', 'ADH-RC4-MD5', 'PSK-RC4-SHA',
  'DES-CBC-SHA', 'EDH-RSA-DES-CBC-SHA', 'EDH-DSS-DES-CBC-SHA', 'ADH-DES-CBC-SHA', 'IDEA-CBC-SHA', 'SEED-SHA',
  'DHE-RSA-SEED-SHA', 'DHE-DSS-SEED-SHA', 'ADH-SEED-SHA', 'EXP-RC4-MD5', 'EXP-DES-CBC-SHA',
];

/** OpenSSL cipher-string keywords (SSL_TXT_* in OpenSSL 3's ssl.h, plus DEFAULT and the Suite B words). */
export const OPENSSL_CIPHER_ALIASES: readonly string[] = [
  'ALL', 'COMPLEMENTOFALL', 'COMPLEMENTOFDEFAULT', 'DEFAULT', 'LOW', 'MEDIUM', 'HIGH', 'FIPS',
  'aNULL', 'eNULL', 'NULL', 'kRSA', 'kDHr', 'kDHd', 'kDH', 'kEDH', 'kDHE', 'kECDHr', 'kECDHe', 'kECDH', 'kEECDH',
  'kECDHE', 'kPSK', 'kRSAPSK', 'kECDHEPSK', 'kDHEPSK', 'kGOST', 'kGOST18', 'kSRP', 'aRSA', 'aDSS', 'aDH', 'aECDH',
  'aECDSA', 'aPSK', 'aGOST94', 'aGOST01', 'aGOST12', 'aGOST', 'aSRP', 'DSS', 'DH', 'DHE', 'EDH', 'ADH', 'RSA',
  'ECDH', 'EECDH', 'ECDHE', 'AECDH', 'ECDSA', 'PSK', 'SRP', 'DES', '3DES', 'RC4', 'RC2', 'IDEA', 'SEED', 'AES128',
  'AES256', 'AES', 'AESGCM', 'AESCCM', 'AESCCM8', 'CAMELLIA128', 'CAMELLIA256', 'CAMELLIA', 'CHACHA20', 'GOST89',
  'ARIA', 'ARIAGCM', 'ARIA128', 'ARIA256', 'MD5', 'SHA1', 'SHA', 'GOST94', 'GOST89MAC', 'GOST12', 'GOST89MAC12',
  'SHA256', 'SHA384', 'SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'CBC', 'KUZNYECHIK', 'MAGMA',
  'SUITEB128', 'SUITEB128ONLY', 'SUITEB128C2', 'SUITEB192',
];

/** TLS 1.3 ciphersuite names OpenSSL 3 knows. */
export const OPENSSL_TLS13_SUITES: readonly string[] = [
  'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_CCM_SHA256',
  'TLS_AES_128_CCM_8_SHA256', 'TLS_SHA256_SHA256', 'TLS_SHA384_SHA384',
];

/**
 * TLS group names OpenSSL 3 accepts in `curves` (its providers' TLS-GROUP list with their aliases;
 * the brainpool *tls13 names need 3.2, the ML-KEM groups 3.5). Matched case-insensitively.
 */
export const OPENSSL_GROUPS: readonly string[] = [
  'X25519', 'X448', 'P-256', 'P-384', 'P-521', 'secp256r1', 'prime256v1', 'secp384r1', 'secp521r1',
  'ffdhe2048', 'ffdhe3072', 'ffdhe4096', 'ffdhe6144', 'ffdhe8192',
  'brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1', 'brainpoolP256r1tls13', 'brainpoolP384r1tls13',
  'brainpoolP512r1tls13', 'X25519MLKEM768', 'SecP256r1MLKEM768', 'SecP384r1MLKEM1024', 'MLKEM512', 'MLKEM768',
  'MLKEM1024', 'secp160k1', 'secp160r1', 'secp160r2', 'secp192k1', 'secp192r1', 'prime192v1', 'P-192', 'secp224k1',
  'secp224r1', 'P-224', 'secp256k1', 'sect163k1', 'K-163', 'sect163r1', 'sect163r2', 'B-163', 'sect193r1',
  'sect193r2', 'sect233k1', 'K-233', 'sect233r1', 'B-233', 'sect239k1', 'sect283k1', 'K-283', 'sect283r1', 'B-283',
  'sect409k1', 'K-409', 'sect409r1', 'B-409', 'sect571k1', 'K-571', 'sect571r1', 'B-571',
];

/** Groups worth offering in completion (modern, widely supported), best first. */
export const RECOMMENDED_GROUPS: readonly string[] = ['X25519', 'P-256', 'X448', 'P-384', 'P-521', 'X25519MLKEM768', 'ffdhe2048', 'ffdhe3072'];

/** TCP port names in netbase's /etc/services (Debian 12, netbase 6.4), names and aliases. */
export const TCP_SERVICE_NAMES: readonly string[] = [
  'acr-nema', 'afpovertcp', 'amanda', 'amandaidx', 'amidxtape', 'amqp', 'amqps', 'asp', 'auth',
  'authentication', 'bacula-dir', 'bacula-fd', 'bacula-sd', 'bbs', 'bgp', 'bgpd', 'binkp', 'canna',
  'cfengine', 'chargen', 'cisco-sccp', 'clc-build-daemon', 'cmd', 'cmip-agent', 'cmip-man', 'codaauth2',
  'codasrv', 'codasrv-se', 'csync2', 'cvspserver', 'daap', 'datametrics', 'daytime', 'db-lsp', 'dcap',
  'dicom', 'dict', 'dircproxy', 'discard', 'distcc', 'domain', 'domain-s', 'echo', 'epmap', 'epmd', 'exec',
  'f5-globalsite', 'f5-iquery', 'fax', 'fido', 'finger', 'font-service', 'freeciv', 'ftp', 'ftp-data',
  'ftps', 'ftps-data', 'gdomap', 'gds-db', 'gds_db', 'git', 'gnunet', 'gnutella-rtr', 'gnutella-svc',
  'gopher', 'gpsd', 'gris', 'groupwise', 'gsidcap', 'gsiftp', 'gsigatekeeper', 'hkp', 'hprop', 'http',
  'http-alt', 'https', 'hylafax', 'ident', 'imap', 'imap2', 'imaps', 'ingreslock', 'ipp', 'iprop', 'ircd',
  'ircs-u', 'iscsi-target', 'isisd', 'isns', 'iso-tsap', 'jabber-client', 'jabber-server', 'kamanda', 'kdc',
  'kerberos', 'kerberos-adm', 'kerberos-iv', 'kerberos-master', 'kerberos-sec', 'kerberos4', 'kerberos5',
  'kermit', 'klogin', 'kpasswd', 'krb-prop', 'krb5', 'krb5_prop', 'krb_prop', 'krcmd', 'kshell', 'ldap',
  'ldaps', 'ldp', 'loc-srv', 'login', 'lotusnote', 'lotusnotes', 'lrrd', 'mail', 'mailq', 'microsoft-ds',
  'moira-db', 'moira-update', 'moira_db', 'moira_update', 'mon', 'ms-sql-s', 'ms-wbt-server', 'mtn', 'munin',
  'mysql', 'mysql-proxy', 'nbd', 'netbios-ssn', 'netstat', 'nfs', 'nicname', 'nntp', 'nntps', 'nqs', 'nrpe',
  'nsca', 'ntske', 'null', 'nut', 'old-radacct', 'old-radius', 'omniorb', 'openvpn', 'ospf6d', 'ospfapi',
  'ospfd', 'pawserv', 'pop-3', 'pop3', 'pop3s', 'poppassd', 'portmapper', 'postgres', 'postgresql',
  'printer', 'proofd', 'puppet', 'qmqp', 'qmtp', 'qotd', 'quote', 'radacct', 'radius', 'radius-acct',
  'radmin-port', 'readnews', 'redis', 'remctl', 'ripd', 'ripngd', 'rmiregistry', 'rmtcfg', 'rootd',
  'rpc2portmap', 'rptp', 'rsync', 'rtcm-sc104', 'rtsp', 'sa-msg-port', 'saft', 'sane', 'sane-port', 'saned',
  'sge-execd', 'sge-qmaster', 'sge_execd', 'sge_qmaster', 'sgi-cad', 'shell', 'sieve', 'silc', 'sink', 'sip',
  'sip-tls', 'skkserv', 'smtp', 'smtps', 'smux', 'snmp', 'snmp-trap', 'snmptrap', 'snntp', 'snpp', 'socks',
  'source', 'spamd', 'spooler', 'ssh', 'ssmtp', 'submission', 'submissions', 'subversion', 'sunrpc',
  'supfiledbg', 'supfilesrv', 'suucp', 'svn', 'svrloc', 'syslog', 'syslog-tls', 'sysrqd', 'systat', 'tacacs',
  'tap', 'tcpmux', 'telnet', 'telnets', 'tfido', 'time', 'timserver', 'tinc', 'tproxy', 'tsap', 'ttytst',
  'untp', 'urd', 'users', 'uucp', 'uucpd', 'venus', 'venus-se', 'wais', 'webcache', 'webmin', 'whois',
  'wnn6', 'www', 'x11', 'x11-0', 'x11-1', 'x11-2', 'x11-3', 'x11-4', 'x11-5', 'x11-6', 'x11-7', 'xfs',
  'xinetd', 'xmms2', 'xmpp-client', 'xmpp-server', 'xtel', 'xtelw', 'z3950', 'zabbix-agent',
  'zabbix-trapper', 'zebra', 'zebrasrv', 'zope', 'zope-ftp', 'zserv',
];
