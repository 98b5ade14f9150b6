// Fix edits that put settings into a unit's drop-in file: create NAME.d/<file> when it is not
// there, or add to its [Service] section when it is.
import { pathToUri } from '../paths';
import type { ParsedDocument } from '../syntax/ast';
import type { FileEdit } from '../types';
import { dropInDir } from '../workspace/units';
import type { Workspace } from '../workspace/workspace';
import { appendSection, insertIntoSection } from './fixes';

export function dropInChange(ws: Workspace, unit: ParsedDocument, fileName: string, lines: string[]): FileEdit {
  const uri = pathToUri(`${dropInDir(ws, unit)}/${fileName}`);
  const existing = ws.get(uri);
  if (existing) {
    const service = existing.sections.find((s) => s.name === 'Service');
    return { uri, edits: [service ? insertIntoSection(existing, service, lines) : appendSection(existing, 'Service', lines)] };
  }
  const zero = { line: 0, character: 0 };
  return { uri, create: true, edits: [{ range: { start: zero, end: zero }, newText: ['[Service]', ...lines].join('\n') + '\n' }] };
}
