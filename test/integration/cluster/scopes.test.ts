import { describe, expect, it } from 'vitest';
import { connectCluster } from '../../../src/cluster/index.js';
import { clientAs, desired, testCluster, tokenOf, writeKubeconfig } from './helpers.js';

describe('resolveScopes', () => {
  const manifests = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: shop }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: viewer, namespace: shop }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: example.invalid/v1
kind: Gadget
metadata: { name: g }
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.shop.example }
spec:
  group: shop.example
  scope: Namespaced
  names: { plural: widgets, kind: Widget }
  versions: [{ name: v1, served: true, storage: true }]
---
apiVersion: shop.example/v1
kind: Widget
metadata: { name: w }
`;

  it('fills in the default namespace, drops it from cluster-scoped objects and recomputes keys', async () => {
    const client = await clientAs('reader');
    const { resources, unknownKinds } = await client.resolveScopes(desired(manifests));
    expect(resources.map((resource) => resource.key)).toEqual([
      'apps/Deployment/default/web',
      '/ConfigMap/shop/settings',
      'rbac.authorization.k8s.io/ClusterRole//viewer',
      '/Namespace//shop',
      'example.invalid/Gadget//g',
      'apiextensions.k8s.io/CustomResourceDefinition//widgets.shop.example',
      // Not installed yet, but the CRD rendered with it says it is namespaced.
      'shop.example/Widget/default/w',
    ]);
    expect(resources[0]!.object.metadata.namespace).toBe('default');
    expect(resources[2]!.object.metadata).not.toHaveProperty('namespace');
    expect(resources[0]!.source).toEqual({ file: 'envs/test/manifests.yaml' });
    expect(unknownKinds).toEqual(['example.invalid/v1/Gadget']);
  });

  it("uses the context's namespace as the default", async () => {
    const path = writeKubeconfig({ ...testCluster(), token: tokenOf('reader'), namespace: 'team-a' });
    const client = await connectCluster({ kubeconfigPath: path });
    try {
      const { resources } = await client.resolveScopes(desired(manifests));
      expect(resources[0]!.key).toBe('apps/Deployment/team-a/web');
    } finally {
      client.close();
    }
  });

  it('asks discovery once per group version', async () => {
    const client = await clientAs('reader');
    const before = client.requestCount();
    await client.resolveScopes(desired(manifests));
    // apps/v1, v1, rbac.authorization.k8s.io/v1, example.invalid/v1, apiextensions.k8s.io/v1, shop.example/v1
    expect(client.requestCount() - before).toBe(6);
    await client.resolveScopes(desired(manifests));
    expect(client.requestCount() - before).toBe(6);
  });
});
