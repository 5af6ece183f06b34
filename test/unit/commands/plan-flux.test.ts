/**
 * An offline plan of a Flux repository with no plumbline.yaml: its environments are the
 * Flux Kustomizations of its clusters (discovered on both sides), each rendered at the merge
 * base and at the head as Flux's controllers would apply it, with charts from the real chart
 * servers. The chart hosts the base's HelmRepositories and OCIRepositories name are trusted
 * as the base is; a host only the head names is not, and is never reached.
 *
 * The repository is test/support/flux-repository.ts's fleet (clusters production and
 * staging, infrastructure and apps). Its OCI registry uses the test CA, which a plan with no
 * plumbline.yaml has no render.repositories entry for: this file's process trusts the CA
 * for the run, as a runner whose trust store holds a registry's CA would.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPlan } from '../../../src/commands/plan.js';
import type { EnvironmentResult, PlanResult } from '../../../src/diff/model.js';
import { type ChangeRepository, changeRepository } from '../../support/change-repository.js';
import { chartServers, watchAccessLog } from '../../support/chart-servers.js';
import type { HttpRepo } from '../../support/charts.js';
import {
  type FluxFixture,
  fluxFixture,
  fluxHelmRepository,
  fluxKustomization,
  fluxProductionPatch,
  lines,
  publishFluxAppChartElsewhere,
} from '../../support/flux-repository.js';
import { toolPath } from '../../support/tools.js';

const scratch = await mkdtemp(join(tmpdir(), 'plumbline-plan-flux-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The environments discovery finds in the fleet. */
const FLEET = [
  'production/flux-system/apps',
  'production/flux-system/flux-system',
  'production/flux-system/infra-controllers',
  'staging/flux-system/apps',
  'staging/flux-system/flux-system',
  'staging/flux-system/infra-controllers',
];

let fixture: FluxFixture;
/** The app chart again, in a Helm repository folder of its own (requests to it are told apart). */
let elsewhere: HttpRepo;
const agentCa = https.globalAgent.options.ca;

beforeAll(async () => {
  // The renderers, as a runner has them (the plan finds them by these variables, else on PATH).
  process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
  process.env.PLUMBLINE_HELM = toolPath('helm');
  fixture = await fluxFixture();
  elsewhere = await publishFluxAppChartElsewhere(fixture.charts);
  // Node's roots and the test CA, for every HTTPS request without a CA of its own.
  https.globalAgent.options.ca = [...tls.rootCertificates, readFileSync(chartServers().caFile, 'utf8')];
}, 120_000);
afterAll(() => {
  https.globalAgent.options.ca = agentCa;
});

let repositories = 0;

/** The fleet on main, and the branch `change` checked out. */
async function fleetRepository(): Promise<ChangeRepository> {
  const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
  return changeRepository(root, fixture.files);
}

/** An offline plan against main, with a chart cache of its own (every chart is fetched). */
async function plan(repo: ChangeRepository, options: { all?: boolean } = {}): Promise<PlanResult> {
  return runPlan({
    ...options,
    repoRoot: repo.root,
    base: 'main',
    mode: 'offline',
    clusterAvailable: false,
    chartCache: await mkdtemp(join(scratch, 'charts-')),
  });
}

function environment(result: PlanResult, name: string): EnvironmentResult {
  const found = result.environments.find((env) => env.environment === name);
  if (!found) {
    const planned = result.environments.map((env) => env.environment).join(', ');
    throw new Error(`${name} was not planned (planned: ${planned}; unaffected: ${result.unaffected})`);
  }
  return found;
}

function errorOf(result: PlanResult, name: string): string {
  const found = environment(result, name);
  if (!found.error) throw new Error(`${name} did not fail: ${JSON.stringify(found.counts)}`);
  return found.error.message;
}

/** Every planned environment's error, by name ('' when it has none). */
function errors(result: PlanResult): Record<string, string> {
  return Object.fromEntries(result.environments.map((env) => [env.environment, env.error?.message ?? '']));
}

