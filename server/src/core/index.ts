// The facade: everything the server and the CLI need from the core, and nothing else.
export { detectDialect, unitTypeOf } from './dialect';
export { codeActions, type CodeAction } from './features/codeActions';
export { complete, type CompletionEntry } from './features/completion';
export { diffEdit, fixAll, FIX_ALL_TITLE, type FixAllResult } from './features/fixAll';
export { applyEdits, fixAllEdits, isSafeFix, type FixAllChange, lineStartsOf, offsetAt, OverlappingEditsError } from './edits';
export { hover, type HoverResult } from './features/hover';
export { lintFile, lintWorkspace, type LintOptions } from './lint';
export { pathToUri, uriToPath } from './paths';
export { parseRcFile, ruleLevelProblem, RULE_LEVELS, type RcResult, type RcSettings } from './rcfile';
export { RULES, ruleById } from './rules/registry';
export { DEFAULT_SETTINGS, SETTINGS_SCHEMA, resolveSettings, type Settings } from './settings';
export { parse } from './syntax/parse';
export { parseSuppressions, suppressionFixes, UNUSED_SUPPRESSION, UNUSED_SUPPRESSION_RULE, type SuppressionDirective } from './suppress';
export type { ParsedDocument } from './syntax/ast';
export * from './types';
export { launchersOf, daemonLaunch, isDropIn, unitNameOf } from './workspace/units';
export { Workspace } from './workspace/workspace';
export { neighbours } from './workspace/graph';
