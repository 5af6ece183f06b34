// Bundles each entry into one self-contained ESM file under dist/.
// Deterministic output: check-dist compares a fresh build with the committed one.
import { build } from 'esbuild';

// Each action bundle is the same dispatcher with its command fixed; main.js (the
// umbrella action) reads the command from the `command` input.
const actionEntry = (command) => ({
  contents:
    "import { runAction } from './src/entry/github/action.ts';\n" +
    (command ? `await runAction('${command}');` : 'await runAction();'),
  resolveDir: process.cwd(),
  sourcefile: `${command ?? 'main'}-entry.ts`,
  loader: 'ts',
});

const entries = {
  plan: actionEntry('plan'),
  promote: actionEntry('promote'),
  drift: actionEntry('drift'),
  main: actionEntry(undefined),
  cli: 'src/entry/cli.ts',
};

const outdir = process.argv[2] ?? 'dist';

await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: entry }),
      outfile: `${outdir}/${name}.js`,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      legalComments: 'none',
      // tr46 (under @kubernetes/client-node) requires Node's deprecated built-in punycode,
      // which prints a deprecation warning on every run; the userland package is the same code.
      alias: { punycode: 'punycode/' },
      logLevel: 'warning',
      // Some dependencies are CommonJS and call require(); give them one.
      banner: {
        js: [
          name === 'cli' ? '#!/usr/bin/env node' : '',
          "import { createRequire as __plumblineCreateRequire } from 'node:module';",
          'const require = __plumblineCreateRequire(import.meta.url);',
        ]
          .filter(Boolean)
          .join('\n'),
      },
    }),
  ),
);
