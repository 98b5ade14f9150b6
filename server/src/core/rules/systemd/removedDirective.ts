import { removedBy } from '../../knowledge/systemd';
import { deleteEntry, fix } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

const INSTEAD: Record<string, string> = {
  Capabilities: ' For the capabilities of the service use CapabilityBoundingSet= (what it may ever have) and AmbientCapabilities= (what it gets).',
  SysVStartPriority: ' Ordering comes from After= and Before=.',
  MemoryLimit: ' Use MemoryMax=.',
  CPUShares: ' Use CPUWeight= (shares / 10.24).',
  StartupCPUShares: ' Use StartupCPUWeight=.',
  CPUAccounting: ' CPU accounting is always on with the unified cgroup hierarchy.',
};

export const removedDirective: Rule = {
  id: 'systemd/removed-directive',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'A directive systemd no longer supports (Capabilities=, SysVStartPriority=, ..., and cgroup-v1 settings after 257): it is ignored with a warning.',
  check(ctx) {
    const doc = ctx.doc;
    const target = ctx.settings.systemdVersion;
    for (const { e, d } of knownEntries(doc)) {
      if (!removedBy(d, target)) continue;
      ctx.report({
        span: e.keySpan,
        tags: ['unnecessary'],
        message: `${e.key}= is no longer supported${d.status === 'removed' ? '' : ` by the systemd you target (${target})`}: systemd ignores it with a warning, so the setting has no effect.${INSTEAD[e.key] ?? ''}`,
        fixes: [fix(`Remove the ${e.key}= line`, doc, [deleteEntry(doc, e)], false)],
      });
    }
  },
};
