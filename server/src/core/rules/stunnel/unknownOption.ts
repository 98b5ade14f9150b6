import { stunnelAlias, stunnelOption, stunnelOptions } from '../../knowledge/stunnel';
import { STUNNEL_NOT_OPTIONS } from '../../knowledge/stunnelExtras';
import { stunnelValueOk } from '../../knowledge/values/stunnel';
import { NearestNames } from '../../text';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/** Option names to suggest, prepared once for many lookups. */
interface Suggestible {
  globalNames: NearestNames & { has(name: string): boolean };
  serviceNames: NearestNames & { has(name: string): boolean };
}
let suggestibleCache: Suggestible | undefined;
function suggestible(): Suggestible {
  if (!suggestibleCache) {
    const current = stunnelOptions().filter((o) => !o.removed);
    // Suggest only options valid where the line stands: a global-only one in a service would fail again.
    const withHas = (names: string[]) => Object.assign(new NearestNames(names), { has: (n: string) => names.includes(n) });
    suggestibleCache = { globalNames: withHas(current.map((o) => o.name)), serviceNames: withHas(current.filter((o) => o.scope !== 'global').map((o) => o.name)) };
  }
  return suggestibleCache;
}

export const unknownOption: Rule = {
  id: 'stunnel/unknown-option',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'An option stunnel does not know; it refuses to start ("Specified option name is not valid here").',
  check(ctx) {
    const { globalNames, serviceNames } = suggestible();
    for (const section of ctx.doc.sections) {
      const names = section.name === null ? globalNames : serviceNames;
      for (const e of section.entries) {
        const known = stunnelOption(e.key);
        if ((known && !known.removed) || stunnelAlias(e.key)) continue;
        const squeezed = e.key.replace(/\s+/g, '');
        const joined = squeezed !== e.key ? stunnelOption(squeezed) : undefined;
        const suggestion = joined && names.has(joined.name) ? joined.name : names.closest(e.key);
        const explain = STUNNEL_NOT_OPTIONS[e.key.toLowerCase()];
        let message = `Unknown stunnel option '${e.key}': stunnel stops with "Specified option name is not valid here" and does not start.`;
        if (known?.removed) message = `'${e.key}' was removed from stunnel; it stops with "Specified option name is not valid here".`;
        if (explain) message += ' ' + explain;
        else if (suggestion) message += ` Did you mean '${suggestion}'?`;
        // Offer the rename only when the line is then right: a value the option takes, in a part where it may stand.
        const target = suggestion ? stunnelOption(suggestion) : undefined;
        const inetd = ctx.doc.sections.length === 1;
        const fits = !!target && stunnelValueOk(target, e.value) && !(target.scope === 'global' && section.name !== null) && !(target.name === 'accept' && inetd);
        ctx.report({
          span: e.keySpan,
          message,
          fixes: suggestion && !explain && fits ? [fix(`Change to '${suggestion}'`, ctx.doc, [replaceSpan(ctx.doc, e.keySpan, suggestion)])] : [],
        });
      }
    }
  },
};
