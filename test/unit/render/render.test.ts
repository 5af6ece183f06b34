import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { isMasked } from '../../../src/diff/mask.js';
import { PlumblineError } from '../../../src/errors.js';
import { type RenderOptions, renderEnvironment, renderEnvironments } from '../../../src/render/render.js';
import type { Resource } from '../../../src/resource.js';
import { toolPath } from '../../support/tools.js';
import { lines, tempRepo } from '../config/temp-repo.js';

const options: RenderOptions = { tools: { kustomize: toolPath('kustomize'), helm: toolPath('helm') } };
const env = (name: string, path: string, extra: Partial<EnvironmentConfig> = {}): EnvironmentConfig => ({
  name,
  path,
  renderer: 'auto',
  ...extra,
});
const summary = (resources: Resource[]) =>
  resources.map(
    (resource) =>
      `${resource.key} @ ${resource.source.file}${resource.source.line ? `:${resource.source.line}` : ''}`,
  );

/** The replicas and first image of the one Deployment rendered. */
function deploymentOf(resources: Resource[]): { replicas: unknown; image: unknown } {
  const deployment = resources.find((resource) => resource.id.kind === 'Deployment');
  const spec = deployment?.object.spec as
    | { replicas: number; template: { spec: { containers: { image: string }[] } } }
    | undefined;
  return { replicas: spec?.replicas, image: spec?.template.spec.containers[0]?.image };
}

function secretData(resources: Resource[]): Record<string, unknown> {
  const secret = resources.find((resource) => resource.id.kind === 'Secret');
  return (secret?.object.data ?? {}) as Record<string, unknown>;
}

async function renderError(root: string, environment: EnvironmentConfig): Promise<PlumblineError> {
  const error = await renderEnvironment(root, environment, options).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(PlumblineError);
  return error as PlumblineError;
}

const configMap = (name: string, extra = '') =>
  lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, ...(extra ? [extra] : []));

const kustomizeBase = {
  'base/kustomization.yaml': lines('resources:', '  - deployment.yaml', '  - secret.yaml'),
  'base/deployment.yaml': lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 1',
    '  selector: { matchLabels: { app: web } }',
    '  template:',
    '    metadata: { labels: { app: web } }',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: ghcr.io/acme/web:1.0.0',
  ),
  'base/secret.yaml': lines(
    'apiVersion: v1',
    'kind: Secret',
    'metadata: { name: db }',
    'stringData: { password: kustomize-secret-value }',
  ),
};

const chart = {
  'charts/shop/Chart.yaml': lines('apiVersion: v2', 'name: shop', 'version: 0.1.0'),
  'charts/shop/values.yaml': lines(
    'replicas: 1',
    'image: ghcr.io/acme/web:1.0.0',
    'password: default-password',
  ),
  'charts/shop/templates/deployment.yaml': lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}-web',
    '  namespace: {{ .Release.Namespace }}',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '  selector: { matchLabels: { app: web } }',
    '  template:',
    '    metadata: { labels: { app: web } }',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: {{ .Values.image }}',
  ),
  'charts/shop/templates/secret.yaml': lines(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: {{ .Release.Name }}-db',
    'data:',
    '  password: {{ .Values.password | b64enc }}',
  ),
  'charts/shop/crds/widgets.yaml': lines(
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: { name: widgets.acme.example }',
  ),
  'charts/shop/templates/tests/smoke.yaml': lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: smoke',
    '  annotations: { helm.sh/hook: test }',
  ),
  'charts/shop/values-prod.yaml': lines('replicas: 3'),
  'charts/shop/values-prod-image.yaml': lines(
    'image: ghcr.io/acme/web:2.0.0',
    'password: prod-password-value',
  ),
};

