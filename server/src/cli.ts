// daemonlint: lints stunnel.conf, systemd units and limits.conf files from the command line,
// with the same core the editor uses. Exit 0: no errors; 1: errors found; 2: usage or failure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles } from './node/files';
import { detectDialect } from './core/dialect';
import { lintWorkspace } from './core/lint';
import { pathToUri, uriToPath } from './core/paths';
import { RULES } from './core/rules/registry';
import { resolveSettings } from './core/settings';
import type { Dialect, Finding } from './core/types';
import { Workspace } from './core/workspace/workspace';

declare const DAEMONLINT_VERSION: string;

const USAGE = `Usage: daemonlint [options] [PATH...]

Lints stunnel.conf, systemd unit files and limits.conf. A directory is linted as one
workspace, so a unit and the stunnel config it starts are checked together.

Options:
  --format text|json   output format (default: text)
  --list-rules         print every rule with its default severity
  --help               show this help
  --version            print the version
`;

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  paths: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' | 'list-rules' {
  const o: Options = { format: 'text', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--version') return 'version';
    if (a === '--list-rules') return 'list-rules';
    if (a === '--format' || a.startsWith('--format=')) {
      const f = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format '${f}' (use text or json)`);
      o.format = f;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option '${a}'`);
    } else o.paths.push(a);
  }
  if (o.paths.length === 0) o.paths.push('.');
  return o;
}

function relative(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r.startsWith('..') ? file : r;
}

function toJson(f: Finding) {
  return {
    file: relative(uriToPath(f.uri)),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
  };
}

function main(argv: string[]): number {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`daemonlint: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`${DAEMONLINT_VERSION}\n`);
    return 0;
  }
  if (opts === 'list-rules') {
    for (const r of RULES) process.stdout.write(`${r.id}\t${r.severity}\t${r.summary}\n`);
    return 0;
  }

  const collected = collectFiles(opts.paths);
  for (const e of collected.errors) process.stderr.write(`daemonlint: ${e.path}: ${e.message}\n`);
  if (collected.errors.length > 0 && collected.files.length === 0) return 2;

  const ws = new Workspace(opts.paths.map((p) => path.resolve(p)), collected.imageRoots);
  const unreadable: Finding[] = [];
  for (const file of collected.files) {
    const uri = pathToUri(file);
    const dialect: Dialect = detectDialect(file) ?? guessDialect(file);
    try {
      ws.set(uri, fs.readFileSync(file, 'utf8'), undefined, dialect);
    } catch (e) {
      const zero = { line: 0, character: 0 };
      unreadable.push({ uri, rule: 'daemonlint/unreadable-file', severity: 'error', range: { start: zero, end: zero }, message: `Cannot read the file: ${(e as Error).message}`, fixes: [], related: [] });
    }
  }
  const settings = resolveSettings({});
  const results = lintWorkspace(ws, settings);
  const all = [...unreadable, ...[...results.values()].flat()].sort((a, b) => relative(uriToPath(a.uri)).localeCompare(relative(uriToPath(b.uri))) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify(all.map(toJson), null, 2) + '\n');
  } else {
    for (const f of all) {
      const j = toJson(f);
      process.stdout.write(`${j.file}:${j.line}:${j.column}: ${j.severity} ${j.rule} ${j.message}\n`);
    }
  }
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  process.stderr.write(`${collected.files.length} files, ${errors} errors, ${warnings} warnings\n`);
  return errors > 0 ? 1 : 0;
}

/** A file named explicitly whose name says nothing: guess from its content. */
function guessDialect(file: string): Dialect {
  let head = '';
  try {
    head = fs.readFileSync(file, 'utf8').slice(0, 4096);
  } catch {
    /* reported when read for real */
  }
  if (/^\s*\[(Unit|Service|Socket|Timer|Install|Mount|Path|Slice)\]/m.test(head)) return 'systemd-unit';
  if (/^\s*\S+\s+(soft|hard|-)\s+\S+\s+\S+/m.test(head)) return 'limits-conf';
  return 'stunnel';
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`daemonlint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
