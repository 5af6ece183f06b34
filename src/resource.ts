/**
 * A Kubernetes object as plumbline handles it: the parsed manifest plus where it came
 * from. Every stage after rendering works on Resource values keyed by `resourceKey`.
 */

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
};

export interface ResourceId {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** Absent for cluster-scoped objects (and for namespaced ones that rely on a default). */
  namespace?: string;
  name: string;
}

export interface SourceLocation {
  file: string;
  /** 1-based line of the document's start, when known. */
  line?: number;
}

export interface Resource {
  id: ResourceId;
  /** `group/kind/namespace/name`, stable across versions of the same API group. */
  key: string;
  object: KubeObject;
  source: SourceLocation;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function resourceId(object: KubeObject): ResourceId {
  const { group, version } = splitApiVersion(object.apiVersion);
  const id: ResourceId = { group, version, kind: object.kind, name: object.metadata.name };
  if (object.metadata.namespace) id.namespace = object.metadata.namespace;
  return id;
}

export function resourceKey(id: Pick<ResourceId, 'group' | 'kind' | 'namespace' | 'name'>): string {
  return `${id.group}/${id.kind}/${id.namespace ?? ''}/${id.name}`;
}

/** How people name an object: `Deployment/web -n shop`, `apps/Deployment` only when ambiguous is not needed. */
export function displayName(id: Pick<ResourceId, 'kind' | 'namespace' | 'name'>): string {
  return id.namespace ? `${id.kind} ${id.namespace}/${id.name}` : `${id.kind} ${id.name}`;
}

export function toResource(object: KubeObject, source: SourceLocation): Resource {
  const id = resourceId(object);
  return { id, key: resourceKey(id), object, source };
}

/** A label value Kubernetes accepts: a selector with another fails the LIST. */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value);
}

/** A DNS-1123 subdomain: the prefix of a label key. */
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** A label key Kubernetes accepts (validation.IsQualifiedName): `[prefix/]name`. */
export function isLabelKey(key: string): boolean {
  const parts = key.split('/');
  const name = parts.at(-1) ?? '';
  const prefix = parts.length === 2 ? parts[0]! : undefined;
  return (
    parts.length <= 2 &&
    isLabelValue(name) &&
    (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)))
  );
}
