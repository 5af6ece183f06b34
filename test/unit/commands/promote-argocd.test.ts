/**
 * promote in an Argo CD repository: the Applications web-staging and web-prod on
 * in-cluster, both in one file, with a chart from a Helm repository (its targetRevision,
 * helm.parameters, valuesObject, a `$values/…` value file of a ref source), a kustomize
 * source with kustomize.images, and a chart folder of this repository with a value file
 * of each environment. Through promote() with a git fixture, as a commit and as a pull
 * request on the fake GitHub. No render: no chart is fetched.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promote } from '../../../src/commands/promote.js';
import { loadConfig } from '../../../src/config/load.js';
import { fakeGitHubFor, type GitHubForgeFixture } from '../promote/support/fake-github.js';
import { type GitFixture, git, gitFixture } from '../promote/support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const REPOSITORY = 'https://git.example.com/acme/fleet.git';
const PROD = 'in-cluster/web-prod';
const STAGING = 'in-cluster/web-staging';

interface Versions {
  chart: string;
  web: string;
  metrics: string;
  worker: string;
  proxy: string;
}

const stagingVersions: Versions = {
  chart: '1.4.0',
  web: '2.1.0',
  metrics: 'v0.9.0',
  worker: '3.1.0',
  proxy: '1.27.0',
};
const prodVersions: Versions = {
  chart: '1.3.0',
  web: '2.0.0',
  metrics: 'v0.8.0',
  worker: '3.0.0',
  proxy: '1.25.0',
};

/** One environment's Application, as a document of argocd/web.yaml. */
function application(env: 'staging' | 'prod', v: Versions): string {
  return lines(
    `# web in ${env}`,
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    `  name: web-${env}`,
    '  namespace: argocd',
    'spec:',
    '  project: default',
    `  destination: { server: https://kubernetes.default.svc, namespace: web-${env} }`,
    '  sources:',
    '    - repoURL: https://charts.example.com/stable',
    '      chart: web',
    `      targetRevision: ${v.chart} # the chart`,
    '      helm:',
    '        valueFiles:',
    `          - $values/envs/${env}/values.yaml`,
    '        parameters:',
    '          - name: image.tag',
    `            value: "${v.web}" # set by CI`,
    '          - name: metrics.image.tag',
    `            value: ${v.metrics}`,
    '          - name: replicas',
    `            value: "${env === 'prod' ? 3 : 1}"`,
    '        valuesObject:',
    '          worker:',
    '            image:',
    '              repository: ghcr.io/acme/worker',
    `              tag: '${v.worker}' # the worker`,
    `    - repoURL: ${REPOSITORY}`,
    '      targetRevision: main',
    '      ref: values',
    `    - repoURL: ${REPOSITORY}`,
    '      targetRevision: main # a Git revision, never promoted',
    `      path: apps/web/overlays/${env}`,
    '      kustomize:',
    '        images:',
    `          - nginx=ghcr.io/acme/proxy:${v.proxy} # the proxy`,
    `    - repoURL: ${REPOSITORY}`,
    '      targetRevision: HEAD',
    '      path: charts/api',
    '      helm:',
    `        valueFiles: [values-${env}.yaml]`,
  );
}

const webApps = (staging: Versions, prod: Versions) =>
  `${application('staging', staging)}---\n${application('prod', prod)}`;

const valuesFile = (env: string, sidecar: string) =>
  lines(
    `# ${env} values`,
    'image:',
    '  repository: ghcr.io/acme/web',
    `  tag: 0.0.${env === 'prod' ? 1 : 2} # overridden by the parameter`,
    'sidecar:',
    `  image: ghcr.io/acme/sidecar:${sidecar}   # keep`,
  );

const overlay = (nginx: string) =>
  lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources: [deployment.yaml]',
    'images:',
    `  - name: nginx # overridden by the Application's kustomize.images`,
    `    newTag: "${nginx}"`,
  );

const deployment = (cron: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: web }',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: proxy',
    '          image: nginx',
    '        - name: cron',
    `          image: ghcr.io/acme/cron:${cron} # cron`,
  );

const apiValues = (tag: string) => lines('image:', '  repository: ghcr.io/acme/api', `  tag: ${tag} # api`);

