import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_PREFIX } from '../../../src/diff/mask.js';
import { renderJson } from '../../../src/report/json.js';
import { planResult } from './arbitraries.js';
import { noChangeResult, PASSWORD_AFTER, realisticResult } from './fixtures.js';

const schemaPath = new URL('../../../schema/plan-report.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function expectValid(json: string): void {
  const valid = validate(JSON.parse(json));
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('renderJson', () => {
  const json = renderJson(realisticResult());
  const report = JSON.parse(json);

  it('validates against the published schema', () => {
    expectValid(json);
    expectValid(renderJson(noChangeResult()));
    expectValid(renderJson({ environments: [] }));
  });

  it('validates for any plan result and never carries a masked token', () => {
    fc.assert(
      fc.property(planResult, (result) => {
        const text = renderJson(result);
        expectValid(text);
        expect(text).not.toContain(MASK_PREFIX);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps its keys in a stable, documented order', () => {
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'changed',
      'base',
      'head',
      'config',
      'totals',
      'environments',
    ]);
    expect(Object.keys(report.environments[0])).toEqual([
      'name',
      'status',
      'mode',
      'comparedWith',
      'notice',
      'error',
      'counts',
      'objects',
    ]);
    expect(Object.keys(report.environments[0].objects[0])).toEqual([
      'key',
      'group',
      'version',
      'kind',
      'namespace',
      'name',
      'change',
      'fields',
      'risks',
      'notes',
      'secretValuesChanged',
      'diff',
    ]);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('sums the counts and marks failures', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.changed).toBe(true);
    expect(report.totals).toEqual({
      added: 1,
      changed: 2,
      deleted: 1,
      unchanged: 2,
      risks: 1,
      failedEnvironments: 1,
    });
    const staging = report.environments.find((env: { name: string }) => env.name === 'staging');
    expect(staging.status).toBe('failed');
    expect(staging.error).toMatch(/^kustomize build envs\/staging failed/);
    const prod = report.environments.find((env: { name: string }) => env.name === 'prod');
    expect(prod).toMatchObject({
      status: 'compared',
      notice: expect.stringMatching(/^no cluster credentials/),
    });
    expect(prod.objects).toEqual([]); // unchanged objects are counted, not listed
  });

  it('names the Secret keys that changed and shows no value', () => {
    const secret = report.environments[0].objects.find(
      (object: { kind: string }) => object.kind === 'Secret',
    );
    expect(secret.secretValuesChanged).toEqual(['data.password']);
    expect(secret.diff).toContain('+  password: *** (masked)');
    expect(json).not.toContain(MASK_PREFIX);
    expect(json).not.toContain(Buffer.from(PASSWORD_AFTER).toString('base64'));
  });

  it('uses null, not absence, for what does not apply', () => {
    const result = noChangeResult();
    const plain = JSON.parse(renderJson(result));
    expect(plain.base).toBeNull();
    expect(plain.head).toBeNull();
    expect(plain.changed).toBe(false);
    expect(plain.environments[0].notice).toBeNull();
    expect(plain.environments[0].error).toBeNull();
  });
});

describe('docs/report-format.md', () => {
  it('describes every key of the schema', () => {
    const docs = readFileSync(new URL('../../../docs/report-format.md', import.meta.url), 'utf8');
    const keys = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'properties') for (const name of Object.keys(value as object)) keys.add(name);
          collect(value);
        }
      }
    };
    collect(schema);
    const missing = [...keys].filter((key) => !docs.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });
});
