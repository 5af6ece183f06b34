/**
 * Removes what the API server owns, so that only what a person or a controller chose
 * shows as a change. Pure: returns a new object.
 */
import type { KubeObject } from '../resource.js';

const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
  'selfLink',
];
const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  // Set by the deployment controller on every rollout; not part of the desired state.
  'deployment.kubernetes.io/revision',
];

export function normalizeObject(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  delete copy.status;
  const metadata = copy.metadata as Record<string, unknown>;
  for (const field of SERVER_METADATA) delete metadata[field];
  const annotations = copy.metadata.annotations;
  if (annotations) {
    for (const name of SERVER_ANNOTATIONS) delete annotations[name];
    if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  }
  if (copy.metadata.labels && Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  return copy;
}
