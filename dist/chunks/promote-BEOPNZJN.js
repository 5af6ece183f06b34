import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  planTargetChange,
  promote
} from "./chunk-BTONKP2W.js";
import "./chunk-27O2H4DS.js";
import {
  booleanInput,
  choiceInput,
  listInput
} from "./chunk-QYTBP3OO.js";
import {
  context,
  createGitHubForge
} from "./chunk-L5ZE3ZBT.js";
import {
  loadConfig
} from "./chunk-JNWN3DPQ.js";
import {
  debug,
  getInput,
  info,
  setOutput,
  warning
} from "./chunk-RBNP3CP3.js";
import "./chunk-2LCWMAMU.js";
import {
  logSafe
} from "./chunk-YRCAMOFP.js";
import {
  PlumblineError
} from "./chunk-YKMOXBXI.js";

// src/entry/github/promote.ts
async function runPromoteAction() {
  const repoRoot = getInput("path") || process.env.GITHUB_WORKSPACE || process.cwd();
  const payloadBase = context.payload.repository?.default_branch;
  const base = getInput("base") || payloadBase;
  const images = listInput("images");
  const labels = listInput("labels");
  const via = choiceInput("via", ["pull-request", "commit"]);
  const group = choiceInput("group", ["environment", "image"]);
  const config = await loadConfig(repoRoot);
  const options = {
    repoRoot,
    config,
    to: getInput("to", { required: true }),
    dryRun: booleanInput("dry-run", false),
    ...getInput("from") && { from: getInput("from") },
    ...getInput("image") && { image: getInput("image") },
    ...getInput("tag") && { tag: getInput("tag") },
    ...getInput("digest") && { digest: getInput("digest") },
    ...via && { via },
    ...group && { group },
    ...images.length > 0 && { images },
    ...labels.length > 0 && { labels },
    ...booleanInput("allow-downgrade", false) && { allowDowngrade: true },
    ...base && { base },
    // The identity GitHub shows for workflow commits, used only when git has none configured.
    author: { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" }
  };
  const token = getInput("github-token");
  const { owner, repo } = context.repo;
  const forge = token ? createGitHubForge({
    token,
    owner,
    repo,
    apiUrl: context.apiUrl,
    logger: { warning, debug }
  }) : void 0;
  const result = await promote(options, {
    ...forge ? { forge } : {
      missingForge: new PlumblineError(
        "the input github-token is empty",
        "Leave github-token at its default (github.token) or give a token with contents: write and pull-requests: write."
      )
    },
    describeTargetChange: planTargetChange(config),
    log: (line) => info(logSafe(line))
  });
  for (const warning2 of result.warnings) warning(warning2);
  const request = result.changes.find((change) => change.changeRequest)?.changeRequest;
  setOutput("promoted", JSON.stringify(result.promoted));
  setOutput("status", result.status);
  setOutput("pull-request-number", request ? String(request.number) : "");
  setOutput("pull-request-url", request?.url ?? "");
  setOutput(
    "pull-requests",
    JSON.stringify(
      result.changes.flatMap(
        (change) => change.changeRequest ? [{ branch: change.branch, ...change.changeRequest }] : []
      )
    )
  );
}
export {
  runPromoteAction
};
