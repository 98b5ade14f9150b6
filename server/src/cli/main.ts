// The CLI run: options -> files -> workspace -> findings (and fixes) -> output, exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectDialect } from '../core/dialect';
import { sizeProblem } from '../core/guard';
import { lintFile } from '../core/lint';
import { pathToUri, uriToPath } from '../core/paths';
import { RULES } from '../core/rules/registry';
import type { Settings } from '../core/settings';
import type { Dialect, Finding } from '../core/types';
import { Workspace } from '../core/workspace/workspace';
import { BOM, collectFiles, createFileReader, dialectFromContent, ioProblem, splitBom } from '../node/files';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { ConfigError, ConfigResolver } from './config';
import { forTerminal, unifiedDiff } from './diff';
import { fixWorkspace } from './fix';
import { displayPath, SEVERITY_RANK, sortFindings, visible } from './format/common';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { Progress } from './progress';

declare const DAEMONLINT_VERSION: string;

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
}

/** Name under which standard input is reported when --stdin-filename is not given. */
export const STDIN_NAME = '<stdin>';

function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

function useColor(opts: CliOptions, io: Io): boolean {
  if (opts.color !== 'auto') return opts.color === 'always';
  return io.stdout.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

function listRules(opts: CliOptions, io: Io): number {
  if (opts.format === 'json') {
    const rules = RULES.map((r) => ({ id: r.id, dialect: r.dialect, severity: r.severity, security: r.security === true, summary: r.summary, docs: `docs/rules/${r.id}.md` }));
    io.stdout.write(JSON.stringify(rules, null, 2) + '\n');
  } else if (opts.format === 'sarif') {
    io.stdout.write(formatSarif([], io.cwd));
  } else {
    for (const r of RULES) io.stdout.write(`${r.id}\t${r.severity}\t${r.summary}\n`);
  }
  return 0;
}

function printConfig(opts: CliOptions, io: Io, say: (line: string) => void): number {
  const target = opts.printConfig!;
  // Like a PATH to lint, the path must exist: a typo would otherwise print plausible settings.
  try {
    fs.statSync(path.resolve(io.cwd, target));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    say(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: ${target}` : `${target}: ${ioProblem(e)}`);
    return 2;
  }
  const resolver = new ConfigResolver(opts, io.cwd);
  const { settings, file } = resolver.settingsFor(target);
  const dialect = detectDialect(path.resolve(io.cwd, target)) ?? null;
  const rules: Record<string, string> = {};
  for (const r of RULES) {
    if (dialect && r.dialect !== dialect) continue;
    rules[r.id] = r.security && !settings.security ? 'off' : (settings.rules[r.id] ?? r.severity);
  }
  const out = {
    configFile: file ? resolver.shown(file) : null,
    dialect,
    systemdVersion: settings.systemdVersion,
    stunnelVersion: settings.stunnelVersion,
    security: settings.security,
    expectedConnections: settings.expectedConnections,
    rules,
  };
  io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

/**
 * Whether a file's byte-order mark goes to the core with its text. pam_limits reads the mark as text
 * (limits/byte-order-mark); systemd and stunnel skip it, so for them it is taken off and put back
 * on write, positions then being those an editor shows.
 */
function keepsBom(dialect: Dialect): boolean {
  return dialect === 'limits-conf';
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // File names and configuration text can hold control characters: shown escaped, never sent raw.
  const say = (line: string) => io.stderr.write(`daemonlint: ${visible(line)}\n`);
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      say(e.message);
      return 2;
    }
    throw e;
  }
  try {
    switch (opts.command) {
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case 'version':
        io.stdout.write(`${DAEMONLINT_VERSION}\n`);
        return 0;
      case 'list-rules':
        return listRules(opts, io);
      case 'print-config':
        return printConfig(opts, io, say);
      default:
        return await lint(opts, io, say);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const line of e.lines) say(line);
      return 2;
    }
    throw e;
  }
}

async function lint(opts: CliOptions, io: Io, say: (line: string) => void): Promise<number> {
  const cwd = io.cwd;
  const abs = (p: string) => path.resolve(cwd, p);
  const shown = (p: string) => displayPath(pathToUri(abs(p)), cwd);

  // 1. Files.
  const collected = collectFiles(opts.paths.map(abs));
  if (collected.missing.length > 0) {
    say(`no such file or directory: ${collected.missing.map(shown).join(', ')}`);
    return 2;
  }
  // A path given that cannot be used fails the run (exit 2), after the rest is linted.
  for (const e of collected.errors) say(`${shown(e.path)}: ${e.message}`);
  for (const m of collected.masked) say(`${shown(m)}: masked (a link to /dev/null), not linted`);
  let failed = collected.errors.length > 0;
  const given = new Set(opts.paths.map(abs));

  const resolver = new ConfigResolver(opts, cwd);
  const settingsByUri = new Map<string, Settings>();
  const settingsOf = (uri: string) => {
    let s = settingsByUri.get(uri);
    if (!s) settingsByUri.set(uri, (s = resolver.settingsFor(uriToPath(uri), true).settings));
    return s;
  };

  // 2. The workspace: every file found, read from disk; standard input on top.
  const found = new Set(collected.files);
  const roots = opts.paths.map(abs).filter((p) => !found.has(p));
  const ws = new Workspace(roots, collected.imageRoots);
  // Referenced files outside the workspace (includes, certificates) are read as the editor reads them.
  ws.reader = createFileReader();
  // Texts are linted without a leading byte order mark (positions as an editor shows them); the
  // files that had one get it back in what --fix writes and --fix-dry-run prints.
  const texts = new Map<string, string>();
  const withBom = new Set<string>();
  const unreadable = new Map<string, Finding>();
  const readErrors = new Map<string, string>();
  for (const file of collected.files) {
    const uri = pathToUri(file);
    try {
      // A file too large to lint is not read at all: it could be gigabytes.
      const tooLarge = sizeProblem(fs.statSync(file).size);
      if (tooLarge) {
        const zero = { line: 0, character: 0 };
        unreadable.set(uri, { uri, rule: tooLarge.rule, severity: 'warning', range: { start: zero, end: zero }, message: tooLarge.message, fixes: [], related: [] });
        continue;
      }
      const raw = fs.readFileSync(file, 'utf8');
      const dialect = detectDialect(file) ?? dialectFromContent(splitBom(raw).text);
      const { text, bom } = keepsBom(dialect) ? { text: raw, bom: false } : splitBom(raw);
      if (bom) withBom.add(uri);
      texts.set(uri, text);
      ws.set(uri, text, undefined, dialect);
    } catch (e) {
      const why = ioProblem(e);
      readErrors.set(file, why);
      const zero = { line: 0, character: 0 };
      unreadable.set(uri, { uri, rule: 'daemonlint/unreadable-file', severity: 'error', range: { start: zero, end: zero }, message: `Cannot read the file: ${why}.`, fixes: [], related: [] });
    }
  }
  let stdinUri: string | undefined;
  if (opts.stdin) {
    const raw = await io.readStdin();
    const name = abs(opts.stdinFilename ?? STDIN_NAME);
    const dialect: Dialect = (opts.stdinFilename !== undefined ? detectDialect(name) : undefined) ?? dialectFromContent(splitBom(raw).text);
    const { text, bom } = keepsBom(dialect) ? { text: raw, bom: false } : splitBom(raw);
    stdinUri = pathToUri(name);
    withBom.delete(stdinUri);
    if (bom) withBom.add(stdinUri);
    texts.set(stdinUri, text);
    ws.set(stdinUri, text, undefined, dialect);
    unreadable.delete(stdinUri);
  }
  // A file found in a directory that cannot be read is a finding; one named on the command line
  // also fails the run.
  for (const [file, why] of readErrors) {
    if (!given.has(file) || pathToUri(file) === stdinUri) continue;
    say(`${shown(file)}: cannot read the file: ${why}`);
    failed = true;
  }
  const reported = () => (stdinUri ? [stdinUri] : ws.uris());
  // Configuration problems surface before any output, even where no file is linted.
  for (const p of opts.paths) resolver.settingsFor(p);
  for (const uri of reported()) settingsOf(uri);

  // 3. Lint (with progress on a terminal for big trees).
  const progress = new Progress(io.stderr);
  const lintAll = (): Map<string, Finding[]> => {
    const out = new Map<string, Finding[]>();
    const uris = reported().sort();
    progress.start(uris.length);
    for (const uri of uris) {
      out.set(uri, lintFile(ws, uri, settingsOf(uri)));
      progress.tick();
    }
    progress.done();
    if (!stdinUri) for (const [uri, f] of unreadable) out.set(uri, [f]);
    return out;
  };

  let results: Map<string, Finding[]>;
  let fixNote = '';
  if (opts.fix || opts.fixDryRun) {
    const fixed = fixWorkspace({
      ws,
      lint: lintAll,
      textOf: (uri) => texts.get(uri),
      exists: (uri) => fs.existsSync(uriToPath(uri)),
      allowCreate: stdinUri === undefined,
    });
    results = fixed.findings;
    const shownDiff = (diff: string) => (io.stdout.isTTY === true ? forTerminal(diff) : diff);
    const bomOf = (uri: string) => (withBom.has(uri) ? BOM : '');
    const files = fixed.changed.size;
    if (stdinUri) {
      const before = bomOf(stdinUri) + (texts.get(stdinUri) ?? '');
      const changed = fixed.changed.get(stdinUri);
      const text = changed ? bomOf(stdinUri) + changed.after : before;
      io.stdout.write(opts.fix ? text : shownDiff(unifiedDiff(displayPath(stdinUri, cwd), before, text)));
    } else if (opts.fixDryRun) {
      for (const [uri, c] of [...fixed.changed].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout.write(shownDiff(unifiedDiff(displayPath(uri, cwd), c.before === undefined ? undefined : bomOf(uri) + c.before, bomOf(uri) + c.after)));
    } else {
      for (const [uri, c] of fixed.changed) {
        const file = uriToPath(uri);
        try {
          if (c.before === undefined) {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, c.after, { flag: 'wx' });
          } else {
            fs.writeFileSync(file, bomOf(uri) + c.after);
          }
        } catch (e) {
          say(`cannot write ${displayPath(uri, cwd)}: ${(e as Error).message}`);
          return 2;
        }
      }
    }
    fixNote = opts.fix ? `; fixed ${plural(fixed.applied, 'problem')} in ${plural(files, 'file')}` : `; ${plural(fixed.applied, 'problem')} fixable in ${plural(files, 'file')}`;
  } else {
    results = lintAll();
  }

  // 4. Output.
  const findings = sortFindings([...results.values()].flat(), cwd);
  const printFindings = !(opts.fixDryRun || (opts.fix && stdinUri));
  if (printFindings) {
    if (opts.format === 'json') io.stdout.write(formatJson(findings, cwd));
    else if (opts.format === 'sarif') io.stdout.write(formatSarif(findings, cwd));
    else io.stdout.write(formatText(findings, cwd, useColor(opts, io)));
  }

  // 5. Summary and exit code.
  const count = (sev: string) => findings.filter((f) => f.severity === sev).length;
  const errors = count('error');
  const warnings = count('warning');
  const extra = [count('info') ? plural(count('info'), 'info', 'info') : '', count('hint') ? plural(count('hint'), 'hint') : ''].filter(Boolean);
  io.stderr.write(`${plural(results.size, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${extra.map((x) => ', ' + x).join('')}${fixNote}\n`);
  const failing = findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[opts.failLevel]);
  const tooMany = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooMany) say(`too many warnings: ${warnings}, at most ${opts.maxWarnings} allowed (--max-warnings)`);
  return failed ? 2 : failing || tooMany ? 1 : 0;
}
