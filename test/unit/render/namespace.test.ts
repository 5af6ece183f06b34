import { describe, expect, it } from 'vitest';
import { fillNamespace } from '../../../src/render/namespace.js';
import { type KubeObject, toResource } from '../../../src/resource.js';

const object = (
  apiVersion: string,
  kind: string,
  name: string,
  extra: Partial<KubeObject> = {},
): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name },
  ...extra,
});

describe('fillNamespace', () => {
  it('puts namespaced objects without a namespace into the environment namespace, and nothing else', () => {
    const rendered = [
      object('apps/v1', 'Deployment', 'web'),
      object('v1', 'ConfigMap', 'kept', { metadata: { name: 'kept', namespace: 'other' } }),
      object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'reader'),
      object('v1', 'Namespace', 'shop'),
      object('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.acme.example', {
        spec: {
          group: 'acme.example',
          scope: 'Cluster',
          names: { kind: 'Widget' },
          versions: [{ name: 'v1' }],
        },
      }),
      object('acme.example/v1', 'Widget', 'cluster-wide'),
      object('monitoring.coreos.com/v1', 'ServiceMonitor', 'web'),
    ].map((o) => toResource(o, { file: 'x.yaml' }));
    const keys = fillNamespace(rendered, 'shop').map((resource) => resource.key);
    expect(keys).toEqual([
      'apps/Deployment/shop/web',
      '/ConfigMap/other/kept',
      'rbac.authorization.k8s.io/ClusterRole//reader',
      '/Namespace//shop',
      'apiextensions.k8s.io/CustomResourceDefinition//widgets.acme.example',
      // The CRD in the render says Widget is cluster-scoped.
      'acme.example/Widget//cluster-wide',
      // A kind nothing here declares is taken as namespaced, as most custom kinds are.
      'monitoring.coreos.com/ServiceMonitor/shop/web',
    ]);
  });
});
