/**
 * The kustomization kustomize-controller builds for a Flux Kustomization: the folder's own
 * (or a generated one) with the Kustomization's overlay fields written in, as fluxcd/pkg
 * kustomize's Generator writes them.
 */
import { describe, expect, it } from 'vitest';
import { PlumblineError } from '../../../src/errors.js';
import { fluxKustomizationFile, isLocalRelativePath } from '../../../src/flux/kustomization.js';

const where = 'clusters/prod/apps.yaml:3';
const none = () => false;

describe('fluxKustomizationFile', () => {
  it('lists a generated folder, or gives an empty one a placeholder namespace', () => {
    expect(
      fluxKustomizationFile({ generated: ['./a.yaml', './sub'], spec: {}, where, componentExists: none }),
    ).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['./a.yaml', './sub'],
    });
    expect(fluxKustomizationFile({ generated: [], spec: {}, where, componentExists: none }).namespace).toBe(
      '_placeholder',
    );
    expect(
      fluxKustomizationFile({
        generated: [],
        spec: { targetNamespace: 'apps' },
        where,
        componentExists: none,
      }).namespace,
    ).toBe('apps');
  });

  it("replaces the folder's namespace and name affixes, and appends patches and components", () => {
    const file = fluxKustomizationFile({
      written: {
        namespace: 'from-file',
        namePrefix: 'file-',
        resources: ['deploy.yaml'],
        patches: [{ path: 'own.yaml' }],
        components: ['../own'],
      },
      spec: {
        targetNamespace: 'target',
        namePrefix: 'flux-',
        nameSuffix: '-x',
        patches: [
          { patch: 'a: b', target: { kind: 'Deployment', name: 'web', extra: 'dropped' }, path: 'no.yaml' },
        ],
        components: ['../present', '../missing'],
        ignoreMissingComponents: true,
      },
      where,
      componentExists: (path) => path === '../present',
    });
    expect(file).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: 'target',
      namePrefix: 'flux-',
      nameSuffix: '-x',
      resources: ['deploy.yaml'],
      patches: [{ path: 'own.yaml' }, { patch: 'a: b', target: { kind: 'Deployment', name: 'web' } }],
      components: ['../own', '../present'],
    });
  });

  it('merges images by name: newName replaces, newTag and digest replace each other', () => {
    const file = fluxKustomizationFile({
      written: {
        resources: ['a.yaml'],
        images: [
          { name: 'web', newName: 'registry/web', digest: 'sha256:old' },
          { name: 'db', newTag: '1' },
        ],
      },
      spec: {
        images: [
          { name: 'web', newTag: '2.0.0' },
          { name: 'cache', newName: 'registry/cache' },
        ],
      },
      where,
      componentExists: none,
    });
    expect(file.images).toEqual([
      { name: 'web', newName: 'registry/web', newTag: '2.0.0' },
      { name: 'db', newTag: '1' },
      { name: 'cache', newName: 'registry/cache' },
    ]);
  });

  it('marks a kustomization without resources for origin annotations, unless buildMetadata says otherwise', () => {
    const written = { configMapGenerator: [{ name: 'x', literals: ['a=b'] }] };
    expect(fluxKustomizationFile({ written, spec: {}, where, componentExists: none }).buildMetadata).toEqual([
      'originAnnotations',
    ]);
    expect(
      fluxKustomizationFile({
        written,
        spec: { buildMetadata: ['managedByLabel'] },
        where,
        componentExists: none,
      }).buildMetadata,
    ).toEqual(['managedByLabel']);
  });

  it('refuses a remote or absolute component, and fields of the wrong type, naming the field', () => {
    const failure = (spec: Record<string, unknown>) => {
      try {
        fluxKustomizationFile({ written: { resources: ['a.yaml'] }, spec, where, componentExists: none });
      } catch (error) {
        expect(error).toBeInstanceOf(PlumblineError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(failure({ components: ['https://github.com/org/repo//c'] })).toBe(
      `${where}: spec.components[0] is not a local path relative to spec.path, which kustomize-controller requires`,
    );
    expect(failure({ components: ['/etc'] })).toContain('spec.components[0] is not a local path');
    expect(failure({ patches: [{ patch: 3 }] })).toBe(`${where}: spec.patches[0].patch must be a string`);
    expect(failure({ targetNamespace: ['a'] })).toBe(`${where}: spec.targetNamespace must be a string`);
  });
});

describe('isLocalRelativePath', () => {
  it('is true for relative paths and false for URLs, git references and absolute paths', () => {
    expect(['../c', 'c', './c/d'].map(isLocalRelativePath)).toEqual([true, true, true]);
    expect(
      ['git@github.com:o/r', 'GH:o/r', 'file:///etc', '/etc', 'github.com/o/r'].map(isLocalRelativePath),
    ).toEqual([false, false, false, false, false]);
  });
});
