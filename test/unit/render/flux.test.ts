// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
/**
 * Flux repositories rendered as Flux's controllers would, offline: a repository shaped like
 * fluxcd/flux2-kustomize-helm-example (clusters/production and clusters/staging, each
 * bootstrapped, with infrastructure and apps), whose charts come from the real chart
 * servers (test/support/chart-servers.ts): a Helm repository over HTTP and an OCI
 * registry.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runChartFetcher } from '../../../src/charts/fetch.js';
import { loadConfig } from '../../../src/config/load.js';
import { renderSettings } from '../../../src/config/parse.js';
import type { EnvironmentConfig, RenderSettings } from '../../../src/config/types.js';
import { type RenderOptions, type RenderResult, renderEnvironments } from '../../../src/render/render.js';
import type { Resource } from '../../../src/resource.js';
import { chartServers } from '../../support/chart-servers.js';
import {
  type Helm,
  isolatedHelm,
  makeChartPackage,
  newHttpRepo,
  publishToHttpRepo,
  pushChart,
  uniqueChartName,
} from '../../support/charts.js';
import { toolPath } from '../../support/tools.js';

const scratch = await mkdtemp(join(tmpdir(), 'plumbline-flux-render-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const docs = (...documents: string[]) => documents.join('---\n');

async function writeRepo(files: Record<string, string>, links: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(join(scratch, 'repo-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await symlink(target, join(root, path));
  }
  return root;
}

/** A Flux Kustomization in flux-system, applying `path` from this repository. */
function kustomization(name: string, path: string, spec: Record<string, unknown> = {}): string {
  return stringify({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace: 'flux-system' },
    spec: {
      interval: '10m',
      path,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      ...spec,
    },
  });
}

/** clusters/<cluster>: the bootstrap (a stand-in for gotk-components.yaml), and its variables. */
function bootstrap(cluster: string): Record<string, string> {
  return {
    [`clusters/${cluster}/flux-system/gotk-components.yaml`]: lines(
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: flux-system',
    ),
    [`clusters/${cluster}/flux-system/gotk-sync.yaml`]: docs(
      stringify({
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'flux-system', namespace: 'flux-system' },
        spec: { interval: '1m', ref: { branch: 'main' }, url: 'ssh://git@github.com/example/fleet' },
      }),
      kustomization('flux-system', `./clusters/${cluster}`),
    ),
    [`clusters/${cluster}/flux-system/kustomization.yaml`]: lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - gotk-components.yaml',
      '  - gotk-sync.yaml',
    ),
  };
}

/** A chart rendering a ConfigMap (and a CRD of its own). */
function infraChart(name: string, version: string) {
  return {
    name,
    version,
    values: { greeting: 'hello' },
    templates: {
      'configmap.yaml': stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: '{{ .Release.Name }}' },
        data: { chart: '{{ .Chart.Name }}-{{ .Chart.Version }}', greeting: '{{ .Values.greeting }}' },
      }),
    },
    files: {
      'crds/widgets.yaml': stringify({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: `widgets.${name}.example.com` },
      }),
    },
  };
}

/** A podinfo-like chart: one Deployment showing the values it got, and a CRD. */
function appChart(name: string, version: string) {
  return {
    name,
    version,
    values: { replicas: 1, image: 'ghcr.io/acme/podinfo:0.0.1', color: 'none' },
    templates: {
      'deployment.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: {{ .Release.Name }}',
        '  annotations:',
        '    host: {{ .Values.host | quote }}',
        '    env: {{ .Values.env | quote }}',
        '    tier: {{ .Values.tier | quote }}',
        '    color: {{ .Values.color | quote }}',
        'spec:',
        '  replicas: {{ .Values.replicas }}',
        '  selector: { matchLabels: { app: podinfo } }',
        '  template:',
        '    metadata: { labels: { app: podinfo } }',
        '    spec:',
        '      containers:',
        '        - name: podinfo',
        '          image: {{ .Values.image }}',
      ),
    },
    files: {
      'crds/podinfos.yaml': stringify({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'podinfos.example.com' },
      }),
    },
  };
}

let publisher: Helm;
let appName: string;
let infraName: string;
let helmRepositoryUrl: string;
let ociUrl: string;
let ociDigest: string;

