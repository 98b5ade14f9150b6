import { stunnelOption } from '../../knowledge/stunnel';
import type { Entry, ParsedDocument } from '../../syntax/ast';
import type { Fix } from '../../types';
import { deleteEntry, fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { stunnelLoad, type StunnelLoad } from './load';
import { emptyRangeIf, type VersionSetting } from './versionRange';

/** Versions RFC 8996 deprecated; OpenSSL 3 refuses them at its default security level. */
const WEAK = ['sslv3', 'tlsv1', 'tlsv1.1'];

const MIN_12: VersionSetting = { name: 'sslVersionMin', value: 'TLSv1.2' };
const MAX_13: VersionSetting = { name: 'sslVersionMax', value: 'TLSv1.3' };

/**
 * The first of the candidate rewrites of a line that leaves every service a non-empty range of
 * versions (a weak sslVersionMax read before or after the line would otherwise fall below the new
 * minimum), or none when each would make stunnel stop with "Invalid protocol version range".
 */
function safeRewrite(load: StunnelLoad, e: Entry, candidates: VersionSetting[][]): VersionSetting[] | undefined {
  return candidates.find((c) => !emptyRangeIf(load, e, c));
}

/**
 * Replaces the line's "key = value" by the settings, one per line, keeping its indentation. Not a
 * preferred fix (fix-all and --fix leave it): raising the floor shuts out clients that speak only
 * the old versions, which the user must decide. SSLv2 is the exception: stunnel does not start.
 */
function rewrite(doc: ParsedDocument, e: Entry, settings: VersionSetting[], title: string, preferred = false): Fix {
  if (settings.length === 0) return fix(title, doc, [deleteEntry(doc, e)], preferred);
  const text = settings.map((s) => `${s.name} = ${s.value}`).join(doc.index.eol);
  return fix(title, doc, [replaceSpan(doc, { start: e.keySpan.start, end: e.valueSpan.end }, text)], preferred);
}

function titleOf(settings: VersionSetting[]): string {
  return `Use ${settings.map((s) => `${s.name} = ${s.value}`).join(' and ')}`;
}

/** The fix for a weak or unknown lower bound: raise it to TLS 1.2 (with a TLS 1.3 ceiling when a weak one is in force). */
function raiseMinimum(load: StunnelLoad, doc: ParsedDocument, e: Entry, preferred = false): Fix[] {
  const s = safeRewrite(load, e, [[MIN_12], [MIN_12, MAX_13]]);
  return s ? [rewrite(doc, e, s, titleOf(s), preferred)] : [];
}

export const insecureProtocol: Rule = {
  id: 'stunnel/insecure-protocol',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'SSLv2 (refused by stunnel) or SSLv3/TLSv1/TLSv1.1 (deprecated, refused by OpenSSL 3) in sslVersion, sslVersionMin or sslVersionMax.',
  check(ctx) {
    const doc = ctx.doc;
    let load: StunnelLoad | undefined;
    const loaded = () => (load ??= stunnelLoad(ctx.workspace, doc));
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
            fixes: raiseMinimum(loaded(), doc, e, true),
          });
          continue;
        }
        if (!WEAK.includes(v)) continue;
        const pinned = opt.name === 'sslVersion' || opt.name === 'sslVersionMax';
        const consequence = pinned
          ? 'OpenSSL 3 refuses it at its default security level, so every TLS handshake fails ("no protocols available")'
          : 'it admits clients on protocol versions RFC 8996 deprecated (OpenSSL 3 refuses them anyway at its default security level)';
        let fixes: Fix[];
        if (opt.name === 'sslVersionMax') {
          // Raising the ceiling to TLSv1.2 would still shut out TLS 1.3; without it every version up to 1.3 is allowed.
          const s = safeRewrite(loaded(), e, [[], [MAX_13]]);
          fixes = !s ? [] : s.length === 0 ? [rewrite(doc, e, s, 'Remove sslVersionMax (allow every version up to TLS 1.3)')] : [fix('Use sslVersionMax = TLSv1.3', doc, [replaceSpan(doc, e.valueSpan, 'TLSv1.3')], false)];
        } else if (opt.name === 'sslVersionMin') {
          const s = safeRewrite(loaded(), e, [[MIN_12], [MIN_12, MAX_13]]);
          fixes = !s ? [] : s.length === 1 ? [fix('Use sslVersionMin = TLSv1.2', doc, [replaceSpan(doc, e.valueSpan, 'TLSv1.2')], false)] : [rewrite(doc, e, s, titleOf(s))];
        } else fixes = raiseMinimum(loaded(), doc, e);
        ctx.report({
          span: e.valueSpan,
          message: `${opt.name} = ${e.value}: ${consequence}. Use TLSv1.2 or later.`,
          fixes,
        });
      }
    }
  },
};
