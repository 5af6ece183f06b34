/**
 * Charts from a Helm repository and an OCI registry, applied to the real control plane the
 * way a controller applies them (rendered for that cluster's capabilities into the release
 * namespace, then server-side applied), plan live to zero changes; a changed value shows
 * as exactly the object it changes. The chart gates on `.Capabilities.APIVersions` and
 * prints the cluster's minor version, so zero changes also proves plumbline rendered the
 * cluster's variant. Run with Helm 3 and Helm 4, against each supported Kubernetes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ChartFetcher } from '../../../src/charts/fetch.js';
import { runPlan } from '../../../src/commands/plan.js';
import { renderSettings } from '../../../src/config/parse.js';
import type { EnvironmentResult, PlanResult } from '../../../src/diff/model.js';
import { renderEnvironment } from '../../../src/render/render.js';
import { type ChangeRepository, changeRepository } from '../../support/change-repository.js';
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
import {
  applyAsAdmin,
  contextOf,
  manifests,
  testKubeconfigPath,
  testKubernetesVersion,
  uniqueName,
  waitForCrd,
} from '../../support/cluster.js';
import { helmBinaries } from '../../support/tools.js';

const namespace = uniqueName('helm-acceptance');
const group = `${namespace}.plumbline.test`;
const scratch = mkdtempSync(join(tmpdir(), 'plumbline-helm-acceptance-'));

/** Templates that leave the namespace out, as most charts do, and read the capabilities. */
function chart(name: string) {
  return {
    name,
    version: '1.0.0',
    kubeVersion: '>=1.23.0-0',
    values: { greeting: 'hello', image: 'registry.example/web:1.0' },
    templates: {
      'configmap.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: {{ .Release.Name }}-settings',
        'data:',
        '  greeting: {{ .Values.greeting | quote }}',
        '  kubeMinor: {{ .Capabilities.KubeVersion.Minor | quote }}',
        `  widgets: {{ if .Capabilities.APIVersions.Has "${group}/v1/Widget" }}"served"{{ else }}"absent"{{ end }}`,
        '',
      ].join('\n'),
      'deployment.yaml': stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: '{{ .Release.Name }}-web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: '{{ .Release.Name }}' } },
          template: {
            metadata: { labels: { app: '{{ .Release.Name }}' } },
            spec: { containers: [{ name: 'web', image: '{{ .Values.image }}' }] },
          },
        },
      }),
    },
  };
}

let publisher: Helm;
let chartName: string;
let tgz: string;
let httpRepository: string;
let ociRepository: string;

