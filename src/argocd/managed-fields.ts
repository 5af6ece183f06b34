/**
 * ignoreDifferences' `managedFieldsManagers`: the fields that given field managers own in
 * the live object (an HPA's `kube-controller-manager` owning replicas, a webhook owning a
 * sidecar) are not compared. Argo CD (util/argo/managedfields) removes from the live and
 * the desired object those of the manager's fields that differ; removing every field the
 * manager owns, on both sides, hides the same differences, since a field equal on both
 * sides shows none.
 *
 * `fieldsV1` is the API server's tree of owned fields: `f:<field>` for a map field,
 * `k:<json>` for a list item named by its keys (containers by name), `v:<json>` for an
 * item of a set (finalizers), `i:<index>` for a position, `.` for the item itself. A node
 * with nothing but `.` below it is a leaf: the field, with its value. A list item's keys
 * stay on both sides, so that the item is still found there by the next rule.
 */
import type { KubeObject } from '../resource.js';
import { recordOf } from '../yaml/plain-data.js';

/** The owned trees of the live object's entries written by one of `managers`. */
export function ownedFields(live: KubeObject, managers: readonly string[]): Record<string, unknown>[] {
  const entries = Array.isArray(live.metadata.managedFields) ? live.metadata.managedFields : [];
  return entries.flatMap((entry) => {
    const record = recordOf(entry);
    if (typeof record.manager !== 'string' || !managers.includes(record.manager)) return [];
    // Status is never compared (diff/normalize.ts): its writers' trees are of no use here.
    if (record.subresource === 'status') return [];
    return [recordOf(record.fieldsV1)];
  });
}

/** Removes, in place, every field of `object` that `fields` (a fieldsV1 tree) owns. */
export function removeOwnedFields(object: unknown, fields: Record<string, unknown>): void {
  // Items of a list are dropped together at the end: every `i:` means the index it had.
  const dropped = new Set<number>();
  for (const [key, child] of Object.entries(fields)) {
    if (key === '.') continue;
    const below = recordOf(child);
    const kind = key.slice(0, 2);
    const name = key.slice(2);
    if (kind === 'f:') removeField(object, name, below);
    else if (Array.isArray(object)) removeItems(object, kind, name, below, dropped);
  }
  if (Array.isArray(object) && dropped.size > 0) {
    const kept = object.filter((_, index) => !dropped.has(index));
    object.splice(0, object.length, ...kept);
  }
}

function removeField(object: unknown, name: string, below: Record<string, unknown>): void {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return;
  const record = object as Record<string, unknown>;
  if (!Object.hasOwn(record, name)) return;
  if (isLeaf(below)) delete record[name];
  else removeOwnedFields(record[name], below);
}

function removeItems(
  list: unknown[],
  kind: string,
  name: string,
  below: Record<string, unknown>,
  dropped: Set<number>,
): void {
  const value = parseJson(name);
  if (kind === 'i:') {
    const index = Number(name);
    if (!Number.isInteger(index) || index < 0 || index >= list.length) return;
    if (isLeaf(below)) dropped.add(index);
    else removeOwnedFields(list[index], below);
  } else if (kind === 'v:' && value.ok) {
    const wanted = JSON.stringify(value.value);
    for (const [index, item] of list.entries()) if (JSON.stringify(item) === wanted) dropped.add(index);
  } else if (kind === 'k:' && value.ok && isPlainRecord(value.value)) {
    const keys = value.value;
    const withoutKeys = Object.fromEntries(
      Object.entries(below).filter(
        ([field]) => !(field.startsWith('f:') && Object.hasOwn(keys, field.slice(2))),
      ),
    );
    for (const item of list) if (hasKeys(item, keys)) removeOwnedFields(item, withoutKeys);
  }
}

/** Nothing but the node itself below: the whole field is owned. */
function isLeaf(below: Record<string, unknown>): boolean {
  return Object.keys(below).every((key) => key === '.');
}

function hasKeys(item: unknown, keys: Record<string, unknown>): boolean {
  if (!isPlainRecord(item)) return false;
  return Object.entries(keys).every(
    ([field, value]) => Object.hasOwn(item, field) && JSON.stringify(item[field]) === JSON.stringify(value),
  );
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
