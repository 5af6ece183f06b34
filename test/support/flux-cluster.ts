/**
 * A Flux environment in the real control plane, as its controllers would have applied it
 * (test/integration/flux-*.test.ts): the Flux kinds served by CRDs, a small chart on the
 * test Helm repository for a HelmRelease, and server-side applies under
 * kustomize-controller's and helm-controller's field managers.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { renderEnvironment } from '../../src/render/render.js';
import {
  type Helm,
  isolatedHelm,
  makeChartPackage,
  newHttpRepo,
  publishToHttpRepo,
  uniqueChartName,
} from './charts.js';
import { applyAsAdmin, contextOf, testKubeconfigPath, waitForCrd } from './cluster.js';
import { docs, fluxBootstrap, fluxHelmRepository, fluxKustomization } from './flux-repository.js';
import { toolPath } from './tools.js';

export const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
export const HELM_GROUP = 'helm.toolkit.fluxcd.io';

/** A Flux kind served as the controllers' CRDs serve it (any fields). */
function fluxCrd(group: string, kind: string, plural: string, version: string) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural, singular: kind.toLowerCase(), kind },
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        },
      ],
    },
  };
}

/** HelmRelease and HelmRepository served by the control plane. */
export async function installFluxCrds(): Promise<void> {
  const crds = [
    fluxCrd(HELM_GROUP, 'HelmRelease', 'helmreleases', 'v2'),
    fluxCrd('source.toolkit.fluxcd.io', 'HelmRepository', 'helmrepositories', 'v1'),
  ];
  applyAsAdmin(crds);
  for (const crd of crds) await waitForCrd(crd.metadata.name);
}

export interface PodinfoChart {
  publisher: Helm;
  chartName: string;
  /** The Helm repository's URL on the test server. */
  chartRepository: string;
}

/** A chart of a ConfigMap and a Deployment (values greeting, replicas), published for this test file. */
export async function publishPodinfoChart(prefix: string): Promise<PodinfoChart> {
  const publisher = await isolatedHelm(toolPath('helm'));
  const chartName = uniqueChartName('podinfo');
  const repo = newHttpRepo('public', prefix);
  await publishToHttpRepo(
    publisher,
    repo,
    await makeChartPackage(publisher, {
      name: chartName,
      version: '1.0.0',
      values: { greeting: 'hello', replicas: 2 },
      templates: {
        'configmap.yaml': stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: '{{ .Release.Name }}-settings' },
          data: { greeting: '{{ .Values.greeting }}' },
        }),
        'deployment.yaml': [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: {{ .Release.Name }}',
          'spec:',
          '  replicas: {{ .Values.replicas }}',
          '  selector: { matchLabels: { app: "{{ .Release.Name }}" } }',
          '  template:',
          '    metadata: { labels: { app: "{{ .Release.Name }}" } }',
          '    spec:',
          '      containers:',
          '        - { name: web, image: registry.example/podinfo:1.0 }',
          '',
        ].join('\n'),
      },
    }),
  );
  return { publisher, chartName, chartRepository: repo.url };
}

/** Server-side apply as admin under `fieldManager` (a controller's name), as that controller applies. */
export function applyAs(fieldManager: string, objects: readonly object[]): void {
  if (objects.length === 0) return;
  execFileSync(
    'kubectl',
    [
      '--kubeconfig',
      testKubeconfigPath(),
      '--context',
      contextOf('admin'),
      'apply',
      '--server-side',
      '--force-conflicts',
      '--field-manager',
      fieldManager,
      '--filename',
      '-',
    ],
    { input: objects.map((object) => JSON.stringify(object)).join('\n'), stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/**
 * What the controllers would apply: the environment rendered, the release's objects (with
 * helm-controller's origin labels) by helm-controller, the rest by kustomize-controller.
 */
export async function applyAsControllers(root: string, environment: string): Promise<void> {
  const config = await loadConfig(root);
  const env = config.environments.find((candidate) => candidate.name === environment);
  if (!env) throw new Error(`${environment} was not discovered: ${config.environments.map((e) => e.name)}`);
  const { resources } = await renderEnvironment(root, env, { settings: config.render });
  const released = resources.filter(
    (resource) => resource.object.metadata.labels?.[`${HELM_GROUP}/name`] !== undefined,
  );
  applyAs(
    'kustomize-controller',
    resources.filter((resource) => !released.includes(resource)).map((resource) => resource.object),
  );
  applyAs(
    'helm-controller',
    released.map((resource) => resource.object),
  );
}

/** Real helm and kustomize for this file's renders (PLUMBLINE_HELM, PLUMBLINE_KUSTOMIZE), as they were afterwards. */
export function useRenderTools(): void {
  const saved = {
    PLUMBLINE_HELM: process.env.PLUMBLINE_HELM,
    PLUMBLINE_KUSTOMIZE: process.env.PLUMBLINE_KUSTOMIZE,
  };
  beforeAll(() => {
    process.env.PLUMBLINE_HELM = toolPath('helm');
    process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
  });
  afterAll(() => {
    for (const [variable, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
  });
}

/** The ConfigMap `settings` of the apps below, at a log level. */
export function settingsConfigMap(level: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings' },
    data: { LOG_LEVEL: level },
  });
}

/**
 * A Flux repository with one cluster, `cluster`: its bootstrap, and a Kustomization
 * `kustomization` applying ./apps into `namespace` (targetNamespace, prune: true). ./apps
 * has no kustomization.yaml: a ConfigMap `settings`, a Deployment `api`, a ConfigMap
 * `pinned` marked ssa: Ignore, a HelmRepository and the HelmRelease `podinfo` of the
 * podinfo chart (its release: a ConfigMap podinfo-settings and a Deployment podinfo),
 * whose drift detection ignores Deployments' replicas. No plumbline.yaml.
 */
export function fluxAppFiles(options: {
  cluster: string;
  namespace: string;
  kustomization: string;
  chart: Pick<PodinfoChart, 'chartName' | 'chartRepository'>;
}): Record<string, string> {
  const { cluster, namespace, kustomization, chart } = options;
  return {
    ...fluxBootstrap(cluster),
    [`clusters/${cluster}/apps.yaml`]: fluxKustomization(kustomization, './apps', {
      targetNamespace: namespace,
    }),
    'apps/settings.yaml': settingsConfigMap('info'),
    'apps/api.yaml': stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: { containers: [{ name: 'api', image: 'registry.example/api:1.0' }] },
        },
      },
    }),
    'apps/pinned.yaml': stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'pinned', annotations: { [`${KUSTOMIZE_GROUP}/ssa`]: 'Ignore' } },
      data: { owner: 'git' },
    }),
    'apps/release.yaml': docs(
      fluxHelmRepository('charts', chart.chartRepository),
      stringify({
        apiVersion: `${HELM_GROUP}/v2`,
        kind: 'HelmRelease',
        metadata: { name: 'podinfo' },
        spec: {
          interval: '10m',
          chart: {
            spec: {
              chart: chart.chartName,
              version: '1.x',
              sourceRef: { kind: 'HelmRepository', name: 'charts' },
            },
          },
          values: { greeting: 'from-git' },
          driftDetection: {
            mode: 'enabled',
            ignore: [{ paths: ['/spec/replicas'], target: { kind: 'Deployment' } }],
          },
        },
      }),
    ),
  };
}