describe('renderEnvironment: plain manifests', () => {
  it('reads every manifest below the folder in path order, multi-document, skipping hidden files', async () => {
    const root = await tempRepo({
      'envs/dev/b.yaml': `${configMap('b1')}---\n${configMap('b2')}`,
      'envs/dev/a.yml': configMap('a'),
      'envs/dev/sub/c.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
      'envs/dev/.hidden/d.yaml': 'not: a kubernetes object\n',
      'envs/dev/README.md': '# notes\n',
    });
    expect(summary((await renderEnvironment(root, env('dev', 'envs/dev'), options)).resources)).toEqual([
      '/ConfigMap//a @ envs/dev/a.yml:1',
      '/ConfigMap//b1 @ envs/dev/b.yaml:1',
      '/ConfigMap//b2 @ envs/dev/b.yaml:6',
      '/ConfigMap//c @ envs/dev/sub/c.json:1',
    ]);
  });

  it('names both places of an object rendered twice', async () => {
    const root = await tempRepo({
      'envs/dev/a.yaml': configMap('settings'),
      'envs/dev/b.yaml': `${configMap('other')}---\n${configMap('settings')}`,
    });
    const error = await renderError(root, env('dev', 'envs/dev'));
    expect(error.message).toBe(
      'Environment "dev" (envs/dev): ConfigMap settings is rendered twice: at envs/dev/a.yaml:1 and at envs/dev/b.yaml:6',
    );
  });

  it('names the environment and file:line of a document that is not an object', async () => {
    const root = await tempRepo({ 'envs/dev/a.yaml': `${configMap('a')}---\nreplicas: 3\n` });
    const error = await renderError(root, env('dev', 'envs/dev'));
    expect(error.message).toBe(
      'Environment "dev" (envs/dev): envs/dev/a.yaml:6:1: not a Kubernetes object: missing apiVersion, kind, metadata.name',
    );
  });
});

describe('renderEnvironment: kustomize', () => {
  it('builds an overlay on a base, with Secrets masked', async () => {
    const root = await tempRepo({
      ...kustomizeBase,
      'envs/prod/kustomization.yaml': lines(
        'namespace: shop',
        'resources: [../../base]',
        'images:',
        '  - name: ghcr.io/acme/web',
        '    newTag: 2.0.0',
        'replicas:',
        '  - { name: web, count: 3 }',
      ),
    });
    const { resources } = await renderEnvironment(root, env('prod', 'envs/prod'), options);
    expect(summary(resources)).toEqual([
      '/Secret/shop/db @ envs/prod (kustomize output):1',
      'apps/Deployment/shop/web @ envs/prod (kustomize output):9',
    ]);
    expect(deploymentOf(resources)).toEqual({ replicas: 3, image: 'ghcr.io/acme/web:2.0.0' });
    expect(isMasked(secretData(resources).password)).toBe(true);
    expect(JSON.stringify(resources)).not.toContain('kustomize-secret-value');
  });

  it('reports the environment, path and kustomize’s own message when the build fails', async () => {
    const root = await tempRepo({ 'envs/dev/kustomization.yaml': lines('resources:', '  - missing.yaml') });
    const error = await renderError(root, env('dev', 'envs/dev'));
    expect(error.message).toMatch(
      /^Environment "dev" \(envs\/dev\): kustomize build failed \(exit code 1\):\n/,
    );
    expect(error.message).toContain('missing.yaml');
    expect(error.hint).toBe('Run `kustomize build envs/dev` locally to see the whole output.');
  });
});

