/**
 * Reader mode: with get/list rights only, no dry run can tell what the server would make
 * of a manifest. The live object is cut down to the fields the manifest sets, so that
 * defaults and controller-owned fields drop out and only what the manifest says is compared.
 * Where the manifest has a scalar and the cluster a map or a list, the cluster's side is
 * an empty collection of its type: the diff shows the type change without the live
 * subtree, which holds fields the manifest never asked about (another controller's
 * settings, say).
 */
import { listItemNames } from './pointer.js';

export function projectOnto(live: unknown, manifest: unknown): unknown {
  if (Array.isArray(manifest)) {
    if (!Array.isArray(live)) return typeOnly(live);
    const manifestNames = listItemNames(manifest);
    const liveNames = listItemNames(live);
    if (manifestNames && liveNames) {
      const liveByName = new Map(liveNames.map((name, index) => [name, live[index]]));
      // Live items the manifest does not name stay whole: they are additions to show.
      const projected = manifestNames.flatMap((name, index) =>
        liveByName.has(name) ? [projectOnto(liveByName.get(name), manifest[index])] : [],
      );
      const extra = liveNames
        .filter((name) => !manifestNames.includes(name))
        .map((name) => liveByName.get(name));
      return [...projected, ...extra];
    }
    return live.map((item, index) => (index < manifest.length ? projectOnto(item, manifest[index]) : item));
  }
  if (isRecord(manifest) && isRecord(live)) {
    const projected: Record<string, unknown> = {};
    for (const key of Object.keys(manifest)) {
      if (key in live) projected[key] = projectOnto(live[key], manifest[key]);
    }
    return projected;
  }
  return typeOnly(live);
}

/**
 * A live value the manifest has another type for: a scalar as it is (it is the value of
 * the field the manifest sets), a collection as an empty one of its type. Unlike a
 * placeholder text, no manifest value of another type can equal it and hide the change.
 */
function typeOnly(live: unknown): unknown {
  if (Array.isArray(live)) return [];
  return isRecord(live) ? {} : live;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
