import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  actionLog,
  kubeconfigInput,
  shardInput,
  withKubeconfig
} from "./chunk-STX4AH5W.js";
import {
  runPlan
} from "./chunk-RO3YMC33.js";
import {
  MissingShardsError,
  mergePlanResults
} from "./chunk-RRNXZMIM.js";
import {
  parsePlanResultFile,
  planResultFileText,
  publishPlan,
  renderJson,
  toPlanReport
} from "./chunk-6TK5MNZH.js";
import {
  runUrl
} from "./chunk-XZWCKFE5.js";
import {
  chooseKubeconfig
} from "./chunk-M7YAZSTY.js";
import "./chunk-L3PULLGS.js";
import {
  ACTION_VOCABULARY
} from "./chunk-RVSZAHFT.js";
import {
  package_default
} from "./chunk-OCUZEIII.js";
import "./chunk-E7ACZTBR.js";
import {
  booleanInput,
  choiceInput,
  listInput,
  repositoryRoot
} from "./chunk-CTX3AIP6.js";
import {
  renderMarkdown,
  renderMarkdownParts
} from "./chunk-LDKLHGTU.js";
import "./chunk-JRAQUMV5.js";
import {
  ForgeError,
  context,
  gitHubForge,
  hasChanges
} from "./chunk-U6YIBRX6.js";
import "./chunk-I3R6E5OK.js";
import "./chunk-NN2UZPML.js";
import {
  debug,
  error,
  getInput,
  info,
  notice,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-YGM3RFQ2.js";
import "./chunk-6GOKWEBO.js";
import {
  logSafe
} from "./chunk-3N2GU25X.js";
import {
  PlumblineError,
  describeProblem
} from "./chunk-HOINZ2KI.js";
import "./chunk-MWPRVN7Q.js";
import "./chunk-4PGWNIJS.js";

// src/entry/github/plan.ts
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join as join2 } from "node:path";

