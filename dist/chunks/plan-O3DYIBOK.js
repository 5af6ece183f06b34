import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  exitCode,
  forgeTarget,
  publishOnForge,
  withPublishOptions,
  writeReport,
  writeResultFile
} from "./chunk-TYIRFN3H.js";
import {
  shardFlag
} from "./chunk-27RALIAV.js";
import "./chunk-UBYA2G2F.js";
import "./chunk-FJR3CBAD.js";
import {
  Command,
  Option,
  cliLog
} from "./chunk-MYCWCEUN.js";
import {
  runPlan
} from "./chunk-RO3YMC33.js";
import "./chunk-6TK5MNZH.js";
import {
  chooseKubeconfig
} from "./chunk-M7YAZSTY.js";
import "./chunk-L3PULLGS.js";
import "./chunk-OCUZEIII.js";
import "./chunk-E7ACZTBR.js";
import "./chunk-LDKLHGTU.js";
import "./chunk-JRAQUMV5.js";
import "./chunk-U6YIBRX6.js";
import "./chunk-I3R6E5OK.js";
import "./chunk-NN2UZPML.js";
import "./chunk-6GOKWEBO.js";
import "./chunk-3N2GU25X.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import "./chunk-MWPRVN7Q.js";
import "./chunk-4PGWNIJS.js";

// src/entry/cli/plan.ts
import { resolve } from "node:path";
function planCommand() {
  return withPublishOptions(
    new Command("plan").description("Show what a change does to each environment: base vs head, and head vs the live cluster.").option("--repo <dir>", "the repository root", ".").option("--env <name...>", "only these environments (repeatable)", []).option(
      "--base <ref>",
      "compare with the merge base of this ref and HEAD (default: origin/HEAD, main, master)"
    ).addOption(
      new Option("--live", "only compare with the live cluster (server-side-apply dry run)").conflicts([
        "offline",
        "reader"
      ])
    ).addOption(
      new Option("--offline", "only compare base and head; no cluster needed").conflicts(["reader"])
    ).option("--reader", "compare with the cluster using get/list rights only (no dry run)").option("--all", "plan every environment, even those no file the change touches can affect").option("--kubeconfig <path>", "kubeconfig file (default: $KUBECONFIG or ~/.kube/config)").option("--context <name>", "kubeconfig context for every environment (overrides the config's)").option(
      "--chart-cache <dir>",
      "where fetched Helm charts are kept between runs (default: $PLUMBLINE_CHART_CACHE or ~/.cache/plumbline/charts)"
    ).addOption(
      new Option("--format <format>", "report format").choices(["md", "json", "text"]).default("text")
    ).option("--out <file>", "write the report to a file instead of standard output").option(
      "--shard <index/count>",
      "plan one shard of the environments: 2/4 is the second of four (a stable split by name; see plumbline merge)",
      shardFlag
    ).option("--result <file>", "also write the plan result file, which plumbline merge reads")
  ).addHelpText(
    "after",
    [
      "",
      "Exit codes: 0 no changes, 2 changes, 1 an error (an environment that could not be compared).",
      "",
      "With --comment or --labels the forge comes from the environment:",
      "  github  GITHUB_TOKEN (or GH_TOKEN), GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (default https://api.github.com)",
      "  gitlab  the CI job variables (CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID) and the token in",
      "          PLUMBLINE_GITLAB_TOKEN (or the variable PLUMBLINE_GITLAB_TOKEN_VARIABLE names)"
    ].join("\n")
  ).action(async (flags) => {
    const mode = flags.live ? "live" : flags.reader ? "reader" : flags.offline ? "offline" : "auto";
    if (flags.shard && (flags.comment || flags.labels)) {
      throw new PlumblineError(
        `--shard ${flags.shard.index}/${flags.shard.count} plans part of the environments, so it cannot post the plan's comment or labels`,
        "Write each shard with --result FILE, and post from plumbline merge --comment FILE\u2026 (docs/fleet.md)."
      );
    }
    const kubeconfig = chooseKubeconfig(flags.kubeconfig);
    const target = flags.comment || flags.labels ? forgeTarget(flags, process.env) : void 0;
    const base = flags.base ?? target?.base;
    const result = await runPlan({
      repoRoot: resolve(flags.repo),
      environments: flags.env,
      mode,
      clusterAvailable: kubeconfig.available,
      ...base ? { base } : {},
      kubeconfigPath: kubeconfig.path,
      ...flags.chartCache ? { chartCache: resolve(flags.chartCache) } : {},
      ...flags.all ? { all: true } : {},
      ...flags.context ? { context: flags.context } : {},
      ...flags.shard ? { shard: flags.shard } : {},
      log: cliLog()
    });
    await writeReport(result, flags.format, flags.out);
    if (flags.result) await writeResultFile(result, flags.result);
    if (target) {
      await publishOnForge(target, result, {
        comment: flags.comment === true,
        perEnvironment: flags.commentPerEnvironment === true,
        selected: flags.env,
        labels: flags.labels === true
      });
    }
    process.exitCode = exitCode(result);
  });
}
export {
  exitCode,
  forgeTarget,
  planCommand
};