beforeAll(async () => {
  publisher = await isolatedHelm(toolPath('helm'));
  appName = uniqueChartName('podinfo');
  infraName = uniqueChartName('ingress');
  const repo = newHttpRepo('public');
  helmRepositoryUrl = repo.url;
  for (const version of ['1.0.0', '1.1.0']) {
    await publishToHttpRepo(publisher, repo, await makeChartPackage(publisher, appChart(appName, version)));
  }
  await publishToHttpRepo(publisher, repo, await makeChartPackage(publisher, infraChart(infraName, '2.0.0')));
  const pushed = await pushChart(
    publisher,
    await makeChartPackage(publisher, infraChart(infraName, '3.1.0')),
    {
      registry: 'anon',
    },
  );
  ociUrl = pushed.ref;
  ociDigest = pushed.digest;
}, 120_000);
afterAll(() => publisher.cleanup());

/** The example's two clusters, sharing infrastructure/controllers and apps/base. */
function fleet(): Record<string, string> {
  const cluster = (name: string, tier: string, domain: string, extra: Record<string, unknown> = {}) => ({
    ...bootstrap(name),
    [`clusters/${name}/cluster-vars.yaml`]: stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-vars', namespace: 'flux-system' },
      data: { cluster_env: name, domain },
    }),
    [`clusters/${name}/infrastructure.yaml`]: kustomization(
      'infra-controllers',
      './infrastructure/controllers',
    ),
    [`clusters/${name}/apps.yaml`]: kustomization('apps', `./apps/${name}`, {
      dependsOn: [{ name: 'infra-controllers' }],
      postBuild: {
        substitute: { tier },
        substituteFrom: [
          { kind: 'ConfigMap', name: 'cluster-vars' },
          { kind: 'Secret', name: 'cluster-secrets', optional: true },
        ],
      },
      ...extra,
    }),
  });
  return {
    ...cluster('production', 'gold', 'prod.example.com', {
      commonMetadata: { labels: { team: 'web' } },
      components: ['../components/monitoring'],
    }),
    ...cluster('staging', 'silver', 'staging.example.com'),
    // No kustomization.yaml: kustomize-controller generates one listing the files.
    'infrastructure/controllers/repositories.yaml': docs(
      stringify({
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: { name: 'charts', namespace: 'flux-system' },
        spec: { interval: '1h', url: helmRepositoryUrl },
      }),
      stringify({
        apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
        kind: 'OCIRepository',
        metadata: { name: 'cert-chart', namespace: 'flux-system' },
        spec: { interval: '1h', url: ociUrl, ref: { semver: '>=3.0.0' } },
      }),
    ),
    'infrastructure/controllers/ingress.yaml': stringify({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'ingress', namespace: 'flux-system' },
      spec: {
        interval: '1h',
        targetNamespace: 'ingress-system',
        install: { crds: 'Skip' },
        chart: {
          spec: { chart: infraName, version: '2.x', sourceRef: { kind: 'HelmRepository', name: 'charts' } },
        },
        values: { greeting: 'from-ingress' },
      },
    }),
    'infrastructure/controllers/cert.yaml': stringify({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'cert', namespace: 'flux-system' },
      spec: {
        interval: '1h',
        chartRef: { kind: 'OCIRepository', name: 'cert-chart' },
        postRenderers: [
          {
            kustomize: {
              patches: [
                {
                  target: { kind: 'ConfigMap' },
                  patch: lines(
                    '- op: add',
                    '  path: /metadata/annotations',
                    '  value: { post-rendered: "yes" }',
                  ),
                },
              ],
            },
          },
        ],
      },
    }),
    'apps/base/podinfo/kustomization.yaml': lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'namespace: podinfo',
      'resources:',
      '  - namespace.yaml',
      '  - repository.yaml',
      '  - release.yaml',
      'configMapGenerator:',
      '  - name: podinfo-values',
      '    files:',
      '      - values.yaml=podinfo-values.yaml',
      'configurations:',
      '  - kustomizeconfig.yaml',
    ),
    'apps/base/podinfo/kustomizeconfig.yaml': lines(
      'nameReference:',
      '  - kind: ConfigMap',
      '    version: v1',
      '    fieldSpecs:',
      '      - path: spec/valuesFrom/name',
      '        kind: HelmRelease',
    ),
    'apps/base/podinfo/namespace.yaml': lines(
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: podinfo',
    ),
    'apps/base/podinfo/podinfo-values.yaml': lines('color: blue', 'image: ghcr.io/acme/podinfo:1.0.0'),
    'apps/base/podinfo/repository.yaml': stringify({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'podinfo' },
      spec: { interval: '1h', url: helmRepositoryUrl },
    }),
    'apps/base/podinfo/release.yaml': lines(
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata:',
      '  name: podinfo',
      'spec:',
      '  interval: 10m',
      '  chart:',
      '    spec:',
      `      chart: ${appName}`,
      '      version: "1.x"',
      '      sourceRef:',
      '        kind: HelmRepository',
      '        name: podinfo',
      '  valuesFrom:',
      '    - kind: ConfigMap',
      '      name: podinfo-values',
      '  values:',
      '    replicas: 1',
      '    env: ${cluster_env}',
    ),
    'apps/components/monitoring/kustomization.yaml': lines(
      'apiVersion: kustomize.config.k8s.io/v1alpha1',
      'kind: Component',
      'resources:',
      '  - monitoring.yaml',
    ),
    'apps/components/monitoring/monitoring.yaml': lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: monitoring',
      '  namespace: podinfo',
      'data:',
      '  scrape: "true"',
    ),
    'apps/production/kustomization.yaml': lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - ../base/podinfo',
      'patches:',
      '  - path: podinfo-values.yaml',
    ),
    'apps/production/podinfo-values.yaml': lines(
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata:',
      '  name: podinfo',
      '  namespace: podinfo',
      'spec:',
      '  values:',
      '    replicas: 3',
      '    host: podinfo.${domain}',
      '    tier: ${tier}',
    ),
    'apps/staging/kustomization.yaml': lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - ../base/podinfo',
      'configMapGenerator:',
      '  - name: podinfo-values',
      '    namespace: podinfo',
      '    behavior: merge',
      '    files:',
      '      - values.yaml=podinfo-values.yaml',
      'patches:',
      '  - target: { kind: HelmRelease, name: podinfo }',
      '    patch: |',
      '      - op: add',
      '        path: /spec/values/host',
      '        value: podinfo.${domain}',
      '      - op: add',
      '        path: /spec/values/tier',
      '        value: ${tier}',
    ),
    'apps/staging/podinfo-values.yaml': lines('color: green', 'image: ghcr.io/acme/podinfo:1.1.0'),
  };
}

