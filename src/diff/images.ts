/**
 * The container images a change moves: for an object that runs pods (a workload's pod
 * template, or a Pod), each container whose image differs between before and after. Most
 * releases are only an image tag, so this is the fact a reader wants first. Pure.
 */
import type { KubeObject, ResourceId } from '../resource.js';
import type { ObjectChange } from './model.js';

/** One container whose image a change moves. */
export type ImageMove = NonNullable<ObjectChange['images']>[number];

/** Where each kind keeps its pod spec, by API group and kind. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  '/Pod': ['spec'],
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * The containers (init containers first) whose image differs between `before` and
 * `after`, in the order `after` lists them, then those only `before` has. `from` is
 * absent for a container that is new (or an object that is added), `to` for one that is
 * gone. Empty for kinds that run no pods and when no image moves.
 */
export function imageMoves(
  id: Pick<ResourceId, 'group' | 'kind'>,
  before: KubeObject | undefined,
  after: KubeObject | undefined,
): ImageMove[] {
  const path = POD_SPEC_PATHS[`${id.group}/${id.kind}`];
  if (!path) return [];
  const moves: ImageMove[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const old = containerImages(before, path, list);
    const now = containerImages(after, path, list);
    const names = [...now.keys(), ...[...old.keys()].filter((name) => !now.has(name))];
    for (const name of names) {
      const from = old.get(name);
      const to = now.get(name);
      if (from === to) continue;
      moves.push({
        container: name,
        ...(list === 'initContainers' ? { init: true } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
    }
  }
  return moves;
}

/** Container name → image of one list of a pod spec; containers without a string image are skipped. */
function containerImages(
  object: KubeObject | undefined,
  path: readonly string[],
  list: 'containers' | 'initContainers',
): Map<string, string> {
  const images = new Map<string, string>();
  let spec: unknown = object;
  for (const step of path) spec = isRecord(spec) ? spec[step] : undefined;
  const containers = isRecord(spec) ? spec[list] : undefined;
  if (!Array.isArray(containers)) return images;
  containers.forEach((container, index) => {
    if (!isRecord(container) || typeof container.image !== 'string') return;
    const name = typeof container.name === 'string' ? container.name : `#${index + 1}`;
    if (!images.has(name)) images.set(name, container.image);
  });
  return images;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
