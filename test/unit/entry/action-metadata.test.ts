/**
 * The action metadata is what a runner reads before any code runs: it must parse, run on
 * node24 from the committed bundle, and the umbrella action must accept every input and
 * give every output of the three sub-actions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/**
 * The names an entry passes as literals to an input reader (core's get…Input and the
 * shared …Input helpers of src/entry/github/inputs.ts) and to core.setOutput.
 */
function namesUsed(source: string): { inputs: string[]; outputs: string[] } {
  const names = (pattern: RegExp) => [...new Set([...source.matchAll(pattern)].map((match) => match[1]!))];
  return {
    inputs: names(/\b\w*Input\(\s*['"`]([^'"`]+)['"`]/g),
    outputs: names(/\bsetOutput\(\s*['"`]([^'"`]+)['"`]/g),
  };
}

/** The entry's source and that of every ./module.js of src/entry/github it imports, transitively. */
function entrySources(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const local = [...source.matchAll(/from '\.\/([\w-]+)\.js'/g)].map((match) =>
    resolve(dirname(file), `${match[1]}.ts`),
  );
  return [source, ...local.flatMap((path) => entrySources(path, seen))];
}

describe('the inputs and outputs the entries use', () => {
  it('are found by the scan, whichever reader is used', () => {
    const used = namesUsed(
      "core.getInput('a'); core.getBooleanInput(\"b\"); core.getMultilineInput('c', { required: true });\n" +
        "listInput('d'); choiceInput('e', MODES); booleanInput(\n  'f',\n  true,\n); core.setOutput('g', x);",
    );
    expect(used.inputs).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(used.outputs).toEqual(['g']);
  });

  it.each(subActions)(
    'the $name entry and its shared modules read and set only what $path and action.yml declare',
    ({ name, path, metadata }) => {
      const used = namesUsed(entrySources(resolve(`src/entry/github/${name}.ts`)).join('\n'));
      // A scan that finds nothing would pass whatever the entry reads.
      expect(used.inputs.length, `inputs found in ${name}.ts`).toBeGreaterThan(3);
      expect(used.outputs.length, `outputs found in ${name}.ts`).toBeGreaterThan(1);
      for (const input of used.inputs) {
        expect(Object.keys(metadata.inputs), `${path} declares input ${input}`).toContain(input);
        expect(Object.keys(umbrella.inputs), `action.yml declares input ${input}`).toContain(input);
      }
      for (const output of used.outputs) {
        expect(Object.keys(metadata.outputs), `${path} declares output ${output}`).toContain(output);
        expect(Object.keys(umbrella.outputs), `action.yml declares output ${output}`).toContain(output);
      }
    },
  );
});
