import { stunnelAlias, stunnelOption } from '../../knowledge/stunnel';
import type { Entry, ParsedDocument } from '../../syntax/ast';
import type { Fix } from '../../types';
import { deleteEntry, fix, replaceSpan } from '../fixes';
import { spanOfEntry, type Rule } from '../rule';
import { indentOf } from './load';

/** The verifyChain/verifyPeer/requireCert lines equivalent to an old `verify = N` (stunnel's options.c). */
const VERIFY_EQUIVALENT: Record<string, string[]> = {
  '0': [],
  '1': ['verifyChain = yes'],
  '2': ['verifyChain = yes', 'requireCert = yes'],
  '3': ['verifyChain = yes', 'verifyPeer = yes'],
  '4': ['verifyPeer = yes'],
};

function replaceWithLines(doc: ParsedDocument, e: Entry, lines: string[], title: string, preferred = true): Fix {
  if (lines.length === 0) return { ...fix(title, doc, [deleteEntry(doc, e)]), preferred };
  const indent = indentOf(doc, e);
  return fix(title, doc, [replaceSpan(doc, e.span, lines.join(doc.index.eol + indent))], preferred);
}

function sslVersionFixes(doc: ParsedDocument, e: Entry): Fix[] {
  const v = e.value;
  if (v.toLowerCase() === 'all') {
    return [
      replaceWithLines(doc, e, [], "Remove 'sslVersion = all' (it is the default)"),
      replaceWithLines(doc, e, ['sslVersionMin = TLSv1.2'], 'Replace with sslVersionMin = TLSv1.2', false),
    ];
  }
  const known = stunnelOption('sslVersionMin')!.values!.find((x) => x.toLowerCase() === v.toLowerCase());
  if (!known) return [];
  // Keeping a pin on a version OpenSSL 3 refuses is not the right answer: stunnel/insecure-protocol
  // offers the preferred fix then, and this one stays available but is never applied by fix-all.
  const weak = ['sslv3', 'tlsv1', 'tlsv1.1'].includes(known.toLowerCase());
  return [replaceWithLines(doc, e, [`sslVersionMin = ${known}`, `sslVersionMax = ${known}`], `Replace with sslVersionMin/sslVersionMax = ${known}`, !weak)];
}

export const deprecatedOption: Rule = {
  id: 'stunnel/deprecated-option',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'An option stunnel has deprecated (sslVersion since 5.45, verify since 5.34), an old alias (session, curve) or old value (transparent = yes|no).',
  check(ctx) {
    const doc = ctx.doc;
    for (const section of doc.sections) {
      for (const e of section.entries) {
        const opt = stunnelOption(e.key);
        if (opt?.deprecated) {
          const { since, use } = opt.deprecated;
          const fixes =
            opt.name === 'sslVersion'
              ? sslVersionFixes(doc, e)
              : opt.name === 'verify' && Object.hasOwn(VERIFY_EQUIVALENT, e.value) // not `in`: 'constructor' and '__proto__' are in every object
                ? [replaceWithLines(doc, e, VERIFY_EQUIVALENT[e.value], VERIFY_EQUIVALENT[e.value].length ? `Replace with ${VERIFY_EQUIVALENT[e.value].join(', ')}` : "Remove 'verify = 0' (the peer certificate is not checked either way)")]
                : [];
          ctx.report({
            span: spanOfEntry(e),
            message: `'${opt.name}' is deprecated since stunnel ${since}: use ${use.join(' / ')} instead. It still works, but later releases may drop it.`,
            tags: ['deprecated'],
            docUrl: opt.url,
            fixes,
          });
          continue;
        }
        if (opt?.name === 'transparent' && /^(yes|no)$/i.test(e.value)) {
          const modern = e.value.toLowerCase() === 'yes' ? 'source' : 'none';
          ctx.report({
            span: e.valueSpan,
            message: `transparent = ${e.value} is the old spelling of transparent = ${modern}; stunnel still accepts it, but write ${modern}.`,
            tags: ['deprecated'],
            fixes: [fix(`Write ${modern}`, doc, [replaceSpan(doc, e.valueSpan, modern)])],
          });
          continue;
        }
        if (!opt) {
          const target = stunnelAlias(e.key);
          if (target) {
            ctx.report({
              span: e.keySpan,
              message: `'${e.key}' is an old name of '${target.name}'; stunnel still accepts it, but use '${target.name}'.`,
              tags: ['deprecated'],
              fixes: [fix(`Rename to '${target.name}'`, doc, [replaceSpan(doc, e.keySpan, target.name)])],
            });
          }
        }
      }
    }
  },
};
