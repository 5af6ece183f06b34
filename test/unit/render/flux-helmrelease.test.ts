/** helm-controller's release name rule, with the vectors of its own tests (internal/release/name_test.go). */
import { describe, expect, it } from 'vitest';
import { releaseName } from '../../../src/render/flux-helmrelease.js';
import type { KubeObject } from '../../../src/resource.js';

const release = (name: string): KubeObject => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name, namespace: 'apps' },
});

describe('releaseName', () => {
  it('is spec.releaseName, else the target namespace and the name, else the name', () => {
    expect(releaseName(release('web'), { releaseName: 'shop', targetNamespace: 'prod' })).toBe('shop');
    expect(releaseName(release('web'), { targetNamespace: 'prod' })).toBe('prod-web');
    expect(releaseName(release('web'), {})).toBe('web');
  });

  it('shortens a name longer than 53 characters as helm-controller does', () => {
    expect(
      releaseName(release('release-name-with-very-long-name-which-is-longer-than-53-characters'), {}),
    ).toBe('release-name-with-very-long-name-which-i-788ca0d0d7b0');
    expect(
      releaseName(release('x'), {
        releaseName: 'another-release-name-with-very-long-name-which-is-longer-than-53-characters',
      }),
    ).toBe('another-release-name-with-very-long-name-7e72150d5a36');
  });
});
