/** Unified diff text between two objects, as YAML, the way `kubectl diff` shows it. */
import { structuredPatch } from 'diff';
import { stringify } from 'yaml';

const CONTEXT_LINES = 4;

export function toYaml(object: unknown): string {
  if (object === undefined) return '';
  // lineWidth 0: never fold long strings, so a one-word change stays a one-line change.
  return stringify(object, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Hunks only (no file headers); empty when the texts are equal. */
export function unifiedDiff(before: unknown, after: unknown): string {
  const patch = structuredPatch('live', 'desired', toYaml(before), toYaml(after), '', '', {
    context: CONTEXT_LINES,
  });
  return patch.hunks
    .map((hunk) =>
      [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines].join('\n'),
    )
    .join('\n');
}