describe('renderEnvironment: helm', () => {
  it('renders a chart with values files in order, namespace, release name and CRDs, without test hooks', async () => {
    const root = await tempRepo(chart);
    const { resources } = await renderEnvironment(
      root,
      env('eu/prod', 'charts/shop', {
        helm: { namespace: 'shop', valuesFiles: ['values-prod.yaml', 'values-prod-image.yaml'] },
      }),
      options,
    );
    expect(summary(resources)).toEqual([
      'apiextensions.k8s.io/CustomResourceDefinition//widgets.acme.example @ charts/shop/crds/widgets.yaml',
      // The release namespace fills the Secret's, as a controller applies it.
      '/Secret/shop/eu-prod-db @ charts/shop/templates/secret.yaml',
      'apps/Deployment/shop/eu-prod-web @ charts/shop/templates/deployment.yaml',
    ]);
    expect(deploymentOf(resources)).toEqual({ replicas: 3, image: 'ghcr.io/acme/web:2.0.0' });
    expect(isMasked(secretData(resources).password)).toBe(true);
    const json = JSON.stringify(resources);
    expect(json).not.toContain('prod-password-value');
    expect(json).not.toContain(Buffer.from('prod-password-value').toString('base64'));
  });

  it('fetches no dependency from a host the configuration does not allow', async () => {
    const root = await tempRepo({
      ...chart,
      'charts/shop/Chart.yaml': lines(
        'apiVersion: v2',
        'name: shop',
        'version: 0.1.0',
        'dependencies:',
        '  - name: redis',
        '    version: 1.0.0',
        '    repository: https://charts.example.com',
      ),
    });
    const error = await renderError(root, env('prod', 'charts/shop'));
    expect(error.message).toBe(
      'Environment "prod" (charts/shop): the chart redis comes from charts.example.com, which the configuration does not allow',
    );
    expect(error.hint).toContain('render.allowHosts');
  });

  it('adds the `helm dependency build` hint when helm finds a dependency missing from charts/', async () => {
    const root = await tempRepo({
      ...chart,
      'charts/shop/Chart.yaml': lines(
        'apiVersion: v2',
        'name: shop',
        'version: 0.1.0',
        'dependencies:',
        '  - { name: redis, version: 1.0.0, repository: https://charts.example.com }',
        '  - { name: cache, version: 1.0.0, repository: https://charts.example.com }',
      ),
      'charts/shop/charts/cache/Chart.yaml': lines('apiVersion: v2', 'name: cache', 'version: 1.0.0'),
    });
    const error = await renderError(root, env('prod', 'charts/shop'));
    expect(error.message).toContain('redis');
    expect(error.hint).toContain('helm dependency build charts/shop');
  });

  it('inflates helmCharts inside a kustomization with the same helm', async () => {
    const vendored = Object.fromEntries(
      Object.entries(chart).map(([path, text]) => [`envs/dev/${path}`, text]),
    );
    const root = await tempRepo({
      ...vendored,
      'envs/dev/kustomization.yaml': lines(
        'helmCharts:',
        '  - { name: shop, releaseName: dev, namespace: dev, valuesInline: { replicas: 2 } }',
      ),
    });
    const { resources } = await renderEnvironment(root, env('dev', 'envs/dev'), options);
    // kustomize applies its own helmCharts settings (includeCRDs, skipTests), not plumbline's.
    expect(resources.map((resource) => resource.key).sort()).toEqual([
      '/Pod//smoke',
      '/Secret//dev-db',
      'apps/Deployment/dev/dev-web',
    ]);
    expect(deploymentOf(resources)).toEqual({ replicas: 2, image: 'ghcr.io/acme/web:1.0.0' });
  });

  it('renders for the configured capabilities, in helm and in kustomize helmCharts, and fills the namespace', async () => {
    const capabilitiesChart = {
      'charts/caps/Chart.yaml': lines(
        'apiVersion: v2',
        'name: caps',
        'version: 0.1.0',
        'kubeVersion: ">=1.30.0-0"',
      ),
      'charts/caps/values.yaml': '',
      'charts/caps/templates/cm.yaml': lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: caps }',
        'data:',
        '  kube: {{ .Capabilities.KubeVersion.Version | quote }}',
        '  monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1/ServiceMonitor" | quote }}',
      ),
    };
    const root = await tempRepo({
      ...capabilitiesChart,
      ...Object.fromEntries(
        Object.entries(capabilitiesChart).map(([path, text]) => [`envs/dev/${path}`, text]),
      ),
      'envs/dev/kustomization.yaml': lines('helmCharts:', '  - { name: caps, releaseName: dev }'),
    });
    const capabilities = { kubeVersion: 'v1.34.2', apiVersions: ['monitoring.coreos.com/v1/ServiceMonitor'] };
    const data = (resources: Resource[]) => resources[0]?.object.data;
    for (const environment of [
      env('chart', 'charts/caps', { capabilities, namespace: 'team' }),
      env('kustomized', 'envs/dev', { capabilities, namespace: 'team' }),
    ]) {
      const { resources, provenance } = await renderEnvironment(root, environment, options);
      expect(data(resources), environment.name).toEqual({ kube: 'v1.34.2', monitoring: 'true' });
      expect(resources[0]?.key, environment.name).toBe('/ConfigMap/team/caps');
      expect(provenance.capabilities, environment.name).toEqual({
        from: 'configuration',
        kubeVersion: 'v1.34.2',
        apiVersions: 1,
      });
    }
    // Without any: helm's own defaults, which a chart requiring 1.30 accepts only from a
    // helm built as its release is.
    const { resources } = await renderEnvironment(root, env('chart', 'charts/caps'), options);
    expect(data(resources)).toMatchObject({ monitoring: 'false' });
  });

  it('passes helm’s own message on when a template fails', async () => {
    const root = await tempRepo({
      ...chart,
      'charts/shop/templates/broken.yaml': lines('{{ required "set .Values.domain" .Values.domain }}'),
    });
    const error = await renderError(root, env('prod', 'charts/shop'));
    expect(error.message).toMatch(
      /^Environment "prod" \(charts\/shop\): helm template failed \(exit code 1\):\n/,
    );
    expect(error.message).toContain('set .Values.domain');
  });

  it('leaves a value the renderer quotes out of the message, which may reach a pull request comment', async () => {
    const root = await tempRepo({
      ...chart,
      'charts/shop/values-prod.yaml': lines('replicas: 2', 'dbPassword: hunter2-s3cret'),
      'charts/shop/templates/broken.yaml': lines(
        '{{ if lt (len .Values.dbPassword) 20 }}{{ fail (printf "password %q is too short" .Values.dbPassword) }}{{ end }}',
      ),
    });
    const error = await renderError(
      root,
      env('prod', 'charts/shop', { helm: { valuesFiles: ['values-prod.yaml'] } }),
    );
    expect(error.message).toContain('is too short');
    expect(error.message).toContain('broken.yaml');
    expect(error.message).not.toContain('hunter2');
    expect(error.hint).toContain('helm template');
  });
});

