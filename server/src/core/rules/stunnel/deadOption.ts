import { STUNNEL_DEAD_SSL_OPTIONS } from '../../knowledge/stunnelExtras';
import { deleteEntry, fix } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, spanOfLoaded, stunnelLoad } from './load';

const DEAD_BY_LC = new Map(Object.entries(STUNNEL_DEAD_SSL_OPTIONS).map(([k, v]) => [k.toLowerCase(), { name: k, why: v }]));

export const deadOption: Rule = {
  id: 'stunnel/dead-option',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'Settings that do nothing with OpenSSL 1.1/3: options = NO_SSLv2/NO_SSLv3 and other zero flags, EGD; and compression, which OpenSSL 3 refuses (error).',
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
