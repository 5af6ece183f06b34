// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
/**
 * Flux repositories rendered as Flux's controllers would, offline: a repository shaped like
 * fluxcd/flux2-kustomize-helm-example (clusters/production and clusters/staging, each
 * bootstrapped, with infrastructure and apps; test/support/flux-repository.ts), whose
 * charts come from the real chart servers (test/support/chart-servers.ts): a Helm
 * repository over HTTP and an OCI registry.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runChartFetcher } from '../../../src/charts/fetch.js';
import { loadConfig } from '../../../src/config/load.js';
import { renderSettings } from '../../../src/config/parse.js';
import type { EnvironmentConfig, RenderSettings } from '../../../src/config/types.js';
import { type RenderOptions, type RenderResult, renderEnvironments } from '../../../src/render/render.js';
import type { Resource } from '../../../src/resource.js';
import {
  docs,
  type FluxFixture,
  fluxBootstrap,
  fluxChartAccess,
  fluxFixture,
  fluxKustomization,
  lines,
  writeRepository,
} from '../../support/flux-repository.js';
import { toolPath } from '../../support/tools.js';

const scratch = await mkdtemp(join(tmpdir(), 'plumbline-flux-render-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const writeRepo = (files: Record<string, string>, links: Record<string, string> = {}) =>
  writeRepository(scratch, files, links);

let fixture: FluxFixture;
let appName: string;
let infraName: string;
let helmRepositoryUrl: string;
let ociDigest: string;

beforeAll(async () => {
  fixture = await fluxFixture();
  ({ appName, infraName, helmRepositoryUrl, ociDigest } = fixture.charts);
}, 120_000);

/** The example's two clusters (fluxFleet), as published for this file. */
const fleet = (): Record<string, string> => ({ ...fixture.files });

function settings(allowHosts: string[]): RenderSettings {
  return {
    ...renderSettings(),
    allowHosts,
    repositories: fluxChartAccess(),
  };
}

async function options(allowHosts = ['127.0.0.1']): Promise<RenderOptions> {
  const rendered = settings(allowHosts);
  return {
    tools: { kustomize: toolPath('kustomize'), helm: toolPath('helm') },
    settings: rendered,
    charts: runChartFetcher(rendered, await mkdtemp(join(scratch, 'cache-'))),
  };
}

function byName(results: RenderResult[]): Map<string, RenderResult> {
  return new Map(results.map((result) => [result.environment.name, result]));
}

function resourcesOf(result: RenderResult | undefined): Resource[] {
  if (!result) throw new Error('no such environment');
  if ('error' in result) throw result.error;
  return result.resources;
}

function find(resources: Resource[], kind: string, name: string): Resource {
  const found = resources.find((resource) => resource.id.kind === kind && resource.id.name === name);
  if (!found)
    throw new Error(`no ${kind} ${name} in ${resources.map((resource) => resource.key).join(', ')}`);
  return found;
}

function errorOf(result: RenderResult | undefined): string {
  if (!result || !('error' in result)) throw new Error('the environment rendered');
  return result.error.message;
}

