// Input generators for the property tests and the long fuzz run: config files built line by line
// from the dialects' real vocabulary, the fixtures' files mutated at random, and plain noise; and
// small workspaces that put a unit, its drop-in, the stunnel config it starts and limits.conf
// together so the cross-file rules run too.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { core } from '../helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED_DIRS = ['examples', 'test/fixtures'];
const MAX_SEED_BYTES = 64 * 1024;

function filesUnder(dir) {
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    const st = statSync(p);
    return st.isDirectory() ? filesUnder(p) : st.isFile() && st.size <= MAX_SEED_BYTES ? [p] : [];
  });
}

/** The repository's config files (examples and fixtures), by dialect, in a stable order. */
export const SEEDS = { stunnel: [], 'systemd-unit': [], 'limits-conf': [] };
for (const d of SEED_DIRS) {
  for (const p of filesUnder(join(ROOT, d))) {
    const dialect = core.detectDialect(p);
    if (dialect) SEEDS[dialect].push(readFileSync(p, 'utf8'));
  }
}

const knowledge = (p) => JSON.parse(readFileSync(join(ROOT, 'server/src/core/knowledge', p), 'utf8'));
const DIRECTIVES = knowledge('systemd/directives.json').sections;
const SYSTEMD_SECTIONS = Object.keys(DIRECTIVES);
const SYSTEMD_KEYS = [...new Set(Object.values(DIRECTIVES).flatMap((rows) => Object.keys(rows)))].sort();
const STUNNEL_OPTIONS = knowledge('stunnel/options.json').options;
const STUNNEL_KEYS = Object.keys(STUNNEL_OPTIONS).sort();
const STUNNEL_ENUMS = [...new Set(Object.values(STUNNEL_OPTIONS).flatMap((o) => o.values ?? []))];
const SYSTEMD_ENUMS = [...new Set(Object.values(DIRECTIVES).flatMap((rows) => Object.values(rows).flatMap((r) => r.v ?? [])))];

/** Characters that matter to the parsers, and some that break naive code. */
const NASTY = ['\\', '[', ']', '=', '#', ';', '"', "'", ' ', '\t', '\r', '\n', '\r\n', '\uFEFF', '\u00A0', '\u2028', '\uD800', '\uDC00', '😀', 'é', '%i', '%', '@', '-', '!', ':', '\u0000', '\v', '\f'];
const nasty = fc.constantFrom(...NASTY);
const ws = fc.constantFrom('', '', '', ' ', '  ', '\t', ' \t ', '\u00A0');
const word = fc.string({ unit: fc.constantFrom(...'abcxyzAZ09_-./:@%'.split('')), maxLength: 12 });
const noise = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: nasty, maxLength: 6 }),
);

const systemdValue = fc.oneof(
  fc.constantFrom(
    'yes', 'no', 'true', 'off', 'forking', 'simple', 'notify', 'oneshot', 'infinity', '1024', '65536', '4096:524288', '0', '-1', '99999999999999999999',
    'syslog.target', 'syslog.target network.target', 'network-online.target syslog.target', 'multi-user.target',
    '/usr/bin/stunnel /etc/stunnel/stunnel.conf', '/usr/bin/stunnel4 /etc/stunnel/%i.conf', '/usr/sbin/stunnel', '-/usr/bin/stunnel', '@/usr/bin/stunnel stunnel',
    '/usr/bin/haproxy -f /etc/haproxy.cfg', '/bin/sh -c "echo hi > /tmp/x"', 'stunnel', '/run/stunnel.pid',
    'no # trailing comment', 'yes ; why', 'forking   # note', '"quoted value"', "'single'", '5s', '1min 30s', 'on-failure', 'always', '',
    '%i', '\\', 'a\\', 'a\\\\', '!!/bin/true', '=', '[Service]', '; /bin/false', 'ExecStart=',
  ),
  fc.constantFrom(...SYSTEMD_ENUMS),
  word,
  noise,
);

