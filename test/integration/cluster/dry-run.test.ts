import { describe, expect, it, onTestFinished } from 'vitest';
import { connectCluster, FIELD_MANAGER } from '../../../src/cluster/index.js';
import { isMasked } from '../../../src/diff/mask.js';
import type { KubeObject } from '../../../src/resource.js';
import { applyAsAdmin, auditEvents, freshNamespace, uniqueName, waitForCrd } from '../../support/cluster.js';
import { clientAs, desired, serviceAccountKubeconfig } from './helpers.js';

function deploymentYaml(namespace: string, name: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: app, image: "nginx:1.27" }] }`;
}

type Spec = {
  replicas: number;
  revisionHistoryLimit: number;
  template: { spec: { containers: Array<Record<string, unknown>> } };
};

describe('dryRunApply', () => {
  it('answers with the object as the server would store it, for changed and new objects, and stores nothing', async () => {
    const namespace = await freshNamespace('dry');
    applyAsAdmin(deploymentYaml(namespace, 'existing', 1));
    const client = await clientAs('planner');
    const resources = desired(
      `${deploymentYaml(namespace, 'existing', 3)}\n---\n${deploymentYaml(namespace, 'fresh', 2)}`,
    );

    const outcomes = await client.dryRunApply(resources);

    const existing = outcomes.get(`apps/Deployment/${namespace}/existing`);
    const fresh = outcomes.get(`apps/Deployment/${namespace}/fresh`);
    expect(existing?.ok).toBe(true);
    expect(fresh?.ok).toBe(true);
    const existingSpec = (existing as { object: KubeObject }).object.spec as Spec;
    expect(existingSpec.replicas).toBe(3);
    expect(existingSpec.revisionHistoryLimit).toBe(10);
    expect(existingSpec.template.spec.containers[0]!.terminationMessagePath).toBe('/dev/termination-log');
    const managers = (
      (existing as { object: KubeObject }).object.metadata.managedFields as Array<{ manager: string }>
    ).map((entry) => entry.manager);
    expect(managers).toContain(FIELD_MANAGER);
    expect(((fresh as { object: KubeObject }).object.spec as Spec).revisionHistoryLimit).toBe(10);

    // Nothing was stored: the existing object keeps 1 replica and the new one does not exist.
    const live = await client.readLive(resources);
    expect((live.objects.get(`apps/Deployment/${namespace}/existing`)!.spec as Spec).replicas).toBe(1);
    expect(live.objects.has(`apps/Deployment/${namespace}/fresh`)).toBe(false);
  });

  it('reports a missing namespace and an unknown kind as outcomes', async () => {
    const missing = uniqueName('no-such-namespace');
    const client = await clientAs('planner');
    const outcomes = await client.dryRunApply(
      desired(`${deploymentYaml(missing, 'web', 1)}
---
apiVersion: gadgets.example.invalid/v1
kind: Gadget
metadata: { name: g, namespace: ${missing} }`),
    );
    expect(outcomes.get(`apps/Deployment/${missing}/web`)).toEqual({
      ok: false,
      reason: 'namespace-missing',
      message: `namespace ${missing} does not exist`,
    });
    expect(outcomes.get(`gadgets.example.invalid/Gadget/${missing}/g`)).toEqual({
      ok: false,
      reason: 'kind-unknown',
      message: 'the cluster does not serve Gadget in gadgets.example.invalid/v1',
    });
  });

  it('dry-runs an instance once its CRD is installed', async () => {
    const namespace = await freshNamespace('dry-crd');
    const group = `${uniqueName('things')}.plumbline.test`;
    const instance = `apiVersion: ${group}/v1
