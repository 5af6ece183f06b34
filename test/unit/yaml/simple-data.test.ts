/**
 * The fast path reads simple YAML exactly as the careful one (`yaml`, YAML 1.2 core
 * schema) does, and leaves everything else to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { simpleYamlDocuments } from '../../../src/yaml/simple-data.js';

const repositoryRoot = new URL('../../../', import.meta.url).pathname;

/** What the careful path reads, as JSON: every document's value, or undefined when any has an error. */
function carefully(text: string): string | undefined {
  const documents = parseAllDocuments(text, { logLevel: 'error' });
  const list = Array.isArray(documents) ? documents : [];
  if (list.some((document) => document.errors.length > 0)) return undefined;
  return JSON.stringify(list.map((document) => document.toJS()));
}

function simply(text: string): string | undefined {
  const documents = simpleYamlDocuments(text);
  return documents && JSON.stringify(documents);
}

/** The YAML files below `folder`, repository-relative. */
function yamlFiles(folder: string): string[] {
  return readdirSync(join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/.test(path) && !path.includes('node_modules'))
    .map((path) => join(folder, path));
}

describe('simpleYamlDocuments', () => {
  it("reads every YAML file of the repository's examples and tests as the careful path does, or leaves it", () => {
    const files = ['examples', 'test', 'templates'].flatMap(yamlFiles);
    expect(files.length).toBeGreaterThan(10);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(join(repositoryRoot, file), 'utf8');
      const simple = simply(text);
      if (simple === undefined) continue;
      read++;
      expect(simple, file).toEqual(carefully(text));
    }
    expect(read).toBeGreaterThan(files.length / 2);
  });

  it('reads kustomizations the way they are mostly written: block and flow, quoted and plain', () => {
    const texts = [
      'resources:\n  - ../../base\n  - "./extra.yaml"\nnamespace: team-1\n',
      "resources: [../../base, 'a b.yaml']\npatches:\n  - path: patch.yaml\n    target: { kind: Deployment }\n",
      'images:\n  - name: web\n    newTag: "1.0"\n  - name: db\n    newTag: 1.10\n    digest: sha256:abc\n',
      'helmCharts:\n- name: app\n  version: 1.2.3\n  valuesInline:\n    replicas: 3\n    enabled: true\n    nothing: null\n    hex: 0x1f\n    octal: 0o17\n    exp: 1e3\n    inf: .inf\n',
      'configMapGenerator:\n  - name: settings\n    literals: ["a=1", "b=2"]  # two\n    files: [app.properties]\n# a comment\n',
      '---\nresources: [a]\n---\nresources: [b]\n',
      "key with spaces: value\n\"quoted key\": 2\n'it''s': x\n",
    ];
    for (const text of texts) {
      const simple = simply(text);
      expect(simple, text).toBeDefined();
      expect(simple, text).toEqual(carefully(text));
    }
  });

  it('leaves anchors, aliases, merge keys, tags, directives and what does not parse to the careful path', () => {
    for (const text of [
      'base: &b { a: 1 }\nother: *b\n',
      'x: &a [1]\n',
      'base: { a: 1 }\nmerged:\n  <<: { a: 2 }\n',
      'value: !!str 1\n',
      'value: !custom thing\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: |\n  literal\n  block\n',
      'b: >-\n  folded\n',
      'c: "escaped\\u00e9"\n',
      '? complex\n: 3\n',
      'a: b\r\n',
      '---\na: 1\n...\n',
      '',
      '# only a comment\n',
      'a: 1\na: 2\n',
      'a: [1, 2\n',
      'a:\n\t- b\n',
      `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    ]) {
      expect(simpleYamlDocuments(text), text).toBeUndefined();
    }
  });

  it('agrees with the careful path on random data, however it is written', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^[ #:\-?[\]{},'"|>\n\t\\a-z0-9.]{0,12}$/),
      fc.constantFrom(
        'true',
        'false',
        'null',
        '~',
        '1.0',
        '0x10',
        '0o7',
        '007',
        '1e3',
        '.nan',
        '-.inf',
        'yes',
        'on',
      ),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('resources', 'patches', 'y', 'n', '1'));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(
        value,
        fc.boolean(),
        fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
        (data, flow, quote) => {
          const text = stringify(data, {
            collectionStyle: flow ? 'flow' : 'block',
            defaultStringType: quote as 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE',
          });
          const simple = simply(text);
          if (simple !== undefined) expect(simple).toEqual(carefully(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads no text the careful path refuses: random text of YAML punctuation', () => {
    const token = fc.constantFrom(
      'a',
      'b1',
      ':',
      ': ',
      ' ',
      '  ',
      '\n',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ', ',
      '"',
      "'",
      '#',
      '|',
      '>',
      '? ',
      '\t',
      '\\',
      '...',
      '---',
      '\n  ',
      '\n- ',
      'x: ',
      '"a\\"',
      "''",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), (tokens) => {
        const text = tokens.join('');
        const simple = simply(text);
        if (simple !== undefined) expect(simple, JSON.stringify(text)).toEqual(carefully(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the careful path on random lines of the simple grammar, at random indents', () => {
    const scalar = fc.constantFrom(
      'a',
      'b c',
      '../base',
      'sha256:ab',
      'x.yaml',
      '1',
      '1.0',
      '0x1f',
      '0o7',
      '007',
      '1e3',
      '.inf',
      '.nan',
      'true',
      'null',
      '~',
      'y',
      'on',
      '"q"',
      '"a b"',
      "'s'",
      "'it''s'",
      '""',
      "''",
      '=x',
      '(p)',
      'a  ',
    );
    const value = fc.oneof(
      scalar,
      fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      fc
        .array(fc.tuple(scalar, scalar), { maxLength: 2 })
        .map((pairs) => `{ ${pairs.map(([key, item]) => `${key}: ${item}`).join(', ')} }`),
    );
    const line = fc.tuple(
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom('', '- ', '- - '),
      fc.oneof(
        fc
          .tuple(scalar, fc.option(value))
          .map(([key, item]) => (item === null ? `${key}:` : `${key}: ${item}`)),
        value,
      ),
      fc.constantFrom('', ' # note', '  '),
    );
    const text = fc
      .array(
        fc.oneof(
          line.map(([indent, dash, entry, tail]) => `${' '.repeat(indent)}${dash}${entry}${tail}`),
          fc.constantFrom('---', '', '# c'),
        ),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((lines) => `${lines.join('\n')}\n`);
    let read = 0;
    fc.assert(
      fc.property(text, (written) => {
        const simple = simply(written);
        if (simple === undefined) return;
        read++;
        expect(simple, JSON.stringify(written)).toEqual(carefully(written));
      }),
      { numRuns: 3000 },
    );
    // About a third of them are YAML at all (random indents mostly are not), all read fast.
    expect(read).toBeGreaterThan(500);
  });
});
