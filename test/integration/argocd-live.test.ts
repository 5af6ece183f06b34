/**
 * Argo CD repositories planned live, and their drift, against the real control plane,
 * with Argo CD's own comparison rules: what Argo CD's server-side sync applied (under its
 * field manager, with its tracking annotation or label) plans to zero changes; a value
 * changed in Git shows as exactly that object; live edits of fields the Application's
 * ignoreDifferences cover (a JSON pointer, a jq path, the fields a manager owns) show
 * nothing; a tracked live object that Git no longer has shows as deleted unless Argo CD
 * would keep it.
 *
 * The environments are discovered (plumbline.yaml lists none); plumbline.yaml gives the
 * Argo CD cluster `in-cluster` its kubeconfig context (clusters.<context>.argocdCluster)
 * and names the repository's URL. Each test has a namespace and Application names of its
 * own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPlan } from '../../src/commands/plan.js';
import { loadConfig } from '../../src/config/load.js';
import type { EnvironmentResult } from '../../src/diff/model.js';
import { renderEnvironment } from '../../src/render/render.js';
import { resourceId } from '../../src/resource.js';
import { contextOf, freshNamespace, testKubeconfigPath, uniqueName } from '../support/cluster.js';
import { applyAs, useRenderTools } from '../support/flux-cluster.js';
import { writeRepository } from '../support/flux-repository.js';
import { driftRun, fakeGitHub, git, issues, kubectl } from './drift/helpers.js';

const REPOSITORY = 'https://git.example.test/platform/gitops.git';
const TRACKING = 'argocd.argoproj.io/tracking-id';
const INSTANCE_LABEL = 'app.kubernetes.io/instance';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-argocd-live-'));

useRenderTools();

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Fixture {
  root: string;
  namespace: string;
  /** The Applications' names, and their environments' (`in-cluster/<name>`). */
  web: string;
  chart: string;
}

const settings = (level: string) =>
  stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings' },
    data: { LOG_LEVEL: level, cache: 'warm' },
  });

/**
 * Two Applications of this repository on `in-cluster`, into `namespace`:
 * - `web`, a directory: a ConfigMap `settings` and a Deployment `api`; its
 *   ignoreDifferences cover Deployments' replicas (JSON pointer), the ConfigMap's
 *   `data.cache` (jq) and what the manager `injector` owns in ConfigMaps;
 * - `chart`, a chart folder: a ConfigMap `<release>-greeting`, and a ConfigMap hook.
 */
async function fixture(options: { tracking?: 'label' } = {}): Promise<Fixture> {
  const namespace = await freshNamespace('argocd-live');
  const web = uniqueName('web');
  const chart = uniqueName('chart');
  const application = (name: string, source: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
    stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name, namespace: 'argocd' },
      spec: {
        project: 'default',
        source: { repoURL: REPOSITORY, targetRevision: 'main', ...source },
        destination: { server: 'https://kubernetes.default.svc', namespace },
        ...spec,
      },
    });
  const files = {
    'plumbline.yaml': stringify({
      repositoryUrls: [REPOSITORY],
      clusters: { [contextOf('planner')]: { argocdCluster: 'in-cluster' } },
      drift: { after: 1 },
      ...(options.tracking ? { argocd: { trackingMethod: options.tracking } } : {}),
    }),
    'argocd/web.yaml': application(
      web,
      { path: 'apps/web' },
      {
        ignoreDifferences: [
          { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
          { kind: 'ConfigMap', name: 'settings', jqPathExpressions: ['.data.cache'] },
          { kind: 'ConfigMap', managedFieldsManagers: ['injector'] },
        ],
      },
    ),
    'argocd/chart.yaml': application(chart, { path: 'apps/chart', helm: { values: 'greeting: hello\n' } }),
    'apps/web/settings.yaml': settings('info'),
    'apps/web/api.yaml': stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: { containers: [{ name: 'api', image: 'registry.example/api:1.0.0' }] },
        },
      },
    }),
    'apps/chart/Chart.yaml': stringify({ apiVersion: 'v2', name: 'greeter', version: '1.0.0' }),
    'apps/chart/values.yaml': 'greeting: hi\n',
    'apps/chart/templates/greeting.yaml': [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-greeting',
      'data:',
      '  greeting: {{ .Values.greeting | quote }}',
      '',
    ].join('\n'),
    'apps/chart/templates/hook.yaml': [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-migrate',
      '  annotations:',
      '    helm.sh/hook: pre-install',
      'data:',
      '  step: migrate',
      '',
    ].join('\n'),
  };
  const root = await writeRepository(scratch, files);
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '.');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '--quiet', '-m', 'apps');
  return { root, namespace, web, chart };
}

/**
 * What Argo CD's server-side sync applies: the Application rendered, hooks left to the
 * sync's phases, each object marked with the tracking annotation (or label), applied under
 * Argo CD's field manager.
 */
