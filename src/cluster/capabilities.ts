/**
 * The cluster's capabilities as helm reads them when it installs: the server's version and
 * every API version it serves, each as `group/version` and `group/version/Kind` (what
 * `.Capabilities.APIVersions.Has` tests). Two requests with aggregated discovery (Kubernetes
 * 1.30 and later); older servers answer with their group list, without kinds.
 */
import type { Capabilities } from '../config/types.js';
import { unexpectedAnswer } from './errors.js';
import type { KubeTransport } from './transport.js';

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

interface AggregatedList {
  kind?: string;
  items?: Array<{
    metadata?: { name?: string };
    versions?: Array<{ version?: string; resources?: Array<{ responseKind?: { kind?: string } }> }>;
  }>;
}

interface GroupList {
  groups?: Array<{ versions?: Array<{ groupVersion?: string }> }>;
  /** `/api` answers APIVersions: `{ versions: ["v1"] }`. */
  versions?: string[];
}

export async function readCapabilities(transport: KubeTransport, gitVersion: string): Promise<Capabilities> {
  const apiVersions = new Set<string>();
  for (const path of ['/api', '/apis']) {
    const response = await transport.request('GET', path, { accept: AGGREGATED });
    if (response.status !== 200) {
      throw unexpectedAnswer(`API discovery (${path})`, response, transport.server, transport.context);
    }
    const body = response.body as AggregatedList & GroupList;
    if (body.kind === 'APIGroupDiscoveryList') {
      for (const group of body.items ?? []) {
        for (const { version, resources } of group.versions ?? []) {
          if (!version) continue;
          const groupVersion = group.metadata?.name ? `${group.metadata.name}/${version}` : version;
          apiVersions.add(groupVersion);
          for (const resource of resources ?? []) {
            if (resource.responseKind?.kind) apiVersions.add(`${groupVersion}/${resource.responseKind.kind}`);
          }
        }
      }
    } else {
      for (const version of body.versions ?? []) apiVersions.add(version);
      for (const group of body.groups ?? []) {
        for (const { groupVersion } of group.versions ?? []) if (groupVersion) apiVersions.add(groupVersion);
      }
    }
  }
  return { kubeVersion: gitVersion, apiVersions: [...apiVersions].sort() };
}
