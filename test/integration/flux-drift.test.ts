/**
 * A Flux environment's drift end to end on the real control plane: a Flux repository with
 * no environment list (only clusters.<context>.fluxCluster and drift.after), applied as
 * kustomize-controller and helm-controller would, through the drift command against the
 * fake GitHub. A live edit Flux would revert opens one issue for the environment; edits
 * Flux leaves alone (a field under the HelmRelease's driftDetection.ignore, an object
 * marked ssa: Ignore) open none; applying Git again closes the issue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Helm } from '../support/charts.js';
import { contextOf, freshNamespace, uniqueName } from '../support/cluster.js';
import {
  applyAsControllers,
  fluxAppFiles,
  installFluxCrds,
  publishPodinfoChart,
  useRenderTools,
} from '../support/flux-cluster.js';
import { writeRepository } from '../support/flux-repository.js';
import { driftRun, fakeGitHub, git, issues, kubectl } from './drift/helpers.js';

const CLUSTER = 'test';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-flux-drift-'));
let publisher: Helm;
let chartName: string;
let chartRepository: string;

useRenderTools();

beforeAll(async () => {
  ({ publisher, chartName, chartRepository } = await publishPodinfoChart('flux-drift'));
  await installFluxCrds();
});

afterAll(async () => {
  await publisher?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

interface Fixture {
  root: string;
  namespace: string;
  /** `test/flux-system/<the Kustomization's name>`. */
  environment: string;
}

/**
 * A Flux repository in git with one cluster, `test`: its bootstrap, and a Kustomization
 * applying ./apps into `namespace` (targetNamespace, prune: true): a ConfigMap `settings`,
 * a Deployment `api`, a ConfigMap `pinned` marked ssa: Ignore, a HelmRepository and the
 * HelmRelease `podinfo` (its release: a ConfigMap podinfo-settings and a Deployment
 * podinfo), whose drift detection ignores Deployments' replicas.
 */
async function fixture(): Promise<Fixture> {
  const namespace = await freshNamespace('flux-drift');
  const kustomization = uniqueName('apps');
  const files = {
    ...fluxAppFiles({ cluster: CLUSTER, namespace, kustomization, chart: { chartName, chartRepository } }),
    'plumbline.yaml': stringify({
      clusters: { [contextOf('planner')]: { fluxCluster: CLUSTER } },
      drift: { after: 1 },
    }),
  };
  const root = await writeRepository(scratch, files);
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '.');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '--quiet', '-m', 'fleet');
  return { root, namespace, environment: `${CLUSTER}/flux-system/${kustomization}` };
}

describe('drift of a Flux environment', () => {
  it('opens one issue for a live edit Flux would revert, none for what Flux leaves alone, and closes it on convergence', async () => {
    const flux = await fixture();
    const github = await fakeGitHub();
    const run = async () => {
      const result = await driftRun(github, flux.root, {
        environments: [flux.environment],
        chartCache: join(scratch, 'charts'),
      });
      expect(result.after).toBe(1);
      expect(result.environments).toHaveLength(1);
      const [outcome] = result.environments;
      expect(outcome!.drift.error).toBeUndefined();
      expect(outcome!.issueError).toBeUndefined();
      expect(outcome!.drift.environment).toBe(flux.environment);
      return outcome!;
    };
    const drifted = (outcome: Awaited<ReturnType<typeof run>>) =>
      outcome.drift.objects.map((object) => ({
        kind: object.kind,
        key: object.key,
        fields: object.fields.map((field) => field.pointer),
      }));
    await applyAsControllers(flux.root, flux.environment);

    // As the controllers applied it: settings, api, the HelmRepository, the HelmRelease and
    // its two objects are in sync; `pinned` is left alone (ssa: Ignore).
    const clean = await run();
    expect(drifted(clean)).toEqual([]);
    expect(clean.drift.inSync).toBe(6);
    expect(clean.issue).toMatchObject({ status: 'in-sync', actions: [] });
    expect(issues(github)).toHaveLength(0);

    // What Flux leaves alone: the release's replicas (driftDetection.ignore) and `pinned`.
    kubectl('-n', flux.namespace, 'scale', 'deployment/podinfo', '--replicas=5');
    kubectl(
      '-n',
      flux.namespace,
      'patch',
      'configmap',
      'pinned',
      '--type=merge',
      '-p',
      '{"data":{"owner":"cluster"}}',
    );
    const leftAlone = await run();
    expect(drifted(leftAlone)).toEqual([]);
    expect(leftAlone.issue).toMatchObject({ status: 'in-sync', actions: [] });
    expect(issues(github)).toHaveLength(0);

    // What kustomize-controller would revert: the Kustomization's own Deployment scaled.
    kubectl('-n', flux.namespace, 'scale', 'deployment/api', '--replicas=4');
    const scaled = await run();
    expect(drifted(scaled)).toEqual([
      { kind: 'differs', key: `apps/Deployment/${flux.namespace}/api`, fields: ['/spec/replicas'] },
    ]);
    expect(scaled.drift.objects[0]!.fields[0]!.changedBy).toMatchObject({
      manager: 'kubectl',
      subresource: 'scale',
    });
    expect(issues(github)).toHaveLength(1);
    const [issue] = issues(github);
    expect(issue).toMatchObject({ state: 'open', title: `Drift: ${flux.environment} differs from Git` });
    expect(scaled.issue).toMatchObject({ status: 'drifting', number: issue!.number, actions: ['created'] });
    const body = issue!.body!;
    expect(body).toContain(flux.environment);
    expect(body).toContain('<code>spec.replicas</code> | <code>kubectl</code> via scale');
    expect(body).toContain(`Deployment ${flux.namespace}/api`);
    expect(body).not.toContain('podinfo');
    expect(body).not.toContain('pinned');

    // More edits Flux leaves alone: the same issue, untouched.
    kubectl('-n', flux.namespace, 'scale', 'deployment/podinfo', '--replicas=7');
    kubectl(
      '-n',
      flux.namespace,
      'patch',
      'configmap',
      'pinned',
      '--type=merge',
      '-p',
      '{"data":{"owner":"again"}}',
    );
    const still = await run();
    expect(drifted(still)).toEqual(drifted(scaled));
    expect(still.issue).toMatchObject({ status: 'drifting', number: issue!.number, actions: [] });
    expect(issues(github)).toHaveLength(1);
    expect(issues(github)[0]!.body).toBe(body);

    // The controllers apply again: the cluster matches Git, the issue is closed.
    await applyAsControllers(flux.root, flux.environment);
    const converged = await run();
    expect(drifted(converged)).toEqual([]);
    expect(converged.drift.inSync).toBe(6);
    expect(converged.issue).toMatchObject({
      status: 'converged',
      open: false,
      actions: ['commented', 'closed'],
    });
    expect(issues(github)).toHaveLength(1);
    expect(issues(github)[0]!.state).toBe('closed');
    expect(github.violations).toEqual([]);
  });
});
