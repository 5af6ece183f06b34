/**
 * ApplicationSets expanded from the checkout as Argo CD's controller expands them: list,
 * git directories and files, matrix and merge, fasttemplate and Go templates; what is not
 * supported fails that ApplicationSet alone, and its Applications join discovery.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ApplicationSetError, expandApplicationSet } from '../../../src/argocd/applicationset.js';
import { discoverArgoApplications } from '../../../src/argocd/discover.js';
import type { KubeObject } from '../../../src/resource.js';

const REPOSITORY = 'https://github.com/example/gitops.git';
const created: string[] = [];
afterEach(() => {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-appset-'));
  created.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function applicationSet(spec: Record<string, unknown>, name = 'apps'): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: 'argocd' },
    spec,
  };
}

const template = (name: string, path: string) => ({
  metadata: { name },
  spec: {
    project: 'default',
    source: { repoURL: REPOSITORY, targetRevision: 'HEAD', path },
    destination: { server: 'https://kubernetes.default.svc', namespace: name },
  },
});

const names = (root: string, set: KubeObject) =>
  expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] }).map(({ object }) => object.metadata.name);

const APPS = {
  'apps/web/config.json': JSON.stringify({ team: { name: 'shop' }, replicas: 1000000 }),
  'apps/api/config.json': JSON.stringify({ team: { name: 'core' }, replicas: 2 }),
  'apps/skip/config.json': JSON.stringify({ team: { name: 'none' } }),
  'apps/.hidden/config.json': '{}',
};

describe('expandApplicationSet', () => {
  it('expands a list with fasttemplate, leaving unknown keys as written', () => {
    const root = repo({});
    const set = applicationSet({
      generators: [{ list: { elements: [{ cluster: 'eu', values: { size: 'big' } }, { cluster: 'us' }] } }],
      template: template('{{cluster}}-web-{{values.size}}-{{ unknown }}', 'apps/web'),
    });
    expect(names(root, set)).toEqual(['eu-web-big-{{ unknown }}', 'us-web-{{values.size}}-{{ unknown }}']);
    const [first] = expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] });
    expect(first?.object.metadata.namespace).toBe('argocd');
  });

  it('expands git directories with Go templates, by Go path patterns, hidden folders and excludes left out', () => {
    const root = repo(APPS);
    const set = applicationSet({
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [
        {
          git: {
            repoURL: 'git@github.com:example/gitops',
            directories: [{ path: 'apps/*' }, { path: 'apps/skip', exclude: true }],
          },
        },
      ],
      template: template('{{.path.basename}}', '{{.path.path}}'),
    });
    expect(names(root, set)).toEqual(['api', 'web']);
    const [api] = expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] });
    expect(api?.object.spec).toMatchObject({ source: { path: 'apps/api' } });
  });

  it("expands git files into each file's parameters, flattened and printed as Go prints them", () => {
    const root = repo(APPS);
    const set = applicationSet({
      generators: [
        {
          git: {
            repoURL: REPOSITORY,
            files: [{ path: 'apps/*/config.json' }, { path: 'apps/skip/*', exclude: true }],
          },
        },
      ],
      template: template('{{path.basename}}-{{team.name}}-{{replicas}}', '{{path}}'),
    });
    const generated = expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] });
    expect(generated.map(({ object }) => object.metadata.name)).toEqual(['api-core-2', 'web-shop-1e+06']);
    expect(generated.map(({ parameterFiles }) => parameterFiles)).toEqual([
      ['apps/api/config.json'],
      ['apps/web/config.json'],
    ]);
  });

  it('combines a matrix, the second generator interpolated with the first, and merges by key', () => {
    const root = repo(APPS);
    const matrix = applicationSet({
      goTemplate: true,
      generators: [
        {
          matrix: {
            generators: [
              { list: { elements: [{ cluster: 'eu' }, { cluster: 'us' }] } },
              { git: { repoURL: REPOSITORY, directories: [{ path: 'apps/we*' }] } },
            ],
          },
        },
      ],
      template: template('{{.cluster}}-{{.path.basename}}', '{{.path.path}}'),
    });
    expect(names(root, matrix)).toEqual(['eu-web', 'us-web']);

    const merge = applicationSet({
      generators: [
        {
          merge: {
            mergeKeys: ['app'],
            generators: [
              {
                list: {
                  elements: [
                    { app: 'web', size: 'small' },
                    { app: 'api', size: 'small' },
                  ],
                },
              },
              {
                list: {
                  elements: [
                    { app: 'web', size: 'large' },
                    { app: 'db', size: 'huge' },
                  ],
                },
              },
            ],
          },
        },
      ],
      template: template('{{app}}-{{size}}', 'apps/{{app}}'),
    });
    expect(names(root, merge).sort()).toEqual(['api-small', 'web-large']);
  });

  it('refuses what it cannot expand, saying what', () => {
    const root = repo(APPS);
    const refuse = (spec: Record<string, unknown>, message: RegExp) =>
      expect(() =>
        expandApplicationSet(root, applicationSet({ template: template('x', 'apps'), ...spec }), {
          repositoryUrls: [REPOSITORY],
        }),
      ).toThrow(message);
    refuse({ generators: [{ clusters: {} }] }, /list them under argocd\.clusters in plumbline\.yaml/);
    refuse({ generators: [{ pullRequest: {} }] }, /pullRequest generator is not supported/);
    refuse({ generators: [{ nothing: {} }] }, /names no known kind/);
    refuse(
      { generators: [{ git: { repoURL: 'https://github.com/other/repo', directories: [{ path: '*' }] } }] },
      /another repository/,
    );
    refuse(
      { generators: [{ list: { elements: [{}] } }], templatePatch: 'x' },
      /templatePatch renders no YAML map/,
    );
    refuse(
      { generators: [{ list: { elements: [{}] } }], templatePatch: '{a: [' },
      /templatePatch renders no valid YAML/,
    );
    refuse(
      { generators: [{ list: { elements: [{}] } }], templatePatch: { spec: {} } },
      /templatePatch must be a string/,
    );
    refuse({ generators: [{ list: { elements: [{ n: 1 }] } }] }, /must be a string without goTemplate/);
    expect(ApplicationSetError).toBeDefined();
  });
});

describe('templatePatch', () => {
  it('renders the patch with each parameter set and applies it as Argo CD does, never to spec.project', () => {
    const root = repo(APPS);
    const set = applicationSet({
      goTemplate: true,
      generators: [
        {
          list: {
            elements: [
              { name: 'web', autoSync: true, prune: true },
              { name: 'api', autoSync: false },
            ],
          },
        },
      ],
      template: {
        ...template('{{.name}}', 'apps/{{.name}}'),
        metadata: { name: '{{.name}}', labels: { team: 'shop', tier: 'front' } },
      },
      templatePatch: [
        'metadata:',
        '  labels:',
        '    tier: null',
        '    app: {{ .name | quote }}',
        'spec:',
        '  project: stolen',
        '  {{- if .autoSync }}',
        '  syncPolicy:',
        '    automated:',
        '      prune: {{ .prune }}',
        '  {{- end }}',
        '  source:',
        '    helm:',
        '      valueFiles: [values-{{ .name }}.yaml]',
        '',
      ].join('\n'),
    });
    const [web, api] = expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] }).map(
      ({ object }) => object,
    );
    expect(web?.metadata.labels).toEqual({ team: 'shop', app: 'web' });
    expect(web?.spec).toEqual({
      project: 'default',
      source: {
        repoURL: REPOSITORY,
        targetRevision: 'HEAD',
        path: 'apps/web',
        helm: { valueFiles: ['values-web.yaml'] },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
      syncPolicy: { automated: { prune: true } },
    });
    expect(api?.spec).not.toHaveProperty('syncPolicy');
    expect(api?.metadata.labels).toEqual({ team: 'shop', app: 'api' });
  });

  it('replaces lists, and follows $patch replace and delete', () => {
    const root = repo(APPS);
    const set = (patch: string) =>
      expandApplicationSet(
        root,
        applicationSet({
          generators: [{ list: { elements: [{ name: 'web' }] } }],
          template: {
            ...template('{{name}}', 'apps/{{name}}'),
            spec: {
              ...template('x', 'y').spec,
              syncPolicy: {
                syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
                retry: { limit: 2 },
              },
            },
          },
          templatePatch: patch,
        }),
        { repositoryUrls: [REPOSITORY] },
      )[0]!.object.spec as Record<string, unknown>;
    expect(set('spec: { syncPolicy: { syncOptions: [Prune=false] } }').syncPolicy).toEqual({
      syncOptions: ['Prune=false'],
      retry: { limit: 2 },
    });
    expect(set('spec: { syncPolicy: { $patch: replace, retry: { limit: 5 } } }').syncPolicy).toEqual({
      retry: { limit: 5 },
    });
    expect(set('spec: { syncPolicy: { $patch: delete } }')).not.toHaveProperty('syncPolicy');
    expect(set('spec: null')).toEqual({ project: 'default' });
    expect(() => set('spec: { syncPolicy: { $patch: merge } }')).toThrow(/\$patch merge is not supported/);
    expect(() => set('spec: { $retainKeys: [a] }')).toThrow(/directive \$retainKeys is not supported/);
  });

  it('keeps a hostile patch to data: __proto__ is a key, an alias bomb fails its ApplicationSet', () => {
    const root = repo(APPS);
    const expand = (patch: string) =>
      expandApplicationSet(
        root,
        applicationSet({
          generators: [{ list: { elements: [{ name: 'web' }] } }],
          template: template('{{name}}', 'apps/{{name}}'),
          templatePatch: patch,
        }),
        { repositoryUrls: [REPOSITORY] },
      )[0]!.object;
    const object = expand('spec: { __proto__: { polluted: true } }');
    expect(Object.getOwnPropertyNames(object.spec)).toContain('__proto__');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((object.spec as { polluted?: boolean }).polluted).toBeUndefined();
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 12; level++)
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(', ')}]`,
      );
    expect(() => expand(bomb.join('\n'))).toThrow(/templatePatch renders no valid YAML/);
  });
});

describe('discovery of generated Applications', () => {
  it('plans each generated Application of this repository, and fails a broken ApplicationSet alone', () => {
    const root = repo({
      ...APPS,
      'argocd/apps.yaml': stringify(
        applicationSet({
          goTemplate: true,
          generators: [{ git: { repoURL: REPOSITORY, files: [{ path: 'apps/*/config.json' }] } }],
          template: template('{{.path.basename}}', '{{.path.path}}'),
        }),
      ),
      'argocd/broken.yaml': stringify(
        applicationSet({ generators: [{ clusters: {} }], template: template('x', 'apps') }, 'broken'),
      ),
    });
    const discovery = discoverArgoApplications(root, { repositoryUrls: [REPOSITORY] });
    expect(
      discovery.applications.map((application) => [
        application.name,
        application.file,
        application.parameterFiles,
      ]),
    ).toEqual([
      ['in-cluster/api', 'argocd/apps.yaml', ['apps/api/config.json']],
      ['in-cluster/skip', 'argocd/apps.yaml', ['apps/skip/config.json']],
      ['in-cluster/web', 'argocd/apps.yaml', ['apps/web/config.json']],
    ]);
    expect(discovery.problems).toEqual([
      expect.objectContaining({
        application: 'applicationset/broken',
        file: 'argocd/broken.yaml',
        message: expect.stringMatching(/list them under argocd\.clusters in plumbline\.yaml/),
      }),
    ]);
  });
});

