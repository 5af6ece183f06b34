// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
/**
 * A Flux repository shaped like fluxcd/flux2-kustomize-helm-example, for the tests that
 * render or plan one: clusters/production and clusters/staging, each bootstrapped
 * (flux-system), applying infrastructure/controllers (HelmReleases from a Helm repository
 * and an OCI registry) and apps/<cluster> (a podinfo-like HelmRelease from apps/base, with
 * per-cluster patches, values ConfigMaps and postBuild variables).
 *
 * Its charts are published to the real chart servers (test/support/chart-servers.ts), so
 * the project must list test/support/chart-servers-setup.ts in its globalSetup:
 *
 *   const { files, charts } = await fluxFixture();         // publish, then the files
 *   const root = await writeRepository(scratch, files);    // or commit them to git
 *
 * The Helm repository is on chartServers().httpUrl (plain HTTP, no credentials); the OCI
 * registry is registryAnon (TLS with the test CA: a render needs `fluxChartAccess()` in
 * render.repositories, or another way to trust chartServers().caFile).
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { chartServers } from './chart-servers.js';
import {
  type ChartSpec,
  type Helm,
  type HttpRepo,
  isolatedHelm,
  makeChartPackage,
  newHttpRepo,
  publishToHttpRepo,
  pushChart,
  uniqueChartName,
} from './charts.js';
import { toolPath } from './tools.js';

/** Lines of text, each ended by a newline. */
export const lines = (...text: string[]) => `${text.join('\n')}\n`;
/** YAML documents in one file. */
export const docs = (...documents: string[]) => documents.join('---\n');

// ---------------------------------------------------------------- files on disk

/**
 * Writes `files` (repository-relative path → text) and `links` (path → target, as written)
 * into a new folder below `parent`; returns the folder.
 */
