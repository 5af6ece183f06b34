/**
 * An offline plan of an Argo CD repository with no plumbline.yaml: its environments are the
 * Applications whose sources are this repository (the checkout's origin), found on both
 * sides and rendered as Argo CD's repo-server would: a directory with recurse and
 * exclude, a kustomization with the Application's kustomize edits, a chart folder with
 * value files, values and parameters; namespaced objects land in the destination's
 * namespace. An app-of-apps root renders the Applications themselves.
 */
import { readFileSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPlan } from '../../../src/commands/plan.js';
import type { EnvironmentResult, PlanResult } from '../../../src/diff/model.js';
import { type ChangeRepository, changeRepository } from '../../support/change-repository.js';
import { chartServers } from '../../support/chart-servers.js';
import {
  configMapTemplate,
  type HttpRepo,
  isolatedHelm,
  makeChartArchiveWithLinks,
  makeChartPackage,
  newHttpRepo,
  publishToHttpRepo,
  pushChart,
  uniqueChartName,
} from '../../support/charts.js';
import { toolPath } from '../../support/tools.js';

const scratch = await mkdtemp(join(tmpdir(), 'plumbline-plan-argocd-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A chart at 1.0.0 and 1.1.0 in a Helm repository of the test chart servers. */
let charts: { repository: HttpRepo; name: string };
/**
 * In the same repository: a chart shipping value files of its own (`values-prod.yaml`), and
 * one whose archive holds symbolic links (`values-link.yaml` to /etc/hostname, `linked` to /etc).
 */
let shipped: { name: string; linked: string };
/** A chart at 1.0.0 and 1.1.0, shipping `values-prod.yaml`, in the test OCI registry without auth. */
let oci: { registry: string; name: string };

/** A chart's values.yaml and its own value file for production. */
const SHIPPED_VALUES = { greeting: 'hello', color: 'blue', size: 'small' };
const SHIPPED_PROD = { greeting: 'from-the-chart', color: 'green', size: 'medium' };

beforeAll(async () => {
  process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
  process.env.PLUMBLINE_HELM = toolPath('helm');
  const helm = await isolatedHelm(toolPath('helm'));
  const repository = newHttpRepo('public', 'argocd');
  const name = uniqueChartName('web');
  for (const version of ['1.0.0', '1.1.0']) {
    const archive = await makeChartPackage(helm, {
      name,
      version,
      templates: { 'configmap.yaml': configMapTemplate({ greeting: '{{ .Values.greeting }}', version }) },
      values: { greeting: 'hello' },
    });
    await publishToHttpRepo(helm, repository, archive);
  }
  charts = { repository, name };

  const data = {
    greeting: '{{ .Values.greeting }}',
    color: '{{ .Values.color }}',
    size: '{{ .Values.size }}',
  };
  const shippedSpec = {
    name: uniqueChartName('shipped'),
    version: '1.0.0',
    templates: { 'configmap.yaml': configMapTemplate(data) },
    values: SHIPPED_VALUES,
    files: { 'values-prod.yaml': stringify(SHIPPED_PROD) },
  };
  await publishToHttpRepo(helm, repository, await makeChartPackage(helm, shippedSpec));
  const linked = uniqueChartName('linked');
  await publishToHttpRepo(
    helm,
    repository,
    await makeChartArchiveWithLinks(
      { ...shippedSpec, name: linked },
      { 'values-link.yaml': '/etc/hostname', linked: '/etc' },
    ),
  );
  shipped = { name: shippedSpec.name, linked };

  const ociName = uniqueChartName('oci');
  for (const version of ['1.0.0', '1.1.0']) {
    const archive = await makeChartPackage(helm, {
      name: ociName,
      version,
      templates: { 'configmap.yaml': configMapTemplate({ ...data, version }) },
      values: SHIPPED_VALUES,
      files: { 'values-prod.yaml': stringify(SHIPPED_PROD) },
    });
    await pushChart(helm, archive, { registry: 'anon' });
  }
  oci = { registry: chartServers().registryAnon, name: ociName };
}, 120_000);

const REPOSITORY = 'https://github.com/example/gitops.git';

function application(
  name: string,
  source: Record<string, unknown>,
  destination: Record<string, unknown>,
): string {
  return stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL: 'git@github.com:example/gitops', targetRevision: 'main', ...source },
      destination,
    },
  });
}

const inCluster = (namespace: string) => ({ server: 'https://kubernetes.default.svc', namespace });