describe('a hostile ApplicationSet', () => {
  it('cannot multiply the cost of its templates by the number of Applications', () => {
    const root = repo({});
    // Each render stays under one template's cap; 100 of them do not stay under the set's.
    const costly = '{{ range (splitList "," (repeat 300000 "a,")) }}{{ end }}';
    const set = applicationSet({
      goTemplate: true,
      generators: [{ list: { elements: Array.from({ length: 100 }, (_, n) => ({ n: String(n) })) } }],
      template: template(`app-{{.n}}${costly}`, 'apps'),
    });
    expect(() => expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] })).toThrow(
      /together take too many steps/,
    );
  });
});

describe('the git generator and links', () => {
  it('never lists what a link leads to, whatever the pattern starts with', () => {
    const root = repo({ 'apps/web/config.json': '{}' });
    symlinkSync('/etc', join(root, 'linked'));
    symlinkSync('/etc', join(root, 'apps', 'etc'));
    const directories = (path: string) =>
      names(
        root,
        applicationSet({
          goTemplate: true,
          generators: [{ git: { repoURL: REPOSITORY, directories: [{ path }] } }],
          template: template('{{.path.basename}}', '{{.path.path}}'),
        }),
      );
    expect(directories('linked/*')).toEqual([]);
    expect(directories('apps/*')).toEqual(['web']);
    expect(directories('../../../etc/*')).toEqual([]);
    const files = (path: string) =>
      names(
        root,
        applicationSet({
          generators: [{ git: { repoURL: REPOSITORY, files: [{ path }] } }],
          template: template('{{path.basename}}', '{{path}}'),
        }),
      );
    expect(files('linked/*')).toEqual([]);
    expect(files('apps/*')).toEqual(['web']);
  });
});

