/**
 * Reads the live counterpart of a desired set with one LIST per (kind, namespace), never
 * a GET per object, plus the objects that carry the environment's ownership label or
 * match its ownership selectors (for deletions). Every object is masked before it leaves this module.
 */
import pLimit from 'p-limit';
import { maskSecret } from '../diff/mask.js';
import {
  type KubeObject,
  type Resource,
  resourceId,
  resourceKey,
  splitApiVersion,
  toResource,
} from '../resource.js';
import { type ApiResource, collectionPath, type Discovery, qualifiedName } from './discovery.js';
import { forbiddenUser, ReadForbiddenError, readForbidden, unexpectedAnswer } from './errors.js';
import type { KubeTransport } from './transport.js';

export interface LiveState {
  /** Live objects of the desired set, by key, masked. Desired objects absent live have no entry. */
  objects: Map<string, KubeObject>;
  /** Every live object carrying the ownership label, desired or not, masked. */
  owned: Resource[];
  /**
   * `apiVersion/kind` of commonly owned kinds the identity may not list: a deletion of
   * one of those goes unseen, which a report should say.
   */
  ownedNotSearched: string[];
}

export interface ReadLiveOptions {
  /** `key=value`: live objects with it belong to the environment (deletion detection). */
  ownershipLabel?: { key: string; value: string };
  /** More label selectors whose live objects belong to the environment (a Flux environment's). */
  ownershipSelectors?: readonly string[];
  /**
   * Live objects this accepts belong to the environment too, where no label tells (Argo
   * CD's annotation tracking): the owned kinds are listed whole across the cluster, once
   * per transport (every environment of a run filters the same lists); an identity that
   * may not list a kind across the cluster lists it in the rendered namespaces and
   * `namespaces`.
   */
  ownedIf?: { accepts: (object: KubeObject) => boolean; namespaces: readonly string[] };
  /** LIST requests in flight at once. */
  concurrency?: number;
}

/**
 * Kinds searched for owned objects besides the rendered ones: what an environment
 * commonly holds, so that removing the last object of a kind still shows as a deletion.
 */
