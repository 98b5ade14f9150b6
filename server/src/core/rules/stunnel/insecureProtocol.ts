import { stunnelOption } from '../../knowledge/stunnel';
import { deleteEntry, fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/** Versions RFC 8996 deprecated; OpenSSL 3 refuses them at its default security level. */
const WEAK = ['sslv3', 'tlsv1', 'tlsv1.1'];

export const insecureProtocol: Rule = {
  id: 'stunnel/insecure-protocol',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'SSLv2 (refused by stunnel) or SSLv3/TLSv1/TLSv1.1 (deprecated, refused by OpenSSL 3) in sslVersion, sslVersionMin or sslVersionMax.',
  check(ctx) {
    const doc = ctx.doc;
    for (const section of doc.sections) {
      for (const e of section.entries) {
        const opt = stunnelOption(e.key);
        if (!opt || !['sslVersion', 'sslVersionMin', 'sslVersionMax'].includes(opt.name)) continue;
        const v = e.value.toLowerCase();
        if (v === 'sslv2') {
          ctx.report({
            span: e.valueSpan,
            severity: 'error',
            message: `${opt.name} = ${e.value}: SSLv2 does not exist in OpenSSL 1.1.0 and later; stunnel stops with "Invalid protocol version". Use sslVersionMin = TLSv1.2.`,
            fixes: [fix('Use sslVersionMin = TLSv1.2', doc, [replaceSpan(doc, { start: e.keySpan.start, end: e.valueSpan.end }, 'sslVersionMin = TLSv1.2')])],
          });
          continue;
        }
        if (!WEAK.includes(v)) continue;
        const pinned = opt.name === 'sslVersion' || opt.name === 'sslVersionMax';
        const consequence = pinned
          ? 'OpenSSL 3 refuses it at its default security level, so every TLS handshake fails ("no protocols available")'
          : 'it admits clients on protocol versions RFC 8996 deprecated (OpenSSL 3 refuses them anyway at its default security level)';
        const fixes =
          opt.name === 'sslVersion'
            ? [fix('Use sslVersionMin = TLSv1.2', doc, [replaceSpan(doc, { start: e.keySpan.start, end: e.valueSpan.end }, 'sslVersionMin = TLSv1.2')])]
            : opt.name === 'sslVersionMax'
              ? // Raising the ceiling to TLSv1.2 would still shut out TLS 1.3; without it every version up to 1.3 is allowed.
                [fix('Remove sslVersionMax (allow every version up to TLS 1.3)', doc, [deleteEntry(doc, e)])]
              : [fix(`Use ${opt.name} = TLSv1.2`, doc, [replaceSpan(doc, e.valueSpan, 'TLSv1.2')])];
        ctx.report({
          span: e.valueSpan,
          message: `${opt.name} = ${e.value}: ${consequence}. Use TLSv1.2 or later.`,
          fixes,
        });
      }
    }
  },
};
