import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  afterFromText,
  driftedEnvironments,
  parseRevisionSource,
  runDrift,
  summaryJson,
  summaryMarkdown,
  summaryText
} from "./chunk-U2SYY6SF.js";
import {
  shardFlag
} from "./chunk-27RALIAV.js";
import {
  FORGE_KINDS,
  detectForge,
  forgeFromEnvironment
} from "./chunk-UBYA2G2F.js";
import {
  Command,
  Option,
  cliLog,
  printLog,
  printOutput
} from "./chunk-MYCWCEUN.js";
import {
  runUrl
} from "./chunk-XZWCKFE5.js";
import {
  chooseKubeconfig
} from "./chunk-M7YAZSTY.js";
import "./chunk-L3PULLGS.js";
import "./chunk-E7ACZTBR.js";
import "./chunk-JRAQUMV5.js";
import "./chunk-U6YIBRX6.js";
import {
  CONFIG_FILES
} from "./chunk-I3R6E5OK.js";
import "./chunk-NN2UZPML.js";
import "./chunk-6GOKWEBO.js";
import "./chunk-3N2GU25X.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import "./chunk-MWPRVN7Q.js";
import "./chunk-4PGWNIJS.js";

// src/entry/cli/drift.ts
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
function driftCommand() {
  return new Command("drift").description("Compare the live clusters with Git and keep one issue per drifting environment.").option("--repo <dir>", "the repository root", ".").option("--config <file>", "plumbline.yaml to use (its folder is the repository root)").option(
    "--env <name...>",
    "only these environments (repeatable); default: every environment with a cluster",
    []
  ).option(
    "--shard <index/count>",
    "check one shard of those environments: 2/4 is the second of four (split by name as plan --shard splits them)",
    shardFlag
  ).option("--reader", "compare with get/list rights only (no server-side-apply dry run)").option("--kubeconfig <path>", "kubeconfig file (default: $KUBECONFIG or ~/.kube/config)").option("--context <name>", "kubeconfig context for every environment (overrides the config's)").option(
    "--chart-cache <dir>",
    "where fetched Helm charts are kept between runs (default: $PLUMBLINE_CHART_CACHE or ~/.cache/plumbline/charts)"
  ).option("--issues", "open, update and close one issue per environment on the forge").option("--no-issues", "only report (the default)").addOption(
    new Option("--forge <forge>", "where issues live (default: gitlab in GitLab CI, else github)").choices(
      FORGE_KINDS
    )
  ).option(
    "--label <name...>",
    "issue labels (repeatable); the first finds the issue again (default: the config's drift.labels)",
    []
  ).option(
    "--after <n>",
    "open an issue after this many consecutive detections (default: the config's drift.after)"
  ).option(
    "--revision-from <source>",
    "where the environment records the commit it runs: annotation:NAME (default annotation:plumbline.dev/revision), argocd:NAMESPACE/APP or flux:NAMESPACE/KUSTOMIZATION"
  ).addOption(
    new Option("--format <format>", "report format").choices(["text", "md", "json"]).default("text")
  ).option("--out <file>", "write the report to a file instead of standard output").addHelpText(
    "after",
    [
      "",
      "Exit codes: 0 no drift, 2 drift found, 1 an error (an environment that could not be checked, or an issue that could not be updated).",
      "",
      "With --issues the forge comes from the environment:",
      "  github  GITHUB_TOKEN (or GH_TOKEN), GITHUB_REPOSITORY (owner/name), GITHUB_API_URL for GitHub Enterprise Server",
      "  gitlab  the CI job variables (CI_API_V4_URL, CI_PROJECT_ID) and the token in PLUMBLINE_GITLAB_TOKEN",
      "          (or the variable PLUMBLINE_GITLAB_TOKEN_VARIABLE names); see docs/gitlab.md",
      "Permissions and ClusterRoles: docs/drift.md."
    ].join("\n")
  ).action(async (flags) => {
    const repoRoot = repositoryRoot(flags);
    const kubeconfigPath = chooseKubeconfig(flags.kubeconfig).path;
    const forge = flags.issues ? forgeFromEnvironment(flags.forge ?? detectForge(process.env), process.env) : void 0;
    const link = runUrl();
    const run = await runDrift({
      repoRoot,
      environments: flags.env,
      ...flags.shard ? { shard: flags.shard } : {},
      mode: flags.reader ? "reader" : "live",
      kubeconfigPath,
      ...flags.chartCache ? { chartCache: resolve(flags.chartCache) } : {},
      ...flags.context ? { context: flags.context } : {},
      forge,
      ...flags.label.length > 0 ? { labels: flags.label } : {},
      ...flags.after === void 0 ? {} : { after: parseAfter(flags.after) },
      ...flags.revisionFrom ? { revisionSource: revisionSource(flags.revisionFrom) } : {},
      runUrl: link,
      log: cliLog()
    });
    const report = flags.format === "json" ? summaryJson(run.environments) : flags.format === "md" ? summaryMarkdown(run.environments) : summaryText(run.environments);
    if (flags.out) {
      await writeFile(flags.out, report);
      printLog(`report written to ${flags.out}`);
    } else {
      printOutput(report, flags.format === "json" ? "json" : "text");
    }
    process.exitCode = driftExitCode(run);
  });
}
function driftExitCode(run) {
  if (run.environments.some((entry) => entry.drift.error !== void 0 || entry.issueError !== void 0))
    return 1;
  return driftedEnvironments(run.environments).length > 0 ? 2 : 0;
}
function repositoryRoot(flags) {
  if (!flags.config) return resolve(flags.repo);
  const config = resolve(flags.config);
  const named = CONFIG_FILES.includes(basename(config));
  if (!named) {
    throw new PlumblineError(
      `--config ${flags.config}: plumbline reads its configuration from plumbline.yaml or plumbline.yml`,
      "Name the file plumbline.yaml, at the root of the repository whose paths it lists."
    );
  }
  if (!existsSync(dirname(config)))
    throw new PlumblineError(`--config ${flags.config}: the folder does not exist`);
  return dirname(config);
}
function parseAfter(text) {
  const after = afterFromText(text);
  if (after === void 0)
    throw new PlumblineError(`--after must be a whole number of at least 1, got '${text}'`);
  return after;
}
function revisionSource(text) {
  try {
    return parseRevisionSource(text);
  } catch (error) {
    throw new PlumblineError(
      `--revision-from: ${error.message}`,
      "For example: flux:flux-system/apps"
    );
  }
}
export {
  driftCommand,
  driftExitCode
};