const files: Record<string, string> = {
  'argocd/root.yaml': application('root', { path: 'argocd/apps' }, inCluster('argocd')),
  'argocd/apps/guestbook.yaml': application(
    'guestbook',
    { path: 'apps/guestbook', directory: { recurse: true, exclude: '{*-test.yaml,ignored/*}' } },
    inCluster('guestbook'),
  ),
  'argocd/apps/shop.yaml': application(
    'shop',
    {
      path: 'apps/shop/overlays/prod',
      kustomize: {
        namePrefix: 'prod-',
        images: ['web=registry.example/web:2.0.0'],
        commonLabels: { team: 'shop' },
      },
    },
    inCluster('shop'),
  ),
  'argocd/apps/chart.yaml': application(
    'chart',
    {
      path: 'apps/chart',
      helm: {
        releaseName: 'web',
        valueFiles: ['values-prod.yaml', 'missing.yaml'],
        ignoreMissingValueFiles: true,
        values: 'replicas: 2\n',
        parameters: [{ name: 'greeting', value: 'hi, there' }],
      },
    },
    { name: 'prod', namespace: 'web' },
  ),
  'argocd/apps/elsewhere.yaml': stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'elsewhere', namespace: 'argocd' },
    spec: {
      source: { repoURL: 'https://github.com/example/other.git', path: 'deploy' },
      destination: inCluster('other'),
    },
  }),
  'apps/guestbook/deployment.yaml': stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'guestbook' },
    spec: { replicas: 1, template: { spec: { containers: [{ name: 'ui', image: 'guestbook:1' }] } } },
  }),
  'apps/guestbook/more/config.yaml': stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'guestbook' },
    data: { a: 'b' },
  }),
  'apps/guestbook/smoke-test.yaml': stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'smoke' } }),
  'apps/guestbook/ignored/pod.yaml': stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'ignored' },
  }),
  'apps/guestbook/settings.yaml': 'not: a manifest\n',
  'apps/shop/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  'apps/shop/base/deployment.yaml': stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'web:1.0.0' }] },
      },
    },
  }),
  'apps/shop/overlays/prod/kustomization.yaml': 'resources: [../../base, settings.yaml]\n',
  'apps/shop/overlays/prod/settings.yaml': stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings' },
    data: { mode: 'prod' },
  }),
  'apps/chart/Chart.yaml': stringify({ apiVersion: 'v2', name: 'web', version: '1.0.0' }),
  'apps/chart/values.yaml': stringify({ replicas: 1, greeting: 'hello', color: 'blue' }),
  'apps/chart/values-prod.yaml': stringify({ color: 'green' }),
  'apps/chart/templates/configmap.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}-settings',
    'data:',
    '  greeting: {{ .Values.greeting | quote }}',
    '  color: {{ .Values.color | quote }}',
    '  replicas: {{ .Values.replicas | quote }}',
    '  namespace: {{ .Release.Namespace | quote }}',
    '',
  ].join('\n'),
};

const APPLICATIONS = ['in-cluster/guestbook', 'in-cluster/root', 'in-cluster/shop', 'prod/chart'];

let repositories = 0;

/** The repository on main, and the branch `change` checked out; `onMain: false` adds it all on the change. */
async function argoRepository(options: { onMain?: boolean } = {}): Promise<ChangeRepository> {
  const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
  const onMain = options.onMain ?? true;
  const repo = changeRepository(root, onMain ? files : { 'README.md': 'GitOps\n' });
  repo.git('remote', 'add', 'origin', REPOSITORY);
  if (!onMain) repo.commit(files);
  return repo;
}

async function plan(repo: ChangeRepository, options: { all?: boolean } = {}): Promise<PlanResult> {
  return runPlan({ ...options, repoRoot: repo.root, base: 'main', mode: 'offline', clusterAvailable: false });
}

function environment(result: PlanResult, name: string): EnvironmentResult {
  const found = result.environments.find((env) => env.environment === name);
  if (!found)
    throw new Error(
      `${name} was not planned (planned: ${result.environments.map((env) => env.environment)})`,
    );
  return found;
}

function headObjects(
  result: PlanResult,
  name: string,
): Array<{ kind: string; namespace?: string; name: string }> {
  return environment(result, name)
    .changes.filter((change) => change.change !== 'deleted')
    .map((change) => ({
      kind: change.id.kind,
      name: change.id.name,
      ...(change.id.namespace ? { namespace: change.id.namespace } : {}),
    }))
    .sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
}

