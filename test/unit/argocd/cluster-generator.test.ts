/**
 * The ApplicationSet `clusters` generator over the clusters plumbline.yaml lists, as Argo
 * CD's controller runs it over its cluster Secrets: selectors, the local cluster's rule,
 * parameters in both template modes, templated values, matrix, and bad or hostile input
 * failing its ApplicationSet alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expandApplicationSet } from '../../../src/argocd/applicationset.js';
import { sanitizeName } from '../../../src/argocd/cluster-generator.js';
import { discoverArgoApplications } from '../../../src/argocd/discover.js';
import type { ArgoClusterSettings } from '../../../src/config/types.js';
import type { KubeObject } from '../../../src/resource.js';

const REPOSITORY = 'https://github.com/example/gitops.git';
const LOCAL = 'https://kubernetes.default.svc';
const created: string[] = [];
afterEach(() => {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
});

function repo(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-clusters-'));
  created.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function cluster(
  name: string,
  server: string,
  labels: Record<string, string> = {},
  extra: Partial<ArgoClusterSettings> = {},
): ArgoClusterSettings {
  return { name, server, labels, annotations: {}, ...extra };
}

const CLUSTERS: ArgoClusterSettings[] = [
  cluster(
    'staging-01',
    'https://staging-01.example.com',
    { environment: 'staging', org: 'foo' },
    { annotations: { 'foo.argoproj.io': 'staging' } },
  ),
  cluster(
    'production_01/West',
    'https://production-01.example.com',
    { environment: 'production', org: 'bar', tier: 'gold' },
    { project: 'prod-project', annotations: { 'foo.argoproj.io': 'production' } },
  ),
  cluster('dev', 'https://dev.example.com', { environment: 'dev' }),
];

function applicationSet(spec: Record<string, unknown>, name = 'apps'): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: 'argocd' },
    spec,
  };
}

/** A template whose annotations show the parameters it was rendered with. */
const template = (name: string, annotations: Record<string, string> = {}, server = '{{server}}') => ({
  metadata: { name, annotations },
  spec: {
    project: 'default',
    source: { repoURL: REPOSITORY, targetRevision: 'HEAD', path: 'apps/web' },
    destination: { server, namespace: 'web' },
  },
});

function expand(
  spec: Record<string, unknown>,
  clusters: readonly ArgoClusterSettings[] | undefined = CLUSTERS,
) {
  return expandApplicationSet(repo(), applicationSet(spec), { repositoryUrls: [REPOSITORY], clusters });
}

const names = (spec: Record<string, unknown>, clusters?: readonly ArgoClusterSettings[]) =>
  expand(spec, clusters).map(({ object }) => object.metadata.name);

/** Names of the Applications a `clusters` generator with `selector` gives (fasttemplate). */
const selected = (selector: unknown, clusters: readonly ArgoClusterSettings[] = CLUSTERS) =>
  names({ generators: [{ clusters: { selector } }], template: template('{{nameNormalized}}') }, clusters);