function files(): Record<string, string> {
  return {
    'plumbline.yaml': lines(
      'repositoryUrls:',
      `  - ${REPOSITORY}`,
      'argocd:',
      '  promote:',
      `    ${PROD}: { from: ${STAGING}, via: commit }`,
    ),
    'argocd/web.yaml': webApps(stagingVersions, prodVersions),
    'envs/staging/values.yaml': valuesFile('staging', '1.6.0'),
    'envs/prod/values.yaml': valuesFile('prod', '1.5.0'),
    'apps/web/overlays/staging/kustomization.yaml': overlay('1.21'),
    'apps/web/overlays/staging/deployment.yaml': deployment('4.1.0'),
    'apps/web/overlays/prod/kustomization.yaml': overlay('1.20'),
    'apps/web/overlays/prod/deployment.yaml': deployment('4.0.0'),
    'charts/api/Chart.yaml': lines('apiVersion: v2', 'name: api', 'version: 0.1.0'),
    // The chart's defaults: both environments read them, so promotion never edits them.
    'charts/api/values.yaml': apiValues('0.1.0'),
    'charts/api/templates/deployment.yaml': lines('image: {{ .Values.image.repository }}'),
    'charts/api/values-staging.yaml': apiValues('5.2.0'),
    'charts/api/values-prod.yaml': apiValues('5.1.0'),
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

/** Commits symbolic links (path → target) to the remote's main. */
function commitLinks(fixture: GitFixture, links: Record<string, string>): void {
  const dir = fixture.clone(`links-${Object.keys(links).length}-${Date.now()}`);
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target, join(dir, path));
  }
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '--quiet', '-m', 'links');
  git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
}

const byImage = (promoted: { image: string }[]) =>
  Object.fromEntries(promoted.map(({ image, ...rest }) => [image, rest]));

