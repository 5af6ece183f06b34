import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";

// src/commands/merge-plans.ts
var MissingShardsError = class extends PlumblineError {
  constructor(missing, count) {
    super(
      `${missing.length === 1 ? "shard" : "shards"} ${missing.join(", ")} of ${count} ${missing.length === 1 ? "is" : "are"} missing: without ${missing.length === 1 ? "it" : "them"} the merged plan would leave environments out`
    );
    this.missing = missing;
    this.count = count;
  }
  missing;
  count;
};
function mergePlanResults(plans, options = {}) {
  const [first] = plans;
  if (!first) throw new PlumblineError("there is no plan to merge");
  for (const plan of plans) {
    if (plan.result.missingShards !== void 0)
      throw new PlumblineError(
        `${plan.name} is a partial merge (shards ${plan.result.missingShards.join(", ")} missing), which cannot be merged again`,
        "Merge the result files of the shards themselves."
      );
  }
  sameCommits(plans);
  sameConfiguration(plans);
  const missing = missingShards(plans);
  if (missing && missing.missing.length > 0 && !options.partial)
    throw new MissingShardsError(missing.missing, missing.count);
  noEnvironmentTwice(plans);
  const unaffected = plans.some((plan) => plan.result.unaffected !== void 0) ? plans.flatMap((plan) => plan.result.unaffected ?? []).sort() : void 0;
  const merged = {
    environments: inOrder(plans.map((plan) => plan.result.environments)),
    config: first.result.config,
    base: first.result.base,
    head: first.result.head,
    unaffected,
    // The merge is the whole fleet, or a fleet with shards missing: one shard it is not.
    shard: void 0,
    missingShards: missing && missing.missing.length > 0 ? missing.missing : void 0
  };
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== void 0)
  );
}
function short(sha) {
  return sha.slice(0, 12);
}
function sameCommits(plans) {
  const [first, ...others] = plans;
  for (const side of ["head", "base"]) {
    const commit = (plan) => plan.result[side]?.sha;
    const other = others.find((plan) => commit(plan) !== commit(first));
    if (!other) continue;
    const describe = (plan) => {
      const sha = commit(plan);
      return sha === void 0 ? `${plan.name} has no ${side} commit` : `${plan.name} ${short(sha)}`;
    };
    throw new PlumblineError(
      `the plans are of different ${side} commits (${describe(first)}, ${describe(other)}), so they are not parts of one plan`,
      "Merge the shards of one run: each plans the same commit against the same base."
    );
  }
}
function sameConfiguration(plans) {
  const [first, ...others] = plans;
  const key = (plan) => {
    const config = plan.result.config;
    return config === void 0 ? "" : `${config.from}\0${config.file ?? ""}\0${config.headChange ?? ""}`;
  };
  const other = others.find((plan) => key(plan) !== key(first));
  if (other)
    throw new PlumblineError(
      `${first.name} and ${other.name} obeyed different configurations, so they are not parts of one plan`
    );
}
function missingShards(plans) {
  const sharded = plans.filter((plan) => plan.result.shard !== void 0);
  if (sharded.length === 0) return void 0;
  const whole = plans.find((plan) => plan.result.shard === void 0);
  const [first] = sharded;
  const describe = (plan) => plan.result.shard ? `shard ${plan.result.shard.index} of ${plan.result.shard.count}` : "no shard";
  if (whole)
    throw new PlumblineError(
      `${first.name} is ${describe(first)} and ${whole.name} is a plan of no shard: a whole plan and a shard overlap`
    );
  const count = first.result.shard.count;
  const otherCount = sharded.find((plan) => plan.result.shard.count !== count);
  if (otherCount)
    throw new PlumblineError(
      `${first.name} is ${describe(first)} and ${otherCount.name} is ${describe(otherCount)}: shards of different counts overlap`,
      "Give every shard of one plan the same count."
    );
  const seen = /* @__PURE__ */ new Map();
  for (const plan of sharded) {
    const { index } = plan.result.shard;
    const before = seen.get(index);
    if (before !== void 0)
      throw new PlumblineError(`${before} and ${plan.name} are both ${describe(plan)}`);
    seen.set(index, plan.name);
  }
  const missing = Array.from({ length: count }, (_, position) => position + 1).filter((i) => !seen.has(i));
  return { missing, count };
}
function noEnvironmentTwice(plans) {
  const owner = /* @__PURE__ */ new Map();
  const overlaps = [];
  let other = "";
  for (const plan of plans) {
    const names = /* @__PURE__ */ new Set([
      ...plan.result.environments.map((env) => env.environment),
      ...plan.result.unaffected ?? []
    ]);
    for (const name of names) {
      const before = owner.get(name);
      if (before === void 0) owner.set(name, plan.name);
      else {
        overlaps.push(name);
        other ||= `${before} and ${plan.name}`;
      }
    }
  }
  if (overlaps.length === 0) return;
  const listed = overlaps.slice(0, 5).join(", ") + (overlaps.length > 5 ? ` and ${overlaps.length - 5} more` : "");
  throw new PlumblineError(
    `${overlaps.length === 1 ? "an environment is" : `${overlaps.length} environments are`} in more than one plan (${listed}; first in ${other}): the plans overlap`,
    "Merge the shards of one plan, each once."
  );
}
function inOrder(lists) {
  const queues = lists.map((list) => groups(list));
  const merged = [];
  for (; ; ) {
    let next;
    for (const queue of queues) {
      const head = queue[0];
      if (head && (!next || head[0].environment.localeCompare(next[0][0].environment) < 0)) next = queue;
    }
    if (!next) return merged;
    merged.push(...next.shift());
  }
}
function groups(list) {
  const grouped = [];
  for (const env of list) {
    const last = grouped.at(-1);
    if (last && last[0].environment === env.environment) last.push(env);
    else grouped.push([env]);
  }
  return grouped;
}

export {
  MissingShardsError,
  mergePlanResults
};
