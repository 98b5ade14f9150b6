import { directive } from '../../knowledge/systemd';
import { checkSystemdValue } from '../../knowledge/values/systemd';
import type { ParsedDocument, Section } from '../../syntax/ast';
import { appendSection, deleteEntry, endsInBackslash, insertIntoSection } from '../fixes';
import type { Rule } from '../rule';
import { cxOf } from './context';

/** Keys that moved from [Service] to [Unit] (systemd 229), with their name in [Unit]. */
const MOVED: Record<string, string> = {
  StartLimitInterval: 'StartLimitIntervalSec',
  StartLimitBurst: 'StartLimitBurst',
  StartLimitAction: 'StartLimitAction',
  FailureAction: 'FailureAction',
  RebootArgument: 'RebootArgument',
};

function unitSection(doc: ParsedDocument): Section | undefined {
  return doc.sections.find((s) => s.name === 'Unit');
}

export const startLimitInService: Rule = {
  id: 'systemd/start-limit-in-service',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'StartLimitInterval=, StartLimitBurst= (and StartLimitAction=, FailureAction=, RebootArgument=) under [Service]: they belong in [Unit], as StartLimitIntervalSec= for the interval.',
  check(ctx) {
    const doc = ctx.doc;
    for (const s of doc.sections) {
      if (s.name !== 'Service') continue;
      for (const e of s.entries) {
        const target = MOVED[e.key];
        if (!target) continue;
        const line = `${target}=${e.value}`;
        const unit = unitSection(doc);
        const insert = unit ? insertIntoSection(doc, unit, [line]) : appendSection(doc, 'Unit', [line]);
        // A value the key does not take in [Unit] either (an empty StartLimitInterval=, which
        // systemd rejects): moving it would only carry the error along, so systemd/invalid-value's
        // advice (remove the line or give a value) is the one to follow. A value ending in a
        // backslash would join the line below it at the new place.
        const d = directive('Unit', target);
        const problem = d ? checkSystemdValue(d, e.value, cxOf(ctx)) : null;
        const movable = (!problem || (problem.severity !== undefined && problem.severity !== 'error')) && !endsInBackslash(line);
        ctx.report({
          span: e.keySpan,
          message: `${e.key}= belongs in [Unit]${target !== e.key ? ` (as ${target}=)` : ''}; systemd still reads it under [Service] only for compatibility with old units, and newer releases may drop that. Move it to [Unit].`,
          tags: ['deprecated'],
          fixes: movable ? [{ title: `Move to [Unit] as ${target}=`, preferred: true, changes: [{ uri: doc.uri, edits: [deleteEntry(doc, e), insert] }] }] : [],
        });
      }
    }
  },
};
