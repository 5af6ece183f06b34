/**
 * Attribution from managedFields as a real kube-apiserver (1.32) wrote them: the fixtures
 * were read back after `kubectl apply --server-side --field-manager=argocd-controller`,
 * then `kubectl scale`, `kubectl set image`, `kubectl set env` (add DEBUG, remove MODE),
 * `kubectl patch` of the sidecar's args; and a Secret made by `kubectl create` whose
 * password was patched.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributeField, attributeObject } from '../../../src/drift/managed-fields.js';
import type { KubeObject } from '../../../src/resource.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as KubeObject;
const deployment = fixture('deployment-after-live-edits.json');
const secret = fixture('secret-after-patch.json');

describe('attributeField', () => {
  it('names kubectl through the scale subresource for replicas (an entry without a time)', () => {
    expect(attributeField(deployment, '/spec/replicas')).toEqual({
      manager: 'kubectl',
      operation: 'Update',
      subresource: 'scale',
      exact: true,
    });
  });

  it('names kubectl-set for an image it set, found through the container key', () => {
    expect(attributeField(deployment, '/spec/template/spec/containers/[app]/image')).toMatchObject({
      manager: 'kubectl-set',
      time: '2026-11-22T15:49:08Z',
      exact: true,
    });
  });

  it('names kubectl-set for an env var it added (a keyed item inside a keyed item)', () => {
    expect(attributeField(deployment, '/spec/template/spec/containers/[app]/env/[DEBUG]')).toMatchObject({
      manager: 'kubectl-set',
      exact: true,
    });
  });

  it('names kubectl-patch for an atomic list it replaced, down to one of its items', () => {
    expect(attributeField(deployment, '/spec/template/spec/containers/[sidecar]/args')).toMatchObject({
      manager: 'kubectl-patch',
      exact: true,
    });
    expect(attributeField(deployment, '/spec/template/spec/containers/[sidecar]/args/1')).toMatchObject({
      manager: 'kubectl-patch',
      exact: true,
    });
  });

  it('keeps the applier for fields nobody else touched', () => {
    expect(attributeField(deployment, '/spec/template/spec/containers/[sidecar]/image')).toMatchObject({
      manager: 'argocd-controller',
      operation: 'Apply',
      exact: true,
    });
    expect(attributeField(deployment, '/metadata/labels/app.kubernetes.io~1part-of')).toMatchObject({
      manager: 'argocd-controller',
    });
  });

  it('matches a list item keyed by several fields against the live item', () => {
    expect(
      attributeField(deployment, '/spec/template/spec/containers/[app]/ports/0/containerPort'),
    ).toMatchObject({
      manager: 'argocd-controller',
      exact: true,
    });
  });

  it('for a removed env var, names the deepest writer of what encloses it, as not an owner', () => {
    expect(attributeField(deployment, '/spec/template/spec/containers/[app]/env/[MODE]')).toMatchObject({
      manager: 'kubectl-set',
      exact: false,
    });
  });

  it('says nothing when no manager wrote anything on the path', () => {
    expect(attributeField(deployment, '/spec/paused')).toBeUndefined();
    expect(attributeField({ ...deployment, metadata: { name: 'web' } }, '/spec/replicas')).toBeUndefined();
  });

  it('names the manager of a Secret key from its key name alone', () => {
    expect(attributeField(secret, '/data/password')).toMatchObject({ manager: 'kubectl-patch', exact: true });
    expect(attributeField(secret, '/data/user')).toMatchObject({ manager: 'kubectl-create', exact: true });
  });

  it('ignores status writers, which touch the object all the time', () => {
    const withStatus: KubeObject = {
      ...deployment,
      metadata: {
        ...deployment.metadata,
        managedFields: [
          ...(deployment.metadata.managedFields as unknown[]),
          {
            manager: 'kube-controller-manager',
            operation: 'Update',
            subresource: 'status',
            time: '2030-01-01T00:00:00Z',
            fieldsV1: { 'f:spec': {} },
          },
        ],
      },
    };
    expect(attributeField(withStatus, '/spec/template/spec/containers/[app]/env/[MODE]')?.manager).toBe(
      'kubectl-set',
    );
  });
});

describe('attributeObject', () => {
  it('names the manager that wrote most of the object', () => {
    expect(attributeObject(deployment)?.manager).toBe('argocd-controller');
    expect(attributeObject(secret)?.manager).toBe('kubectl-create');
  });
});
