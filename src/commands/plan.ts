/**
 * `plan`: what a change does to each environment. Orchestration only: load the config,
 * render head (and base), ask the cluster, compare, and hand back a PlanResult that
 * entries turn into comments, summaries, files and exit codes.
 *
 * Two comparisons, shown separately:
 *   offline  the merge base against the head, per environment; needs no cluster
 *   live     the head against the cluster (reader: get/list rights only)
 * `auto` runs offline always, and live for every environment with a cluster when
 * cluster credentials are available.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import pLimit from 'p-limit';
import { runChartFetcher } from '../charts/fetch.js';
import { checkoutDiscovery, isGitOpsNative } from '../config/load.js';
import { RunDiscoveries } from '../config/run-discoveries.js';
import { selectEnvironments } from '../config/select.js';
import { inShard, type Shard } from '../config/shard.js';
import type { EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import { compareSets } from '../diff/compare.js';
import {
  type ComparisonMode,
  type ComparisonTarget,
  countChanges,
  type EnvironmentResult,
  type PlanResult,
} from '../diff/model.js';
import { PlumblineError, problemOf } from '../errors.js';
import { type BaseSide, headRevision, resolveBase, withBaseSide, workTreeTop } from '../git/base-checkout.js';
import { originUrls } from '../git/repository.js';
import { type Log, silentLog } from '../log.js';
import type { RenderProvenance } from '../provenance.js';
import { appOfAppsFollower } from '../render/argocd-app-of-apps.js';
import { type RenderOptions, type RenderResult, renderEnvironments } from '../render/render.js';
import { describeComparedWith, describeCounts } from '../report/describe.js';
import type { Resource } from '../resource.js';
import { traceHead, unaffectedEnvironments } from './affected.js';
import { checkOutForRenders, discoverAtBase } from './base-files.js';
import { ClusterClients } from './cluster-clients.js';
import {
  type ClusterObjectFiles,
  clusterObjectFilesAtRevision,
  clusterObjectFilesInCheckout,
  clusterObjectLookup,
} from './flux-cluster-objects.js';
import { compareEnvironmentLive } from './live-comparison.js';
import {
  baseConfig,
  checkoutConfig,
  configAtRevision,
  type PlanConfig,
  requireRealConfigFolder,
  trustedDiscoverySettings,
  trustedSourceHosts,
} from './plan-config.js';

export type PlanMode = 'auto' | 'offline' | 'live' | 'reader';

type Renders = ReadonlyMap<string, RenderResult>;

/** Environments compared with their clusters at once (each runs its own bounded dry runs). */
const LIVE_ENVIRONMENTS_AT_ONCE = 3;

export interface PlanOptions {
  repoRoot: string;
  /** Environment names; empty means every environment. */
  environments?: string[];
  /** The ref to compare the head with (its merge base with HEAD is used). */
  base?: string;
  mode: PlanMode;
  kubeconfigPath?: string;
  /** Overrides every environment's cluster context. */
  context?: string;
  /** Whether cluster credentials exist at all; decides `auto`. */
  clusterAvailable: boolean;
  /** Plan every environment offline, even those the change cannot affect. */
  all?: boolean;
  /** Plan only this shard of the environments (a stable subset; see config/shard.ts). */
  shard?: Shard;
  /** Where fetched charts are kept between runs; defaults to PLUMBLINE_CHART_CACHE or ~/.cache/plumbline/charts. */
  chartCache?: string;
  log?: Log;
}

export async function runPlan(options: PlanOptions): Promise<PlanResult> {
  const clients = new ClusterClients(options.kubeconfigPath);
  try {
    return await planWith(options, clients);
  } finally {
    await clients.close();
  }
}

