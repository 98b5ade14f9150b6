// Document links: Documentation= URIs (man: pages open on man7.org), stunnel's include folder
// and file options (cert, key, CAfile, pid, ...), and the config file an ExecStart= hands to a
// daemon Daemonlint knows. Only absolute paths are linked: stunnel resolves relative ones against
// its working directory, not against the config file, so a link would point at the wrong file.
import { daemonForBinary } from '../knowledge/daemons';
import { stunnelOption } from '../knowledge/stunnel';
import { joinPath, pathToUri } from '../paths';
import { valueSubSpan, type Entry, type ParsedDocument } from '../syntax/ast';
import { parseExec, splitWords } from '../syntax/exec';
import type { Range } from '../types';
import type { Workspace } from '../workspace/workspace';

export interface LinkEntry {
  range: Range;
  target: string;
  tooltip: string;
}

/** `man:systemd.exec(5)` -> the page on man7.org; undefined for other forms. */
export function manPageUrl(ref: string): string | undefined {
  const m = /^man:([A-Za-z0-9_.:+@-]+)\((\d)([a-z0-9]*)\)$/.exec(ref);
  if (!m) return undefined;
  const [, page, section, suffix] = m;
  return `https://man7.org/linux/man-pages/man${section}/${page}.${section}${suffix}.html`;
}

/** The URI a path written in `doc` stands for: a workspace file when there is one. */
function fileTarget(ws: Workspace | undefined, doc: ParsedDocument, path: string): string {
  const inWorkspace = ws?.resolve(path, doc.uri);
  if (inWorkspace) return inWorkspace;
  const root = ws?.imageRootOf(doc.uri);
  return pathToUri(root ? joinPath(root, path) : path);
}

function documentationLinks(doc: ParsedDocument, e: Entry, out: LinkEntry[]): void {
  for (const w of splitWords(e.value)) {
    const range = doc.index.rangeOf(valueSubSpan(e, w.start, w.end));
    const man = manPageUrl(w.text);
    if (man) out.push({ range, target: man, tooltip: `Open the manual page ${w.text.slice(4)}` });
    else if (/^(https?|file):\/\//.test(w.text)) out.push({ range, target: w.text, tooltip: `Open ${w.text}` });
  }
}

function execConfigLink(ws: Workspace | undefined, doc: ParsedDocument, e: Entry, out: LinkEntry[]): void {
  const cmd = parseExec(e.value);
  const program = cmd.words[0];
  const daemon = program ? daemonForBinary(program.text) : undefined;
  if (!daemon?.configDialect) return;
  // The first argument that is not an option is the config file (stunnel CONFIG, as daemonLaunch reads it).
  const arg = cmd.words[1];
  if (!arg || arg.text.startsWith('-') || !arg.text.startsWith('/') || arg.text.includes('%')) return;
  out.push({
    range: doc.index.rangeOf(valueSubSpan(e, arg.start, arg.end)),
    target: fileTarget(ws, doc, arg.text),
    tooltip: `Open the ${daemon.id} config ${arg.text}`,
  });
}

export function documentLinks(doc: ParsedDocument, ws?: Workspace): LinkEntry[] {
  const out: LinkEntry[] = [];
  for (const s of doc.sections) {
    for (const e of s.entries) {
      if (doc.dialect === 'systemd-unit') {
        if (e.key === 'Documentation') documentationLinks(doc, e, out);
        else if (e.key === 'ExecStart') execConfigLink(ws, doc, e, out);
      } else if (doc.dialect === 'stunnel') {
        const opt = stunnelOption(e.key);
        if (opt?.type !== 'path' || opt.name === 'exec' || !e.value.startsWith('/')) continue;
        const what = ['include', 'chroot', 'CApath', 'CRLpath'].includes(opt.name) ? 'folder' : 'file';
        out.push({ range: doc.index.rangeOf(e.valueSpan), target: fileTarget(ws, doc, e.value), tooltip: `Open the ${what} ${e.value} (${opt.name})` });
      }
    }
  }
  return out;
}
