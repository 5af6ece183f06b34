/**
 * Proves the local control plane is a real one for what plumbline relies on: server-side
 * apply with server defaulting, dry runs that change nothing, CRDs, and RBAC that gives
 * each identity exactly the access docs/control-plane.md promises.
 */
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  type KubernetesObject,
  PatchStrategy,
  type V1Deployment,
  VersionApi,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  applyAsAdmin,
  freshNamespace,
  type Identity,
  kubeConfigFor,
  namespaceForSuite,
  objectApiFor,
  TEST_FIELD_MANAGER,
  testKubernetesVersion,
  uniqueName,
  waitForCrd,
} from '../support/cluster.js';
import { supportedKubernetesVersions } from '../support/global-setup.js';

function deployment(namespace: string, name: string, replicas = 1): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      },
    },
  } as KubernetesObject;
}

function configMap(namespace: string, name: string, value: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data: { value },
  } as KubernetesObject;
}

/** The HTTP status a call fails with, or 'ok'. */
async function statusOf(call: () => Promise<unknown>): Promise<number | 'ok'> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (error instanceof ApiException) return error.code;
    throw error;
  }
}

describe('the API server', () => {
  it('reports the pinned Kubernetes version, as kubectl and Helm expect', async () => {
    const version = await kubeConfigFor('reader').makeApiClient(VersionApi).getCode();
    // The version this project's control plane runs: one of scripts/versions.env.
    expect(supportedKubernetesVersions()).toContain(testKubernetesVersion());
    expect(version.gitVersion).toBe(testKubernetesVersion());
    expect(version.major).toBe('1');
    expect(version.minor).toBe(testKubernetesVersion().split('.')[1]);
  });
});

