import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  renderMarkdownParts
} from "./chunk-SZ6QTAL4.js";
import {
  ClusterClients,
  compareEnvironmentLive,
  findMarker,
  markerReserve,
  selectEnvironments,
  withMarker
} from "./chunk-7CODSVAP.js";
import {
  silentLog
} from "./chunk-E7ACZTBR.js";
import {
  ChartFetcher,
  chartCacheFolder,
  compareSets,
  countChanges,
  describeComparedWith,
  describeCounts,
  describeNotice,
  entryAtRevision,
  hasChanges,
  headRevision,
  headlineResults,
  listedChanges,
  pLimit,
  redactResult,
  renderEnvironments,
  resolveBase,
  riskCount,
  secretValueChanges,
  withCheckout,
  workTreeTop
} from "./chunk-EGUAXQIU.js";
import {
  CONFIG_FILES,
  discoverEnvironments,
  loadConfig,
  loadConfigFrom,
  parseConfigText
} from "./chunk-ASIA5NNR.js";
import {
  NO_OPTIONS,
  PlumblineError,
  describeProblem,
  problemOf
} from "./chunk-JRIHJ5V4.js";

// src/commands/plan.ts
import { existsSync } from "node:fs";
import { join as join2 } from "node:path";

// src/commands/plan-config.ts
import { lstat, readFile, realpath } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
async function requireRealConfigFolder(repoRoot, top) {
  const realTop = await realpath(top);
  let current = resolve(repoRoot);
  for (; ; ) {
    if (await realpath(current) === realTop) return;
    if ((await lstat(current)).isSymbolicLink()) {
      throw new PlumblineError(
        `${relative(top, current) || current} is a symbolic link: the configuration's folder must be a folder of the repository`,
        "Point plumbline at the folder itself."
      );
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
async function checkoutConfig(repoRoot) {
  const config = await loadConfig(repoRoot);
  return { config, provenance: { from: "head", file: config.file }, listedWhereBranched: /* @__PURE__ */ new Set() };
}
async function baseConfig(repoRoot, base, baseDir) {
  const source = await configAtRevision(repoRoot, base.tip);
  const listedAtTip = listedEnvironments(source);
  const discoveredAtBase = baseDir && !listedAtTip ? await discoverEnvironments(baseDir) : void 0;
  const config = await loadConfigFrom(source, repoRoot, discoveredAtBase);
  const branchedFrom = base.sha === base.tip ? source : await configAtRevision(repoRoot, base.sha);
  const listedWhereBranched = base.sha === base.tip ? listedAtTip : listedEnvironments(branchedFrom);
  const head = await checkoutConfigFile(repoRoot);
  const headChange = await changeInCheckout(repoRoot, branchedFrom, head);
  const provenance = { from: "base" };
  const file = source?.file ?? head?.file;
  if (file) provenance.file = file;
  if (headChange) provenance.headChange = headChange;
  const planConfig = {
    config,
    provenance,
    listedWhereBranched: listedWhereBranched ?? /* @__PURE__ */ new Set()
  };
  if (discoveredAtBase) planConfig.environmentsAtBase = new Set(discoveredAtBase.map((env) => env.path));
  return planConfig;
}
function listedEnvironments(source) {
  const environments = source ? parseConfigText(source.text, source.file).config?.environments : void 0;
  return environments ? new Set(environments.map((environment) => environment.name)) : void 0;
}
async function configAtRevision(repoRoot, sha) {
  for (const file of CONFIG_FILES) {
    const entry = await entryAtRevision(repoRoot, sha, file);
    if (entry.kind === "missing") continue;
    if (entry.kind === "link") {
      throw new PlumblineError(
        `${file} at the base (${sha.slice(0, 7)}) is a symbolic link; plumbline reads its configuration only from the file itself`,
        `Replace ${file} with the configuration file on the base branch.`
      );
    }
    return { file, text: entry.text };
  }
  return void 0;
}
async function changeInCheckout(repoRoot, base, head) {
  if (!base) return head ? "added" : void 0;
  if (!head) return "removed";
  if (head.file !== base.file || head.link) return "changed";
  return await readFile(join(repoRoot, head.file), "utf8") === base.text ? void 0 : "changed";
}
async function checkoutConfigFile(repoRoot) {
  const found = [];
  for (const file of CONFIG_FILES) {
    const stats = await lstat(join(repoRoot, file)).catch(() => void 0);
    if (stats?.isFile() || stats?.isSymbolicLink()) found.push({ file, link: stats.isSymbolicLink() });
  }
  const [first] = found;
  return first && found.length > 1 ? { ...first, link: true } : first;
}

// src/commands/plan.ts
var LIVE_ENVIRONMENTS_AT_ONCE = 3;
async function runPlan(options) {
  const clients = new ClusterClients(options.kubeconfigPath);
  try {
    return await planWith(options, clients);
  } finally {
    await clients.close();
  }
}
async function planWith(options, clients) {
  const log = options.log ?? silentLog;
  const { repoRoot, mode } = options;
  const head = await headRevision(repoRoot);
  const top = await workTreeTop(repoRoot);
  await requireRealConfigFolder(repoRoot, top);
  const comparesWithBase = mode === "auto" || mode === "offline";
  const base = comparesWithBase || options.base !== void 0 ? await resolveBase(repoRoot, options.base) : void 0;
  const result = { environments: [] };
  if (head) result.head = head;
  const offline = /* @__PURE__ */ new Map();
  let planned;
  if (base) {
    if (comparesWithBase) result.base = { ref: base.ref, sha: base.sha };
    log.info(`obeying the configuration of ${base.ref}; its merge base is ${base.sha.slice(0, 7)}`);
    planned = await withCheckout(repoRoot, base.sha, async (baseDir, baseTop) => {
      const trusted = await baseConfig(repoRoot, base, baseDir);
      const atHead = (env) => existsSync(join2(repoRoot, env.path));
      const atBase = (env) => existsSync(join2(baseDir, env.path)) && (trusted.environmentsAtBase?.has(env.path) ?? true);
      const moved = (env) => !atHead(env) && !atBase(env) && trusted.listedWhereBranched.has(env.name);
      const chosen = await renderHead(
        trusted,
        options,
        { top, log, clients },
        (env) => atHead(env) || atBase(env) || moved(env)
      );
      const headSide = new Map(chosen.headRenders);
      const liveSide = new Map(chosen.headRenders);
      for (const env of chosen.environments) {
        if (moved(env)) {
          headSide.set(env.name, { environment: env, error: movedOnTheBase(env) });
          liveSide.set(env.name, { environment: env, error: movedOnTheBase(env) });
        } else if (!atHead(env)) {
          headSide.set(env.name, { environment: env, resources: [], provenance: { charts: [] } });
          if (comparesWithBase) liveSide.delete(env.name);
          else liveSide.set(env.name, { environment: env, error: removedByTheChange(env) });
        }
      }
      if (comparesWithBase) {
        const baseRenders = byEnvironment(
          await renderEnvironments(baseDir, chosen.environments.filter(atBase), {
            ...chosen.renderOptions,
            top: baseTop
          })
        );
        const comparedWith = { kind: "base", ref: base.ref, sha: base.sha };
        for (const env of chosen.environments) {
          offline.set(env.name, compareRenders(env, headSide, baseRenders, trusted.config, comparedWith));
        }
      }
      return { ...chosen, headRenders: liveSide };
    });
  } else {
    planned = await renderHead(await checkoutConfig(repoRoot), options, { top, log, clients }, () => true);
  }
  result.config = planned.provenance;
  const { environments, headRenders, config } = planned;
  const live = await compareLive(
    environments.filter((env) => headRenders.has(env.name)),
    headRenders,
    config,
    options,
    { log, clients }
  );
  for (const env of environments) {
    const offlineResult = offline.get(env.name);
    if (offlineResult) {
      if (mode === "auto" && env.cluster && !options.clusterAvailable) {
        offlineResult.notice = { kind: "no-credentials" };
      }
      result.environments.push(offlineResult);
    }
    const liveResult = live.get(env.name);
    if (liveResult) result.environments.push(liveResult);
  }
  await logEnvironments(log, result, environments, headRenders);
  return result;
}
async function logEnvironments(log, result, environments, headRenders) {
  for (const { name } of environments) {
    await log.group(name, async (group) => {
      const render = headRenders.get(name);
      if (render && "resources" in render)
        group.info(`rendered ${plural(render.resources.length, "object")} at the head`);
      for (const env of result.environments.filter((candidate) => candidate.environment === name)) {
        const outcome = env.error === void 0 ? describeCounts(env.counts) : `failed: ${env.error.message}`;
        group.info(`${env.mode}, compared with ${describeComparedWith(env.comparedWith)}: ${outcome}`);
      }
    });
  }
}
async function renderHead(trusted, options, run, planned) {
  const environments = selectEnvironments(trusted.config, options.environments ?? []).filter(planned);
  const renderOptions = {
    settings: trusted.config.render,
    charts: new ChartFetcher({
      cacheFolder: options.chartCache ?? chartCacheFolder(process.env),
      settings: trusted.config.render,
      env: process.env
    }),
    clusterCapabilities: await run.clients.capabilities(
      environments.filter((env) => asksCluster(env, options)).map((env) => ({ env, context: contextOf(env, options) }))
    )
  };
  run.log.info(`rendering ${plural(environments.length, "environment")}`);
  const headRenders = byEnvironment(
    await renderEnvironments(options.repoRoot, environments, { ...renderOptions, top: run.top })
  );
  return { ...trusted, environments, headRenders, renderOptions };
}
function asksCluster(env, options) {
  const hasCluster = Boolean(env.cluster) || options.context !== void 0;
  return options.mode !== "offline" && hasCluster && options.clusterAvailable;
}
function contextOf(env, options) {
  return options.context ?? env.cluster?.context;
}
function compareRenders(env, headRenders, baseRenders, config, comparedWith) {
  const head = headRenders.get(env.name);
  const base = baseRenders.get(env.name) ?? {
    environment: env,
    resources: [],
    provenance: { charts: [] }
  };
  if (!head || "error" in head)
    return failed(env, "offline", comparedWith, head && "error" in head ? head.error : void 0);
  if ("error" in base) return failed(env, "offline", comparedWith, atTheBase(base.error));
  const changes = compareSets(byKey(base.resources), byKey(head.resources), config.diff.ignore);
  return withProvenance(
    { environment: env.name, mode: "offline", comparedWith, counts: countChanges(changes), changes },
    head.provenance,
    base.provenance
  );
}
function withProvenance(result, head, base) {
  const worth = (side) => side !== void 0 && (side.charts.length > 0 || side.capabilities !== void 0);
  if (!worth(head) && !worth(base)) return result;
  return {
    ...result,
    rendered: { ...worth(head) ? { head } : {}, ...worth(base) ? { base } : {} }
  };
}
async function compareLive(environments, headRenders, config, options, { log, clients }) {
  const results = /* @__PURE__ */ new Map();
  if (options.mode === "offline") return results;
  const mode = options.mode === "reader" ? "reader" : "live";
  const explicit = options.mode === "live" || options.mode === "reader";
  await compareEach();
  return results;
  async function compareEach() {
    const limit = pLimit(LIVE_ENVIRONMENTS_AT_ONCE);
    await Promise.all(environments.map((env) => limit(() => compareOne(env))));
  }
  async function compareOne(env) {
    const context = contextOf(env, options);
    const hasCluster = Boolean(env.cluster) || options.context !== void 0;
    const comparedWith = !hasCluster ? { kind: "no-cluster" } : context ? { kind: "cluster", context } : { kind: "cluster" };
    const render = headRenders.get(env.name);
    if (explicit && (!render || "error" in render)) {
      results.set(
        env.name,
        failed(env, mode, comparedWith, render && "error" in render ? render.error : void 0)
      );
      return;
    }
    if (!hasCluster) {
      if (explicit) {
        results.set(env.name, { ...skipped(env, mode, comparedWith), notice: { kind: "no-cluster" } });
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
            new PlumblineError("no cluster credentials (no kubeconfig)", void 0, { remedy: "offline" })
          )
        );
      return;
    }
    if (!render || "error" in render) {
      results.set(
        env.name,
        failed(env, mode, comparedWith, render && "error" in render ? render.error : void 0)
      );
      return;
    }
    try {
      const client = await clients.for(context);
      log.debug(`${env.name}: comparing ${render.resources.length} objects with ${client.context} (${mode})`);
      const { comparison } = await compareEnvironmentLive(
        env,
        render.resources,
        client,
        config,
        mode,
        comparedWith
      );
      results.set(env.name, withProvenance(comparison, render.provenance));
    } catch (error) {
      results.set(env.name, failed(env, mode, comparedWith, error));
    }
  }
}
function byEnvironment(results) {
  return new Map(results.map((result) => [result.environment.name, result]));
}
function byKey(resources) {
  return new Map(resources.map((resource) => [resource.key, resource]));
}
function failed(env, mode, comparedWith, error) {
  return {
    ...skipped(env, mode, comparedWith),
    error: error === void 0 ? { message: "rendering produced no result" } : problemOf(error)
  };
}
function atTheBase(error) {
  const problem = problemOf(error);
  return new PlumblineError(
    `at the base: ${problem.message}`,
    problem.hint,
    problem.remedy ? { remedy: problem.remedy } : {}
  );
}
function skipped(env, mode, comparedWith) {
  return {
    environment: env.name,
    mode,
    comparedWith,
    counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
    changes: []
  };
}
function movedOnTheBase(env) {
  return new PlumblineError(
    `${env.path} is on neither side of this change: the base branch moved it after the change branched off`,
    "Rebase the change onto the base branch to plan this environment."
  );
}
function removedByTheChange(env) {
  return new PlumblineError(
    `this change removes ${env.path}, and a comparison with the cluster cannot show what that deletes`,
    void 0,
    { remedy: "offline" }
  );
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// src/forge/sticky-comment.ts
async function syncStickyComment(forge, thread, options) {
  const { kind, key, parts } = options;
  const room = maxPartLength(forge, { kind, key });
  parts.forEach((part, index) => {
    if (part.length > room) {
      throw new Error(
        `part ${index + 1} of the ${kind} comment is ${part.length} characters; the forge takes ${room} after the marker. Split it with maxPartLength().`
      );
    }
  });
  const author = (await forge.currentAuthor()).toLowerCase();
  const existing = /* @__PURE__ */ new Map();
  const surplus = [];
  for (const comment of await forge.listComments(thread)) {
    if (comment.author.toLowerCase() !== author) continue;
    const marker = findMarker(comment.body, { kind, key });
    if (!marker) continue;
    if (marker.part <= parts.length && !existing.has(marker.part)) existing.set(marker.part, comment);
    else surplus.push(comment);
  }
  const result = { created: 0, updated: 0, deleted: 0, unchanged: 0, urls: [] };
  for (const [index, text] of parts.entries()) {
    const part = index + 1;
    const body = withMarker({ kind, key, part, parts: parts.length }, text);
    const comment = existing.get(part);
    let url = comment?.url;
    if (!comment) {
      url = (await forge.createComment(thread, body)).url;
      result.created += 1;
    } else if (comment.body === body) {
      result.unchanged += 1;
    } else {
      await forge.updateComment(thread, comment.id, body);
      result.updated += 1;
    }
    if (url) result.urls.push(url);
  }
  for (const comment of surplus) {
    await forge.deleteComment(thread, comment.id);
    result.deleted += 1;
  }
  return result;
}
function maxPartLength(forge, id) {
  return forge.bodyLimit - markerReserve(id);
}

// src/commands/publish-plan.ts
var PLAN_COMMENT_KIND = "plan";
var MAX_COMMENT_PARTS = 10;
var PLAN_LABELS = { changes: "plumbline:changes", noChanges: "plumbline:no-changes" };
async function publishPlan(forge, thread, result, options) {
  const published = { comments: [], labelsAdded: [], labelsRemoved: [] };
  if (options.comment) {
    for (const comment of planComments(result, options)) {
      const { parts, objectsLeftOut } = planCommentParts(forge, comment.key, comment.result, options);
      const sync = await syncStickyComment(forge, thread, {
        kind: PLAN_COMMENT_KIND,
        key: comment.key,
        parts
      });
      published.comments.push({ key: comment.key, parts: parts.length, objectsLeftOut, sync });
    }
  }
  if (options.labels) {
    const { add, remove } = planLabels(result);
    if (add.length > 0) await forge.addLabels(thread, add);
    for (const label of remove) await forge.removeLabel(thread, label);
    published.labelsAdded = add;
    published.labelsRemoved = remove;
  }
  return published;
}
function planComments(result, options) {
  if (!options.perEnvironment) {
    const selected = [...options.selected ?? []].sort();
    return [{ key: selected.length > 0 ? selected.join(",") : "all", result }];
  }
  const byEnvironment2 = /* @__PURE__ */ new Map();
  for (const env of result.environments) {
    byEnvironment2.set(env.environment, [...byEnvironment2.get(env.environment) ?? [], env]);
  }
  return [...byEnvironment2].map(([name, environments]) => ({
    key: name,
    result: { ...result, environments }
  }));
}
function planCommentParts(forge, key, result, options) {
  return renderMarkdownParts(result, {
    limit: forge.bodyLimit,
    reserve: markerReserve({ kind: PLAN_COMMENT_KIND, key }),
    maxParts: MAX_COMMENT_PARTS,
    runUrl: options.runUrl,
    fullReportHint: options.fullReportHint,
    vocabulary: options.vocabulary
  });
}
function planLabels(result) {
  if (hasChanges(result)) return { add: [PLAN_LABELS.changes], remove: [PLAN_LABELS.noChanges] };
  if (result.environments.some((env) => env.error !== void 0)) {
    return { add: [], remove: [PLAN_LABELS.changes, PLAN_LABELS.noChanges] };
  }
  return { add: [PLAN_LABELS.noChanges], remove: [PLAN_LABELS.changes] };
}

// src/report/json.ts
var PLAN_REPORT_SCHEMA_VERSION = 1;
function renderJson(result, vocabulary = NO_OPTIONS) {
  return `${JSON.stringify(toPlanReport(result, vocabulary), null, 2)}
`;
}
function toPlanReport(result, vocabulary = NO_OPTIONS) {
  const redacted = redactResult(result);
  const totals = {
    added: 0,
    changed: 0,
    deleted: 0,
    unchanged: 0,
    risks: riskCount(redacted),
    failedEnvironments: 0
  };
  for (const env of headlineResults(redacted)) {
    totals.added += env.counts.added;
    totals.changed += env.counts.changed;
    totals.deleted += env.counts.deleted;
    totals.unchanged += env.counts.unchanged;
  }
  totals.failedEnvironments = redacted.environments.filter((env) => env.error !== void 0).length;
  return {
    schemaVersion: PLAN_REPORT_SCHEMA_VERSION,
    changed: hasChanges(redacted),
    base: redacted.base ? { ref: redacted.base.ref, sha: redacted.base.sha } : null,
    head: redacted.head ? { ref: redacted.head.ref, sha: redacted.head.sha } : null,
    config: redacted.config ? {
      from: redacted.config.from,
      file: redacted.config.file ?? null,
      headChange: redacted.config.headChange ?? null
    } : null,
    totals,
    environments: redacted.environments.map((env) => environmentReport(env, vocabulary))
  };
}
function environmentReport(env, vocabulary) {
  return {
    name: env.environment,
    status: env.error === void 0 ? "compared" : "failed",
    mode: env.mode,
    comparedWith: describeComparedWith(env.comparedWith),
    notice: env.notice ? describeNotice(env.environment, env.notice, vocabulary) : null,
    error: env.error ? describeProblem(env.error, vocabulary) : null,
    counts: {
      added: env.counts.added,
      changed: env.counts.changed,
      deleted: env.counts.deleted,
      unchanged: env.counts.unchanged
    },
    objects: listedChanges(env).map(objectReport),
    ...env.rendered ? { rendered: env.rendered } : {}
  };
}
function objectReport(change) {
  return {
    key: change.key,
    group: change.id.group,
    version: change.id.version,
    kind: change.id.kind,
    namespace: change.id.namespace ?? null,
    name: change.id.name,
    change: change.change,
    fields: [...change.fields],
    risks: change.risks.map((risk) => ({ kind: risk.kind, message: risk.message })),
    notes: [...change.notes],
    secretValuesChanged: secretValueChanges(change),
    diff: change.diff
  };
}

export {
  runPlan,
  publishPlan,
  renderJson,
  toPlanReport
};
