/**
 * discoverFluxEnvironments follows each cluster's bootstrap Kustomization through the
 * paths of the Kustomizations it applies, as in fluxcd/flux2-kustomize-helm-example, and
 * fails only the environments it cannot follow.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  discoverFluxEnvironments,
  type FluxDiscovery,
  fluxSourcesOf,
  normaliseFluxPath,
} from '../../../src/flux/discover.js';

const CANARY = 'c4n4ry5ecret';
const created: string[] = [];

afterEach(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A repository with `files` (path -> text) and `links` (path -> target). */
function repo(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-flux-'));
  created.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const doc = (...documents: string[][]) =>
  lines(...documents.flatMap((text, index) => (index ? ['---', ...text] : text)));

/** A Flux Kustomization; `namespace: undefined` leaves metadata.namespace out. */
function fluxKustomization(
  name: string,
  path: string,
  options: { namespace?: string | undefined; source?: string; extra?: string[] } = {},
): string[] {
  const namespace = 'namespace' in options ? options.namespace : 'flux-system';
  // kind/name, or kind/namespace/name
  const [kind, ...source] = (options.source ?? 'GitRepository/flux-system').split('/');
  const sourceName = source.pop();
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  interval: 10m',
    `  path: ${path}`,
    '  prune: true',
    '  sourceRef:',
    `    kind: ${kind}`,
    `    name: ${sourceName}`,
    ...source.map((sourceNamespace) => `    namespace: ${sourceNamespace}`),
    ...(options.extra ?? []),
  ];
}

function gitRepository(name: string, url: string): string[] {
  return [
    'apiVersion: source.toolkit.fluxcd.io/v1',
    'kind: GitRepository',
    'metadata:',
    `  name: ${name}`,
    '  namespace: flux-system',
    'spec:',
    '  interval: 1m',
    '  ref: { branch: main }',
    `  url: ${url}`,
  ];
}

const kustomizeFile = (...resources: string[]) =>
  lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    ...resources.map((resource) => `  - ${resource}`),
  );

/** One cluster of the example: bootstrap, infrastructure and apps. */
function cluster(name: string): Record<string, string> {
  return {
    [`clusters/${name}/flux-system/gotk-components.yaml`]: doc(
      ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: flux-system'],
      [
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata:',
        '  name: kustomizations.kustomize.toolkit.fluxcd.io',
        'spec:',
        '  group: kustomize.toolkit.fluxcd.io',
      ],
    ),
    [`clusters/${name}/flux-system/gotk-sync.yaml`]: doc(
      gitRepository('flux-system', 'ssh://git@github.com/example/fleet'),
      fluxKustomization('flux-system', `./clusters/${name}`),
    ),
    [`clusters/${name}/flux-system/kustomization.yaml`]: kustomizeFile(
      'gotk-components.yaml',
      'gotk-sync.yaml',
    ),
    [`clusters/${name}/infrastructure.yaml`]: doc(
      fluxKustomization('infra-controllers', './infrastructure/controllers'),
      fluxKustomization('infra-configs', './infrastructure/configs', {
        extra: ['  dependsOn:', '    - name: infra-controllers'],
      }),
    ),
    [`clusters/${name}/apps.yaml`]: doc(
      fluxKustomization('apps', `./apps/${name}`, { extra: ['  dependsOn:', '    - name: infra-configs'] }),
    ),
    [`apps/${name}/kustomization.yaml`]: lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - ../base/podinfo',
      'patches:',
      '  - path: podinfo-values.yaml',
    ),
    [`apps/${name}/podinfo-values.yaml`]: lines(
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata:',
      '  name: podinfo',
      '  namespace: podinfo',
      'spec:',
      `  values: { ingress: { hosts: [{ host: podinfo.${name}.example.com }] } }`,
    ),
  };
}