async function planWith(options: PlanOptions, clients: ClusterClients): Promise<PlanResult> {
  const log = options.log ?? silentLog;
  const { repoRoot, mode } = options;
  const head = await headRevision(repoRoot);
  const top = await workTreeTop(repoRoot);
  await requireRealConfigFolder(repoRoot, top);
  const comparesWithBase = mode === 'auto' || mode === 'offline';
  // A named base is the trusted side even when only the cluster is compared: its
  // configuration decides what is rendered and hidden.
  const base =
    comparesWithBase || options.base !== undefined ? await resolveBase(repoRoot, options.base) : undefined;

  const result: PlanResult = { environments: [] };
  if (head) result.head = head;
  if (options.shard) result.shard = { ...options.shard };
  const offline = new Map<string, EnvironmentResult>();
  let planned: Planned;
  // Each checkout's Flux or Argo CD discovery, found once for the configuration, the
  // affected environments and the renders.
  const discoveries = new RunDiscoveries(appOfAppsFollower());
  if (base) {
    if (comparesWithBase) result.base = { ref: base.ref, sha: base.sha };
    log.info(`obeying the configuration of ${base.ref}; its merge base is ${base.sha.slice(0, 7)}`);
    // The merge base is checked out in every mode: environments are discovered on both
    // sides, and one the change removes or hides is planned, never dropped.
    // Discovery on both sides needs this repository's URLs: the base's configuration and
    // the checkout's origin, read side by side (every plan waits for them).
    const [origin, trustedFile] = await Promise.all([
      originUrls(repoRoot),
      configAtRevision(repoRoot, base.tip),
    ]);
    const discovery = trustedDiscoverySettings(trustedFile, origin);
    const { repositoryUrls } = discovery;
    // Offline, the head's side of which environments the change affects starts now, while
    // the base is checked out.
    const tracing =
      comparesWithBase && !options.all
        ? traceHead({ root: repoRoot, top }, base.sha, { shard: options.shard, discovery, discoveries })
        : undefined;
    planned = await withBaseSide(repoRoot, base.sha, async (baseSide) => {
      const trusted = withTrustedRender(
        await baseConfig(
          repoRoot,
          base,
          trustedFile,
          () => discoverAtBase(repoRoot, base.sha, baseSide, discovery, discoveries),
          tracing?.discovery ?? checkoutDiscovery(repoRoot, discovery, discoveries),
        ),
        { sourceHosts: await trustedSourceHosts(repoRoot, base, baseSide, repositoryUrls), repositoryUrls },
      );
      // The cluster's objects outside Git are trusted configuration: read where it is.
      const clusterObjectFiles = await clusterObjectFilesAtRevision(repoRoot, base.tip, trusted.config);
      // A Flux or Argo CD environment is rendered on both sides: a side that does not apply
      // its Kustomization or define its Application renders nothing (render/flux.ts, argocd.ts).
      const atHead = (env: EnvironmentConfig) => isGitOpsNative(env) || existsSync(join(repoRoot, env.path));
      const atBase = (env: EnvironmentConfig) =>
        isGitOpsNative(env) ||
        (existsAtBase(baseSide, env.path) && (trusted.environmentsAtBase?.has(env.path) ?? true));
      // An environment the base's tip added after the change branched off has its folder on
      // neither side and is not part of this change; one it moved is, and fails below.
      const moved = (env: EnvironmentConfig) =>
        !atHead(env) && !atBase(env) && trusted.listedWhereBranched.has(env.name);
      // Offline, an environment the change cannot affect is neither rendered nor compared;
      // one compared with its cluster still is (the cluster changes on its own).
      const unaffected = tracing
        ? await unaffectedEnvironments({
            tracing,
            base: baseSide,
            // One on neither side is not planned (a moved one fails below, asking for a rebase).
            environments: candidates(trusted, options).filter(
              (env) => !asksCluster(env, options) && (atHead(env) || atBase(env)),
            ),
            configChanged: trusted.provenance?.headChange !== undefined,
          })
        : new Set<string>();
      if (unaffected.size > 0) {
        result.unaffected = [...unaffected].sort();
        log.info(
          `${plural(unaffected.size, 'environment')} left out: no file the change touches is one they read`,
        );
      }
      const chosen = await renderHead(
        trusted,
        options,
        { top, log, clients, clusterObjectFiles, discoveries },
        (env) => !unaffected.has(env.name) && (atHead(env) || atBase(env) || moved(env)),
      );
      const headSide = new Map(chosen.headRenders);
      const liveSide = new Map(chosen.headRenders);
      for (const env of chosen.environments) {
        if (moved(env)) {
          headSide.set(env.name, { environment: env, error: movedOnTheBase(env) });
          liveSide.set(env.name, { environment: env, error: movedOnTheBase(env) });
        } else if (!atHead(env)) {
          // An environment the change removes has no folder at the head: compared with the
          // base, all of it is deleted; a cluster comparison cannot show that, and says so.
          headSide.set(env.name, { environment: env, resources: [], provenance: { charts: [] } });
          if (comparesWithBase) liveSide.delete(env.name);
          else liveSide.set(env.name, { environment: env, error: removedByTheChange(env) });
        }
      }
      if (comparesWithBase) {
        const renderedAtBase = chosen.environments.filter(atBase);
        await checkOutForRenders(baseSide, renderedAtBase, discovery);
        const baseRenders = byEnvironment(
          await renderEnvironments(baseSide.dir, renderedAtBase, {
            ...chosen.renderOptions,
            top: baseSide.top,
          }),
        );
        const comparedWith: ComparisonTarget = { kind: 'base', ref: base.ref, sha: base.sha };
        for (const env of chosen.environments) {
          offline.set(env.name, compareRenders(env, headSide, baseRenders, trusted.config, comparedWith));
        }
      }
      return { ...chosen, headRenders: liveSide };
    });
  } else {
    const trusted = await checkoutConfig(repoRoot, discoveries);
    const clusterObjectFiles = await clusterObjectFilesInCheckout(repoRoot, trusted.config);
    planned = await renderHead(
      trusted,
      options,
      { top, log, clients, clusterObjectFiles, discoveries },
      () => true,
    );
  }
  result.config = planned.provenance;

  const { environments, headRenders, config } = planned;
  // What the head renders is compared with the cluster; an environment left out of those
  // renders (one the change removes, in a plan that compares with the base) is not.
  const live = await compareLive(
    environments.filter((env) => headRenders.has(env.name)),
    headRenders,
    config,
    options,
    { log, clients },
    // Rules the change writes (Flux's drift rules) may hide fields where the checkout is
    // trusted (no base) or the report shows the change against the base beside it.
    !base || mode === 'auto',
  );
  for (const env of environments) {
    const offlineResult = offline.get(env.name);
    if (offlineResult) {
      if (mode === 'auto' && env.cluster && !options.clusterAvailable) {
        offlineResult.notice = { kind: 'no-credentials' };
      }
      result.environments.push(offlineResult);
    }
    const liveResult = live.get(env.name);
    if (liveResult) result.environments.push(liveResult);
  }
  await logEnvironments(log, result, environments, headRenders);
  return result;
}

