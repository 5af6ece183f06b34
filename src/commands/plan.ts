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
import { join } from 'node:path';
import pLimit from 'p-limit';
import { type ClusterClient, type ClusterTarget, connectCluster } from '../cluster/index.js';
import { selectEnvironments } from '../config/select.js';
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
import { headRevision, resolveBase, withCheckout, workTreeTop } from '../git/base-checkout.js';
import { type Log, silentLog } from '../log.js';
import { type RenderResult, renderEnvironments } from '../render/render.js';
import { describeComparedWith } from '../report/describe.js';
import type { Resource } from '../resource.js';
import { compareEnvironmentLive } from './live-comparison.js';
import { baseConfig, checkoutConfig, type PlanConfig } from './plan-config.js';

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
  log?: Log;
}

export async function runPlan(options: PlanOptions): Promise<PlanResult> {
  const log = options.log ?? silentLog;
  const { repoRoot, mode } = options;
  const head = await headRevision(repoRoot);
  const top = await workTreeTop(repoRoot);
  const comparesWithBase = mode === 'auto' || mode === 'offline';
  // A named base is the trusted side even when only the cluster is compared: its
  // configuration decides what is rendered and hidden.
  const base =
    comparesWithBase || options.base !== undefined ? await resolveBase(repoRoot, options.base) : undefined;

  const result: PlanResult = { environments: [] };
  if (head) result.head = head;
  const offline = new Map<string, EnvironmentResult>();
  let planned: Planned;
  if (base && comparesWithBase) {
    result.base = { ref: base.ref, sha: base.sha };
    log.info(`comparing with the merge base of ${base.ref} (${base.sha.slice(0, 7)})`);
    planned = await withCheckout(repoRoot, base.sha, async (baseDir, baseTop) => {
      const trusted = await baseConfig(repoRoot, base, baseDir);
      // An environment the base's tip added after the change branched off, whose folder
      // neither side has, is not part of this change.
      const ofTheChange = (env: EnvironmentConfig) =>
        existsSync(join(repoRoot, env.path)) || existsSync(join(baseDir, env.path));
      const chosen = await renderHead(trusted, options, top, log, ofTheChange);
      const atBase = chosen.environments.filter((env) => existsSync(join(baseDir, env.path)));
      const baseRenders = byEnvironment(
        await renderEnvironments(baseDir, atBase, { settings: trusted.config.render, top: baseTop }),
      );
      // An environment the change removes has no folder at the head: all of it is deleted.
      const headSide = new Map(chosen.headRenders);
      for (const env of atBase) {
        if (!existsSync(join(repoRoot, env.path)))
          headSide.set(env.name, { environment: env, resources: [] });
      }
      const comparedWith: ComparisonTarget = { kind: 'base', ref: base.ref, sha: base.sha };
      for (const env of chosen.environments) {
        offline.set(env.name, compareRenders(env, headSide, baseRenders, trusted.config, comparedWith));
      }
      return chosen;
    });
  } else {
    const trusted = base ? await baseConfig(repoRoot, base) : await checkoutConfig(repoRoot);
    // With the base's configuration, an environment whose folder the head lacks is not the
    // head's to compare; the checkout's own configuration was checked against its folders.
    const atHead = (env: EnvironmentConfig) => !base || existsSync(join(repoRoot, env.path));
    planned = await renderHead(trusted, options, top, log, atHead);
  }
  result.config = planned.provenance;

  const { environments, headRenders, config } = planned;
  const live = await compareLive(environments, headRenders, config, options, log);
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
  await logEnvironments(log, result, headRenders);
  return result;
}

/** One group per environment: what was rendered and what each comparison found. */
async function logEnvironments(log: Log, result: PlanResult, headRenders: Renders): Promise<void> {
  for (const [name, render] of headRenders) {
    await log.group(name, async (group) => {
      if ('resources' in render)
        group.info(`rendered ${plural(render.resources.length, 'object')} at the head`);
      for (const env of result.environments.filter((candidate) => candidate.environment === name)) {
        const { added, changed, deleted, unchanged } = env.counts;
        group.info(
          env.error === undefined
            ? `${env.mode}, compared with ${describeComparedWith(env.comparedWith)}: ${added} to add, ${changed} to change, ${deleted} to delete, ${unchanged} unchanged`
            : `${env.mode}, compared with ${describeComparedWith(env.comparedWith)}: failed: ${env.error.message}`,
        );
      }
    });
  }
}

interface Planned extends PlanConfig {
  environments: EnvironmentConfig[];
  headRenders: Renders;
}

/**
 * The environments the trusted configuration names (those asked for, those `planned`
 * keeps), rendered at the head.
 */
async function renderHead(
  trusted: PlanConfig,
  options: PlanOptions,
  top: string,
  log: Log,
  planned: (env: EnvironmentConfig) => boolean,
): Promise<Planned> {
  const environments = selectEnvironments(trusted.config, options.environments ?? []).filter(planned);
  log.info(`rendering ${plural(environments.length, 'environment')}`);
  const headRenders = byEnvironment(
    await renderEnvironments(options.repoRoot, environments, { settings: trusted.config.render, top }),
  );
  return { ...trusted, environments, headRenders };
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
  const base = baseRenders.get(env.name) ?? { environment: env, resources: [] };
  if (!head || 'error' in head)
    return failed(env, 'offline', comparedWith, head && 'error' in head ? head.error : undefined);
  if ('error' in base) return failed(env, 'offline', comparedWith, atTheBase(base.error));
  const changes = compareSets(byKey(base.resources), byKey(head.resources), config.diff.ignore);
  return { environment: env.name, mode: 'offline', comparedWith, counts: countChanges(changes), changes };
}

async function compareLive(
  environments: readonly EnvironmentConfig[],
  headRenders: Renders,
  config: PlumblineConfig,
  options: PlanOptions,
  log: Log,
): Promise<Map<string, EnvironmentResult>> {
  const results = new Map<string, EnvironmentResult>();
  if (options.mode === 'offline') return results;
  const mode: ComparisonMode = options.mode === 'reader' ? 'reader' : 'live';
  const explicit = options.mode === 'live' || options.mode === 'reader';
  const clients = new Map<string, Promise<ClusterClient>>();
  try {
    await compareEach();
  } finally {
    for (const client of clients.values())
      await client.then(
        (c) => c.close(),
        () => {},
      );
  }
  return results;

  // Environments are compared side by side: each waits mostly on its API server.
  async function compareEach(): Promise<void> {
    const limit = pLimit(LIVE_ENVIRONMENTS_AT_ONCE);
    await Promise.all(environments.map((env) => limit(() => compareOne(env))));
  }

  async function compareOne(env: EnvironmentConfig): Promise<void> {
    const context = options.context ?? env.cluster?.context;
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
      const target: ClusterTarget = {};
      if (options.kubeconfigPath) target.kubeconfigPath = options.kubeconfigPath;
      if (context) target.context = context;
      const key = `${target.kubeconfigPath ?? ''}|${context ?? ''}`;
      if (!clients.has(key)) clients.set(key, connectCluster(target));
      const client = await clients.get(key)!;
      log.debug(`${env.name}: comparing ${render.resources.length} objects with ${client.context} (${mode})`);
      results.set(
        env.name,
        (await compareEnvironmentLive(env, render.resources, client, config, mode, comparedWith)).comparison,
      );
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
