/**
 * The user's ignore rules (`diff.ignore`), like Argo CD's ignoreDifferences: a field that
 * something else owns (an HPA's replicas, a webhook's injected sidecar) is removed from
 * both sides before comparing, so it never shows as a change.
 *
 * A rule's path is a JSON pointer whose segments may also be `*` (any key or item) or,
 * in a list of named items, the item's name (`/spec/template/spec/containers/istio-proxy`)
 * or its index.
 */
import type { IgnoreRule } from '../config/types.js';
import type { ResourceId } from '../resource.js';
import { parsePointer } from './pointer.js';

export function rulesFor(rules: readonly IgnoreRule[], id: ResourceId): IgnoreRule[] {
  return rules.filter(
    (rule) =>
      (rule.group === undefined || rule.group === id.group) &&
      (rule.kind === undefined || rule.kind === id.kind) &&
      (rule.name === undefined || rule.name === id.name) &&
      (rule.namespace === undefined || rule.namespace === (id.namespace ?? '')),
  );
}

/** Removes, in place, every field a rule points at. */
export function removeIgnoredFields(object: Record<string, unknown>, rules: readonly IgnoreRule[]): void {
  for (const rule of rules) removePath(object, parsePointer(rule.path));
}

function removePath(node: unknown, segments: readonly string[]): void {
  const [head, ...rest] = segments;
  if (head === undefined || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    const indexes = matchingIndexes(node, head);
    if (rest.length === 0) {
      for (const index of indexes.sort((a, b) => b - a)) node.splice(index, 1);
    } else {
      for (const index of indexes) removePath(node[index], rest);
    }
    return;
  }
  const record = node as Record<string, unknown>;
  const keys = head === '*' ? Object.keys(record) : head in record ? [head] : [];
  for (const key of keys) {
    if (rest.length === 0) delete record[key];
    else removePath(record[key], rest);
  }
}

function matchingIndexes(list: readonly unknown[], segment: string): number[] {
  if (segment === '*') return list.map((_, index) => index);
  if (/^\d+$/.test(segment)) return Number(segment) < list.length ? [Number(segment)] : [];
  return list.flatMap((item, index) =>
    item !== null && typeof item === 'object' && (item as { name?: unknown }).name === segment ? [index] : [],
  );
}
