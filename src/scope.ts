/**
 * Which kinds are namespaced, without a cluster: Kubernetes' own cluster-scoped kinds, and
 * the kinds the CustomResourceDefinitions of a render define. Shared by the live scope
 * resolution (which asks discovery first) and the offline namespace fill.
 */
import { type Resource, splitApiVersion } from './resource.js';

/** `group/Kind` of every cluster-scoped kind Kubernetes serves itself ('' is the core group). */
const CLUSTER_SCOPED = new Set([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  '/ComponentStatus',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'authentication.k8s.io/TokenReview',
  'authentication.k8s.io/SelfSubjectReview',
  'authorization.k8s.io/SelfSubjectAccessReview',
  'authorization.k8s.io/SelfSubjectRulesReview',
  'authorization.k8s.io/SubjectAccessReview',
  'certificates.k8s.io/CertificateSigningRequest',
  'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'internal.apiserver.k8s.io/StorageVersion',
  'networking.k8s.io/IngressClass',
  'networking.k8s.io/IPAddress',
  'networking.k8s.io/ServiceCIDR',
  'node.k8s.io/RuntimeClass',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'resource.k8s.io/DeviceClass',
  'resource.k8s.io/ResourceSlice',
  'scheduling.k8s.io/PriorityClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/VolumeAttachment',
  'storage.k8s.io/VolumeAttributesClass',
  'storagemigration.k8s.io/StorageVersionMigration',
]);

/** Whether a kind Kubernetes serves itself is cluster-scoped; false for every other kind. */
export function isBuiltInClusterScoped(group: string, kind: string): boolean {
  return CLUSTER_SCOPED.has(`${group}/${kind}`);
}

/** `apiVersion/Kind` → namespaced, for the kinds the CustomResourceDefinitions in a render define. */
export function scopesFromCrds(desired: readonly Resource[]): Map<string, boolean> {
  const scopes = new Map<string, boolean>();
  for (const { object } of desired) {
    if (
      object.kind !== 'CustomResourceDefinition' ||
      splitApiVersion(object.apiVersion).group !== 'apiextensions.k8s.io'
    ) {
      continue;
    }
    const spec = object.spec as
      | { group?: string; scope?: string; names?: { kind?: string }; versions?: Array<{ name?: string }> }
      | undefined;
    if (!spec?.group || !spec.names?.kind) continue;
    for (const version of spec.versions ?? []) {
      if (version.name)
        scopes.set(`${spec.group}/${version.name}/${spec.names.kind}`, spec.scope !== 'Cluster');
    }
  }
  return scopes;
}
