// Settings per resource, fetched from the client with workspace/configuration and cached until
// the client says they changed. A project's .daemonlintrc (the nearest one above the file, as the
// CLI finds it) is laid over them, so the editor and CI lint with the same rule levels and
// target versions. Nothing needs a restart: a change to either clears the cache.
import { MessageType, ShowMessageNotification } from '../protocol';
import { resolveSettings, uriToPath, type Settings } from '../coreApi';
import { RcFiles, type FoundRc } from '../../node/rcfile';
import type { ServerState } from '../state';

/** The editor's settings with a .daemonlintrc over them: the file wins for every key it sets. */
export function withRcFile(base: Settings, rc: FoundRc | undefined): Settings {
  if (!rc) return base;
  return resolveSettings({ ...base, ...rc.settings, rules: { ...base.rules, ...rc.settings.rules } });
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings from initializationOptions or didChangeConfiguration, resolved on first use (not while answering initialize). */
  private fallbackRaw: unknown = {};
  private fallbackResolved: Settings | undefined;
  readonly rcFiles = new RcFiles();
  /** rc files whose problems were already reported, by path and content. */
  private readonly reported = new Set<string>();

  constructor(private readonly state: ServerState) {}

  setFallback(raw: unknown): void {
    this.fallbackRaw = raw;
    this.fallbackResolved = undefined;
  }

  private get fallback(): Settings {
    return (this.fallbackResolved ??= resolveSettings(this.fallbackRaw));
  }

  get(uri: string): Promise<Settings> {
    let s = this.cache.get(uri);
    if (!s) {
      const base = this.state.canConfigure
        ? this.state.connection.workspace.getConfiguration({ scopeUri: uri, section: 'daemonlint' }).then(
            (raw) => resolveSettings(raw ?? {}),
            () => this.fallback,
          )
        : Promise.resolve(this.fallback);
      s = base.then((b) => withRcFile(b, this.rcFor(uri)));
      this.cache.set(uri, s);
    }
    return s;
  }

  private rcFor(uri: string): FoundRc | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const rc = this.rcFiles.forFile(uriToPath(uri));
    if (rc && rc.problems.length > 0) {
      const key = `${rc.file}\n${rc.problems.join('\n')}`;
      if (!this.reported.has(key)) {
        this.reported.add(key);
        const text = `${rc.file}: ${rc.problems.join('; ')}. The rest of the file applies.`;
        this.state.connection.console.warn(text);
        void this.state.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Daemonlint: ${text}` });
      }
    }
    return rc;
  }

  /** Forget one file's settings, or all of them (and every rc file read) when no uri is given. */
  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else {
      this.cache.clear();
      this.rcFiles.forget();
    }
  }

  /** True when a watched-file change concerns a .daemonlintrc; the caller then re-lints. */
  onWatchedFiles(uris: string[]): boolean {
    if (!uris.some((u) => u.endsWith('/.daemonlintrc'))) return false;
    this.forget();
    return true;
  }
}