describe('the clusters generator', () => {
  it('lists every configured cluster in the configured order, then the local one', () => {
    expect(selected(undefined)).toEqual(['staging-01', 'production-01-west', 'dev', 'in-cluster']);
    expect(selected({})).toEqual(['staging-01', 'production-01-west', 'dev', 'in-cluster']);
    // An empty matchLabels is an empty selector.
    expect(selected({ matchLabels: {}, matchExpressions: [] })).toEqual([
      'staging-01',
      'production-01-west',
      'dev',
      'in-cluster',
    ]);
  });

  it('selects by matchLabels, the local cluster left out', () => {
    expect(selected({ matchLabels: { environment: 'production' } })).toEqual(['production-01-west']);
    expect(selected({ matchLabels: { environment: 'production', org: 'foo' } })).toEqual([]);
    // Every cluster Secret has the type label; the generator sets it, whatever is written.
    expect(selected({ matchLabels: { 'argocd.argoproj.io/secret-type': 'cluster' } })).toEqual([
      'staging-01',
      'production-01-west',
      'dev',
    ]);
    expect(selected({ matchLabels: { 'argocd.argoproj.io/secret-type': 'other' } })).toEqual([
      'staging-01',
      'production-01-west',
      'dev',
    ]);
  });

  it('selects by each matchExpressions operator', () => {
    const expression = (operator: string, values?: string[], key = 'environment') => ({
      matchExpressions: [{ key, operator, ...(values ? { values } : {}) }],
    });
    expect(selected(expression('In', ['staging', 'dev']))).toEqual(['staging-01', 'dev']);
    // NotIn matches a cluster without the label too.
    expect(selected(expression('NotIn', ['foo', 'baz'], 'org'))).toEqual(['production-01-west', 'dev']);
    expect(selected(expression('Exists', undefined, 'tier'))).toEqual(['production-01-west']);
    expect(selected(expression('DoesNotExist', [], 'org'))).toEqual(['dev']);
    // Requirements are ANDed, with matchLabels too.
    expect(
      selected({
        matchLabels: { org: 'foo' },
        matchExpressions: [{ key: 'environment', operator: 'In', values: ['staging', 'production'] }],
      }),
    ).toEqual(['staging-01']);
    // A selector that matches every cluster is still not empty: no local cluster.
    expect(selected(expression('Exists', undefined, 'argocd.argoproj.io/secret-type'))).toEqual([
      'staging-01',
      'production-01-west',
      'dev',
    ]);
  });

  it('gives the local cluster unless a listed cluster has its server', () => {
    // No cluster listed is a list: Argo CD still knows itself.
    expect(selected(undefined, [])).toEqual(['in-cluster']);
    expect(selected({ matchLabels: { environment: 'dev' } }, [])).toEqual([]);
    // A cluster Secret for https://kubernetes.default.svc is the local cluster, by its own name.
    const local = cluster('home', LOCAL, { environment: 'local' });
    expect(selected(undefined, [...CLUSTERS, local])).toEqual([
      'staging-01',
      'production-01-west',
      'dev',
      'home',
    ]);
    expect(selected({ matchLabels: { environment: 'local' } }, [...CLUSTERS, local])).toEqual(['home']);
    // Argo CD compares the server exactly.
    expect(selected(undefined, [cluster('home', `${LOCAL}/`)])).toEqual(['home', 'in-cluster']);
  });

  it('keeps one cluster of a name, the last listed', () => {
    const twice = [cluster('a', 'https://one.example.com'), cluster('b', 'https://b.example.com')];
    twice.push(cluster('a', 'https://two.example.com'));
    const servers = expand({ generators: [{ clusters: {} }], template: template('{{name}}') }, twice).map(
      ({ object }) => [
        object.metadata.name,
        (object.spec as { destination: { server: string } }).destination.server,
      ],
    );
    expect(servers).toEqual([
      ['a', 'https://two.example.com'],
      ['b', 'https://b.example.com'],
      ['in-cluster', LOCAL],
    ]);
  });

  it('gives fasttemplate parameters as Argo CD names them', () => {
    const generated = expand({
      generators: [{ clusters: {} }],
      template: template('{{nameNormalized}}', {
        name: '{{name}}',
        server: '{{server}}',
        project: '[{{project}}]',
        environment: '{{metadata.labels.environment}}',
        type: '{{metadata.labels.argocd.argoproj.io/secret-type}}',
        foo: '{{ metadata.annotations.foo.argoproj.io }}',
      }),
    });
    const annotations = generated.map(({ object }) => object.metadata.annotations);
    expect(annotations[1]).toEqual({
      name: 'production_01/West',
      server: 'https://production-01.example.com',
      project: '[prod-project]',
      environment: 'production',
      type: 'cluster',
      foo: 'production',
    });
    // The local cluster has no Secret: no labels or annotations, an empty project.
    expect(annotations[3]).toEqual({
      name: 'in-cluster',
      server: LOCAL,
      project: '[]',
      environment: '{{metadata.labels.environment}}',
      type: '{{metadata.labels.argocd.argoproj.io/secret-type}}',
      foo: '{{ metadata.annotations.foo.argoproj.io }}',
    });
    // No file of the repository is read.
    expect(
      generated.every(
        ({ parameterFiles, parameterTrees }) => !parameterFiles.length && !parameterTrees.length,
      ),
    ).toBe(true);
  });

  it('gives Go template parameters, metadata only where a Secret has it', () => {
    const spec = (annotations: Record<string, string>, options: string[] = []) => ({
      goTemplate: true,
      goTemplateOptions: options,
      generators: [{ clusters: { selector: { matchLabels: { environment: 'production' } } } }],
      template: template('{{.nameNormalized}}', annotations, '{{.server}}'),
    });
    const [production] = expand(
      spec({
        name: '{{.name}}',
        project: '{{.project}}',
        labels: '{{ .metadata.labels | toJson }}',
        foo: '{{ index .metadata.annotations "foo.argoproj.io" }}',
      }),
    );
    expect(production?.object.metadata.annotations).toEqual({
      name: 'production_01/West',
      project: 'prod-project',
      labels: JSON.stringify({
        'argocd.argoproj.io/secret-type': 'cluster',
        environment: 'production',
        org: 'bar',
        tier: 'gold',
      }),
      foo: 'production',
    });
    // A cluster without annotations has no .metadata.annotations; the local one no .metadata.
    const dev = [...CLUSTERS.slice(2)];
    const withoutAnnotations = {
      ...spec({ foo: '{{ .metadata.annotations }}' }, ['missingkey=error']),
      generators: [{ clusters: { selector: { matchLabels: { environment: 'dev' } } } }],
    };
    expect(() => expand(withoutAnnotations, dev)).toThrow(/annotations/);
    const local = {
      ...spec({ has: '{{ hasKey . "metadata" }}', project: '[{{ .project }}]' }),
      generators: [{ clusters: {} }],
    };
    expect(expand(local, []).map(({ object }) => object.metadata.annotations)).toEqual([
      { has: 'false', project: '[]' },
    ]);
  });

  it('renders values with the cluster parameters, not with each other', () => {
    const values = {
      revision: '{{metadata.labels.environment}}-branch',
      url: '{{ server }}',
      again: '{{values.revision}}',
      unknown: '{{ nothing }}',
    };
    const generated = expand({
      generators: [{ clusters: { selector: { matchLabels: { environment: 'staging' } }, values } }],
      template: template('{{name}}', {
        revision: '{{values.revision}}',
        url: '{{values.url}}',
        again: '{{values.again}}',
        unknown: '{{values.unknown}}',
      }),
    });
    expect(generated.map(({ object }) => object.metadata.annotations)).toEqual([
      {
        revision: 'staging-branch',
        url: 'https://staging-01.example.com',
        again: '{{values.revision}}',
        unknown: '{{ nothing }}',
      },
    ]);

    const go = expand({
      goTemplate: true,
      generators: [
        {
          clusters: {
            selector: { matchExpressions: [{ key: 'org', operator: 'Exists' }] },
            values: { target: '{{ .metadata.labels.org | upper }}-{{ .nameNormalized }}' },
          },
        },
      ],
      template: template('{{.nameNormalized}}', { target: '{{ .values.target }}' }, '{{.server}}'),
    });
    expect(go.map(({ object }) => object.metadata.annotations)).toEqual([
      { target: 'FOO-staging-01' },
      { target: 'BAR-production-01-west' },
    ]);
    // Values must be strings, as the CRD's map[string]string.
    expect(() =>
      expand({ generators: [{ clusters: { values: { replicas: 3 } } }], template: template('{{name}}') }),
    ).toThrow(/spec\.generators\[0\]\.clusters\.values\.replicas must be a string/);
  });

  it("uses the generator's own template, and flatList gives one list of them all", () => {
    expect(
      names({
        generators: [
          {
            clusters: {
              selector: { matchLabels: { org: 'foo' } },
              template: { metadata: { name: 'own-{{name}}' } },
            },
          },
        ],
        template: template('{{name}}'),
      }),
    ).toEqual(['own-staging-01']);

    const flat = expand({
      goTemplate: true,
      generators: [{ clusters: { flatList: true } }],
      template: template('all', { servers: '{{ range .clusters }}{{ .name }} {{ end }}' }, LOCAL),
    });
    expect(flat.map(({ object }) => object.metadata.annotations)).toEqual([
      { servers: 'staging-01 production_01/West dev in-cluster ' },
    ]);
  });

  it('combines with a git directories generator in a matrix, interpolated by it', () => {
    const root = repo({ 'apps/staging/kustomization.yaml': '{}', 'apps/dev/kustomization.yaml': '{}' });
    const set = applicationSet({
      generators: [
        {
          matrix: {
            generators: [
              { git: { repoURL: REPOSITORY, directories: [{ path: 'apps/*' }] } },
              {
                clusters: {
                  selector: { matchLabels: { environment: '{{path.basename}}' } },
                  values: { app: '{{path.basename}}' },
                },
              },
            ],
          },
        },
      ],
      template: {
        ...template('{{path.basename}}-{{nameNormalized}}', { app: '{{values.app}}' }),
        spec: {
          project: 'default',
          source: { repoURL: REPOSITORY, targetRevision: 'HEAD', path: '{{path}}' },
          destination: { name: '{{name}}', namespace: '{{path.basename}}' },
        },
      },
    });
    const generated = expandApplicationSet(root, set, { repositoryUrls: [REPOSITORY], clusters: CLUSTERS });
    expect(generated.map(({ object }) => [object.metadata.name, object.metadata.annotations])).toEqual([
      ['dev-dev', { app: 'dev' }],
      ['staging-staging-01', { app: 'staging' }],
    ]);
    expect(generated.map(({ object }) => object.spec)).toMatchObject([
      { source: { path: 'apps/dev' }, destination: { name: 'dev' } },
      { source: { path: 'apps/staging' }, destination: { name: 'staging-01' } },
    ]);
  });

  it('normalizes names as utils.SanitizeName does', () => {
    expect(sanitizeName('production_01/West')).toBe('production-01-west');
    expect(sanitizeName('..My Cluster--')).toBe('my-cluster');
    expect(sanitizeName('İstanbul')).toBe('istanbul');
    expect(sanitizeName('a🙂b')).toBe('a-b');
    expect(sanitizeName('x'.repeat(300))).toHaveLength(253);
  });
});

