// Builds one rule per hardening check. Each reports on a service unit (its effective settings,
// drop-ins included): on the weak value when one is set, else on the [Service] header. Fixes add
// the recommended line, or the whole block of missing hardening settings at once.
import type { Entry, ParsedDocument, Section } from '../../../syntax/ast';
import type { Workspace } from '../../../workspace/workspace';
import { basename, uriToPath } from '../../../paths';
import { unprivilegedNeeds } from '../../../workspace/units';
import { addSettings, fix, fixChanges, mergeChanges, replaceSpan, resetsIn, sectionEndLine } from '../../fixes';
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

const DYNAMIC = 'DynamicUser=yes';

/** Why the user check offers no DynamicUser=yes here: the stunnel config drops privileges itself. */
function switchNote(switches: { config: ParsedDocument; entry: Entry }): string {
  const name = basename(uriToPath(switches.config.uri));
  return `Here ${name} has stunnel switch users itself (${switches.entry.key} = ${switches.entry.value}), which fails when systemd already starts it unprivileged: to let systemd drop the privileges, set User= (and Group=) to that account and remove setuid/setgid from ${name}.`;
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
      // At the end of the last [Service]; a line that an empty Key= (or, for AmbientCapabilities=,
      // a ~ list) read later would undo goes after that line instead.
      const resets = resetsIn(ctx.settings.systemdVersion);
      const undoes = (e: Entry) => resets(e) || (e.key === 'AmbientCapabilities' && e.value.startsWith('~'));
      const add = (lines: string[]) => addSettings(unitFiles(ws, doc), 'Service', doc, service ? sectionEndLine(service) : undefined, lines, undoes);
      // DynamicUser=yes breaks a stunnel that switches users itself (undefined: left out) and needs
      // CAP_NET_BIND_SERVICE for ports below 1024.
      const { lines: dynamicNeeds, switches } = unprivilegedNeeds(ws, doc);
      const withNeeds = (lines: string[]) => lines.flatMap((l) => (l !== DYNAMIC ? [l] : dynamicNeeds ? [l, ...dynamicNeeds] : []));
      const and = (lines: string[]) => (lines.length > 1 ? `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}` : lines.join(''));
      const current = effectiveValue(ws, doc, 'Service', check.key);
      const recommendedKey = check.recommended.split('=')[0];
      const fixes = [];
      if (current && check.name === 'user' && inDoc(doc, current)) {
        // User=root: a dynamic user replaces it (with both, systemd would still pick the static root user).
        const replace = replaceSpan(doc, { start: current.keySpan.start, end: current.valueSpan.end }, check.recommended);
        if (dynamicNeeds) fixes.push(fixChanges(`Replace User=${current.value} with ${and([check.recommended, ...dynamicNeeds])}`, mergeChanges([{ uri: doc.uri, edits: [replace] }], dynamicNeeds.length ? add(dynamicNeeds) : [])));
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
        const lines = withNeeds([check.recommended]);
        if (lines.length) fixes.push(fixChanges(`Add ${and(lines)}`, add(lines)));
      }
      const block = withNeeds(missingHardening(ws, doc));
      // Without DynamicUser=yes the block would not fix the missing user.
      const fixesThis = check.name !== 'user' || block.includes(DYNAMIC);
      if (block.length > 1 && fixesThis) fixes.push(fixChanges(`Add the hardening block (${block.length} settings)`, add(block), false));
      const weak = typeof verdict === 'object' ? verdict.weak : undefined;
      ctx.report({
        span: current && inDoc(doc, current) ? current.valueSpan : unitAnchor(doc, 'Service'),
        message: `${weak ? `Weak hardening: ${weak}.` : current ? `${check.key}=${current.value}: the service runs without this protection.` : `No ${check.key === 'User' ? 'User= or DynamicUser=' : `${check.key}=`}: the service runs without this protection.`} ${check.why} ${check.name === 'user' && switches ? switchNote(switches) : `Consider ${check.recommended}; test the service afterwards, as each restriction can break a program that needs what it takes away.`}`,
        fixes,
      });
    },
  };
}