async function applyAsArgoCd(
  root: string,
  application: string,
  tracking: 'annotation' | 'label' = 'annotation',
) {
  const config = await loadConfig(root);
  const env = config.environments.find((candidate) => candidate.name === `in-cluster/${application}`);
  if (!env) throw new Error(`${application} was not discovered: ${config.environments.map((e) => e.name)}`);
  const { resources } = await renderEnvironment(root, env, { settings: config.render });
  const objects = resources
    .filter((resource) => !resource.object.metadata.annotations?.['helm.sh/hook'])
    .map(({ object }) => {
      const { group, kind, namespace, name } = resourceId(object);
      const metadata =
        tracking === 'label'
          ? { ...object.metadata, labels: { ...object.metadata.labels, [INSTANCE_LABEL]: application } }
          : {
              ...object.metadata,
              annotations: {
                ...object.metadata.annotations,
                [TRACKING]: `${application}:${group}/${kind}:${namespace ?? ''}/${name}`,
              },
            };
      return { ...object, metadata };
    });
  applyAs('argocd-controller', objects);
}

async function planLive(fixture: Fixture, application: string): Promise<EnvironmentResult> {
  const result = await runPlan({
    repoRoot: fixture.root,
    mode: 'live',
    clusterAvailable: true,
    kubeconfigPath: testKubeconfigPath(),
    environments: [`in-cluster/${application}`],
  });
  expect(result.environments).toHaveLength(1);
  const [environment] = result.environments;
  expect(environment?.error).toBeUndefined();
  expect(environment?.comparedWith).toEqual({ kind: 'cluster', context: contextOf('planner') });
  return environment!;
}

const shown = (env: EnvironmentResult) =>
  Object.fromEntries(
    env.changes
      .filter((change) => change.change !== 'unchanged')
      .map((change) => [
        `${change.id.kind}/${change.id.name}`,
        `${change.change} ${change.fields.join(' ')}`.trim(),
      ]),
  );

function admin(...args: string[]): void {
  execFileSync('kubectl', ['--kubeconfig', testKubeconfigPath(), '--context', contextOf('admin'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('an Argo CD Application planned live', () => {
  it('plans to zero changes where Argo CD synced it, hooks left out', async () => {
    const argo = await fixture();
    await applyAsArgoCd(argo.root, argo.web);
    await applyAsArgoCd(argo.root, argo.chart);
    const web = await planLive(argo, argo.web);
    expect(shown(web)).toEqual({});
    expect(web.counts).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 2 });
    const chart = await planLive(argo, argo.chart);
    expect(shown(chart)).toEqual({});
    expect(chart.counts).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 1 });
  });

  it('shows a value changed in Git as exactly that object', async () => {
    const argo = await fixture();
    await applyAsArgoCd(argo.root, argo.web);
    writeFileSync(join(argo.root, 'apps/web/settings.yaml'), settings('debug'));
    expect(shown(await planLive(argo, argo.web))).toEqual({
      'ConfigMap/settings': 'changed /data/LOG_LEVEL',
    });
  });

  it('shows nothing for live edits of what ignoreDifferences covers, and the rest as changes', async () => {
    const argo = await fixture();
    await applyAsArgoCd(argo.root, argo.web);
    admin('-n', argo.namespace, 'scale', 'deployment/api', '--replicas=5');
    admin(
      '-n',
      argo.namespace,
      'patch',
      'configmap',
      'settings',
      '--type=merge',
      '-p',
      '{"data":{"cache":"cold"}}',
    );
    expect(shown(await planLive(argo, argo.web))).toEqual({});

    // A manager taking a field over: ignored for the manager ignoreDifferences names.
    applyAs('injector', [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: argo.namespace },
        data: { LOG_LEVEL: 'trace' },
      },
    ]);
    expect(shown(await planLive(argo, argo.web))).toEqual({});
    applyAs('someone-else', [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: argo.namespace },
        data: { LOG_LEVEL: 'warn' },
      },
    ]);
    expect(shown(await planLive(argo, argo.web))).toEqual({
      'ConfigMap/settings': 'changed /data/LOG_LEVEL',
    });
  });

  it('shows a tracked object Git no longer has as deleted, unless Argo CD would keep it', async () => {
    const argo = await fixture();
    await applyAsArgoCd(argo.root, argo.web);
    const leftover = (name: string, annotations: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: argo.namespace, annotations },
      data: { a: '1' },
    });
    const id = (name: string) => `${argo.web}:/ConfigMap:${argo.namespace}/${name}`;
    applyAs('argocd-controller', [
      leftover('leftover', { [TRACKING]: id('leftover') }),
      leftover('kept', { [TRACKING]: id('kept'), 'argocd.argoproj.io/sync-options': 'Prune=false' }),
      leftover('copied', { [TRACKING]: id('leftover') }),
      leftover('other-app', { [TRACKING]: `${argo.chart}:/ConfigMap:${argo.namespace}/other-app` }),
    ]);
    expect(shown(await planLive(argo, argo.web))).toEqual({ 'ConfigMap/leftover': 'deleted' });
  });

  it('finds tracked objects by the instance label with label tracking', async () => {
    const argo = await fixture({ tracking: 'label' });
    await applyAsArgoCd(argo.root, argo.web, 'label');
    expect(shown(await planLive(argo, argo.web))).toEqual({});
    applyAs('argocd-controller', [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'leftover', namespace: argo.namespace, labels: { [INSTANCE_LABEL]: argo.web } },
        data: { a: '1' },
      },
    ]);
    expect(shown(await planLive(argo, argo.web))).toEqual({ 'ConfigMap/leftover': 'deleted' });
  });
});

