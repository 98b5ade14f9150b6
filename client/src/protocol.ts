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
