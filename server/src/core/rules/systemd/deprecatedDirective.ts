import { removedBy, type Directive } from '../../knowledge/systemd';
import { parseSystemdBoolean, plainWords } from '../../knowledge/values/systemd';
import { parseExecLines } from '../../knowledge/values/systemdExec';
import type { Entry, ParsedDocument } from '../../syntax/ast';
import { valueSubSpan } from '../../syntax/ast';
import type { Fix, TextEdit } from '../../types';
import { deleteEntry, fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

/** CPUShares= (2..262144, default 1024) to CPUWeight= (1..10000, default 100), as systemd converts them. */
export function sharesToWeight(shares: number): number {
  return Math.min(10000, Math.max(1, Math.floor((shares * 100) / 1024)));
}

/** BlockIOWeight= (10..1000, default 500) to IOWeight= (1..10000, default 100). */
export function blkioToIoWeight(w: number): number {
  return Math.min(10000, Math.max(1, Math.floor((w * 100) / 500)));
}

const EXEC_KEYS_FOR_PLUS = ['ExecStartPre', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost', 'ExecCondition'];

/** The replacement key named by the table ("MemoryMax=" -> MemoryMax), if it is a plain key. */
function replacementKey(d: Directive): string | undefined {
  const m = /^([A-Za-z]+)=$/.exec(d.replacement ?? '');
  return m?.[1];
}

function renameFix(doc: ParsedDocument, e: Entry, key: string, value: string | undefined): Fix {
  const edits: TextEdit[] = [replaceSpan(doc, e.keySpan, key)];
  if (value !== undefined && value !== e.value) edits.push(replaceSpan(doc, e.valueSpan, value));
  return fix(`Use ${key}=${value ?? e.value}`, doc, edits);
}

const plusCache = new WeakMap<ParsedDocument, Map<string, TextEdit[]>>();

/**
 * The edits that give every Exec*= command of the section's name (all its sections: systemd merges
 * them) the '+' prefix, worked out once per file: each PermissionsStartOnly= line's fix shares them.
 */
function plusPrefixes(doc: ParsedDocument, section: string): TextEdit[] {
  let bySection = plusCache.get(doc);
  if (!bySection) plusCache.set(doc, (bySection = new Map()));
  let edits = bySection.get(section);
  if (edits) return edits;
  edits = [];
  for (const s of doc.sections) {
    if (s.name !== section) continue;
    for (const x of s.entries) {
      if (!EXEC_KEYS_FOR_PLUS.includes(x.key) || x.value === '') continue;
      for (const line of parseExecLines(x.value)) {
        if (/[+!]/.test(line.prefixes)) continue;
        const at = valueSubSpan(x, line.prefixStart, line.prefixStart).start;
        edits.push(replaceSpan(doc, { start: at, end: at }, '+'));
      }
    }
  }
  bySection.set(section, edits);
  return edits;
}

function fixFor(doc: ParsedDocument, e: Entry, d: Directive): Fix | undefined {
  const key = replacementKey(d);
  switch (d.name) {
    case 'CPUShares':
    case 'StartupCPUShares': {
      if (!/^\d+$/.test(e.value)) return undefined;
      return renameFix(doc, e, key!, String(sharesToWeight(Number(e.value))));
    }
    case 'BlockIOWeight':
    case 'StartupBlockIOWeight':
      if (!/^\d+$/.test(e.value)) return undefined;
      return renameFix(doc, e, key!, String(blkioToIoWeight(Number(e.value))));
    case 'BlockIODeviceWeight': {
      const w = plainWords(e.value);
      if (w.length !== 2 || !/^\d+$/.test(w[1].text)) return undefined;
      return renameFix(doc, e, 'IODeviceWeight', `${w[0].text} ${blkioToIoWeight(Number(w[1].text))}`);
    }
    case 'OnFailureIsolate': {
      const b = parseSystemdBoolean(e.value);
      if (b === undefined) return undefined;
      return b ? renameFix(doc, e, 'OnFailureJobMode', 'isolate') : fix('Remove the line (replace is the default job mode)', doc, [deleteEntry(doc, e)]);
    }
    case 'PermissionsStartOnly': {
      const b = parseSystemdBoolean(e.value);
      if (b === undefined) return undefined;
      const edits: TextEdit[] = [deleteEntry(doc, e), ...(b ? plusPrefixes(doc, e.section.name!) : [])];
      return fix(b ? "Remove it and give the other Exec*= lines the '+' prefix" : 'Remove the line (no is the default)', doc, edits);
    }
    default:
      return key ? renameFix(doc, e, key, undefined) : undefined;
  }
}

function advice(d: Directive, e: Entry): string {
  switch (d.name) {
    case 'CPUShares':
    case 'StartupCPUShares':
      return /^\d+$/.test(e.value) ? ` ${d.name}=${e.value} corresponds to ${d.replacement}${sharesToWeight(Number(e.value))} (the default 1024 shares are weight 100).` : '';
    case 'BlockIOWeight':
    case 'StartupBlockIOWeight':
      return /^\d+$/.test(e.value) ? ` ${d.name}=${e.value} corresponds to ${d.replacement}${blkioToIoWeight(Number(e.value))} (the default 500 is weight 100).` : '';
    case 'PermissionsStartOnly':
      return " Instead, give the ExecStartPre=/ExecStartPost=/ExecReload=/ExecStop= lines that need full privileges the '+' prefix.";
    case 'MemoryLimit':
      return ' MemoryMax= takes the same values on the unified (cgroup v2) hierarchy.';
    default:
      return '';
  }
}

export const deprecatedDirective: Rule = {
  id: 'systemd/deprecated-directive',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A directive systemd keeps only for compatibility (MemoryLimit=, CPUShares=, BlockIO*=, StartLimitInterval=, PermissionsStartOnly=, old aliases); the fix rewrites it, mapping values where the scales differ.',
  check(ctx) {
    const doc = ctx.doc;
    for (const { e, d } of knownEntries(doc)) {
      if (!['deprecated', 'legacy-alias', 'obsolete'].includes(d.status) || removedBy(d, ctx.settings.systemdVersion)) continue;
      const f = fixFor(doc, e, d);
      const repl = d.replacement ? ` Use ${d.replacement.replace(/^'\+' prefix.*/, "the '+' prefix")} instead.` : '';
      const kind = d.status === 'legacy-alias' ? 'an old name' : d.status === 'obsolete' ? 'obsolete' : 'deprecated';
      ctx.report({
        span: e.keySpan,
        message: `${e.key}= is ${kind}; systemd still accepts it${d.status === 'deprecated' && d.removedIn ? ' but releases after 257 ignore it' : ''}.${repl}${advice(d, e)}`,
        tags: ['deprecated'],
        fixes: f ? [f] : [],
      });
    }
  },
};
