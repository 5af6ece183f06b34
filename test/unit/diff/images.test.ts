import { describe, expect, it } from 'vitest';
import { compareObject } from '../../../src/diff/compare.js';
import { imageMoves } from '../../../src/diff/images.js';
import { type KubeObject, resourceId, resourceKey } from '../../../src/resource.js';

interface Containers {
  containers?: unknown[];
  initContainers?: unknown[];
}

function podSpec({ containers = [], initContainers }: Containers) {
  return { containers, ...(initContainers ? { initContainers } : {}) };
}

function workload(kind: string, containers: Containers): KubeObject {
  const metadata = { name: 'web', namespace: 'shop' };
  const template = { metadata: { labels: { app: 'web' } }, spec: podSpec(containers) };
  switch (kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata, spec: podSpec(containers) };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { template } };
    case 'CronJob':
      return {
        apiVersion: 'batch/v1',
        kind,
        metadata,
        spec: { schedule: '@daily', jobTemplate: { spec: { template } } },
      };
    default:
      return { apiVersion: 'apps/v1', kind, metadata, spec: { template } };
  }
}

const app = (image: string) => ({ name: 'app', image });
const idOf = (object: KubeObject) => resourceId(object);

describe('imageMoves', () => {
  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'])(
    'reads the pod template of a %s',
    (kind) => {
      const before = workload(kind, { containers: [app('shop/web:1.0.0')] });
      const after = workload(kind, { containers: [app('shop/web:1.1.0')] });
      expect(imageMoves(idOf(after), before, after)).toEqual([
        { container: 'app', from: 'shop/web:1.0.0', to: 'shop/web:1.1.0' },
      ]);
    },
  );

  it('lists init containers first, marked, and only the containers whose image differs', () => {
    const before = workload('Deployment', {
      initContainers: [{ name: 'migrate', image: 'shop/migrate:1' }],
      containers: [app('shop/web:1'), { name: 'proxy', image: 'envoy:1.30' }],
    });
    const after = workload('Deployment', {
      initContainers: [{ name: 'migrate', image: 'shop/migrate:2' }],
      containers: [app('shop/web:2'), { name: 'proxy', image: 'envoy:1.30' }],
    });
    expect(imageMoves(idOf(after), before, after)).toEqual([
      { container: 'migrate', init: true, from: 'shop/migrate:1', to: 'shop/migrate:2' },
      { container: 'app', from: 'shop/web:1', to: 'shop/web:2' },
    ]);
  });

  it('gives a new container no from and a container gone no to, after the ones that stay', () => {
    const before = workload('Deployment', { containers: [{ name: 'old', image: 'old:1' }, app('web:1')] });
    const after = workload('Deployment', { containers: [app('web:1'), { name: 'new', image: 'new:1' }] });
    expect(imageMoves(idOf(after), before, after)).toEqual([
      { container: 'new', to: 'new:1' },
      { container: 'old', from: 'old:1' },
    ]);
  });

  it('gives every image of an added object, and of a deleted one', () => {
    const object = workload('StatefulSet', { containers: [app('db:16')] });
    expect(imageMoves(idOf(object), undefined, object)).toEqual([{ container: 'app', to: 'db:16' }]);
    expect(imageMoves(idOf(object), object, undefined)).toEqual([{ container: 'app', from: 'db:16' }]);
  });

  it('is empty for kinds that run no pods, whatever their fields, and when nothing moves', () => {
    const lookalike: KubeObject = {
      ...workload('Deployment', { containers: [app('web:2')] }),
      apiVersion: 'example.com/v1',
    };
    const before = { ...lookalike, spec: { template: { spec: { containers: [app('web:1')] } } } };
    expect(imageMoves(idOf(lookalike), before, lookalike)).toEqual([]);
    const same = workload('Deployment', { containers: [app('web:1')] });
    expect(imageMoves(idOf(same), same, same)).toEqual([]);
  });

  it('skips a container without a string image, names an unnamed one by position, and survives odd shapes', () => {
    const before = workload('Deployment', {
      containers: [{ image: 'a:1' }, { name: 'x', image: 7 }, 'junk'],
    });
    const after = workload('Deployment', { containers: [{ image: 'a:2' }, { name: 'x', image: 8 }, null] });
    expect(imageMoves(idOf(after), before, after)).toEqual([{ container: '#1', from: 'a:1', to: 'a:2' }]);
    const broken: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'b' },
      spec: 'x',
    };
    expect(imageMoves(idOf(broken), broken, after)).toEqual([{ container: '#1', to: 'a:2' }]);
  });
});

describe('compareObject and images', () => {
  const pair = (before?: KubeObject, after?: KubeObject) => {
    const id = resourceId((after ?? before)!);
    return { key: resourceKey(id), id, before, after };
  };

  it('carries the images a change moves, and none for an unchanged object or a change elsewhere', () => {
    const before = workload('Deployment', { containers: [app('shop/web:1.0.0')] });
    const after = workload('Deployment', { containers: [app('shop/web:1.1.0')] });
    expect(compareObject(pair(before, after), []).images).toEqual([
      { container: 'app', from: 'shop/web:1.0.0', to: 'shop/web:1.1.0' },
    ]);
    expect(compareObject(pair(before, before), [])).not.toHaveProperty('images');
    const relabelled = structuredClone(before);
    relabelled.metadata.labels = { tier: 'front' };
    const changed = compareObject(pair(before, relabelled), []);
    expect(changed.change).toBe('changed');
    expect(changed).not.toHaveProperty('images');
  });

  it('says no image moves where an ignore rule hides the image', () => {
    const before = workload('Deployment', { containers: [app('shop/web:1.0.0')] });
    const after = workload('Deployment', { containers: [app('shop/web:1.1.0')] });
    after.metadata.labels = { release: '2' };
    const rules = [{ kind: 'Deployment', path: '/spec/template/spec/containers/*/image' }];
    const result = compareObject(pair(before, after), rules);
    expect(result.change).toBe('changed');
    expect(result).not.toHaveProperty('images');
  });
});