describe('discovery with the clusters generator', () => {
  const file = (spec: Record<string, unknown>, name: string) => stringify(applicationSet(spec, name));
  const good = {
    generators: [{ clusters: { selector: { matchLabels: { environment: 'staging' } } } }],
    template: template('web'),
  };

  it('generates an Application per selected cluster, named by its destination', () => {
    const root = repo({ 'argocd/web.yaml': file(good, 'web') });
    const discovery = discoverArgoApplications(root, { repositoryUrls: [REPOSITORY], clusters: CLUSTERS });
    expect(discovery.problems).toEqual([]);
    expect(
      discovery.applications.map(({ name, file, parameterFiles }) => [name, file, parameterFiles]),
    ).toEqual([['staging-01.example.com/web', 'argocd/web.yaml', []]]);
  });

  it('fails an ApplicationSet with a clusters generator when no cluster is configured, saying where to list them', () => {
    const root = repo({
      'argocd/web.yaml': file(good, 'web'),
      'argocd/list.yaml': file(
        { generators: [{ list: { elements: [{ n: 'one' }] } }], template: template('{{n}}', {}, LOCAL) },
        'list',
      ),
    });
    const discovery = discoverArgoApplications(root, { repositoryUrls: [REPOSITORY] });
    expect(discovery.applications.map(({ name }) => name)).toEqual(['in-cluster/one']);
    expect(discovery.problems).toEqual([
      {
        application: 'applicationset/web',
        file: 'argocd/web.yaml',
        line: 1,
        message:
          'ApplicationSet web: spec.generators[0]: the cluster generator lists the clusters Argo CD knows, which the repository does not: list them under argocd.clusters in plumbline.yaml',
      },
    ]);
  });

  it('fails an ApplicationSet whose selector is malformed, and that one alone', () => {
    const broken = (selector: unknown) => ({
      generators: [{ clusters: { selector } }],
      template: template('x'),
    });
    const root = repo({
      'argocd/a-operator.yaml': file(
        broken({ matchExpressions: [{ key: 'environment', operator: 'Equals', values: ['dev'] }] }),
        'operator',
      ),
      'argocd/b-in.yaml': file(broken({ matchExpressions: [{ key: 'environment', operator: 'In' }] }), 'in'),
      'argocd/c-exists.yaml': file(
        broken({ matchExpressions: [{ key: 'org', operator: 'Exists', values: ['foo'] }] }),
        'exists',
      ),
      'argocd/d-number.yaml': file(broken({ matchLabels: { tier: 1 } }), 'number'),
      'argocd/e-key.yaml': file(broken({ matchLabels: { 'not a key': 'x' } }), 'key'),
      'argocd/f-value.yaml': file(broken({ matchLabels: { tier: 'not a value' } }), 'value'),
      'argocd/g-shape.yaml': file(broken(['environment=dev']), 'shape'),
      'argocd/h-values.yaml': file(
        broken({ matchExpressions: [{ key: 'org', operator: 'In', values: [true] }] }),
        'values',
      ),
      'argocd/web.yaml': file(good, 'web'),
    });
    const discovery = discoverArgoApplications(root, { repositoryUrls: [REPOSITORY], clusters: CLUSTERS });
    expect(discovery.applications.map(({ name }) => name)).toEqual(['staging-01.example.com/web']);
    expect(
      discovery.problems.map(
        ({ application, file, line, message }) => `${application} ${file}:${line} ${message}`,
      ),
    ).toEqual([
      'applicationset/operator argocd/a-operator.yaml:1 ApplicationSet operator: spec.generators[0].clusters.selector.matchExpressions[0].operator: "Equals" is not a valid label selector operator (In, NotIn, Exists, DoesNotExist)',
      'applicationset/in argocd/b-in.yaml:1 ApplicationSet in: spec.generators[0].clusters.selector.matchExpressions[0]: In needs values',
      'applicationset/exists argocd/c-exists.yaml:1 ApplicationSet exists: spec.generators[0].clusters.selector.matchExpressions[0]: Exists takes no values',
      'applicationset/number argocd/d-number.yaml:1 ApplicationSet number: spec.generators[0].clusters.selector.matchLabels.tier must be a string',
      'applicationset/key argocd/e-key.yaml:1 ApplicationSet key: spec.generators[0].clusters.selector.matchLabels.not a key: "not a key" is not a valid label key',
      'applicationset/value argocd/f-value.yaml:1 ApplicationSet value: spec.generators[0].clusters.selector.matchLabels.tier: "not a value" is not a valid label value',
      'applicationset/shape argocd/g-shape.yaml:1 ApplicationSet shape: spec.generators[0].clusters.selector must be a mapping',
      'applicationset/values argocd/h-values.yaml:1 ApplicationSet values: spec.generators[0].clusters.selector.matchExpressions[0].values[0] must be a string',
    ]);
  });
});

