// Builds dist/ from the sources, deterministically (check-dist compares a fresh build of the
// whole folder with the committed one):
//
//   dist/{plan,promote,drift,main,cli}.js   the entries (action.yml files, the npm bin)
//   dist/chunks/*-HASH.js                   what they share, and each command, named by the
//                                           hash of its content; relative ESM imports
//   dist/chunks/lib-*.cjs                   heavy libraries loaded on first use (below)
//
// One esbuild build with code splitting: the entries import their command with import(),
// so an action loads only its command and the libraries it uses, and `plumbline --version`
// no command at all.
//
//   node scripts/build.mjs [outdir]     (default dist; the folder is emptied first)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { configValidatorPlugin } from './config-validator.mjs';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(process.argv[2] ?? join(root, 'dist'));

// Each action bundle is the same dispatcher with its command fixed; main.js (the umbrella
// action) reads the command from the `command` input.
const actionEntry = (command) =>
  "import { runAction } from './action.ts';\n" +
  (command ? `await runAction('${command}');\n` : 'await runAction();\n');

const virtualEntries = {
  plan: actionEntry('plan'),
  promote: actionEntry('promote'),
  drift: actionEntry('drift'),
  main: actionEntry(undefined),
};

/** The action entries are virtual modules beside src/entry/github/action.ts. */
const entriesPlugin = {
  name: 'plumbline-entries',
  setup(plugin) {
    plugin.onResolve({ filter: /^plumbline-entry:/ }, (args) => ({
      path: args.path.slice('plumbline-entry:'.length),
      namespace: 'plumbline-entry',
    }));
    plugin.onLoad({ filter: /.*/, namespace: 'plumbline-entry' }, (args) => ({
      contents: virtualEntries[args.path],
      resolveDir: join(root, 'src/entry/github'),
      loader: 'ts',
    }));
  },
};

// Heavy libraries that most runs never call: each is bundled on its own as CommonJS, and
// the code that imports it gets a stand-in that require()s it the first time one of its
// names is used (an ES module could only be loaded that late with an async import()). A
// run that does not use them does not even parse them.
//   undici: @actions/http-client and @actions/github use it only to reach the API through
//     a proxy (ProxyAgent, and fetch with it as dispatcher); ~0.8 MB.
//   @kubernetes/client-node: src/cluster reads kubeconfigs with its KubeConfig, which only
//     live plans and drift use; ~1.8 MB with what it imports.
// esbuild fails the build when an ES module imports a name a stand-in lacks; the CommonJS
// copy of http-client under @actions/github reads only ProxyAgent.
const lazyLibraries = {
  undici: { file: 'lib-undici.cjs', classes: ['ProxyAgent'], functions: ['fetch'] },
  '@kubernetes/client-node': { file: 'lib-kubernetes-client.cjs', classes: ['KubeConfig'], functions: [] },
};
const LAZY_DIR = 'chunks';

const standIn = ({ file, classes, functions }) =>
  [
    "import { createRequire } from 'node:module';",
    'let library;',
    // The stand-in is in dist/chunks/ (checked below), beside the library.
    `const load = () => (library ??= createRequire(import.meta.url)('./${file}'));`,
    ...classes.map(
      (name) =>
        `export class ${name} {\n  constructor(...args) {\n    return new (load().${name})(...args);\n  }\n}`,
    ),
    ...functions.map((name) => `export function ${name}(...args) {\n  return load().${name}(...args);\n}`),
  ].join('\n');

const lazyPlugin = {
  name: 'plumbline-lazy-libraries',
  setup(plugin) {
    const names = Object.keys(lazyLibraries).map((name) => name.replace(/[/.]/g, '\\$&'));
    plugin.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({
      path: args.path,
      namespace: 'plumbline-lazy',
    }));
    plugin.onLoad({ filter: /.*/, namespace: 'plumbline-lazy' }, (args) => ({
      contents: standIn(lazyLibraries[args.path]),
      loader: 'js',
    }));
  },
};

// An ES module import of node:http makes Node build its ES module facade, which reads
// every export, among them the lazy WebSocket, CloseEvent and MessageEvent, and so loads
// Node's internal undici (~20 ms) at start-up. The sources import only its default export;
// the bundles take it through require() (a named import would fail the build here).
const builtinHttpPlugin = {
  name: 'plumbline-node-http',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?http$/ }, (args) =>
      args.kind === 'import-statement' ? { path: 'node:http', namespace: 'plumbline-node-http' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'plumbline-node-http' }, () => ({
      contents:
        "import { createRequire } from 'node:module';\n" +
        "export default createRequire(import.meta.url)('node:http');\n",
      loader: 'js',
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  write: false,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  // tr46 (under @kubernetes/client-node) requires Node's deprecated built-in punycode,
  // which prints a deprecation warning on every run; the userland package is the same code.
  alias: { punycode: 'punycode/' },
  logLevel: 'warning',
};

const main = await build({
  ...common,
  entryPoints: [
    ...Object.keys(virtualEntries).map((name) => ({ in: `plumbline-entry:${name}`, out: name })),
    { in: 'src/entry/cli.ts', out: 'cli' },
  ],
  outdir,
  entryNames: '[name]',
  chunkNames: `${LAZY_DIR}/[name]-[hash]`,
  splitting: true,
  format: 'esm',
  metafile: true,
  plugins: [entriesPlugin, lazyPlugin, builtinHttpPlugin, configValidatorPlugin(root)],
  // Some dependencies are CommonJS and call require(); give every file one.
  banner: {
    js: [
      "import { createRequire as __plumblineCreateRequire } from 'node:module';",
      'const require = __plumblineCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});

for (const [output, { inputs }] of Object.entries(main.metafile.outputs)) {
  for (const input of Object.keys(inputs)) {
    if (input.startsWith('plumbline-lazy:') && dirname(relative(outdir, join(root, output))) !== LAZY_DIR)
      throw new Error(
        `build: the stand-in ${input} landed in ${output}, not in ${LAZY_DIR}/ beside its library`,
      );
  }
}

const libraries = await Promise.all(
  Object.entries(lazyLibraries).map(([name, { file, classes, functions }]) =>
    build({
      ...common,
      stdin: {
        contents: `export { ${[...classes, ...functions].join(', ')} } from '${name}';\n`,
        resolveDir: root,
        sourcefile: `${file}-entry.js`,
        loader: 'js',
      },
      outfile: join(outdir, LAZY_DIR, file),
      format: 'cjs',
    }),
  ),
);

rmSync(outdir, { recursive: true, force: true });
for (const file of [...main.outputFiles, ...libraries.flatMap((library) => library.outputFiles)]) {
  mkdirSync(dirname(file.path), { recursive: true });
  // dist/cli.js is the npm bin.
  const bin = relative(outdir, file.path) === 'cli.js';
  writeFileSync(file.path, bin ? `#!/usr/bin/env node\n${file.text}` : file.contents);
}