describe('server-side apply', () => {
  it('creates a Deployment, and reading it back shows the fields the server defaulted', async () => {
    const namespace = await freshNamespace('ssa');
    applyAsAdmin([deployment(namespace, 'web')]);

    const stored = await kubeConfigFor('admin')
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: 'web', namespace });
    expect(stored.spec?.revisionHistoryLimit).toBe(10);
    expect(stored.spec?.strategy?.type).toBe('RollingUpdate');
    expect(stored.spec?.template.spec?.containers[0]?.terminationMessagePath).toBe('/dev/termination-log');
    expect(stored.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect(stored.metadata?.managedFields?.map((entry) => entry.manager)).toEqual([TEST_FIELD_MANAGER]);
  });

  it('dry run answers with the changed object and stores nothing', async () => {
    const namespace = await freshNamespace('dryrun');
    applyAsAdmin([deployment(namespace, 'web', 1)]);
    const apps = kubeConfigFor('admin').makeApiClient(AppsV1Api);
    const before = await apps.readNamespacedDeployment({ name: 'web', namespace });

    const answer = (await objectApiFor('admin').patch(
      deployment(namespace, 'web', 5),
      undefined,
      'All',
      TEST_FIELD_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    )) as V1Deployment;
    expect(answer.spec?.replicas).toBe(5);

    const after = await apps.readNamespacedDeployment({ name: 'web', namespace });
    expect(after.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
    expect(after.spec).toEqual(before.spec);
    expect(after.spec?.replicas).toBe(1);
  });

  it('a dry run of a new object creates nothing', async () => {
    const namespace = await freshNamespace('dryrun-new');
    await objectApiFor('admin').patch(
      configMap(namespace, 'settings', 'x'),
      undefined,
      'All',
      TEST_FIELD_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
    const read = () =>
      kubeConfigFor('admin')
        .makeApiClient(CoreV1Api)
        .readNamespacedConfigMap({ name: 'settings', namespace });
    expect(await statusOf(read)).toBe(404);
  });

  it('installs a CRD and applies an instance once it is Established', async () => {
    const namespace = await freshNamespace('crd');
    const group = `${uniqueName('widgets')}.plumbline.test`;
    applyAsAdmin(`
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.${group} }
spec:
  group: ${group}
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer, default: 3 }
                color: { type: string }
`);
    await waitForCrd(`widgets.${group}`);

    applyAsAdmin([
      {
        apiVersion: `${group}/v1`,
        kind: 'Widget',
        metadata: { name: 'w1', namespace },
        spec: { color: 'blue' },
      },
    ]);
    const stored = (await objectApiFor('admin').read({
      apiVersion: `${group}/v1`,
      kind: 'Widget',
      metadata: { name: 'w1', namespace },
    })) as KubernetesObject & { spec: { size: number; color: string } };
    // The schema default is applied by the server, as for built-in kinds.
    expect(stored.spec).toEqual({ color: 'blue', size: 3 });
  });
});

describe('what each identity may do', () => {
  const ns = namespaceForSuite('rbac');

  type Action =
    | 'list'
    | 'get'
    | 'get secret'
    | 'dry-run existing'
    | 'dry-run new'
    | 'patch'
    | 'create'
    | 'update'
    | 'delete';

  async function attempt(identity: Identity, action: Action): Promise<number | 'ok'> {
    const namespace = ns.name;
    const objects = objectApiFor(identity);
    const core = kubeConfigFor(identity).makeApiClient(CoreV1Api);
    const ssa = (object: KubernetesObject, dryRun?: string) =>
      objects.patch(object, undefined, dryRun, 'plumbline', true, PatchStrategy.ServerSideApply);
    switch (action) {
      case 'list':
        return statusOf(() => core.listNamespacedConfigMap({ namespace }));
      case 'get':
        return statusOf(() => core.readNamespacedConfigMap({ name: 'existing', namespace }));
      case 'get secret':
        return statusOf(() => core.readNamespacedSecret({ name: 'token', namespace }));
      case 'dry-run existing':
        return statusOf(() => ssa(configMap(namespace, 'existing', 'changed'), 'All'));
      case 'dry-run new':
        return statusOf(() => ssa(configMap(namespace, uniqueName('new'), 'x'), 'All'));
      case 'patch':
        return statusOf(() => ssa(configMap(namespace, 'existing', `by-${identity}`)));
      case 'create':
        return statusOf(() =>
          core.createNamespacedConfigMap({ namespace, body: configMap(namespace, uniqueName('c'), 'x') }),
        );
      case 'update': {
        const current = await kubeConfigFor('admin')
          .makeApiClient(CoreV1Api)
          .readNamespacedConfigMap({ name: 'existing', namespace });
        return statusOf(() =>
          core.replaceNamespacedConfigMap({ name: 'existing', namespace, body: current }),
        );
      }
      case 'delete': {
        const victim = uniqueName('victim');
        applyAsAdmin([configMap(namespace, victim, 'x')]);
        return statusOf(() => core.deleteNamespacedConfigMap({ name: victim, namespace }));
      }
    }
  }

  const expected: Record<Identity, Record<Action, number | 'ok'>> = {
    admin: {
      list: 'ok',
      get: 'ok',
      'get secret': 'ok',
      'dry-run existing': 'ok',
      'dry-run new': 'ok',
      patch: 'ok',
      create: 'ok',
      update: 'ok',
      delete: 'ok',
    },
    // A server-side-apply dry run is authorized as patch (existing object) or create (new
    // one), and RBAC cannot tell a dry run from a real write: the planner can write.
    planner: {
      list: 'ok',
      get: 'ok',
      'get secret': 'ok',
      'dry-run existing': 'ok',
      'dry-run new': 'ok',
      patch: 'ok',
      create: 'ok',
      update: 403,
      delete: 403,
    },
    reader: {
      list: 'ok',
      get: 'ok',
      'get secret': 'ok',
      'dry-run existing': 403,
      'dry-run new': 403,
      patch: 403,
      create: 403,
      update: 403,
      delete: 403,
    },
  };

  for (const identity of ['admin', 'planner', 'reader'] as const) {
    it(`${identity}: ${Object.entries(expected[identity])
      .map(([action, status]) => `${action} ${status}`)
      .join(', ')}`, async () => {
      applyAsAdmin([
        configMap(ns.name, 'existing', 'v1'),
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'token', namespace: ns.name },
          stringData: { t: 'x' },
        },
      ]);
      const actual: Record<string, number | 'ok'> = {};
      for (const action of Object.keys(expected[identity]) as Action[])
        actual[action] = await attempt(identity, action);
      expect(actual).toEqual(expected[identity]);
    });
  }

  it('a refusal names the user, the verb and the resource', async () => {
    const refusal = await objectApiFor('reader')
      .patch(
        configMap(ns.name, 'existing', 'x'),
        undefined,
        'All',
        'plumbline',
        true,
        PatchStrategy.ServerSideApply,
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refusal).toBeInstanceOf(ApiException);
    const status = JSON.parse(String((refusal as ApiException<unknown>).body)) as { message: string };
    expect(status.message).toContain(`User "reader" cannot patch resource "configmaps"`);
  });
});
