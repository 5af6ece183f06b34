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