beforeAll(async () => {
  publisher = await isolatedHelm(helmBinaries()[0]!.path);
  chartName = uniqueChartName('web');
  tgz = await makeChartPackage(publisher, chart(chartName));
  const repo = newHttpRepo('public');
  await publishToHttpRepo(publisher, repo, tgz);
  httpRepository = repo.url;
  ociRepository = (await pushChart(publisher, tgz)).repository;
  applyAsAdmin([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `widgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [
          { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
        ],
      },
    },
  ]);
  await waitForCrd(`widgets.${group}`);
});
afterAll(async () => {
  delete process.env.PLUMBLINE_HELM;
  await publisher.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** What Argo CD or Flux would apply: the chart rendered for this cluster into the release namespace. */
function installAsController(helm: string, release: string, values: string): void {
  const valuesFile = join(scratch, `${release}-values.yaml`);
  writeFileSync(valuesFile, values);
  const rendered = execFileSync(
    helm,
    [
      'template',
      release,
      tgz,
      '--namespace',
      namespace,
      '--kube-version',
      testKubernetesVersion(),
      `--api-versions=${group}/v1/Widget`,
      '--values',
      valuesFile,
    ],
    { encoding: 'utf8' },
  );
  applyAsAdmin(
    manifests(rendered).map((object) => ({ ...object, metadata: { ...object.metadata, namespace } })),
  );
}

function repository(files: Record<string, string>): ChangeRepository {
  return changeRepository(mkdtempSync(join(scratch, 'repo-')), files);
}

function environment(result: PlanResult, name: string): EnvironmentResult {
  const found = result.environments.find((candidate) => candidate.environment === name);
  if (!found) throw new Error(`no result for ${name}: ${JSON.stringify(result.environments)}`);
  return found;
}

describe.each(helmBinaries())(
  'a chart a controller applied, planned live with helm $major',
  ({ major, path }) => {
    const release = (source: string) => `${source}-h${major}`;
    let repo: ReturnType<typeof repository>;
    let chartCache: string;

    beforeAll(() => {
      process.env.PLUMBLINE_HELM = path;
      const servers = chartServers();
      const values = 'greeting: hello\n';
      for (const source of ['http', 'oci']) installAsController(path, release(source), values);
      chartCache = mkdtempSync(join(scratch, 'cache-'));
      const environments = [
        { source: 'http', repository: httpRepository },
        { source: 'oci', repository: ociRepository },
      ].map(({ source, repository: chartRepository }) => ({
        name: source,
        path: `envs/${source}`,
        namespace,
        cluster: { context: contextOf('planner') },
        helm: {
          releaseName: release(source),
          chart: { repository: chartRepository, name: chartName, version: '1.x' },
          valuesFiles: ['values.yaml'],
        },
      }));
      repo = repository({
        'plumbline.yaml': stringify({
          render: {
            repositories: [
              {
                host: servers.registry,
                usernameEnv: 'PLUMBLINE_TEST_USER',
                passwordEnv: 'PLUMBLINE_TEST_PASSWORD',
                caFile: servers.caFile,
              },
            ],
          },
          environments,
        }),
        'envs/http/values.yaml': values,
        'envs/oci/values.yaml': values,
      });
      process.env.PLUMBLINE_TEST_USER = servers.user;
      process.env.PLUMBLINE_TEST_PASSWORD = servers.password;
    });

    const planLive = () =>
      runPlan({
        repoRoot: repo.root,
        mode: 'live',
        kubeconfigPath: testKubeconfigPath(),
        clusterAvailable: true,
        chartCache,
      });

    it("plans zero changes: the cluster's version, API versions and the release namespace", async () => {
      const result = await planLive();
      for (const source of ['http', 'oci']) {
        const env = environment(result, source);
        expect(env.error, `${source}: ${env.error?.message}`).toBeUndefined();
        expect(env.counts, source).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 2 });
        expect(env.rendered?.head?.capabilities).toMatchObject({
          from: 'cluster',
          kubeVersion: testKubernetesVersion(),
        });
        expect(env.rendered?.head?.capabilities?.apiVersions).toBeGreaterThan(50);
        expect(env.rendered?.head?.charts[0]?.version).toBe('1.0.0');
      }
    });

    it('shows a changed value as exactly the object it changes', async () => {
      repo.commit({ 'envs/http/values.yaml': 'greeting: bonjour\n' });
      const result = await planLive();
      const http = environment(result, 'http');
      expect(http.counts).toEqual({ added: 0, changed: 1, deleted: 0, unchanged: 1 });
      const changed = http.changes.find((change) => change.change === 'changed');
      expect(changed?.id).toMatchObject({
        kind: 'ConfigMap',
        namespace,
        name: `${release('http')}-settings`,
      });
      expect(changed?.fields).toEqual(['/data/greeting']);
      expect(environment(result, 'oci').counts.changed).toBe(0);
    });

    it("renders helm's defaults without a cluster, which a controller would not apply", async () => {
      const config = { name: 'http', path: 'envs/http', renderer: 'auto' as const, namespace };
      const { resources, provenance } = await renderEnvironment(
        repo.root,
        {
          ...config,
          helm: { chart: { repository: httpRepository, name: chartName, version: '1.0.0' }, valuesFiles: [] },
        },
        {
          charts: new ChartFetcher({ cacheFolder: chartCache, settings: renderSettings(), env: process.env }),
        },
      );
      const settings = resources.find((resource) => resource.id.kind === 'ConfigMap')?.object.data as Record<
        string,
        string
      >;
      expect(settings.widgets).toBe('absent');
      expect(provenance.capabilities?.from).toBe('helm');
    });
  },
);
