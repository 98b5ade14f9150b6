// Builds one rule per hardening check. Each reports on a service unit (its effective settings,
// drop-ins included): on the weak value when one is set, else on the [Service] header. Fixes add
// the recommended line, or the whole block of missing hardening settings at once.
import type { ParsedDocument, Section } from '../../../syntax/ast';
import type { Workspace } from '../../../workspace/workspace';
import { appendSection, fix, insertIntoSection, replaceSpan } from '../../fixes';
import type { Rule } from '../../rule';
import { effectiveValue, inDoc, isDropInDoc, isMasked, unitAnchor, unitFiles, unitNameOfDoc, unloadable } from '../context';
import { BROAD_CAPABILITIES, HARDENING, type HardeningCheck } from './table';

interface Judged {
  files: ParsedDocument[];
  verdicts: Map<string, ReturnType<HardeningCheck['judge']>>;
  missing: string[];
}
const judged = new WeakMap<ParsedDocument, Judged>();

/** Every check's verdict for a unit, computed once for the 21 rules while the unit and its drop-ins stay the same. */
function judge(ws: Workspace, unit: ParsedDocument): Judged {
  const files = unitFiles(ws, unit);
  const old = judged.get(unit);
  if (old && old.files.length === files.length && old.files.every((f, i) => f === files[i])) return old;
  const verdicts = new Map(HARDENING.map((h) => [h.name, h.judge(ws, unit)] as const));
  const missing = HARDENING.filter((h) => verdicts.get(h.name) !== 'ok' && !effectiveValue(ws, unit, 'Service', h.recommended.split('=')[0])).map((h) => h.recommended);
  const result = { files, verdicts, missing };
  judged.set(unit, result);
  return result;
}

/** The recommended lines of every check the unit fails. */
export function missingHardening(ws: Workspace, unit: ParsedDocument): string[] {
  return judge(ws, unit).missing;
}

function serviceSection(doc: ParsedDocument): Section | undefined {
  return [...doc.sections].reverse().find((s) => s.name === 'Service');
}

export function hardeningRule(check: HardeningCheck): Rule {
  return {
    id: `systemd/hardening-${check.name}`,
    dialect: 'systemd-unit',
    severity: check.severity,
    security: true,
    summary: check.summary,
    check(ctx) {
      const { doc, workspace: ws } = ctx;
      if (isDropInDoc(doc) || !unitNameOfDoc(doc).endsWith('.service') || isMasked(doc) || unloadable(doc)) return;
      const verdict = judge(ws, doc).verdicts.get(check.name)!;
      if (verdict === 'ok') return;
      const service = serviceSection(doc);
      const add = (lines: string[]) => (service ? insertIntoSection(doc, service, lines) : appendSection(doc, 'Service', lines));
      const current = effectiveValue(ws, doc, 'Service', check.key);
      const recommendedKey = check.recommended.split('=')[0];
      const fixes = [];
      if (current && check.name === 'user' && inDoc(doc, current)) {
        // User=root: a dynamic user replaces it (with both, systemd would still pick the static root user).
        fixes.push(fix(`Replace User=${current.value} with ${check.recommended}`, doc, [replaceSpan(doc, { start: current.keySpan.start, end: current.valueSpan.end }, check.recommended)]));
      } else if (current && check.name === 'capability-bounding-set') {
        // Narrow the list the unit has rather than swapping an allow list for a deny list.
        if (inDoc(doc, current)) {
          const inverted = current.value.startsWith('~');
          const words = current.value.replace(/^~/, '').split(/\s+/).filter(Boolean);
          const next = inverted ? `~${[...words, ...BROAD_CAPABILITIES.filter((c) => !words.map((w) => w.toUpperCase()).includes(c))].join(' ')}` : words.filter((w) => !BROAD_CAPABILITIES.includes(w.toUpperCase())).join(' ');
          fixes.push(fix(inverted ? 'Also drop the broad capabilities' : 'Remove the broad capabilities from the list', doc, [replaceSpan(doc, current.valueSpan, next)]));
        }
      } else if (current && recommendedKey === check.key) {
        // The setting is there but weak or off: change it where it is (a drop-in may set it too).
        if (inDoc(doc, current)) fixes.push(fix(`Use ${check.recommended}`, doc, [replaceSpan(doc, current.valueSpan, check.recommended.slice(check.key.length + 1))]));
      } else if (!effectiveValue(ws, doc, 'Service', recommendedKey)) {
        fixes.push(fix(`Add ${check.recommended}`, doc, [add([check.recommended])]));
      }
      const block = missingHardening(ws, doc);
      if (block.length > 1) fixes.push(fix(`Add the hardening block (${block.length} settings)`, doc, [add(block)], false));
      const weak = typeof verdict === 'object' ? verdict.weak : undefined;
      ctx.report({
        span: current && inDoc(doc, current) ? current.valueSpan : unitAnchor(doc, 'Service'),
        message: `${weak ? `Weak hardening: ${weak}.` : current ? `${check.key}=${current.value}: the service runs without this protection.` : `No ${check.key === 'User' ? 'User= or DynamicUser=' : `${check.key}=`}: the service runs without this protection.`} ${check.why} Consider ${check.recommended}; test the service afterwards, as each restriction can break a program that needs what it takes away.`,
        fixes,
      });
    },
  };
}