function settings(allowHosts: string[]): RenderSettings {
  const servers = chartServers();
  return {
    ...renderSettings(),
    allowHosts,
    repositories: [{ host: servers.registryAnon, caFile: servers.caFile }],
  };
}

async function options(allowHosts = ['127.0.0.1']): Promise<RenderOptions> {
  const rendered = settings(allowHosts);
  return {
    tools: { kustomize: toolPath('kustomize'), helm: toolPath('helm') },
    settings: rendered,
    charts: runChartFetcher(rendered, await mkdtemp(join(scratch, 'cache-'))),
  };
}

function byName(results: RenderResult[]): Map<string, RenderResult> {
  return new Map(results.map((result) => [result.environment.name, result]));
}

function resourcesOf(result: RenderResult | undefined): Resource[] {
  if (!result) throw new Error('no such environment');
  if ('error' in result) throw result.error;
  return result.resources;
}

function find(resources: Resource[], kind: string, name: string): Resource {
  const found = resources.find((resource) => resource.id.kind === kind && resource.id.name === name);
  if (!found)
    throw new Error(`no ${kind} ${name} in ${resources.map((resource) => resource.key).join(', ')}`);
  return found;
}

function errorOf(result: RenderResult | undefined): string {
  if (!result || !('error' in result)) throw new Error('the environment rendered');
  return result.error.message;
}

