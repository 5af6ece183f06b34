/**
 * One environment against its cluster, as plan and drift both need it: scope resolution,
 * one LIST per kind and namespace, dry runs only where one can show a change, and the
 * pairing with the user's ignore rules. A Flux environment also gets Flux's own rules
 * (flux/live-rules.ts): what its controllers leave alone or do not compare, and what they
 * would delete. Drift also keeps the live objects (their managedFields say who changed
 * what).
 */
import { type ClusterClient, FIELD_MANAGER, type LiveState } from '../cluster/index.js';
import { environmentNamespace } from '../config/environment-namespace.js';
import type { EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import { compareWithCluster, type DryRunOutcome, needsDryRun } from '../diff/live.js';
import {
  type ComparisonMode,
  type ComparisonTarget,
  countChanges,
  type EnvironmentResult,
} from '../diff/model.js';
import {
  type FluxKustomizationFacts,
  fluxComparison,
  fluxOwnerSelectors,
  unappliedKustomization,
} from '../flux/live-rules.js';
import type { KubeObject, Resource } from '../resource.js';

export interface LiveComparison {
  comparison: EnvironmentResult;
  live: LiveState;
}

export interface LiveComparisonOptions {
  /** Rewrites what the dry run (or, where none was needed, the live object) says the object becomes. */
  adjustAfter?: (after: KubeObject, manifest: KubeObject) => KubeObject;
  /** Whether Flux's drift rules may hide fields (see flux/live-rules.ts); default true. */
  fluxDriftRules?: boolean;
}

/** What an environment rendered: its objects, and a Flux environment's Kustomization. */
export interface RenderedEnvironment {
  resources: readonly Resource[];
  flux?: FluxKustomizationFacts;
}

export async function compareEnvironmentLive(
  env: EnvironmentConfig,
  rendered: RenderedEnvironment,
  client: ClusterClient,
  config: PlumblineConfig,
  mode: ComparisonMode,
  comparedWith: ComparisonTarget,
  options: LiveComparisonOptions = {},
): Promise<LiveComparison> {
  const { resources } = await client.resolveScopes(rendered.resources, environmentNamespace(env));
  const ownershipLabel = ownership(config, env);
  const kustomization =
    env.renderer === 'flux' && env.flux ? (rendered.flux ?? unappliedKustomization(env.flux)) : undefined;
  const live = await client.readLive(resources, {
    ...(ownershipLabel ? { ownershipLabel } : {}),
    ...(kustomization ? { ownershipSelectors: fluxOwnerSelectors(kustomization, resources) } : {}),
  });
  const compared = kustomization
    ? fluxComparison({
        kustomization,
        desired: resources,
        live: live.objects,
        owned: live.owned,
        ...(ownershipLabel ? { ownershipLabel } : {}),
        ...(options.fluxDriftRules === false ? { driftRules: false } : {}),
      })
    : { desired: resources, owned: live.owned, ignore: [] };
  const dryRun = mode === 'live' ? await dryRuns(compared.desired, live, client, options) : undefined;
  const changes = compareWithCluster({
    desired: compared.desired,
    live: live.objects,
    owned: compared.owned,
    dryRun,
    rules: [...config.diff.ignore, ...compared.ignore],
  });
  const comparison: EnvironmentResult = {
    environment: env.name,
    mode,
    comparedWith,
    counts: countChanges(changes),
    changes,
  };
  if (live.ownedNotSearched.length > 0) {
    comparison.notice = { kind: 'deletions-unseen', kinds: [...live.ownedNotSearched] };
  }
  return { comparison, live };
}

/**
 * Dry runs only for the objects where one could show a change (see needsDryRun); for the
 * others the live object is what the dry run would have returned.
 */
async function dryRuns(
  resources: readonly Resource[],
  live: LiveState,
  client: ClusterClient,
  options: LiveComparisonOptions,
): Promise<Map<string, DryRunOutcome>> {
  const needed = resources.filter((r) => needsDryRun(r.object, live.objects.get(r.key), FIELD_MANAGER));
  const outcomes = await client.dryRunApply(needed);
  const adjust = options.adjustAfter ?? ((after: KubeObject) => after);
  const result = new Map<string, DryRunOutcome>();
  for (const resource of resources) {
    const outcome = outcomes.get(resource.key);
    const liveObject = live.objects.get(resource.key);
    if (outcome && !outcome.ok) result.set(resource.key, outcome);
    else if (outcome?.ok || liveObject) {
      const after = outcome?.ok ? outcome.object : liveObject!;
      result.set(resource.key, { ok: true, object: adjust(after, resource.object) });
    }
  }
  return result;
}

/** `key` or `key=value`; a bare key takes the environment's name as its value. */
function ownership(
  config: PlumblineConfig,
  env: EnvironmentConfig,
): { key: string; value: string } | undefined {
  const label = config.diff.ownershipLabel;
  if (!label) return undefined;
  const equals = label.indexOf('=');
  return equals === -1
    ? { key: label, value: env.name }
    : { key: label.slice(0, equals), value: label.slice(equals + 1) };
}