const stunnelValue = fc.oneof(
  fc.constantFrom(
    'yes', 'no', 'all', 'SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3', 'sslv2', '0', '1', '2', '3', '4', '5',
    '/etc/stunnel/stunnel.pem', '/run/stunnel.pid', '/var/run/stunnel/stunnel.pid', 'stunnel4', '127.0.0.1:443', ':::443', '8443',
    '/var/lib/stunnel', 'localhost:8080', 'ALL:!aNULL', '', 'yes ; comment', 'a = b',
  ),
  fc.constantFrom(...STUNNEL_ENUMS),
  word,
  noise,
);

const header = (names) =>
  fc.tuple(ws, fc.oneof(fc.constantFrom(...names), word, noise), fc.constantFrom(']', ']', ']', '', '] # comment', ']]'), ws).map(([a, n, close, b]) => `${a}[${n}${close}${b}`);
const comment = fc.tuple(ws, fc.constantFrom('#', ';'), fc.oneof(word, noise)).map(([a, c, t]) => `${a}${c}${t}`);

const systemdKey = fc.oneof(fc.constantFrom(...SYSTEMD_KEYS), fc.constantFrom('Type', 'ExecStart', 'LimitNOFILE', 'PIDFile', 'User', 'Group', 'After', 'WantedBy', 'Before', 'Restart'), word, fc.constantFrom('limitnofile', 'ExecStrat', 'X-Mine', 'Wantedby'));
const systemdEntry = fc
  .tuple(ws, systemdKey, ws, fc.constantFrom('=', '=', '=', '', '=='), ws, systemdValue, fc.constantFrom('', '', '', '\\', ' \\'))
  .map(([a, k, b, eq, c, v, cont]) => `${a}${k}${b}${eq}${c}${v}${cont}`);
const systemdLine = fc.oneof(
  { weight: 2, arbitrary: header([...SYSTEMD_SECTIONS, 'X-Custom', 'service', 'Servce']) },
  { weight: 8, arbitrary: systemdEntry },
  { weight: 2, arbitrary: comment },
  { weight: 2, arbitrary: ws },
  { weight: 1, arbitrary: noise },
);

const stunnelKey = fc.oneof(fc.constantFrom(...STUNNEL_KEYS), fc.constantFrom('sslVersion', 'verify', 'pid', 'chroot', 'foreground', 'session', 'curve', 'setuid'), word, fc.constantFrom('foregroun', 'client ', 'ssl Version', 'CAfile'));
const stunnelEntry = fc
  .tuple(ws, stunnelKey, ws, fc.constantFrom('=', '=', '=', '', '=='), ws, stunnelValue)
  .map(([a, k, b, eq, c, v]) => `${a}${k}${b}${eq}${c}${v}`);
const stunnelLine = fc.oneof(
  { weight: 2, arbitrary: header(['stunnel', 'https', 'imaps', 'svc', '']) },
  { weight: 8, arbitrary: stunnelEntry },
  { weight: 2, arbitrary: comment },
  { weight: 2, arbitrary: ws },
  { weight: 1, arbitrary: noise },
);

const limitsField = (pool) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: word }, { weight: 1, arbitrary: noise });
const limitsEntry = fc
  .tuple(ws, fc.array(fc.tuple(fc.constantFrom(' ', '\t', '  '), fc.oneof(limitsField(['stunnel', '@stunnel', '*', 'root', 'nobody', '%admin']), limitsField(['soft', 'hard', '-']), limitsField(['nofile', 'nproc', 'core', 'as', 'bogus']), limitsField(['4096', '65536', 'unlimited', 'infinity', '-1', '0']))), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '', ' # c', '#'))
  .map(([a, fields, tail]) => a + fields.map(([s, f], i) => (i ? s : '') + f).join('') + tail);
const limitsLine = fc.oneof({ weight: 6, arbitrary: limitsEntry }, { weight: 2, arbitrary: comment }, { weight: 1, arbitrary: ws }, { weight: 1, arbitrary: noise });

const LINE = { 'systemd-unit': systemdLine, stunnel: stunnelLine, 'limits-conf': limitsLine };

/** A document of a dialect built from lines with mixed line breaks, a BOM now and then. */
export function generatedText(dialect, maxLines = 30) {
  return fc
    .tuple(
      fc.constantFrom('', '', '', '', '\uFEFF'),
      fc.array(fc.tuple(LINE[dialect], fc.constantFrom('\n', '\n', '\n', '\r\n', '\r')), { maxLength: maxLines }),
      fc.boolean(),
    )
    .map(([bom, lines, trailing]) => {
      let s = bom + lines.map(([l, eol]) => l + eol).join('');
      if (!trailing && lines.length) s = s.slice(0, s.length - lines[lines.length - 1][1].length);
      return s;
    });
}