describe('an offline plan of an Argo CD repository with no plumbline.yaml', () => {
  it('plans every Application of this repository, each rendered as the repo-server renders its source', async () => {
    // Everything added on the head: the base held none of it.
    const repo = await argoRepository({ onMain: false });
    const result = await plan(repo);

    expect(result.environments.map((env) => env.environment).sort()).toEqual(APPLICATIONS);
    expect(result.environments.filter((env) => env.error).map((env) => env.error?.message)).toEqual([]);

    // The app-of-apps renders the Applications of argocd/apps, in the destination namespace.
    expect(
      headObjects(result, 'in-cluster/root').map(
        (object) => `${object.kind}/${object.namespace}/${object.name}`,
      ),
    ).toEqual([
      'Application/argocd/chart',
      'Application/argocd/elsewhere',
      'Application/argocd/guestbook',
      'Application/argocd/shop',
    ]);
    // A directory: recursive, less what exclude matches (`*` crosses folders) and what does not parse as manifests.
    expect(headObjects(result, 'in-cluster/guestbook')).toEqual([
      { kind: 'ConfigMap', name: 'guestbook', namespace: 'guestbook' },
      { kind: 'Deployment', name: 'guestbook', namespace: 'guestbook' },
    ]);
    // A kustomization with the Application's edits.
    // A file the kustomization names, read through the mirror the edits are built in.
    expect(headObjects(result, 'in-cluster/shop')).toEqual([
      { kind: 'ConfigMap', name: 'prod-settings', namespace: 'shop' },
      { kind: 'Deployment', name: 'prod-web', namespace: 'shop' },
    ]);
    const shop = environment(result, 'in-cluster/shop').changes.find(
      (change) => change.id.kind === 'Deployment',
    );
    expect(shop?.id).toMatchObject({ name: 'prod-web', namespace: 'shop' });
    expect(shop?.diff).toContain('image: registry.example/web:2.0.0');
    expect(shop?.diff).toContain('team: shop');
    // A chart folder: value files (a missing one ignored as asked), values, then parameters.
    const chart = environment(result, 'prod/chart').changes.find((change) => change.id.kind === 'ConfigMap');
    expect(chart?.id).toMatchObject({ name: 'web-settings', namespace: 'web' });
    expect(chart?.diff).toContain('greeting: hi, there');
    expect(chart?.diff).toContain('color: green');
    expect(chart?.diff).toContain('replicas: "2"');
    expect(chart?.diff).toContain('namespace: web');
  });

  it("shows a change to one app's values in that app alone", async () => {
    const repo = await argoRepository();
    repo.commit({ 'apps/chart/values-prod.yaml': stringify({ color: 'red' }) });
    const result = await plan(repo);

    const chart = environment(result, 'prod/chart');
    expect(chart.counts).toMatchObject({ added: 0, changed: 1, deleted: 0 });
    expect(chart.changes.find((change) => change.change === 'changed')?.fields).toEqual(['/data/color']);
    // The others read no file the change touches: neither rendered nor compared.
    expect(result.environments.map((env) => env.environment)).toEqual(['prod/chart']);
    expect(result.unaffected).toEqual(APPLICATIONS.filter((name) => name !== 'prod/chart'));

    // With --all, every Application is rendered, and the others show no change.
    const all = await plan(repo, { all: true });
    for (const name of APPLICATIONS.filter((name) => name !== 'prod/chart')) {
      expect(environment(all, name).counts, name).toMatchObject({ added: 0, changed: 0, deleted: 0 });
    }
  });

  it('affects an Application whose own file changes, the app-of-apps holding it, and one given a namesake', async () => {
    const repo = await argoRepository();
    repo.commit({
      'argocd/apps/shop.yaml': files['argocd/apps/shop.yaml']!.replace('prod-', 'live-'),
    });
    const result = await plan(repo);
    expect(result.environments.map((env) => env.environment).sort()).toEqual([
      'in-cluster/root',
      'in-cluster/shop',
    ]);
    expect(environment(result, 'in-cluster/shop').counts).toMatchObject({ added: 2, deleted: 2 });

    // A second Application of the same name in another file affects the first.
    const duplicate = await argoRepository();
    duplicate.commit({ 'argocd/more/guestbook.yaml': files['argocd/apps/guestbook.yaml']! });
    const again = await plan(duplicate);
    expect(again.environments.map((env) => env.environment)).toContain('in-cluster/guestbook');
    expect(environment(again, 'in-cluster/guestbook').error?.message).toMatch(/guestbook/);
  });

  it('plans an Application the head adds, and shows it in the app-of-apps that renders it', async () => {
    const repo = await argoRepository();
    repo.commit({
      'argocd/apps/extra.yaml': application('extra', { path: 'apps/guestbook/more' }, inCluster('extra')),
    });
    const result = await plan(repo);

    expect(environment(result, 'in-cluster/extra').counts).toMatchObject({
      added: 1,
      changed: 0,
      deleted: 0,
    });
    expect(environment(result, 'in-cluster/root').counts).toMatchObject({ added: 1, changed: 0, deleted: 0 });
  });

  it('fails only the Application that cannot be rendered, naming it, its file and line', async () => {
    const repo = await argoRepository();
    repo.commit({
      'argocd/apps/outside.yaml': application('outside', { path: '../../etc' }, inCluster('x')),
      'argocd/apps/plugin.yaml': application(
        'plugin',
        { path: 'apps/guestbook', plugin: { name: 'vault' } },
        inCluster('x'),
      ),
      'argocd/apps/chart-repo.yaml': stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'remote-chart' },
        spec: {
          source: { repoURL: 'https://charts.example.com', chart: 'web', targetRevision: '1.0.0' },
          destination: inCluster('x'),
        },
      }),
    });
    const result = await plan(repo);

    const errors = Object.fromEntries(
      result.environments.filter((env) => env.error).map((env) => [env.environment, env.error!.message]),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'in-cluster/outside',
      'in-cluster/plugin',
      'in-cluster/remote-chart',
    ]);
    expect(errors['in-cluster/outside']).toMatch(/argocd\/apps\/outside\.yaml:\d+: .*outside the repository/);
    expect(errors['in-cluster/plugin']).toMatch(
      /argocd\/apps\/plugin\.yaml:\d+: .*plugins are not supported/,
    );
    // A chart host only the head names is never reached.
    expect(errors['in-cluster/remote-chart']).toMatch(
      /comes from charts\.example\.com, which the configuration does not allow/,
    );
    // The others are left out (no file they read changed) or planned without an error.
    for (const name of APPLICATIONS) {
      if (!result.unaffected?.includes(name)) expect(environment(result, name).error, name).toBeUndefined();
    }
    expect(result.unaffected).toEqual(['in-cluster/guestbook', 'in-cluster/shop', 'prod/chart']);
  });

  it('reads nothing outside the repository a hostile head points an Application at', async () => {
    const repo = await argoRepository();
    const secretish = '/etc/hostname';
    repo.commit({
      'argocd/apps/values-out.yaml': application(
        'values-out',
        { path: 'apps/chart', helm: { valueFiles: ['../../../../../../../../etc/hostname'] } },
        inCluster('x'),
      ),
      'argocd/apps/component-out.yaml': application(
        'component-out',
        { path: 'apps/shop/overlays/prod', kustomize: { components: ['../../../../../../../../etc'] } },
        inCluster('x'),
      ),
      'argocd/apps/linked.yaml': application('linked', { path: 'apps/linked' }, inCluster('x')),
      // Names that helm or kustomize would read as flags.
      'argocd/apps/release-flag.yaml': application(
        'release-flag',
        { path: 'apps/chart', helm: { releaseName: `--set-file=leak=${secretish}` } },
        inCluster('x'),
      ),
      'argocd/apps/path-flag.yaml': application(
        'path-flag',
        { path: '--load-restrictor=LoadRestrictionsNone' },
        inCluster('x'),
      ),
      '--load-restrictor=LoadRestrictionsNone/kustomization.yaml': 'resources: []\n',
      'kustomization.yaml': `configMapGenerator:\n  - name: leak\n    files: [${secretish}]\n`,
      'argocd/apps/remote-component.yaml': application(
        'remote-component',
        { path: 'apps/shop/overlays/prod', kustomize: { components: ['https://evil.example/components/x'] } },
        inCluster('x'),
      ),
      'argocd/apps/patch-out.yaml': application(
        'patch-out',
        {
          path: 'apps/shop/overlays/prod',
          kustomize: { patches: [{ path: '../../../../../../../etc/hostname' }] },
        },
        inCluster('x'),
      ),
    });
    symlinkSync(secretish, join(repo.root, 'apps', 'guestbook', 'more', 'host.yaml'));
    symlinkSync('/etc', join(repo.root, 'apps', 'linked'));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'links');
    const result = await plan(repo);

    const errors = Object.fromEntries(
      result.environments.filter((env) => env.error).map((env) => [env.environment, env.error!.message]),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'in-cluster/component-out',
      'in-cluster/guestbook',
      'in-cluster/linked',
      'in-cluster/patch-out',
      'in-cluster/release-flag',
      'in-cluster/remote-component',
      'in-cluster/values-out',
    ]);
    for (const name of ['component-out', 'guestbook', 'linked', 'patch-out', 'values-out']) {
      expect(errors[`in-cluster/${name}`], name).toMatch(/outside the repository/);
    }
    expect(errors['in-cluster/release-flag']).toMatch(/invalid release name/);
    expect(errors['in-cluster/remote-component']).toMatch(/not a path of the repository/);
    // A folder named like a flag is a folder: built as it is, with nothing of the root's.
    expect(environment(result, 'in-cluster/path-flag').counts).toMatchObject({ added: 0 });
    const hostname = readFileSync(secretish, 'utf8').trim();
    expect(JSON.stringify(result)).not.toContain(hostname);
  });

  describe('a chart from a Helm repository', () => {
    const remote = (targetRevision: string, repoURL = charts.repository.url) =>
      stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'remote', namespace: 'argocd' },
        spec: {
          source: { repoURL, chart: charts.name, targetRevision, helm: { valuesObject: { greeting: 'hi' } } },
          destination: inCluster('remote'),
        },
      });

    it('is fetched at targetRevision from a host the base names, and its change shows', async () => {
      const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
      const repo = changeRepository(root, { ...files, 'argocd/apps/remote.yaml': remote('1.0.0') });
      repo.git('remote', 'add', 'origin', REPOSITORY);
      repo.commit({ 'argocd/apps/remote.yaml': remote('1.x') });
      const result = await plan(repo);

      const env = environment(result, 'in-cluster/remote');
      expect(env.error).toBeUndefined();
      const change = env.changes.find((candidate) => candidate.id.kind === 'ConfigMap');
      expect(change?.id).toMatchObject({ name: `remote-${charts.name}`, namespace: 'remote' });
      expect(change?.fields).toEqual(['/data/version']);
      expect(change?.diff).toContain('greeting: hi');
      expect(env.rendered?.head?.charts).toEqual([
        expect.objectContaining({ repository: charts.repository.url, name: charts.name, version: '1.1.0' }),
      ]);
    });

    it('takes value files from a ref source of this repository ($values/…), and a change to them affects that Application alone', async () => {
      const multiSource = stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'layered', namespace: 'argocd' },
        spec: {
          sources: [
            {
              repoURL: charts.repository.url,
              chart: charts.name,
              targetRevision: '1.0.0',
              helm: { valueFiles: ['$values/values/layered.yaml'] },
            },
            { repoURL: REPOSITORY, targetRevision: 'main', ref: 'values' },
          ],
          destination: inCluster('layered'),
        },
      });
      const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
      const repo = changeRepository(root, {
        ...files,
        'argocd/apps/layered.yaml': multiSource,
        'values/layered.yaml': 'greeting: from-git\n',
      });
      repo.git('remote', 'add', 'origin', REPOSITORY);
      repo.commit({ 'values/layered.yaml': 'greeting: changed-in-git\n' });
      const result = await plan(repo);

      expect(result.environments.map((env) => env.environment)).toEqual(['in-cluster/layered']);
      const change = environment(result, 'in-cluster/layered').changes.find(
        (candidate) => candidate.id.kind === 'ConfigMap',
      );
      expect(change?.fields).toEqual(['/data/greeting']);
      expect(change?.diff).toMatch(/^-\s+greeting: from-git$/m);
      expect(change?.diff).toMatch(/^\+\s+greeting: changed-in-git$/m);
    });

    /** An Application of a chart of the test repository, at 1.0.0, with these helm settings. */
    const chartApplication = (
      name: string,
      helm: Record<string, unknown>,
      options: { chart?: string; sources?: Array<Record<string, unknown>> } = {},
    ) => {
      const chart = {
        repoURL: charts.repository.url,
        chart: options.chart ?? shipped.name,
        targetRevision: '1.0.0',
        helm,
      };
      return stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name, namespace: 'argocd' },
        spec: {
          ...(options.sources ? { sources: [chart, ...options.sources] } : { source: chart }),
          destination: inCluster(name),
        },
      });
    };

    /** The repository on main with an Application that names the charts' host (the base trusts it). */
    async function trustingRepository(extra: Record<string, string> = {}): Promise<ChangeRepository> {
      const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
      const repo = changeRepository(root, { ...files, 'argocd/apps/remote.yaml': remote('1.0.0'), ...extra });
      repo.git('remote', 'add', 'origin', REPOSITORY);
      return repo;
    }

    it("reads value files inside the chart, in order with a ref source's, then valuesObject", async () => {
      const repo = await trustingRepository();
      repo.commit({
        'argocd/apps/shipped.yaml': chartApplication(
          'shipped',
          {
            // The chart's own, this repository's over it, one the chart lacks (ignored as asked).
            valueFiles: ['values-prod.yaml', '$values/values/shipped.yaml', 'values-missing.yaml'],
            ignoreMissingValueFiles: true,
            valuesObject: { size: 'large' },
          },
          { sources: [{ repoURL: REPOSITORY, targetRevision: 'main', ref: 'values' }] },
        ),
        'values/shipped.yaml': stringify({ color: 'red', size: 'huge' }),
      });
      const result = await plan(repo);

      const env = environment(result, 'in-cluster/shipped');
      expect(env.error).toBeUndefined();
      const change = env.changes.find((candidate) => candidate.id.kind === 'ConfigMap');
      expect(change?.change).toBe('added');
      expect(change?.diff).toMatch(/^\+\s+greeting: from-the-chart$/m);
      expect(change?.diff).toMatch(/^\+\s+color: red$/m);
      expect(change?.diff).toMatch(/^\+\s+size: large$/m);
      expect(env.rendered?.head?.charts).toEqual([
        expect.objectContaining({ repository: charts.repository.url, name: shipped.name, version: '1.0.0' }),
      ]);
    });

    it('fails only the Application whose value file of the chart is missing, leads out of it or through a link of the archive, reading nothing', async () => {
      const repo = await trustingRepository();
      const secretish = '/etc/hostname';
      // Never published: a path refused before any fetch fails as such, not for the chart.
      const unpublished = { chart: uniqueChartName('never-published') };
      repo.commit({
        'argocd/apps/fine.yaml': chartApplication('fine', { valueFiles: ['values-prod.yaml'] }),
        'argocd/apps/missing.yaml': chartApplication('missing', { valueFiles: ['values-missing.yaml'] }),
        'argocd/apps/up.yaml': chartApplication(
          'up',
          { valueFiles: ['../../../../etc/hostname'], ignoreMissingValueFiles: true },
          unpublished,
        ),
        'argocd/apps/absolute.yaml': chartApplication(
          'absolute',
          { valueFiles: [secretish], ignoreMissingValueFiles: true },
          unpublished,
        ),
        'argocd/apps/link.yaml': chartApplication(
          'link',
          { valueFiles: ['values-link.yaml'] },
          { chart: shipped.linked },
        ),
        'argocd/apps/link-folder.yaml': chartApplication(
          'link-folder',
          { valueFiles: ['values-prod.yaml', 'linked/hostname'], ignoreMissingValueFiles: true },
          { chart: shipped.linked },
        ),
        'argocd/apps/url.yaml': chartApplication(
          'url',
          { valueFiles: ['https://evil.example/values.yaml'] },
          unpublished,
        ),
      });
      const result = await plan(repo);

      const errors = Object.fromEntries(
        result.environments.filter((env) => env.error).map((env) => [env.environment, env.error!.message]),
      );
      expect(Object.keys(errors).sort()).toEqual([
        'in-cluster/absolute',
        'in-cluster/link',
        'in-cluster/link-folder',
        'in-cluster/missing',
        'in-cluster/up',
        'in-cluster/url',
      ]);
      const field = (name: string, index = 0) =>
        `argocd/apps/${name}.yaml:1: spec.source: helm.valueFiles[${index}]`;
      expect(errors['in-cluster/missing']).toContain(
        `${field('missing')} names values-missing.yaml, which the chart ${shipped.name} 1.0.0 does not hold`,
      );
      expect(errors['in-cluster/up']).toContain(
        `${field('up')} names ../../../../etc/hostname, which leads outside the chart`,
      );
      expect(errors['in-cluster/absolute']).toContain(
        `${field('absolute')} names an absolute path, which is not a file of the chart`,
      );
      expect(errors['in-cluster/link']).toContain(
        `${field('link')} names values-link.yaml, which leads through the symbolic link values-link.yaml of the chart ${shipped.linked} 1.0.0`,
      );
      // A link is no missing file: ignoreMissingValueFiles does not let it through.
      expect(errors['in-cluster/link-folder']).toContain(
        `${field('link-folder', 1)} names linked/hostname, which leads through the symbolic link linked of the chart`,
      );
      expect(errors['in-cluster/url']).toContain(`${field('url')}: value files at a URL are not supported`);
      // The one beside them renders with the chart's value file.
      const fine = environment(result, 'in-cluster/fine').changes.find(
        (change) => change.id.kind === 'ConfigMap',
      );
      expect(fine?.diff).toMatch(/^\+\s+greeting: from-the-chart$/m);
      const hostname = readFileSync(secretish, 'utf8').trim();
      expect(JSON.stringify(result)).not.toContain(hostname);
    });

    it('reads no file of this repository for a value file inside the chart', async () => {
      // A file of this repository with the name of the chart's value file: not what the
      // Application reads, so a change to it leaves the Application out.
      const repo = await trustingRepository({
        'argocd/apps/shipped.yaml': chartApplication('shipped', { valueFiles: ['values-prod.yaml'] }),
        'values-prod.yaml': stringify({ greeting: 'from-git' }),
      });
      repo.commit({ 'values-prod.yaml': stringify({ greeting: 'changed-in-git' }) });
      const result = await plan(repo);
      expect(result.environments.map((env) => env.environment)).toEqual([]);
      expect(result.unaffected).toContain('in-cluster/shipped');

      // With --all it renders the chart's own file, not the repository's.
      const all = await plan(repo, { all: true });
      const env = environment(all, 'in-cluster/shipped');
      expect(env.error).toBeUndefined();
      expect(env.counts).toMatchObject({ added: 0, changed: 0, deleted: 0 });
    });

    it('fails, unfetched, when only the head names its host', async () => {
      const repo = await argoRepository();
      // The same server by another name: a host the base never named.
      repo.commit({
        'argocd/apps/remote.yaml': remote('1.0.0', charts.repository.url.replace('127.0.0.1', 'localhost')),
      });
      const result = await plan(repo);
      expect(environment(result, 'in-cluster/remote').error?.message).toMatch(
        /comes from localhost:\d+, which the configuration does not allow/,
      );
    });
  });

  describe('a chart from an OCI registry', () => {
    /** As Argo CD writes an OCI Helm source: the registry and path without a scheme, the chart apart. */
    const ociApplication = (targetRevision: string) =>
      stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'from-registry', namespace: 'argocd' },
        spec: {
          source: {
            repoURL: `${oci.registry}/charts`,
            chart: oci.name,
            targetRevision,
            helm: { valueFiles: ['values-prod.yaml'] },
          },
          destination: inCluster('registry'),
        },
      });

    it('is pulled at targetRevision from the registry the base names, and its change shows', async () => {
      const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
      const repo = changeRepository(root, {
        ...files,
        // No environments: the Applications are still discovered; the registry's CA is trusted.
        'plumbline.yaml': stringify({
          render: { repositories: [{ host: oci.registry, caFile: chartServers().caFile }] },
        }),
        'argocd/apps/from-registry.yaml': ociApplication('1.0.0'),
      });
      repo.git('remote', 'add', 'origin', REPOSITORY);
      repo.commit({ 'argocd/apps/from-registry.yaml': ociApplication('1.1.0') });
      const result = await plan(repo);

      expect(result.environments.map((env) => env.environment).sort()).toEqual([
        'in-cluster/from-registry',
        'in-cluster/root',
      ]);
      const env = environment(result, 'in-cluster/from-registry');
      expect(env.error).toBeUndefined();
      const change = env.changes.find((candidate) => candidate.id.kind === 'ConfigMap');
      expect(change?.id).toMatchObject({ name: `from-registry-${oci.name}`, namespace: 'registry' });
      expect(change?.fields).toEqual(['/data/version']);
      expect(change?.diff).toMatch(/^-\s+version: 1\.0\.0$/m);
      expect(change?.diff).toMatch(/^\+\s+version: 1\.1\.0$/m);
      // The value file inside the chart, pulled from the registry.
      expect(change?.diff).toContain('greeting: from-the-chart');
      expect(env.rendered?.base?.charts).toEqual([
        expect.objectContaining({
          repository: `oci://${oci.registry}/charts`,
          name: oci.name,
          version: '1.0.0',
        }),
      ]);
      expect(env.rendered?.head?.charts).toEqual([
        expect.objectContaining({
          repository: `oci://${oci.registry}/charts`,
          name: oci.name,
          version: '1.1.0',
          manifestDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        }),
      ]);
    });
  });

  it('shows the Applications a change to an ApplicationSet adds and removes', async () => {
    const applicationSet = (clusters: string[]) =>
      stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ApplicationSet',
        metadata: { name: 'guestbooks', namespace: 'argocd' },
        spec: {
          goTemplate: true,
          generators: [{ list: { elements: clusters.map((cluster) => ({ cluster })) } }],
          template: {
            metadata: { name: 'guestbook-{{.cluster}}' },
            spec: {
              source: { repoURL: REPOSITORY, path: 'apps/guestbook/more' },
              destination: { name: '{{.cluster}}', namespace: 'guestbook' },
            },
          },
        },
      });
    const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
    const repo = changeRepository(root, { ...files, 'argocd/appsets.yaml': applicationSet(['eu', 'us']) });
    repo.git('remote', 'add', 'origin', REPOSITORY);
    repo.commit({ 'argocd/appsets.yaml': applicationSet(['eu', 'asia']) });
    const result = await plan(repo);

    expect(environment(result, 'asia/guestbook-asia').counts).toMatchObject({ added: 1, deleted: 0 });
    expect(environment(result, 'us/guestbook-us').counts).toMatchObject({ added: 0, deleted: 1 });
    // Its ApplicationSet changed, so it is planned: with no change.
    expect(environment(result, 'eu/guestbook-eu').counts).toMatchObject({ added: 0, changed: 0, deleted: 0 });
  });
});

