// Lints on open, on change (debounced, unless the user chose onSave) and on save, and
// re-lints the edited file's neighbours in the file graph. Stale results are dropped.
import { Diagnostic, DiagnosticSeverity } from '../protocol';
import { lintFile, neighbours, type Finding } from '../coreApi';
import { toDiagnostic } from '../convert';
import type { ServerState } from '../state';
import type { SettingsCache } from './settings';

/**
 * At most this many diagnostics are published per file. A generated or broken file can have
 * hundreds of thousands of findings; sending them all would be a message of hundreds of MB.
 */
export const MAX_DIAGNOSTICS = 1000;
const RANK = { error: 0, warning: 1, info: 2, hint: 3 };

/** The diagnostics to publish: all findings, or the most severe ones and a note saying so. */
export function publishable(findings: Finding[]): Diagnostic[] {
  if (findings.length <= MAX_DIAGNOSTICS) return findings.map(toDiagnostic);
  const shown = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_DIAGNOSTICS);
  const zero = { line: 0, character: 0 };
  return [
    ...shown.map(toDiagnostic),
    {
      range: { start: zero, end: zero },
      severity: DiagnosticSeverity.Information,
      source: 'daemonlint',
      code: 'daemonlint/too-many-problems',
      message: `This file has ${findings.length} problems; only the ${MAX_DIAGNOSTICS} most severe are shown. Run the daemonlint CLI on it to see them all.`,
    },
  ];
}

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastNeighbours = new Map<string, string[]>();

  constructor(private readonly state: ServerState, private readonly settings: SettingsCache) {}

  /** Reason is why the lint is asked for; onSave users get no lint while typing. */
  async schedule(uri: string, reason: 'open' | 'change' | 'save' | 'graph'): Promise<void> {
    const s = await this.settings.get(uri);
    if (reason === 'change' && s.run === 'onSave') return;
    clearTimeout(this.timers.get(uri));
    const delay = reason === 'change' ? this.state.options.debounceMs : 0;
    if (delay <= 0) return this.run(uri, reason !== 'graph');
    this.timers.set(uri, setTimeout(() => void this.run(uri, true), delay));
  }

  private async run(uri: string, withNeighbours: boolean): Promise<void> {
    this.timers.delete(uri);
    const doc = this.state.documents.get(uri);
    const s = await this.settings.get(uri);
    // The document may have changed or closed while settings were fetched.
    if (doc && this.state.documents.get(uri)?.version !== doc.version) return;
    const findings = lintFile(this.state.ws, uri, s, { docsBase: this.state.docsBase });
    this.state.findings.set(uri, { version: doc?.version, findings });
    if (doc) void this.state.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [...publishable(findings), ...this.state.externalDiagnostics(uri, doc.version)] });
    if (withNeighbours) {
      // Files linked before the edit too: an edit can cut a link (ExecStart= naming another config).
      const now = neighbours(this.state.ws, uri);
      const all = new Set([...(this.lastNeighbours.get(uri) ?? []), ...now]);
      this.lastNeighbours.set(uri, now);
      let linkedOpen = false;
      for (const n of all) {
        if (n === uri || !this.state.documents.get(n)) continue;
        linkedOpen = true;
        void this.run(n, false);
      }
      if (linkedOpen) this.state.refreshGraphViews();
    }
  }

  clear(uri: string): void {
    this.lastNeighbours.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.state.findings.delete(uri);
    void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  relintOpen(): void {
    for (const d of this.state.documents.all()) void this.schedule(d.uri, 'open');
  }
}