describe('an Argo CD Application a change removes or turns into hooks', () => {
  async function planChange(fixture: Fixture, change: () => void): Promise<EnvironmentResult> {
    git(fixture.root, 'checkout', '--quiet', '-b', 'change');
    change();
    git(fixture.root, 'add', '-A');
    git(
      fixture.root,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.test',
      'commit',
      '--quiet',
      '-m',
      'change',
    );
    const result = await runPlan({
      repoRoot: fixture.root,
      mode: 'live',
      base: 'main',
      clusterAvailable: true,
      kubeconfigPath: testKubeconfigPath(),
      environments: [`in-cluster/${fixture.web}`],
    });
    const [environment] = result.environments;
    expect(environment?.error).toBeUndefined();
    return environment!;
  }

  it('shows everything the removed Application tracked as deleted', async () => {
    const argo = await fixture();
    await applyAsArgoCd(argo.root, argo.web);
    const environment = await planChange(argo, () => rmSync(join(argo.root, 'argocd/web.yaml')));
    expect(shown(environment)).toEqual({ 'ConfigMap/settings': 'deleted', 'Deployment/api': 'deleted' });
  });

  it('compares objects the change calls hooks, where its own rules do not apply', async () => {
    const argo = await fixture();
    await applyAsArgoCd(argo.root, argo.web);
    const environment = await planChange(argo, () => {
      const hook = stringify({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'escalate', annotations: { 'argocd.argoproj.io/hook': 'PostSync' } },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: argo.namespace }],
      });
      writeFileSync(join(argo.root, 'apps/web/escalate.yaml'), hook);
    });
    expect(shown(environment)).toEqual({ 'RoleBinding/escalate': 'added' });
  });
});

describe('drift of an Argo CD Application', () => {
  it('opens one issue for a live edit Argo CD would revert, none for what it ignores, and closes it on convergence', async () => {
    const argo = await fixture();
    const github = await fakeGitHub();
    const environment = `in-cluster/${argo.web}`;
    const run = async () => {
      const result = await driftRun(github, argo.root, { environments: [environment] });
      expect(result.environments).toHaveLength(1);
      const [outcome] = result.environments;
      expect(outcome!.drift.error).toBeUndefined();
      expect(outcome!.issueError).toBeUndefined();
      return outcome!;
    };
    const drifted = (outcome: Awaited<ReturnType<typeof run>>) =>
      outcome.drift.objects.map((object) => ({
        kind: object.kind,
        key: object.key,
        fields: object.fields.map((field) => field.pointer),
      }));
    await applyAsArgoCd(argo.root, argo.web);

    const clean = await run();
    expect(drifted(clean)).toEqual([]);
    expect(clean.drift.inSync).toBe(2);
    expect(issues(github)).toHaveLength(0);

    // ignoreDifferences: replicas and data.cache.
    kubectl('-n', argo.namespace, 'scale', 'deployment/api', '--replicas=5');
    kubectl(
      '-n',
      argo.namespace,
      'patch',
      'configmap',
      'settings',
      '--type=merge',
      '-p',
      '{"data":{"cache":"cold"}}',
    );
    expect(drifted(await run())).toEqual([]);
    expect(issues(github)).toHaveLength(0);

    kubectl(
      '-n',
      argo.namespace,
      'patch',
      'configmap',
      'settings',
      '--type=merge',
      '-p',
      '{"data":{"LOG_LEVEL":"trace"}}',
    );
    const edited = await run();
    expect(drifted(edited)).toEqual([
      { kind: 'differs', key: `/ConfigMap/${argo.namespace}/settings`, fields: ['/data/LOG_LEVEL'] },
    ]);
    expect(issues(github)).toHaveLength(1);
    expect(issues(github)[0]).toMatchObject({
      state: 'open',
      title: `Drift: ${environment} differs from Git`,
    });

    await applyAsArgoCd(argo.root, argo.web);
    const converged = await run();
    expect(drifted(converged)).toEqual([]);
    expect(converged.issue).toMatchObject({ status: 'converged', open: false });
    expect(issues(github)[0]!.state).toBe('closed');
    expect(github.violations).toEqual([]);
  });
});
