// The SARIF 2.1.0 format, for code-scanning services: one run, every rule described in
// tool.driver.rules, results with regions, related locations and fixes, files relative to the
// working directory (uriBaseId %SRCROOT%, defined in originalUriBaseIds).
//
// helpUri: SARIF requires an absolute URI there (§3.49.12; the schema says format "uri") and,
// unlike an artifactLocation, it cannot be resolved against a uriBaseId. So the rule page is
// linked absolutely, under the project's repository URL from package.json; its path inside the
// repository (docs/rules/<id>.md) is also stated in `help` and in the rule's properties.
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { repository } from '../../../../package.json';
import { pathToUri, uriToPath } from '../../core/paths';
import { RULES } from '../../core/rules/registry';
import { UNUSED_SUPPRESSION_RULE } from '../../core/suppress';
import type { Rule } from '../../core/rules/rule';
import type { Dialect, Finding, Range, Severity } from '../../core/types';

declare const DAEMONLINT_VERSION: string;

export const SRCROOT = '%SRCROOT%';

/** The rule pages in the repository, e.g. https://host/daemonlint/blob/main/docs/rules/. */
export const RULE_DOCS_BASE = `${repository.url.replace(/\.git$/, '')}/blob/main/docs/rules/`;
const INFORMATION_URI = repository.url.replace(/\.git$/, '');

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const FILES: Record<Dialect, string> = {
  stunnel: 'stunnel configuration files (stunnel*.conf, stunnel/*.conf)',
  'systemd-unit': 'systemd unit files and their drop-ins',
  'limits-conf': 'pam_limits files (security/limits.conf, limits.d/*.conf)',
  'default-env': 'SysV init defaults read by the stunnel init script (default/stunnel4)',
};

/** Findings that come from the linter itself rather than from a rule. */
const BUILTIN: Record<string, { summary: string; severity: Severity }> = {
  [UNUSED_SUPPRESSION_RULE.id]: { summary: UNUSED_SUPPRESSION_RULE.summary, severity: UNUSED_SUPPRESSION_RULE.severity },
  'daemonlint/unreadable-file': { summary: 'A file that could not be read (permissions, a broken link, not a regular file).', severity: 'error' },
  'daemonlint/binary-file': { summary: 'A file that contains NUL bytes and is not linted.', severity: 'warning' },
  'daemonlint/file-too-large': { summary: 'A file over the size limit that is not linted.', severity: 'warning' },
  'daemonlint/internal-error': { summary: 'A rule failed on a file; its findings for that file are missing.', severity: 'error' },
};

function ruleDescriptor(r: Rule): Sarif.ReportingDescriptor {
  const page = `docs/rules/${r.id}.md`;
  return {
    id: r.id,
    shortDescription: { text: r.summary },
    fullDescription: {
      text: `${r.summary} Checks ${FILES[r.dialect]}${r.security ? ' when the security rules are on (--security)' : ''}; reported as ${r.severity} unless configured otherwise.`,
    },
    helpUri: `${RULE_DOCS_BASE}${r.id}.md`,
    help: { text: `${r.summary} See ${page}.`, markdown: `${r.summary}\n\nSee [${page}](${RULE_DOCS_BASE}${r.id}.md).` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: r.security ? [r.dialect, 'security'] : [r.dialect], docs: page },
  };
}

function builtinDescriptor(id: string): Sarif.ReportingDescriptor {
  const b = BUILTIN[id] ?? { summary: 'A finding of the linter itself.', severity: 'error' as Severity };
  return { id, shortDescription: { text: b.summary }, fullDescription: { text: b.summary }, defaultConfiguration: { level: LEVEL[b.severity] } };
}

/** A file's location: relative to %SRCROOT% (the working directory) when inside it, else absolute. */
export function artifactLocation(uri: string, cwd: string): Sarif.ArtifactLocation {
  const file = uriToPath(uri);
  const rel = path.relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToUri(file) };
  const encoded = rel
    .split(path.sep)
    .map((seg) => encodeURIComponent(seg).replace(/%40/g, '@'))
    .join('/');
  return { uri: encoded, uriBaseId: SRCROOT };
}

function region(r: Range): Sarif.Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function toSarif(findings: readonly Finding[], cwd: string): Sarif.Log {
  const descriptors: Sarif.ReportingDescriptor[] = [...RULES.map(ruleDescriptor), builtinDescriptor(UNUSED_SUPPRESSION_RULE.id)];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results: Sarif.Result[] = findings.map((f) => {
    let ruleIndex = index.get(f.rule);
    if (ruleIndex === undefined) {
      ruleIndex = descriptors.push(builtinDescriptor(f.rule)) - 1;
      index.set(f.rule, ruleIndex);
    }
    const result: Sarif.Result = {
      ruleId: f.rule,
      ruleIndex,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.uri, cwd), region: region(f.range) } }],
    };
    if (f.related.length > 0) {
      result.relatedLocations = f.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: artifactLocation(r.uri, cwd), region: region(r.range) },
        message: { text: r.message },
      }));
    }
    if (f.fixes.length > 0) {
      result.fixes = f.fixes.map((x) => ({
        description: { text: x.title },
        artifactChanges: x.changes.map((c) => ({
          artifactLocation: artifactLocation(c.uri, cwd),
          replacements: c.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        })),
      }));
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'daemonlint',
            version: DAEMONLINT_VERSION,
            semanticVersion: DAEMONLINT_VERSION,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToUri(cwd).replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(findings: readonly Finding[], cwd: string): string {
  return JSON.stringify(toSarif(findings, cwd), null, 2) + '\n';
}
