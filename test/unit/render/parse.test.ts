import { describe, expect, it } from 'vitest';
import { isMasked } from '../../../src/diff/mask.js';
import { PlumblineError } from '../../../src/errors.js';
import { parseManifests } from '../../../src/render/parse.js';
import { lines } from '../config/temp-repo.js';

const file = 'envs/dev/app.yaml';
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

describe('parseManifests', () => {
  it('reads every document with the line it starts on and skips empty ones', () => {
    const resources = fromFile(
      lines(
        '# leading comment',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web, namespace: shop }',
        '---',
        '---',
        '# only a comment',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web',
      ),
    );
    expect(resources.map((resource) => [resource.key, resource.source])).toEqual([
      ['apps/Deployment/shop/web', { file, line: 2 }],
      ['/Service//web', { file, line: 9 }],
    ]);
    expect(resources[0]?.id).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
  });

  it('expands a List into its items, each at its own line', () => {
    const resources = fromFile(
      lines(
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: { name: a }',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: { name: b }',
      ),
    );
    expect(resources.map((resource) => `${resource.object.metadata.name}@${resource.source.line}`)).toEqual([
      'a@4',
      'b@7',
    ]);
  });

  it('names file:line:column of a YAML syntax error', () => {
    const error = parseError(
      lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', ' data: x'),
    );
    expect(error.message).toMatch(
      /^envs\/dev\/app\.yaml:5:1: YAML syntax: All mapping items must start at the same column/,
    );
  });

  it('names the line of a document that is not a Kubernetes object, and what it lacks', () => {
    const error = parseError(
      lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: a }',
        '---',
        'replicas: 3',
        'image: web:1.0',
      ),
    );
    expect(error.message).toBe(
      'envs/dev/app.yaml:5:1: not a Kubernetes object: missing apiVersion, kind, metadata.name',
    );
    expect(parseError(lines('---', '- a', '- b')).message).toBe(
      'envs/dev/app.yaml:2:1: this document is a list, not a Kubernetes object',
    );
    expect(
      parseError(lines('apiVersion: batch/v1', 'kind: Job', 'metadata: { generateName: migrate- }')).hint,
    ).toMatch(/generateName/);
  });

  it('masks Secret values, from data and stringData, as it parses', () => {
    const [secret] = fromFile(
      lines(
        'apiVersion: v1',
        'kind: Secret',
        'metadata: { name: db }',
        'data:',
        '  user: YWRtaW4=',
        'stringData:',
        '  password: hunter2-very-secret',
      ),
    );
    const data = secret?.object.data as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(['password', 'user']);
    expect(Object.values(data).every(isMasked)).toBe(true);
    expect(secret?.object.stringData).toBeUndefined();
    expect(JSON.stringify(secret)).not.toMatch(/hunter2|YWRtaW4=/);
  });

  it('gives the locator the comment above each document, where helm names the template', () => {
    const comments: Array<string | undefined> = [];
    parseManifests({
      text: lines(
        '---',
        '# Source: shop/templates/a.yaml',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: a }',
        '---',
        '# Source: shop/templates/b.yaml',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: b }',
      ),
      locate: (_line, comment) => {
        comments.push(comment);
        return { file: 'x' };
      },
      describe: () => 'x',
    });
    expect(comments).toEqual([' Source: shop/templates/a.yaml', ' Source: shop/templates/b.yaml']);
  });
});
