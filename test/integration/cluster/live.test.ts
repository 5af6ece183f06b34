import { describe, expect, it } from 'vitest';
import { connectCluster, ReadForbiddenError } from '../../../src/cluster/index.js';
import { isMasked } from '../../../src/diff/mask.js';
import { applyAsAdmin, auditEvents, freshNamespace, uniqueName } from '../../support/cluster.js';
import { clientAs, desired, serviceAccountKubeconfig } from './helpers.js';

function manyObjects(namespace: string, count: number): string {
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    documents.push(`apiVersion: v1
kind: ConfigMap
metadata: { name: config-${i}, namespace: ${namespace} }
data: { index: "${i}" }`);
    documents.push(`apiVersion: v1
kind: Service
metadata: { name: service-${i}, namespace: ${namespace} }
spec: { ports: [{ port: 80 }], selector: { app: a${i} } }`);
    documents.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: deploy-${i}, namespace: ${namespace} }
spec:
  selector: { matchLabels: { app: a${i} } }
  template:
    metadata: { labels: { app: a${i} } }
    spec: { containers: [{ name: app, image: "nginx:1.27" }] }`);
  }
  return documents.join('\n---\n');
}

describe('readLive', () => {
  it('reads with one LIST per kind and namespace, never a GET per object, and counts every request', async () => {
    const namespace = await freshNamespace('batch');
    const other = await freshNamespace('batch-other');
    const manifests = `${manyObjects(namespace, 6)}\n---\n${manyObjects(other, 2)}`;
    applyAsAdmin(manifests);
    const client = await clientAs('reader');
    const resources = (await client.resolveScopes(desired(manifests))).resources;

    const before = client.requestCount();
    const live = await client.readLive(resources);
    const sent = client.requestCount() - before;

    // 3 kinds x 2 namespaces; discovery of v1 and apps/v1 happened while resolving scopes.
    expect(sent).toBe(6);
    const received = auditEvents(
      (event) =>
        event.userAgent === 'plumbline' &&
        (event.objectRef?.namespace === namespace || event.objectRef?.namespace === other),
    );
    expect(received.map((event) => event.verb).sort()).toEqual([
      'list',
      'list',
      'list',
      'list',
      'list',
      'list',
    ]);
    expect(live.objects.size).toBe(resources.length);
    expect([...live.objects.keys()].sort()).toEqual(resources.map((resource) => resource.key).sort());
  });

  it('returns live objects with apiVersion, kind and server fields, and leaves out what does not exist', async () => {
    const namespace = await freshNamespace('live');
    applyAsAdmin(manyObjects(namespace, 1));
    const client = await clientAs('reader');
    const resources = desired(`${manyObjects(namespace, 2)}`);

    const live = await client.readLive(resources);

    const deployment = live.objects.get(`apps/Deployment/${namespace}/deploy-0`)!;
    expect(deployment.apiVersion).toBe('apps/v1');
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.metadata.resourceVersion).toEqual(expect.any(String));
    expect((deployment.spec as { revisionHistoryLimit?: number }).revisionHistoryLimit).toBe(10);
    expect(live.objects.has(`/ConfigMap/${namespace}/config-0`)).toBe(true);
    expect(live.objects.has(`/ConfigMap/${namespace}/config-1`)).toBe(false);
    expect(live.objects.has(`apps/Deployment/${namespace}/deploy-1`)).toBe(false);
  });

  it('masks a live Secret so that it compares equal to the masked manifest, and shows no value', async () => {
    const namespace = await freshNamespace('secret');
    const manifest = `apiVersion: v1
kind: Secret
metadata: { name: db, namespace: ${namespace} }
stringData: { password: hunter2-very-secret }`;
    applyAsAdmin(manifest);
    const client = await clientAs('reader');

    const live = await client.readLive(desired(manifest));

    const secret = live.objects.get(`/Secret/${namespace}/db`)!;
    const data = secret.data as Record<string, string>;
    expect(isMasked(data.password)).toBe(true);
    // desired() masks as the renderer does: equal values give equal tokens.
    expect(data.password).toBe((desired(manifest)[0]!.object.data as Record<string, string>).password);
    expect(JSON.stringify(live)).not.toContain('hunter2');
    expect(JSON.stringify(live)).not.toContain(Buffer.from('hunter2-very-secret').toString('base64'));
  });

  it('finds objects carrying the ownership label, rendered kinds and common ones, across namespaces', async () => {
    const namespace = await freshNamespace('owned');
    const elsewhere = await freshNamespace('owned-elsewhere');
    const environment = uniqueName('env');
    const crName = uniqueName('plumbline-owned');
    applyAsAdmin(`apiVersion: v1
