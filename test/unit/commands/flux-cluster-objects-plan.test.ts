// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
/**
 * A Flux cluster's ConfigMaps and Secrets that are not in Git, from the file
 * `flux.clusterObjects` names: postBuild.substituteFrom and HelmRelease valuesFrom find
 * them when the repository lacks them, Secret values masked; in a plan with a base the file
 * is read at the base, as plumbline.yaml is, whatever the change does to it. Real git,
 * kustomize and helm (a chart from this repository, no chart server).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  clusterObjectFilesInCheckout,
  clusterObjectLookup,
} from '../../../src/commands/flux-cluster-objects.js';
import { runPlan } from '../../../src/commands/plan.js';
import { loadConfig } from '../../../src/config/load.js';
import { maskValue } from '../../../src/diff/mask.js';
import type { PlanResult } from '../../../src/diff/model.js';
import { renderEnvironments } from '../../../src/render/render.js';
import type { Resource } from '../../../src/resource.js';
import { changeRepository } from '../../support/change-repository.js';
import {
  docs,
  fluxBootstrap,
  fluxKustomization,
  lines,
  writeRepository,
} from '../../support/flux-repository.js';
import { toolPath } from '../../support/tools.js';

const scratch = await mkdtemp(join(tmpdir(), 'plumbline-flux-cluster-objects-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

beforeAll(() => {
  process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
  process.env.PLUMBLINE_HELM = toolPath('helm');
});

const APPS = 'production/flux-system/apps';
const CONFIG = lines('flux:', '  clusterObjects:', '    production: flux/production-cluster.yaml');

/** What the cluster holds outside Git: variables, a Secret's token, the release's values. */
function clusterFile(region = 'eu-west-1'): string {
  return docs(
    stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-vars', namespace: 'flux-system' },
      data: { region },
    }),
    stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'cluster-secrets', namespace: 'flux-system' },
      stringData: { token: 's3cr3t-token' },
    }),
    stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-values', namespace: 'shop' },
      data: { 'values.yaml': 'greeting: hello from the cluster\n' },
    }),
    stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'web-secret', namespace: 'shop' },
      stringData: { password: 's3cr3t-password' },
    }),
  );
}

/** production applies ./apps with variables and a HelmRelease whose inputs exist only in the cluster. */
function repository(): Record<string, string> {
  return {
    'plumbline.yaml': CONFIG,
    'flux/production-cluster.yaml': clusterFile(),
    ...fluxBootstrap('production'),
    'clusters/production/apps.yaml': fluxKustomization('apps', './apps', {
      postBuild: {
        substituteFrom: [
          { kind: 'ConfigMap', name: 'cluster-vars' },
          { kind: 'Secret', name: 'cluster-secrets' },
        ],
      },
    }),
    'apps/settings.yaml': lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: settings, namespace: shop }',
      'data:',
      '  region: ${region}',
      '  token: ${token}',
    ),
    'apps/release.yaml': stringify({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        interval: '10m',
        chart: {
          spec: {
            chart: './charts/web',
            sourceRef: { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' },
          },
        },
        valuesFrom: [
          { kind: 'ConfigMap', name: 'web-values' },
          { kind: 'Secret', name: 'web-secret', valuesKey: 'password', targetPath: 'password' },
        ],
      },
    }),
    'charts/web/Chart.yaml': lines('apiVersion: v2', 'name: web', 'version: 1.0.0'),
    'charts/web/templates/out.yaml': lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: web-out',
      'data:',
      '  greeting: {{ .Values.greeting | quote }}',
      '  password: {{ .Values.password | quote }}',
    ),
  };
}

function find(resources: readonly Resource[], name: string): Resource {
  const found = resources.find((resource) => resource.id.kind === 'ConfigMap' && resource.id.name === name);
  if (!found) throw new Error(`no ConfigMap ${name}`);
  return found;
}

const masked = (value: string) => maskValue(Buffer.from(value, 'utf8').toString('base64'));

