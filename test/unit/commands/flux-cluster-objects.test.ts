/**
 * `flux.clusterObjects`: the file of a Flux cluster's ConfigMaps and Secrets outside Git,
 * as the configuration names it, as a checkout holds it, and as the renders' lookup answers
 * from it before asking the live cluster. (Reading it at a base revision, and renders using
 * it, are in flux-cluster-objects-plan.test.ts: they run git, kustomize and helm.)
 */
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterClient } from '../../../src/cluster/index.js';
import {
  clusterObjectFilesInCheckout,
  clusterObjectLookup,
} from '../../../src/commands/flux-cluster-objects.js';
import { loadConfig } from '../../../src/config/load.js';
import { parseConfigText } from '../../../src/config/parse.js';
import type { EnvironmentConfig, PlumblineConfig } from '../../../src/config/types.js';
import { maskValue } from '../../../src/diff/mask.js';
import type { KubeObject } from '../../../src/resource.js';
import { lines, tempRepo } from '../config/temp-repo.js';

const CONFIG = lines('flux:', '  clusterObjects:', '    production: flux/production-cluster.yaml');

const CLUSTER_FILE = lines(
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: { name: cluster-vars, namespace: flux-system }',
  'data: { region: eu-west-1 }',
  '---',
  'apiVersion: v1',
  'kind: Secret',
  'metadata: { name: cluster-secrets, namespace: flux-system }',
  'stringData: { token: s3cr3t }',
  'data: { other: b3RoZXI= }',
);

function configWith(fluxClusterObjects: Record<string, string>): PlumblineConfig {
  return {
    file: 'plumbline.yaml',
    environments: [],
    render: { allowHosts: [], limits: { bytes: 1, objects: 1 }, repositories: [] },
    diff: { ignore: [] },
    drift: { after: 1, labels: [] },
    fluxClusterObjects,
  };
}

const production: EnvironmentConfig = {
  name: 'production/flux-system/apps',
  path: 'apps',
  renderer: 'flux',
  flux: { cluster: 'production', namespace: 'flux-system', name: 'apps' },
};

describe('flux.clusterObjects in plumbline.yaml', () => {
  it('names a file per Flux cluster, its path normalised', () => {
    const parsed = parseConfigText(
      lines(
        'flux:',
        '  clusterObjects:',
        '    production: ./flux//production.yaml',
        '    staging: staging.yaml',
      ),
      'plumbline.yaml',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.config?.fluxClusterObjects).toEqual({
      production: 'flux/production.yaml',
      staging: 'staging.yaml',
    });
  });

  it('refuses a path outside the repository, naming the field', () => {
    const parsed = parseConfigText(
      lines('flux:', '  clusterObjects:', '    production: ../outside.yaml', '    staging: /etc/passwd'),
      'plumbline.yaml',
    );
    expect(parsed.problems.map((problem) => [problem.line, problem.column, problem.message])).toEqual([
      [3, 17, 'the file of cluster objects must be a path inside the repository'],
      [4, 14, 'the file of cluster objects must be a path inside the repository'],
    ]);
  });

  it('refuses a Flux cluster name with a slash and an unknown field', () => {
    const parsed = parseConfigText(
      lines('flux:', '  clusterObjects:', '    a/b: x.yaml', '  clusterObject: {}'),
      'plumbline.yaml',
    );
    expect(parsed.problems.map((problem) => problem.line)).toContain(3);
    expect(parsed.problems.map((problem) => problem.line)).toContain(4);
  });

  it('is kept in the configuration of a repository whose environments are discovered', async () => {
    const root = await tempRepo({
      'plumbline.yaml': CONFIG,
      'envs/dev/kustomization.yaml': 'resources: []\n',
    });
    const config = await loadConfig(root);
    expect(config.fluxClusterObjects).toEqual({ production: 'flux/production-cluster.yaml' });
  });
});

