/**
 * The environment's namespace for the namespaced objects that name none, as Argo CD's
 * `destination.namespace` and a Helm release namespace give it: a controller applies them
 * there. Offline, cluster-scoped kinds are Kubernetes' own and those a CRD in the render
 * declares so; any other kind is taken as namespaced (most custom kinds are), and the live
 * comparison corrects that with the cluster's discovery.
 */
import { type Resource, toResource } from '../resource.js';
import { isBuiltInClusterScoped, scopesFromCrds } from '../scope.js';

export function fillNamespace(resources: readonly Resource[], namespace: string): Resource[] {
  const crdScopes = scopesFromCrds(resources);
  return resources.map((resource) => {
    const { object, id } = resource;
    if (object.metadata.namespace) return resource;
    const namespaced =
      crdScopes.get(`${object.apiVersion}/${object.kind}`) ?? !isBuiltInClusterScoped(id.group, id.kind);
    if (!namespaced) return resource;
    return toResource({ ...object, metadata: { ...object.metadata, namespace } }, resource.source);
  });
}
