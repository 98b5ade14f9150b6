// The core, as the wiring imports it: one import of the core's index, which the server bundle loads
// lazily (see esbuild.mjs), instead of one per file, each copying its export list at start-up.
export * from '../core';