const mutation = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'swap-lines', 'truncate', 'replace'),
  at: fc.nat(),
  len: fc.nat({ max: 60 }),
  other: fc.nat(),
  text: fc.oneof(nasty, fc.string({ unit: nasty, maxLength: 8 }), word, noise, systemdEntry, stunnelEntry, fc.constant('\n[Service]\n'), fc.constant('\n[svc]\n')),
});

export function mutate(text, mutations) {
  let t = text;
  for (const m of mutations) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    switch (m.kind) {
      case 'insert':
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      case 'delete':
        t = t.slice(0, at) + t.slice(at + m.len);
        break;
      case 'duplicate':
        t = t.slice(0, at + m.len) + t.slice(at, at + m.len) + t.slice(at + m.len);
        break;
      case 'replace':
        t = t.slice(0, at) + m.text + t.slice(at + m.len);
        break;
      case 'truncate':
        t = t.slice(0, at);
        break;
      case 'swap-lines': {
        const lines = t.split('\n');
        const i = m.at % lines.length;
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        t = lines.join('\n');
        break;
      }
    }
  }
  return t;
}

/** A fixture file of the dialect, mutated a few times (or left alone now and then). */
export function mutatedSeed(dialect) {
  const seeds = SEEDS[dialect];
  const base = seeds.length ? fc.constantFrom(...seeds) : generatedText(dialect);
  return fc.tuple(base, fc.array(mutation, { maxLength: 5 })).map(([t, ms]) => mutate(t, ms));
}

/** Text that owes nothing to any dialect: code points of every kind, or bytes decoded as UTF-8. */
export const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: nasty, maxLength: 200 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => new TextDecoder('utf-8').decode(b)),
);

export function textOf(dialect) {
  return fc.oneof({ weight: 4, arbitrary: generatedText(dialect) }, { weight: 4, arbitrary: mutatedSeed(dialect) }, { weight: 1, arbitrary: randomText });
}

/**
 * A workspace: a unit (sometimes a template or not a service), maybe a drop-in for it, the stunnel
 * config its ExecStart= names, and limits.conf — each file generated, mutated or noise. Returned as
 * { files: { path: text }, imageRoots }.
 */
export const workspaceArb = fc
  .record({
    unitName: fc.constantFrom('stunnel.service', 'stunnel.service', 'stunnel@.service', 'stunnel.socket', 'tls.timer', 'web.mount'),
    unit: textOf('systemd-unit'),
    dropIn: fc.option(textOf('systemd-unit'), { nil: undefined }),
    conf: textOf('stunnel'),
    limits: fc.option(textOf('limits-conf'), { nil: undefined }),
    launch: fc.constantFrom('', '', '[Service]\nExecStart=/usr/bin/stunnel /etc/stunnel/stunnel.conf\nType=forking\nUser=stunnel\n', 'ExecStart=/usr/bin/stunnel4 /etc/stunnel/%i.conf\n'),
    image: fc.boolean(),
  })
  .map(({ unitName, unit, dropIn, conf, limits, launch, image }) => {
    const root = image ? '/srv/img' : '';
    const files = { [`${root}/etc/systemd/system/${unitName}`]: unit + (unit.endsWith('\n') || !unit ? '' : '\n') + launch };
    if (dropIn !== undefined) files[`${root}/etc/systemd/system/${unitName}.d/override.conf`] = dropIn;
    files[`${root}/etc/stunnel/stunnel.conf`] = conf;
    if (limits !== undefined) files[`${root}/etc/security/limits.conf`] = limits;
    return { files, imageRoots: image ? [root] : [] };
  });

/** Positions to probe: anywhere in or around the text, including past its ends. */
export const positionsArb = fc.array(fc.record({ line: fc.integer({ min: -1, max: 40 }), character: fc.integer({ min: -1, max: 120 }) }), { minLength: 1, maxLength: 4 });
