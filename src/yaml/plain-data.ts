/**
 * Reading fields of plain data parsed from YAML (plain-value.ts) whose shape the text
 * decides: a field that is not what it should be reads as empty, and the caller's own
 * checks say what is wrong where that matters.
 */

/** A mapping, or an empty one for anything else. */
export function recordOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A list, or an empty one for anything else. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The string fields of a mapping (labels, annotations). */
export function stringRecord(value: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, item] of Object.entries(recordOf(value))) if (typeof item === 'string') record[key] = item;
  return record;
}

/** A string that is not empty, else undefined. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