/**
 * Each of `names` either left out as unaffected or planned with no error and nothing
 * added, changed or deleted.
 */
function expectNoChanges(result: PlanResult, names: string[]): void {
  for (const name of names) {
    if (result.unaffected?.includes(name)) continue;
    const found = environment(result, name);
    expect(found.error?.message, name).toBeUndefined();
    expect(found.counts, name).toMatchObject({ added: 0, changed: 0, deleted: 0 });
  }
}

/** Every environment of the fleet is accounted for: planned, or left out as unaffected. */
function expectFleet(result: PlanResult, also: string[] = []): void {
  const seen = [...result.environments.map((env) => env.environment), ...(result.unaffected ?? [])];
  expect([...new Set(seen)].sort()).toEqual([...FLEET, ...also].sort());
}

describe('an offline plan of a Flux repository with no plumbline.yaml', () => {
  // With `all`, every environment is rendered on both sides (the OCI chart included);
  // without, those the change cannot affect may be left out.
  it.each([{ all: false }, { all: true }])(
    "shows a values change in production's apps as the release's Deployment, trusting the base's chart hosts (all: $all)",
    async ({ all }) => {
      const repo = await fleetRepository();
      repo.commit({ 'apps/production/podinfo-values.yaml': fluxProductionPatch({ replicas: 5 }) });
      const result = await plan(repo, { all });
      if (all) expect(result.unaffected).toBeUndefined();

      // Discovered at the base and the head; no configuration file on either side, so no
      // render.allowHosts: the charts come from the hosts the base's sources name.
      expect(result.config).toEqual({ from: 'base' });
      expectFleet(result);
      expect(Object.values(errors(result)).filter(Boolean)).toEqual([]);

      const apps = environment(result, 'production/flux-system/apps');
      expect(apps.mode).toBe('offline');
      expect(apps.counts).toMatchObject({ added: 0, changed: 2, deleted: 0 });
      const changed = apps.changes.filter((change) => change.change === 'changed');
      expect(changed.map((change) => [change.id.kind, change.id.namespace, change.id.name])).toEqual(
        expect.arrayContaining([
          ['Deployment', 'podinfo', 'podinfo'],
          ['HelmRelease', 'podinfo', 'podinfo'],
        ]),
      );
      const deployment = changed.find((change) => change.id.kind === 'Deployment')!;
      expect(deployment.fields).toEqual(['/spec/replicas']);
      expect(deployment.diff).toMatch(/^-\s+replicas: 3$/m);
      expect(deployment.diff).toMatch(/^\+\s+replicas: 5$/m);
      // Rendered from the chart on both sides.
      expect(apps.rendered?.head?.charts).toEqual([
        expect.objectContaining({
          repository: fixture.charts.helmRepositoryUrl,
          name: fixture.charts.appName,
          version: '1.1.0',
        }),
      ]);
      expect(apps.rendered?.base?.charts).toHaveLength(1);

      expectNoChanges(
        result,
        FLEET.filter((name) => name !== 'production/flux-system/apps'),
      );
    },
  );

  it('fails the environment whose HelmRelease takes its chart from a host the base never named, and never reaches it', async () => {
    const servers = chartServers();
    // The same nginx by another name: a host the base's sources do not name.
    const port = new URL(servers.httpUrl).port;
    const otherName = `localhost:${port}`;
    const mirrorUrl = `http://${otherName}/public/${elsewhere.folder}`;
    const repo = await fleetRepository();
    repo.commit({
      'apps/production/kustomization.yaml': lines(
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - ../base/podinfo',
        '  - mirror.yaml',
        'patches:',
        '  - path: podinfo-values.yaml',
      ),
      'apps/production/mirror.yaml': fluxHelmRepository('mirror', mirrorUrl, 'podinfo'),
      'apps/production/podinfo-values.yaml': fluxProductionPatch({
        replicas: 5,
        extra: [
          '  chart:',
          '    spec:',
          '      sourceRef:',
          '        kind: HelmRepository',
          '        name: mirror',
        ],
      }),
    });
    // The other name reaches the server: only the host rule keeps the plan from it.
    expect((await fetch(`${mirrorUrl}/index.yaml`)).status).toBe(200);
    const requests = watchAccessLog();
    const result = await plan(repo);

    expectFleet(result);
    const message = errorOf(result, 'production/flux-system/apps');
    expect(message).toContain(
      `HelmRelease podinfo/podinfo: the chart ${fixture.charts.appName} comes from ${otherName}, which the configuration does not allow`,
    );
    expect(message).toContain('apps/base/podinfo/release.yaml:1');
    expect(environment(result, 'production/flux-system/apps').error?.hint).toContain(
      `Add ${otherName} to render.allowHosts`,
    );
    // The host rule refused it: nothing was asked of the server under the other name.
    expect(message).not.toMatch(/ECONNREFUSED|unreachable|could not connect/i);
    expect(await requests.entries((entry) => entry.uri.includes(elsewhere.folder))).toEqual([]);

    // The other environments still plan, with nothing to show.
    const failed = Object.entries(errors(result)).filter(([, error]) => error !== '');
    expect(failed.map(([name]) => name)).toEqual(['production/flux-system/apps']);
    expectNoChanges(
      result,
      FLEET.filter((name) => name !== 'production/flux-system/apps'),
    );
  });

  it('shows every object of a Kustomization the head removes as deleted', async () => {
    const repo = await fleetRepository();
    repo.git('rm', '-q', 'clusters/staging/apps.yaml');
    repo.git('commit', '-qm', 'staging no longer applies apps');
    const result = await plan(repo);

    expectFleet(result);
    expect(Object.values(errors(result)).filter(Boolean)).toEqual([]);
    const apps = environment(result, 'staging/flux-system/apps');
    expect(apps.counts.added + apps.counts.changed + apps.counts.unchanged).toBe(0);
    expect(apps.changes.every((change) => change.change === 'deleted')).toBe(true);
    // The values ConfigMap's name ends in the hash kustomize gives it.
    const keys = apps.changes.map((change) => change.key.replace(/(podinfo-values)-[a-z0-9]+$/, '$1-<hash>'));
    expect(keys.sort()).toEqual([
      '/ConfigMap/podinfo/podinfo-values-<hash>',
      '/Namespace//podinfo',
      'apiextensions.k8s.io/CustomResourceDefinition//podinfos.example.com',
      'apps/Deployment/podinfo/podinfo',
      'helm.toolkit.fluxcd.io/HelmRelease/podinfo/podinfo',
      'source.toolkit.fluxcd.io/HelmRepository/podinfo/podinfo',
    ]);
    // The cluster's own Kustomization no longer holds it.
    const bootstrap = environment(result, 'staging/flux-system/flux-system');
    expect(bootstrap.counts).toMatchObject({ added: 0, changed: 0, deleted: 1 });
    expect(bootstrap.changes.find((change) => change.change === 'deleted')?.key).toBe(
      'kustomize.toolkit.fluxcd.io/Kustomization/flux-system/apps',
    );
    expectNoChanges(
      result,
      FLEET.filter((name) => !name.startsWith('staging/flux-system/')).concat(
        'staging/flux-system/infra-controllers',
      ),
    );
  });

  it('fails only the environment of a HelmRelease whose HelmRepository is missing, naming its file and line', async () => {
    const repo = await fleetRepository();
    repo.commit({
      'apps/staging/kustomization.yaml': fixture.files['apps/staging/kustomization.yaml']!.replace(
        '  - ../base/podinfo\n',
        '  - ../base/podinfo\n  - extra.yaml\n',
      ),
      'apps/staging/extra.yaml': stringify({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'extra', namespace: 'podinfo' },
        spec: {
          interval: '10m',
          chart: { spec: { chart: 'extra', sourceRef: { kind: 'HelmRepository', name: 'missing' } } },
        },
      }),
    });
    const result = await plan(repo);

    expectFleet(result);
    const failed = Object.entries(errors(result)).filter(([, error]) => error !== '');
    expect(failed.map(([name]) => name)).toEqual(['staging/flux-system/apps']);
    expect(errorOf(result, 'staging/flux-system/apps')).toContain(
      'apps/staging/extra.yaml:1: HelmRelease podinfo/extra: spec.chart.spec.sourceRef names HelmRepository podinfo/missing',
    );
    expectNoChanges(
      result,
      FLEET.filter((name) => name !== 'staging/flux-system/apps'),
    );
  });

  describe('a GitRepository that fetches this repository by another URL (a mirror)', () => {
    const MIRROR = 'https://mirror.example.com/platform/fleet.git';
    const mirrored = {
      'clusters/staging/mirror.yaml': lines(
        stringify({
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'GitRepository',
          metadata: { name: 'mirror', namespace: 'flux-system' },
          spec: { interval: '1m', url: MIRROR, ref: { branch: 'main' } },
        }),
        '---',
        fluxKustomization('mirrored', './extras', { sourceRef: { kind: 'GitRepository', name: 'mirror' } }),
      ),
      'extras/configmap.yaml': lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: extras',
        '  namespace: default',
        'data:',
        '  a: b',
      ),
    };
    const changedValue = {
      'extras/configmap.yaml': mirrored['extras/configmap.yaml'].replace('a: b', 'a: c'),
    };

    it("is this repository when the base's configuration names its URL (in another form), and its Kustomization is planned", async () => {
      const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
      const repo = changeRepository(root, {
        ...fixture.files,
        ...mirrored,
        'plumbline.yaml': stringify({ repositoryUrls: ['git@mirror.example.com:platform/fleet'] }),
      });
      repo.commit(changedValue);
      const result = await plan(repo);

      expectFleet(result, ['staging/flux-system/mirrored']);
      const env = environment(result, 'staging/flux-system/mirrored');
      expect(env.error).toBeUndefined();
      expect(env.counts).toMatchObject({ added: 0, changed: 1, deleted: 0 });
      expect(env.changes.find((change) => change.change === 'changed')?.fields).toEqual(['/data/a']);
    });

    it("is this repository when it is the checkout's origin, with no configuration at all", async () => {
      const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
      const repo = changeRepository(root, { ...fixture.files, ...mirrored });
      repo.git('remote', 'add', 'origin', 'https://token:secret@mirror.example.com/platform/fleet');
      repo.commit(changedValue);
      const result = await plan(repo);

      expectFleet(result, ['staging/flux-system/mirrored']);
      expect(environment(result, 'staging/flux-system/mirrored').counts).toMatchObject({ changed: 1 });
      expect(JSON.stringify(result)).not.toContain('secret');
    });

    it('is another repository when only the head names its URL: the head cannot add what is planned', async () => {
      const root = await mkdtemp(join(scratch, `repo-${++repositories}-`));
      const repo = changeRepository(root, { ...fixture.files, ...mirrored });
      repo.commit({
        ...changedValue,
        'plumbline.yaml': stringify({ repositoryUrls: [MIRROR] }),
      });
      const result = await plan(repo);

      expect(result.config).toMatchObject({ from: 'base', headChange: 'added' });
      expectFleet(result);
      expect(Object.values(errors(result)).filter(Boolean)).toEqual([]);
    });
  });

  it('plans a Kustomization the head adds as all additions', async () => {
    const repo = await fleetRepository();
    repo.commit({
      'clusters/staging/extras.yaml': fluxKustomization('extras', './extras'),
      'extras/configmap.yaml': lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: extras',
        '  namespace: default',
        'data:',
        '  a: b',
      ),
    });
    const result = await plan(repo);

    expectFleet(result, ['staging/flux-system/extras']);
    expect(Object.values(errors(result)).filter(Boolean)).toEqual([]);
    expect(environment(result, 'staging/flux-system/extras').counts).toEqual({
      added: 1,
      changed: 0,
      deleted: 0,
      unchanged: 0,
    });
    expect(environment(result, 'staging/flux-system/flux-system').counts).toMatchObject({
      added: 1,
      changed: 0,
      deleted: 0,
    });
  });
});