describe('Flux repositories', () => {
  it('discovers one environment per Flux Kustomization, named by cluster, namespace and name', async () => {
    const root = await writeRepo(fleet());
    const config = await loadConfig(root);
    expect(config.environments.map((env) => [env.name, env.path, env.renderer])).toEqual([
      ['production/flux-system/apps', 'apps/production', 'flux'],
      ['production/flux-system/flux-system', 'clusters/production', 'flux'],
      ['production/flux-system/infra-controllers', 'infrastructure/controllers', 'flux'],
      ['staging/flux-system/apps', 'apps/staging', 'flux'],
      ['staging/flux-system/flux-system', 'clusters/staging', 'flux'],
      ['staging/flux-system/infra-controllers', 'infrastructure/controllers', 'flux'],
    ]);
    expect(config.environments[0]?.flux).toEqual({
      cluster: 'production',
      namespace: 'flux-system',
      name: 'apps',
    });
  });

  it('renders each cluster as its controllers would: values, patches, variables and charts', async () => {
    const root = await writeRepo(fleet());
    const config = await loadConfig(root);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    for (const [name, result] of results)
      expect('error' in result ? result.error.message : '', name).toBe('');

    const production = resourcesOf(results.get('production/flux-system/apps'));
    const deployment = find(production, 'Deployment', 'podinfo');
    expect(deployment.id.namespace).toBe('podinfo');
    expect(deployment.object.metadata.annotations).toEqual({
      host: 'podinfo.prod.example.com',
      env: 'production',
      tier: 'gold',
      color: 'blue',
    });
    const spec = deployment.object.spec as {
      replicas: number;
      template: { spec: { containers: { image: string }[] } };
    };
    expect(spec.replicas).toBe(3);
    expect(spec.template.spec.containers[0]?.image).toBe('ghcr.io/acme/podinfo:1.0.0');
    expect(deployment.object.metadata.labels).toEqual({
      'helm.toolkit.fluxcd.io/name': 'podinfo',
      'helm.toolkit.fluxcd.io/namespace': 'podinfo',
    });
    expect(deployment.source.file).toBe(
      `apps/base/podinfo/release.yaml:1 → ${appName}@1.1.0/templates/deployment.yaml`,
    );
    // The HelmRelease stays, with the labels kustomize-controller gives what it applies.
    expect(find(production, 'HelmRelease', 'podinfo').object.metadata.labels).toEqual({
      'kustomize.toolkit.fluxcd.io/name': 'apps',
      'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      team: 'web',
    });
    // The chart's CRDs, and the component the Flux Kustomization adds.
    find(production, 'CustomResourceDefinition', 'podinfos.example.com');
    find(production, 'ConfigMap', 'monitoring');
    const rendered = results.get('production/flux-system/apps');
    expect(rendered && 'provenance' in rendered ? rendered.provenance.charts : []).toEqual([
      expect.objectContaining({ repository: helmRepositoryUrl, name: appName, version: '1.1.0' }),
    ]);

    const staging = resourcesOf(results.get('staging/flux-system/apps'));
    const stagingDeployment = find(staging, 'Deployment', 'podinfo');
    expect(stagingDeployment.object.metadata.annotations).toEqual({
      host: 'podinfo.staging.example.com',
      env: 'staging',
      tier: 'silver',
      color: 'green',
    });
    expect((stagingDeployment.object.spec as { replicas: number }).replicas).toBe(1);
    expect(staging.some((resource) => resource.id.name === 'monitoring')).toBe(false);

    const infra = resourcesOf(results.get('production/flux-system/infra-controllers'));
    const ingress = find(infra, 'ConfigMap', 'ingress-system-ingress');
    expect(ingress.id.namespace).toBe('ingress-system');
    expect(ingress.object.data).toEqual({ chart: `${infraName}-2.0.0`, greeting: 'from-ingress' });
    const cert = find(infra, 'ConfigMap', 'cert');
    expect(cert.id.namespace).toBe('flux-system');
    expect(cert.object.data).toEqual({ chart: `${infraName}-3.1.0`, greeting: 'hello' });
    expect(cert.object.metadata.annotations).toEqual({ 'post-rendered': 'yes' });
    // install.crds: Skip for ingress; the OCI chart's CRD is there once.
    expect(infra.filter((resource) => resource.id.kind === 'CustomResourceDefinition')).toHaveLength(1);
    const infraResult = results.get('production/flux-system/infra-controllers');
    const charts = infraResult && 'provenance' in infraResult ? infraResult.provenance.charts : [];
    expect(charts.map((chart) => [chart.name, chart.version, chart.manifestDigest])).toEqual([
      [infraName, '3.1.0', ociDigest],
      [infraName, '2.0.0', undefined],
    ]);

    const bootstrapped = resourcesOf(results.get('production/flux-system/flux-system'));
    expect(bootstrapped.map((resource) => resource.key).sort()).toEqual([
      '/ConfigMap/flux-system/cluster-vars',
      '/Namespace//flux-system',
      'kustomize.toolkit.fluxcd.io/Kustomization/flux-system/apps',
      'kustomize.toolkit.fluxcd.io/Kustomization/flux-system/flux-system',
      'kustomize.toolkit.fluxcd.io/Kustomization/flux-system/infra-controllers',
      'source.toolkit.fluxcd.io/GitRepository/flux-system/flux-system',
    ]);
  });

  it('fails only the environment whose variable is not defined, naming it and the object', async () => {
    const root = await writeRepo({
      ...fleet(),
      'clusters/staging/extras.yaml': kustomization('extras', './extras/staging', {
        postBuild: { substitute: { known: 'x' } },
      }),
      'extras/staging/configmap.yaml': lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: extras',
        '  namespace: default',
        'data:',
        '  a: ${known}',
        '  b: ${missing_var}',
        '  c: ${defaulted:=fine}',
      ),
    });
    const config = await loadConfig(root);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    const failed = [...results].filter(([, result]) => 'error' in result).map(([name]) => name);
    expect(failed).toEqual(['staging/flux-system/extras']);
    const message = errorOf(results.get('staging/flux-system/extras'));
    expect(message).toContain('clusters/staging/extras.yaml:1');
    expect(message).toContain('missing_var in ConfigMap default/extras (extras/staging (kustomize output):');
    expect(message).not.toContain('defaulted');
  });

  it('fails only the environment of a HelmRelease whose HelmRepository is missing, naming its file and line', async () => {
    const root = await writeRepo({
      ...fleet(),
      'clusters/staging/orphans.yaml': kustomization('orphans', './orphans'),
      'orphans/release.yaml': docs(
        lines('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: orphans'),
        stringify({
          apiVersion: 'helm.toolkit.fluxcd.io/v2',
          kind: 'HelmRelease',
          metadata: { name: 'lost', namespace: 'orphans' },
          spec: {
            chart: { spec: { chart: 'lost', sourceRef: { kind: 'HelmRepository', name: 'nowhere' } } },
          },
        }),
      ),
    });
    const config = await loadConfig(root);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    const failed = [...results].filter(([, result]) => 'error' in result).map(([name]) => name);
    expect(failed).toEqual(['staging/flux-system/orphans']);
    expect(errorOf(results.get('staging/flux-system/orphans'))).toContain(
      'orphans/release.yaml:6: HelmRelease orphans/lost: spec.chart.spec.sourceRef names HelmRepository orphans/nowhere',
    );
  });

  it('fails a chart whose host render.allowHosts does not list', async () => {
    const root = await writeRepo(fleet());
    const config = await loadConfig(root);
    const infra = config.environments.filter(
      (env) => env.name === 'production/flux-system/infra-controllers',
    );
    const [result] = await renderEnvironments(root, infra, await options([]));
    const message = errorOf(result);
    expect(message).toMatch(
      /infrastructure\/controllers\/(cert|ingress)\.yaml:1: HelmRelease flux-system\/(cert|ingress): /,
    );
    expect(message).toMatch(/comes from 127\.0\.0\.1:\d+, which the configuration does not allow/);
  });
});

