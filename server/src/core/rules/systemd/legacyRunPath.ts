import { valueSubSpan } from '../../syntax/ast';
import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { knownEntries } from './context';

/** Value types in which a /var/run path is a path systemd itself uses. */
const PATH_TYPES = ['path', 'absolute-path', 'absolute-path-list', 'namespace-path-list', 'bind-path-list', 'tmpfs-list', 'listen-address', 'condition-path', 'env-file'];

export const legacyRunPath: Rule = {
  id: 'systemd/legacy-run-path',
  dialect: 'systemd-unit',
  severity: 'warning',
  summary: 'Socket paths and other paths under /var/run/ (PIDFile= is checked by systemd/pidfile-mismatch): that is a legacy symlink to /run/; systemd rewrites socket paths and logs a warning each time.',
  check(ctx) {
    const doc = ctx.doc;
    for (const { e, d } of knownEntries(doc)) {
      // PIDFile= is systemd/pidfile-mismatch's (it also checks the file against the daemon's config).
      if (!PATH_TYPES.includes(d.type) || e.key === 'PIDFile') continue;
      const re = /(^|[\s:=!|+-])\/var\/run(\/|$)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(e.value))) {
        const start = m.index + m[1].length;
        const span = valueSubSpan(e, start, start + '/var/run'.length);
        ctx.report({
          span,
          message: `/var/run is a legacy symlink to /run; ${d.type === 'listen-address' ? `systemd rewrites ${e.key}= to /run and logs a warning every time it loads the unit` : 'it works only as long as the symlink exists'}. Write /run instead.`,
          fixes: [fix('Use /run', doc, [replaceSpan(doc, span, '/run')])],
        });
      }
    }
  },
};
