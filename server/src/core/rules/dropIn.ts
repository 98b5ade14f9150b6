// Fix edits that put settings into a unit's drop-in file: create NAME.d/<file> when it is not
// there, or add to its [Service] section when it is. A setting that an empty `Key=` in a drop-in
// read later would reset goes after that reset instead, where it takes effect.
import { basename, pathToUri, uriToPath } from '../paths';
import type { ParsedDocument } from '../syntax/ast';
import type { FileEdit } from '../types';
import { dropInDir, unitAndDropIns } from '../workspace/units';
import type { Workspace } from '../workspace/workspace';
import { addSettings, mergeChanges, placeSettings, sectionEndLine } from './fixes';

export function dropInChanges(ws: Workspace, unit: ParsedDocument, fileName: string, lines: string[]): FileEdit[] {
  const uri = pathToUri(`${dropInDir(ws, unit)}/${fileName}`);
  const chain = unitAndDropIns(ws, unit);
  const existing = ws.get(uri);
  if (existing) {
    const service = existing.sections.find((s) => s.name === 'Service');
    return addSettings(chain, 'Service', existing, service ? sectionEndLine(service) : undefined, lines);
  }
  // The new file is read after the drop-ins whose names sort before its own.
  const after = chain.slice(1).filter((d) => basename(uriToPath(d.uri)) < fileName).length;
  const { stay, moved } = placeSettings(chain, 'Service', { file: after + 0.5, line: 0 }, lines);
  const zero = { line: 0, character: 0 };
  const created: FileEdit[] = stay.length ? [{ uri, create: true, edits: [{ range: { start: zero, end: zero }, newText: ['[Service]', ...stay].join('\n') + '\n' }] }] : [];
  return mergeChanges(created, moved);
}

/**
 * The title of a fix made of dropInChanges() for one unit: "Create NAME.d/FILE with LINE", or,
 * when a reset sent the line to another drop-in, where it goes instead.
 */
export function dropInTitle(changes: FileEdit[], unitName: string, fileName: string, line: string): string {
  const other = changes.find((c) => basename(uriToPath(c.uri)) !== fileName);
  return other ? `Add ${line} after the reset in ${basename(uriToPath(other.uri))}` : `Create ${unitName}.d/${fileName} with ${line}`;
}
