// Bundles the three entry points. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Node flags the language server runs with, from wherever it is started: the installed command
// carries them in its #! line, the VS Code client passes the same list (client/src/extension.ts).
const serverNodeFlags = JSON.parse(readFileSync(new URL('./server/src/serverNodeFlags.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { DAEMONLINT_VERSION: JSON.stringify(pkg.version) },
};

const CORE_INDEX = path.resolve('server/src/core/index.ts');

/**
 * The language server loads the core (rules and knowledge, most of its code) from dist/core.js
 * when it first needs it, not before answering `initialize`: imports of the core's index from
 * the LSP wiring become an object whose properties load dist/core.js on first use. The export
 * names are read from the freshly built core so that esbuild's import helpers can list them
 * without loading it.
 */
const lazyCore = {
  name: 'lazy-core',
  setup(build) {
    build.onResolve({ filter: /(^|\/)core$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path, 'index.ts');
      if (target !== CORE_INDEX || args.importer.startsWith(path.dirname(CORE_INDEX) + path.sep)) return undefined;
      return { path: 'lazy-core', namespace: 'lazy-core' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-core' }, () => {
      const require = createRequire(import.meta.url);
      delete require.cache[require.resolve('./dist/core.js')];
      const names = Object.keys(require('./dist/core.js'));
      return {
        loader: 'js',
        contents: `
const NAMES = ${JSON.stringify(names)};
const HAS = new Set(NAMES);
let core;
const load = () => (core ??= require(require('node:path').join(__dirname, 'core.js')));
module.exports = new Proxy({}, {
  get: (_, name) => (name === '__esModule' ? true : load()[name]),
  ownKeys: () => NAMES,
  getOwnPropertyDescriptor: (_, name) => (HAS.has(name) ? { configurable: true, enumerable: true, writable: false, value: undefined } : undefined),
});`,
      };
    });
  },
};

// The core first: the server's lazy import lists its exports.
const coreEntry = { entryPoints: ['server/src/core/index.ts'], outfile: 'dist/core.js' };
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: `#!/usr/bin/env -S node ${serverNodeFlags.join(' ')}` }, plugins: [lazyCore] },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  const core = await esbuild.context({ ...common, ...coreEntry });
  await core.rebuild();
  await core.watch();
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await esbuild.build({ ...common, ...coreEntry });
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  // The two commands run straight from a clone too, as npm would install them.
  for (const bin of ['dist/server.js', 'dist/cli.js']) chmodSync(bin, 0o755);
}
