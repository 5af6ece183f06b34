/**
 * Pairs the desired objects of one environment with what the cluster says, like
 * `kubectl diff --server-side`: in live mode the "after" side is the server-side-apply dry
 * run (the object as the server would store it), in reader mode it is the manifest and the
 * live object is cut down to the fields the manifest sets. Live objects that carry the
 * environment's ownership label but are no longer rendered are deletions.
 */
import type { IgnoreRule } from '../config/types.js';
import type { KubeObject, Resource } from '../resource.js';
import { compareObject } from './compare.js';
import { changedFields } from './fields.js';
import type { ObjectChange } from './model.js';
import { projectOnto } from './project.js';

/** What a server-side-apply dry run of one object gave. */
export type DryRunOutcome =
  | { ok: true; object: KubeObject }
  | { ok: false; reason: 'namespace-missing' | 'kind-unknown' | 'rejected' | 'forbidden'; message: string };

export interface LiveComparisonInput {
  desired: readonly Resource[];
  /** Live objects by key, masked. */
  live: ReadonlyMap<string, KubeObject>;
  /** Live objects that carry the environment's ownership label, masked. */
  owned: readonly Resource[];
  /** Dry-run outcomes by key; absent in reader mode. */
  dryRun?: ReadonlyMap<string, DryRunOutcome>;
  rules: readonly IgnoreRule[];
}

export function compareWithCluster(input: LiveComparisonInput): ObjectChange[] {
  const desiredKeys = new Set(input.desired.map((resource) => resource.key));
  const changes = input.desired.map((resource) => compareDesired(resource, input));
  for (const resource of input.owned) {
    if (desiredKeys.has(resource.key)) continue;
    changes.push(compareObject({ key: resource.key, id: resource.id, before: resource.object }, input.rules));
  }
  return changes.sort((a, b) => a.key.localeCompare(b.key));
}

function compareDesired(resource: Resource, input: LiveComparisonInput): ObjectChange {
  const live = input.live.get(resource.key);
  const base = { key: resource.key, id: resource.id };
  const readerView = () => (live ? projectOnto(live, resource.object) : undefined) as KubeObject | undefined;
  const outcome = input.dryRun?.get(resource.key);
  if (!input.dryRun || !outcome) {
    return compareObject({ ...base, before: readerView(), after: resource.object }, input.rules);
  }
  if (outcome.ok) return compareObject({ ...base, before: live, after: outcome.object }, input.rules);
  return compareObject(
    { ...base, before: readerView(), after: resource.object, notes: [dryRunNote(outcome)] },
    input.rules,
  );
}

function dryRunNote(outcome: Extract<DryRunOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'namespace-missing':
      return `its namespace does not exist yet (${outcome.message}); compared with the manifest as written`;
    case 'kind-unknown':
      return `the cluster does not know this kind yet (its CRD is not installed); compared with the manifest as written`;
    case 'rejected':
      return `the API server rejects this object: ${outcome.message}`;
    case 'forbidden':
      return `the dry run was forbidden (${outcome.message}); compared with the manifest as written, as in reader mode`;
  }
}

/**
 * Whether a server-side-apply dry run could show a change for this object. When our field
 * manager owns nothing in the live object, the dry run yields the live object merged with
 * the manifest's fields; if the live object, cut down to those fields, already equals the
 * manifest, that merge is the live object itself, and the request can be skipped. Any
 * doubt (absent live, our manager present, a value written in another form) means yes.
 */
export function needsDryRun(
  manifest: KubeObject,
  live: KubeObject | undefined,
  fieldManager: string,
): boolean {
  if (!live) return true;
  const managers = (live.metadata.managedFields ?? []) as { manager?: string }[];
  if (managers.some((entry) => entry.manager === fieldManager)) return true;
  return changedFields(projectOnto(live, manifest), manifest).length > 0;
}