/** One group per environment: what was rendered and what each comparison found. */
async function logEnvironments(
  log: Log,
  result: PlanResult,
  environments: readonly EnvironmentConfig[],
  headRenders: Renders,
): Promise<void> {
  for (const { name } of environments) {
    await log.group(name, async (group) => {
      const render = headRenders.get(name);
      if (render && 'resources' in render)
        group.info(`rendered ${plural(render.resources.length, 'object')} at the head`);
      for (const env of result.environments.filter((candidate) => candidate.environment === name)) {
        const outcome = env.error === undefined ? describeCounts(env.counts) : `failed: ${env.error.message}`;
        group.info(`${env.mode}, compared with ${describeComparedWith(env.comparedWith)}: ${outcome}`);
      }
    });
  }
}

interface Planned extends PlanConfig {
  environments: EnvironmentConfig[];
  headRenders: Renders;
  /** How the head was rendered; the base is rendered the same way. */
  renderOptions: RenderOptions;
}

interface RunContext {
  log: Log;
  clients: ClusterClients;
}

/**
 * The environments the trusted configuration names (those asked for, those `planned`
 * keeps), rendered at the head: with one chart fetcher for the run, and with the
 * capabilities of each environment's cluster when the plan will ask that cluster anyway.
 */
async function renderHead(
  trusted: PlanConfig,
  options: PlanOptions,
  run: RunContext & { top: string; clusterObjectFiles: ClusterObjectFiles; discoveries: RunDiscoveries },
  planned: (env: EnvironmentConfig) => boolean,
): Promise<Planned> {
  const environments = candidates(trusted, options).filter(planned);
  // Objects the repository lacks: the configured files, then the cluster an environment is compared with.
  const clusterObjects = clusterObjectLookup(run.clusterObjectFiles, (env) =>
    asksCluster(env, options) ? run.clients.for(contextOf(env, options)) : undefined,
  );
  const renderOptions: RenderOptions = {
    ...(clusterObjects ? { clusterObjects } : {}),
    settings: trusted.config.render,
    charts: runChartFetcher(trusted.config.render, options.chartCache),
    discoveries: run.discoveries,
    clusterCapabilities: await run.clients.capabilities(
      environments
        .filter((env) => asksCluster(env, options))
        .map((env) => ({ env, context: contextOf(env, options) })),
    ),
  };
  run.log.info(`rendering ${plural(environments.length, 'environment')}`);
  const headRenders = byEnvironment(
    await renderEnvironments(options.repoRoot, environments, { ...renderOptions, top: run.top }),
  );
  return { ...trusted, environments, headRenders, renderOptions };
}