const example: Record<string, string> = {
  ...cluster('production'),
  ...cluster('staging'),
  'infrastructure/controllers/kustomization.yaml': kustomizeFile('ingress-nginx.yaml', 'cert-manager.yaml'),
  'infrastructure/controllers/ingress-nginx.yaml': doc(
    ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: ingress-nginx'],
    [
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: HelmRepository',
      'metadata:',
      '  name: ingress-nginx',
      '  namespace: ingress-nginx',
      'spec:',
      '  url: https://kubernetes.github.io/ingress-nginx',
    ],
    [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata:',
      '  name: ingress-nginx',
      '  namespace: ingress-nginx',
      'spec:',
      '  chart: { spec: { chart: ingress-nginx, sourceRef: { kind: HelmRepository, name: ingress-nginx } } }',
    ],
  ),
  'infrastructure/controllers/cert-manager.yaml': doc([
    'apiVersion: source.toolkit.fluxcd.io/v1',
    'kind: HelmRepository',
    'metadata:',
    '  name: cert-manager',
    '  namespace: cert-manager',
    'spec:',
    '  type: oci',
    '  url: oci://quay.io/jetstack/charts',
  ]),
  // No kustomization.yaml: kustomize-controller generates one from every YAML file.
  'infrastructure/configs/cluster-issuers.yaml': doc([
    'apiVersion: cert-manager.io/v1',
    'kind: ClusterIssuer',
    'metadata:',
    '  name: letsencrypt',
  ]),
  'apps/base/podinfo/kustomization.yaml': lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'namespace: podinfo',
    'resources:',
    '  - namespace.yaml',
    '  - repository.yaml',
    '  - release.yaml',
  ),
  'apps/base/podinfo/namespace.yaml': lines(
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: podinfo',
  ),
  'apps/base/podinfo/repository.yaml': lines(
    'apiVersion: source.toolkit.fluxcd.io/v1',
    'kind: HelmRepository',
    'metadata:',
    '  name: podinfo',
    'spec:',
    '  url: https://stefanprodan.github.io/podinfo',
  ),
  'apps/base/podinfo/release.yaml': lines(
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: podinfo',
    'spec:',
    '  chart: { spec: { chart: podinfo, sourceRef: { kind: HelmRepository, name: podinfo } } }',
    '  valuesFrom: [{ kind: ConfigMap, name: podinfo-values }]',
  ),
};

/** `name=path (parent)` per environment. */
function tree(discovery: FluxDiscovery): string[] {
  return discovery.environments.map(
    ({ name, path, parent }) => `${name}=${path === '' ? '.' : path}${parent ? ` (${parent})` : ''}`,
  );
}

function problems(discovery: FluxDiscovery): string[] {
  return discovery.problems.map(
    ({ environment, file, line, message }) => `${environment ?? '-'} ${file}:${line} ${message}`,
  );
}

