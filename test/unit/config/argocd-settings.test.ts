import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { argoSettings, parseConfigText } from '../../../src/config/parse.js';
import { lines, tempRepo } from './temp-repo.js';

const REPOSITORY = 'https://git.example.test/platform/gitops.git';

/** An Argo CD Application of this repository, on the destination `cluster` (by name). */
function application(name: string, cluster: string): string {
  return lines(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    `metadata: { name: ${name}, namespace: argocd }`,
    'spec:',
    `  source: { repoURL: ${REPOSITORY}, path: apps/${name} }`,
    `  destination: { name: ${cluster}, namespace: ${name} }`,
  );
}

const files = {
  'argocd/web-staging.yaml': application('web-staging', 'staging'),
  'argocd/web-prod.yaml': application('web-prod', 'production'),
  'argocd/api-prod.yaml': application('api-prod', 'production'),
  'apps/web-staging/configmap.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: web }'),
  'apps/web-prod/configmap.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: web }'),
  'apps/api-prod/configmap.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: api }'),
};

describe('clusters.<context>.argocdCluster', () => {
  it('gives the discovered Applications of that destination cluster the context, and its capabilities', async () => {
    const root = await tempRepo({
      ...files,
      'plumbline.yaml': lines(
        `repositoryUrls: [${REPOSITORY}]`,
        'clusters:',
        '  prod-eu:',
        '    argocdCluster: production',
        '    capabilities: { kubeVersion: "1.31.0" }',
      ),
    });
    const config = await loadConfig(root);
    const byName = Object.fromEntries(config.environments.map((env) => [env.name, env]));
    expect(Object.keys(byName)).toEqual([
      'production/api-prod',
      'production/web-prod',
      'staging/web-staging',
    ]);
    expect(byName['production/web-prod']).toMatchObject({
      cluster: { context: 'prod-eu' },
      capabilities: { kubeVersion: 'v1.31.0' },
    });
    expect(byName['staging/web-staging']?.cluster).toBeUndefined();
    expect(config).not.toHaveProperty('argocdContexts');
  });

  it('gives no context to a cluster named like a property of every object', async () => {
    const root = await tempRepo({
      'argocd/evil.yaml': application('evil', 'constructor'),
      'apps/evil/configmap.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: evil }'),
      'plumbline.yaml': lines(
        `repositoryUrls: [${REPOSITORY}]`,
        'clusters: { prod-eu: { argocdCluster: production } }',
        'argocd: { promote: { production: { from: staging } } }',
      ),
    });
    const [evil] = (await loadConfig(root)).environments;
    expect(evil?.name).toBe('constructor/evil');
    expect(evil).not.toHaveProperty('cluster');
    expect(evil).not.toHaveProperty('promote');
  });

  it('refuses two contexts for one Argo CD cluster, pointing at the second', () => {
    const parsed = parseConfigText(
      lines('clusters:', '  a: { argocdCluster: in-cluster }', '  b: { argocdCluster: in-cluster }'),
      'plumbline.yaml',
    );
    expect(parsed.problems).toEqual([
      expect.objectContaining({ line: 3, message: 'another context already names this Argo CD cluster' }),
    ]);
  });
});

describe('argocd', () => {
  it("defaults to Argo CD 3's tracking, label key and namespace", () => {
    expect(argoSettings()).toEqual({
      trackingMethod: 'annotation',
      instanceLabelKey: 'app.kubernetes.io/instance',
      namespace: 'argocd',
      ignoreDifferences: [],
    });
    expect(parseConfigText(lines('diff: { ignore: [] }'), 'plumbline.yaml').config).not.toHaveProperty(
      'argocd',
    );
  });

  it('reads tracking, system-level rules and the clusters the cluster generator lists', () => {
    const { config, problems } = parseConfigText(
      lines(
        'argocd:',
        '  trackingMethod: label',
        '  instanceLabelKey: argocd.argoproj.io/instance',
        '  ignoreDifferences:',
        '    - { group: apps, kind: Deployment, jsonPointers: [/spec/replicas] }',
        '  clusters:',
        '    - { name: production, server: "https://prod.example.test", labels: { env: prod } }',
      ),
      'plumbline.yaml',
    );
    expect(problems).toEqual([]);
    expect(config?.argocd).toEqual({
      trackingMethod: 'label',
      instanceLabelKey: 'argocd.argoproj.io/instance',
      namespace: 'argocd',
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
    });
    expect(config?.render.argocdClusters).toEqual([
      { name: 'production', server: 'https://prod.example.test', labels: { env: 'prod' }, annotations: {} },
    ]);
  });

  it('refuses an unknown tracking method and a cluster without a server, with their lines', () => {
    const { problems } = parseConfigText(
      lines('argocd:', '  trackingMethod: labels', '  clusters:', '    - { name: production }'),
      'plumbline.yaml',
    );
    expect(problems.map((problem) => problem.line)).toEqual([2, 4]);
  });

  it('refuses ignoreDifferences it could not read, at the rule’s line', () => {
    const { problems } = parseConfigText(
      lines(
        'argocd:',
        '  ignoreDifferences:',
        '    - jsonPointers: [spec/replicas]',
        '    - jqPathExpressions: [\'.data | test("x")\']',
      ),
      'plumbline.yaml',
    );
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [3, 'not a JSON pointer: it must start with /'],
      [4, expect.stringMatching(/regular expressions \(test\) are not supported/)],
    ]);
  });

  it('gives discovered Applications their promote: their own entry, else their cluster’s', async () => {
    const root = await tempRepo({
      ...files,
      'apps/web-staging/../api-staging/configmap.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: api }\n',
      'plumbline.yaml': lines(
        `repositoryUrls: [${REPOSITORY}]`,
        'argocd:',
        '  promote:',
        '    production: { from: staging }',
        '    production/web-prod: { from: staging/web-staging, via: commit }',
      ),
    });
    const config = await loadConfig(root);
    const byName = Object.fromEntries(config.environments.map((env) => [env.name, env]));
    expect(byName['production/web-prod']?.promote).toMatchObject({
      from: 'staging/web-staging',
      via: 'commit',
    });
    expect(byName['production/api-prod']?.promote).toMatchObject({
      from: 'staging/api-prod',
      via: 'pull-request',
    });
    expect(byName['staging/web-staging']?.promote).toBeUndefined();
  });

  it('refuses a promotion across forms, and from itself', () => {
    const { problems } = parseConfigText(
      lines(
        'argocd:',
        '  promote:',
        '    production: { from: staging/web }',
        '    production/web: { from: staging }',
        '    staging/web: { from: staging/web }',
      ),
      'plumbline.yaml',
    );
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [3, 'an Argo CD cluster promotes from another Argo CD cluster: a name without "/"'],
      [4, 'an Argo CD environment promotes from another Argo CD environment: <cluster>/<name>'],
      [5, 'an environment cannot promote from itself'],
    ]);
  });
});
