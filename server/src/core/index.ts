// The facade: everything the server and the CLI need from the core, and nothing else.
export { detectDialect, unitTypeOf } from './dialect';
export { codeActions, type CodeAction } from './features/codeActions';
export { complete, type CompletionEntry } from './features/completion';
export { hover, type HoverResult } from './features/hover';
export { lintFile, lintWorkspace, type LintOptions } from './lint';
export { pathToUri, uriToPath } from './paths';
export { RULES, ruleById } from './rules/registry';
export { DEFAULT_SETTINGS, SETTINGS_SCHEMA, resolveSettings, type Settings } from './settings';
export { parse } from './syntax/parse';
export type { ParsedDocument } from './syntax/ast';
export * from './types';
export { launchersOf, daemonLaunch, isDropIn, unitNameOf } from './workspace/units';
export { Workspace } from './workspace/workspace';
export { neighbours } from './workspace/graph';
