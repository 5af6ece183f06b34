/**
 * discoverArgoApplications reads the Applications a repository defines as files (an
 * app-of-apps root and its children alike): those with a source in this repository, or a
 * Helm chart, are applications; the others are external; what plumbline cannot render is
 * a problem of that Application alone, named by file and line.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ArgoDiscovery,
  clusterOf,
  discoverArgoApplications,
  normaliseArgoPath,
} from '../../../src/argocd/discover.js';

const CANARY = 'c4n4ry5ecret';
const THIS_REPOSITORY = 'https://github.com/example/fleet.git';
const created: string[] = [];

afterEach(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A repository with `files` (path -> text) and `links` (path -> target). */
function repo(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-argocd-'));
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

interface ApplicationOptions {
  namespace?: string;
  project?: string;
  /** The lines under `destination:`; in-cluster by default. */
  destination?: string[];
  /** The lines under `spec:` that give the sources; one source of this repository by default. */
  sources?: string[];
}

/** An Application as YAML lines. */
function application(name: string, options: ApplicationOptions = {}): string[] {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    `  name: ${name}`,
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'spec:',
    ...(options.project ? [`  project: ${options.project}`] : []),
    '  destination:',
    ...(options.destination ?? ['    server: https://kubernetes.default.svc', `    namespace: ${name}`]),
    ...(options.sources ?? gitSource(THIS_REPOSITORY, `apps/${name}`)),
  ];
}

/** `spec.source` of a Git repository. */
function gitSource(repoURL: string, path: string, ...rest: string[]): string[] {
  return ['  source:', `    repoURL: ${repoURL}`, '    targetRevision: main', `    path: ${path}`, ...rest];
}

function discover(root: string, repositoryUrls: string[] = [THIS_REPOSITORY]): ArgoDiscovery {
  return discoverArgoApplications(root, { repositoryUrls });
}

/** Names only, to compare outcomes at a glance. */
function outline(discovery: ArgoDiscovery) {
  return {
    applications: discovery.applications.map(({ name }) => name),
    external: discovery.external.map(({ name }) => name),
    problems: discovery.problems.map(
      ({ application, file, line, message }) => `${application ?? '-'} ${file}:${line} ${message}`,
    ),
  };
}

