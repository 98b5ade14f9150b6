import { basename, uriToPath } from '../../paths';
import type { Rule } from '../rule';
import { clearableLast, isWholeConfig, lastOf, reportEntry, resolveRef, serviceViews, stunnelLoad, type LoadedEntry, type StunnelLoad } from './load';
import type { Workspace } from '../../workspace/workspace';

/** cert and key may name an OpenSSL provider or engine object instead of a file (pkcs11:..., engine ids). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

type Kind = 'file' | 'dir';

function exists(ws: Workspace, load: StunnelLoad, le: LoadedEntry, kind: Kind): boolean {
  const path = resolveRef(ws, load.root, le.entry.value);
  return kind === 'file' ? ws.reader!.readFile(path) !== undefined : ws.reader!.listDir(path) !== undefined;
}

function where(load: StunnelLoad, le: LoadedEntry): string {
  return le.entry.value.startsWith('/') ? '' : ` (a relative path: stunnel resolves it from its working directory, here taken as the directory of ${basename(uriToPath(load.root.uri))})`;
}

export const missingFile: Rule = {
  id: 'stunnel/missing-file',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'cert, key, CAfile, CApath, CRLfile, CRLpath or PSKsecrets naming a file that does not exist on this machine (checked only for deployed configurations); stunnel fails to load it.',
  check(ctx) {
    const load: StunnelLoad = stunnelLoad(ctx.workspace, ctx.doc);
    if (!load.live || !isWholeConfig(load)) return;
    const ws = ctx.workspace;
    const done = new Set<LoadedEntry>();
    const check = (le: LoadedEntry | undefined, kind: Kind, consequence: string, severity: 'error' | 'warning' = 'error') => {
      if (!le || done.has(le) || le.entry.value === '') return;
      done.add(le);
      if (exists(ws, load, le, kind)) return;
      reportEntry(ctx, load, le, le.entry.valueSpan, {
        severity,
        message: `${le.opt!.name} = ${le.entry.value}: no such ${kind === 'dir' ? 'directory' : 'file'} on this machine${where(load, le)}, so ${consequence}.`,
      });
    };
    const tls = 'stunnel cannot set up TLS and stops with "Failed to initialize TLS context"';
    for (const view of serviceViews(load)) {
      const engine = !!lastOf(view, 'engineId') || !!lastOf(view, 'engineNum');
      const cert = lastOf(view, 'cert');
      const key = lastOf(view, 'key');
      if (cert && !URI.test(cert.entry.value) && !engine) check(cert, 'file', tls);
      if (key && !URI.test(key.entry.value) && !engine) check(key, 'file', tls);
      check(clearableLast(view, 'CAfile'), 'file', tls);
      check(clearableLast(view, 'CApath'), 'dir', tls);
      check(clearableLast(view, 'CRLfile'), 'file', tls);
      check(clearableLast(view, 'CRLpath'), 'dir', tls);
      check(lastOf(view, 'exec'), 'file', 'stunnel starts but every connection fails when it tries to run the program', 'warning');
    }
    // PSKsecrets is read as soon as the line is parsed: every line counts.
    for (const le of load.entries) if (le.opt?.name === 'PSKsecrets') check(le, 'file', 'stunnel stops with "Failed to read PSK secrets"');
  },
};
