/**
 * Who changed a field: the API server records, per field manager, the fields it owns
 * (`metadata.managedFields[].fieldsV1`) and when it last wrote (`time`). That tells a
 * live edit (`kubectl-edit`, `kubectl-set`, `kubectl` through the scale subresource) from
 * a controller or a webhook.
 *
 * fieldsV1 is a tree keyed by `f:<field>` for map fields, `k:<json>` for list items
 * identified by keys (containers by name, ports by containerPort and protocol), `v:<json>`
 * for set items (finalizers), `i:<index>` for positions and `.` for the item itself; an
 * empty `{}` owns everything under it.
 */
import { parsePointer } from '../diff/pointer.js';
import type { KubeObject } from '../resource.js';
import type { Attribution } from './model.js';

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  time?: string;
  subresource?: string;
  fieldsV1?: unknown;
}

interface Match {
  entry: ManagedFieldsEntry;
  /** How many path segments the entry's tree follows. */
  depth: number;
  exact: boolean;
}

/**
 * The manager that owns `pointer` in `live`, or, when none does (the field was removed,
 * or holds a value nobody set), the deepest and newest writer of its direct parent.
 */
export function attributeField(live: KubeObject, pointer: string): Attribution | undefined {
  const segments = parsePointer(pointer);
  const matches: Match[] = [];
  for (const entry of managedFields(live)) {
    // Status is never compared, and its writers touch the object all the time.
    if (entry.subresource === 'status') continue;
    const match = follow(entry.fieldsV1, live, segments);
    // A writer of the removed field's direct parent is a lead; a writer of `spec` is not.
    if (match.exact || (match.depth >= 2 && match.depth >= segments.length - 1))
      matches.push({ entry, ...match });
  }
  const best = pick(matches);
  return best && toAttribution(best.entry, best.exact);
}

/**
 * Who wrote an object as a whole (for objects that are live but not in Git): the manager
 * that owns the most fields, status writers aside; on a tie the earliest entry, which is
 * the one that created the object (the server appends managers as they first write).
 */
export function attributeObject(live: KubeObject): Attribution | undefined {
  let best: { entry: ManagedFieldsEntry; size: number } | undefined;
  for (const entry of managedFields(live)) {
    if (entry.subresource === 'status') continue;
    const size = countLeaves(entry.fieldsV1);
    if (!best || size > best.size || (size === best.size && newer(best.entry, entry))) best = { entry, size };
  }
  return best && toAttribution(best.entry, true);
}

function managedFields(live: KubeObject): ManagedFieldsEntry[] {
  const entries = live.metadata.managedFields;
  if (!Array.isArray(entries)) return [];
  return entries.filter(
    (entry): entry is ManagedFieldsEntry =>
      entry !== null &&
      typeof entry === 'object' &&
      typeof (entry as ManagedFieldsEntry).manager === 'string',
  );
}

/** Walks one entry's tree along the path, resolving list items against the live object. */
function follow(
  tree: unknown,
  live: unknown,
  segments: readonly string[],
): { depth: number; exact: boolean } {
  const root = asTree(tree);
  if (!root) return { depth: 0, exact: false };
  let node: Tree = root;
  let value: unknown = live;
  for (let depth = 0; depth < segments.length; depth++) {
    const segment = segments[depth]!;
    const step: Step = Array.isArray(value) ? listStep(node, value, segment) : mapStep(node, value, segment);
    if (!step) return { depth, exact: false };
    node = step.node;
    value = step.value;
    // `{}` owns the whole field: an atomic list, a scalar, or a map set as one value.
    if (Object.keys(node).length === 0) return { depth: depth + 1, exact: true };
  }
  return { depth: segments.length, exact: true };
}

type Tree = Record<string, unknown>;
type Step = { node: Tree; value: unknown } | undefined;

function mapStep(node: Tree, value: unknown, segment: string): Step {
  const child = asTree(node[`f:${segment}`]);
  if (!child) return undefined;
  const next = value !== null && typeof value === 'object' ? (value as Tree)[segment] : undefined;
  return { node: child, value: next };
}

function listStep(node: Tree, list: unknown[], segment: string): Step {
  const named = /^\[(.*)\]$/s.exec(segment);
  const index = named ? list.findIndex((item) => isTree(item) && item.name === named[1]) : Number(segment);
  const item = Number.isInteger(index) && index >= 0 ? list[index] : undefined;
  if (item === undefined) {
    // The item is gone from the live list; its key may still name it (`k:{"name":"x"}`).
    if (!named) return undefined;
    const key = Object.keys(node).find((k) => keyMatches(k, { name: named[1] }));
    const child = key ? asTree(node[key]) : undefined;
    return child && { node: child, value: undefined };
  }
  for (const key of Object.keys(node)) {
    const matches = key.startsWith('k:')
      ? keyMatches(key, item)
      : key.startsWith('v:')
        ? jsonEquals(key.slice(2), item)
        : key === `i:${index}`;
    if (matches) {
      const child = asTree(node[key]);
      if (child) return { node: child, value: item };
    }
  }
  return undefined;
}

/** Whether every field of a `k:{...}` key equals the item's. */
function keyMatches(key: string, item: unknown): boolean {
  if (!key.startsWith('k:') || !isTree(item)) return false;
  const fields = parseJson(key.slice(2));
  if (!isTree(fields)) return false;
  return Object.entries(fields).every(([name, expected]) => sameValue(item[name], expected));
}

function jsonEquals(text: string, value: unknown): boolean {
  const parsed = parseJson(text);
  return parsed !== undefined && JSON.stringify(parsed) === JSON.stringify(value);
}

/** Keys hold ports as numbers while a manifest may say `"80"`; the server stored numbers. */
function sameValue(actual: unknown, expected: unknown): boolean {
  return actual === expected || (actual !== undefined && String(actual) === String(expected));
}

/** Exact owners first, then the deepest, then the newest writer. */
function pick(matches: readonly Match[]): Match | undefined {
  let best: Match | undefined;
  for (const match of matches) {
    if (
      !best ||
      (match.exact && !best.exact) ||
      (match.exact === best.exact && match.depth > best.depth) ||
      (match.exact === best.exact && match.depth === best.depth && newer(match.entry, best.entry))
    ) {
      best = match;
    }
  }
  return best;
}

function newer(a: ManagedFieldsEntry, b: ManagedFieldsEntry): boolean {
  return (a.time ?? '') > (b.time ?? '');
}

function toAttribution(entry: ManagedFieldsEntry, exact: boolean): Attribution {
  const attribution: Attribution = { manager: entry.manager!, exact };
  if (entry.time) attribution.time = entry.time;
  if (entry.operation) attribution.operation = entry.operation;
  if (entry.subresource) attribution.subresource = entry.subresource;
  return attribution;
}

function countLeaves(tree: unknown): number {
  const node = asTree(tree);
  if (!node) return 0;
  const keys = Object.keys(node).filter((key) => key !== '.');
  if (keys.length === 0) return 1;
  return keys.reduce((sum, key) => sum + countLeaves(node[key]), 0);
}

function asTree(value: unknown): Tree | undefined {
  return isTree(value) ? value : undefined;
}

function isTree(value: unknown): value is Tree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
