/**
 * Scope resolution: a manifest often leaves the namespace out (kubectl fills in the
 * context's) and may set one on a cluster-scoped object (the server ignores it). Keys must
 * match the live objects', so each object gets the namespace the server would use.
 */
import { type KubeObject, type Resource, toResource } from '../resource.js';
import { scopesFromCrds } from '../scope.js';
import type { Discovery } from './discovery.js';

export interface ScopeResolution {
  resources: Resource[];
  /** `apiVersion/kind` the server does not serve and no rendered CRD defines; those objects stay as they were. */
  unknownKinds: string[];
}

export async function resolveScopes(
  discovery: Discovery,
  desired: readonly Resource[],
  defaultNamespace: string,
): Promise<ScopeResolution> {
  // CRDs in the same render define kinds the server does not serve yet.
  const crdScopes = scopesFromCrds(desired);
  const typeNames = [...new Set(desired.map((resource) => typeName(resource.object)))];
  const namespacedByType = new Map<string, boolean | undefined>();
  await Promise.all(
    typeNames.map(async (name) => {
      const [apiVersion, kind] = splitTypeName(name);
      const served = await discovery.lookup(apiVersion, kind);
      namespacedByType.set(name, served?.namespaced ?? crdScopes.get(name));
    }),
  );

  const unknownKinds = typeNames.filter((name) => namespacedByType.get(name) === undefined);
  const resources = desired.map((resource) => {
    const namespaced = namespacedByType.get(typeName(resource.object));
    if (namespaced === undefined) return resource;
    const namespace = resource.object.metadata.namespace;
    if (namespaced && namespace) return resource;
    if (!namespaced && namespace === undefined) return resource;
    const metadata: KubeObject['metadata'] = { ...resource.object.metadata };
    if (namespaced) metadata.namespace = defaultNamespace;
    else delete metadata.namespace;
    return toResource({ ...resource.object, metadata }, resource.source);
  });
  return { resources, unknownKinds };
}

function typeName(object: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  return `${object.apiVersion}/${object.kind}`;
}

function splitTypeName(name: string): [apiVersion: string, kind: string] {
  const slash = name.lastIndexOf('/');
  return [name.slice(0, slash), name.slice(slash + 1)];
}
