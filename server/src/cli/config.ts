// Which settings apply to a file: defaults, then the nearest .daemonlintrc (or --config FILE),
// then the command-line flags. The file's content is read by the core (core/rcfile.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRcFile, type RcSettings } from '../core/rcfile';
import { resolveSettings, type Settings } from '../core/settings';
import type { CliOptions } from './args';

/** A settings file larger than this is refused unread. */
const MAX_RC_BYTES = 64 * 1024;

export const RC_NAME = '.daemonlintrc';

/** A configuration file that cannot be used: reported in one line per problem, exit code 2. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export interface ResolvedConfig {
  settings: Settings;
  /** The configuration file used, if any (absolute path). */
  file: string | undefined;
}

/** The nearest .daemonlintrc in `dir` or one of its parents. */
export function findRcFile(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    const candidate = path.join(d, RC_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, RcSettings>();
  private readonly resolved = new Map<string | undefined, ResolvedConfig>();

  constructor(
    private readonly opts: CliOptions,
    private readonly cwd: string = process.cwd(),
  ) {}

  /** Settings for a file (or a directory, for --print-config); `isFile` when the caller knows it is a file. */
  settingsFor(target: string, isFile = false): ResolvedConfig {
    const abs = path.resolve(this.cwd, target);
    let file: string | undefined;
    if (this.opts.config !== undefined) {
      file = path.resolve(this.cwd, this.opts.config);
    } else {
      let isDir = false;
      try {
        isDir = !isFile && fs.statSync(abs).isDirectory();
      } catch {
        /* a name that does not exist (yet): look from its directory */
      }
      const dir = isDir ? abs : path.dirname(abs);
      if (!this.byDir.has(dir)) this.byDir.set(dir, findRcFile(dir));
      file = this.byDir.get(dir);
    }
    // One settings object per configuration file: the files it governs share it.
    const known = this.resolved.get(file);
    if (known) return known;
    const rc = file ? this.read(file) : {};
    const o = this.opts;
    const resolved: ResolvedConfig = {
      file,
      settings: resolveSettings({
        ...rc,
        rules: { ...rc.rules, ...o.rules },
        ...(o.systemdVersion !== undefined ? { systemdVersion: o.systemdVersion } : {}),
        ...(o.stunnelVersion !== undefined ? { stunnelVersion: o.stunnelVersion } : {}),
        ...(o.security ? { security: true } : {}),
      }),
    };
    this.resolved.set(file, resolved);
    return resolved;
  }

  /** A configuration file as messages name it: --config as typed, a found one relative to the working directory. */
  shown(file: string): string {
    if (this.opts.config !== undefined && file === path.resolve(this.cwd, this.opts.config)) return this.opts.config;
    return path.relative(this.cwd, file) || file;
  }

  private read(file: string): RcSettings {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const shown = this.shown(file);
    let text: string;
    try {
      // Settings are a few lines: a huge file there is not one, and is not read whole.
      if (fs.statSync(file).size > MAX_RC_BYTES) throw new Error(`it is larger than ${MAX_RC_BYTES / 1024} KiB`);
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError([`cannot read the configuration file ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`]);
    }
    const { settings, problems } = parseRcFile(text);
    if (problems.length > 0) throw new ConfigError(problems.map((p) => `${shown}: ${p}`));
    this.byFile.set(file, settings);
    return settings;
  }
}
