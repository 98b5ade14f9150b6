// Command-line arguments: parsed and checked here, so the rest of the CLI sees only valid options.
import { ruleLevelProblem } from '../core/rcfile';
import type { RuleLevel } from '../core/settings';
import type { Severity } from '../core/types';

export type Format = 'text' | 'json' | 'sarif';
export type ColorMode = 'auto' | 'always' | 'never';
export type FailLevel = Exclude<Severity, 'hint'>;

export interface CliOptions {
  command: 'lint' | 'help' | 'version' | 'list-rules' | 'print-config';
  paths: string[];
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings: number | undefined;
  failLevel: FailLevel;
  /** --rule overrides, in the order given (a later one for the same id wins). */
  rules: Record<string, RuleLevel>;
  systemdVersion: number | undefined;
  stunnelVersion: string | undefined;
  security: boolean;
  stdin: boolean;
  stdinFilename: string | undefined;
  config: string | undefined;
  printConfig: string | undefined;
  color: ColorMode;
}

/** A mistake on the command line: reported in one line, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: daemonlint [options] [PATH...]

Lints stunnel.conf, systemd unit files and limits.conf. Directories are searched for the files
the editor extension recognises; everything given is linted together as one workspace, so a
unit and the stunnel config it starts are checked against each other. PATH defaults to '.'.

Output:
  --format text|json|sarif   output format (default: text)
  --color auto|always|never  colour the text format (default: auto, only on a terminal)

Fixing:
  --fix                      apply every safe fix in place, then report what is left
  --fix-dry-run              print the safe fixes as a unified diff; change nothing

Exit status:
  --fail-level error|warning|info
                             exit 1 when a finding is at or above this level (default: error)
  --max-warnings N           also exit 1 when there are more than N warnings

Rules and settings:
  --rule ID=LEVEL            set a rule to off, hint, info, warning or error (repeatable)
  --security                 also run the service hardening rules
  --systemd-version N        systemd version of the hosts (e.g. 252)
  --stunnel-version X.Y      stunnel version of the hosts (e.g. 5.68)
  --config FILE              read settings from FILE instead of the nearest .daemonlintrc
  --print-config PATH        print the settings that apply to PATH, as JSON

Input:
  --stdin                    lint standard input; PATH arguments are read as its context only
  --stdin-filename NAME      the name standard input is linted and reported under

Information:
  --list-rules               print every rule with its default severity
  --help                     show this help
  --version                  print the version

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it (or too many
warnings), 2 a usage error or a failure.
`;

const VALUE_FLAGS = new Set([
  '--format',
  '--color',
  '--max-warnings',
  '--fail-level',
  '--rule',
  '--systemd-version',
  '--stunnel-version',
  '--stdin-filename',
  '--config',
  '--print-config',
]);

const SWITCHES = new Set(['--fix', '--fix-dry-run', '--security', '--stdin', '--list-rules', '--help', '-h', '--version']);

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not '${value}'`);
}

function wholeNumber(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} needs a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${value}'`);
  return Number(value);
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    command: 'lint',
    paths: [],
    format: 'text',
    fix: false,
    fixDryRun: false,
    maxWarnings: undefined,
    failLevel: 'error',
    rules: {},
    systemdVersion: undefined,
    stunnelVersion: undefined,
    security: false,
    stdin: false,
    stdinFilename: undefined,
    config: undefined,
    printConfig: undefined,
    color: 'auto',
  };
  let info: CliOptions['command'] | undefined;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (SWITCHES.has(flag)) {
      if (flag !== arg) throw new UsageError(`${flag} takes no value`);
    } else if (!VALUE_FLAGS.has(flag)) {
      throw new UsageError(`unknown option '${flag}' (see daemonlint --help)`);
    }
    let value = '';
    if (VALUE_FLAGS.has(flag)) {
      if (flag !== arg) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`${flag} needs a value`);
    }
    switch (flag) {
      case '--help':
      case '-h':
        info ??= 'help';
        break;
      case '--version':
        info ??= 'version';
        break;
      case '--list-rules':
        info ??= 'list-rules';
        break;
      case '--print-config':
        if (value === '') throw new UsageError('--print-config needs a path');
        o.printConfig = value;
        info ??= 'print-config';
        break;
      case '--format':
        o.format = oneOf(flag, value, ['text', 'json', 'sarif'] as const);
        break;
      case '--color':
        o.color = oneOf(flag, value, ['auto', 'always', 'never'] as const);
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--fix-dry-run':
        o.fixDryRun = true;
        break;
      case '--max-warnings':
        o.maxWarnings = wholeNumber(flag, value, 0);
        break;
      case '--fail-level':
        o.failLevel = oneOf(flag, value, ['error', 'warning', 'info'] as const);
        break;
      case '--rule': {
        const at = value.lastIndexOf('=');
        if (at <= 0) throw new UsageError(`--rule needs ID=LEVEL, e.g. --rule systemd/obsolete-dependency=off, not '${value}'`);
        const id = value.slice(0, at);
        const level = value.slice(at + 1);
        const problem = ruleLevelProblem(id, level);
        if (problem) throw new UsageError(`--rule: ${problem}`);
        o.rules[id] = level as RuleLevel;
        break;
      }
      case '--systemd-version':
        o.systemdVersion = wholeNumber(flag, value, 1);
        break;
      case '--stunnel-version':
        if (!/^\d+\.\d+$/.test(value)) throw new UsageError(`--stunnel-version needs a version such as 5.68, not '${value}'`);
        o.stunnelVersion = value;
        break;
      case '--security':
        o.security = true;
        break;
      case '--stdin':
        o.stdin = true;
        break;
      case '--stdin-filename':
        if (value === '') throw new UsageError('--stdin-filename needs a name');
        o.stdinFilename = value;
        break;
      case '--config':
        if (value === '') throw new UsageError('--config needs a file');
        o.config = value;
        break;
    }
  }
  if (info) {
    o.command = info;
    return o;
  }
  if (o.fix && o.fixDryRun) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (o.format !== 'text' && (o.fixDryRun || (o.fix && o.stdin))) {
    throw new UsageError(`${o.fixDryRun ? '--fix-dry-run prints a diff' : '--stdin --fix prints the fixed text'}; it cannot be combined with --format ${o.format}`);
  }
  if (!o.stdin && o.paths.length === 0) o.paths.push('.');
  return o;
}