describe('renderEnvironments', () => {
  it('renders every environment and reports a failing one without hiding the others', async () => {
    const root = await tempRepo({
      ...kustomizeBase,
      ...chart,
      'envs/dev/kustomization.yaml': lines('resources: [../../base]'),
      'envs/broken/kustomization.yaml': lines('resources: [nowhere.yaml]'),
      'envs/plain/cm.yaml': configMap('plain'),
    });
    const environments = [
      env('dev', 'envs/dev'),
      env('broken', 'envs/broken'),
      env('plain', 'envs/plain'),
      env('shop', 'charts/shop'),
      env('gone', 'envs/gone'),
    ];
    const results = await renderEnvironments(root, environments, { ...options, concurrency: 2 });
    expect(
      results.map((result) =>
        'error' in result
          ? `${result.environment.name}: error`
          : `${result.environment.name}: ${result.resources.length}`,
      ),
    ).toEqual(['dev: 2', 'broken: error', 'plain: 1', 'shop: 3', 'gone: error']);
    const broken = results[1];
    expect(broken && 'error' in broken && broken.error.message).toMatch(
      /^Environment "broken" \(envs\/broken\): kustomize build failed/,
    );
    const gone = results[4];
    expect(gone && 'error' in gone && gone.error.message).toBe(
      'Environment "gone" (envs/gone): the folder envs/gone does not exist',
    );
  });
});
