import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { renderSettings } from '../../../src/config/parse.js';
import { ConfigError } from '../../../src/config/problems.js';
import { PlumblineError } from '../../../src/errors.js';
import { lines, tempRepo } from './temp-repo.js';

const folders = { 'envs/dev/': '', 'envs/staging/': '', 'envs/prod/': '' };

async function configError(files: Record<string, string>): Promise<ConfigError> {
  const root = await tempRepo(files);
  const error = await loadConfig(root).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

function where(error: ConfigError): string[] {
  return error.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}`);
}

describe('loadConfig with plumbline.yaml', () => {
  it('reads every setting and fills in the defaults', async () => {
    const root = await tempRepo({
      ...folders,
      'envs/prod/values-prod.yaml': 'replicas: 3\n',
      'plumbline.yaml': lines(
        '# yaml-language-server: $schema=./schema/plumbline.schema.json',
        'environments:',
        '  - name: dev',
        '    path: ./envs/dev/',
        '    cluster: { context: kind-dev }',
        '  - name: staging',
        '    path: envs/staging',
        '    renderer: kustomize',
        '    promote: { from: dev }',
        '  - name: prod',
        '    path: envs/prod',
        '    renderer: helm',
        '    helm: { releaseName: shop, namespace: shop, valuesFiles: [values-prod.yaml] }',
        '    promote:',
        '      from: staging',
        '      via: commit',
        '      images: [ghcr.io/acme/web]',
        '      allowDowngrade: true',
        '      helmImagePaths: ["containers[name=app].image"]',
        'diff:',
        '  ignore:',
        '    - { kind: Deployment, path: /spec/replicas }',
        '    - { group: apps, namespace: shop, name: web, path: /metadata/annotations/example.com~1hash }',
        '  ownershipLabel: app.kubernetes.io/part-of',
        'drift:',
        '  after: 2',
        '  labels: [drift, ops]',
      ),
    });
    expect(await loadConfig(root)).toEqual({
      file: 'plumbline.yaml',
      environments: [
        { name: 'dev', path: 'envs/dev', renderer: 'auto', cluster: { context: 'kind-dev' } },
        {
          name: 'staging',
          path: 'envs/staging',
          renderer: 'kustomize',
          promote: { from: 'dev', via: 'pull-request', allowDowngrade: false },
        },
        {
          name: 'prod',
          path: 'envs/prod',
          renderer: 'helm',
          helm: { releaseName: 'shop', namespace: 'shop', valuesFiles: ['values-prod.yaml'] },
          promote: {
            from: 'staging',
            via: 'commit',
            images: ['ghcr.io/acme/web'],
            allowDowngrade: true,
            helmImagePaths: ['containers[name=app].image'],
          },
        },
      ],
      render: renderSettings(),
      diff: {
        ignore: [
          { kind: 'Deployment', path: '/spec/replicas' },
          { group: 'apps', namespace: 'shop', name: 'web', path: '/metadata/annotations/example.com~1hash' },
        ],
        ownershipLabel: 'app.kubernetes.io/part-of',
      },
      drift: { after: 2, labels: ['drift', 'ops'] },
    });
  });

  it('uses defaults for everything left out, and reads plumbline.yml too', async () => {
    const root = await tempRepo({
      'deploy/dev/': '',
      'plumbline.yml': lines('environments:', '  - { name: dev, path: deploy/dev, helm: {} }'),
    });
    expect(await loadConfig(root)).toEqual({
      file: 'plumbline.yml',
      environments: [{ name: 'dev', path: 'deploy/dev', renderer: 'auto', helm: { valuesFiles: [] } }],
      render: renderSettings(),
      diff: { ignore: [] },
      drift: { after: 1, labels: ['drift'] },
    });
  });

  it('refuses to choose between plumbline.yaml and plumbline.yml', async () => {
    const root = await tempRepo({
      'plumbline.yaml': 'environments: []\n',
      'plumbline.yml': 'environments: []\n',
    });
    await expect(loadConfig(root)).rejects.toThrow(/Both plumbline.yaml and plumbline.yml exist/);
  });
});

describe('loadConfig errors name file:line:column', () => {
  it('reports YAML syntax errors where they are', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines('environments:', '  - name: dev', '    path: envs/dev: x', '  - name: prod'),
    });
    expect(error.message).toBe(
      'plumbline.yaml:3:11: YAML syntax: Nested mappings are not allowed in compact mappings',
    );
    const tabs = await configError({
      'plumbline.yaml': lines('environments:', '  - name: dev', '\tpath: x'),
    });
    expect(tabs.message).toBe('plumbline.yaml:3:1: YAML syntax: Tabs are not allowed as indentation');
  });

  it('reports a key given twice', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines('environments:', '  - name: dev', '    path: envs/dev', '    name: prod'),
    });
    expect(where(error)).toEqual(['plumbline.yaml:4:5']);
    expect(error.hint).toMatch(/only once/);
  });

  it('reports a second YAML document', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - { name: dev, path: envs/dev }',
        '---',
        'drift: { after: 2 }',
      ),
    });
    expect(where(error)).toEqual(['plumbline.yaml:3:1']);
  });

  it('reports an empty file', async () => {
    const error = await configError({ 'plumbline.yaml': '# nothing yet\n' });
    expect(error.message).toBe(
      'plumbline.yaml:1:1: the file is empty; expected a mapping with "environments"',
    );
  });

  it('points at an unknown field and suggests the known one', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - name: dev',
        '    path: envs/dev',
        '    rendrer: kustomize',
      ),
    });
    expect(where(error)).toEqual(['plumbline.yaml:4:5']);
    expect(error.message).toContain(
      'unknown field "rendrer" in environments[0]; expected one of: name, path, renderer',
    );
    expect(error.hint).toBe('Did you mean "renderer"?');
  });

  it('points at a value outside its enum and lists the allowed ones', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - name: dev',
        '    path: envs/dev',
        '    renderer: kustomise',
      ),
    });
    expect(error.message).toBe(
      'plumbline.yaml:4:15: environments[0].renderer must be one of: auto, plain, kustomize, helm',
    );
    expect(error.hint).toBe('Did you mean "kustomize"?');
  });

  it('points at the environment that misses a required field', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines('environments:', '  - name: dev', '    path: envs/dev', '  - name: prod'),
    });
    expect(error.message).toBe('plumbline.yaml:4:5: environments[1] is missing "path"');
    expect(error.hint).toMatch(/^path: Folder relative to the repository root/);
  });

  it('says which type a field must have', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - { name: dev, path: envs/dev }',
        'drift:',
        '  after: soon',
      ),
    });
    expect(error.message).toBe('plumbline.yaml:4:10: drift.after must be a whole number; got a string');
  });

  it('rejects an ignore path that is not a JSON pointer and shows how one is written', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - { name: dev, path: envs/dev }',
        'diff:',
        '  ignore:',
        '    - kind: Deployment',
        '      path: .spec.replicas',
      ),
    });
    expect(error.message).toBe('plumbline.yaml:6:13: diff.ignore[0].path is not a JSON pointer (RFC 6901)');
    expect(error.hint).toContain('"/spec/replicas"');
  });

  it('rejects duplicate environment names at the second one', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - { name: dev, path: envs/dev }',
        '  - name: dev',
        '    path: envs/staging',
      ),
    });
    expect(error.message).toBe(
      'plumbline.yaml:3:11: environment name "dev" is already used by environments[0]',
    );
  });

  it('rejects promote.from naming an unknown environment, and lists the known ones', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - { name: dev, path: envs/dev }',
        '  - name: prod',
        '    path: envs/prod',
        '    promote: { from: stage }',
      ),
    });
    expect(error.message).toBe(
      'plumbline.yaml:5:22: promote.from names "stage", which is not an environment; known: dev, prod',
    );
  });

  it('rejects an environment promoting from itself', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - name: dev',
        '    path: envs/dev',
        '    promote:',
        '      from: dev',
      ),
    });
    expect(error.message).toBe('plumbline.yaml:5:13: environment "dev" cannot promote from itself');
  });

  it('rejects a promotion cycle once, at its first environment', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - { name: dev, path: envs/dev, promote: { from: prod } }',
        '  - { name: staging, path: envs/staging, promote: { from: dev } }',
        '  - { name: prod, path: envs/prod, promote: { from: staging } }',
      ),
    });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toBe('plumbline.yaml:2:51: promotion cycle: dev -> staging -> prod -> dev');
  });

  it('rejects a path that does not exist and names the folders that do', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines('environments:', '  - name: dev', '    path: envs/dve'),
    });
    expect(error.message).toBe('plumbline.yaml:3:11: path "envs/dve" does not exist');
    expect(error.hint).toBe(
      'Folders in envs/: dev, prod, staging. Paths are relative to the repository root.',
    );
  });

  it('rejects a path that is a file, and one that leaves the repository', async () => {
    const error = await configError({
      'envs/dev.yaml': 'kind: x\n',
      'plumbline.yaml': lines(
        'environments:',
        '  - { name: dev, path: envs/dev.yaml }',
        '  - { name: prod, path: ../other/prod }',
      ),
    });
    // The file-system check runs only once the file itself is valid.
    expect(where(error)).toEqual(['plumbline.yaml:3:25']);
    expect(error.message).toContain('path "../other/prod" is outside the repository');

    const fileError = await configError({
      'envs/dev.yaml': 'kind: x\n',
      'plumbline.yaml': lines('environments:', '  - { name: dev, path: envs/dev.yaml }'),
    });
    expect(fileError.message).toBe('plumbline.yaml:2:24: path "envs/dev.yaml" is not a folder');
  });

  it('rejects a values file that is not in the environment folder', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'environments:',
        '  - name: prod',
        '    path: envs/prod',
        '    helm:',
        '      valuesFiles:',
        '        - values-prod.yaml',
      ),
    });
    expect(error.message).toBe(
      'plumbline.yaml:6:11: values file "values-prod.yaml" does not exist in envs/prod',
    );
  });

  it('reports every schema problem of the file at once, in line order', async () => {
    const error = await configError({
      ...folders,
      'plumbline.yaml': lines(
        'drift:',
        '  labels: []',
        'environments:',
        '  - name: dev',
        '    path: envs/dev',
        '    promote: { via: fax }',
      ),
    });
    expect(where(error)).toEqual(['plumbline.yaml:2:11', 'plumbline.yaml:6:14', 'plumbline.yaml:6:21']);
    expect(error.message.split('\n')[0]).toBe('plumbline.yaml has 3 problems:');
    expect(error).toBeInstanceOf(PlumblineError);
  });
});
