/**
 * `merge`: the plans of a fleet's shards (each a PlanResult read from a plan result file)
 * as the one plan a single run would have made. Pure. It refuses what would make the
 * merged plan say something untrue: plans of different commits or configurations, an
 * environment planned twice, a shard given twice, a merge of a merge left partial, and a
 * missing shard, unless the caller accepts a partial plan, which then names the shards it
 * lacks (`PlanResult.missingShards`).
 */
import type { EnvironmentResult, PlanResult } from '../diff/model.js';
import { PlumblineError } from '../errors.js';

/** One plan to merge, and the name (a file's path) that errors call it by. */
export interface NamedPlan {
  name: string;
  result: PlanResult;
}

export interface MergeOptions {
  /** Merge without the shards that are missing, and say which they are. */
  partial?: boolean;
}

/** Shards the plans say exist but that are not among them; entries word the way out. */
export class MissingShardsError extends PlumblineError {
  constructor(
    readonly missing: number[],
    readonly count: number,
  ) {
    super(
      `${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing: without ${missing.length === 1 ? 'it' : 'them'} the merged plan would leave environments out`,
    );
  }
}

export function mergePlanResults(plans: readonly NamedPlan[], options: MergeOptions = {}): PlanResult {
  const [first] = plans;
  if (!first) throw new PlumblineError('there is no plan to merge');
  for (const plan of plans) {
    if (plan.result.missingShards !== undefined)
      throw new PlumblineError(
        `${plan.name} is a partial merge (shards ${plan.result.missingShards.join(', ')} missing), which cannot be merged again`,
        'Merge the result files of the shards themselves.',
      );
  }
  sameCommits(plans);
  sameConfiguration(plans);
  const missing = missingShards(plans);
  if (missing && missing.missing.length > 0 && !options.partial)
    throw new MissingShardsError(missing.missing, missing.count);
  noEnvironmentTwice(plans);

  const unaffected = plans.some((plan) => plan.result.unaffected !== undefined)
    ? plans.flatMap((plan) => plan.result.unaffected ?? []).sort()
    : undefined;
  // Every field of a PlanResult, each decided here (the compiler says when one is added).
  const merged: { [K in keyof Required<PlanResult>]: PlanResult[K] } = {
    environments: inOrder(plans.map((plan) => plan.result.environments)),
    config: first.result.config,
    base: first.result.base,
    head: first.result.head,
    unaffected,
    // The merge is the whole fleet, or a fleet with shards missing: one shard it is not.
    shard: undefined,
    missingShards: missing && missing.missing.length > 0 ? missing.missing : undefined,
  };
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== undefined),
  ) as unknown as PlanResult;
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

/** The same head, and the same base (or none), in every plan. */
function sameCommits(plans: readonly NamedPlan[]): void {
  const [first, ...others] = plans as [NamedPlan, ...NamedPlan[]];
  for (const side of ['head', 'base'] as const) {
    const commit = (plan: NamedPlan) => plan.result[side]?.sha;
    const other = others.find((plan) => commit(plan) !== commit(first));
    if (!other) continue;
    const describe = (plan: NamedPlan) => {
      const sha = commit(plan);
      return sha === undefined ? `${plan.name} has no ${side} commit` : `${plan.name} ${short(sha)}`;
    };
    throw new PlumblineError(
      `the plans are of different ${side} commits (${describe(first)}, ${describe(other)}), so they are not parts of one plan`,
      'Merge the shards of one run: each plans the same commit against the same base.',
    );
  }
}

/** One configuration obeyed by every plan (the same base makes it so; anything else is a mix-up). */
function sameConfiguration(plans: readonly NamedPlan[]): void {
  const [first, ...others] = plans as [NamedPlan, ...NamedPlan[]];
  const key = (plan: NamedPlan) => {
    const config = plan.result.config;
    return config === undefined
      ? ''
      : `${config.from}\u0000${config.file ?? ''}\u0000${config.headChange ?? ''}`;
  };
  const other = others.find((plan) => key(plan) !== key(first));
  if (other)
    throw new PlumblineError(
      `${first.name} and ${other.name} obeyed different configurations, so they are not parts of one plan`,
    );
}

