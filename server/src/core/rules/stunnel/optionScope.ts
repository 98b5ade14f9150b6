import { basename, uriToPath } from '../../paths';
import type { Fix, TextEdit } from '../../types';
import { deleteEntry, insertLinesAfter, insertLinesAtTop } from '../fixes';
import type { Rule } from '../rule';
import { reportEntry, stunnelLoad, type LoadedEntry, type StunnelLoad } from './load';

/** Moves the line to the end of the global part of the main file, before the first section opens. */
function moveFix(load: StunnelLoad, le: LoadedEntry): Fix[] {
  const doc = load.root;
  const opener = load.firstOpener;
  if (le.doc !== doc || !opener || opener.doc !== doc) return [];
  const before = load.global.filter((g) => g.doc === doc && g.entry.line < opener.line);
  const last = before[before.length - 1];
  // The line is itself the end of the global part (the include that read it back stands later): nothing to move.
  if (last && last.entry.line <= le.entry.endLine && last.entry.endLine >= le.entry.line) return [];
  const text = doc.text.slice(le.entry.span.start, le.entry.span.end);
  const insert: TextEdit = last ? insertLinesAfter(doc, last.entry.endLine, [text]) : insertLinesAtTop(doc, [text]);
  return [{ title: `Move '${le.opt!.name}' to the global part`, preferred: true, changes: [{ uri: doc.uri, edits: [insert, deleteEntry(doc, le.entry)] }] }];
}

export const optionScope: Rule = {
  id: 'stunnel/option-scope',
  dialect: 'stunnel',
  severity: 'error',
  summary: 'A global-only option (foreground, pid, chroot, output, ...) after a section was opened, also by an included file; stunnel refuses it there.',
  check(ctx) {
    const load = stunnelLoad(ctx.workspace, ctx.doc);
    for (const le of load.entries) {
      if (le.global || !le.opt || le.opt.scope !== 'global' || !le.service) continue;
      const svc = le.service;
      const openedElsewhere = svc.doc !== le.doc;
      const where = openedElsewhere
        ? `after section [${svc.name}] was opened by the included file ${basename(uriToPath(svc.doc.uri))}`
        : `in section [${svc.name}]`;
      reportEntry(ctx, load, le, le.entry.keySpan, {
        message: `'${le.opt.name}' is a global option but stands ${where}: once a section is open stunnel rejects it ("Specified option name is not valid here") and does not start. Move it above the first section${openedElsewhere ? ' (before the include line)' : ''}.`,
        fixes: moveFix(load, le),
      });
    }
  },
};
