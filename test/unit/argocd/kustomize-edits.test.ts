/** The repo-server's `kustomize edit`s as a rewritten kustomization, and Argo CD's image forms. */
import { describe, expect, it } from 'vitest';
import { argoKustomization, hasKustomizeEdits, imageEntry } from '../../../src/argocd/kustomize-edits.js';

const edit = (written: Record<string, unknown>, options: Record<string, unknown>, exists = () => true) =>
  argoKustomization({
    written,
    options,
    where: 'apps.yaml:3',
    field: 'spec.source.kustomize',
    componentExists: exists,
  });

describe('imageEntry', () => {
  it('reads the forms kustomize edit set image takes', () => {
    expect(imageEntry('web:2.0.0')).toEqual({ name: 'web', newTag: '2.0.0' });
    expect(imageEntry('web=registry.example/web:2.0.0')).toEqual({
      name: 'web',
      newName: 'registry.example/web',
      newTag: '2.0.0',
    });
    expect(imageEntry('host:5000/team/web')).toEqual({ name: 'host:5000/team/web' });
    expect(imageEntry('host:5000/team/web:1.2')).toEqual({ name: 'host:5000/team/web', newTag: '1.2' });
    expect(imageEntry('web@sha256:abc')).toEqual({ name: 'web', digest: 'sha256:abc' });
    expect(imageEntry('web=mirror/web@sha256:abc')).toEqual({
      name: 'web',
      newName: 'mirror/web',
      digest: 'sha256:abc',
    });
  });
});

describe('argoKustomization', () => {
  it('applies the edits in the repo-server order, keeping what it does not touch', () => {
    const written = {
      resources: ['../base'],
      images: [
        { name: 'web', newTag: '1.0' },
        { name: 'db', newTag: '9' },
      ],
      commonLabels: { team: 'old', tier: 'web' },
      patches: [{ path: 'own.yaml' }],
    };
    const result = edit(
      written,
      {
        namePrefix: 'prod-',
        nameSuffix: '-v2',
        images: ['web:2.0', 'cache:7'],
        replicas: [{ name: 'web', count: '3' }],
        commonLabels: { team: 'new', env: 'prod' },
        commonAnnotations: { owner: 'shop' },
        namespace: 'shop',
        patches: [{ patch: 'x', target: { kind: 'Deployment' } }],
        components: ['../components/a', '../components/missing'],
        ignoreMissingComponents: true,
      },
      () => false,
    );
    expect(result).toEqual({
      resources: ['../base'],
      namePrefix: 'prod-',
      nameSuffix: '-v2',
      images: [
        { name: 'web', newTag: '2.0' },
        { name: 'db', newTag: '9' },
        { name: 'cache', newTag: '7' },
      ],
      replicas: [{ name: 'web', count: 3 }],
      commonLabels: { team: 'old', tier: 'web', env: 'prod' },
      commonAnnotations: { owner: 'shop' },
      namespace: 'shop',
      patches: [{ path: 'own.yaml' }, { patch: 'x', target: { kind: 'Deployment' } }],
    });
    expect(written.images).toHaveLength(2);
    expect(
      edit({ commonLabels: { team: 'old' } }, { commonLabels: { team: 'new' }, forceCommonLabels: true })
        .commonLabels,
    ).toEqual({
      team: 'new',
    });
    expect(edit({}, { commonLabels: { team: 'x' }, labelWithoutSelector: true }).labels).toEqual([
      { pairs: { team: 'x' }, includeSelectors: false },
    ]);
  });

  it('names the field of a malformed edit, never its value', () => {
    expect(() => edit({}, { namePrefix: 42 })).toThrow(
      'apps.yaml:3: spec.source.kustomize.namePrefix must be a string',
    );
    expect(() => edit({}, { replicas: [{ name: 'web', count: 'many' }] })).toThrow(
      /replicas\[0\] must be a name and a whole count/,
    );
    expect(() => edit({}, { commonLabels: { team: 7 } })).toThrow(/commonLabels must be a map of strings/);
  });

  it('knows when there is nothing to edit', () => {
    expect(hasKustomizeEdits({})).toBe(false);
    expect(hasKustomizeEdits({ version: 'v5' })).toBe(false);
    expect(hasKustomizeEdits({ namespace: 'x' })).toBe(true);
  });
});
