// Names shared by the client and the server, declared once. The server imports this file too
// (server/src/lsp/handlers/graph.ts), so it holds plain values and types only.
export const LANGUAGES = ['stunnel', 'systemd-unit', 'limits-conf'] as const;
export const CONFIG_SECTION = 'daemonlint';
export const OUTPUT_CHANNEL = 'Daemonlint';

/** Command: show the unit merged with its drop-ins (argument: a document URI, else the active editor). */
export const SHOW_EFFECTIVE_UNIT_COMMAND = 'daemonlint.showEffectiveUnit';
/** Request the client sends for that command. */
export const EFFECTIVE_UNIT_REQUEST = 'daemonlint/effectiveUnit';
export interface EffectiveUnitParams {
  uri: string;
}
/** null when the document is neither a unit, a drop-in, nor a config a unit starts. */
export type EffectiveUnitResult = { name: string; uri: string; text: string } | null;
/** URI scheme of the read-only documents that show an effective unit. */
export const EFFECTIVE_UNIT_SCHEME = 'daemonlint-effective';

/** Files the graph reads besides the three languages: system.conf, passwd, group, /etc/default/stunnel*. */
export const GRAPH_FILE_GLOB = '**/{systemd/system.conf,system.conf.d/*.conf,etc/passwd,etc/group,default/stunnel*}';

/** Notification: whether the workspace is trusted. The client also passes `isTrusted` in initializationOptions. */
export const WORKSPACE_TRUST_NOTIFICATION = 'daemonlint/workspaceTrust';
export interface WorkspaceTrustParams {
  trusted: boolean;
}
/** Command and request: check a file with the programs installed on this machine (trusted workspaces only). */
export const VALIDATE_WITH_TOOLS_COMMAND = 'daemonlint.validateWithInstalledTools';
export const VALIDATE_WITH_TOOLS_REQUEST = 'daemonlint/validateWithInstalledTools';
export interface ValidateWithToolsParams {
  uri: string;
}
export interface ValidateWithToolsResult {
  /** The program that ran, or null when none did. */
  tool: 'systemd-analyze' | 'stunnel' | null;
  /** Diagnostics it produced for the file. */
  diagnostics: number;
  /** One sentence for the user: what ran and what came of it, or why nothing ran. */
  message: string;
}
/** Source of the diagnostics those programs produce. */
export const TOOL_SOURCES = ['systemd-analyze', 'stunnel'] as const;
/** Command behind the status-bar item: lint on type/save, rule docs, output, validation. */
export const SHOW_MENU_COMMAND = 'daemonlint.showMenu';