describe('an ApplicationSet that tries to take the plan down', () => {
  it('fails alone, whatever stops its expansion', () => {
    const root = repo({
      'argocd/bad-yaml.yaml': stringify(
        applicationSet(
          { generators: [{ list: { elementsYaml: '{ a: [' } }], template: template('x', 'apps') },
          'bad-yaml',
        ),
      ),
      'argocd/good.yaml': stringify(
        applicationSet(
          { generators: [{ list: { elements: [{ n: 'one' }] } }], template: template('{{n}}', 'apps') },
          'good',
        ),
      ),
    });
    const discovery = discoverArgoApplications(root, { repositoryUrls: [REPOSITORY] });
    expect(discovery.applications.map((application) => application.name)).toEqual(['in-cluster/one']);
    expect(discovery.problems).toEqual([
      expect.objectContaining({
        application: 'applicationset/bad-yaml',
        message: 'ApplicationSet bad-yaml: spec.generators[0].list.elementsYaml is not YAML',
      }),
    ]);
  });

  it('cannot multiply generator work through nested matrices', () => {
    const root = repo({});
    const many = { list: { elements: Array.from({ length: 3000 }, (_, n) => ({ a: String(n) })) } };
    const set = applicationSet({
      generators: [
        { matrix: { generators: [many, { matrix: { generators: [many, { list: { elements: [] } }] } }] } },
      ],
      template: template('x', 'apps'),
    });
    expect(() => expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] })).toThrow(/too much work/);
  });

  it('cannot write more than its output budget', () => {
    const root = repo({});
    const set = applicationSet({
      generators: [{ list: { elements: Array.from({ length: 5000 }, (_, n) => ({ n: String(n) })) } }],
      template: {
        ...template('app-{{n}}', 'apps'),
        metadata: { name: 'app-{{n}}', annotations: { big: `${'x'.repeat(100_000)}{{n}}` } },
      },
    });
    expect(() => expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY] })).toThrow(
      /more than \d+ characters|too much work/,
    );
  });

  it('keeps a __proto__ key as data', () => {
    const root = repo({});
    const set = applicationSet({
      goTemplate: true,
      generators: [{ list: { elements: [JSON.parse('{"name": "web", "__proto__": {"polluted": "yes"}}')] } }],
      template: template('{{.name}}', 'apps'),
    });
    expect(names(root, set)).toEqual(['web']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
