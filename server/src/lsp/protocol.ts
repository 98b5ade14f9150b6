// The language-server library, imported in this one place: the bundle then builds the library's
// module object once rather than once for every file of the wiring that imports it (a start-up cost).
export * from 'vscode-languageserver/node';