/**
 * The shards the plans say exist and none of them is, when they are shards (undefined
 * for plans of no shard, which merge as they are). Every plan must be a shard of the same
 * count, and each shard at most once.
 */
function missingShards(plans: readonly NamedPlan[]): { missing: number[]; count: number } | undefined {
  const sharded = plans.filter((plan) => plan.result.shard !== undefined);
  if (sharded.length === 0) return undefined;
  const whole = plans.find((plan) => plan.result.shard === undefined);
  const [first] = sharded as [NamedPlan, ...NamedPlan[]];
  const describe = (plan: NamedPlan) =>
    plan.result.shard ? `shard ${plan.result.shard.index} of ${plan.result.shard.count}` : 'no shard';
  if (whole)
    throw new PlumblineError(
      `${first.name} is ${describe(first)} and ${whole.name} is a plan of no shard: a whole plan and a shard overlap`,
    );
  const count = first.result.shard!.count;
  const otherCount = sharded.find((plan) => plan.result.shard!.count !== count);
  if (otherCount)
    throw new PlumblineError(
      `${first.name} is ${describe(first)} and ${otherCount.name} is ${describe(otherCount)}: shards of different counts overlap`,
      'Give every shard of one plan the same count.',
    );
  const seen = new Map<number, string>();
  for (const plan of sharded) {
    const { index } = plan.result.shard!;
    const before = seen.get(index);
    if (before !== undefined)
      throw new PlumblineError(`${before} and ${plan.name} are both ${describe(plan)}`);
    seen.set(index, plan.name);
  }
  const missing = Array.from({ length: count }, (_, position) => position + 1).filter((i) => !seen.has(i));
  return { missing, count };
}

/** No environment in two plans, whether planned or left out as unaffected. */
function noEnvironmentTwice(plans: readonly NamedPlan[]): void {
  const owner = new Map<string, string>();
  const overlaps: string[] = [];
  let other = '';
  for (const plan of plans) {
    const names = new Set([
      ...plan.result.environments.map((env) => env.environment),
      ...(plan.result.unaffected ?? []),
    ]);
    for (const name of names) {
      const before = owner.get(name);
      if (before === undefined) owner.set(name, plan.name);
      else {
        overlaps.push(name);
        other ||= `${before} and ${plan.name}`;
      }
    }
  }
  if (overlaps.length === 0) return;
  const listed =
    overlaps.slice(0, 5).join(', ') + (overlaps.length > 5 ? ` and ${overlaps.length - 5} more` : '');
  throw new PlumblineError(
    `${overlaps.length === 1 ? 'an environment is' : `${overlaps.length} environments are`} in more than one plan (${listed}; first in ${other}): the plans overlap`,
    'Merge the shards of one plan, each once.',
  );
}

/**
 * The environments of every plan in one list, each plan's own order kept: a plan lists
 * an environment's comparisons together, and environments in the configuration's order,
 * which for discovered environments is by name. Where plans interleave, the next
 * environment by name comes first, so shards of a sorted fleet merge back into its order.
 */
function inOrder(lists: readonly EnvironmentResult[][]): EnvironmentResult[] {
  const queues = lists.map((list) => groups(list));
  const merged: EnvironmentResult[] = [];
  for (;;) {
    let next: EnvironmentResult[][] | undefined;
    for (const queue of queues) {
      const head = queue[0];
      if (head && (!next || head[0]!.environment.localeCompare(next[0]![0]!.environment) < 0)) next = queue;
    }
    if (!next) return merged;
    merged.push(...next.shift()!);
  }
}

/** Consecutive results of one environment, together. */
function groups(list: readonly EnvironmentResult[]): EnvironmentResult[][] {
  const grouped: EnvironmentResult[][] = [];
  for (const env of list) {
    const last = grouped.at(-1);
    if (last && last[0]!.environment === env.environment) last.push(env);
    else grouped.push([env]);
  }
  return grouped;
}