export const COMMONLY_OWNED_KINDS: ReadonlyArray<{ apiVersion: string; kind: string }> = [
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Secret' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
  { apiVersion: 'v1', kind: 'Namespace' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  { apiVersion: 'batch/v1', kind: 'Job' },
  { apiVersion: 'batch/v1', kind: 'CronJob' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
];

const PAGE_SIZE = '500';

export async function readLive(
  transport: KubeTransport,
  discovery: Discovery,
  desired: readonly Resource[],
  options: ReadLiveOptions = {},
): Promise<LiveState> {
  const limit = pLimit(options.concurrency ?? 8);
  const desiredKeys = new Set(desired.map((resource) => resource.key));
  const objects = new Map<string, KubeObject>();

  // One LIST per (group, kind, namespace); the first apiVersion seen stands for the group.
  const collections = new Map<string, { apiVersion: string; kind: string; namespace?: string }>();
  for (const { id, object } of desired) {
    const key = `${id.group}/${id.kind}/${id.namespace ?? ''}`;
    if (!collections.has(key))
      collections.set(key, { apiVersion: object.apiVersion, kind: id.kind, namespace: id.namespace });
  }
  const lists = [...collections.values()].map(({ apiVersion, kind, namespace }) =>
    limit(async () => {
      const resource = await discovery.lookup(apiVersion, kind);
      if (!resource) return; // not served: nothing of it can be live
      for (const object of await listAll(transport, resource, namespace)) {
        const key = resourceKey(resourceId(object));
        if (desiredKeys.has(key)) objects.set(key, object);
      }
    }),
  );

  const owned = new Map<string, Resource>();
  const ownedNotSearched = new Set<string>();
  const label = options.ownershipLabel;
  const selectors = [
    ...(label ? [`${label.key}=${label.value}`] : []),
    ...(options.ownershipSelectors ?? []),
  ];
  const namespaces = [...new Set(desired.flatMap(({ id }) => (id.namespace ? [id.namespace] : [])))];
  const ownedLists = ownedKinds(desired).flatMap(({ apiVersion, kind, rendered }) =>
    selectors.map((selector) =>
      limit(async () => {
        const resource = await discovery.lookup(apiVersion, kind);
        if (!resource) return;
        const found = await listOwned(transport, resource, selector, namespaces, rendered);
        if (!found) ownedNotSearched.add(`${apiVersion}/${kind}`);
        for (const object of found ?? []) {
          const result = toResource(object, { file: `live:${transport.context}` });
          owned.set(result.key, result);
        }
      }),
    ),
  );

  const ownedIf = options.ownedIf;
  const filteredLists = ownedIf
    ? ownedKinds(desired).map(({ apiVersion, kind, rendered }) =>
        limit(async () => {
          const resource = await discovery.lookup(apiVersion, kind);
          if (!resource) return;
          const found = await listWhole(
            transport,
            resource,
            [...new Set([...namespaces, ...ownedIf.namespaces])].sort(),
            rendered,
          );
          if (!found) ownedNotSearched.add(`${apiVersion}/${kind}`);
          for (const object of found ?? []) {
            if (!ownedIf.accepts(object)) continue;
            const result = toResource(object, { file: `live:${transport.context}` });
            owned.set(result.key, result);
          }
        }),
      )
    : [];

  await Promise.all([...lists, ...ownedLists, ...filteredLists]);
  return {
    objects,
    owned: [...owned.values()].sort((a, b) => a.key.localeCompare(b.key)),
    ownedNotSearched: [...ownedNotSearched].sort(),
  };
}

/**
 * One namespaced object by name (a GET), masked; undefined when the server has no such
 * object or does not serve its kind. For the few objects a renderer reads from the cluster
 * (a Flux Kustomization's ConfigMaps and Secrets that are not in Git).
 */
export async function readObject(
  transport: KubeTransport,
  discovery: Discovery,
  wanted: { apiVersion: string; kind: string; namespace: string; name: string },
): Promise<KubeObject | undefined> {
  const resource = await discovery.lookup(wanted.apiVersion, wanted.kind);
  if (!resource) return undefined;
  const path = `${collectionPath(resource, wanted.namespace)}/${encodeURIComponent(wanted.name)}`;
  const response = await transport.request('GET', path);
  if (response.status === 404) return undefined;
  if (response.status === 403) {
    const user = forbiddenUser(response.body, transport.context);
    const access = { verb: 'get', resource: qualifiedName(resource), namespace: wanted.namespace };
    throw readForbidden(access, user, transport.context, transport.server);
  }
  if (response.status !== 200) {
    throw unexpectedAnswer(`GET ${path}`, response, transport.server, transport.context);
  }
  return maskSecret({ ...(response.body as KubeObject), apiVersion: wanted.apiVersion, kind: resource.kind });
}

/** Rendered kinds first (their apiVersion wins), then the common ones, one entry per group and kind. */
function ownedKinds(
  desired: readonly Resource[],
): Array<{ apiVersion: string; kind: string; rendered: boolean }> {
  const kinds = new Map<string, { apiVersion: string; kind: string; rendered: boolean }>();
  const add = (apiVersion: string, kind: string, rendered: boolean) => {
    const key = `${splitApiVersion(apiVersion).group}/${kind}`;
    if (!kinds.has(key)) kinds.set(key, { apiVersion, kind, rendered });
  };
  for (const { object } of desired) add(object.apiVersion, object.kind, true);
  for (const { apiVersion, kind } of COMMONLY_OWNED_KINDS) add(apiVersion, kind, false);
  return [...kinds.values()];
}

/**
 * Labelled objects across all namespaces (`selector` undefined: every object). An identity
 * that may list only some namespaces gets `namespaces` instead; a kind it may not list at
 * all is skipped unless it is rendered (then reading it is needed anyway). Returns
 * undefined when skipped. `acrossCluster` is the LIST across the cluster, when the caller
 * keeps one.
 */
async function listOwned(
  transport: KubeTransport,
  resource: ApiResource,
  selector: string | undefined,
  namespaces: readonly string[],
  rendered: boolean,
  acrossCluster: () => Promise<KubeObject[]> = () => listAll(transport, resource, undefined, selector),
): Promise<KubeObject[] | undefined> {
  const skipForbidden = (error: unknown): undefined => {
    if (!(error instanceof ReadForbiddenError) || rendered) throw error;
    return undefined;
  };
  try {
    return await acrossCluster();
  } catch (error) {
    if (!(error instanceof ReadForbiddenError) || !resource.namespaced || namespaces.length === 0) {
      return skipForbidden(error);
    }
  }
  try {
    const perNamespace = await Promise.all(
      namespaces.map((ns) => listAll(transport, resource, ns, selector)),
    );
    return perNamespace.flat();
  } catch (error) {
    return skipForbidden(error);
  }
}

/** Whole collections, by transport (one per context and run) and resource. */
const wholeCollections = new WeakMap<KubeTransport, Map<string, Promise<KubeObject[]>>>();

/**
 * Every object of a kind across the cluster, listed once per transport, as listOwned
 * lists it without a selector.
 */
function listWhole(
  transport: KubeTransport,
  resource: ApiResource,
  namespaces: readonly string[],
  rendered: boolean,
): Promise<KubeObject[] | undefined> {
  const collections = wholeCollections.get(transport) ?? new Map<string, Promise<KubeObject[]>>();
  wholeCollections.set(transport, collections);
  const key = `${resource.group}/${resource.version}/${resource.plural}`;
  return listOwned(transport, resource, undefined, namespaces, rendered, () => {
    let whole = collections.get(key);
    if (!whole) {
      whole = listAll(transport, resource, undefined);
      collections.set(key, whole);
    }
    return whole;
  });
}

/** Every object of a collection, page by page, with apiVersion and kind set and Secrets masked. */
async function listAll(
  transport: KubeTransport,
  resource: ApiResource,
  namespace: string | undefined,
  labelSelector?: string,
): Promise<KubeObject[]> {
  const path = collectionPath(resource, namespace);
  const apiVersion = resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
  const objects: KubeObject[] = [];
  let continueToken: string | undefined;
  do {
    const response = await transport.request('GET', path, {
      query: { limit: PAGE_SIZE, continue: continueToken, labelSelector },
    });
    if (response.status === 403) {
      const user = forbiddenUser(response.body, transport.context);
      const access = {
        verb: 'list',
        resource: qualifiedName(resource),
        namespace: resource.namespaced ? namespace : undefined,
      };
      throw readForbidden(access, user, transport.context, transport.server);
    }
    if (response.status !== 200) {
      throw unexpectedAnswer(`LIST ${path}`, response, transport.server, transport.context);
    }
    const list = response.body as { items?: KubeObject[]; metadata?: { continue?: string } };
    // Items of a LIST carry neither apiVersion nor kind.
    for (const item of list.items ?? [])
      objects.push(maskSecret({ ...item, apiVersion, kind: resource.kind }));
    continueToken = list.metadata?.continue || undefined;
  } while (continueToken);
  return objects;
}