describe('discoverFluxEnvironments in a repository like flux2-kustomize-helm-example', () => {
  it('finds each cluster’s bootstrap and every Kustomization it applies from this repository', () => {
    const discovery = discoverFluxEnvironments(repo(example));
    expect(tree(discovery)).toEqual([
      'production/flux-system/apps=apps/production (production/flux-system/flux-system)',
      'production/flux-system/flux-system=clusters/production',
      'production/flux-system/infra-configs=infrastructure/configs (production/flux-system/flux-system)',
      'production/flux-system/infra-controllers=infrastructure/controllers (production/flux-system/flux-system)',
      'staging/flux-system/apps=apps/staging (staging/flux-system/flux-system)',
      'staging/flux-system/flux-system=clusters/staging',
      'staging/flux-system/infra-configs=infrastructure/configs (staging/flux-system/flux-system)',
      'staging/flux-system/infra-controllers=infrastructure/controllers (staging/flux-system/flux-system)',
    ]);
    expect(discovery.problems).toEqual([]);
    expect(discovery.external).toEqual([]);
    const [apps] = discovery.environments;
    expect(apps).toMatchObject({
      cluster: 'production',
      namespace: 'flux-system',
      kustomizationName: 'apps',
      file: 'clusters/production/apps.yaml',
      line: 1,
    });
    const configs = discovery.environments.find(
      (environment) => environment.kustomizationName === 'infra-configs',
    );
    expect(configs).toMatchObject({ file: 'clusters/production/infrastructure.yaml', line: 14 });
  });

  it('gives a later renderer each cluster’s sources by namespace and name, and the files read', () => {
    const discovery = discoverFluxEnvironments(repo(example));
    const sources = fluxSourcesOf(discovery, 'production');
    expect([...sources.keys()].sort()).toEqual([
      'GitRepository/flux-system/flux-system',
      'HelmRepository/cert-manager/cert-manager',
      'HelmRepository/ingress-nginx/ingress-nginx',
      'HelmRepository/podinfo/podinfo',
    ]);
    expect(sources.get('HelmRepository/podinfo/podinfo')).toMatchObject({
      file: 'apps/base/podinfo/repository.yaml',
      line: 1,
    });
    const releases = discovery.clusters
      .get('production')!
      .objects.filter((object) => object.kind === 'HelmRelease')
      .map((object) => `${object.namespace}/${object.object.metadata.name} ${object.file}`);
    // The patch in apps/production is not listed as a resource: not an object of its own.
    expect(releases).toEqual([
      'podinfo/podinfo apps/base/podinfo/release.yaml',
      'ingress-nginx/ingress-nginx infrastructure/controllers/ingress-nginx.yaml',
    ]);
    expect(discovery.clusters.get('staging')!.files).toContain('apps/staging/kustomization.yaml');
    expect(discovery.clusters.get('staging')!.files).not.toContain('apps/production/kustomization.yaml');
  });
});

