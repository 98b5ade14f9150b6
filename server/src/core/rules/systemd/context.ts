// Helpers shared by the systemd rules: which sections a file may have, and directive lookup.
import { unitTypeOf } from '../../dialect';
import { UNIT_TYPE_SECTIONS, directive, knownSections, type Directive } from '../../knowledge/systemd';
import { uriToPath } from '../../paths';
import type { ParsedDocument, Section } from '../../syntax/ast';

/** Sections allowed in this file; all known sections when the unit type can't be told. */
export function allowedSections(doc: ParsedDocument): string[] {
  const t = unitTypeOf(uriToPath(doc.uri));
  return t ? UNIT_TYPE_SECTIONS[t] : knownSections();
}

export function isExtensionName(name: string): boolean {
  return name.startsWith('X-');
}

/** The directive a key names in its section, if the section is one systemd knows. */
export function lookup(section: Section, key: string): Directive | undefined {
  return section.name ? directive(section.name, key) : undefined;
}
