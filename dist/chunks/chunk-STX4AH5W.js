import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  parseShard
} from "./chunk-M7YAZSTY.js";
import {
  logTo
} from "./chunk-E7ACZTBR.js";
import {
  require_dist
} from "./chunk-I3R6E5OK.js";
import {
  debug,
  endGroup,
  getInput,
  info,
  setSecret,
  startGroup
} from "./chunk-YGM3RFQ2.js";
import {
  logSafe,
  withoutControls
} from "./chunk-3N2GU25X.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import {
  __toESM
} from "./chunk-4PGWNIJS.js";

// src/entry/github/kubeconfig.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var import_yaml = __toESM(require_dist(), 1);
function kubeconfigInput() {
  const content = getInput("kubeconfig");
  if (content.trim() === "") return "";
  for (const secret of kubeconfigSecrets(content)) setSecret(secret);
  return content;
}
async function withKubeconfig(content, use) {
  if (content.trim() === "") return use(void 0);
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "plumbline-kube-"));
  try {
    const path = join(dir, "config");
    await writeFile(path, content, { mode: 384 });
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function kubeconfigSecrets(text) {
  const secrets = /* @__PURE__ */ new Set([text.trim()]);
  const document = (0, import_yaml.parseDocument)(text);
  if (document.errors.length > 0) {
    const position = document.errors[0]?.linePos?.[0];
    throw new PlumblineError(
      `the kubeconfig input is not valid YAML (line ${position?.line ?? "?"}, column ${position?.col ?? "?"})`,
      "Store the whole kubeconfig file as the secret, e.g. gh secret set KUBECONFIG < kubeconfig.yaml."
    );
  }
  const users = document.get("users");
  if ((0, import_yaml.isSeq)(users)) {
    for (const user of users.items) {
      if (!(0, import_yaml.isMap)(user)) continue;
      collectStrings(user.get("user"), secrets);
    }
  }
  return [...secrets].filter((secret) => secret !== "");
}
function collectStrings(node, into) {
  if (!node) return;
  if ((0, import_yaml.isScalar)(node)) {
    if (typeof node.value === "string" && node.value.length >= 6) {
      for (const line of node.value.split("\n")) if (line.trim().length >= 6) into.add(line.trim());
    }
  } else if ((0, import_yaml.isMap)(node)) {
    for (const pair of node.items) collectStrings(pair.value, into);
  } else if ((0, import_yaml.isSeq)(node)) {
    for (const item of node.items) collectStrings(item, into);
  }
}

// src/entry/github/log.ts
function actionLog() {
  return logTo({
    info: (message) => info(logSafe(withoutControls(message))),
    debug: (message) => debug(logSafe(withoutControls(message))),
    startGroup: (title) => startGroup(logSafe(withoutControls(title))),
    endGroup: () => endGroup()
  });
}

// src/entry/github/shard-input.ts
function shardInput() {
  const text = getInput("shard");
  if (!text) return void 0;
  const shard = parseShard(text);
  if (!shard) {
    throw new PlumblineError(
      `input \`shard\` must be INDEX/COUNT, whole numbers with 1 \u2264 INDEX \u2264 COUNT (2/4 is the second of four shards); got '${text}'`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template
      "In a matrix job: shard: ${{ matrix.shard }}/${{ strategy.job-total }}, with matrix.shard counting from 1."
    );
  }
  return shard;
}

export {
  kubeconfigInput,
  withKubeconfig,
  actionLog,
  shardInput
};
