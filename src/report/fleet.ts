/**
 * What a plan of many environments has in common, so a report can say it once: the same
 * object change in several environments, the images and chart versions that move, and how
 * many objects of each kind are added, changed or deleted. Facts only, read from an
 * unredacted result (a masked token tells two Secret values apart where the redacted text
 * no longer does); markdown.ts words them.
 */
import type { EnvironmentResult, ObjectChange, PlanResult } from '../diff/model.js';
import { headlineResults } from '../diff/model.js';
import { displayName } from '../resource.js';
import { listedChanges } from './describe.js';

/** One listed change of one comparison: indices into `result.environments` and its `changes`. */
export interface ChangeRef {
  environment: number;
  change: number;
  /**
   * A shared change: the namespaces it is in, when they differ between the environments
   * (each environment's own namespace, as fleets lay them out).
   */
  namespaces?: string[];
}

/** Changes that several comparisons have, identically, and exactly those comparisons. */
export interface SharedChanges {
  /** Indices into `result.environments`, in order; at least two. */
  environments: number[];
  /** Each change once, as the first of `environments` has it, in its order. */
  changes: ChangeRef[];
}

export interface ChangeGroups {
  /** Grouped by the comparisons they appear in; the widest group first. */
  shared: SharedChanges[];
  /** Per comparison, its listed changes that no other comparison has identically. */
  particular: ChangeRef[][];
  /** Per comparison, a key that is equal for comparisons whose listed changes are the same. */
  changeSets: string[];
}

/**
 * A key equal for two changes a reader could not tell apart: the same object (group,
 * kind and name; namespaced or not, but in any namespace: fleets give each environment its
 * own), API version, the same kind of change, the same masked diff text, fields, notes,
 * images and set of risks. Masked, not redacted: different Secret values keep different
 * tokens.
 */
export function changeFingerprint(change: ObjectChange): string {
  const risks = change.risks.map((risk) => `${risk.kind}\u0000${risk.message}`).sort();
  const { group, kind, name, namespace } = change.id;
  return JSON.stringify([
    [group, kind, name, namespace === undefined],
    change.id.version,
    change.change,
    // Its own namespace in the diff's context lines is what differs between environments.
    namespace === undefined
      ? change.diff
      : change.diff.replaceAll(`namespace: ${namespace}`, 'namespace: \u0000'),
    change.fields,
    risks,
    change.notes,
    change.images ?? [],
  ]);
}

/**
 * Groups the listed changes of every comparison: a change found identically (see
 * {@link changeFingerprint}) in two or more comparisons is shared, the rest particular.
 */
export function groupChanges(result: PlanResult): ChangeGroups {
  const seen = new Map<string, { first: ChangeRef; environments: number[]; namespaces: Set<string> }>();
  const fingerprints = result.environments.map((env, environment) =>
    env.changes.map((change, index) => {
      if (change.change === 'unchanged') return '';
      const fingerprint = changeFingerprint(change);
      const entry = seen.get(fingerprint) ?? {
        first: { environment, change: index },
        environments: [],
        namespaces: new Set<string>(),
      };
      entry.environments.push(environment);
      if (change.id.namespace !== undefined) entry.namespaces.add(change.id.namespace);
      seen.set(fingerprint, entry);
      return fingerprint;
    }),
  );
  const byEnvironments = new Map<string, SharedChanges>();
  for (const { first, environments, namespaces } of seen.values()) {
    if (environments.length < 2) continue;
    const key = environments.join(',');
    const group = byEnvironments.get(key) ?? { environments, changes: [] };
    group.changes.push(namespaces.size > 1 ? { ...first, namespaces: [...namespaces].sort() } : first);
    byEnvironments.set(key, group);
  }
  const shared = [...byEnvironments.values()].sort(
    (a, b) =>
      b.environments.length - a.environments.length ||
      a.changes[0]!.environment - b.changes[0]!.environment ||
      a.changes[0]!.change - b.changes[0]!.change,
  );
  const particular = fingerprints.map((list, environment) =>
    list.flatMap((fingerprint, change) =>
      fingerprint !== '' && seen.get(fingerprint)!.environments.length === 1 ? [{ environment, change }] : [],
    ),
  );
  const changeSets = fingerprints.map((list) =>
    JSON.stringify(list.filter((fingerprint) => fingerprint !== '').sort()),
  );
  return { shared, particular, changeSets };
}

