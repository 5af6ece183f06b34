/** What a comparison found: the plain data every report format is made from. */
import type { ResourceId } from '../resource.js';

export type ChangeKind = 'added' | 'changed' | 'deleted' | 'unchanged';

export type RiskKind = 'deletion' | 'namespace-deletion' | 'immutable-field' | 'pvc-shrink';

export interface Risk {
  kind: RiskKind;
  /** One sentence for a person, e.g. `spec.selector is immutable: the apply will fail`. */
  message: string;
}

export interface ObjectChange {
  key: string;
  id: ResourceId;
  change: ChangeKind;
  /** Unified diff text of the normalised, masked YAML (empty for unchanged objects). */
  diff: string;
  /** JSON pointers of the fields that differ, after normalisation and ignore rules. */
  fields: string[];
  risks: Risk[];
  /** Facts worth saying, e.g. `namespace shop does not exist yet`. */
  notes: string[];
}

export type ComparisonMode = 'offline' | 'live' | 'reader';

export interface Counts {
  added: number;
  changed: number;
  deleted: number;
  unchanged: number;
}

export interface EnvironmentResult {
  environment: string;
  mode: ComparisonMode;
  /** What the desired state was compared with: `base main (a1b2c3d)` or `cluster dev`. */
  comparedWith: string;
  counts: Counts;
  /** Every object, unchanged ones included, ordered by key. */
  changes: ObjectChange[];
  /** Set when the environment could not be compared; the others still report. */
  error?: string;
  /** Why this mode was chosen when it was not the one asked for. */
  notice?: string;
}

export interface PlanResult {
  environments: EnvironmentResult[];
  base?: { ref: string; sha: string };
  head?: { ref: string; sha: string };
}

export function countChanges(changes: readonly ObjectChange[]): Counts {
  const counts: Counts = { added: 0, changed: 0, deleted: 0, unchanged: 0 };
  for (const change of changes) counts[change.change] += 1;
  return counts;
}

export function hasChanges(result: PlanResult): boolean {
  return result.environments.some((env) => env.counts.added + env.counts.changed + env.counts.deleted > 0);
}