describe('the overlay fields of a Flux Kustomization', () => {
  it('replaces the namespace and name prefix of the folder, and adds patches, images and labels', async () => {
    const root = await writeRepo({
      ...bootstrap('edge'),
      'clusters/edge/overlay.yaml': kustomization('overlay', './overlay', {
        targetNamespace: 'flux-ns',
        namePrefix: 'flux-',
        images: [{ name: 'ghcr.io/acme/web', newTag: '2.0.0' }],
        patches: [
          {
            target: { kind: 'Deployment' },
            patch: lines('- op: replace', '  path: /spec/replicas', '  value: 5'),
          },
        ],
        commonMetadata: { annotations: { owner: 'edge' } },
      }),
      'overlay/kustomization.yaml': lines(
        'namespace: from-file',
        'namePrefix: file-',
        'resources: [deploy.yaml]',
      ),
      'overlay/deploy.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web }',
        'spec:',
        '  replicas: 1',
        '  selector: { matchLabels: { app: web } }',
        '  template:',
        '    metadata: { labels: { app: web } }',
        '    spec: { containers: [{ name: web, image: "ghcr.io/acme/web:1.0.0" }] }',
      ),
    });
    const config = await loadConfig(root);
    const [result] = await renderEnvironments(
      root,
      config.environments.filter((env) => env.name === 'edge/flux-system/overlay'),
      await options(),
    );
    const deployment = find(resourcesOf(result), 'Deployment', 'flux-web');
    expect(deployment.id.namespace).toBe('flux-ns');
    expect(deployment.object.metadata.annotations).toEqual({ owner: 'edge' });
    const spec = deployment.object.spec as {
      replicas: number;
      template: { spec: { containers: { image: string }[] } };
    };
    expect(spec.replicas).toBe(5);
    expect(spec.template.spec.containers[0]?.image).toBe('ghcr.io/acme/web:2.0.0');
  });

  it('renders nothing for a Kustomization the checkout does not apply', async () => {
    const root = await writeRepo(bootstrap('edge'));
    const gone: EnvironmentConfig = {
      name: 'edge/flux-system/gone',
      path: 'gone',
      renderer: 'flux',
      flux: { cluster: 'edge', namespace: 'flux-system', name: 'gone' },
    };
    const [result] = await renderEnvironments(root, [gone], await options());
    expect(resourcesOf(result)).toEqual([]);
  });
});