// src/entry/github/plan-settings.ts
import { readdirSync, statSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
var MODES = ["auto", "live", "offline", "reader"];
var FLEET_DOCS = "docs/fleet.md of plumbline";
function readPlanSettings() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const shard = shardInput();
  const reports = listInput("reports");
  const partial = booleanInput("partial", false);
  const result = getInput("result");
  const commentInput = optionalBooleanInput("comment");
  const labelsInput = optionalBooleanInput(
    "labels",
    "input `labels` for plan is true or false; for drift and promote it is a list of label names"
  );
  const commentPerEnvironment = booleanInput("comment-per-environment", false);
  checkCombinations({ shard, reports, partial, commentInput, labelsInput, commentPerEnvironment });
  const merging = reports.length > 0;
  if (merging) refusePlanningInputs();
  const comment = commentInput ?? shard === void 0;
  const labels = labelsInput ?? shard === void 0;
  const { eventName, payload } = context;
  const pullRequest = pullRequestFromEvent(eventName, payload);
  const baseRef = merging ? "" : getInput("base-ref");
  const publishes = (comment || labels) && pullRequest !== void 0;
  const settings = {
    workspace,
    repoRoot: merging ? workspace : repositoryRoot(workspace, getInput("config")),
    environments: merging ? [] : listInput("environments"),
    mode: (merging ? void 0 : choiceInput("mode", MODES)) ?? "auto",
    kubeconfig: merging ? "" : kubeconfigInput(),
    comment,
    commentPerEnvironment,
    labels,
    failOnChanges: booleanInput("fail-on-changes", false),
    allEnvironments: merging ? false : booleanInput("all-environments", false),
    eventName,
    partial
  };
  if (shard) settings.shard = shard;
  if (merging) settings.reports = reports;
  if (result) settings.result = resolve(workspace, result);
  if (baseRef) settings.baseRef = baseRef;
  if (pullRequest) settings.pullRequest = pullRequest;
  if (publishes) settings.token = getInput("github-token", { required: true });
  const chartCache = merging ? "" : getInput("chart-cache");
  if (chartCache) settings.chartCache = chartCache;
  return settings;
}
function optionalBooleanInput(name, expected) {
  return getInput(name) === "" ? void 0 : booleanInput(name, true, expected);
}
function checkCombinations(inputs) {
  const { shard, reports, partial } = inputs;
  if (shard && reports.length > 0) {
    throw new PlumblineError(
      "inputs `shard` and `reports` do not go together: `shard` plans one shard and writes its plan result file, `reports` merges the result files of every shard",
      `Run one plan step per shard with \`shard\`, then one more step, after them all, with \`reports\` (${FLEET_DOCS}).`
    );
  }
  if (shard) {
    const posting = [
      inputs.commentInput === true ? "`comment: true`" : "",
      inputs.labelsInput === true ? "`labels: true`" : "",
      inputs.commentPerEnvironment ? "`comment-per-environment: true`" : ""
    ].filter((input) => input !== "");
    if (posting.length > 0) {
      throw new PlumblineError(
        `input \`shard: ${shard.index}/${shard.count}\` plans part of the environments, so it cannot post the plan's comment or labels (${posting.join(", ")})`,
        `Leave those inputs out of the shard steps, and set them on the step that merges the shards with \`reports\` (${FLEET_DOCS}).`
      );
    }
  }
  if (partial && reports.length === 0) {
    throw new PlumblineError(
      "input `partial` applies to a merge: set it together with `reports`",
      "Set `partial: true` on the step that merges the shards with `reports`, not on a plan or a shard."
    );
  }
}
function refusePlanningInputs() {
  const mode = getInput("mode");
  const set = [
    ...["config", "environments", "base-ref", "kubeconfig", "chart-cache"].filter(
      (name) => getInput(name).trim() !== ""
    ),
    ...mode !== "" && mode !== "auto" ? ["mode"] : [],
    ...booleanInput("all-environments", false) ? ["all-environments"] : []
  ];
  if (set.length === 0) return;
  throw new PlumblineError(
    `input${set.length === 1 ? "" : "s"} ${set.map((name) => `\`${name}\``).join(", ")} steer${set.length === 1 ? "s" : ""} a plan, and with \`reports\` the action plans nothing: it merges the plans the shard steps made`,
    "Set them on the shard steps."
  );
}
var GLOB = /[*?[]/;
async function findReports(items, workspace) {
  const found = /* @__PURE__ */ new Set();
  for (const item of items) {
    const path = resolve(workspace, item);
    const matches = GLOB.test(item) ? await matchPattern(path) : [path];
    const files = matches.flatMap((match) => filesOf(match, item));
    if (files.length === 0) {
      throw new PlumblineError(
        GLOB.test(item) ? `input \`reports\`: ${item} matches no plan result file in ${workspace}` : `input \`reports\`: ${item} holds no .json file`,
        "Download the result files of the shards (actions/download-artifact) before the step that merges them, into the folder `reports` names."
      );
    }
    for (const file of files) found.add(file);
  }
  return [...found].sort();
}
function filesOf(path, item) {
  let stats;
  try {
    stats = statSync(path);
  } catch (error2) {
    const code = error2.code;
    throw new PlumblineError(
      code === "ENOENT" ? `input \`reports\`: ${item} does not exist` : `input \`reports\`: ${item} cannot be read (${code ?? "error"})`,
      "Download the result files of the shards (actions/download-artifact) before the step that merges them; a shard that failed uploads none (set `partial: true` to merge the others)."
    );
  }
  if (stats.isDirectory()) return jsonFilesBelow(path);
  return stats.isFile() ? [path] : [];
}
function jsonFilesBelow(dir) {
  return entries(dir).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFilesBelow(path);
    if (!entry.name.endsWith(".json")) return [];
    if (entry.isFile()) return [path];
    return entry.isSymbolicLink() && isFile(path) ? [path] : [];
  });
}
async function matchPattern(pattern) {
  const glob = await import("./glob-IP5R7T2Z.js");
  const globber = await glob.create(pattern, { followSymbolicLinks: false, implicitDescendants: false });
  const hidden = basename(pattern).startsWith(".");
  return (await globber.glob()).filter((path) => hidden || !basename(path).startsWith("."));
}
function entries(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
function reportName(path, workspace) {
  const inside = relative(workspace, path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}
function pullRequestFromEvent(eventName, payload) {
  if (eventName !== "pull_request" && eventName !== "pull_request_target") return void 0;
  const pull = payload?.pull_request;
  if (!pull || typeof pull.number !== "number" || !pull.base?.sha) {
    throw new PlumblineError(
      `the ${eventName} event (GITHUB_EVENT_PATH) has no pull_request with a number and a base commit`,
      "Run the plan action on pull_request or pull_request_target events as GitHub sends them."
    );
  }
  const headRepo = pull.head?.repo?.full_name;
  const baseRepo = pull.base.repo?.full_name;
  return {
    number: pull.number,
    baseSha: pull.base.sha,
    baseRef: pull.base.ref ?? "",
    // A fork whose repository was deleted has no head repository at all.
    fork: baseRepo !== void 0 && headRepo?.toLowerCase() !== baseRepo.toLowerCase()
  };
}

// src/entry/github/plan.ts
var FULL_REPORT = "the job summary and the report-markdown file";
var SUMMARY_LIMIT = 1024 * 1024 - 1024;
async function runPlanAction() {
  const settings = readPlanSettings();
  const result = settings.reports ? await mergeReports(settings.reports, settings) : await plan(settings);
  await givePlan(result, settings);
}
async function plan(settings) {
  const { pullRequest } = settings;
  const base = settings.baseRef ?? pullRequest?.baseSha;
  const result = await withKubeconfig(settings.kubeconfig, (written) => {
    const kubeconfig = chooseKubeconfig(written);
    return runPlan({
      repoRoot: settings.repoRoot,
      environments: settings.environments,
      mode: settings.mode,
      // On a runner, only a kubeconfig the job gave (the input or KUBECONFIG) counts.
      clusterAvailable: kubeconfig.path !== void 0,
      base,
      kubeconfigPath: kubeconfig.path,
      ...settings.chartCache ? { chartCache: settings.chartCache } : {},
      ...settings.allEnvironments ? { all: true } : {},
      ...settings.shard ? { shard: settings.shard } : {},
      log: actionLog()
    });
  });
  if (pullRequest && !settings.baseRef) nameBase(result, pullRequest);
  if (pullRequest?.fork) explainFork(result);
  return result;
}
async function mergeReports(items, settings) {
  const files = await findReports(items, settings.workspace);
  const plans = await Promise.all(
    files.map(async (file) => {
      const name = reportName(file, settings.repoRoot);
      return { name, result: parsePlanResultFile(await readReport(file, name), name) };
    })
  );
  let result;
  try {
    result = mergePlanResults(plans, { partial: settings.partial });
  } catch (error2) {
    if (!(error2 instanceof MissingShardsError)) throw error2;
    throw new PlumblineError(
      error2.message,
      "Give `reports` every shard's result file; to merge the others anyway, set the input `partial: true` (the plan then names the missing shards, and the step fails).",
      { cause: error2 }
    );
  }
  info(logSafe(`merged ${plans.length} plan result files: ${plans.map((p) => p.name).join(", ")}`));
  const missing = result.missingShards ?? [];
  if (missing.length > 0) {
    warning(
      `a partial plan: ${missing.length === 1 ? "shard" : "shards"} ${missing.join(", ")} of ${plans[0]?.result.shard?.count} missing; the report says so`
    );
  }
  return result;
}
async function readReport(file, name) {
  try {
    return await readFile(file, "utf8");
  } catch (error2) {
    const code = error2.code;
    throw new PlumblineError(`input \`reports\`: ${name} cannot be read (${code ?? "error"})`);
  }
}
async function givePlan(result, settings) {
  const { pullRequest, shard } = settings;
  const runUrl2 = runUrl();
  const reports = await writeReports(result, runUrl2);
  const resultFile = settings.result ?? (shard ? join2(reports.dir, `plan-result-${shard.index}-of-${shard.count}.json`) : void 0);
  if (resultFile) {
    await mkdir(dirname(resultFile), { recursive: true });
    await writeFile(resultFile, planResultFileText(result, package_default.version));
    info(logSafe(`plan result written to ${resultFile}`));
  }
  const report = toPlanReport(result, ACTION_VOCABULARY);
  setOutput("changed", String(report.changed));
  setOutput("added", String(report.totals.added));
  setOutput("updated", String(report.totals.changed));
  setOutput("deleted", String(report.totals.deleted));
  setOutput("report-markdown", reports.markdown);
  setOutput("report-json", reports.json);
  if (resultFile) setOutput("result-file", resultFile);
  if (shard) setOutput("shard", `${shard.index}/${shard.count}`);
  if (settings.reports) setOutput("missing-shards", JSON.stringify(result.missingShards ?? []));
  if (process.env.GITHUB_STEP_SUMMARY) {
    const lead = shard ? `${shardNote(result, shard)}

` : "";
    await summary.addRaw(lead + summaryText(result, runUrl2), true).write();
  }
  const failed = result.environments.filter((env) => env.error !== void 0);
  for (const env of failed) {
    error(env.error ? describeProblem(env.error, ACTION_VOCABULARY) : "", {
      title: `plumbline: ${env.environment} (${env.mode}) could not be compared`
    });
  }
  if (shard) {
    info(
      `${shardNote(result, shard)} Upload the result-file output as an artifact; the step with \`reports\` merges it.`
    );
  } else if ((settings.comment || settings.labels) && !pullRequest) {
    notice(
      `plumbline comments on pull requests; this run is for a ${settings.eventName || "non-pull-request"} event, so the plan is in the job summary and the report files only.`
    );
  } else if (pullRequest && settings.token) {
    await publish(result, pullRequest, settings.token, settings, runUrl2);
  }
  const missing = result.missingShards ?? [];
  const failures = [
    failed.length > 0 ? `plumbline could not compare ${failed.map((env) => `${env.environment} (${env.mode})`).join(", ")}; the other environments are reported.` : "",
    missing.length > 0 ? `plumbline merged a partial plan (partial: true): ${missing.length === 1 ? "shard" : "shards"} ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing, and nothing is said of ${missing.length === 1 ? "its" : "their"} environments.` : ""
  ].filter((failure) => failure !== "");
  if (failures.length > 0) {
    setFailed(failures.join(" "));
  } else if (settings.failOnChanges && hasChanges(result)) {
    setFailed(
      `plumbline: ${report.totals.added} to add, ${report.totals.changed} to change, ${report.totals.deleted} to delete, and fail-on-changes is set.`
    );
  }
}
function shardNote(result, shard) {
  const names = /* @__PURE__ */ new Set([...result.environments.map((env) => env.environment), ...result.unaffected ?? []]);
  return `This is shard ${shard.index} of ${shard.count} of the plan (${names.size} ${names.size === 1 ? "environment" : "environments"}); the step that merges the shards posts the whole plan.`;
}
async function publish(result, pullRequest, token, settings, runUrl2) {
  const forge = gitHubForge({
    token,
    repository: `${context.repo.owner}/${context.repo.repo}`,
    apiUrl: context.apiUrl,
    logger: { warning, debug }
  });
  const thread = { kind: "change-request", number: pullRequest.number };
  try {
    const published = await publishPlan(forge, thread, result, {
      comment: settings.comment,
      perEnvironment: settings.commentPerEnvironment,
      selected: settings.environments,
      labels: settings.labels,
      runUrl: runUrl2,
      fullReportHint: FULL_REPORT,
      vocabulary: ACTION_VOCABULARY
    });
    for (const { key, parts, objectsLeftOut, sync } of published.comments) {
      const what = `${sync.created} created, ${sync.updated} updated, ${sync.unchanged} unchanged, ${sync.deleted} deleted`;
      const leftOut = objectsLeftOut > 0 ? `; ${objectsLeftOut} objects did not fit and are in ${FULL_REPORT}` : "";
      info(
        logSafe(
          `plan comment ${key}: ${parts} part${parts === 1 ? "" : "s"} (${what})${leftOut} ${sync.urls.join(" ")}`
        )
      );
    }
  } catch (error2) {
    if (!(error2 instanceof ForgeError)) throw error2;
    if (pullRequest.fork && error2.status === 403) {
      warning(
        `${error2.message} GitHub gives workflows of pull requests from forks a read-only token, so the plan is in the job summary only. To comment on fork pull requests, run plumbline from a pull_request_target workflow (see the plumbline docs on GitHub).`
      );
      return;
    }
    throw new PlumblineError(error2.message, error2.hint, { cause: error2 });
  }
}
function nameBase(result, pullRequest, githubRef = process.env.GITHUB_REF) {
  if (result.base && result.base.ref === pullRequest.baseSha && pullRequest.baseRef) {
    result.base.ref = pullRequest.baseRef;
    for (const env of result.environments) {
      if (env.comparedWith.kind === "base" && env.comparedWith.ref === pullRequest.baseSha)
        env.comparedWith = { ...env.comparedWith, ref: pullRequest.baseRef };
    }
  }
  if (result.head?.ref === "HEAD" && githubRef) result.head.ref = githubRef.replace(/^refs\//, "");
}
function explainFork(result) {
  for (const env of result.environments) {
    if (env.mode === "offline" && env.notice?.kind === "no-credentials") env.notice = { kind: "fork" };
  }
}
async function writeReports(result, runUrl2) {
  const dir = await mkdtemp(join2(process.env.RUNNER_TEMP || tmpdir(), "plumbline-plan-"));
  const markdown = join2(dir, "plan.md");
  const json = join2(dir, "plan.json");
  await writeFile(markdown, renderMarkdown(result, { vocabulary: ACTION_VOCABULARY, runUrl: runUrl2 }));
  await writeFile(json, renderJson(result, ACTION_VOCABULARY));
  return { dir, markdown, json };
}
function summaryText(result, runUrl2) {
  const full = renderMarkdown(result, { vocabulary: ACTION_VOCABULARY, runUrl: runUrl2 });
  if (full.length <= SUMMARY_LIMIT) return full;
  const {
    parts: [first = ""]
  } = renderMarkdownParts(result, {
    vocabulary: ACTION_VOCABULARY,
    limit: SUMMARY_LIMIT,
    runUrl: runUrl2,
    fullReportHint: "the report-markdown file"
  });
  return `${first}

The report is longer than a job summary holds; the whole of it is in the report-markdown and report-json files of this step.
`;
}
export {
  nameBase,
  runPlanAction
};
