/**
 * The validator of schema/plumbline.schema.json. Run from source (tests, the type checker),
 * ajv compiles the schema here when the module loads. The bundles in dist/ replace this
 * module with the same validator compiled ahead of time by the build (ajv standalone code
 * generated from this very instance, scripts/config-validator.mjs), so a run neither loads
 * the schema compiler nor waits for it.
 */
import { Ajv } from 'ajv';
import schema from '../../schema/plumbline.schema.json' with { type: 'json' };

/** `code.source` keeps the generated code, from which the build writes the standalone module. */
export const configSchemaAjv = new Ajv({
  allErrors: true,
  verbose: true,
  strict: true,
  code: { source: true, esm: true },
});

export const validateConfig = configSchemaAjv.compile(schema);