/** The environments asked for (all, or by name), in this plan's shard. */
function candidates(trusted: PlanConfig, options: PlanOptions): EnvironmentConfig[] {
  return selectEnvironments(trusted.config, options.environments ?? []).filter((env) =>
    inShard(env.name, options.shard),
  );
}

/** Whether this plan compares the environment with its cluster. */
function asksCluster(env: EnvironmentConfig, options: PlanOptions): boolean {
  const hasCluster = Boolean(env.cluster) || options.context !== undefined;
  return options.mode !== 'offline' && hasCluster && options.clusterAvailable;
}

function contextOf(env: EnvironmentConfig, options: PlanOptions): string | undefined {
  return options.context ?? env.cluster?.context;
}

function compareRenders(
  env: EnvironmentConfig,
  headRenders: Renders,
  baseRenders: Renders,
  config: PlumblineConfig,
  comparedWith: ComparisonTarget,
): EnvironmentResult {
  const head = headRenders.get(env.name);
  // An environment new in this change has no folder at the base: all of it is added.
  const base: RenderResult = baseRenders.get(env.name) ?? {
    environment: env,
    resources: [],
    provenance: { charts: [] },
  };
  if (!head || 'error' in head)
    return failed(env, 'offline', comparedWith, head && 'error' in head ? head.error : undefined);
  if ('error' in base) return failed(env, 'offline', comparedWith, atTheBase(base.error));
  const changes = compareSets(byKey(base.resources), byKey(head.resources), config.diff.ignore);
  return withProvenance(
    { environment: env.name, mode: 'offline', comparedWith, counts: countChanges(changes), changes },
    head.provenance,
    base.provenance,
  );
}

/** The render provenance worth reporting: a side that fetched a chart or ran helm. */
function withProvenance(
  result: EnvironmentResult,
  head: RenderProvenance | undefined,
  base?: RenderProvenance,
): EnvironmentResult {
  const worth = (side: RenderProvenance | undefined) =>
    side !== undefined && (side.charts.length > 0 || side.capabilities !== undefined);
  if (!worth(head) && !worth(base)) return result;
  return {
    ...result,
    rendered: { ...(worth(head) ? { head: head! } : {}), ...(worth(base) ? { base: base! } : {}) },
  };
}

