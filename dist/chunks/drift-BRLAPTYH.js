import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  afterFromText,
  driftedEnvironments,
  issueNumbers,
  parseRevisionSource,
  runDrift,
  summaryMarkdown
} from "./chunk-U2SYY6SF.js";
import {
  actionLog,
  kubeconfigInput,
  shardInput,
  withKubeconfig
} from "./chunk-STX4AH5W.js";
import {
  runUrl
} from "./chunk-XZWCKFE5.js";
import {
  chooseKubeconfig
} from "./chunk-M7YAZSTY.js";
import "./chunk-L3PULLGS.js";
import "./chunk-E7ACZTBR.js";
import {
  booleanInput,
  choiceInput,
  listInput,
  repositoryRoot
} from "./chunk-CTX3AIP6.js";
import "./chunk-JRAQUMV5.js";
import {
  gitHubForge
} from "./chunk-U6YIBRX6.js";
import "./chunk-I3R6E5OK.js";
import "./chunk-NN2UZPML.js";
import {
  debug,
  error,
  getInput,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-YGM3RFQ2.js";
import "./chunk-6GOKWEBO.js";
import "./chunk-3N2GU25X.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import "./chunk-MWPRVN7Q.js";
import "./chunk-4PGWNIJS.js";

// src/entry/github/drift-settings.ts
var MODES = ["live", "reader"];
function readDriftSettings() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const settings = {
    repoRoot: repositoryRoot(workspace, getInput("config")),
    environments: listInput("environments"),
    mode: choiceInput("mode", MODES) ?? "live",
    kubeconfig: kubeconfigInput(),
    labels: listInput("labels"),
    failOnDrift: booleanInput("fail-on-drift", false)
  };
  if (booleanInput("issues", true)) settings.token = issueToken();
  const after = getInput("after");
  if (after) settings.after = afterInput(after);
  const revisionFrom = getInput("revision-from");
  if (revisionFrom) settings.revisionSource = revisionSourceInput(revisionFrom);
  const chartCache = getInput("chart-cache");
  if (chartCache) settings.chartCache = chartCache;
  const shard = shardInput();
  if (shard) settings.shard = shard;
  return settings;
}
function issueToken() {
  const token = getInput("github-token");
  if (!token) {
    throw new PlumblineError(
      "input github-token is empty, so drift issues cannot be kept",
      "Keep the default (the workflow token, with permissions: issues: write) or set issues: false."
    );
  }
  return token;
}
function afterInput(text) {
  const after = afterFromText(text);
  if (after === void 0) throw new PlumblineError(`input after must be a whole number \u2265 1, got '${text}'`);
  return after;
}
function revisionSourceInput(text) {
  try {
    return parseRevisionSource(text);
  } catch (error2) {
    throw new PlumblineError(
      `input revision-from: ${error2.message}`,
      "Use annotation:NAME, argocd:NAMESPACE/APP or flux:NAMESPACE/KUSTOMIZATION."
    );
  }
}

// src/entry/github/drift.ts
async function runDriftAction() {
  const settings = readDriftSettings();
  const forge = settings.token ? gitHubForge({
    token: settings.token,
    repository: process.env.GITHUB_REPOSITORY ?? "",
    apiUrl: process.env.GITHUB_API_URL,
    logger: { warning: (message) => warning(message), debug }
  }) : void 0;
  const link = runUrl();
  const run = await withKubeconfig(settings.kubeconfig, (written) => {
    const kubeconfig = chooseKubeconfig(written);
    return runDrift({
      repoRoot: settings.repoRoot,
      environments: settings.environments,
      mode: settings.mode,
      kubeconfigPath: kubeconfig.path,
      ...settings.chartCache ? { chartCache: settings.chartCache } : {},
      ...settings.shard ? { shard: settings.shard } : {},
      forge,
      ...settings.labels.length > 0 ? { labels: settings.labels } : {},
      after: settings.after,
      revisionSource: settings.revisionSource,
      runUrl: link,
      log: actionLog()
    });
  });
  const drifted = driftedEnvironments(run.environments);
  setOutput("drifted", JSON.stringify(drifted));
  setOutput("issues", JSON.stringify(issueNumbers(run.environments)));
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(summaryMarkdown(run.environments)).write();
  const failures = run.environments.flatMap((entry) => [
    ...entry.drift.error === void 0 ? [] : [`${entry.drift.environment}: ${entry.drift.error}`],
    ...entry.issueError === void 0 ? [] : [`${entry.drift.environment}: the issue could not be updated: ${entry.issueError}`]
  ]);
  for (const failure of failures) error(failure);
  if (failures.length > 0) {
    setFailed(
      `${failures.length} of ${run.environments.length} checks failed; the job summary says which`
    );
  } else if (drifted.length > 0 && settings.failOnDrift) {
    setFailed(`drift in ${drifted.join(", ")} (fail-on-drift is set)`);
  }
}
export {
  runDriftAction
};
