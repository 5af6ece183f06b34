/**
 * The bundles validate plumbline.yaml with the validator the build compiles ahead of time
 * (scripts/config-validator.mjs); the sources compile it when they load. Both must give the
 * same answer, errors and all, since every message about the file is made from them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { standaloneValidatorSource } from '../../../scripts/config-validator.mjs';
import { validateConfig } from '../../../src/config/schema-validator.js';

const root = resolve(import.meta.dirname, '../../..');
let scratch: string;
let precompiled: ValidateFunction;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'plumbline-validator-test-'));
  const file = join(scratch, 'validator.mjs');
  // The code requires ajv's runtime helpers, which the bundles carry; here, node_modules has them.
  const require = `import { createRequire } from 'node:module';\nconst require = createRequire(${JSON.stringify(join(root, 'package.json'))});\n`;
  writeFileSync(file, require + (await standaloneValidatorSource(root)));
  precompiled = (await import(pathToFileURL(file).href)).validateConfig;
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const documents: Record<string, unknown> = {
  'the example': parse(readFileSync(join(root, 'examples/plumbline.yaml'), 'utf8')),
  'not a mapping': 'HOME=/root',
  'an unknown field and a misspelt renderer': {
    environments: [{ name: 'dev', path: 'envs/dev', rendrer: 'plain', renderer: 'kustomise' }],
    extra: true,
  },
  'wrong types everywhere': {
    environments: { name: 'dev' },
    diff: { ignore: [{ kind: 3, path: 'spec.replicas' }], ownershipLabel: '' },
    drift: { after: 0, labels: 'drift' },
  },
  'a missing path and an empty list': { environments: [{ name: 'dev' }, {}], diff: { ignore: [] } },
  'null values': { environments: [null], diff: null },
};

it.each(Object.entries(documents))('gives the same answer as ajv at run time: %s', (name, document) => {
  const valid = validateConfig(document);
  expect(precompiled(document)).toBe(valid);
  expect(precompiled.errors ?? null).toEqual(validateConfig.errors ?? null);
  expect(valid).toBe(name === 'the example');
});
