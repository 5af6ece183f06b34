/** What a comparison found: the plain data every report format is made from. */
import type { RenderProvenance } from '../provenance.js';
import type { Problem } from '../remedy.js';
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
  /**
   * The container images the change moves, for an object that runs pods (see
   * `diff/images.ts`): each container whose image differs, `from` absent when it is new,
   * `to` absent when it is gone. Absent when no image moves.
   */
  images?: Array<{ container: string; init?: boolean; from?: string; to?: string }>;
}

export type ComparisonMode = 'offline' | 'live' | 'reader';

export interface Counts {
  added: number;
  changed: number;
  deleted: number;
  unchanged: number;
}

/** What the desired state was compared with. */
export type ComparisonTarget =
  | { kind: 'base'; ref: string; sha: string }
  /** `context` absent: the kubeconfig's current context. */
  | { kind: 'cluster'; context?: string }
  /** A cluster comparison was asked for, and the environment has no cluster. */
  | { kind: 'no-cluster' };

/** Something a reader of an environment's result should know; reports word it. */
export type Notice =
  /** `auto` found no cluster credentials: the environment is compared with the base only. */
  | { kind: 'no-credentials' }
  /** As no-credentials, because the change comes from a fork, which gets no secrets. */
  | { kind: 'fork' }
  /** A cluster comparison was asked for, and the environment names no cluster. */
  | { kind: 'no-cluster' }
  /** The identity may not list these kinds, so deletions among them cannot be seen. */
  | { kind: 'deletions-unseen'; kinds: string[] };

export interface EnvironmentResult {
  environment: string;
  mode: ComparisonMode;
  comparedWith: ComparisonTarget;
  counts: Counts;
  /** Every object, unchanged ones included, ordered by key. */
  changes: ObjectChange[];
  /** Set when the environment could not be compared; the others still report. */
  error?: Problem;
  notice?: Notice;
  /**
   * The charts fetched and the capabilities helm was given, for the head (the side compared
   * with the cluster) and, offline, the base; absent when neither side used helm.
   */
  rendered?: { head?: RenderProvenance; base?: RenderProvenance };
}

/**
 * Where the rules of a plan came from. The base revision is trusted and the head of a
 * change is data: when a base exists its configuration decides what is rendered and
 * hidden, and a change to the configuration is reported, never applied.
 */
export interface ConfigProvenance {
  /** The revision whose configuration was applied. */
  from: 'base' | 'head';
  /**
   * The configuration file: the one the applied revision holds, or the one the change adds;
   * absent when there is none on either side.
   */
  file?: string;
  /** What the change does to the configuration file; absent when it leaves it alone. */
  headChange?: 'added' | 'changed' | 'removed';
}

export interface PlanResult {
  environments: EnvironmentResult[];
  config?: ConfigProvenance;
  base?: { ref: string; sha: string };
  head?: { ref: string; sha: string };
  /**
   * Environments an offline plan left out because no file the change touches can change
   * their render (neither rendered nor compared); absent when every environment was planned.
   */
  unaffected?: string[];
  /** Present when this plan covers one shard of the environments (`index` from 1). */
  shard?: { index: number; count: number };
  /**
   * A merge of shard plans made without some of its shards (indexes from 1): their
   * environments are in no part of this result, which is therefore not the whole plan.
   */
  missingShards?: number[];
}

export function countChanges(changes: readonly ObjectChange[]): Counts {
  const counts: Counts = { added: 0, changed: 0, deleted: 0, unchanged: 0 };
  for (const change of changes) counts[change.change] += 1;
  return counts;
}

export function hasChanges(result: PlanResult): boolean {
  return result.environments.some((env) => env.counts.added + env.counts.changed + env.counts.deleted > 0);
}

/**
 * One comparison per environment, for totals and verdicts: an environment compared both
 * with the base and with its cluster is counted once, by the cluster comparison when it
 * succeeded (what applying the head would do), else by the base comparison.
 */
export function headlineResults(result: PlanResult): EnvironmentResult[] {
  const chosen = new Map<string, EnvironmentResult>();
  for (const env of result.environments) {
    const current = chosen.get(env.environment);
    const better =
      !current || (env.mode !== 'offline' && env.error === undefined && current.mode === 'offline');
    if (better) chosen.set(env.environment, env);
  }
  return [...chosen.values()];
}

/** How an environment's comparison is titled where one environment may appear twice. */
export function comparisonTitle(env: EnvironmentResult, result: PlanResult): string {
  const twice = result.environments.filter((other) => other.environment === env.environment).length > 1;
  if (!twice) return env.environment;
  return env.mode === 'offline'
    ? `${env.environment}: what this change does`
    : `${env.environment}: against the cluster (${env.mode})`;
}
