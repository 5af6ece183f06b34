// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
/**
 * A Flux Kustomization whose postBuild.substituteFrom names a ConfigMap and a Secret that
 * exist only in the cluster (created outside Git), planned live and in reader mode against
 * the real control plane: plumbline reads them from the cluster the environment is
 * compared with, substitutes the ConfigMap's values and the Secret's as masked tokens (a
 * Secret value never reaches the plan), and a file named by `flux.clusterObjects` comes
 * before the cluster.
 *
 * The environments are discovered; plumbline.yaml gives the Flux cluster `test` its
 * kubeconfig context. Each test has a namespace, a Kustomization and variables of its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPlan } from '../../src/commands/plan.js';
import type { EnvironmentResult } from '../../src/diff/model.js';
import {
  applyAsAdmin,
  contextOf,
  freshNamespace,
  testKubeconfigPath,
  uniqueName,
} from '../support/cluster.js';
import { applyAs, installFluxCrds, KUSTOMIZE_GROUP, useRenderTools } from '../support/flux-cluster.js';
import { fluxBootstrap, fluxKustomization, writeRepository } from '../support/flux-repository.js';

const CLUSTER = 'test';
const SECRET_VALUE = 'live-only-s3cr3t';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-flux-cluster-objects-'));

useRenderTools();

beforeAll(async () => {
  await installFluxCrds();
  applyAsAdmin([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flux-system' } }]);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Fixture {
  root: string;
  namespace: string;
  kustomization: string;
  environment: string;
  /** The ConfigMap and the Secret of flux-system that substituteFrom names. */
  variables: string;
  secret: string;
}

/**
 * One cluster, `test`: a Kustomization applying ./apps into its own namespace, with
 * postBuild.substituteFrom naming a ConfigMap and a Secret of flux-system that the
 * repository does not hold; ./apps has a ConfigMap `settings` using both.
 */
async function fixture(files: Record<string, string> = {}, config: object = {}): Promise<Fixture> {
  const namespace = await freshNamespace('flux-vars');
  const kustomization = uniqueName('apps');
  const variables = uniqueName('vars');
  const secret = uniqueName('secret');
  const root = await writeRepository(scratch, {
    ...fluxBootstrap(CLUSTER),
    [`clusters/${CLUSTER}/apps.yaml`]: fluxKustomization(kustomization, './apps', {
      targetNamespace: namespace,
      postBuild: {
        substituteFrom: [
          { kind: 'ConfigMap', name: variables },
          { kind: 'Secret', name: secret },
        ],
      },
    }),
    'apps/settings.yaml': stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings' },
      data: { LOG_LEVEL: '${log_level}', TOKEN: '${token}' },
    }),
    'plumbline.yaml': stringify({
      clusters: { [contextOf('planner')]: { fluxCluster: CLUSTER } },
      ...config,
    }),
    ...files,
  });
  return {
    root,
    namespace,
    kustomization,
    environment: `${CLUSTER}/flux-system/${kustomization}`,
    variables,
    secret,
  };
}

/** The variables as the cluster holds them, created outside Git. */
function createVariables(flux: Fixture, logLevel: string): void {
  applyAsAdmin([
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: flux.variables, namespace: 'flux-system' },
      data: { log_level: logLevel },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: flux.secret, namespace: 'flux-system' },
      stringData: { token: SECRET_VALUE },
    },
  ]);
}

async function plan(flux: Fixture, mode: 'live' | 'reader' = 'live'): Promise<EnvironmentResult> {
  const result = await runPlan({
    repoRoot: flux.root,
    mode,
    clusterAvailable: true,
    kubeconfigPath: testKubeconfigPath(),
    environments: [flux.environment],
    ...(mode === 'reader' ? { context: contextOf('reader') } : {}),
    chartCache: join(scratch, 'charts'),
  });
  expect(result.environments).toHaveLength(1);
  const [environment] = result.environments;
  expect(environment?.error?.message).toBeUndefined();
  expect(JSON.stringify(result)).not.toContain(SECRET_VALUE);
  return environment!;
}

function settingsChange(environment: EnvironmentResult) {
  const change = environment.changes.find((candidate) => candidate.id.name === 'settings');
  if (!change) throw new Error('settings was not compared');
  return change;
}

describe('variables that exist only in the cluster', () => {
  it.each(['live', 'reader'] as const)(
    'are read from it in a %s plan, a Secret value masked',
    async (mode) => {
      const flux = await fixture();
      createVariables(flux, 'info');
      const change = settingsChange(await plan(flux, mode));
      expect(change.change).toBe('added');
      expect(change.diff).toContain('LOG_LEVEL: info');
      expect(change.diff).toMatch(/TOKEN: plumbline-masked:[0-9a-f]{16}/);
    },
  );

  it('show a change of the live variable as the change of the objects using it', async () => {
    const flux = await fixture();
    createVariables(flux, 'info');
    const before = settingsChange(await plan(flux));
    // Applied as kustomize-controller would: the rendered object, with the cluster's values.
    applyAs('kustomize-controller', [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'settings',
          namespace: flux.namespace,
          labels: {
            [`${KUSTOMIZE_GROUP}/name`]: flux.kustomization,
            [`${KUSTOMIZE_GROUP}/namespace`]: 'flux-system',
          },
        },
        data: { LOG_LEVEL: 'info', TOKEN: before.diff.match(/plumbline-masked:[0-9a-f]{16}/)?.[0] },
      },
    ]);
    expect(settingsChange(await plan(flux)).change).toBe('unchanged');
    createVariables(flux, 'debug');
    const after = settingsChange(await plan(flux));
    expect(after.change).toBe('changed');
    expect(after.fields).toEqual(['/data/LOG_LEVEL']);
  });

  it('come from the file flux.clusterObjects names before the cluster', async () => {
    const flux = await fixture(
      { 'flux/test-cluster.yaml': '' },
      { flux: { clusterObjects: { [CLUSTER]: 'flux/test-cluster.yaml' } } },
    );
    // Written once the names are known: the file holds the ConfigMap, not the Secret.
    writeFileSync(
      join(flux.root, 'flux/test-cluster.yaml'),
      stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: flux.variables, namespace: 'flux-system' },
        data: { log_level: 'from-the-file' },
      }),
    );
    createVariables(flux, 'info');
    const change = settingsChange(await plan(flux));
    expect(change.diff).toContain('LOG_LEVEL: from-the-file');
    expect(change.diff).toMatch(/TOKEN: plumbline-masked:/);
  });

  it('fail the environment when neither the repository, the file nor the cluster has them', async () => {
    const flux = await fixture();
    const result = await runPlan({
      repoRoot: flux.root,
      mode: 'live',
      clusterAvailable: true,
      kubeconfigPath: testKubeconfigPath(),
      environments: [flux.environment],
      chartCache: join(scratch, 'charts'),
    });
    expect(result.environments[0]?.error?.message).toContain(
      `names ConfigMap flux-system/${flux.variables}, which no Kustomization of cluster test applies from the repository, nor does the cluster hold it outside Git`,
    );
  });
});
