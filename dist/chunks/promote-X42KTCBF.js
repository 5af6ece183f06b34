import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  FORGE_KINDS,
  branchFromEnvironment,
  detectForge,
  forgeFromEnvironment,
  gitHubRepositoryOfRemote
} from "./chunk-UBYA2G2F.js";
import {
  Command,
  Option,
  printLog,
  printOutput
} from "./chunk-MYCWCEUN.js";
import "./chunk-E7ACZTBR.js";
import {
  planTargetChange,
  plumblineAuthor,
  promote
} from "./chunk-NLEQ4EXS.js";
import "./chunk-LDKLHGTU.js";
import "./chunk-JRAQUMV5.js";
import "./chunk-U6YIBRX6.js";
import {
  loadCheckoutConfig,
  runGit
} from "./chunk-I3R6E5OK.js";
import "./chunk-NN2UZPML.js";
import "./chunk-6GOKWEBO.js";
import "./chunk-3N2GU25X.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import "./chunk-MWPRVN7Q.js";
import "./chunk-4PGWNIJS.js";

// src/entry/cli/promote.ts
import { resolve } from "node:path";
function promoteCommand() {
  return new Command("promote").description(
    "Carry image tags into an environment's folder from the environment before it (or from explicit inputs), changing only those values, through a pull request or a direct commit."
  ).requiredOption("--to <env>", "the environment to promote into").addOption(
    new Option(
      "--from <env>",
      "promote what runs in this environment (default: the target's promote.from)"
    ).conflicts(["image"])
  ).option("--image <name>", "promote this image instead (with --tag and/or --digest)").option("--tag <tag>", "the tag to promote; `1.2.3@sha256:\u2026` stays pinned").option("--digest <digest>", "the digest to promote, e.g. sha256:\u2026").addOption(
    new Option("--via <how>", "how the change lands (default: the target's promote.via)").choices([
      "pull-request",
      "commit"
    ])
  ).addOption(
    new Option(
      "--group <by>",
      "one change for the environment, or one per image (default: the target's promote.group, else environment)"
    ).choices(["environment", "image"])
  ).addOption(
    new Option(
      "--forge <forge>",
      "where pull/merge requests go (default: gitlab in GitLab CI, else github)"
    ).choices(FORGE_KINDS)
  ).option("--only <image...>", "promote only these images (default: the target's promote.images)").option("--allow-downgrade", "allow a lower semantic version than the target runs").option("--dry-run", "show what would change; write and push nothing (exit code 2 when something would)").option("--repo <dir>", "the repository (a clone with the remote)", ".").option(
    "--base <branch>",
    "the branch the environments live on (default: the CI run's branch, else the checked-out one)"
  ).option("--remote <name>", "the git remote to push to", "origin").option("--label <name...>", "labels for the pull request (default: plumbline, promote)").option("--json", "print the result as JSON on standard output").addHelpText(
    "after",
    [
      "",
      "Pull/merge requests need the forge from the environment:",
      "  github  GITHUB_TOKEN, GITHUB_REPOSITORY (or a github.com remote), GITHUB_API_URL for GitHub Enterprise",
      "  gitlab  the CI job variables (CI_API_V4_URL, CI_PROJECT_ID) and the token in PLUMBLINE_GITLAB_TOKEN",
      "          (or the variable PLUMBLINE_GITLAB_TOKEN_VARIABLE names)",
      "Commits use git's user.name and user.email; without them, the GitLab CI user who ran the",
      "pipeline (GITLAB_USER_NAME, GITLAB_USER_EMAIL), else plumbline <plumbline@users.noreply.invalid>.",
      "Exit codes: 0 promoted or nothing to promote, 1 an error (nothing was written).",
      "  With --dry-run: 0 nothing to promote, 2 something would change, 1 an error."
    ].join("\n")
  ).action(async (flags) => {
    const repoRoot = resolve(flags.repo);
    const kind = flags.forge ?? detectForge(process.env);
    const base = flags.base ?? branchFromEnvironment(kind, process.env);
    const config = await loadCheckoutConfig(repoRoot);
    const options = {
      repoRoot,
      config,
      to: flags.to,
      remote: flags.remote,
      group: flags.group,
      ...flags.from && { from: flags.from },
      image: flags.image,
      tag: flags.tag,
      digest: flags.digest,
      via: flags.via,
      images: flags.only,
      allowDowngrade: flags.allowDowngrade,
      dryRun: flags.dryRun,
      ...base && { base },
      labels: flags.label,
      author: commitAuthor(process.env)
    };
    const result = await promote(options, {
      ...await forgeFor(kind, repoRoot, flags.remote),
      describeTargetChange: planTargetChange(config),
      log: printLog
    });
    if (flags.json) printOutput(JSON.stringify(output(result), null, 2), "json");
    process.exitCode = promoteExitCode(result);
  });
}
function promoteExitCode(result) {
  return result.status === "dry-run" && result.changes.length > 0 ? 2 : 0;
}
function commitAuthor(env) {
  const name = env.GITLAB_USER_NAME?.trim();
  const email = env.GITLAB_USER_EMAIL?.trim();
  return name && email ? { name, email } : plumblineAuthor;
}
function output(result) {
  return {
    status: result.status,
    promoted: result.promoted,
    // The field keeps the name scripts already read, `pullRequest`, for a merge request too.
    changes: result.changes.map(({ promoted: _promoted, changeRequest, ...change }) => ({
      ...change,
      pullRequest: changeRequest
    })),
    notes: result.notes,
    warnings: result.warnings
  };
}
async function forgeFor(kind, repoRoot, remote) {
  let repository;
  if (kind === "github" && !process.env.GITHUB_REPOSITORY) {
    const url = (await runGit(repoRoot, ["remote", "get-url", remote], { allowFailure: true })).stdout;
    repository = gitHubRepositoryOfRemote(url);
  }
  try {
    return { forge: forgeFromEnvironment(kind, process.env, repository ? { repository } : {}) };
  } catch (error) {
    if (error instanceof PlumblineError) return { missingForge: error };
    throw error;
  }
}
export {
  commitAuthor,
  promoteCommand,
  promoteExitCode
};
