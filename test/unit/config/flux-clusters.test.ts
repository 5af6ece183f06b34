import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { parseConfigText } from '../../../src/config/parse.js';
import { lines, tempRepo } from './temp-repo.js';

/** clusters/<cluster> bootstrapped, applying ./apps/<cluster> as the Kustomization apps. */
function fluxCluster(cluster: string): Record<string, string> {
  const kustomization = (name: string, path: string) =>
    lines(
      'apiVersion: kustomize.toolkit.fluxcd.io/v1',
      'kind: Kustomization',
      'metadata:',
      `  name: ${name}`,
      '  namespace: flux-system',
      'spec:',
      '  interval: 10m',
      `  path: ${path}`,
      '  prune: true',
      '  sourceRef: { kind: GitRepository, name: flux-system }',
    );
  return {
    [`clusters/${cluster}/flux-system/gotk-sync.yaml`]: [
      lines(
        'apiVersion: source.toolkit.fluxcd.io/v1',
        'kind: GitRepository',
        'metadata: { name: flux-system, namespace: flux-system }',
        'spec: { interval: 1m, url: ssh://git@example.com/fleet, ref: { branch: main } }',
      ),
      kustomization('flux-system', `./clusters/${cluster}`),
    ].join('---\n'),
    [`clusters/${cluster}/apps.yaml`]: kustomization('apps', `./apps/${cluster}`),
    [`apps/${cluster}/configmap.yaml`]: lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: web, namespace: shop }',
    ),
  };
}

describe('clusters.<context>.fluxCluster', () => {
  it('gives the discovered Flux environments of that cluster the context, and its capabilities', async () => {
    const root = await tempRepo({
      ...fluxCluster('production'),
      ...fluxCluster('staging'),
      'plumbline.yaml': lines(
        'capabilities: { kubeVersion: "1.30.0" }',
        'clusters:',
        '  prod-eu:',
        '    fluxCluster: production',
        '    capabilities: { apiVersions: [example.com/v1] }',
      ),
    });
    const config = await loadConfig(root);
    const byName = Object.fromEntries(config.environments.map((env) => [env.name, env]));
    expect(byName['production/flux-system/apps']).toMatchObject({
      cluster: { context: 'prod-eu' },
      capabilities: { kubeVersion: 'v1.30.0', apiVersions: ['example.com/v1'] },
    });
    expect(byName['production/flux-system/flux-system']?.cluster).toEqual({ context: 'prod-eu' });
    expect(byName['staging/flux-system/apps']?.cluster).toBeUndefined();
    expect(byName['staging/flux-system/apps']?.capabilities).toEqual({
      kubeVersion: 'v1.30.0',
      apiVersions: [],
    });
    expect(config).not.toHaveProperty('fluxClusters');
  });

  it('refuses two contexts for one Flux cluster, pointing at the second', () => {
    const parsed = parseConfigText(
      lines('clusters:', '  a: { fluxCluster: production }', '  b: { fluxCluster: production }'),
      'plumbline.yaml',
    );
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: 'another context already names this Flux cluster',
      }),
    ]);
  });

  it('refuses a Flux cluster with a slash', () => {
    const parsed = parseConfigText(lines('clusters:', '  a: { fluxCluster: eu/prod }'), 'plumbline.yaml');
    expect(parsed.problems).toHaveLength(1);
  });
});

describe('repositoryUrls', () => {
  /** A Kustomization in production whose GitRepository fetches `url`. */
  const mirrored = (url: string) => ({
    'clusters/production/mirror.yaml': [
      lines(
        'apiVersion: source.toolkit.fluxcd.io/v1',
        'kind: GitRepository',
        'metadata: { name: mirror, namespace: flux-system }',
        `spec: { interval: 1m, url: "${url}", ref: { branch: main } }`,
      ),
      lines(
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: { name: mirrored, namespace: flux-system }',
        'spec:',
        '  interval: 10m',
        '  path: ./apps/production',
        '  prune: true',
        '  sourceRef: { kind: GitRepository, name: mirror }',
      ),
    ].join('---\n'),
  });

  it("makes a Kustomization fetched through another URL of this repository an environment (loadConfig's trusted checkout)", async () => {
    const files = { ...fluxCluster('production'), ...mirrored('https://Mirror.example.com/org/fleet.git') };
    const without = await loadConfig(await tempRepo(files));
    expect(without.environments.map((env) => env.name)).not.toContain('production/flux-system/mirrored');

    const config = await loadConfig(
      await tempRepo({
        ...files,
        'plumbline.yaml': lines('repositoryUrls: [ssh://git@mirror.example.com/org/fleet]'),
      }),
    );
    expect(config.render.repositoryUrls).toEqual(['ssh://git@mirror.example.com/org/fleet']);
    expect(config.environments.find((env) => env.name === 'production/flux-system/mirrored')).toMatchObject({
      path: 'apps/production',
      renderer: 'flux',
    });
  });

  it('refuses a URL that is not a string, pointing at it', () => {
    const parsed = parseConfigText(lines('repositoryUrls:', '  - 42'), 'plumbline.yaml');
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 2 })]);
  });
});
