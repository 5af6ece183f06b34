import { describe, expect, it } from 'vitest';
import { compareWithCluster, type DryRunOutcome, needsDryRun } from '../../../src/diff/live.js';
import { type KubeObject, toResource } from '../../../src/resource.js';

const configMap = (
  name: string,
  data: Record<string, string>,
  labels?: Record<string, string>,
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'shop', ...(labels ? { labels } : {}) },
  data,
});

const withServerFields = (object: KubeObject): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, uid: 'u1', resourceVersion: '7', managedFields: [{ manager: 'x' }] },
});

describe('compareWithCluster', () => {
  const desired = [toResource(configMap('a', { k: '1' }), { file: 'a.yaml' })];

  it('compares the dry-run result with the live object in live mode', () => {
    const live = new Map([[desired[0]!.key, withServerFields(configMap('a', { k: '1' }))]]);
    const dryRun = new Map<string, DryRunOutcome>([
      [desired[0]!.key, { ok: true, object: withServerFields(configMap('a', { k: '1' })) }],
    ]);
    const [change] = compareWithCluster({ desired, live, owned: [], dryRun, rules: [] });
    expect(change?.change).toBe('unchanged');
  });

  it('treats an object absent from the cluster as an addition and says why the dry run failed', () => {
    const dryRun = new Map<string, DryRunOutcome>([
      [desired[0]!.key, { ok: false, reason: 'namespace-missing', message: 'namespaces "shop" not found' }],
    ]);
    const [change] = compareWithCluster({ desired, live: new Map(), owned: [], dryRun, rules: [] });
    expect(change?.change).toBe('added');
    expect(change?.notes[0]).toContain('namespace does not exist yet');
  });

  it('reports labelled live objects that are no longer rendered as deletions', () => {
    const orphan = toResource(configMap('old', { k: '1' }, { 'plumbline.dev/environment': 'dev' }), {
      file: 'live',
    });
    const changes = compareWithCluster({ desired, live: new Map(), owned: [orphan, desired[0]!], rules: [] });
    expect(changes.map((c) => [c.id.name, c.change])).toEqual([
      ['a', 'added'],
      ['old', 'deleted'],
    ]);
  });

  it('in reader mode compares only the fields the manifest sets', () => {
    const liveObject = withServerFields(configMap('a', { k: '2' }));
    (liveObject.metadata.annotations as unknown) = { 'added-by': 'a-webhook' };
    const changes = compareWithCluster({
      desired,
      live: new Map([[desired[0]!.key, liveObject]]),
      owned: [],
      rules: [],
    });
    expect(changes[0]?.change).toBe('changed');
    expect(changes[0]?.fields).toEqual(['/data/k']);
  });

  it('in reader mode shows a scalar written over a live map as a type change, without the live map', () => {
    const CANARY = 'another-controllers-setting';
    const manifest = { ...configMap('a', {}), spec: { settings: 'defaults' } } as KubeObject;
    const liveObject = { ...configMap('a', {}), spec: { settings: { owner: 'operator', key: CANARY } } };
    const [change] = compareWithCluster({
      desired: [toResource(manifest, { file: 'a.yaml' })],
      live: new Map([[desired[0]!.key, liveObject as KubeObject]]),
      owned: [],
      rules: [],
    });
    expect(change?.fields).toEqual(['/spec/settings']);
    expect(change?.diff).toContain('settings: defaults');
    expect(change?.diff).not.toContain(CANARY);
  });
});

describe('needsDryRun', () => {
  const manifest = configMap('a', { k: '1' });
  const live = (data: Record<string, string>, manager = 'argocd-controller') => ({
    ...configMap('a', data),
    metadata: { name: 'a', namespace: 'shop', uid: 'u', managedFields: [{ manager }] },
  });

  it('skips the dry run when the live object already holds every field the manifest sets', () => {
    expect(needsDryRun(manifest, live({ k: '1' }), 'plumbline')).toBe(false);
  });

  it('asks for it when the object is absent, a value differs, or our manager owns fields', () => {
    expect(needsDryRun(manifest, undefined, 'plumbline')).toBe(true);
    expect(needsDryRun(manifest, live({ k: '2' }), 'plumbline')).toBe(true);
    expect(needsDryRun(manifest, live({ k: '1' }, 'plumbline'), 'plumbline')).toBe(true);
  });
});