/** An image that moves the same way (from → to) in one or more environments. */
export interface ImageMoveFact {
  /** Absent: the container or its object is new. */
  from?: string;
  /** Absent: the container or its object is gone. */
  to?: string;
  /** The objects whose containers move, as `Deployment shop/web`, in order of appearance. */
  workloads: string[];
  /** The environments it moves in, in order. */
  environments: string[];
}

/**
 * Every image move, one entry per distinct from → to, over each environment's headline
 * comparison (what applying the change would do); the move found in most environments first.
 */
export function imageMoveFacts(result: PlanResult): ImageMoveFact[] {
  const facts = new Map<string, ImageMoveFact>();
  for (const env of headlineResults(result)) {
    for (const change of listedChanges(env)) {
      for (const move of change.images ?? []) {
        const key = JSON.stringify([move.from ?? null, move.to ?? null]);
        const fact = facts.get(key) ?? {
          ...(move.from !== undefined ? { from: move.from } : {}),
          ...(move.to !== undefined ? { to: move.to } : {}),
          workloads: [],
          environments: [],
        };
        addOnce(fact.workloads, displayName(change.id));
        addOnce(fact.environments, env.environment);
        facts.set(key, fact);
      }
    }
  }
  return byEnvironmentCount([...facts.values()]);
}

/** A chart whose version the change moves, the same way in one or more environments. */
export interface ChartMoveFact {
  repository: string;
  name: string;
  from: string;
  to: string;
  environments: string[];
}

/** The chart versions that differ between an environment's base and head renders. */
export function chartMoveFacts(result: PlanResult): ChartMoveFact[] {
  const facts = new Map<string, ChartMoveFact>();
  for (const env of result.environments) {
    const base = env.rendered?.base;
    const head = env.rendered?.head;
    if (!base || !head) continue;
    for (const chart of head.charts) {
      const before = base.charts.find(
        (candidate) => candidate.repository === chart.repository && candidate.name === chart.name,
      );
      if (!before || before.version === chart.version) continue;
      const key = JSON.stringify([chart.repository, chart.name, before.version, chart.version]);
      const fact = facts.get(key) ?? {
        repository: chart.repository,
        name: chart.name,
        from: before.version,
        to: chart.version,
        environments: [],
      };
      addOnce(fact.environments, env.environment);
      facts.set(key, fact);
    }
  }
  return byEnvironmentCount([...facts.values()]);
}

/** How many objects of each kind are added, changed and deleted, over the headline comparisons. */
export function kindCounts(result: PlanResult): Record<'added' | 'changed' | 'deleted', Map<string, number>> {
  const counts = { added: new Map<string, number>(), changed: new Map<string, number>(), deleted: new Map() };
  for (const env of headlineResults(result)) {
    for (const change of listedChanges(env)) {
      if (change.change === 'unchanged') continue;
      const map = counts[change.change];
      map.set(change.id.kind, (map.get(change.id.kind) ?? 0) + 1);
    }
  }
  return counts;
}

/** Whether a comparison lists an object to add, change or delete. */
export function isChanged(env: EnvironmentResult): boolean {
  return env.error === undefined && env.counts.added + env.counts.changed + env.counts.deleted > 0;
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

function byEnvironmentCount<T extends { environments: string[] }>(facts: T[]): T[] {
  // Array.prototype.sort is stable: equal counts keep their order of appearance.
  return facts.sort((a, b) => b.environments.length - a.environments.length);
}
