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
    [`apps/${cluster}/configmap.yaml`]: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: web }'),
  };
}

describe('flux.promote', () => {
  it("gives a cluster's discovered environments their namesakes in another cluster as promote.from", async () => {
    const root = await tempRepo({
      ...fluxCluster('production'),
      ...fluxCluster('staging'),
      ...fluxCluster('dev'),
      'plumbline.yaml': lines(
        'flux:',
        '  promote:',
        '    production: { from: staging, via: commit }',
        '    staging/flux-system/apps: { from: dev/flux-system/apps, images: [ghcr.io/acme/app] }',
      ),
    });
    const config = await loadConfig(root);
    const promote = Object.fromEntries(config.environments.map((env) => [env.name, env.promote]));
    expect(promote['production/flux-system/apps']).toEqual({
      from: 'staging/flux-system/apps',
      via: 'commit',
      allowDowngrade: false,
    });
    expect(promote['production/flux-system/flux-system']?.from).toBe('staging/flux-system/flux-system');
    expect(promote['staging/flux-system/apps']).toEqual({
      from: 'dev/flux-system/apps',
      via: 'pull-request',
      allowDowngrade: false,
      images: ['ghcr.io/acme/app'],
    });
    expect(promote['staging/flux-system/flux-system']).toBeUndefined();
    expect(promote['dev/flux-system/apps']).toBeUndefined();
    expect(config).not.toHaveProperty('fluxPromote');
  });

  it('refuses a cluster promoted from an environment, and an environment from a cluster', () => {
    const parsed = parseConfigText(
      lines(
        'flux:',
        '  promote:',
        '    production: { from: staging/flux-system/apps }',
        '    staging/flux-system/apps: { from: dev }',
        '    dev: { from: dev }',
      ),
      'plumbline.yaml',
    );
    expect(parsed.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [3, expect.stringMatching(/cluster promotes from another Flux cluster/)],
      [4, expect.stringMatching(/environment promotes from another Flux environment/)],
      [5, 'an environment cannot promote from itself'],
    ]);
  });

  it('refuses a key that is neither a cluster nor an environment name', () => {
    const parsed = parseConfigText(
      lines('flux:', '  promote:', '    production/apps: { from: staging/apps }'),
      'plumbline.yaml',
    );
    expect(parsed.config).toBeUndefined();
    expect(parsed.problems.map((problem) => problem.line)).toContain(3);
  });
});