describe('hostile Flux repositories', () => {
  it('fails a Kustomization whose path leads outside the repository, and reads nothing there', async () => {
    const away = await mkdtemp(join(scratch, 'away-'));
    const canary = 'c4n4ry-flux-value';
    await writeFile(
      join(away, 'secret.yaml'),
      lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: ${canary}`,
        'data:',
        `  leak: ${canary}`,
      ),
    );
    const root = await writeRepo(
      {
        ...bootstrap('hostile'),
        'clusters/hostile/escapes.yaml': docs(
          kustomization('dotdot', '../../etc'),
          kustomization('linked', './linked'),
          kustomization('inner', './inner'),
        ),
        'inner/kustomization.yaml': lines('resources:', '  - ../linked/secret.yaml'),
      },
      { linked: away },
    );
    const config = await loadConfig(root);
    expect(config.environments.map((env) => env.name)).toEqual([
      'hostile/flux-system/dotdot',
      'hostile/flux-system/flux-system',
      'hostile/flux-system/inner',
      'hostile/flux-system/linked',
    ]);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    for (const name of ['dotdot', 'linked', 'inner']) {
      const message = errorOf(results.get(`hostile/flux-system/${name}`));
      expect(message, name).toMatch(/outside the repository/);
      expect(message, name).not.toContain(canary);
      expect(message, name).not.toContain(away);
    }
    expect(errorOf(results.get('hostile/flux-system/dotdot'))).toContain('clusters/hostile/escapes.yaml:1');
    expect(
      resourcesOf(results.get('hostile/flux-system/flux-system')).map((resource) => resource.id.name),
    ).not.toContain(canary);
  });

  it('never lets a component, a generated resource or a patch reach outside the repository', async () => {
    const away = await mkdtemp(join(scratch, 'away-'));
    await writeFile(
      join(away, 'x.yaml'),
      lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: away'),
    );
    const root = await writeRepo(
      {
        ...bootstrap('hostile'),
        'clusters/hostile/escapes.yaml': docs(
          kustomization('component', './app', { components: ['../../../../../../../../tmp'] }),
          kustomization('generated', './generated'),
          kustomization('patched', './patched'),
        ),
        'app/kustomization.yaml': lines('resources: []'),
        // Discovery reads what a kustomization's resources name; the build reads the rest.
        'patched/kustomization.yaml': lines(
          'resources: [cm.yaml]',
          'patches: [{ path: ../generated/out.yaml }]',
          'configMapGenerator: [{ name: leak, files: [../generated/out.yaml] }]',
        ),
        'patched/cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: away'),
        'generated/ok.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ok'),
      },
      { 'generated/out.yaml': join(away, 'x.yaml') },
    );
    const config = await loadConfig(root);
    const environments: EnvironmentConfig[] = config.environments.filter(
      (env) => env.name !== 'hostile/flux-system/flux-system',
    );
    const results = byName(await renderEnvironments(root, environments, await options()));
    expect(errorOf(results.get('hostile/flux-system/component'))).toMatch(/outside the repository/);
    expect(errorOf(results.get('hostile/flux-system/generated'))).toMatch(/outside the repository/);
    expect(errorOf(results.get('hostile/flux-system/patched'))).toContain(
      'clusters/hostile/escapes.yaml:29: generated/out.yaml leads outside the repository',
    );
  });
});
