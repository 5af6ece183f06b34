/**
 * `drift`: for each environment with a cluster, compare the cluster with Git at the
 * revision the environment runs, and keep one issue per environment up to date. Orchestration
 * only: config, render, cluster reads and the forge are adapters; what the drift is and
 * what to do with the issue are decided in src/drift.
 */

import { type ChartFetcher, runChartFetcher } from '../charts/fetch.js';
import type { ClusterClient } from '../cluster/index.js';
import type { LiveState } from '../cluster/live.js';
import { RunDiscoveries } from '../config/run-discoveries.js';
import { selectEnvironments } from '../config/select.js';
import { inShard, type Shard } from '../config/shard.js';
import type { EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import type { ComparisonTarget } from '../diff/model.js';
import { describeDrift } from '../drift/describe.js';
import type { DriftRevision, EnvironmentDrift } from '../drift/model.js';
import {
  DEFAULT_REVISION_ANNOTATION,
  type RecordedRevision,
  type RevisionSource,
  revisionFromAnnotations,
  revisionFromStatus,
  revisionObject,
} from '../drift/revision.js';
import { withoutUnlistedItems } from '../drift/unnamed-items.js';
import { describeError, PlumblineError } from '../errors.js';
import type { Forge } from '../forge/forge.js';
import { commitExists, headRevision, withCheckout, workTreeTop } from '../git/base-checkout.js';
import { type Log, silentLog } from '../log.js';
import { appOfAppsFollower } from '../render/argocd-app-of-apps.js';
import { type ClusterObjectLookup, type RenderOptions, renderEnvironment } from '../render/render.js';
import { describeComparedWith } from '../report/describe.js';
import { type KubeObject, resourceId, resourceKey, toResource } from '../resource.js';
import { loadCheckoutConfig } from './checkout-config.js';
import { ClusterClients } from './cluster-clients.js';
import { type IssueOutcome, reconcileIssue } from './drift-issue.js';
import { clusterObjectFilesInCheckout, clusterObjectLookup } from './flux-cluster-objects.js';
import { compareEnvironmentLive } from './live-comparison.js';

export type DriftMode = 'live' | 'reader';

export interface DriftOptions {
  repoRoot: string;
  /** Environment names; empty means every environment with a cluster. */
  environments?: string[];
  /**
   * Check only this shard of those environments (config/shard.ts, as plan splits them):
   * each shard keeps its own environments' issues, so shards never write the same one.
   */
  shard?: Shard;
  mode: DriftMode;
  kubeconfigPath?: string;
  /** Overrides every environment's cluster context. */
  context?: string;
  /** Where environments record the revision they run; the default annotation when absent. */
  revisionSource?: RevisionSource;
  /** Keep issues on this forge; absent means report only. */
  forge?: Forge;
  /** Overrides the config's drift.labels. */
  labels?: string[];
  /** Overrides the config's drift.after. */
  after?: number;
  /** A link to this run, written into the issue. */
  runUrl?: string;
  /** ISO 8601; the clock, for tests. */
  now?: () => string;
  /** Where fetched charts are kept between runs; defaults to PLUMBLINE_CHART_CACHE or ~/.cache/plumbline/charts. */
  chartCache?: string;
  log?: Log;
}

export interface EnvironmentDriftOutcome {
  drift: EnvironmentDrift;
  /** What happened to the environment's issue; absent without a forge or when the check failed. */
  issue?: IssueOutcome;
  /** Set when the issue could not be updated: the drift was still found and reported. */
  issueError?: string;
}

export interface DriftRun {
  environments: EnvironmentDriftOutcome[];
  after: number;
}

export async function runDrift(options: DriftOptions): Promise<DriftRun> {
  const log = options.log ?? silentLog;
  // Each checkout's discovery once, for the configuration and the renders.
  const discoveries = new RunDiscoveries(appOfAppsFollower());
  const config = await loadCheckoutConfig(options.repoRoot, discoveries);
  const environments = pickEnvironments(config, options);
  const clusterObjectFiles = await clusterObjectFilesInCheckout(options.repoRoot, config);
  const head = await headRevision(options.repoRoot);
  if (!head) {
    throw new PlumblineError(
      `${options.repoRoot} is not a git repository with a commit`,
      'Run plumbline drift in a clone of the repository (in CI: actions/checkout).',
    );
  }
  const after = options.after ?? config.drift.after;
  const labels = options.labels ?? config.drift.labels;
  const now = options.now ?? (() => new Date().toISOString());
  const clients = new ClusterClients(options.kubeconfigPath);
  const charts = runChartFetcher(config.render, options.chartCache);
  // Objects the repository lacks: the configured file, then the cluster compared with.
  const clusterObjects = clusterObjectLookup(clusterObjectFiles, (env) =>
    clients.for(options.context ?? env.cluster?.context),
  );
  const outcomes: EnvironmentDriftOutcome[] = [];
  try {
    for (const env of environments) {
      const outcome = await log.group(env.name, async (group): Promise<EnvironmentDriftOutcome> => {
        const say = (message: string) => group.info(message);
        say(`checking for drift (${options.mode})`);
        const drift = await checkEnvironment(
          env,
          config,
          head.sha,
          options,
          { clients, charts, discoveries, clusterObjects },
          say,
        );
        const outcome: EnvironmentDriftOutcome = { drift };
        say(drift.error === undefined ? `${drift.objects.length} objects drifted` : `failed: ${drift.error}`);
        if (options.forge && drift.error === undefined) {
          try {
            outcome.issue = await reconcileIssue(options.forge, drift, {
              after,
              labels,
              now: now(),
              log: say,
              runUrl: options.runUrl,
            });
          } catch (error) {
            outcome.issueError = describeError(error);
            say(`the issue could not be updated: ${outcome.issueError}`);
          }
        }
        return outcome;
      });
      outcomes.push(outcome);
    }
  } finally {
    await clients.close();
  }
  return { environments: outcomes, after };
}

/**
 * Named environments must have a cluster; without names, those with one are checked. Of
 * those, a shard checks its own (possibly none: a fleet may have more shards than
 * environments with a cluster).
 */
function pickEnvironments(config: PlumblineConfig, options: DriftOptions): EnvironmentConfig[] {
  const inThisShard = (env: EnvironmentConfig) => inShard(env.name, options.shard);
  const selected = selectEnvironments(config, options.environments ?? []);
  if (options.context !== undefined) return selected.filter(inThisShard);
  const withCluster = selected.filter((env) => env.cluster);
  const named = options.environments ?? [];
  const without = selected.filter((env) => !env.cluster && named.includes(env.name));
  if (without.length > 0) {
    throw new PlumblineError(
      `${without.map((env) => env.name).join(', ')} ${without.length === 1 ? 'has' : 'have'} no cluster, so drift cannot be checked`,
      'Give the environment a cluster in plumbline.yaml (cluster: { context: NAME }).',
      { remedy: 'context' },
    );
  }
  if (withCluster.length === 0) {
    throw new PlumblineError(
      'No environment has a cluster, so there is nothing to check for drift',
      'Give environments a cluster in plumbline.yaml (cluster: { context: NAME }).',
      { remedy: 'context' },
    );
  }
  return withCluster.filter(inThisShard);
}

async function checkEnvironment(
  env: EnvironmentConfig,
  config: PlumblineConfig,
  headSha: string,
  options: DriftOptions,
  run: {
    clients: ClusterClients;
    charts: ChartFetcher;
    discoveries: RunDiscoveries;
    clusterObjects: ClusterObjectLookup | undefined;
  },
  log: (message: string) => void,
): Promise<EnvironmentDrift> {
  const context = options.context ?? env.cluster?.context;
  const comparedWith: ComparisonTarget = context ? { kind: 'cluster', context } : { kind: 'cluster' };
  const headOnly: DriftRevision = { sha: headSha, source: 'head' };
  try {
    const client = await run.clients.for(context);
    // Rendered as a controller renders it for this cluster: with the cluster's capabilities.
    const renderOptions: RenderOptions = {
      settings: config.render,
      charts: run.charts,
      discoveries: run.discoveries,
      clusterCapabilities: new Map([[env.name, await client.capabilities()]]),
      ...(run.clusterObjects ? { clusterObjects: run.clusterObjects } : {}),
    };
    const rendered = await renderEnvironment(options.repoRoot, env, {
      ...renderOptions,
      top: await workTreeTop(options.repoRoot),
    });
    let detection = await compareEnvironmentLive(env, rendered, client, config, options.mode, comparedWith, {
      adjustAfter: withoutUnlistedItems,
    });
    const source = options.revisionSource ?? { from: 'annotation', name: DEFAULT_REVISION_ANNOTATION };
    const recorded = await recordedRevision(source, detection.live, client);
    let revision: DriftRevision = headOnly;
    if (recorded && recorded.sha !== headSha && !headSha.startsWith(recorded.sha)) {
      const sha = await commitExists(options.repoRoot, recorded.sha);
      if (sha) {
        log(
          `${env.name}: the environment runs ${sha.slice(0, 7)} (${recorded.from}); comparing with that commit`,
        );
        const deployed = await withCheckout(options.repoRoot, sha, (dir, top) =>
          renderEnvironment(dir, env, { ...renderOptions, top }),
        );
        detection = await compareEnvironmentLive(env, deployed, client, config, options.mode, comparedWith, {
          adjustAfter: withoutUnlistedItems,
        });
        revision = { sha, source: 'deployed', from: recorded.from, head: headSha };
      } else {
        revision = {
          ...headOnly,
          note: `the environment runs ${recorded.sha.slice(0, 12)} (${recorded.from}), which is not in this clone; fetch its history (actions/checkout with fetch-depth: 0) to compare with it`,
        };
      }
    } else if (recorded) {
      revision = { sha: headSha, source: 'deployed', from: recorded.from };
    }
    if (recorded?.note) revision.note = recorded.note;
    const live = new Map<string, KubeObject>(detection.live.objects);
    for (const owned of detection.live.owned) live.set(owned.key, owned.object);
    return describeDrift({ comparison: detection.comparison, live, revision });
  } catch (error) {
    return {
      environment: env.name,
      mode: options.mode,
      comparedWith: describeComparedWith(comparedWith),
      revision: headOnly,
      objects: [],
      inSync: 0,
      error: describeError(error),
    };
  }
}

async function recordedRevision(
  source: RevisionSource,
  live: LiveState,
  client: ClusterClient,
): Promise<RecordedRevision | undefined> {
  if (source.from === 'annotation') return revisionFromAnnotations(source.name, live.objects.values());
  const object = toResource(revisionObject(source), { file: `revision source ${source.from}` });
  const found = await client.readLive([object]);
  const status = found.objects.get(resourceKey(resourceId(object.object)));
  if (!status) {
    throw new PlumblineError(
      `${object.object.kind} ${source.namespace}/${source.name} was not found in the cluster, so the deployed revision is unknown`,
      'Name the object that deploys this environment, or leave the option out to compare with the checked-out commit.',
      { remedy: 'revision-from' },
    );
  }
  return revisionFromStatus(source, status);
}
