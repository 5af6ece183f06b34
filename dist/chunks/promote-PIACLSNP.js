import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  planTargetChange,
  promote
} from "./chunk-NLEQ4EXS.js";
import {
  booleanInput,
  choiceInput,
  listInput,
  repositoryRoot
} from "./chunk-CTX3AIP6.js";
import "./chunk-LDKLHGTU.js";
import "./chunk-JRAQUMV5.js";
import {
  context,
  gitHubForge
} from "./chunk-U6YIBRX6.js";
import {
  loadCheckoutConfig
} from "./chunk-I3R6E5OK.js";
import "./chunk-NN2UZPML.js";
import {
  debug,
  getInput,
  info,
  setOutput,
  warning
} from "./chunk-YGM3RFQ2.js";
import "./chunk-6GOKWEBO.js";
import {
  logSafe
} from "./chunk-3N2GU25X.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import "./chunk-MWPRVN7Q.js";
import "./chunk-4PGWNIJS.js";

// src/entry/github/promote-settings.ts
import { join, resolve } from "node:path";
function readPromoteSettings() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const payloadBase = context.payload.repository?.default_branch;
  const settings = {
    repoRoot: promoteRoot(workspace, getInput("config"), getInput("path")),
    to: getInput("to", { required: true }),
    images: listInput("images"),
    labels: listInput("labels"),
    allowDowngrade: booleanInput("allow-downgrade", false),
    dryRun: booleanInput("dry-run", false),
    token: getInput("github-token")
  };
  const optional = {
    from: getInput("from"),
    image: getInput("image"),
    tag: getInput("tag"),
    digest: getInput("digest"),
    base: getInput("base") || payloadBase || ""
  };
  for (const [name, value] of Object.entries(optional))
    if (value) settings[name] = value;
  const via = choiceInput("via", ["pull-request", "commit"]);
  if (via) settings.via = via;
  const group = choiceInput("group", ["environment", "image"]);
  if (group) settings.group = group;
  return settings;
}
function promoteRoot(workspace, config, path) {
  if (config && path) {
    throw new PlumblineError(
      "inputs `config` and `path` are both set",
      "Keep `config` (the configuration file, as in the plan and drift actions); `path` is deprecated."
    );
  }
  if (!path) return repositoryRoot(workspace, config);
  warning(
    `input \`path\` is deprecated; use \`config: ${join(path, "plumbline.yaml")}\`, as the plan and drift actions do.`
  );
  return resolve(workspace, path);
}

// src/entry/github/promote.ts
async function runPromoteAction() {
  const settings = readPromoteSettings();
  const { repoRoot, token, ...chosen } = settings;
  const config = await loadCheckoutConfig(repoRoot);
  const options = {
    repoRoot,
    config,
    to: chosen.to,
    dryRun: chosen.dryRun,
    from: chosen.from,
    image: chosen.image,
    tag: chosen.tag,
    digest: chosen.digest,
    via: chosen.via,
    group: chosen.group,
    ...chosen.images.length > 0 && { images: chosen.images },
    ...chosen.labels.length > 0 && { labels: chosen.labels },
    ...chosen.allowDowngrade && { allowDowngrade: true },
    base: chosen.base,
    // The identity GitHub shows for workflow commits, used only when git has none configured.
    author: { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" }
  };
  const forge = token ? gitHubForge({
    token,
    repository: `${context.repo.owner}/${context.repo.repo}`,
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
