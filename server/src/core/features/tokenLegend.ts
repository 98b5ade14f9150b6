// The semantic-token legend: token type and modifier names, indexed by number in the encoded
// tokens. A module of its own with no imports, so the language server can announce the legend
// without loading the rest of the core.
export const TOKEN_TYPES = ['namespace', 'property', 'variable', 'string', 'number', 'enumMember', 'macro', 'keyword'] as const;
export const TOKEN_MODIFIERS = ['deprecated'] as const;
