// The config validator compiled ahead of time. src/config/schema-validator.ts compiles
// schema/plumbline.schema.json with ajv when it loads; the bundles get, in its place, the
// code that very ajv instance generates for it (ajv "standalone" code), so a run neither
// loads the schema compiler nor compiles. The schema file and the ajv options stay in one
// place each: this script runs the module itself and asks it for its code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const MODULE = /[\\/]src[\\/]config[\\/]schema-validator\.ts$/;

/** ESM source exporting `validateConfig`, the precompiled twin of src/config/schema-validator.ts. */
export async function standaloneValidatorSource(root) {
  const scratch = mkdtempSync(join(tmpdir(), 'plumbline-validator-'));
  try {
    const file = join(scratch, 'validator.mjs');
    await build({
      absWorkingDir: root,
      stdin: {
        contents:
          "export { configSchemaAjv, validateConfig } from './src/config/schema-validator.ts';\n" +
          "export { default as standaloneCode } from 'ajv/dist/standalone/index.js';\n",
        resolveDir: root,
        loader: 'ts',
      },
      outfile: file,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const { configSchemaAjv, validateConfig, standaloneCode } = await import(pathToFileURL(file).href);
    // Exports `validate` (and a default); the runtime module's name is added.
    return `${standaloneCode(configSchemaAjv, validateConfig)}\nexport { validate as validateConfig };\n`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** esbuild plugin: src/config/schema-validator.ts is bundled as its standalone code. */
export function configValidatorPlugin(root) {
  return {
    name: 'plumbline-config-validator',
    setup(plugin) {
      plugin.onLoad({ filter: MODULE }, async (args) => ({
        contents: await standaloneValidatorSource(root),
        loader: 'js',
        resolveDir: dirname(args.path),
        watchFiles: [join(root, 'schema/plumbline.schema.json')],
      }));
    },
  };
}
