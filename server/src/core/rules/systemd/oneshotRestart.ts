import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { effectiveValue, inDoc, unitNameOfDoc, unitOf } from './context';

export const oneshotRestart: Rule = {
  id: 'systemd/oneshot-restart',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'Type=oneshot with Restart=always or Restart=on-success: systemd refuses the unit (a oneshot service may only restart on failure).',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    if (!unitNameOfDoc(doc).endsWith('.service')) return;
    const unit = unitOf(ws, doc);
    if (!unit) return;
    const restart = effectiveValue(ws, unit, 'Service', 'Restart');
    if (!restart || !['always', 'on-success'].includes(restart.value) || !inDoc(doc, restart)) return;
    if (effectiveValue(ws, unit, 'Service', 'Type')?.value !== 'oneshot') return;
    ctx.report({
      span: restart.valueSpan,
      message: `Restart=${restart.value} is not allowed for Type=oneshot services: systemd refuses to load the unit. A oneshot job that must run again on success wants a timer (OnUnitInactiveSec=); to retry failures use Restart=on-failure.`,
      fixes: [fix('Use Restart=on-failure', doc, [replaceSpan(doc, restart.valueSpan, 'on-failure')])],
    });
  },
};
