/**
 * A Flux repository planned live against the real control plane, with Flux's own
 * comparison rules: what kustomize-controller and helm-controller applied (server-side,
 * under their field managers, with their labels, as the render produces it) plans to zero
 * changes; a value changed in Git shows as exactly that object; a live edit of a field a
 * HelmRelease's driftDetection.ignore covers, or of an object marked ssa: Ignore, shows
 * nothing; a live object with the Kustomization's labels that Git no longer has shows as
 * deleted.
 *
 * The environments are discovered (plumbline.yaml lists none); plumbline.yaml only gives
 * the Flux cluster `test` its kubeconfig context (clusters.<context>.fluxCluster). Each
 * test has a namespace and a Kustomization name of its own: objects outlive their
 * namespace on a control plane without a controller-manager, and Flux's labels are
 * searched cluster-wide.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPlan } from '../../src/commands/plan.js';
import type { EnvironmentResult } from '../../src/diff/model.js';
import type { Helm } from '../support/charts.js';
import {
  applyAsAdmin,
  contextOf,
  freshNamespace,
  testKubeconfigPath,
  uniqueName,
} from '../support/cluster.js';
import {
  applyAs,
  applyAsControllers,
  fluxAppFiles,
  HELM_GROUP,
  installFluxCrds,
  KUSTOMIZE_GROUP,
  publishPodinfoChart,
  settingsConfigMap,
  useRenderTools,
} from '../support/flux-cluster.js';
import { writeRepository } from '../support/flux-repository.js';

const K = KUSTOMIZE_GROUP;
const H = HELM_GROUP;
const CLUSTER = 'test';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-flux-live-'));
let publisher: Helm;
let chartName: string;
let chartRepository: string;

useRenderTools();

beforeAll(async () => {
  ({ publisher, chartName, chartRepository } = await publishPodinfoChart('flux-live'));
  await installFluxCrds();
});

afterAll(async () => {
  await publisher?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

interface Fixture {
  root: string;
  namespace: string;
  /** The Kustomization's name, and the environment's (`test/flux-system/<name>`). */
  kustomization: string;
  environment: string;
}

/**
 * A Flux repository with one cluster, `test`: its bootstrap, and a Kustomization applying
 * ./apps into `namespace` (targetNamespace, prune: true). ./apps has no
 * kustomization.yaml: a ConfigMap `settings`, a Deployment `api`, a ConfigMap `pinned`
 * marked ssa: Ignore, a HelmRepository and the HelmRelease `podinfo` (its release: a
 * ConfigMap podinfo-settings and a Deployment podinfo), whose drift detection ignores
 * Deployments' replicas.
 */
async function fixture(): Promise<Fixture> {
  const namespace = await freshNamespace('flux-live');
  const kustomization = uniqueName('apps');
  const files = {
    ...fluxAppFiles({ cluster: CLUSTER, namespace, kustomization, chart: { chartName, chartRepository } }),
    'plumbline.yaml': stringify({ clusters: { [contextOf('planner')]: { fluxCluster: CLUSTER } } }),
  };
  const root = await writeRepository(scratch, files);
  return { root, namespace, kustomization, environment: `${CLUSTER}/flux-system/${kustomization}` };
}

async function planLive(fixture: Fixture): Promise<EnvironmentResult> {
  const result = await runPlan({
    repoRoot: fixture.root,
    mode: 'live',
    clusterAvailable: true,
    kubeconfigPath: testKubeconfigPath(),
    environments: [fixture.environment],
    chartCache: join(scratch, 'charts'),
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

const labelled = (fixture: Fixture) => ({
  [`${K}/name`]: fixture.kustomization,
  [`${K}/namespace`]: 'flux-system',
});

describe('a Flux environment planned live', () => {
  it('plans to zero changes where the controllers applied it', async () => {
    const flux = await fixture();
    await applyAsControllers(flux.root, flux.environment);
    const environment = await planLive(flux);
    expect(shown(environment)).toEqual({});
    // settings, api, the HelmRepository, the HelmRelease and its two objects; `pinned` is
    // left alone (ssa: Ignore).
    expect(environment.counts).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 6 });
  });

  it('shows a value changed in Git as exactly that object', async () => {
    const flux = await fixture();
    await applyAsControllers(flux.root, flux.environment);
    writeFileSync(join(flux.root, 'apps/settings.yaml'), settingsConfigMap('debug'));
    expect(shown(await planLive(flux))).toEqual({ 'ConfigMap/settings': 'changed /data/LOG_LEVEL' });
  });

  it("shows nothing for a live edit of a field the HelmRelease's driftDetection.ignore covers", async () => {
    const flux = await fixture();
    await applyAsControllers(flux.root, flux.environment);
    for (const name of ['podinfo', 'api']) {
      execFileSync('kubectl', [
        '--kubeconfig',
        testKubeconfigPath(),
        '--context',
        contextOf('admin'),
        '-n',
        flux.namespace,
        'scale',
        `deployment/${name}`,
        '--replicas=5',
      ]);
    }
    // The release's Deployment is covered; the Kustomization's own is not.
    expect(shown(await planLive(flux))).toEqual({ 'Deployment/api': 'changed /spec/replicas' });
  });

  it('shows nothing for a live edit of an object marked ssa: Ignore, in Git or in the cluster', async () => {
    const flux = await fixture();
    await applyAsControllers(flux.root, flux.environment);
    applyAsAdmin([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'pinned', namespace: flux.namespace },
        data: { owner: 'cluster' },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: flux.namespace, annotations: { [`${K}/ssa`]: 'Ignore' } },
        data: { LOG_LEVEL: 'trace' },
      },
    ]);
    const environment = await planLive(flux);
    expect(shown(environment)).toEqual({});
    expect(environment.counts.unchanged).toBe(5);
  });

  it("shows a live object with the Kustomization's labels that Git no longer has as deleted", async () => {
    const flux = await fixture();
    await applyAsControllers(flux.root, flux.environment);
    const leftover = (
      name: string,
      labels: Record<string, string>,
      annotations?: Record<string, string>,
    ) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: flux.namespace, labels, ...(annotations ? { annotations } : {}) },
      data: { a: '1' },
    });
    applyAs('kustomize-controller', [
      leftover('leftover', labelled(flux)),
      leftover('protected', labelled(flux), { [`${K}/prune`]: 'disabled' }),
    ]);
    applyAs('helm-controller', [
      leftover('podinfo-leftover', { [`${H}/name`]: 'podinfo', [`${H}/namespace`]: flux.namespace }),
    ]);
    expect(shown(await planLive(flux))).toEqual({
      'ConfigMap/leftover': 'deleted',
      'ConfigMap/podinfo-leftover': 'deleted',
    });
  });
});
