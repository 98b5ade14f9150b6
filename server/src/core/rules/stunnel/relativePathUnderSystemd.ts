// Relative file paths (cert, key, CAfile, ...) in a stunnel config that a systemd unit starts with
// no WorkingDirectory=: stunnel opens them relative to its working directory, which is / there.
import { stunnelOption } from '../../knowledge/stunnel';
import { dirname, joinPath } from '../../paths';
import type { Fix } from '../../types';
import { effectiveValue, hostConfigPath, launchersOf, runningUnitName, unitAndDropIns, type DaemonLaunch } from '../../workspace/units';
import { addSettings, fix, replaceSpan, sectionEndLine } from '../fixes';
import { runsInForeground } from '../../workspace/stunnelConfig';
import type { Rule } from '../rule';
import { inlineComment } from './inlineComment';

/**
 * Path options stunnel opens relative to its working directory. Left out: exec (searched in PATH),
 * pid (written after chroot), chroot itself and the Windows-only icon files.
 */
const SKIP = new Set(['exec', 'pid', 'chroot', 'iconActive', 'iconError', 'iconIdle', 'OCSP', 'CAstore']);

function isRelativePath(v: string): boolean {
  // Empty values, absolute paths and URIs (pkcs11:..., file:...) are fine.
  return v !== '' && !v.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v);
}

export const relativePathUnderSystemd: Rule = {
  id: 'stunnel/relative-path-under-systemd',
  dialect: 'stunnel',
  severity: 'warning',
  summary: 'A relative cert, key, CAfile, ... in a config a systemd unit starts without WorkingDirectory=: stunnel resolves it against /, not the config directory.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const launches: DaemonLaunch[] = launchersOf(ws, doc.uri).filter((l) => !effectiveValue(ws, l.unit, 'Service', 'WorkingDirectory'));
    if (launches.length === 0) return;
    const launch = launches[0];
    const unitName = runningUnitName(launch, doc.uri);
    const hostPath = hostConfigPath(launch, doc.uri);
    const configDir = hostPath && hostPath.startsWith('/') ? dirname(hostPath) : undefined;
    const service = launch.unit.sections.find((s) => s.name === 'Service');
    const foreground = runsInForeground(doc);

    for (const s of doc.sections) {
      for (const e of s.entries) {
        const opt = stunnelOption(e.key);
        if (!opt || opt.type !== 'path' || SKIP.has(opt.name) || !isRelativePath(e.value)) continue;
        // A daemonizing stunnel refuses a relative output outright (stunnel/relative-path-without-foreground).
        if (opt.name === 'output' && !foreground) continue;
        // With an engine, key (and cert) name objects in the engine, not files.
        if ((opt.name === 'key' || opt.name === 'cert') && s.entries.some((x) => /^engine(Id|Num)$/i.test(x.key))) continue;
        const fixes: Fix[] = [];
        // A comment after the path stays wrong with the directory in front (stunnel/inline-comment): no rewrite then.
        // Nor for a value holding '=' (two lines run together: include =pid = ...), blanks, ';' or '#':
        // that is not one path, and the rewrite would only move the trouble.
        if (configDir && !inlineComment(opt, e.value) && !/[=\s;#]/.test(e.value)) fixes.push(fix(`Use ${joinPath(configDir, e.value)}`, doc, [replaceSpan(doc, e.valueSpan, joinPath(configDir, e.value))]));
        if (configDir && service) {
          // After an empty WorkingDirectory= read later (a later [Service], a drop-in), which would reset it.
          const changes = addSettings(unitAndDropIns(ws, launch.unit), 'Service', launch.unit, sectionEndLine(service), [`WorkingDirectory=${configDir}`]);
          fixes.push({ title: `Add WorkingDirectory=${configDir} to ${unitName}`, changes, preferred: false });
        }
        ctx.report({
          span: e.valueSpan,
          message: `${opt.name} = ${e.value} is a relative path: stunnel resolves it against its working directory, which is / when ${unitName} starts it (the unit sets no WorkingDirectory=), so it opens /${e.value.replace(/^\.\//, '')}${configDir ? `, not ${joinPath(configDir, e.value)}` : ''}. Write the absolute path.`,
          fixes,
          related: [{ uri: launch.unit.uri, range: launch.unit.index.rangeOf(launch.exec.span), message: `${unitName} starts this config` }],
        });
      }
    }
  },
};
