/**
 * The selection of affected environments is exact for Flux repositories too: for random
 * edits to random files of a generated one (two clusters applying apps with kustomizations
 * or generated paths, a shared base, a HelmRelease whose chart comes from the test Helm
 * repository through a HelmRepository kept in another folder, values patched per cluster,
 * postBuild variables from a ConfigMap, unrelated files), an offline plan of only the
 * affected environments gives the same result as a plan of all of them, and every
 * environment it leaves out has no change there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPlan } from '../../../src/commands/plan.js';
import {
  configMapTemplate,
  isolatedHelm,
  makeChartPackage,
  newHttpRepo,
  publishToHttpRepo,
  uniqueChartName,
} from '../../support/charts.js';
import {
  revisionConfigMap as configMap,
  type EditedRepository,
  eachFileBumped,
  editedRepository,
  editsOf,
  plansAgree,
} from '../../support/selection-property.js';
import { toolPath } from '../../support/tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-affected-flux-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let chart: { name: string; url: string };

beforeAll(async () => {
  process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
  process.env.PLUMBLINE_HELM = toolPath('helm');
  const helm = await isolatedHelm(toolPath('helm'));
  const repo = newHttpRepo('public', 'flux-affected');
  const name = uniqueChartName('app');
  const tgz = await makeChartPackage(helm, {
    name,
    version: '1.0.0',
    templates: { 'configmap.yaml': configMapTemplate({ greeting: '{{ .Values.greeting }}' }) },
    values: { greeting: 'hello' },
  });
  await publishToHttpRepo(helm, repo, tgz);
  chart = { name, url: repo.url };
}, 120_000);

const fluxKustomization = (name: string, path: string, extra: Record<string, unknown> = {}) =>
  stringify({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace: 'flux-system' },
    spec: {
      interval: '10m',
      path,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      ...extra,
    },
  });

function cluster(name: string): Record<string, string> {
  return {
    [`clusters/${name}/flux-system/gotk-sync.yaml`]: [
      stringify({
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'flux-system', namespace: 'flux-system' },
        spec: { interval: '1m', url: 'https://git.example.invalid/fleet', ref: { branch: 'main' } },
      }),
      fluxKustomization('flux-system', `./clusters/${name}`),
    ].join('---\n'),
    [`clusters/${name}/flux-system/kustomization.yaml`]: 'resources: [gotk-sync.yaml]\n',
    [`clusters/${name}/apps.yaml`]: [
      fluxKustomization('sources', './sources'),
      fluxKustomization('web', `./apps/${name}/web`),
      fluxKustomization('jobs', `./apps/${name}/jobs`, {
        postBuild: { substituteFrom: [{ kind: 'ConfigMap', name: 'vars' }] },
      }),
    ].join('---\n'),
  };
}

/** Every file of the generated repository; `REV` is what an edit changes. */
function files(): Record<string, string> {
  return {
    ...cluster('prod'),
    ...cluster('stage'),
    'sources/kustomization.yaml': 'resources: [repository.yaml, vars.yaml]\n',
    'sources/repository.yaml': stringify({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'charts', namespace: 'flux-system' },
      spec: { interval: '1h', url: chart.url },
    }),
    'sources/vars.yaml': stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'vars', namespace: 'flux-system' },
      data: { rev: 'REV' },
    }),
    'apps/base/web/kustomization.yaml': 'resources: [release.yaml, settings.yaml]\n',
    'apps/base/web/release.yaml': stringify({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'web', namespace: 'flux-system' },
      spec: {
        interval: '10m',
        chart: {
          spec: { chart: chart.name, version: '1.x', sourceRef: { kind: 'HelmRepository', name: 'charts' } },
        },
        values: { greeting: 'base-REV' },
      },
    }),
    'apps/base/web/settings.yaml': configMap('settings', 'REV'),
    'apps/prod/web/kustomization.yaml': 'resources: [../../base/web]\npatches: [{ path: values.yaml }]\n',
    'apps/prod/web/values.yaml': stringify({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'web', namespace: 'flux-system' },
      spec: { values: { greeting: 'prod-REV' } },
    }),
    'apps/stage/web/kustomization.yaml': 'resources: [../../base/web]\n',
    // Generated kustomizations (no kustomization.yaml), one with a variable from vars.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Flux postBuild variable
    'apps/prod/jobs/job.yaml': configMap('job', '${rev}-REV'),
    'apps/stage/jobs/job.yaml': configMap('job', 'REV'),
    'docs/notes.md': 'REV\n',
  };
}

const FILES = [
  'sources/repository.yaml',
  'sources/vars.yaml',
  'apps/base/web/release.yaml',
  'apps/base/web/settings.yaml',
  'apps/prod/web/values.yaml',
  'apps/prod/jobs/job.yaml',
  'apps/stage/jobs/job.yaml',
  'docs/notes.md',
];
const FOLDERS = ['sources', 'apps/base/web', 'apps/prod/web', 'apps/prod/jobs', 'apps/stage/jobs', 'docs'];

let repos = 0;
function repository(): EditedRepository {
  return editedRepository(join(scratch, `repo-${repos++}`), files);
}

describe('the environments a change affects, in a Flux repository', () => {
  it('plans the same as a plan of every environment, and leaves out only unchanged ones', async () => {
    let leftOut = 0;
    await fc.assert(
      fc.asyncProperty(editsOf(FILES, FOLDERS), async (edits) => {
        const repo = repository();
        repo.apply(edits);
        const { all, leftOut: left } = await plansAgree(repo.root, edits);
        rmSync(repo.root, { recursive: true, force: true });
        expect(all.environments.map((env) => env.environment)).toContain('prod/flux-system/web');
        leftOut += left;
      }),
      {
        numRuns: 10,
        // Besides the random edits: each file changed on its own, once.
        examples: eachFileBumped(FILES),
      },
    );
    // Not vacuous: the selection left environments out.
    expect(leftOut).toBeGreaterThan(10);
  }, 600_000);

  it('leaves the other cluster and the other apps out when one cluster’s values change', async () => {
    const repo = repository();
    repo.apply([{ kind: 'bump', file: 'apps/prod/web/values.yaml', rev: 4 }]);
    const plan = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    rmSync(repo.root, { recursive: true, force: true });
    // The HelmRelease, and the ConfigMap its chart renders with the new value.
    expect(plan.environments.map((env) => [env.environment, env.counts.changed, env.error?.message])).toEqual(
      [['prod/flux-system/web', 2, undefined]],
    );
    expect(plan.unaffected).toEqual([
      'prod/flux-system/flux-system',
      'prod/flux-system/jobs',
      'prod/flux-system/sources',
      'stage/flux-system/flux-system',
      'stage/flux-system/jobs',
      'stage/flux-system/sources',
      'stage/flux-system/web',
    ]);
  }, 120_000);
});