describe('discoverFluxEnvironments fails only what it cannot follow', () => {
  const withApps = (...documents: string[][]) => ({
    ...example,
    'clusters/production/more.yaml': doc(...documents),
  });

  it('reports a Kustomization whose path is missing, and keeps the others', () => {
    const discovery = discoverFluxEnvironments(
      repo(withApps(fluxKustomization('missing', './apps/missing'))),
    );
    expect(problems(discovery)).toEqual([
      'production/flux-system/missing clusters/production/more.yaml:1 cannot read spec.path: apps/missing: no such folder in the repository',
    ]);
    expect(tree(discovery)).toHaveLength(8);
    expect(tree(discovery).join('\n')).not.toContain('missing');
  });

  it('reports a path that leads outside the repository, with .. or through a link to /etc', () => {
    const root = repo(
      withApps(
        fluxKustomization('escape', '../../../etc'),
        fluxKustomization('inside-out', './apps/production/../../../..'),
        fluxKustomization('linked', './apps/etc'),
      ),
      { 'apps/etc': '/etc' },
    );
    const discovery = discoverFluxEnvironments(root);
    expect(problems(discovery)).toEqual([
      'production/flux-system/escape clusters/production/more.yaml:1 spec.path leads outside the repository',
      'production/flux-system/inside-out clusters/production/more.yaml:14 spec.path leads outside the repository',
      'production/flux-system/linked clusters/production/more.yaml:27 cannot read spec.path: apps/etc leads outside the repository through a symbolic link',
    ]);
    expect(tree(discovery)).toHaveLength(8);
  });

  it('reports Kustomizations whose paths hold each other', () => {
    const root = repo({
      ...withApps(fluxKustomization('a', './cycle/a')),
      'cycle/a/b.yaml': doc(fluxKustomization('b', './cycle/b')),
      'cycle/b/kustomization.yaml': kustomizeFile('../../clusters/production/more.yaml', 'c.yaml'),
      'cycle/b/c.yaml': doc(fluxKustomization('c', './apps/base/podinfo')),
    });
    const discovery = discoverFluxEnvironments(root);
    const cycle =
      'Kustomizations whose paths hold each other: production/flux-system/a, production/flux-system/b';
    expect(problems(discovery)).toEqual([
      `production/flux-system/a clusters/production/more.yaml:1 ${cycle}`,
      `production/flux-system/b cycle/a/b.yaml:1 ${cycle}`,
    ]);
    // What the cycle applies is not part of it.
    expect(tree(discovery)).toContain(
      'production/flux-system/c=apps/base/podinfo (production/flux-system/b)',
    );
  });

  it('reports a name defined twice in one cluster, and shares a path between clusters', () => {
    const root = repo({
      ...withApps(fluxKustomization('apps', './apps/base/podinfo')),
      'clusters/staging/shared.yaml': doc(fluxKustomization('shared', './shared')),
      'clusters/production/shared.yaml': doc(fluxKustomization('shared', './shared')),
      'shared/objects.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: shared'),
    });
    const discovery = discoverFluxEnvironments(root);
    expect(problems(discovery)).toEqual([
      'production/flux-system/apps clusters/production/more.yaml:1 production/flux-system/apps is defined twice in the cluster: here and at clusters/production/apps.yaml:1',
    ]);
    expect(tree(discovery).filter((name) => name.includes('/apps='))).toEqual([
      'staging/flux-system/apps=apps/staging (staging/flux-system/flux-system)',
    ]);
    expect(tree(discovery).filter((name) => name.includes('shared'))).toEqual([
      'production/flux-system/shared=shared (production/flux-system/flux-system)',
      'staging/flux-system/shared=shared (staging/flux-system/flux-system)',
    ]);
    // A ConfigMap without a namespace is applied in the namespace of its Kustomization.
    expect(fluxSourcesOf(discovery, 'staging').has('ConfigMap/flux-system/shared')).toBe(true);
  });

  it('lists Kustomizations from an OCIRepository or another Git repository as external', () => {
    const root = repo(
      withApps(
        fluxKustomization('from-oci', './', { source: 'OCIRepository/podinfo' }),
        fluxKustomization('from-other-git', './deploy', { source: 'GitRepository/other' }),
        gitRepository('other', 'https://github.com/example/other.git'),
        gitRepository('same', 'https://github.com/Example/fleet.git'),
        fluxKustomization('from-same-url', './apps/base/podinfo', { source: 'GitRepository/same' }),
        fluxKustomization('from-nowhere', './deploy', { source: 'GitRepository/unknown' }),
      ),
    );
    const discovery = discoverFluxEnvironments(root);
    expect(discovery.external).toEqual([
      {
        name: 'production/flux-system/from-nowhere',
        file: 'clusters/production/more.yaml',
        line: 60,
        reason: 'its source is the GitRepository flux-system/unknown, which this repository does not define',
      },
      {
        name: 'production/flux-system/from-oci',
        file: 'clusters/production/more.yaml',
        line: 1,
        reason: 'its source is the OCIRepository flux-system/podinfo, not this repository',
      },
      {
        name: 'production/flux-system/from-other-git',
        file: 'clusters/production/more.yaml',
        line: 14,
        reason:
          'its source is the GitRepository flux-system/other, which fetches another repository (if it is this one by another URL, list that URL in repositoryUrls)',
      },
    ]);
    // ssh://git@github.com/example/fleet and https://github.com/Example/fleet.git are one repository.
    expect(tree(discovery)).toContain(
      'production/flux-system/from-same-url=apps/base/podinfo (production/flux-system/flux-system)',
    );
    expect(discovery.problems).toEqual([]);

    // Named in the configuration as another URL of this repository, `other` is this one.
    const aliased = discoverFluxEnvironments(root, ['git@github.com:example/other']);
    expect(aliased.external.map((found) => found.name)).not.toContain(
      'production/flux-system/from-other-git',
    );
    // Followed as this repository's: its path is looked for here (and is missing).
    expect(problems(aliased)).toEqual([
      'production/flux-system/from-other-git clusters/production/more.yaml:14 cannot read spec.path: deploy: no such folder in the repository',
    ]);
  });

  it('fails the environment whose path holds YAML that does not parse, naming file and line only', () => {
    const root = repo({
      ...withApps(fluxKustomization('broken', './broken')),
      'broken/secret.yaml': lines(
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: token',
        'stringData:',
        `  token: |${CANARY}`,
        '    x',
      ),
    });
    const discovery = discoverFluxEnvironments(root);
    expect(problems(discovery)).toHaveLength(1);
    expect(problems(discovery)[0]).toMatch(
      /^production\/flux-system\/broken clusters\/production\/more\.yaml:1 cannot read spec\.path: broken\/secret\.yaml:6:\d+: YAML syntax: /,
    );
    expect(JSON.stringify(discovery)).not.toContain(CANARY);
    expect(tree(discovery)).toHaveLength(8);
  });
});