kind: ConfigMap
metadata: { name: kept, namespace: ${namespace}, labels: { plumbline.dev/env: ${environment} } }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: removed, namespace: ${elsewhere}, labels: { plumbline.dev/env: ${environment} } }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: removed-sa, namespace: ${namespace}, labels: { plumbline.dev/env: ${environment} } }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: ${crName}, labels: { plumbline.dev/env: ${environment} } }
rules: []
---
apiVersion: v1
kind: ConfigMap
metadata: { name: unlabelled, namespace: ${namespace} }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: other-env, namespace: ${namespace}, labels: { plumbline.dev/env: not-${environment} } }`);
    const client = await clientAs('reader');
    const rendered = desired(`apiVersion: v1
kind: ConfigMap
metadata: { name: kept, namespace: ${namespace}, labels: { plumbline.dev/env: ${environment} } }`);

    const live = await client.readLive(rendered, {
      ownershipLabel: { key: 'plumbline.dev/env', value: environment },
    });

    expect(live.owned.map((resource) => resource.key)).toEqual(
      [
        `/ConfigMap/${elsewhere}/removed`,
        `/ConfigMap/${namespace}/kept`,
        `/ServiceAccount/${namespace}/removed-sa`,
        `rbac.authorization.k8s.io/ClusterRole//${crName}`,
      ].sort(),
    );
    expect(live.owned.every((resource) => resource.object.apiVersion && resource.object.kind)).toBe(true);
    expect(live.ownedNotSearched).toEqual([]);
  });

  it('an identity that may not list gets an error naming it, the verb, the resource, the namespace and the role to bind', async () => {
    const namespace = await freshNamespace('forbidden');
    const kubeconfigPath = await serviceAccountKubeconfig(namespace, 'nobody');
    const client = await connectCluster({ kubeconfigPath });
    try {
      const error = await client
        .readLive(
          desired(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: ${namespace} }`),
        )
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ReadForbiddenError);
      const forbidden = error as ReadForbiddenError;
      expect(forbidden.message).toBe(
        `User system:serviceaccount:${namespace}:nobody (kubeconfig context test, server ${client.server}) may not list deployments.apps in namespace ${namespace}: HTTP 403 Forbidden.`,
      );
      expect(forbidden.hint).toContain('plumbline-reader');
      expect(forbidden.access).toEqual({ verb: 'list', resource: 'deployments.apps', namespace });
    } finally {
      client.close();
    }
  });

  it('looks for owned objects in the rendered namespaces when the identity may not list cluster-wide', async () => {
    const namespace = await freshNamespace('ns-scoped');
    const environment = uniqueName('env');
    const kubeconfigPath = await serviceAccountKubeconfig(namespace, 'namespaced');
    applyAsAdmin(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: read-all, namespace: ${namespace} }
rules: [{ apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: read-all, namespace: ${namespace} }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: read-all }
subjects: [{ kind: ServiceAccount, name: namespaced, namespace: ${namespace} }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: removed, namespace: ${namespace}, labels: { env: ${environment} } }`);
    const client = await connectCluster({ kubeconfigPath });
    try {
      const rendered = desired(`apiVersion: v1
kind: ConfigMap
metadata: { name: kept, namespace: ${namespace} }`);
      const live = await client.readLive(rendered, { ownershipLabel: { key: 'env', value: environment } });
      expect(live.owned.map((resource) => resource.key)).toEqual([`/ConfigMap/${namespace}/removed`]);
      // Cluster-scoped kinds it may not list are named, not silently ignored.
      expect(live.ownedNotSearched).toEqual([
        'rbac.authorization.k8s.io/v1/ClusterRole',
        'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
        'v1/Namespace',
      ]);
    } finally {
      client.close();
    }
  });

  it('skips kinds the server does not serve', async () => {
    const namespace = await freshNamespace('unknown');
    const client = await clientAs('reader');
    const live = await client.readLive(
      desired(`apiVersion: example.invalid/v1
kind: Gadget
metadata: { name: g, namespace: ${namespace} }`),
    );
    expect(live.objects.size).toBe(0);
  });
});
