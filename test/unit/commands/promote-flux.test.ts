// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
/**
 * promote in a Flux repository (test/support/flux-repository.ts, production and staging):
 * an image tag in staging's HelmRelease values patch and its chart version move to
 * production's own patch, through promote() with a git fixture, as a commit and as a pull
 * request on the fake GitHub. No render: the charts are never fetched.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promote } from '../../../src/commands/promote.js';
import { loadConfig } from '../../../src/config/load.js';
import { type FluxCharts, fluxFleet, lines } from '../../support/flux-repository.js';
import { fakeGitHubFor, type GitHubForgeFixture } from '../promote/support/fake-github.js';
import { type GitFixture, git, gitFixture } from '../promote/support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

// Names only: nothing is fetched or rendered.
const charts = {
  appName: 'podinfo',
  infraName: 'ingress',
  helmRepositoryUrl: 'http://127.0.0.1:1/charts',
  ociUrl: 'oci://127.0.0.1:1/charts/ingress',
} as FluxCharts;

const patch = (cluster: string, version: string, tag: string, comment: string) =>
  lines(
    `# ${comment}`,
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: podinfo',
    '  namespace: podinfo',
    'spec:',
    '  chart:',
    '    spec:',
    `      version: "${version}" # the chart, pinned per cluster`,
    '  values:',
    `    replicas: ${cluster === 'production' ? 3 : 1}`,
    `    image: ghcr.io/acme/podinfo:${tag}   # app`,
    '    host: podinfo.${domain}',
  );

const overlay = (file: string) =>
  lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../base/podinfo',
    'patches:',
    `  - path: ${file}`,
  );

const PRODUCTION = 'production/flux-system/apps';
const STAGING = 'staging/flux-system/apps';

function files(): Record<string, string> {
  return {
    ...fluxFleet(charts),
    'plumbline.yaml': lines('flux:', '  promote:', '    production: { from: staging, via: commit }'),
    'apps/staging/kustomization.yaml': overlay('podinfo-release.yaml'),
    'apps/staging/podinfo-values.yaml': lines('color: green'),
    'apps/staging/podinfo-release.yaml': patch('staging', '1.1.0', '1.2.0', 'staging'),
    'apps/production/podinfo-values.yaml': patch('production', '1.0.0', '1.0.0', 'production'),
  };
}

let fixture: GitFixture | undefined;
let hub: GitHubForgeFixture | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  fixture?.cleanup();
  fixture = undefined;
});

describe('promote in a Flux repository', () => {
  it("carries staging's image tag and chart version into production's own patch, byte-minimally", async () => {
    fixture = gitFixture(files());
    const dir = fixture.clone('user');
    const before = fixture.head('main') as string;
    const result = await promote({ repoRoot: dir, config: await loadConfig(dir), to: PRODUCTION });

    expect(result.status).toBe('promoted');
    expect(result.promoted).toEqual([
      expect.objectContaining({
        image: 'ghcr.io/acme/podinfo',
        from: ['1.0.0'],
        to: '1.2.0',
        files: ['apps/production/podinfo-values.yaml'],
      }),
      expect.objectContaining({
        image: 'HelmRelease/podinfo',
        from: ['1.0.0'],
        to: '1.1.0',
        files: ['apps/production/podinfo-values.yaml'],
      }),
    ]);
    expect(fixture.read('main', 'apps/production/podinfo-values.yaml')).toBe(
      patch('production', '1.1.0', '1.2.0', 'production').trimEnd(),
    );
    // Only production's own file changed: not the shared base, not staging.
    expect(git(fixture.remote, 'diff', '--name-only', before, 'main')).toBe(
      'apps/production/podinfo-values.yaml',
    );
    expect(git(fixture.remote, 'diff', '--numstat', before, 'main')).toBe(
      '2\t2\tapps/production/podinfo-values.yaml',
    );

    const again = await promote({ repoRoot: dir, config: await loadConfig(dir), to: PRODUCTION });
    expect(again.status).toBe('nothing-to-promote');
  });

  it('opens a pull request naming both, from the Flux environment given by hand', async () => {
    fixture = gitFixture(files());
    hub = await fakeGitHubFor(fixture.remote);
    const dir = fixture.clone('user');
    const result = await promote(
      {
        repoRoot: dir,
        config: await loadConfig(dir),
        to: PRODUCTION,
        from: STAGING,
        via: 'pull-request',
      },
      { forge: hub.forge },
    );
    expect(result.status).toBe('promoted');
    const [pull] = hub.pulls();
    expect(pull?.title).toBe(`Promote 2 images from ${STAGING} to ${PRODUCTION}`);
    expect(pull?.body).toContain(
      '<code>HelmRelease/podinfo</code> | <code>1.0.0</code> → <code>1.1.0</code>',
    );
    expect(pull?.body).toContain(
      '<code>ghcr.io/acme/podinfo</code> | <code>1.0.0</code> → <code>1.2.0</code>',
    );
    expect(
      fixture.read('plumbline/promote/production--flux-system--apps', 'apps/production/podinfo-values.yaml'),
    ).toBe(patch('production', '1.1.0', '1.2.0', 'production').trimEnd());
  });

  it('never edits a folder the source applies too', async () => {
    // Both clusters apply ./apps/staging: promoting into it would change staging as well.
    fixture = gitFixture({
      ...files(),
      'clusters/production/apps.yaml': lines(
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: { name: apps, namespace: flux-system }',
        'spec:',
        '  interval: 10m',
        '  path: ./apps/staging',
        '  sourceRef: { kind: GitRepository, name: flux-system }',
      ),
    });
    const dir = fixture.clone('user');
    const before = fixture.head('main');
    const result = await promote({ repoRoot: dir, config: await loadConfig(dir), to: PRODUCTION });
    expect(result.status).toBe('nothing-to-promote');
    expect(result.notes).toContain(`ghcr.io/acme/podinfo: not used in ${PRODUCTION}`);
    expect(fixture.head('main')).toBe(before);
  });
});
