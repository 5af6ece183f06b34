/** Unified diff text between two objects, as YAML, the way `kubectl diff` shows it. */
import { structuredPatch } from 'diff';
import { stringify } from 'yaml';

const CONTEXT_LINES = 4;

const LEADING_KEYS = ['apiVersion', 'kind', 'metadata'];

export function toYaml(object: unknown): string {
  if (object === undefined) return '';
  // lineWidth 0: never fold long strings, so a one-word change stays a one-line change.
  return stringify(canonicalTopLevel(object), { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * apiVersion, kind and metadata first, as people write them. Objects from a LIST carry
 * apiVersion and kind at the end and dry-run results at the start; without one order the
 * text diff would show them as moved.
 */
function canonicalTopLevel(object: unknown): unknown {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return object;
  const record = object as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of LEADING_KEYS) if (key in record) ordered[key] = record[key];
  for (const [key, value] of Object.entries(record)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

/** Hunks only (no file headers); empty when the texts are equal. */
export function unifiedDiff(before: unknown, after: unknown): string {
  const patch = structuredPatch('live', 'desired', toYaml(before), toYaml(after), '', '', {
    context: CONTEXT_LINES,
  });
  return patch.hunks
    .map((hunk) =>
      [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines].join(
        '\n',
      ),
    )
    .join('\n');
}
