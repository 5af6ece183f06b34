/**
 * Which fields differ between two objects. Lists of named items are matched by name (an
 * item moved to another index is the same item); other lists by index. Scalars compare by
 * value, so `1` and `1` agree whatever the YAML style they were written in.
 */
import { joinPointer, listItemNames, namedItemSegment } from './pointer.js';

export function changedFields(before: unknown, after: unknown): string[] {
  const paths: string[] = [];
  walk(before, after, [], paths);
  return paths;
}

function walk(before: unknown, after: unknown, path: string[], out: string[]): void {
  if (Object.is(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    walkLists(before, after, path, out);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) walk(before[key], after[key], [...path, key], out);
    return;
  }
  out.push(joinPointer(path));
}

function walkLists(before: unknown[], after: unknown[], path: string[], out: string[]): void {
  const beforeNames = listItemNames(before);
  const afterNames = listItemNames(after);
  if (beforeNames && afterNames) {
    const beforeByName = new Map(beforeNames.map((name, index) => [name, before[index]]));
    const afterByName = new Map(afterNames.map((name, index) => [name, after[index]]));
    for (const name of new Set([...beforeNames, ...afterNames])) {
      walk(beforeByName.get(name), afterByName.get(name), [...path, namedItemSegment(name)], out);
    }
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let index = 0; index < length; index++)
    walk(before[index], after[index], [...path, String(index)], out);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
