import { STUNNEL_DEAD_SSL_OPTIONS, STUNNEL_NO_SSLV3_CLEARED } from '../../knowledge/stunnelExtras';
import { deleteEntry, fix } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, spanOfLoaded, stunnelLoad } from './load';

const DEAD_BY_LC = new Map(Object.entries(STUNNEL_DEAD_SSL_OPTIONS).map(([k, v]) => [k.toLowerCase(), { name: k, why: v }]));

export const deadOption: Rule = {
  id: 'stunnel/dead-option',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'Settings that do nothing with OpenSSL 1.1/3: options = NO_SSLv2/NO_SSLv3 and other zero flags, EGD; options = -NO_SSLv3, which would re-allow SSLv3; and compression, which OpenSSL 3 refuses (error).',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.entries) {
      const name = le.opt?.name;
      const e = le.entry;
      const remove = () => [fix(`Remove '${e.key} = ${e.value}'`, le.doc, [deleteEntry(le.doc, e)])];
      if (name === 'options') {
        const flag = e.value.replace(/^-/, '');
        const dead = DEAD_BY_LC.get(flag.toLowerCase());
        if (!dead) continue;
        if (dead.name === 'NO_SSLv3' && e.value.startsWith('-')) {
          // stunnel's ctx.c sets NO_SSLv3 before applying the configured options, and a leading '-'
          // clears a flag: the bit really goes (stunnel logs "TLS options: 0x100000 (+0x0, -0x2000000)").
          reportEntry(ctx, load, le, spanOfLoaded(le), {
            message: `options = ${e.value} clears the NO_SSLv3 flag stunnel sets by default (since 5.06), which would allow SSLv3 (broken by POODLE) again. ${STUNNEL_NO_SSLV3_CLEARED}. Remove the line; choose protocol versions with sslVersionMin/sslVersionMax.`,
            fixes: remove(),
          });
          continue;
        }
        reportEntry(ctx, load, le, spanOfLoaded(le), {
          message: `options = ${e.value} has no effect: ${dead.why}. Remove the line${/^NO_SSL/i.test(flag) ? '; choose protocol versions with sslVersionMin/sslVersionMax' : ''}.`,
          tags: ['unnecessary'],
          fixes: remove(),
        });
      } else if (name === 'compression' && /^(deflate|zlib)$/i.test(e.value)) {
        reportEntry(ctx, load, le, spanOfLoaded(le), {
          severity: 'error',
          message: `OpenSSL 3 (and most 1.1 builds) no longer support TLS compression, which also leaks secrets (CRIME): stunnel stops with "Configured compression is unsupported by OpenSSL" and "Global options: Failed to initialize TLS". Remove the line.`,
          fixes: remove(),
        });
      } else if (name === 'EGD') {
        reportEntry(ctx, load, le, spanOfLoaded(le), {
          message: `EGD (the Entropy Gathering Daemon socket) is ignored by OpenSSL 1.1.0 and later, which seed themselves from the kernel. Remove the line.`,
          tags: ['unnecessary'],
          fixes: remove(),
        });
      }
    }
  },
};