describe('Flux repositories', () => {
  it('discovers one environment per Flux Kustomization, named by cluster, namespace and name', async () => {
    const root = await writeRepo(fleet());
    const config = await loadConfig(root);
    expect(config.environments.map((env) => [env.name, env.path, env.renderer])).toEqual([
      ['production/flux-system/apps', 'apps/production', 'flux'],
      ['production/flux-system/flux-system', 'clusters/production', 'flux'],
      ['production/flux-system/infra-controllers', 'infrastructure/controllers', 'flux'],
      ['staging/flux-system/apps', 'apps/staging', 'flux'],
      ['staging/flux-system/flux-system', 'clusters/staging', 'flux'],
      ['staging/flux-system/infra-controllers', 'infrastructure/controllers', 'flux'],
    ]);
    expect(config.environments[0]?.flux).toEqual({
      cluster: 'production',
      namespace: 'flux-system',
      name: 'apps',
    });
  });

  it('renders each cluster as its controllers would: values, patches, variables and charts', async () => {
    const root = await writeRepo(fleet());
    const config = await loadConfig(root);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    for (const [name, result] of results)
      expect('error' in result ? result.error.message : '', name).toBe('');

    const production = resourcesOf(results.get('production/flux-system/apps'));
    const deployment = find(production, 'Deployment', 'podinfo');
    expect(deployment.id.namespace).toBe('podinfo');
    expect(deployment.object.metadata.annotations).toEqual({
      host: 'podinfo.prod.example.com',
      env: 'production',
      tier: 'gold',
      color: 'blue',
    });
    const spec = deployment.object.spec as {
      replicas: number;
      template: { spec: { containers: { image: string }[] } };
    };
    expect(spec.replicas).toBe(3);
    expect(spec.template.spec.containers[0]?.image).toBe('ghcr.io/acme/podinfo:1.0.0');
    expect(deployment.object.metadata.labels).toEqual({
      'helm.toolkit.fluxcd.io/name': 'podinfo',
      'helm.toolkit.fluxcd.io/namespace': 'podinfo',
    });
    expect(deployment.source.file).toBe(
      `apps/base/podinfo/release.yaml:1 → ${appName}@1.1.0/templates/deployment.yaml`,
    );
    // The HelmRelease stays, with the labels kustomize-controller gives what it applies.
    expect(find(production, 'HelmRelease', 'podinfo').object.metadata.labels).toEqual({
      'kustomize.toolkit.fluxcd.io/name': 'apps',
      'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      team: 'web',
    });
    // The chart's CRDs, and the component the Flux Kustomization adds.
    find(production, 'CustomResourceDefinition', 'podinfos.example.com');
    find(production, 'ConfigMap', 'monitoring');
    const rendered = results.get('production/flux-system/apps');
    expect(rendered && 'provenance' in rendered ? rendered.provenance.charts : []).toEqual([
      expect.objectContaining({ repository: helmRepositoryUrl, name: appName, version: '1.1.0' }),
    ]);

    const staging = resourcesOf(results.get('staging/flux-system/apps'));
    const stagingDeployment = find(staging, 'Deployment', 'podinfo');
    expect(stagingDeployment.object.metadata.annotations).toEqual({
      host: 'podinfo.staging.example.com',
      env: 'staging',
      tier: 'silver',
      color: 'green',
    });
    expect((stagingDeployment.object.spec as { replicas: number }).replicas).toBe(1);
    expect(staging.some((resource) => resource.id.name === 'monitoring')).toBe(false);

    const infra = resourcesOf(results.get('production/flux-system/infra-controllers'));
    const ingress = find(infra, 'ConfigMap', 'ingress-system-ingress');
    expect(ingress.id.namespace).toBe('ingress-system');
    expect(ingress.object.data).toEqual({ chart: `${infraName}-2.0.0`, greeting: 'from-ingress' });
    const cert = find(infra, 'ConfigMap', 'cert');
    expect(cert.id.namespace).toBe('flux-system');
    expect(cert.object.data).toEqual({ chart: `${infraName}-3.1.0`, greeting: 'hello' });
    expect(cert.object.metadata.annotations).toEqual({ 'post-rendered': 'yes' });
    // install.crds: Skip for ingress; the OCI chart's CRD is there once.
    expect(infra.filter((resource) => resource.id.kind === 'CustomResourceDefinition')).toHaveLength(1);
    const infraResult = results.get('production/flux-system/infra-controllers');
    const charts = infraResult && 'provenance' in infraResult ? infraResult.provenance.charts : [];
    expect(charts.map((chart) => [chart.name, chart.version, chart.manifestDigest])).toEqual([
      [infraName, '3.1.0', ociDigest],
      [infraName, '2.0.0', undefined],
    ]);

    const bootstrapped = resourcesOf(results.get('production/flux-system/flux-system'));
    expect(bootstrapped.map((resource) => resource.key).sort()).toEqual([
      '/ConfigMap/flux-system/cluster-vars',
      '/Namespace//flux-system',
      'kustomize.toolkit.fluxcd.io/Kustomization/flux-system/apps',
      'kustomize.toolkit.fluxcd.io/Kustomization/flux-system/flux-system',
      'kustomize.toolkit.fluxcd.io/Kustomization/flux-system/infra-controllers',
      'source.toolkit.fluxcd.io/GitRepository/flux-system/flux-system',
    ]);
  });

  it('fails only the environment whose variable is not defined, naming it and the object', async () => {
    const root = await writeRepo({
      ...fleet(),
      'clusters/staging/extras.yaml': fluxKustomization('extras', './extras/staging', {
        postBuild: { substitute: { known: 'x' } },
      }),
      'extras/staging/configmap.yaml': lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: extras',
        '  namespace: default',
        'data:',
        '  a: ${known}',
        '  b: ${missing_var}',
        '  c: ${defaulted:=fine}',
      ),
    });
    const config = await loadConfig(root);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    const failed = [...results].filter(([, result]) => 'error' in result).map(([name]) => name);
    expect(failed).toEqual(['staging/flux-system/extras']);
    const message = errorOf(results.get('staging/flux-system/extras'));
    expect(message).toContain('clusters/staging/extras.yaml:1');
    expect(message).toContain('missing_var in ConfigMap default/extras (extras/staging (kustomize output):');
    expect(message).not.toContain('defaulted');
  });

  it('fails only the environment of a HelmRelease whose HelmRepository is missing, naming its file and line', async () => {
    const root = await writeRepo({
      ...fleet(),
      'clusters/staging/orphans.yaml': fluxKustomization('orphans', './orphans'),
      'orphans/release.yaml': docs(
        lines('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: orphans'),
        stringify({
          apiVersion: 'helm.toolkit.fluxcd.io/v2',
          kind: 'HelmRelease',
          metadata: { name: 'lost', namespace: 'orphans' },
          spec: {
            chart: { spec: { chart: 'lost', sourceRef: { kind: 'HelmRepository', name: 'nowhere' } } },
          },
        }),
      ),
    });
    const config = await loadConfig(root);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    const failed = [...results].filter(([, result]) => 'error' in result).map(([name]) => name);
    expect(failed).toEqual(['staging/flux-system/orphans']);
    expect(errorOf(results.get('staging/flux-system/orphans'))).toContain(
      'orphans/release.yaml:6: HelmRelease orphans/lost: spec.chart.spec.sourceRef names HelmRepository orphans/nowhere',
    );
  });

  it('fails a chart whose host render.allowHosts does not list', async () => {
    const root = await writeRepo(fleet());
    const config = await loadConfig(root);
    const infra = config.environments.filter(
      (env) => env.name === 'production/flux-system/infra-controllers',
    );
    const [result] = await renderEnvironments(root, infra, await options([]));
    const message = errorOf(result);
    expect(message).toMatch(
      /infrastructure\/controllers\/(cert|ingress)\.yaml:1: HelmRelease flux-system\/(cert|ingress): /,
    );
    expect(message).toMatch(/comes from 127\.0\.0\.1:\d+, which the configuration does not allow/);
  });
});

