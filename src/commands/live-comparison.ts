/**
 * One environment against its cluster, as plan and drift both need it: scope resolution,
 * one LIST per kind and namespace, dry runs only where one can show a change, and the
 * pairing with the user's ignore rules. A Flux environment also gets Flux's own rules
 * (flux/live-rules.ts), an Argo CD environment Argo CD's (argocd/live-rules.ts): what the
 * controllers leave alone or do not compare, and what they would delete. Drift also keeps the live objects (their managedFields say who changed
 * what).
 */
import {
  type ArgoApplicationFacts,
  argoComparison,
  argoOwnership,
  undefinedApplication,
} from '../argocd/live-rules.js';
import { type ClusterClient, FIELD_MANAGER, type LiveState } from '../cluster/index.js';
import { environmentNamespace } from '../config/environment-namespace.js';
import { argoSettings } from '../config/parse.js';
import type { EnvironmentConfig, IgnoreRule, PlumblineConfig } from '../config/types.js';
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
  /**
   * Whether the rules a Flux Kustomization or an Argo CD Application writes for itself may
   * hide fields (see flux/live-rules.ts, argocd/live-rules.ts); default true.
   */
  ownDriftRules?: boolean;
}

/** What an environment rendered: its objects, and a Flux environment's Kustomization or an Argo CD environment's Application. */
export interface RenderedEnvironment {
  resources: readonly Resource[];
  flux?: FluxKustomizationFacts;
  argocd?: ArgoApplicationFacts;
}

/** What a GitOps controller's own rules make of the comparison. */
interface ControllerRules {
  /** The desired objects the controller would apply, as it would apply them. */
  desired: Resource[];
  /** The live objects it would delete, or that the configuration's label owns. */
  owned: Resource[];
  /** Fields never compared. */
  ignore: IgnoreRule[];
  /** Each side of an object as the controller compares it (a copy). */
  normalize?: (key: string, object: KubeObject) => KubeObject;
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
  const label = ownershipLabel ? { ownershipLabel } : {};
  const ownDriftRules = options.ownDriftRules ?? true;
  let live: LiveState;
  let rules: ControllerRules;
  if (env.renderer === 'flux' && env.flux) {
    const kustomization = rendered.flux ?? unappliedKustomization(env.flux);
    live = await client.readLive(resources, {
      ...label,
      ownershipSelectors: fluxOwnerSelectors(kustomization, resources),
    });
    rules = fluxComparison({
      kustomization,
      desired: resources,
      live: live.objects,
      owned: live.owned,
      ...label,
      driftRules: ownDriftRules,
    });
  } else if (env.renderer === 'argocd' && env.argocd) {
    const settings = config.argocd ?? argoSettings();
    const application = rendered.argocd ?? undefinedApplication(env.name);
    const tracking = argoOwnership(application, settings);
    live = await client.readLive(resources, {
      ...label,
      ...(tracking.labelSelector ? { ownershipSelectors: [tracking.labelSelector] } : {}),
      ...(tracking.tracks
        ? {
            ownedIf: {
              accepts: tracking.tracks,
              namespaces: application.destinationNamespace ? [application.destinationNamespace] : [],
            },
          }
        : {}),
    });
    rules = {
      ...argoComparison({
        application,
        settings,
        desired: resources,
        live: live.objects,
        owned: live.owned,
        ...label,
        driftRules: ownDriftRules,
      }),
      ignore: [],
    };
  } else {
    live = await client.readLive(resources, label);
    rules = { desired: [...resources], owned: live.owned, ignore: [] };
  }
  const dryRun = mode === 'live' ? await dryRuns(rules.desired, live, client, options) : undefined;
  const normalize = rules.normalize;
  const changes = compareWithCluster({
    desired: normalize
      ? rules.desired.map((resource) => ({ ...resource, object: normalize(resource.key, resource.object) }))
      : rules.desired,
    live: normalize ? mapObjects(live.objects, normalize) : live.objects,
    owned: rules.owned,
    ...(dryRun ? { dryRun: normalize ? normalizedOutcomes(dryRun, normalize) : dryRun } : {}),
    rules: [...config.diff.ignore, ...rules.ignore],
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

function mapObjects(
  objects: ReadonlyMap<string, KubeObject>,
  normalize: (key: string, object: KubeObject) => KubeObject,
): Map<string, KubeObject> {
  return new Map([...objects].map(([key, object]) => [key, normalize(key, object)]));
}

function normalizedOutcomes(
  outcomes: ReadonlyMap<string, DryRunOutcome>,
  normalize: (key: string, object: KubeObject) => KubeObject,
): Map<string, DryRunOutcome> {
  return new Map(
    [...outcomes].map(([key, outcome]) => [
      key,
      outcome.ok ? { ok: true as const, object: normalize(key, outcome.object) } : outcome,
    ]),
  );
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
