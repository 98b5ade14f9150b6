// Settings per resource, fetched from the client with workspace/configuration and cached
// until the client says they changed.
import { resolveSettings, type Settings } from '../../core';
import type { ServerState } from '../state';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private fallback: Settings = resolveSettings({});

  constructor(private readonly state: ServerState) {}

  setFallback(raw: unknown): void {
    this.fallback = resolveSettings(raw);
  }

  get(uri: string): Promise<Settings> {
    if (!this.state.canConfigure) return Promise.resolve(this.fallback);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.state.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'daemonlint' })
        .then((raw) => resolveSettings(raw ?? {}), () => this.fallback);
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}
