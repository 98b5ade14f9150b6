// The JSON format: an array of findings with 1-based positions and files relative to the working
// directory, each with the fixes it offers (edits in the same 1-based, end-exclusive positions).
import type { Finding } from '../../core/types';
import { displayPath, oneBased, type OneBased } from './common';

export interface JsonEdit extends OneBased {
  text: string;
}

export interface JsonFix {
  title: string;
  preferred: boolean;
  changes: { file: string; create?: true; edits: JsonEdit[] }[];
}

export interface JsonFinding extends OneBased {
  file: string;
  severity: string;
  rule: string;
  message: string;
  fixes: JsonFix[];
}

export function toJson(f: Finding, cwd: string): JsonFinding {
  return {
    file: displayPath(f.uri, cwd),
    ...oneBased(f.range),
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    fixes: f.fixes.map((x) => ({
      title: x.title,
      preferred: x.preferred === true,
      changes: x.changes.map((c) => ({
        file: displayPath(c.uri, cwd),
        ...(c.create ? { create: true as const } : {}),
        edits: c.edits.map((e) => ({ ...oneBased(e.range), text: e.newText })),
      })),
    })),
  };
}

export function formatJson(findings: readonly Finding[], cwd: string): string {
  return JSON.stringify(findings.map((f) => toJson(f, cwd)), null, 2) + '\n';
}
