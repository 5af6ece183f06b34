/**
 * Manifests are data a pull request writes: a malformed Secret must not have its value
 * quoted in an error, a Secret inside any list kind must be masked, and YAML aliases must
 * not blow a document up or loop, whatever the text.
 */
import { describe, expect, it } from 'vitest';
import { isMasked } from '../../../src/diff/mask.js';
import { PlumblineError } from '../../../src/errors.js';
import { parseManifests } from '../../../src/render/parse.js';
import { lines } from '../config/temp-repo.js';

const file = 'envs/dev/secret.yaml';
const CANARY = 'c4n4ry-s3cret';
const fromFile = (text: string) =>
  parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line, column) => `${file}:${line}:${column}`,
  });

function parseError(text: string): PlumblineError {
  try {
    fromFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlumblineError);
    return error as PlumblineError;
  }
  throw new Error('expected the text to be rejected');
}

const secretHead = ['apiVersion: v1', 'kind: Secret', 'metadata: { name: db }', 'stringData:'];

describe('a YAML error in a Secret', () => {
  // Line 5 holds the canary in each; yaml quotes the source in several of these messages.
  const malformed: Record<string, string[]> = {
    'a block scalar header with extra text': [`  password: |${CANARY}`, '    x'],
    'a tag without a suffix': [`  password: !${CANARY}! x`],
    'a bad escape': [`  password: "${CANARY}\\q"`],
    'an unclosed quote': [`  password: "${CANARY}`],
    'text after a quoted value': [`  password: "x" ${CANARY}`],
    'a value continued on a less indented line': [`  password: x`, ` ${CANARY}: y`],
    'a multi-line implicit key': [`  ${CANARY}`, '  next: 1'],
    'a compact nested mapping': [`  password: ${CANARY}: x`],
    'a value typed as a duplicate key': [`  ${CANARY}: 1`, `  ${CANARY}: 2`],
    'a directive in the wrong place': [`  password: x`, `%${CANARY} y`],
    'a duplicate key in an ordered map': ['  pw: !!omap', `    - ${CANARY}: 1`, `    - ${CANARY}: 2`],
  };

  for (const [name, tail] of Object.entries(malformed)) {
    it(`names file, line and reason but not the value: ${name}`, () => {
      const error = parseError(lines(...secretHead, ...tail));
      expect(error.message).not.toContain(CANARY);
      expect(error.hint ?? '').not.toContain(CANARY);
      expect(error.message).toMatch(/^envs\/dev\/secret\.yaml:[56]:\d+: YAML syntax: \S/);
    });
  }

  it("keeps yaml's own reason when it is a fixed sentence", () => {
    const error = parseError(lines(...secretHead, `  password: ${CANARY}`, ` key: x`));
    expect(error.message).toBe(
      'envs/dev/secret.yaml:6:1: YAML syntax: All mapping items must start at the same column',
    );
  });

  it('names an alias without an anchor by its place, not its name', () => {
    const error = parseError(lines(...secretHead, `  password: *${CANARY}`));
    expect(error.message).toBe(
      'envs/dev/secret.yaml:5:13: YAML aliases: an alias names no anchor defined before it',
    );
  });
});