export async function writeRepository(
  parent: string,
  files: Record<string, string>,
  links: Record<string, string> = {},
): Promise<string> {
  const root = await mkdtemp(join(parent, 'repo-'));
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

// ---------------------------------------------------------------- Flux objects

/** A Flux Kustomization in flux-system, applying `path` from this repository (GitRepository flux-system). */
export function fluxKustomization(name: string, path: string, spec: Record<string, unknown> = {}): string {
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

/** A HelmRepository (source.toolkit.fluxcd.io/v1) named `name` at `url`, in `namespace` when given. */
export function fluxHelmRepository(name: string, url: string, namespace?: string): string {
  return stringify({
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: namespace === undefined ? { name } : { name, namespace },
    spec: { interval: '1h', url },
  });
}

/**
 * clusters/<cluster>/flux-system as `flux bootstrap` leaves it: a stand-in for
 * gotk-components.yaml (the flux-system Namespace), gotk-sync.yaml (the GitRepository
 * flux-system and the Kustomization flux-system applying ./clusters/<cluster>) and their
 * kustomization.yaml.
 */
export function fluxBootstrap(cluster: string): Record<string, string> {
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
      fluxKustomization('flux-system', `./clusters/${cluster}`),
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

// ---------------------------------------------------------------- charts

/** An infrastructure chart: a ConfigMap showing its chart and greeting, and a CRD of its own. */
export function fluxInfraChart(name: string, version: string): ChartSpec {
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

/**
 * A podinfo-like chart: one Deployment named after the release, showing the values it got
 * (host, env, tier and color as annotations; replicas; image), and a CRD.
 */
export function fluxAppChart(name: string, version: string): ChartSpec {
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

/** The versions of the app chart publishFluxCharts publishes (the HelmRelease asks for 1.x). */
export const FLUX_APP_VERSIONS = ['1.0.0', '1.1.0'] as const;

/** Where the fixture's charts were published, and what the tests check against. */
export interface FluxCharts {
  /** The app chart (FLUX_APP_VERSIONS) in the Helm repository; unique to this publication. */
  appName: string;
  /** The infrastructure chart: 2.0.0 in the Helm repository, 3.1.0 in the OCI registry. */
  infraName: string;
  /** The Helm repository (a fresh folder of chartServers().publicDir). */
  helmRepository: HttpRepo;
  /** helmRepository.url: `http://127.0.0.1:18080/public/flux-1a2b3c4d`. */
  helmRepositoryUrl: string;
  /** The OCI chart as an OCIRepository's spec.url: `oci://127.0.0.1:15001/charts/<infraName>`. */
  ociUrl: string;
  /** The manifest digest of the OCI chart 3.1.0. */
  ociDigest: string;
}

/** Runs `use` with `helm`, or with an isolated helm made (and removed) for it. */
async function withHelm<T>(helm: Helm | undefined, use: (helm: Helm) => Promise<T>): Promise<T> {
  if (helm) return use(helm);
  const own = await isolatedHelm(toolPath('helm'));
  try {
    return await use(own);
  } finally {
    await own.cleanup();
  }
}

/**
 * Publishes the fixture's charts under fresh names: the app chart and the infrastructure
 * chart 2.0.0 to a new Helm repository folder, the infrastructure chart 3.1.0 to the OCI
 * registry without auth (registryAnon). `helm` publishes them (default: an isolated helm
 * of its own, removed afterwards).
 */
export async function publishFluxCharts(helm?: Helm): Promise<FluxCharts> {
  return withHelm(helm, async (publisher) => {
    const appName = uniqueChartName('podinfo');
    const infraName = uniqueChartName('ingress');
    const helmRepository = newHttpRepo('public', 'flux');
    for (const version of FLUX_APP_VERSIONS) {
      await publishToHttpRepo(
        publisher,
        helmRepository,
        await makeChartPackage(publisher, fluxAppChart(appName, version)),
      );
    }
    await publishToHttpRepo(
      publisher,
      helmRepository,
      await makeChartPackage(publisher, fluxInfraChart(infraName, '2.0.0')),
    );
    const pushed = await pushChart(
      publisher,
      await makeChartPackage(publisher, fluxInfraChart(infraName, '3.1.0')),
      {
        registry: 'anon',
      },
    );
    return {
      appName,
      infraName,
      helmRepository,
      helmRepositoryUrl: helmRepository.url,
      ociUrl: pushed.ref,
      ociDigest: pushed.digest,
    };
  });
}

/**
 * The app chart of `charts` (the same name, `versions`) published to another new Helm
 * repository folder of the chart servers: a second source of the same chart, whose
 * requests a test can tell apart in the access log by `repo.folder`.
 */
export async function publishFluxAppChartElsewhere(
  charts: FluxCharts,
  options: { prefix?: string; versions?: readonly string[]; helm?: Helm } = {},
): Promise<HttpRepo> {
  return withHelm(options.helm, async (publisher) => {
    const repo = newHttpRepo('public', options.prefix ?? 'flux-elsewhere');
    for (const version of options.versions ?? FLUX_APP_VERSIONS) {
      await publishToHttpRepo(
        publisher,
        repo,
        await makeChartPackage(publisher, fluxAppChart(charts.appName, version)),
      );
    }
    return repo;
  });
}

/**
 * What a render needs to reach the fixture's OCI registry (TLS with the test CA), as
 * entries of render.repositories.
 */
export function fluxChartAccess(): { host: string; caFile: string }[] {
  const servers = chartServers();
  return [{ host: servers.registryAnon, caFile: servers.caFile }];
}

// ---------------------------------------------------------------- the repository

/**
 * The example's two clusters, sharing infrastructure/controllers and apps/base:
 *
 * - clusters/<cluster>: the bootstrap, a ConfigMap cluster-vars (cluster_env, domain), and
 *   the Kustomizations infra-controllers (./infrastructure/controllers) and apps
 *   (./apps/<cluster>, dependsOn infra-controllers, postBuild: substitute tier,
 *   substituteFrom cluster-vars and an optional Secret cluster-secrets). Production's
 *   apps adds commonMetadata (team: web) and the component apps/components/monitoring.
 * - infrastructure/controllers (no kustomization.yaml): a HelmRepository `charts` and an
 *   OCIRepository `cert-chart` (semver >=3.0.0); the HelmReleases ingress (infraName 2.x,
 *   targetNamespace ingress-system, CRDs skipped) and cert (chartRef, a post-renderer).
 * - apps/base/podinfo: namespace podinfo, a HelmRepository `podinfo`, the HelmRelease
 *   podinfo (appName 1.x, valuesFrom a generated ConfigMap podinfo-values, replicas 1,
 *   env ${cluster_env}).
 * - apps/production: a patch file podinfo-values.yaml (replicas 3, host podinfo.${domain},
 *   tier ${tier}); apps/staging: a merged values ConfigMap and an inline JSON patch.
 */
export function fluxFleet(charts: FluxCharts): Record<string, string> {
  const { appName, infraName, helmRepositoryUrl, ociUrl } = charts;
  const cluster = (name: string, tier: string, domain: string, extra: Record<string, unknown> = {}) => ({
    ...fluxBootstrap(name),
    [`clusters/${name}/cluster-vars.yaml`]: stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-vars', namespace: 'flux-system' },
      data: { cluster_env: name, domain },
    }),
    [`clusters/${name}/infrastructure.yaml`]: fluxKustomization(
      'infra-controllers',
      './infrastructure/controllers',
    ),
    [`clusters/${name}/apps.yaml`]: fluxKustomization('apps', `./apps/${name}`, {
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
      fluxHelmRepository('charts', helmRepositoryUrl, 'flux-system'),
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
    'apps/base/podinfo/repository.yaml': fluxHelmRepository('podinfo', helmRepositoryUrl),
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
    'apps/production/podinfo-values.yaml': fluxProductionPatch(),
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

/**
 * apps/production/podinfo-values.yaml: the strategic-merge patch of production's
 * HelmRelease podinfo (namespace podinfo). A change edits it with other `replicas`, or
 * adds `extra` lines below `spec:` (indented by two spaces, e.g. a chart sourceRef).
 */
export function fluxProductionPatch(options: { replicas?: number; extra?: string[] } = {}): string {
  return lines(
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: podinfo',
    '  namespace: podinfo',
    'spec:',
    ...(options.extra ?? []),
    '  values:',
    `    replicas: ${options.replicas ?? 3}`,
    '    host: podinfo.${domain}',
    '    tier: ${tier}',
  );
}

/** The fixture: its charts published, and the files of the repository that uses them. */
export interface FluxFixture {
  /** Repository-relative path → text (fluxFleet). */
  files: Record<string, string>;
  /** Symbolic links (path → target) the repository holds: none in the fleet itself. */
  links: Record<string, string>;
  charts: FluxCharts;
}

/** Publishes the charts (publishFluxCharts) and returns the fleet that uses them. */
export async function fluxFixture(options: { helm?: Helm } = {}): Promise<FluxFixture> {
  const charts = await publishFluxCharts(options.helm);
  return { files: fluxFleet(charts), links: {}, charts };
}