describe('Secrets and postBuild variables', () => {
  /** A Secret built with a variable, and an object only the variable makes a Secret. */
  const repoWith = (host: string) =>
    writeRepo({
      ...fluxBootstrap('vars'),
      'clusters/vars/app.yaml': fluxKustomization('app', './app', {
        postBuild: { substitute: { DB_HOST: host, KIND: 'Secret' } },
      }),
      'app/db.yaml': lines(
        'apiVersion: v1',
        'kind: Secret',
        'metadata: { name: db }',
        'stringData: { url: "postgres://${DB_HOST}/db" }',
      ),
      'app/made.yaml': lines(
        'apiVersion: v1',
        'kind: ${KIND}',
        'metadata: { name: made }',
        'stringData: { password: hunter2-canary }',
      ),
    });
  const render = async (root: string) => {
    const config = await loadConfig(root);
    const [result] = await renderEnvironments(
      root,
      config.environments.filter((env) => env.name === 'vars/flux-system/app'),
      await options(),
    );
    return resourcesOf(result);
  };

  it('masks a Secret after its variables are in: a changed variable changes its token', async () => {
    const [one, two] = await Promise.all([
      render(await repoWith('a.example')),
      render(await repoWith('b.example')),
    ]);
    const url = (resources: Resource[]) =>
      (find(resources, 'Secret', 'db').object as { data?: Record<string, string> }).data?.url;
    expect(url(one)).toBeDefined();
    expect(url(one)).not.toContain('a.example');
    expect(url(one)).not.toEqual(url(two));
  });

  it('masks an object that only substitution makes a Secret', async () => {
    const resources = await render(await repoWith('a.example'));
    const made = find(resources, 'Secret', 'made');
    expect(JSON.stringify(made.object)).not.toContain('hunter2-canary');
    expect(JSON.stringify(resources)).not.toContain('hunter2-canary');
  });
});