kind: Thing
metadata: { name: t, namespace: ${namespace} }
spec: { size: 2 }`;
    const before = await (await clientAs('planner')).dryRunApply(desired(instance));
    expect(before.get(`${group}/Thing/${namespace}/t`)).toMatchObject({ ok: false, reason: 'kind-unknown' });

    applyAsAdmin(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: things.${group} }
spec:
  group: ${group}
  scope: Namespaced
  names: { plural: things, kind: Thing }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: { type: object, properties: { size: { type: integer }, color: { type: string, default: red } } }`);
    await waitForCrd(`things.${group}`);
    const after = await (await clientAs('planner')).dryRunApply(desired(instance));
    const outcome = after.get(`${group}/Thing/${namespace}/t`);
    expect(outcome).toMatchObject({ ok: true });
    expect((outcome as { object: KubeObject }).object.spec).toEqual({ size: 2, color: 'red' });
  });

  it('reports what the server rejects, with its reason', async () => {
    const namespace = await freshNamespace('dry-rejected');
    const client = await clientAs('planner');
    const outcomes = await client.dryRunApply(
      desired(`apiVersion: apps/v1
kind: Deployment
metadata: { name: broken, namespace: ${namespace} }
spec:
  selector: { matchLabels: { app: one } }
  template:
    metadata: { labels: { app: other } }
    spec: { containers: [{ name: app, image: nginx }] }`),
    );
    const outcome = outcomes.get(`apps/Deployment/${namespace}/broken`);
    expect(outcome).toMatchObject({ ok: false, reason: 'rejected' });
    expect((outcome as { message: string }).message).toContain('`selector` does not match template `labels`');
  });

  it('tells a reader it lacks patch and suggests reader mode', async () => {
    const namespace = await freshNamespace('dry-reader');
    applyAsAdmin(deploymentYaml(namespace, 'existing', 1));
    const client = await clientAs('reader');
    const outcomes = await client.dryRunApply(
      desired(`${deploymentYaml(namespace, 'existing', 2)}\n---\n${deploymentYaml(namespace, 'fresh', 1)}`),
    );
    expect(outcomes.get(`apps/Deployment/${namespace}/existing`)).toEqual({
      ok: false,
      reason: 'forbidden',
      message: `user reader lacks \`patch\` on deployments.apps in namespace ${namespace}, which a server-side-apply dry run needs (patch for existing objects, create for new ones); grant both (see the ClusterRole plumbline-planner) or plan in reader mode`,
    });
    // The server checks patch first, also for an object that does not exist yet.
    expect(outcomes.get(`apps/Deployment/${namespace}/fresh`)).toMatchObject({
      reason: 'forbidden',
      message: expect.stringContaining('user reader lacks `patch` on deployments.apps'),
    });
  });

  it('tells an identity with patch but not create that new objects need create', async () => {
    const namespace = await freshNamespace('dry-patch-only');
    const kubeconfigPath = await serviceAccountKubeconfig(namespace, 'patcher');
    applyAsAdmin(`${deploymentYaml(namespace, 'existing', 1)}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: patch-only, namespace: ${namespace} }
rules: [{ apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, patch] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: patch-only, namespace: ${namespace} }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: patch-only }
subjects: [{ kind: ServiceAccount, name: patcher, namespace: ${namespace} }]`);
    const client = await connectCluster({ kubeconfigPath });
    onTestFinished(() => client.close());
    const outcomes = await client.dryRunApply(
      desired(`${deploymentYaml(namespace, 'existing', 2)}\n---\n${deploymentYaml(namespace, 'fresh', 1)}`),
    );
    expect(outcomes.get(`apps/Deployment/${namespace}/existing`)).toMatchObject({ ok: true });
    expect(outcomes.get(`apps/Deployment/${namespace}/fresh`)).toMatchObject({
      reason: 'forbidden',
      message: expect.stringContaining(
        `user system:serviceaccount:${namespace}:patcher lacks \`create\` on deployments.apps in namespace ${namespace}`,
      ),
    });
  });

  it('never sends or returns a Secret value, and keeps data keys another manager owns', async () => {
    const namespace = await freshNamespace('dry-secret');
    applyAsAdmin(`apiVersion: v1
kind: Secret
metadata: { name: db, namespace: ${namespace} }
stringData: { password: old-password-1234, other: owned-by-someone-else-5678 }`);
    const client = await clientAs('planner');
    const resources = desired(`apiVersion: v1
kind: Secret
metadata: { name: db, namespace: ${namespace} }
stringData: { password: new-password-9012 }
---
apiVersion: v1
kind: Secret
metadata: { name: tls, namespace: ${namespace} }
type: kubernetes.io/tls
data: { tls.crt: ${Buffer.from('certificate-body-3456').toString('base64')} }`);

    const outcomes = await client.dryRunApply(resources);

    const db = outcomes.get(`/Secret/${namespace}/db`) as { ok: true; object: KubeObject };
    const data = db.object.data as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(['other', 'password']);
    expect(isMasked(data.other)).toBe(true);
    // The desired value's token, not the live one's: the dry run shows the change.
    expect(data.password).toBe((resources[0]!.object.data as Record<string, string>).password);
    const tls = outcomes.get(`/Secret/${namespace}/tls`);
    expect(tls).toMatchObject({ ok: false, reason: 'rejected' });
    expect((tls as { message: string }).message).toContain('tls.key');
    const everything = JSON.stringify([...outcomes]);
    for (const value of [
      'old-password-1234',
      'owned-by-someone-else-5678',
      'new-password-9012',
      'certificate-body-3456',
    ]) {
      expect(everything).not.toContain(value);
      expect(everything).not.toContain(Buffer.from(value).toString('base64'));
    }
  });

  it('sends exactly one PATCH per object, with bounded concurrency', async () => {
    const namespace = await freshNamespace('dry-count');
    const documents = Array.from(
      { length: 20 },
      (_, i) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c${i}, namespace: ${namespace} }\ndata: { i: "${i}" }`,
    );
    const client = await clientAs('planner');
    const resources = desired(documents.join('\n---\n'));
    await client.resolveScopes(resources); // discovery out of the way

    const before = client.requestCount();
    const outcomes = await client.dryRunApply(resources, { concurrency: 3 });

    expect(client.requestCount() - before).toBe(20);
    expect([...outcomes.values()].every((outcome) => outcome.ok)).toBe(true);
    const patches = auditEvents(
      (event) => event.userAgent === 'plumbline' && event.objectRef?.namespace === namespace,
    );
    expect(patches.map((event) => event.verb)).toEqual(Array(20).fill('patch'));
  });
});
