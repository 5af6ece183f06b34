import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  runPlan
} from "./chunk-DXDOKDW4.js";
import {
  publishPlan,
  renderJson,
  toPlanReport
} from "./chunk-3KZBWZB2.js";
import {
  ACTION_VOCABULARY
} from "./chunk-RVSZAHFT.js";
import {
  renderMarkdown,
  renderMarkdownParts
} from "./chunk-FAJYTC3R.js";
import {
  actionLog,
  kubeconfigInput,
  withKubeconfig
} from "./chunk-QN6SEKXY.js";
import {
  runUrl
} from "./chunk-XZWCKFE5.js";
import {
  chooseKubeconfig
} from "./chunk-BW4MBP2J.js";
import "./chunk-VXCRYIWM.js";
import "./chunk-E7ACZTBR.js";
import {
  booleanInput,
  choiceInput,
  listInput,
  repositoryRoot
} from "./chunk-TMUD4GGZ.js";
import "./chunk-GBPMCAMG.js";
import {
  ForgeError,
  context,
  gitHubForge,
  hasChanges
} from "./chunk-CQ7XBBFT.js";
import "./chunk-DBWAFJO3.js";
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
} from "./chunk-DXXOX7JW.js";
import "./chunk-B3KOW7WP.js";
import {
  logSafe
} from "./chunk-3N2GU25X.js";
import {
  PlumblineError,
  describeProblem
} from "./chunk-JRIHJ5V4.js";

// src/entry/github/plan.ts
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/entry/github/plan-settings.ts
var MODES = ["auto", "live", "offline", "reader"];
function readPlanSettings() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const comment = booleanInput("comment", true);
  const labels = booleanInput(
    "labels",
    true,
    "input `labels` for plan is true or false; for drift and promote it is a list of label names"
  );
  const { eventName, payload } = context;
  const pullRequest = pullRequestFromEvent(eventName, payload);
  const kubeconfig = kubeconfigInput();
  const baseRef = getInput("base-ref");
  const publishes = (comment || labels) && pullRequest !== void 0;
  const settings = {
    repoRoot: repositoryRoot(workspace, getInput("config")),
    environments: listInput("environments"),
    mode: choiceInput("mode", MODES) ?? "auto",
    kubeconfig,
    comment,
    commentPerEnvironment: booleanInput("comment-per-environment", false),
    labels,
    failOnChanges: booleanInput("fail-on-changes", false),
    allEnvironments: booleanInput("all-environments", false),
    eventName
  };
  if (baseRef) settings.baseRef = baseRef;
  if (pullRequest) settings.pullRequest = pullRequest;
  if (publishes) settings.token = getInput("github-token", { required: true });
  const chartCache = getInput("chart-cache");
  if (chartCache) settings.chartCache = chartCache;
  return settings;
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
      log: actionLog()
    });
  });
  if (pullRequest && !settings.baseRef) nameBase(result, pullRequest);
  if (pullRequest?.fork) explainFork(result);
  const runUrl2 = runUrl();
  const reports = await writeReports(result, runUrl2);
  const report = toPlanReport(result, ACTION_VOCABULARY);
  setOutput("changed", String(report.changed));
  setOutput("added", String(report.totals.added));
  setOutput("updated", String(report.totals.changed));
  setOutput("deleted", String(report.totals.deleted));
  setOutput("report-markdown", reports.markdown);
  setOutput("report-json", reports.json);
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(summaryText(result, runUrl2), true).write();
  const failed = result.environments.filter((env) => env.error !== void 0);
  for (const env of failed) {
    error(env.error ? describeProblem(env.error, ACTION_VOCABULARY) : "", {
      title: `plumbline: ${env.environment} (${env.mode}) could not be compared`
    });
  }
  if ((settings.comment || settings.labels) && !pullRequest) {
    notice(
      `plumbline comments on pull requests; this run is for a ${settings.eventName || "non-pull-request"} event, so the plan is in the job summary and the report files only.`
    );
  } else if (pullRequest && settings.token) {
    await publish(result, pullRequest, settings.token, settings, runUrl2);
  }
  if (failed.length > 0) {
    setFailed(
      `plumbline could not compare ${failed.map((env) => `${env.environment} (${env.mode})`).join(", ")}; the other environments are reported.`
    );
  } else if (settings.failOnChanges && hasChanges(result)) {
    setFailed(
      `plumbline: ${report.totals.added} to add, ${report.totals.changed} to change, ${report.totals.deleted} to delete, and fail-on-changes is set.`
    );
  }
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
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "plumbline-plan-"));
  const markdown = join(dir, "plan.md");
  const json = join(dir, "plan.json");
  await writeFile(markdown, renderMarkdown(result, { vocabulary: ACTION_VOCABULARY, runUrl: runUrl2 }));
  await writeFile(json, renderJson(result, ACTION_VOCABULARY));
  return { markdown, json };
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
