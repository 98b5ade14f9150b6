// Hover text: what a key means, its value type and default, and a link to the manual anchor.
import { LIMITS_MANUAL, LIMIT_ITEMS } from '../knowledge/limits';
import { stunnelAlias, stunnelOption, stunnelSummary, type StunnelOption } from '../knowledge/stunnel';
import { stunnelValueDescription } from '../knowledge/values/stunnel';
import { directive, directiveSince, sectionManUrl, sectionsOf, systemdSummary, type Directive } from '../knowledge/systemd';
import { valueTypeText } from '../knowledge/values/systemd';
import { SPECIFIERS } from '../knowledge/values/systemdData';
import { hardeningFor } from '../rules/systemd/hardening/table';
import { entryAt, type ParsedDocument } from '../syntax/ast';
import type { Position, Range } from '../types';

export interface HoverResult {
  markdown: string;
  range: Range;
}

const SCOPE_TEXT = { global: 'global option (before the first section)', service: 'service option (in a section, or in the global part as a default)', both: 'global or service option' };

export function stunnelOptionMarkdown(opt: StunnelOption): string {
  const lines = [`**${opt.name}** — stunnel ${SCOPE_TEXT[opt.scope]}`, ''];
  const summary = stunnelSummary(opt.name);
  if (summary) lines.push(summary, '');
  const facts: string[] = [];
  facts.push(`Value: ${stunnelValueDescription(opt) ?? (opt.values ? opt.values.map((v) => `\`${v}\``).join(' | ') : opt.valueText)}`);
  if (opt.default) facts.push(`Default: ${opt.default}`);
  facts.push(`Since: stunnel ${opt.added}`);
  if (opt.removed) facts.push('Removed: current stunnel releases reject it');
  if (opt.deprecated) facts.push(`Deprecated since ${opt.deprecated.since}: use ${opt.deprecated.use.map((u) => `\`${u}\``).join(', ')}`);
  if (opt.list) facts.push('May repeat: every line adds to the list.');
  else facts.push('If repeated, the last line wins.');
  lines.push(facts.map((f) => `- ${f}`).join('\n'), '', `[stunnel manual: ${opt.name}](${opt.url})`);
  return lines.join('\n');
}

export function systemdDirectiveMarkdown(d: Directive): string {
  const lines = [`**${d.name}=** — [${d.section}]`, ''];
  const summary = systemdSummary(d.section, d.name);
  if (summary) lines.push(summary, '');
  const facts: string[] = [`Value: ${valueTypeText(d)}`];
  if (d.defaultValue) facts.push(`Default: ${d.defaultValue}`);
  const since = directiveSince(d);
  facts.push(since ? `Since: systemd ${d.newer ? 'releases after 257' : since}` : 'Since: early systemd releases');
  if (d.status !== 'active') facts.push(`Status: ${d.status}${d.replacement ? ` — use \`${d.replacement}\`` : ''}`);
  if (d.removedIn) facts.push('Ignored by systemd releases after 257 (cgroup v1 is gone).');
  if (d.expands) facts.push('Specifiers such as %i, %n, %h are expanded (%% for a literal %).');
  const hardening = hardeningFor(d.name);
  if (hardening && d.section !== 'Unit') facts.push(`Hardening: ${hardening.why} (checked by systemd/hardening-${hardening.name} with daemonlint.security)`);
  if (d.limit === 'RLIMIT_NOFILE') facts.push('Services get soft 1024 / hard 524288 unless this is set; /etc/security/limits.conf does not apply to them.');
  lines.push(facts.map((f) => `- ${f}`).join('\n'), '');
  const url = d.url ?? sectionManUrl(d.section);
  const page = url.slice(url.lastIndexOf('/') + 1).replace(/\.html.*$/, '');
  lines.push(`[${page}(5): ${d.url ? decodeURIComponent(url.slice(url.indexOf('#') + 1)) : d.section}](${url})`);
  return lines.join('\n');
}

export function hover(doc: ParsedDocument, pos: Position): HoverResult | undefined {
  const offset = doc.index.offsetAt(pos);
  if (doc.dialect === 'limits-conf') {
    const l = doc.limits.find((x) => offset >= x.spans.item.start && offset <= x.spans.item.end);
    if (!l || !LIMIT_ITEMS[l.item]) return undefined;
    return {
      markdown: `**${l.item}** — ${LIMIT_ITEMS[l.item]}\n\nApplies to PAM login sessions only: services started by systemd take their limits from the unit (e.g. \`LimitNOFILE=\`).\n\n[limits.conf(5)](${LIMITS_MANUAL})`,
      range: doc.index.rangeOf(l.spans.item),
    };
  }
  const e = entryAt(doc, pos.line);
  if (e && doc.dialect === 'systemd-unit' && offset >= e.valueSpan.start && offset <= e.valueSpan.end) return specifierHover(doc, offset);
  if (!e || offset < e.keySpan.start || offset > e.keySpan.end) return undefined;
  const range = doc.index.rangeOf(e.keySpan);
  if (doc.dialect === 'stunnel') {
    const opt = stunnelOption(e.key) ?? stunnelAlias(e.key);
    return opt ? { markdown: stunnelOptionMarkdown(opt), range } : undefined;
  }
  const section = e.section.name;
  const d = (section ? directive(section, e.key) : undefined) ?? sectionsOf(e.key).map((s) => directive(s, e.key)!)[0];
  return d ? { markdown: systemdDirectiveMarkdown(d), range } : undefined;
}

/** Hover on a %-specifier inside a systemd value: what it expands to. */
function specifierHover(doc: ParsedDocument, offset: number): HoverResult | undefined {
  const text = doc.text;
  for (const at of [offset - 1, offset, offset - 2]) {
    if (at < 0 || text[at] !== '%' || !(text[at + 1] in SPECIFIERS)) continue;
    // %% is a literal percent sign; make sure this % is not the second half of one.
    let n = 0;
    for (let i = at - 1; i >= 0 && text[i] === '%'; i--) n++;
    if (n % 2 === 1) continue;
    const s = SPECIFIERS[text[at + 1]];
    return { markdown: `**%${text[at + 1]}** — ${s.text}${s.since ? ` (systemd ${s.since} and later)` : ''}\n\nExpanded by systemd when it loads the unit, in settings that take specifiers.`, range: doc.index.rangeOf({ start: at, end: at + 2 }) };
  }
  return undefined;
}
