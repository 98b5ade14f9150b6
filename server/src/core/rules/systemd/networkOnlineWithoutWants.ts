import { valueSubSpan } from '../../syntax/ast';
import { addSettings, fixChanges } from '../fixes';
import type { Rule } from '../rule';
import { effective, inDoc, plainWordsOf, unitFiles, unitOf } from './context';

const TARGET = 'network-online.target';

export const networkOnlineWithoutWants: Rule = {
  id: 'systemd/network-online-without-wants',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'After=network-online.target without Wants= (or Requires=) of it: ordering alone does not pull the target in, so the unit may start before the network is up.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const unit = unitOf(ws, doc) ?? doc;
    const pulls = effective(ws, unit, 'Unit', ['Wants', 'Requires', 'Requisite', 'BindsTo', 'Upholds']);
    if (pulls.some((e) => plainWordsOf(e.value).some((w) => w.text === TARGET))) return;
    for (const e of effective(ws, unit, 'Unit', 'After')) {
      if (!inDoc(doc, e)) continue;
      const w = plainWordsOf(e.value).find((x) => x.text === TARGET);
      if (!w) continue;
      ctx.report({
        span: valueSubSpan(e, w.start, w.end),
        message: `After=${TARGET} only orders this unit after the target if something else starts it; nothing here does (no Wants=${TARGET}), so the unit may well start before the network is configured. Add Wants=${TARGET}.`,
        // After After=, or after an empty Wants= further down that would clear it again.
        fixes: [fixChanges(`Add Wants=${TARGET}`, addSettings(unitFiles(ws, unit), 'Unit', doc, e.endLine, [`Wants=${TARGET}`]))],
      });
      return;
    }
  },
};