describe('promote in an Argo CD repository', () => {
  it("carries staging's versions into web-prod's own Application and files, byte-minimally", async () => {
    fixture = gitFixture(files());
    const dir = fixture.clone('user');
    const before = fixture.head('main') as string;
    const result = await promote({ repoRoot: dir, config: await loadConfig(dir), to: PROD });

    expect(result.status).toBe('promoted');
    const promoted = byImage(result.promoted);
    expect(Object.keys(promoted).sort()).toEqual([
      'chart/web',
      'ghcr.io/acme/api',
      'ghcr.io/acme/cron',
      'ghcr.io/acme/proxy',
      'ghcr.io/acme/sidecar',
      'ghcr.io/acme/web',
      'ghcr.io/acme/worker',
      'helm.parameters/metrics.image',
    ]);
    const at = (from: string, to: string, file: string) =>
      expect.objectContaining({ from: [from], to, files: [file] });
    expect(promoted).toEqual({
      'chart/web': at('1.3.0', '1.4.0', 'argocd/web.yaml'),
      'ghcr.io/acme/web': at('2.0.0', '2.1.0', 'argocd/web.yaml'),
      'helm.parameters/metrics.image': at('v0.8.0', 'v0.9.0', 'argocd/web.yaml'),
      'ghcr.io/acme/worker': at('3.0.0', '3.1.0', 'argocd/web.yaml'),
      'ghcr.io/acme/proxy': at('1.25.0', '1.27.0', 'argocd/web.yaml'),
      'ghcr.io/acme/sidecar': at('1.5.0', '1.6.0', 'envs/prod/values.yaml'),
      'ghcr.io/acme/cron': at('4.0.0', '4.1.0', 'apps/web/overlays/prod/deployment.yaml'),
      'ghcr.io/acme/api': at('5.1.0', '5.2.0', 'charts/api/values-prod.yaml'),
    });

    // Only the versions' bytes changed; staging's Application, comments and quoting stay.
    expect(fixture.read('main', 'argocd/web.yaml')).toBe(webApps(stagingVersions, stagingVersions).trimEnd());
    expect(fixture.read('main', 'envs/prod/values.yaml')).toBe(valuesFile('prod', '1.6.0').trimEnd());
    expect(fixture.read('main', 'apps/web/overlays/prod/deployment.yaml')).toBe(
      deployment('4.1.0').trimEnd(),
    );
    expect(fixture.read('main', 'charts/api/values-prod.yaml')).toBe(apiValues('5.2.0').trimEnd());
    expect(git(fixture.remote, 'diff', '--numstat', before, 'main').split('\n').sort()).toEqual([
      '1\t1\tapps/web/overlays/prod/deployment.yaml',
      '1\t1\tcharts/api/values-prod.yaml',
      '1\t1\tenvs/prod/values.yaml',
      '5\t5\targocd/web.yaml',
    ]);

    const again = await promote({ repoRoot: dir, config: await loadConfig(dir), to: PROD });
    expect(again.status).toBe('nothing-to-promote');
    expect(again.changes).toEqual([]);
  });

  it('opens a pull request, from the Application given by hand', async () => {
    fixture = gitFixture(files());
    hub = await fakeGitHubFor(fixture.remote);
    const dir = fixture.clone('user');
    const before = fixture.head('main');
    const result = await promote(
      {
        repoRoot: dir,
        config: await loadConfig(dir),
        to: PROD,
        from: STAGING,
        via: 'pull-request',
        images: ['chart/web', 'ghcr.io/acme/proxy'],
      },
      { forge: hub.forge },
    );
    expect(result.status).toBe('promoted');
    expect(fixture.head('main')).toBe(before);
    const [pull] = hub.pulls();
    expect(pull?.title).toBe(`Promote 2 images from ${STAGING} to ${PROD}`);
    expect(pull?.body).toContain('<code>chart/web</code> | <code>1.3.0</code> → <code>1.4.0</code>');
    expect(pull?.body).toContain(
      '<code>ghcr.io/acme/proxy</code> | <code>1.25.0</code> → <code>1.27.0</code>',
    );
    expect(fixture.read('plumbline/promote/in-cluster--web-prod', 'argocd/web.yaml')).toBe(
      webApps(stagingVersions, { ...prodVersions, chart: '1.4.0', proxy: '1.27.0' }).trimEnd(),
    );

    // A newer promotion of everything updates the same pull request (its branch read at its commit).
    const newer = await promote(
      { repoRoot: dir, config: await loadConfig(dir), to: PROD, via: 'pull-request' },
      { forge: hub.forge },
    );
    expect(newer.status).toBe('promoted');
    expect(hub.pulls()).toHaveLength(1);
    expect(fixture.read('plumbline/promote/in-cluster--web-prod', 'argocd/web.yaml')).toBe(
      webApps(stagingVersions, stagingVersions).trimEnd(),
    );
    expect(fixture.read('plumbline/promote/in-cluster--web-prod', 'envs/prod/values.yaml')).toBe(
      valuesFile('prod', '1.6.0').trimEnd(),
    );
  });

  it('reads nothing through a symbolic link, nor a value file outside the repository', async () => {
    fixture = gitFixture(files());
    // Outside the repository, with versions that would clash with staging's or be promoted into.
    const outside = join(fixture.root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'values.yaml'), valuesFile('outside', '0.0.1'));
    writeFileSync(join(outside, 'deployment.yaml'), deployment('0.0.1'));
    commitLinks(fixture, {
      'envs/staging/linked.yaml': join(outside, 'values.yaml'),
      'envs/prod/linked.yaml': join(outside, 'values.yaml'),
      'apps/web/overlays/prod/outside': outside,
      'apps/web/overlays/prod/outside.yaml': join(outside, 'deployment.yaml'),
    });
    const app = fixture.read('main', 'argocd/web.yaml');
    fixture.commit({
      'argocd/web.yaml': app
        .replaceAll(
          '          - $values/envs/staging/values.yaml',
          '          - $values/envs/staging/values.yaml\n          - $values/envs/staging/linked.yaml\n          - $values/../outside/values.yaml',
        )
        .replaceAll(
          '          - $values/envs/prod/values.yaml',
          '          - $values/envs/prod/linked.yaml\n          - $values/envs/prod/values.yaml\n          - $values/../../outside/values.yaml',
        ),
    });
    const dir = fixture.clone('user');
    const result = await promote({
      repoRoot: dir,
      config: await loadConfig(dir),
      to: PROD,
      images: ['ghcr.io/acme/sidecar', 'ghcr.io/acme/cron'],
    });
    expect(result.status).toBe('promoted');
    expect(byImage(result.promoted)).toEqual({
      'ghcr.io/acme/sidecar': expect.objectContaining({ from: ['1.5.0'], files: ['envs/prod/values.yaml'] }),
      'ghcr.io/acme/cron': expect.objectContaining({
        from: ['4.0.0'],
        files: ['apps/web/overlays/prod/deployment.yaml'],
      }),
    });
    expect(readFileSync(join(outside, 'values.yaml'), 'utf8')).toBe(valuesFile('outside', '0.0.1'));
    expect(readFileSync(join(outside, 'deployment.yaml'), 'utf8')).toBe(deployment('0.0.1'));
    expect(git(fixture.remote, 'show', 'main:envs/prod/linked.yaml')).toBe(join(outside, 'values.yaml'));
  });

  it('fails, writing nothing, when a source path leads outside the repository', async () => {
    fixture = gitFixture(files());
    const app = fixture.read('main', 'argocd/web.yaml');
    fixture.commit({
      'argocd/web.yaml': app.replace('path: apps/web/overlays/prod', 'path: ../../outside'),
    });
    const dir = fixture.clone('user');
    const before = fixture.head('main');
    const config = await loadConfig(dir);
    const promotion = promote({ repoRoot: dir, config, to: PROD, from: STAGING, via: 'commit' });
    await expect(promotion).rejects.toThrow(/in-cluster\/web-prod cannot be promoted: .*leads outside/);
    await expect(promotion).rejects.toMatchObject({ hint: expect.stringContaining('Nothing was written') });
    expect(fixture.head('main')).toBe(before);
  });

  it('fails, writing nothing, when the base branch no longer defines the target', async () => {
    fixture = gitFixture(files());
    const dir = fixture.clone('user');
    const config = await loadConfig(dir);
    // The remote's base moves on after the configuration was read: web-prod is gone.
    fixture.commit({ 'argocd/web.yaml': application('staging', stagingVersions) });
    const before = fixture.head('main');
    const promotion = promote({ repoRoot: dir, config, to: PROD });
    await expect(promotion).rejects.toThrow(
      'in-cluster/web-prod is not an Argo CD Application that the base branch defines',
    );
    await expect(promotion).rejects.toMatchObject({ hint: expect.stringContaining('Nothing was written') });
    expect(fixture.head('main')).toBe(before);
  });

  it('promotes into the folders of an Application an ApplicationSet generates, never its template', async () => {
    const appSet = lines(
      '# one Application per environment',
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata: { name: api, namespace: argocd }',
      'spec:',
      '  generators:',
      '    - list:',
      '        elements:',
      '          - env: staging',
      '          - env: prod',
      '  template:',
      "    metadata: { name: 'api-{{env}}' }",
      '    spec:',
      '      project: default',
      "      destination: { server: https://kubernetes.default.svc, namespace: 'api-{{env}}' }",
      '      source:',
      `        repoURL: ${REPOSITORY}`,
      '        targetRevision: main',
      "        path: 'apps/api/{{env}}'",
      '        kustomize:',
      "          namePrefix: '{{env}}-'",
      '      info:',
      '        - { name: pinned, value: ghcr.io/acme/api:0.0.1 }',
    );
    const kustomization = (tag: string) =>
      lines(
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources: [deployment.yaml]',
        'images:',
        '  - name: ghcr.io/acme/api',
        `    newTag: ${tag} # api`,
      );
    fixture = gitFixture({
      'plumbline.yaml': lines(
        'repositoryUrls:',
        `  - ${REPOSITORY}`,
        'argocd:',
        '  promote:',
        '    in-cluster/api-prod: { from: in-cluster/api-staging, via: commit }',
      ),
      'argocd/api.yaml': appSet,
      'apps/api/staging/kustomization.yaml': kustomization('2.0.0'),
      'apps/api/staging/deployment.yaml': deployment('1.0.0'),
      'apps/api/prod/kustomization.yaml': kustomization('1.9.0'),
      'apps/api/prod/deployment.yaml': deployment('1.0.0'),
    });
    const dir = fixture.clone('user');
    const before = fixture.head('main') as string;
    const result = await promote({ repoRoot: dir, config: await loadConfig(dir), to: 'in-cluster/api-prod' });
    expect(result.status).toBe('promoted');
    expect(byImage(result.promoted)).toEqual({
      'ghcr.io/acme/api': expect.objectContaining({
        from: ['1.9.0'],
        to: '2.0.0',
        files: ['apps/api/prod/kustomization.yaml'],
      }),
    });
    expect(git(fixture.remote, 'diff', '--name-only', before, 'main')).toBe(
      'apps/api/prod/kustomization.yaml',
    );
    expect(fixture.read('main', 'argocd/api.yaml')).toBe(appSet.trimEnd());
    expect(fixture.read('main', 'apps/api/prod/kustomization.yaml')).toBe(kustomization('2.0.0').trimEnd());
  });
});