describe("the file of a Flux cluster's objects outside Git", () => {
  it('gives substituteFrom and valuesFrom what the repository lacks, Secret values masked', async () => {
    const root = await writeRepository(scratch, repository());
    const config = await loadConfig(root);
    const lookup = clusterObjectLookup(await clusterObjectFilesInCheckout(root, config));
    const apps = config.environments.filter((env) => env.name === APPS);
    const [result] = await renderEnvironments(root, apps, {
      settings: config.render,
      clusterObjects: lookup,
    });
    if (!result || 'error' in result) throw result?.error ?? new Error('not rendered');
    expect(find(result.resources, 'settings').object.data).toEqual({
      region: 'eu-west-1',
      token: masked('s3cr3t-token'),
    });
    expect(find(result.resources, 'web-out').object.data).toEqual({
      greeting: 'hello from the cluster',
      password: masked('s3cr3t-password'),
    });
    expect(JSON.stringify(result.resources)).not.toMatch(/s3cr3t/);
  });

  it('without it, the environment fails, naming the missing ConfigMap and the setting', async () => {
    const files = repository();
    delete files['plumbline.yaml'];
    const root = await writeRepository(scratch, files);
    const config = await loadConfig(root);
    const apps = config.environments.filter((env) => env.name === APPS);
    const [result] = await renderEnvironments(root, apps, { settings: config.render });
    if (!result || !('error' in result)) throw new Error('rendered');
    expect(result.error.message).toContain(
      'spec.postBuild.substituteFrom[0] names ConfigMap flux-system/cluster-vars, which no Kustomization of cluster production applies from the repository',
    );
    expect(result.error.message).not.toContain('nor does the cluster hold it');
  });
});

describe("a plan's file of cluster objects", () => {
  async function plan(root: string): Promise<PlanResult> {
    return runPlan({
      repoRoot: root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
      all: true,
      chartCache: await mkdtemp(join(scratch, 'charts-')),
    });
  }

  it('is read at the base: a change to it is not applied', async () => {
    const repo = changeRepository(await mkdtemp(join(scratch, 'repo-')), repository());
    repo.commit({
      'flux/production-cluster.yaml': docs(
        clusterFile('us-east-1'),
        stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'more-vars', namespace: 'flux-system' },
          data: { zone: 'a' },
        }),
      ),
      'clusters/production/apps.yaml': fluxKustomization('apps', './apps', {
        postBuild: {
          substituteFrom: [
            { kind: 'ConfigMap', name: 'cluster-vars' },
            { kind: 'Secret', name: 'cluster-secrets' },
            { kind: 'ConfigMap', name: 'more-vars' },
          ],
        },
      }),
    });
    const result = await plan(repo.root);
    const apps = result.environments.find((env) => env.environment === APPS);
    // The head's Kustomization names more-vars, which only the head's file holds.
    expect(apps?.error?.message).toContain('names ConfigMap flux-system/more-vars');
  });

  it('a change to the file alone changes nothing: both sides read the base', async () => {
    const repo = changeRepository(await mkdtemp(join(scratch, 'repo-')), repository());
    repo.commit({ 'flux/production-cluster.yaml': clusterFile('us-east-1') });
    const result = await plan(repo.root);
    const apps = result.environments.find((env) => env.environment === APPS);
    expect(apps?.error).toBeUndefined();
    expect(apps?.counts).toMatchObject({ added: 0, changed: 0, deleted: 0 });
  });

  it('fails the plan when the file the base names is missing at the base, naming the setting', async () => {
    const files = repository();
    delete files['flux/production-cluster.yaml'];
    const repo = changeRepository(await mkdtemp(join(scratch, 'repo-')), files);
    repo.commit({ 'flux/production-cluster.yaml': clusterFile() });
    await expect(plan(repo.root)).rejects.toThrow(
      /plumbline\.yaml: flux\.clusterObjects\.production names flux\/production-cluster\.yaml, which does not exist at the base \([0-9a-f]{7}\)/,
    );
  });
});
