/**
 * The action metadata is what a runner reads before any code runs: it must parse, run on
 * node24 from the committed bundle, and the umbrella action must accept every input and
 * give every output of the three sub-actions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const read = (path: string) => parse(readFileSync(path, 'utf8'), { strict: true }) as ActionMetadata;
const umbrella = read('action.yml');
const subActions = ['plan', 'promote', 'drift'].map((name) => ({
  name,
  path: `actions/${name}/action.yml`,
  metadata: read(`actions/${name}/action.yml`),
}));

describe('action metadata', () => {
  it.each([{ name: 'umbrella', path: 'action.yml', metadata: umbrella }, ...subActions])(
    '$path runs the committed bundle on node24 and describes every input and output',
    ({ path, metadata }) => {
      expect(metadata.runs.using).toBe('node24');
      expect(existsSync(join(dirname(path), metadata.runs.main))).toBe(true);
      for (const [name, input] of Object.entries(metadata.inputs)) {
        expect(input.description, `${path}: input ${name}`).toMatch(/\S/);
      }
      for (const [name, output] of Object.entries(metadata.outputs)) {
        expect(output.description, `${path}: output ${name}`).toMatch(/\S/);
      }
    },
  );

  it.each(subActions)('the umbrella action carries every input and output of $name', ({ metadata }) => {
    expect(Object.keys(umbrella.inputs)).toEqual(expect.arrayContaining(Object.keys(metadata.inputs)));
    expect(Object.keys(umbrella.outputs)).toEqual(expect.arrayContaining(Object.keys(metadata.outputs)));
  });
});