describe('a hostile clusters generator', () => {
  const many = Array.from({ length: 200 }, (_, n) => cluster(`c${n}`, `https://c${n}.example.com`));

  it('cannot spend more than the budget through a huge values map', () => {
    const values = Object.fromEntries(
      Array.from({ length: 2000 }, (_, n) => [`v${n}`, `${'x'.repeat(6400)}{{name}}`]),
    );
    expect(() =>
      expand({ generators: [{ clusters: { values } }], template: template('{{name}}') }, many),
    ).toThrow(/too much work|more than \d+ characters|too many steps/);
  });

  it('cannot spend more than the budget through costly value templates', () => {
    const costly = '{{ range (splitList "," (repeat 300000 "a,")) }}{{ end }}';
    expect(() =>
      expand(
        {
          goTemplate: true,
          generators: [{ clusters: { values: { a: costly, b: costly } } }],
          template: template('{{.name}}', {}, '{{.server}}'),
        },
        many,
      ),
    ).toThrow(/too much work|too many steps/);
  });

  it('cannot spend more than the budget through a selector of many requirements', () => {
    const matchExpressions = Array.from({ length: 200_000 }, () => ({
      key: 'environment',
      operator: 'DoesNotExist',
    }));
    expect(() =>
      expand(
        { generators: [{ clusters: { selector: { matchExpressions } } }], template: template('x') },
        many,
      ),
    ).toThrow(/too much work/);
  });
});
