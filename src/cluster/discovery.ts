/**
 * API discovery: which resource (URL plural) serves a kind, and whether it is namespaced.
 * One request per group version, cached for the life of the client, concurrent lookups
 * of the same group version sharing it.
 */
import { splitApiVersion } from '../resource.js';
import { forbiddenUser, readForbidden, unexpectedAnswer } from './errors.js';
import type { KubeTransport } from './transport.js';

export interface ApiResource {
  group: string;
  version: string;
  kind: string;
  /** The URL segment: `deployments`. */
  plural: string;
  namespaced: boolean;
}

interface ApiResourceList {
  resources?: Array<{ name: string; kind: string; namespaced: boolean }>;
}

export class Discovery {
  readonly #groupVersions = new Map<string, Promise<Map<string, ApiResource> | undefined>>();

  constructor(private readonly transport: KubeTransport) {}

  /** The resource serving `kind` at `apiVersion`, or undefined when the server does not serve it. */
  async lookup(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    let kinds = this.#groupVersions.get(apiVersion);
    if (!kinds) {
      kinds = this.#fetch(apiVersion);
      this.#groupVersions.set(apiVersion, kinds);
    }
    return (await kinds)?.get(kind);
  }

  async #fetch(apiVersion: string): Promise<Map<string, ApiResource> | undefined> {
    const { group, version } = splitApiVersion(apiVersion);
    const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
    const response = await this.transport.request('GET', path);
    if (response.status === 404) return undefined;
    if (response.status === 403) {
      const user = forbiddenUser(response.body, this.transport.context);
      throw readForbidden(
        { verb: 'get', resource: `the API discovery document ${path}` },
        user,
        this.transport.context,
        this.transport.server,
      );
    }
    if (response.status !== 200) {
      throw unexpectedAnswer(
        `Discovery of ${apiVersion}`,
        response,
        this.transport.server,
        this.transport.context,
      );
    }
    const kinds = new Map<string, ApiResource>();
    for (const resource of (response.body as ApiResourceList).resources ?? []) {
      // `deployments/scale` and other subresources also list a kind; the object is the main one.
      if (resource.name.includes('/') || kinds.has(resource.kind)) continue;
      kinds.set(resource.kind, {
        group,
        version,
        kind: resource.kind,
        plural: resource.name,
        namespaced: resource.namespaced,
      });
    }
    return kinds;
  }
}

/** The collection URL of a resource, in one namespace or across all of them. */
export function collectionPath(resource: ApiResource, namespace?: string): string {
  const root =
    resource.group === '' ? `/api/${resource.version}` : `/apis/${resource.group}/${resource.version}`;
  const scope = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${scope}/${resource.plural}`;
}

/** `deployments.apps`, `configmaps`: how RBAC and kubectl name a resource. */
export function qualifiedName(resource: ApiResource): string {
  return resource.group === '' ? resource.plural : `${resource.plural}.${resource.group}`;
}