describe('list kinds', () => {
  const secret = (indent: string, name: string) =>
    [
      `${indent}- apiVersion: v1`,
      `${indent}  kind: Secret`,
      `${indent}  metadata: { name: ${name} }`,
      `${indent}  stringData: { password: ${CANARY} }`,
    ].join('\n');

  it('expands a SecretList, a List of any apiVersion and nested lists, and masks every Secret', () => {
    const resources = fromFile(
      lines(
        'apiVersion: v1',
        'kind: SecretList',
        'items:',
        secret('  ', 'a'),
        '  - apiVersion: example.com/v9',
        '    kind: FooList',
        '    items:',
        secret('      ', 'b'),
        '      - kind: List',
        '        items:',
        secret('          ', 'c'),
      ),
    );
    expect(resources.map((resource) => `${resource.object.metadata.name}@${resource.source.line}`)).toEqual([
      'a@4',
      'b@11',
      'c@17',
    ]);
    for (const { object } of resources) {
      expect(Object.values(object.data as Record<string, string>).every(isMasked)).toBe(true);
    }
    expect(JSON.stringify(resources)).not.toContain(CANARY);
  });

  it('expands a ConfigMapList like any other list', () => {
    const resources = fromFile(
      lines(
        'apiVersion: v1',
        'kind: ConfigMapList',
        'items:',
        '  - { apiVersion: v1, kind: ConfigMap, metadata: { name: a } }',
      ),
    );
    expect(resources.map((resource) => resource.key)).toEqual(['/ConfigMap//a']);
  });

  it('keeps a kind ending in List without items as an object of its own', () => {
    const [resource] = fromFile(
      lines('apiVersion: example.com/v1', 'kind: AllowList', 'metadata: { name: a }', 'spec: {}'),
    );
    expect(resource?.key).toBe('example.com/AllowList//a');
  });

  it('rejects a list kind whose items are not a sequence, without showing them', () => {
    const error = parseError(lines('apiVersion: v1', 'kind: SecretList', 'items:', `  password: ${CANARY}`));
    expect(error.message).toBe('envs/dev/secret.yaml:1:1: the items of a list kind must be a sequence');
  });

  it('names the line of a list item that is not an object', () => {
    const error = parseError(lines('apiVersion: v1', 'kind: List', 'items:', `  - ${CANARY}`));
    expect(error.message).toBe(
      'envs/dev/secret.yaml:4:1: this document is a string, not a Kubernetes object',
    );
  });
});

describe('YAML aliases', () => {
  const configMap = (...data: string[]) =>
    lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: a }', 'data:', ...data);

  it('rejects a large string multiplied through aliases, at the first alias', () => {
    const aliases = Array.from({ length: 99 }, (_, index) => `  k${index}: *big`);
    const error = parseError(configMap(`  big: &big ${'x'.repeat(1_000_000)}`, ...aliases));
    expect(error.message).toMatch(
      /^envs\/dev\/secret\.yaml:6:7: YAML aliases: the aliases add more than [\d,]+ characters to what is written$/,
    );
  });

  it('counts the growth of all documents of a stream together', () => {
    const document = (name: string) =>
      lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        `metadata: { name: ${name} }`,
        `data: { a: &v ${'x'.repeat(300_000)}, b: *v, c: *v, d: *v, e: *v }`,
      );
    // Each document grows by 1.2 M characters: three fit the budget, four do not.
    expect(fromFile([1, 2, 3].map((n) => document(`cm${n}`)).join('---\n'))).toHaveLength(3);
    const error = parseError([1, 2, 3, 4].map((n) => document(`cm${n}`)).join('---\n'));
    // The fourth document's aliases are on its line 4, line 19 of the stream.
    expect(error.message).toMatch(/^envs\/dev\/secret\.yaml:19:\d+: YAML aliases: /);
  });

  it('rejects nested anchors aliased over and over (billion laughs)', () => {
    const level = (name: string, of: string) => `  ${name}: &${name} [${Array(10).fill(of).join(', ')}]`;
    const error = parseError(
      configMap(level('a', 'lol'), level('b', '*a'), level('c', '*b'), level('d', '*c'), level('e', '*d')),
    );
    expect(error.message).toMatch(/^envs\/dev\/secret\.yaml:6:\d+: YAML aliases: /);
  });

  it('rejects more than 100 aliases in one document', () => {
    const aliases = Array.from({ length: 101 }, (_, index) => `  k${index}: *v`);
    const error = parseError(configMap('  v: &v x', ...aliases));
    expect(error.message).toBe(
      'envs/dev/secret.yaml:106:9: YAML aliases: a document may hold at most 100 aliases',
    );
  });

  it('rejects an alias inside its own anchor, which would make the value endless', () => {
    const error = parseError(
      lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: a }', 'data: &loop', '  self: *loop'),
    );
    expect(error.message).toBe(
      'envs/dev/secret.yaml:5:9: YAML aliases: an alias inside its own anchor makes the value endless',
    );
  });

  it('reads ordinary aliases into independent copies', () => {
    const [resource] = fromFile(
      lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: a }',
        'spec:',
        '  first: &shared { env: [{ name: A, value: "1" }] }',
        '  second: *shared',
      ),
    );
    const spec = resource?.object.spec as Record<string, { env: Array<{ value: string }> }>;
    expect(spec.second).toEqual(spec.first);
    expect(spec.second).not.toBe(spec.first);
    spec.first!.env[0]!.value = '2';
    expect(spec.second!.env[0]!.value).toBe('1');
  });
});