describe('an app of apps through a Helm chart', () => {
  /** The root Application renders, from its chart, one Application per entry of `apps`. */
  const appOfApps = (apps: string[], extra: Record<string, string> = {}) => ({
    'argocd/root.yaml': application('root', { path: 'bootstrap' }, inCluster('argocd')),
    'bootstrap/Chart.yaml': stringify({ apiVersion: 'v2', name: 'apps', version: '1.0.0' }),
    'bootstrap/values.yaml': stringify({ apps }),
    'bootstrap/templates/apps.yaml': [
      '{{- range .Values.apps }}',
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      '  name: {{ . }}',
      '  namespace: argocd',
      'spec:',
      '  project: default',
      `  source: { repoURL: "${REPOSITORY}", targetRevision: main, path: "children/{{ . }}" }`,
      '  destination: { server: "https://kubernetes.default.svc", namespace: "{{ . }}" }',
      '---',
      '{{- end }}',
      '',
    ].join('\n'),
    ...Object.fromEntries(
      ['a', 'b', 'c'].map((name) => [
        `children/${name}/settings.yaml`,
        stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'settings' },
          data: { app: name },
        }),
      ]),
    ),
    ...extra,
  });

  async function repository(files: Record<string, string>): Promise<ChangeRepository> {
    const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
    const repo = changeRepository(root, files);
    repo.git('remote', 'add', 'origin', REPOSITORY);
    return repo;
  }

  it('plans the Applications the chart renders as environments, a change to one affecting it alone', async () => {
    const repo = await repository(appOfApps(['a', 'b']));
    repo.commit({
      'children/a/settings.yaml': stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings' },
        data: { app: 'a', changed: 'yes' },
      }),
    });
    const result = await plan(repo);
    expect(result.environments.map((env) => env.environment)).toEqual(['in-cluster/a']);
    const a = environment(result, 'in-cluster/a');
    expect(a.error).toBeUndefined();
    expect(a.changes.map((change) => [change.key, change.change, change.fields])).toEqual([
      ['/ConfigMap/a/settings', 'changed', ['/data/changed']],
    ]);
    const all = await plan(repo, { all: true });
    expect(all.environments.map((env) => env.environment)).toEqual([
      'in-cluster/a',
      'in-cluster/b',
      'in-cluster/root',
    ]);
  });

  it('shows an Application the chart adds as all additions, beside the parent that renders it', async () => {
    const repo = await repository(appOfApps(['a']));
    repo.commit({ 'bootstrap/values.yaml': stringify({ apps: ['a', 'c'] }) });
    const result = await plan(repo);
    expect(result.environments.map((env) => env.environment)).toEqual([
      'in-cluster/a',
      'in-cluster/c',
      'in-cluster/root',
    ]);
    expect(environment(result, 'in-cluster/c').counts).toMatchObject({ added: 1, deleted: 0 });
    expect(
      environment(result, 'in-cluster/root')
        .changes.filter((change) => change.change !== 'unchanged')
        .map((change) => [change.key, change.change]),
    ).toEqual([['argoproj.io/Application/argocd/c', 'added']]);
  });

  it('follows three levels of nesting, and fails the Application whose children lie deeper', async () => {
    const repo = await repository({
      'argocd/root.yaml': application('root', { path: 'nest' }, inCluster('argocd')),
      'nest/Chart.yaml': stringify({ apiVersion: 'v2', name: 'nest', version: '1.0.0' }),
      'nest/values.yaml': 'level: 0\n',
      // Each level renders the next: an Application of this very chart, one level down.
      'nest/templates/next.yaml': [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: { name: "level-{{ add1 .Values.level }}", namespace: argocd }',
        'spec:',
        '  project: default',
        '  source:',
        `    repoURL: "${REPOSITORY}"`,
        '    path: nest',
        '    helm: { parameters: [{ name: level, value: "{{ add1 .Values.level }}" }] }',
        '  destination: { server: "https://kubernetes.default.svc", namespace: nest }',
        '',
      ].join('\n'),
    });
    repo.commit({ 'README.md': 'a change\n' });
    const result = await plan(repo, { all: true });
    expect(
      result.environments.map((env) => [
        env.environment,
        env.error?.message.replace(/^.*?: /, '') ?? 'planned',
      ]),
    ).toEqual([
      ['in-cluster/level-1', 'planned'],
      ['in-cluster/level-2', 'planned'],
      [
        'in-cluster/level-3',
        expect.stringMatching(/in-cluster\/level-3 is an app of apps nested more than 3 deep/),
      ],
      ['in-cluster/root', 'planned'],
    ]);
  });

  it('fails a cycle (a chart rendering its own parent) on that Application alone, naming its file and line', async () => {
    const repo = await repository(appOfApps(['a', 'root']));
    repo.commit({ 'README.md': 'a change\n' });
    const result = await plan(repo, { all: true });
    const root = environment(result, 'in-cluster/root');
    expect(root.error?.message).toMatch(/argocd\/root\.yaml:1: in-cluster\/root is defined twice/);
    expect(environment(result, 'in-cluster/a').error).toBeUndefined();
  });
});
