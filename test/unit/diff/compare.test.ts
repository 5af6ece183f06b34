import { describe, expect, it } from 'vitest';
import { compareObject, compareSets } from '../../../src/diff/compare.js';
import { maskSecret } from '../../../src/diff/mask.js';
import { type KubeObject, resourceId, resourceKey } from '../../../src/resource.js';

function deployment(
  overrides: { image?: string; replicas?: number; env?: { name: string; value: string }[] } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: {
      replicas: overrides.replicas ?? 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'app', image: overrides.image ?? 'shop/web:1.0.0', env: overrides.env ?? [] },
            { name: 'sidecar', image: 'proxy:2' },
          ],
        },
      },
    },
  } satisfies KubeObject;
}

function pair(before?: KubeObject, after?: KubeObject) {
  const id = resourceId((after ?? before)!);
  return { key: resourceKey(id), id, before, after };
}

describe('compareObject', () => {
  it('sees no change when only server-owned metadata and status differ', () => {
    const live = {
      ...deployment(),
      metadata: {
        ...deployment().metadata,
        uid: 'abc',
        resourceVersion: '42',
        generation: 3,
        creationTimestamp: '2026-01-01T00:00:00Z',
        managedFields: [{ manager: 'kubectl' }],
        annotations: { 'deployment.kubernetes.io/revision': '3' },
      },
      status: { replicas: 2 },
    };
    const result = compareObject(pair(live, deployment()), []);
    expect(result.change).toBe('unchanged');
    expect(result.diff).toBe('');
  });

  it('reports exactly the changed field, with a unified diff of it', () => {
    const result = compareObject(pair(deployment(), deployment({ image: 'shop/web:1.1.0' })), []);
    expect(result.change).toBe('changed');
    expect(result.fields).toEqual(['/spec/template/spec/containers/[app]/image']);
    expect(result.diff).toMatch(/^- +image: shop\/web:1\.0\.0$/m);
    expect(result.diff).toMatch(/^\+ +image: shop\/web:1\.1\.0$/m);
    expect(result.diff.split('\n').filter((line) => /^[-+]/.test(line))).toHaveLength(2);
  });

  it('matches named list items by name, not index', () => {
    const reordered = deployment();
    reordered.spec.template.spec.containers.reverse();
    expect(compareObject(pair(deployment(), reordered), []).change).toBe('unchanged');
  });

  it('drops fields named by an ignore rule for the matching kind only', () => {
    const scaled = pair(deployment({ replicas: 7 }), deployment({ replicas: 2 }));
    expect(compareObject(scaled, [{ kind: 'Deployment', path: '/spec/replicas' }]).change).toBe('unchanged');
    expect(compareObject(scaled, [{ kind: 'StatefulSet', path: '/spec/replicas' }]).change).toBe('changed');
    expect(
      compareObject(scaled, [{ kind: 'Deployment', name: 'other', path: '/spec/replicas' }]).change,
    ).toBe('changed');
  });

  it('never lets an ignore rule hide a field of an object that is added or deleted', () => {
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'everyone-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'system:authenticated' }],
    };
    const rules = [
      { kind: 'ClusterRoleBinding', path: '/subjects' },
      { kind: 'ClusterRoleBinding', path: '/roleRef' },
    ];
    for (const [before, after] of [
      [undefined, binding],
      [binding, undefined],
    ] as const) {
      const result = compareObject(pair(before, after), rules);
      expect(result.diff).toContain('system:authenticated');
      expect(result.diff).toContain('cluster-admin');
    }
  });

  it('lets an ignore rule address a named list item and wildcards', () => {
    const before = deployment({ env: [{ name: 'A', value: '1' }] });
    const after = deployment({ env: [{ name: 'A', value: '2' }] });
    const byName = [{ kind: 'Deployment', path: '/spec/template/spec/containers/app/env' }];
    const byWildcard = [{ kind: 'Deployment', path: '/spec/template/spec/containers/*/env' }];
    expect(compareObject(pair(before, after), byName).change).toBe('unchanged');
    expect(compareObject(pair(before, after), byWildcard).change).toBe('unchanged');
  });

  it('flags a selector change as an immutable field', () => {
    const after = deployment();
    after.spec.selector.matchLabels.app = 'web2';
    const result = compareObject(pair(deployment(), after), []);
    expect(result.risks.map((risk) => risk.kind)).toEqual(['immutable-field']);
    expect(result.risks[0]?.message).toContain('/spec/selector/matchLabels/app');
  });

  it('flags deletions, namespace deletions and PVC shrinks', () => {
    expect(compareObject(pair(deployment(), undefined), []).risks[0]?.kind).toBe('deletion');
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    expect(compareObject(pair(ns, undefined), []).risks[0]?.kind).toBe('namespace-deletion');
    const pvc = (size: string) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'shop' },
      spec: { resources: { requests: { storage: size } } },
    });
    expect(compareObject(pair(pvc('10Gi'), pvc('5000Mi')), []).risks.map((r) => r.kind)).toEqual([
      'pvc-shrink',
    ]);
    expect(compareObject(pair(pvc('10Gi'), pvc('20Gi')), []).risks).toEqual([]);
  });

  it('shows a changed Secret value as changed without its content', () => {
    const secret = (password: string) =>
      maskSecret({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'db', namespace: 'shop' },
        stringData: { password, user: 'admin' },
      });
    const result = compareObject(pair(secret('hunter2'), secret('correct horse')), []);
    expect(result.change).toBe('changed');
    expect(result.fields).toEqual(['/data/password']);
    expect(result.diff).not.toContain('hunter2');
    expect(result.diff).not.toContain(Buffer.from('hunter2').toString('base64'));
    expect(result.diff).not.toContain('correct horse');
    expect(result.diff).not.toContain('admin');
  });
});

describe('compareSets', () => {
  it('pairs by key and reports additions, deletions and changes in key order', () => {
    const entry = (object: KubeObject) => {
      const id = resourceId(object);
      return [resourceKey(id), { id, object }] as const;
    };
    const cm = (name: string, value: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'shop' },
      data: { value },
    });
    const before = new Map([entry(cm('a', '1')), entry(cm('b', '1')), entry(cm('c', '1'))]);
    const after = new Map([entry(cm('b', '2')), entry(cm('c', '1')), entry(cm('d', '1'))]);
    const result = compareSets(before, after, []);
    expect(result.map((change) => [change.id.name, change.change])).toEqual([
      ['a', 'deleted'],
      ['b', 'changed'],
      ['c', 'unchanged'],
      ['d', 'added'],
    ]);
  });
});

describe('unified diff text', () => {
  it('does not show apiVersion and kind as moved when the two sides order them differently', () => {
    const { apiVersion, kind, ...rest } = deployment({ image: 'shop/web:2.0.0' });
    const fromList = { ...rest, apiVersion, kind } as KubeObject;
    const result = compareObject(pair(fromList, deployment()), []);
    const changedLines = result.diff.split('\n').filter((line) => /^[-+]/.test(line));
    expect(changedLines).toHaveLength(2);
    expect(changedLines.join('\n')).not.toMatch(/kind|apiVersion/);
  });
});
