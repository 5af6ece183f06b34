/**
 * Plain data merged as Helm merges values and Argo CD merges parameters: `over` on top of
 * `base`, a map over a map merged key by key, anything else replacing what was there. Keys
 * come from repositories, so every one is set as an own property (`__proto__` is data,
 * never a prototype).
 */

export type PlainMap = Record<string, unknown>;

export function mergeMaps(base: PlainMap, over: PlainMap): PlainMap {
  const merged: PlainMap = {};
  for (const [key, value] of Object.entries(base)) setOwn(merged, key, value);
  for (const [key, value] of Object.entries(over)) {
    const existing = Object.hasOwn(merged, key) ? merged[key] : undefined;
    setOwn(merged, key, isPlainMap(existing) && isPlainMap(value) ? mergeMaps(existing, value) : value);
  }
  return merged;
}

export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, even one named `__proto__`: a key from the repository is data. */
export function setOwn(target: PlainMap, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
