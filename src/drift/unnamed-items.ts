/**
 * A server-side-apply dry run keeps what other field managers own: an env var added with
 * `kubectl set env`, a container injected by a webhook. For a plan that is right (the
 * next apply keeps them); for drift it hides a live edit. Drift therefore compares the
 * live object with the dry run minus the items of named lists that the manifest sets but
 * whose names it does not list: Git is the whole truth for a list it writes. An injected
 * sidecar then shows as drift, with its webhook as the writer, until an ignore rule says
 * it belongs there, as in a plan.
 */

import { listItemNames } from '../diff/pointer.js';
import type { KubeObject } from '../resource.js';

export function withoutUnlistedItems(dryRun: KubeObject, manifest: KubeObject): KubeObject {
  return prune(dryRun, manifest) as KubeObject;
}

function prune(value: unknown, manifest: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(manifest)) {
    const manifestNames = listItemNames(manifest);
    const valueNames = listItemNames(value);
    if (!manifestNames || !valueNames) return value;
    const byName = new Map(manifest.map((item, index) => [manifestNames[index], item]));
    return value.flatMap((item, index) => {
      const name = valueNames[index]!;
      return byName.has(name) ? [prune(item, byName.get(name))] : [];
    });
  }
  if (isRecord(value) && isRecord(manifest)) {
    const copy: Record<string, unknown> = { ...value };
    for (const key of Object.keys(manifest)) if (key in copy) copy[key] = prune(copy[key], manifest[key]);
    return copy;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