describe('discoverFluxEnvironments namespaces and roots', () => {
  it('places a Kustomization without a namespace in that of the one applying it, or its targetNamespace', () => {
    const root = repo({
      ...example,
      'clusters/production/tenants.yaml': doc(
        fluxKustomization('tenants', './tenants', {
          namespace: 'tenants',
          source: 'GitRepository/flux-system/flux-system',
        }),
        fluxKustomization('targeted', './targeted', { extra: ['  targetNamespace: team-b'] }),
      ),
      'tenants/team-a.yaml': doc(
        fluxKustomization('team-a', './apps/base/podinfo', {
          namespace: undefined,
          source: 'GitRepository/flux-system/flux-system',
        }),
        // sourceRef.namespace defaults to the Kustomization's own: tenants/flux-system.
        fluxKustomization('team-a-elsewhere', './apps/base/podinfo', { namespace: undefined }),
      ),
      'targeted/team-b.yaml': doc(
        fluxKustomization('team-b', './apps/base/podinfo', {
          namespace: 'ignored',
          source: 'GitRepository/flux-system/flux-system',
        }),
      ),
    });
    const discovery = discoverFluxEnvironments(root);
    const names = tree(discovery);
    expect(names).toContain('production/tenants/team-a=apps/base/podinfo (production/tenants/tenants)');
    expect(discovery.external.map(({ name, reason }) => `${name}: ${reason}`)).toEqual([
      'production/tenants/team-a-elsewhere: its source is the GitRepository tenants/flux-system, which this repository does not define',
    ]);
    expect(names).toContain('production/team-b/team-b=apps/base/podinfo (production/flux-system/targeted)');
  });

  it('takes the whole repository as cluster `default` when there is no clusters folder', () => {
    const root = repo({
      'flux/gotk-sync.yaml': doc(
        gitRepository('flux-system', 'https://github.com/example/single'),
        fluxKustomization('flux-system', './flux', { namespace: undefined }),
      ),
      'flux/apps.yaml': doc(fluxKustomization('apps', 'apps/', { namespace: undefined })),
      'apps/config.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: config'),
      // A chart's template is no manifest, and no problem either.
      'charts/app/Chart.yaml': lines('apiVersion: v2', 'name: app', 'version: 0.1.0'),
      'charts/app/templates/sync.yaml': lines(
        '{{- if .Values.flux }}',
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        '{{- end }}',
      ),
    });
    const discovery = discoverFluxEnvironments(root);
    expect(tree(discovery)).toEqual([
      'default/flux-system/apps=apps (default/flux-system/flux-system)',
      'default/flux-system/flux-system=flux',
    ]);
    expect(discovery.problems).toEqual([]);
  });

  it('without a bootstrap, starts from every Kustomization of flux-system/flux-system in a cluster folder', () => {
    const root = repo({
      'clusters/dev/apps.yaml': doc(fluxKustomization('apps', './apps')),
      'clusters/dev/other.yaml': doc(fluxKustomization('other', './apps', { source: 'GitRepository/other' })),
      'apps/config.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: config'),
    });
    expect(tree(discoverFluxEnvironments(root))).toEqual(['dev/flux-system/apps=apps']);
  });

  it('normalises spec.path to a repository-relative posix path', () => {
    expect(normaliseFluxPath('./clusters/production/')).toBe('clusters/production');
    expect(normaliseFluxPath('./')).toBe('');
    expect(normaliseFluxPath('.')).toBe('');
    expect(normaliseFluxPath(undefined)).toBe('');
    expect(normaliseFluxPath('/apps//x/../y')).toBe('apps/y');
    expect(normaliseFluxPath('apps/../../x')).toBeUndefined();
  });
});