describe("the file of a cluster's objects, in the checkout", () => {
  it('holds its ConfigMaps and Secrets by key, Secrets masked when read', async () => {
    const root = await tempRepo({ 'flux/production-cluster.yaml': CLUSTER_FILE });
    const files = await clusterObjectFilesInCheckout(
      root,
      configWith({ production: 'flux/production-cluster.yaml' }),
    );
    const objects = files.get('production');
    expect([...(objects?.keys() ?? [])]).toEqual([
      'ConfigMap/flux-system/cluster-vars',
      'Secret/flux-system/cluster-secrets',
    ]);
    expect(objects?.get('ConfigMap/flux-system/cluster-vars')?.object.data).toEqual({ region: 'eu-west-1' });
    const secret = objects?.get('Secret/flux-system/cluster-secrets');
    expect(secret?.place).toBe('flux/production-cluster.yaml:6');
    expect(secret?.object.data).toEqual({
      token: maskValue(Buffer.from('s3cr3t').toString('base64')),
      other: maskValue('b3RoZXI='),
    });
    expect(JSON.stringify(secret)).not.toContain('s3cr3t');
    expect(JSON.stringify(secret)).not.toContain('b3RoZXI=');
  });

  it('fails when the named file is missing, naming the setting and the path', async () => {
    const root = await tempRepo({ 'plumbline.yaml': CONFIG });
    await expect(
      clusterObjectFilesInCheckout(root, configWith({ production: 'flux/production-cluster.yaml' })),
    ).rejects.toThrow(
      'plumbline.yaml: flux.clusterObjects.production names flux/production-cluster.yaml, which does not exist',
    );
  });

  it('does not follow a link out of the repository', async () => {
    const root = await tempRepo({ 'plumbline.yaml': CONFIG });
    const outside = await tempRepo({ 'cluster.yaml': CLUSTER_FILE });
    await symlink(join(outside, 'cluster.yaml'), join(root, 'cluster.yaml'));
    await expect(
      clusterObjectFilesInCheckout(root, configWith({ production: 'cluster.yaml' })),
    ).rejects.toThrow('is a symbolic link that leads outside the repository');
  });

  it('takes only namespaced ConfigMaps and Secrets, once each', async () => {
    const read = async (text: string) => {
      const root = await tempRepo({ 'objects.yaml': text });
      return clusterObjectFilesInCheckout(root, configWith({ production: 'objects.yaml' }));
    };
    await expect(
      read(lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: a }')),
    ).rejects.toThrow(
      'flux.clusterObjects.production: objects.yaml:1: not a ConfigMap or Secret (apiVersion v1)',
    );
    await expect(read(lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: a }'))).rejects.toThrow(
      'objects.yaml:1: the ConfigMap names no namespace',
    );
    const twice = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: a, namespace: b }');
    await expect(read(`${twice}---\n${twice}`)).rejects.toThrow(
      'objects.yaml:5: ConfigMap b/a is there twice (first at objects.yaml:1)',
    );
  });
});

describe('the lookup the renders get', () => {
  const cm = (name: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'flux-system' },
    data: { from: 'cluster' },
  });

  /** A cluster that holds `live-vars`, counting the GETs. */
  function fakeCluster(): { client: ClusterClient; gets: string[] } {
    const gets: string[] = [];
    const client = {
      context: 'prod-eu',
      readObject: async (wanted: { kind: string; namespace: string; name: string }) => {
        gets.push(`${wanted.kind}/${wanted.namespace}/${wanted.name}`);
        return wanted.name === 'live-vars' ? cm('live-vars') : undefined;
      },
    } as unknown as ClusterClient;
    return { client, gets };
  }

  it('answers from the file first, then from the cluster, asking it once per object', async () => {
    const root = await tempRepo({ 'flux/production-cluster.yaml': CLUSTER_FILE });
    const files = await clusterObjectFilesInCheckout(
      root,
      configWith({ production: 'flux/production-cluster.yaml' }),
    );
    const { client, gets } = fakeCluster();
    const lookup = clusterObjectLookup(files, () => Promise.resolve(client));
    if (!lookup) throw new Error('no lookup');
    const ask = (kind: 'ConfigMap' | 'Secret', name: string) =>
      lookup(production, { kind, namespace: 'flux-system', name });

    expect((await ask('ConfigMap', 'cluster-vars'))?.place).toBe('flux/production-cluster.yaml:1');
    expect(await ask('ConfigMap', 'live-vars')).toEqual({
      object: cm('live-vars'),
      place: 'the cluster (kubeconfig context prod-eu)',
    });
    expect(await ask('ConfigMap', 'nowhere')).toBeUndefined();
    await ask('ConfigMap', 'live-vars');
    expect(gets).toEqual(['ConfigMap/flux-system/live-vars', 'ConfigMap/flux-system/nowhere']);
  });

  it('asks no cluster for an environment the run does not compare with one', async () => {
    const files = new Map([['staging', new Map()]]);
    const { client, gets } = fakeCluster();
    const lookup = clusterObjectLookup(files, (env) =>
      env.name.startsWith('production/') ? undefined : Promise.resolve(client),
    );
    expect(
      await lookup?.(production, { kind: 'ConfigMap', namespace: 'flux-system', name: 'live-vars' }),
    ).toBe(undefined);
    expect(gets).toEqual([]);
    expect(clusterObjectLookup(new Map())).toBeUndefined();
  });
});