describe('the overlay fields of a Flux Kustomization', () => {
  it('replaces the namespace and name prefix of the folder, and adds patches, images and labels', async () => {
    const root = await writeRepo({
      ...fluxBootstrap('edge'),
      'clusters/edge/overlay.yaml': fluxKustomization('overlay', './overlay', {
        targetNamespace: 'flux-ns',
        namePrefix: 'flux-',
        images: [{ name: 'ghcr.io/acme/web', newTag: '2.0.0' }],
        patches: [
          {
            target: { kind: 'Deployment' },
            patch: lines('- op: replace', '  path: /spec/replicas', '  value: 5'),
          },
        ],
        commonMetadata: { annotations: { owner: 'edge' } },
      }),
      'overlay/kustomization.yaml': lines(
        'namespace: from-file',
        'namePrefix: file-',
        'resources: [deploy.yaml]',
      ),
      'overlay/deploy.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web }',
        'spec:',
        '  replicas: 1',
        '  selector: { matchLabels: { app: web } }',
        '  template:',
        '    metadata: { labels: { app: web } }',
        '    spec: { containers: [{ name: web, image: "ghcr.io/acme/web:1.0.0" }] }',
      ),
    });
    const config = await loadConfig(root);
    const [result] = await renderEnvironments(
      root,
      config.environments.filter((env) => env.name === 'edge/flux-system/overlay'),
      await options(),
    );
    const deployment = find(resourcesOf(result), 'Deployment', 'flux-web');
    expect(deployment.id.namespace).toBe('flux-ns');
    expect(deployment.object.metadata.annotations).toEqual({ owner: 'edge' });
    const spec = deployment.object.spec as {
      replicas: number;
      template: { spec: { containers: { image: string }[] } };
    };
    expect(spec.replicas).toBe(5);
    expect(spec.template.spec.containers[0]?.image).toBe('ghcr.io/acme/web:2.0.0');
  });

  it('renders nothing for a Kustomization the checkout does not apply', async () => {
    const root = await writeRepo(fluxBootstrap('edge'));
    const gone: EnvironmentConfig = {
      name: 'edge/flux-system/gone',
      path: 'gone',
      renderer: 'flux',
      flux: { cluster: 'edge', namespace: 'flux-system', name: 'gone' },
    };
    const [result] = await renderEnvironments(root, [gone], await options());
    expect(resourcesOf(result)).toEqual([]);
  });
});

describe('hostile Flux repositories', () => {
  it('fails a Kustomization whose path leads outside the repository, and reads nothing there', async () => {
    const away = await mkdtemp(join(scratch, 'away-'));
    const canary = 'c4n4ry-flux-value';
    await writeFile(
      join(away, 'secret.yaml'),
      lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: ${canary}`,
        'data:',
        `  leak: ${canary}`,
      ),
    );
    const root = await writeRepo(
      {
        ...fluxBootstrap('hostile'),
        'clusters/hostile/escapes.yaml': docs(
          fluxKustomization('dotdot', '../../etc'),
          fluxKustomization('linked', './linked'),
          fluxKustomization('inner', './inner'),
        ),
        'inner/kustomization.yaml': lines('resources:', '  - ../linked/secret.yaml'),
      },
      { linked: away },
    );
    const config = await loadConfig(root);
    expect(config.environments.map((env) => env.name)).toEqual([
      'hostile/flux-system/dotdot',
      'hostile/flux-system/flux-system',
      'hostile/flux-system/inner',
      'hostile/flux-system/linked',
    ]);
    const results = byName(await renderEnvironments(root, config.environments, await options()));
    for (const name of ['dotdot', 'linked', 'inner']) {
      const message = errorOf(results.get(`hostile/flux-system/${name}`));
      expect(message, name).toMatch(/outside the repository/);
      expect(message, name).not.toContain(canary);
      expect(message, name).not.toContain(away);
    }
    expect(errorOf(results.get('hostile/flux-system/dotdot'))).toContain('clusters/hostile/escapes.yaml:1');
    expect(
      resourcesOf(results.get('hostile/flux-system/flux-system')).map((resource) => resource.id.name),
    ).not.toContain(canary);
  });

  it('never lets a component, a generated resource or a patch reach outside the repository', async () => {
    const away = await mkdtemp(join(scratch, 'away-'));
    await writeFile(
      join(away, 'x.yaml'),
      lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: away'),
    );
    const root = await writeRepo(
      {
        ...fluxBootstrap('hostile'),
        'clusters/hostile/escapes.yaml': docs(
          fluxKustomization('component', './app', { components: ['../../../../../../../../tmp'] }),
          fluxKustomization('generated', './generated'),
          fluxKustomization('patched', './patched'),
        ),
        'app/kustomization.yaml': lines('resources: []'),
        // Discovery reads what a kustomization's resources name; the build reads the rest.
        'patched/kustomization.yaml': lines(
          'resources: [cm.yaml]',
          'patches: [{ path: ../generated/out.yaml }]',
          'configMapGenerator: [{ name: leak, files: [../generated/out.yaml] }]',
        ),
        'patched/cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: away'),
        'generated/ok.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ok'),
      },
      { 'generated/out.yaml': join(away, 'x.yaml') },
    );
    const config = await loadConfig(root);
    const environments: EnvironmentConfig[] = config.environments.filter(
      (env) => env.name !== 'hostile/flux-system/flux-system',
    );
    const results = byName(await renderEnvironments(root, environments, await options()));
    expect(errorOf(results.get('hostile/flux-system/component'))).toMatch(/outside the repository/);
    expect(errorOf(results.get('hostile/flux-system/generated'))).toMatch(/outside the repository/);
    expect(errorOf(results.get('hostile/flux-system/patched'))).toContain(
      'clusters/hostile/escapes.yaml:29: generated/out.yaml leads outside the repository',
    );
  });
});