async function compareLive(
  environments: readonly EnvironmentConfig[],
  headRenders: Renders,
  config: PlumblineConfig,
  options: PlanOptions,
  { log, clients }: RunContext,
  changeRulesApply: boolean,
): Promise<Map<string, EnvironmentResult>> {
  const results = new Map<string, EnvironmentResult>();
  if (options.mode === 'offline') return results;
  const mode: ComparisonMode = options.mode === 'reader' ? 'reader' : 'live';
  const explicit = options.mode === 'live' || options.mode === 'reader';
  await compareEach();
  return results;

  // Environments are compared side by side: each waits mostly on its API server.
  async function compareEach(): Promise<void> {
    const limit = pLimit(LIVE_ENVIRONMENTS_AT_ONCE);
    await Promise.all(environments.map((env) => limit(() => compareOne(env))));
  }

  async function compareOne(env: EnvironmentConfig): Promise<void> {
    const context = contextOf(env, options);
    const hasCluster = Boolean(env.cluster) || options.context !== undefined;
    const comparedWith: ComparisonTarget = !hasCluster
      ? { kind: 'no-cluster' }
      : context
        ? { kind: 'cluster', context }
        : { kind: 'cluster' };
    const render = headRenders.get(env.name);
    // A render that failed fails the environment in every mode, cluster or not: it must
    // never read as "no changes".
    if (explicit && (!render || 'error' in render)) {
      results.set(
        env.name,
        failed(env, mode, comparedWith, render && 'error' in render ? render.error : undefined),
      );
      return;
    }
    if (!hasCluster) {
      if (explicit) {
        results.set(env.name, { ...skipped(env, mode, comparedWith), notice: { kind: 'no-cluster' } });
      }
      return;
    }
    if (!options.clusterAvailable) {
      if (explicit)
        results.set(
          env.name,
          failed(
            env,
            mode,
            comparedWith,
            new PlumblineError('no cluster credentials (no kubeconfig)', undefined, { remedy: 'offline' }),
          ),
        );
      return;
    }
    if (!render || 'error' in render) {
      results.set(
        env.name,
        failed(env, mode, comparedWith, render && 'error' in render ? render.error : undefined),
      );
      return;
    }
    try {
      const client = await clients.for(context);
      log.debug(`${env.name}: comparing ${render.resources.length} objects with ${client.context} (${mode})`);
      const { comparison } = await compareEnvironmentLive(env, render, client, config, mode, comparedWith, {
        ownDriftRules: changeRulesApply,
      });
      results.set(env.name, withProvenance(comparison, render.provenance));
    } catch (error) {
      results.set(env.name, failed(env, mode, comparedWith, error));
    }
  }
}

function byEnvironment(results: readonly RenderResult[]): Renders {
  return new Map(results.map((result) => [result.environment.name, result]));
}

function byKey(resources: readonly Resource[]) {
  return new Map(resources.map((resource) => [resource.key, resource]));
}

function failed(
  env: EnvironmentConfig,
  mode: ComparisonMode,
  comparedWith: ComparisonTarget,
  error: unknown,
): EnvironmentResult {
  return {
    ...skipped(env, mode, comparedWith),
    error: error === undefined ? { message: 'rendering produced no result' } : problemOf(error),
  };
}

/** A failure at the base, said to be one. */
function atTheBase(error: Error): Error {
  const problem = problemOf(error);
  return new PlumblineError(
    `at the base: ${problem.message}`,
    problem.hint,
    problem.remedy ? { remedy: problem.remedy } : {},
  );
}

function skipped(
  env: EnvironmentConfig,
  mode: ComparisonMode,
  comparedWith: ComparisonTarget,
): EnvironmentResult {
  return {
    environment: env.name,
    mode,
    comparedWith,
    counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
    changes: [],
  };
}

function movedOnTheBase(env: EnvironmentConfig): PlumblineError {
  return new PlumblineError(
    `${env.path} is on neither side of this change: the base branch moved it after the change branched off`,
    'Rebase the change onto the base branch to plan this environment.',
  );
}

function removedByTheChange(env: EnvironmentConfig): PlumblineError {
  return new PlumblineError(
    `this change removes ${env.path}, and a comparison with the cluster cannot show what that deletes`,
    undefined,
    { remedy: 'offline' },
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Whether the base has something at `path` (relative to the configuration's folder). */
function existsAtBase(base: BaseSide, path: string): boolean {
  if (base.whole) return existsSync(join(base.dir, path));
  return base.listing.below(posix.join(base.prefix, path)).length > 0;
}

/** The render settings a plan finds rather than reads: the trusted chart hosts, this repository's URLs. */
function withTrustedRender(
  trusted: PlanConfig,
  found: { sourceHosts: string[]; repositoryUrls: readonly string[] },
): PlanConfig {
  const { config } = trusted;
  const render = { ...config.render };
  if (found.sourceHosts.length > 0) render.sourceHosts = found.sourceHosts;
  if (found.repositoryUrls.length > 0) render.repositoryUrls = [...found.repositoryUrls];
  return { ...trusted, config: { ...config, render } };
}
