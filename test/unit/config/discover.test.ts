import { describe, expect, it } from 'vitest';
import { discoverEnvironments } from '../../../src/config/discover.js';
import { loadConfig } from '../../../src/config/load.js';
import { renderSettings } from '../../../src/config/parse.js';
import { lines, tempRepo } from './temp-repo.js';

const kustomization = lines('resources:', '  - ../../base');
const names = (environments: { name: string; path: string }[]) =>
  environments.map(({ name, path }) => `${name}=${path}`);

describe('discoverEnvironments', () => {
  it('finds overlays under envs/ and leaves base and components out', async () => {
    const root = await tempRepo({
      'envs/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'envs/components/monitoring/kustomization.yaml': 'kind: Component\n',
      'envs/dev/kustomization.yaml': kustomization,
      'envs/prod/kustomization.yml': kustomization,
      'envs/staging/Kustomization': kustomization,
      'envs/notes/README.md': 'not an environment\n',
    });
    expect(names(await discoverEnvironments(root))).toEqual([
      'dev=envs/dev',
      'prod=envs/prod',
      'staging=envs/staging',
    ]);
  });

  it('names nested environments by their path below the root, and does not descend into one', async () => {
    const root = await tempRepo({
      'clusters/eu/prod/kustomization.yaml': kustomization,
      'clusters/eu/prod/apps/kustomization.yaml': kustomization,
      'clusters/us/prod/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
      'clusters/us/prod/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 1.0.0\n',
    });
    expect(await discoverEnvironments(root)).toEqual([
      { name: 'eu/prod', path: 'clusters/eu/prod', renderer: 'auto' },
      { name: 'us/prod', path: 'clusters/us/prod', renderer: 'auto' },
    ]);
  });

  it('skips a kustomization of kind Component wherever it sits', async () => {
    const root = await tempRepo({
      'overlays/dev/kustomization.yaml': kustomization,
      'overlays/tracing/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
    });
    expect(names(await discoverEnvironments(root))).toEqual(['dev=overlays/dev']);
  });

  it('keeps the root in the name when two roots hold the same name', async () => {
    const root = await tempRepo({
      'envs/dev/kustomization.yaml': kustomization,
      'clusters/dev/kustomization.yaml': kustomization,
      'environments/qa/kustomization.yaml': kustomization,
    });
    expect(names(await discoverEnvironments(root))).toEqual([
      'clusters/dev=clusters/dev',
      'envs/dev=envs/dev',
      'qa=environments/qa',
    ]);
  });

  it('does not treat a conventional root itself, or other top-level folders, as environments', async () => {
    const root = await tempRepo({
      'envs/kustomization.yaml': kustomization,
      'apps/web/kustomization.yaml': kustomization,
      'envs/.hidden/kustomization.yaml': kustomization,
    });
    expect(await discoverEnvironments(root)).toEqual([]);
  });
});

describe('loadConfig without environments in a file', () => {
  it('discovers environments when there is no plumbline.yaml, with default settings', async () => {
    const root = await tempRepo({ 'envs/dev/kustomization.yaml': kustomization });
    expect(await loadConfig(root)).toEqual({
      environments: [{ name: 'dev', path: 'envs/dev', renderer: 'auto' }],
      render: renderSettings(),
      diff: { ignore: [] },
      drift: { after: 1, labels: ['drift'] },
    });
  });

  it('discovers environments when plumbline.yaml only sets diff and drift', async () => {
    const root = await tempRepo({
      'envs/dev/kustomization.yaml': kustomization,
      'plumbline.yaml': lines('diff:', '  ignore: [{ kind: Deployment, path: /spec/replicas }]'),
    });
    expect(await loadConfig(root)).toEqual({
      file: 'plumbline.yaml',
      environments: [{ name: 'dev', path: 'envs/dev', renderer: 'auto' }],
      render: renderSettings(),
      diff: { ignore: [{ kind: 'Deployment', path: '/spec/replicas' }] },
      drift: { after: 1, labels: ['drift'] },
    });
  });

  it('says where it looked and how to write plumbline.yaml when it finds nothing', async () => {
    const root = await tempRepo({ 'deploy/dev/kustomization.yaml': kustomization });
    const error = await loadConfig(root).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      name: 'PlumblineError',
      message: expect.stringContaining(
        'no environment was found under envs/, environments/, clusters/, overlays/',
      ),
      hint: expect.stringContaining('environments:\n  - name: dev\n'),
    });
  });
});
