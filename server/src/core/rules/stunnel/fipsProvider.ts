import { deleteEntry, fix } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, spanOfLoaded, stunnelLoad } from './load';

export const fipsProvider: Rule = {
  id: 'stunnel/fips-provider',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'fips = yes, which needs an installed and configured OpenSSL FIPS provider; without one (Debian, Ubuntu by default) stunnel stops with "Failed to initialize TLS".',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.global) {
      if (le.opt?.name !== 'fips' || le.entry.value.toLowerCase() !== 'yes') continue;
      reportEntry(ctx, load, le, spanOfLoaded(le), {
        message: `fips = yes makes stunnel load OpenSSL's FIPS provider when it starts. Where that provider is not installed and configured (the default on Debian and Ubuntu) stunnel stops with "Global options: Failed to initialize TLS". Install the FIPS provider first, or remove the line.`,
        fixes: [fix("Remove 'fips = yes'", le.doc, [deleteEntry(le.doc, le.entry)])],
      });
    }
  },
};
