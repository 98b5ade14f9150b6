// Findings about the input or the tool itself rather than about a setting. They come from the
// lint engine, the server or the CLI, not from a rule module; listed here for docs and --list-rules.
import type { Severity } from '../types';

export interface MetaRule {
  id: string;
  severity: Severity;
  summary: string;
}

export const META_RULES: readonly MetaRule[] = [
  { id: 'daemonlint/unused-suppression', severity: 'hint', summary: 'A daemonlint-disable comment that suppresses nothing (or names an unknown rule).' },
  { id: 'daemonlint/binary-file', severity: 'warning', summary: 'The file contains NUL bytes; it is not linted.' },
  { id: 'daemonlint/file-too-large', severity: 'warning', summary: 'The file is over the size limit (4 MB); it is not linted.' },
  { id: 'daemonlint/unreadable-file', severity: 'error', summary: 'The CLI could not read a file it was given or found.' },
  { id: 'daemonlint/too-many-problems', severity: 'info', summary: 'The editor shows only the most severe problems of a file with very many; the CLI lists them all.' },
  { id: 'daemonlint/internal-error', severity: 'error', summary: 'A rule failed on this file; the other rules still ran. Please report it.' },
];