describe('discoverArgoApplications', () => {
  it('finds an app-of-apps root and the Applications of the folder it points at', () => {
    const root = repo({
      'bootstrap/root.yaml': lines(
        ...application('root', {
          destination: ['    server: https://kubernetes.default.svc', '    namespace: argocd'],
          sources: gitSource(
            'git@github.com:example/fleet.git',
            './apps/',
            '    directory:',
            '      recurse: true',
          ),
        }),
      ),
      'apps/web.yaml': lines(...application('web', { sources: gitSource(THIS_REPOSITORY, 'workloads/web') })),
      'apps/api.yaml': lines(
        ...application('api', { namespace: 'argocd', sources: gitSource(THIS_REPOSITORY, 'workloads/api') }),
      ),
      'workloads/web/deployment.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web }',
      ),
    });
    const discovery = discover(root);
    expect(outline(discovery)).toEqual({
      applications: ['in-cluster/api', 'in-cluster/root', 'in-cluster/web'],
      external: [],
      problems: [],
    });
    const rootApplication = discovery.applications.find(({ name }) => name === 'in-cluster/root');
    // It names no namespace: it lives in Argo CD's, whichever the configuration says that is.
    expect(rootApplication).not.toHaveProperty('namespace');
    expect(discovery.applications.find(({ name }) => name === 'in-cluster/api')?.namespace).toBe('argocd');
    expect(rootApplication).toMatchObject({
      cluster: 'in-cluster',
      file: 'bootstrap/root.yaml',
      line: 1,
      project: 'default',
      destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
      sources: [
        {
          repoURL: 'git@github.com:example/fleet.git',
          targetRevision: 'main',
          path: 'apps',
          directory: { recurse: true },
          local: true,
        },
      ],
    });
    expect(rootApplication?.object.metadata.name).toBe('root');
  });

  it('reads spec.sources with a ref, a Helm chart from a repository, and ignores spec.source then', () => {
    const root = repo({
      'apps/monitoring.yaml': lines(
        ...application('monitoring', {
          project: 'platform',
          destination: ['    name: prod', '    namespace: monitoring'],
          sources: [
            '  source:',
            '    repoURL: https://github.com/example/ignored',
            '    path: ignored',
            '  sources:',
            '    - repoURL: https://prometheus-community.github.io/helm-charts',
            '      chart: kube-prometheus-stack',
            '      targetRevision: 61.3.2',
            '      helm:',
            '        releaseName: prom',
            '        valueFiles:',
            '          - $values/values/prometheus.yaml',
            '          - $ARGOCD_APP_NAME/values.yaml',
            '        fileParameters:',
            '          - name: config',
            '            path: $values/files/config.json',
            '    - repoURL: https://github.com/Example/Fleet',
            '      targetRevision: main',
            '      ref: values',
          ],
        }),
      ),
    });
    const discovery = discover(root);
    expect(outline(discovery)).toEqual({ applications: ['prod/monitoring'], external: [], problems: [] });
    expect(discovery.applications[0]).toMatchObject({
      project: 'platform',
      destination: { name: 'prod', namespace: 'monitoring' },
    });
    expect(discovery.applications[0]?.sources).toEqual([
      {
        repoURL: 'https://prometheus-community.github.io/helm-charts',
        chart: 'kube-prometheus-stack',
        targetRevision: '61.3.2',
        helm: {
          releaseName: 'prom',
          valueFiles: ['$values/values/prometheus.yaml', '$ARGOCD_APP_NAME/values.yaml'],
          fileParameters: [{ name: 'config', path: '$values/files/config.json' }],
        },
        local: false,
      },
      { repoURL: 'https://github.com/Example/Fleet', targetRevision: 'main', ref: 'values', local: true },
    ]);
  });

  it('takes a Helm chart from a repository or an OCI registry as an application, never local', () => {
    const chart = (repoURL: string) => [
      '  source:',
      `    repoURL: ${repoURL}`,
      '    chart: podinfo',
      '    targetRevision: 6.x',
      '    helm:',
      '      valuesObject: { replicaCount: 2 }',
    ];
    const root = repo({
      'apps/charts.yaml': doc(
        application('podinfo', { sources: chart('https://stefanprodan.github.io/podinfo') }),
        application('podinfo-oci', { sources: chart('ghcr.io/stefanprodan/charts') }),
        // A chart is never read from this repository, even when its repoURL says so.
        application('podinfo-here', { sources: chart(THIS_REPOSITORY) }),
      ),
    });
    const discovery = discover(root);
    expect(outline(discovery).applications).toEqual([
      'in-cluster/podinfo',
      'in-cluster/podinfo-here',
      'in-cluster/podinfo-oci',
    ]);
    expect(discovery.applications.flatMap(({ sources }) => sources.map(({ local }) => local))).toEqual([
      false,
      false,
      false,
    ]);
    expect(discovery.applications[0]?.sources[0]?.helm).toEqual({ valuesObject: { replicaCount: 2 } });
  });

  it("knows this repository in every form of the caller's URLs, and calls the rest external", () => {
    const forms = [
      'https://github.com/example/fleet',
      'https://GitHub.com/Example/Fleet.git/',
      'ssh://git@github.com/example/fleet.git',
      'git@github.com:example/fleet',
      'https://mirror.example.com/fleet.git',
    ];
    const root = repo({
      'apps/ours.yaml': doc(
        ...forms.map((url, index) =>
          application(`ours-${index}`, { sources: gitSource(url, `apps/${index}`) }),
        ),
      ),
      'apps/theirs.yaml': doc(
        application('theirs', {
          sources: gitSource(`https://deploy:${CANARY}@github.com/other/repo.git`, 'x'),
        }),
        application('theirs-too', {
          sources: [
            '  sources:',
            '    - repoURL: https://github.com/other/repo',
            '      path: a',
            '    - repoURL: git@github.com:example/fleet-apps',
            '      path: b',
          ],
        }),
      ),
    });
    const discovery = discover(root, [
      'git@github.com:example/fleet.git',
      'https://mirror.example.com/fleet',
    ]);
    expect(outline(discovery)).toEqual({
      applications: forms.map((_, index) => `in-cluster/ours-${index}`),
      external: ['in-cluster/theirs', 'in-cluster/theirs-too'],
      problems: [],
    });
    expect(discovery.external).toEqual([
      {
        name: 'in-cluster/theirs',
        file: 'apps/theirs.yaml',
        line: 1,
        reason: 'its source is https://github.com/other/repo.git, another repository',
      },
      {
        name: 'in-cluster/theirs-too',
        file: 'apps/theirs.yaml',
        line: 14,
        reason:
          'its sources are https://github.com/other/repo, git@github.com:example/fleet-apps, other repositories',
      },
    ]);
    expect(JSON.stringify(discovery.external)).not.toContain(CANARY);
  });

  it('names each destination cluster: its name, in-cluster, or the server host and port', () => {
    const at = (name: string, destination: string[]) =>
      application(name, { destination: [...destination, '    namespace: x'] });
    const root = repo({
      'apps/clusters.yaml': doc(
        at('by-name', ['    name: prod-eu']),
        at('name-wins', ['    name: staging', '    server: https://staging.example.com']),
        at('in-cluster', ['    server: https://kubernetes.default.svc/']),
        at('by-server', ['    server: https://api.prod.example.com:6443']),
        at('default-port', ['    server: https://10.0.0.1:443/k8s/clusters/c-abc']),
        at('arn', ['    name: arn:aws:eks:eu-west-1:123456789012:cluster/prod']),
      ),
    });
    expect(outline(discover(root)).applications).toEqual([
      '10.0.0.1/default-port',
      'api.prod.example.com:6443/by-server',
      'arn:aws:eks:eu-west-1:123456789012:cluster%2Fprod/arn',
      'in-cluster/in-cluster',
      'prod-eu/by-name',
      'staging/name-wins',
    ]);
  });

  it('reports an Application with no source it can read, or no destination cluster', () => {
    const root = repo({
      'apps/broken.yaml': doc(
        application('no-source', { sources: [] }),
        application('empty-sources', { sources: ['  sources: []'] }),
        application('no-cluster', { destination: ['    namespace: x'] }),
        application('bad-server', { destination: ['    server: not a url'] }),
        application('no-repo', { sources: ['  source:', '    path: apps/x'] }),
        application('number', {
          sources: ['  source:', `    repoURL: ${THIS_REPOSITORY}`, '    targetRevision: 1.10'],
        }),
        application('hydrated', {
          sources: ['  sourceHydrator:', `    drySource: { repoURL: ${THIS_REPOSITORY}, path: apps/x }`],
        }),
      ),
    });
    expect(outline(discover(root))).toEqual({
      applications: [],
      external: [],
      problems: [
        'in-cluster/no-source apps/broken.yaml:1 the Application has no source: set spec.source or spec.sources',
        'in-cluster/empty-sources apps/broken.yaml:10 the Application has no source: set spec.source or spec.sources',
        '- apps/broken.yaml:20 Application no-cluster names no destination cluster: set spec.destination.name or spec.destination.server',
        '- apps/broken.yaml:32 Application bad-server: spec.destination.server is not a URL',
        'in-cluster/no-repo apps/broken.yaml:44 spec.source has no repoURL',
        'in-cluster/number apps/broken.yaml:55 spec.source.targetRevision must be a string: quote it',
        'in-cluster/hydrated apps/broken.yaml:67 spec.sourceHydrator is not supported: Argo CD renders what its hydrator commits',
      ],
    });
  });

  it('reports plugins, jsonnet, paths outside the repository and unknown refs', () => {
    const local = (name: string, ...rest: string[]) =>
      application(name, { sources: gitSource(THIS_REPOSITORY, `apps/${name}`, ...rest) });
    const root = repo({
      'apps/unsupported.yaml': doc(
        local('plugin', '    plugin:', '      name: argocd-vault-plugin'),
        local('discovered-plugin', '    plugin: {}'),
        local('jsonnet', '    directory:', '      jsonnet:', '        tlas: [{ name: env, value: prod }]'),
        application('outside', { sources: gitSource(THIS_REPOSITORY, 'apps/../../elsewhere') }),
        application('unknown-ref', {
          sources: [
            '  sources:',
            '    - repoURL: https://charts.example.com',
            '      chart: web',
            '      targetRevision: 1.0.0',
            '      helm:',
            '        valueFiles: [$valeus/web.yaml, values.yaml, $values/ok.yaml]',
            '    - repoURL: https://github.com/example/fleet',
            '      ref: values',
          ],
        }),
        local('single-ref', '    helm:', '      valueFiles: [$values/web.yaml]'),
      ),
    });
    expect(outline(discover(root))).toEqual({
      applications: [],
      external: [],
      problems: [
        'in-cluster/plugin apps/unsupported.yaml:1 spec.source: config management plugins are not supported: argocd-vault-plugin',
        'in-cluster/discovered-plugin apps/unsupported.yaml:16 spec.source: config management plugins are not supported: one chosen by discovery',
        'in-cluster/jsonnet apps/unsupported.yaml:30 spec.source.directory.jsonnet: jsonnet is not supported',
        'in-cluster/outside apps/unsupported.yaml:46 spec.source.path leads outside the repository',
        'in-cluster/unknown-ref apps/unsupported.yaml:59 spec.sources[0].helm.valueFiles[0] names $valeus, which no source of the Application defines as ref',
        'in-cluster/single-ref apps/unsupported.yaml:76 spec.source.helm.valueFiles[0] names $values, which no source of the Application defines as ref',
      ],
    });
  });

  it('keeps the first of two Applications with one name and names it in the second one’s problem', () => {
    const root = repo({
      'a/web.yaml': lines(...application('web')),
      'b/web.yaml': lines(...application('web', { sources: gitSource(THIS_REPOSITORY, 'other') })),
      // The same metadata.name on another cluster is another application.
      'c/web.yaml': lines(...application('web', { destination: ['    name: prod'] })),
    });
    const discovery = discover(root);
    expect(outline(discovery)).toEqual({
      applications: ['in-cluster/web', 'prod/web'],
      external: [],
      problems: ['in-cluster/web b/web.yaml:1 in-cluster/web is defined twice: here and at a/web.yaml:1'],
    });
    expect(discovery.applications[0]?.file).toBe('a/web.yaml');
  });

  it('fails only the Application with a problem, and a file that does not parse only itself', () => {
    const root = repo({
      'apps/bad.yaml': lines(...application('bad'), `    ${CANARY}: [`),
      'apps/good.yaml': doc(
        application('good'),
        application('plugin', { sources: [...gitSource(THIS_REPOSITORY, 'p'), '    plugin: { name: cmp }'] }),
      ),
    });
    const discovery = discover(root);
    expect(outline(discovery).applications).toEqual(['in-cluster/good']);
    expect(discovery.problems.map(({ file, line }) => `${file}:${line}`)).toEqual([
      'apps/bad.yaml:14',
      'apps/good.yaml:14',
    ]);
    expect(discovery.problems[0]?.message).toMatch(/^apps\/bad\.yaml:14:\d+: YAML syntax/);
    expect(JSON.stringify(discovery)).not.toContain(CANARY);
  });

  it('does not read an Application through a link to /etc or outside the repository', () => {
    const outside = repo({ 'app.yaml': lines(...application(CANARY)) });
    const root = repo(
      { 'apps/web.yaml': lines(...application('web')) },
      { 'apps/etc': '/etc', 'apps/outside.yaml': join(outside, 'app.yaml'), 'apps/outside': outside },
    );
    const discovery = discover(root);
    expect(outline(discovery)).toEqual({ applications: ['in-cluster/web'], external: [], problems: [] });
    expect(JSON.stringify(discovery)).not.toContain(CANARY);
  });

  it("skips a Helm chart's templated Applications", () => {
    const root = repo({
      'charts/apps/Chart.yaml': lines('apiVersion: v2', 'name: apps', 'version: 1.0.0'),
      'charts/apps/values.yaml': lines('apps: [web]'),
      'charts/apps/templates/apps.yaml': lines(
        '{{- range .Values.apps }}',
        ...application('{{ . }}'),
        '{{- end }}',
      ),
      'bootstrap/apps.yaml': lines(
        ...application('apps', {
          sources: gitSource(THIS_REPOSITORY, 'charts/apps'),
          destination: ['    server: https://kubernetes.default.svc', '    namespace: argocd'],
        }),
      ),
    });
    expect(outline(discover(root))).toEqual({
      applications: ['in-cluster/apps'],
      external: [],
      problems: [],
    });
  });

  it('finds ApplicationSets without expanding them', () => {
    const applicationSet = (name: string) => [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      '  generators: [{ list: { elements: [{ cluster: prod }] } }]',
      '  template:',
      "    metadata: { name: '{{cluster}}-web' }",
    ];
    const root = repo({
      'sets/b.yaml': lines(...applicationSet('web')),
      'sets/a.yaml': doc(applicationSet('workers'), applicationSet('api')),
    });
    const discovery = discover(root);
    expect(discovery.applications).toEqual([]);
    expect(discovery.applicationSets.map(({ name, file, line }) => `${name} ${file}:${line}`)).toEqual([
      'api sets/a.yaml:10',
      'web sets/b.yaml:1',
      'workers sets/a.yaml:1',
    ]);
    expect(discovery.applicationSets[0]?.object.spec).toMatchObject({ generators: [{ list: {} }] });
  });

  it('sorts every list the same way however the files are laid out', () => {
    const names = ['zeta', 'alpha', 'Mid', 'beta'];
    const files: Record<string, string> = {};
    names.forEach((name, index) => {
      files[`apps/${names[names.length - 1 - index]}.yaml`] = doc(
        application(name),
        application(`${name}-external`, { sources: gitSource('https://github.com/other/repo', name) }),
        application(`${name}-plugin`, {
          sources: [...gitSource(THIS_REPOSITORY, name), '    plugin: { name: p }'],
        }),
      );
    });
    const discovery = discover(repo(files));
    expect(outline(discovery).applications).toEqual([
      'in-cluster/Mid',
      'in-cluster/alpha',
      'in-cluster/beta',
      'in-cluster/zeta',
    ]);
    expect(outline(discovery).external).toEqual([
      'in-cluster/Mid-external',
      'in-cluster/alpha-external',
      'in-cluster/beta-external',
      'in-cluster/zeta-external',
    ]);
    expect(discovery.problems.map(({ file }) => file)).toEqual([
      'apps/Mid.yaml',
      'apps/alpha.yaml',
      'apps/beta.yaml',
      'apps/zeta.yaml',
    ]);
    // Files are named relative to the root, so another checkout of the same files gives the same result.
    expect(discover(repo(files))).toEqual(discovery);
  });
});

describe('normaliseArgoPath', () => {
  it('gives a repository-relative posix path, or undefined when it leads outside', () => {
    expect(normaliseArgoPath('./apps/web/')).toBe('apps/web');
    expect(normaliseArgoPath('/apps//web')).toBe('apps/web');
    expect(normaliseArgoPath('.')).toBe('');
    expect(normaliseArgoPath('apps/../base')).toBe('base');
    expect(normaliseArgoPath('..')).toBeUndefined();
    expect(normaliseArgoPath('apps/../../x')).toBeUndefined();
  });
});

describe('clusterOf', () => {
  it('is undefined when the destination names no cluster', () => {
    expect(clusterOf({ namespace: 'x' })).toBeUndefined();
    expect(clusterOf({ server: 'kubernetes' })).toBeUndefined();
    expect(clusterOf({ name: 'a/b%c' })).toBe('a%2Fb%25c');
  });
});
