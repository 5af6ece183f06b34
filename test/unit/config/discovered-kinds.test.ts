/**
 * Which kind of discovery a plan's environments come from when plumbline.yaml lists none:
 * the base's. A head that adds one Flux Kustomization to a repository of folders keeps
 * every folder's environment (the Flux one is added), and a head that drops Flux from a
 * Flux repository keeps the base's Flux environments (planned as deleted).
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { discoverRepositoryEnvironments, loadConfigFrom } from '../../../src/config/load.js';
import { tempRepo } from './temp-repo.js';

const configMap = (name: string) => stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

const fluxCluster = {
  'clusters/evil/sync.yaml': [
    stringify({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: { url: 'https://git.example.invalid/repo' },
    }),
    stringify({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: { path: './clusters/evil', sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
    }),
  ].join('---\n'),
};

const folders = {
  'envs/prod/kustomization.yaml': 'resources: [app.yaml]\n',
  'envs/prod/app.yaml': configMap('app'),
  'envs/staging/kustomization.yaml': 'resources: [app.yaml]\n',
  'envs/staging/app.yaml': configMap('app'),
};

const names = async (repoRoot: string, base: string) =>
  (await loadConfigFrom(undefined, repoRoot, await discoverRepositoryEnvironments(base))).environments.map(
    (env) => `${env.name} (${env.renderer})`,
  );

describe('discovered environments across a change', () => {
  it('keeps the base’s folders when the head adds a Flux Kustomization', async () => {
    const base = await tempRepo(folders);
    const head = await tempRepo({ ...folders, ...fluxCluster });
    expect(await names(head, base)).toEqual([
      'evil/flux-system/flux-system (flux)',
      'prod (auto)',
      'staging (auto)',
    ]);
  });

  it('keeps the base’s Flux environments when the head drops Flux', async () => {
    const base = await tempRepo({ ...folders, ...fluxCluster });
    const head = await tempRepo(folders);
    expect(await names(head, base)).toEqual(['evil/flux-system/flux-system (flux)']);
  });

  it('lets a checkout with nothing to compare with decide', async () => {
    const head = await tempRepo({ ...folders, ...fluxCluster });
    const empty = await tempRepo({ 'README.md': 'nothing\n' });
    expect(await names(head, empty)).toEqual(['evil/flux-system/flux-system (flux)']);
  });
});
