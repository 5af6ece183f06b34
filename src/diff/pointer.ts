/**
 * Paths into Kubernetes objects. Field paths are JSON pointers (RFC 6901), except that an
 * item of a list whose items all carry a `name` is addressed by that name in brackets,
 * `/spec/template/spec/containers/[app]/image`, because Kubernetes merges such lists by
 * name: the same container at another index is the same container.
 */

export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function joinPointer(segments: readonly string[]): string {
  return segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`'${pointer}' is not a JSON pointer: it must start with '/'`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}

export function namedItemSegment(name: string): string {
  return `[${name}]`;
}

/** The `name` of every item when all items are objects with a string name and names are unique. */
export function listItemNames(list: readonly unknown[]): string[] | undefined {
  const names: string[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const name = (item as Record<string, unknown>).name;
    if (typeof name !== 'string') return undefined;
    names.push(name);
  }
  return new Set(names).size === names.length && names.length > 0 ? names : undefined;
}

/**
 * Removes, in place, the value at an RFC 6901 pointer, as a JSON patch `remove` does: each
 * segment a key of a map or an index of a list, nothing else (no name of an item, no
 * wildcard). A pointer to nothing removes nothing.
 */
export function removeAtPointer(root: unknown, pointer: string): void {
  const segments = parsePointer(pointer);
  const last = segments.pop();
  if (last === undefined) return;
  let node = root;
  for (const segment of segments) {
    node = childOf(node, segment);
    if (node === undefined) return;
  }
  if (Array.isArray(node)) {
    const index = listIndex(last, node.length);
    if (index !== undefined) node.splice(index, 1);
  } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, last)) {
    delete (node as Record<string, unknown>)[last];
  }
}

function childOf(node: unknown, key: string): unknown {
  if (Array.isArray(node)) {
    const index = listIndex(key, node.length);
    return index === undefined ? undefined : node[index];
  }
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
  return (node as Record<string, unknown>)[key];
}

/** An RFC 6901 array index: digits without a leading zero, within the list. */
function listIndex(key: string, length: number): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(key)) return undefined;
  const index = Number(key);
  return index < length ? index : undefined;
}
