import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  detectForge,
  forgeFromEnvironment,
  gitLabCiContext
} from "./chunk-6V6GMSU6.js";
import {
  cliVocabulary,
  package_default
} from "./chunk-GMLRUE3E.js";
import {
  printLog,
  printOutput
} from "./chunk-RXRAGJZY.js";
import {
  PLAN_LABELS,
  publishPlan,
  renderJson
} from "./chunk-3KZBWZB2.js";
import {
  renderMarkdown
} from "./chunk-FAJYTC3R.js";
import {
  CHANGE_SYMBOLS,
  ForgeError,
  RISK_LABELS,
  configChangeNotice,
  describeComparedWith,
  describeCounts,
  describeMissingShards,
  describeNotice,
  describeRef,
  describeRendered,
  describeUnaffected,
  diffBody,
  displayName,
  hasChanges,
  headlineResults,
  listedChanges,
  plural,
  redactResult,
  riskCount,
  secretValueChanges
} from "./chunk-CQ7XBBFT.js";
import {
  NO_OPTIONS,
  PlumblineError,
  describeProblem
} from "./chunk-JRIHJ5V4.js";

// src/commands/plan-result-file.ts
import { createHash } from "node:crypto";
var PLAN_RESULT_FORMAT = 1;
function planResultFileText(result, version) {
  const compact = JSON.stringify(result);
  const file = {
    plumblinePlanResult: PLAN_RESULT_FORMAT,
    plumbline: version,
    sha256: digest(compact),
    result: JSON.parse(compact)
  };
  return `${JSON.stringify(file, null, 2)}
`;
}
function parsePlanResultFile(text, name) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw notJson(name, text, error);
  }
  if (!isRecord(data) || !("plumblinePlanResult" in data)) {
    const report = isRecord(data) && "schemaVersion" in data;
    throw new PlumblineError(
      report ? `${name} is a plan report, which holds words rather than the facts a merge needs` : `${name} is not a plan result file`,
      "Merge the plan result files the shards wrote, not their reports."
    );
  }
  const writer = typeof data.plumbline === "string" ? ` by plumbline ${data.plumbline}` : "";
  if (data.plumblinePlanResult !== PLAN_RESULT_FORMAT) {
    throw new PlumblineError(
      `${name} was written${writer} in plan result format ${String(data.plumblinePlanResult)}; this plumbline reads format ${PLAN_RESULT_FORMAT}`,
      "Run the plans and their merge with the same plumbline version."
    );
  }
  if (typeof data.sha256 !== "string" || !("result" in data)) {
    throw new PlumblineError(`${name} is not a complete plan result file: it lacks its digest or its result`);
  }
  if (digest(JSON.stringify(data.result)) !== data.sha256) {
    throw new PlumblineError(
      `${name} does not match its digest: it was changed or damaged after plumbline wrote it`,
      "Use the file as the plan wrote it (an artifact upload and download keeps it intact)."
    );
  }
  try {
    return planResult(data.result, "result");
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new PlumblineError(
      `${name} is not a plan result this plumbline can read: ${error.message}`,
      `Run the plans and their merge with the same plumbline version${writer ? ` (this file was written${writer})` : ""}.`
    );
  }
}
function digest(text) {
  return createHash("sha256").update(text).digest("hex");
}
function notJson(name, text, error) {
  const message = error instanceof Error ? error.message : "";
  const at = /position (\d+)/.exec(message)?.[1];
  const position = at === void 0 ? void 0 : Number(at);
  const truncated = /end of JSON|Unterminated/i.test(message) || position !== void 0 && position >= text.trimEnd().length;
  return new PlumblineError(
    truncated ? `${name} is cut short: its JSON ends before the plan result does` : `${name} is not valid JSON${position === void 0 ? "" : ` (at character ${position})`}`,
    "A shard that failed or an upload that was interrupted leaves such a file; run that shard again."
  );
}
var ShapeError = class extends Error {
};
function fail(path, expected) {
  throw new ShapeError(`${path} should be ${expected}`);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var string = (value, path) => typeof value === "string" ? value : fail(path, "a string");
var count = (value, path) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : fail(path, "a whole number");
var index = (value, path) => count(value, path) >= 1 ? value : fail(path, "\u2265 1");
var boolean = (value, path) => typeof value === "boolean" ? value : fail(path, "true or false");
function optional(check) {
  return { optional: check };
}
function oneOf(words) {
  const choices = Object.keys(words);
  return (value, path) => typeof value === "string" && Object.hasOwn(words, value) ? value : fail(path, `one of ${choices.join(", ")}`);
}
function array(check) {
  return (value, path) => Array.isArray(value) ? value.map((item, position) => check(item, `${path}[${position}]`)) : fail(path, "a list");
}
function object(fields) {
  const known = fields;
  return (value, path) => {
    if (!isRecord(value)) return fail(path, "an object");
    const read = {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(known, key)) throw new ShapeError(`${path}.${key} is not a field plumbline knows`);
    }
    for (const [key, field] of Object.entries(known)) {
      const inner = value[key];
      if (typeof field === "function") read[key] = field(inner, `${path}.${key}`);
      else if (inner !== void 0) read[key] = field.optional(inner, `${path}.${key}`);
    }
    return read;
  };
}
function byKind(shapes) {
  const known = shapes;
  return (value, path) => {
    const kind = isRecord(value) ? value.kind : void 0;
    if (typeof kind !== "string" || !Object.hasOwn(known, kind))
      return fail(`${path}.kind`, `one of ${Object.keys(known).join(", ")}`);
    return known[kind](value, path);
  };
}
var literal = (kind) => (value, path) => value === kind ? kind : fail(path, kind);
var counts = object({
  added: count,
  changed: count,
  deleted: count,
  unchanged: count
});
var change = object({
  key: string,
  id: object({
    group: string,
    version: string,
    kind: string,
    namespace: optional(string),
    name: string
  }),
  change: oneOf({ added: true, changed: true, deleted: true, unchanged: true }),
  diff: string,
  fields: array(string),
  risks: array(
    object({
      kind: oneOf({
        deletion: true,
        "namespace-deletion": true,
        "immutable-field": true,
        "pvc-shrink": true
      }),
      message: string
    })
  ),
  notes: array(string),
  images: optional(
    array(
      object({
        container: string,
        init: optional(boolean),
        from: optional(string),
        to: optional(string)
      })
    )
  )
});
var rendered = object({
  charts: array(
    object({
      repository: string,
      name: string,
      version: string,
      digest: string,
      manifestDigest: optional(string),
      dependencyOf: optional(string)
    })
  ),
  capabilities: optional(
    object({
      from: oneOf({ cluster: true, configuration: true, helm: true }),
      kubeVersion: optional(string),
      apiVersions: count
    })
  ),
  helmVersion: optional(string)
});
var environment = object({
  environment: string,
  mode: oneOf({ offline: true, live: true, reader: true }),
  comparedWith: byKind({
    base: object({ kind: literal("base"), ref: string, sha: string }),
    cluster: object({ kind: literal("cluster"), context: optional(string) }),
    "no-cluster": object({ kind: literal("no-cluster") })
  }),
  counts,
  changes: array(change),
  error: optional(
    object({
      message: string,
      hint: optional(string),
      remedy: optional(
        oneOf({
          offline: true,
          live: true,
          reader: true,
          context: true,
          base: true,
          from: true,
          image: true,
          "tag-or-digest": true,
          "via-commit": true,
          "allow-downgrade": true,
          "revision-from": true
        })
      )
    })
  ),
  notice: optional(
    byKind({
      "no-credentials": object({ kind: literal("no-credentials") }),
      fork: object({ kind: literal("fork") }),
      "no-cluster": object({ kind: literal("no-cluster") }),
      "deletions-unseen": object({ kind: literal("deletions-unseen"), kinds: array(string) })
    })
  ),
  rendered: optional(
    object({ head: optional(rendered), base: optional(rendered) })
  )
});
var revision = object({ ref: string, sha: string });
var shard = (value, path) => {
  const read = object({ index, count: index })(value, path);
  return read.index <= read.count ? read : fail(`${path}.index`, `at most its count, ${read.count}`);
};
var planResult = object({
  environments: array(environment),
  config: optional(
    object({
      from: oneOf({ base: true, head: true }),
      file: optional(string),
      headChange: optional(
        oneOf({ added: true, changed: true, removed: true })
      )
    })
  ),
  base: optional(revision),
  head: optional(revision),
  unaffected: optional(array(string)),
  shard: optional(shard),
  missingShards: optional(array(index))
});

// src/entry/cli/plan-output.ts
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";

// src/report/text.ts
var ESC = "\x1B[";
var STYLES = { bold: "1", dim: "2", red: "31", green: "32", yellow: "33", cyan: "36" };
function renderText(result, options) {
  const paint = (style, text) => options.color ? `${ESC}${STYLES[style]}m${text}${ESC}0m` : text;
  const redacted = redactResult(result);
  const lines = [];
  if (redacted.head && redacted.base) {
    lines.push(
      paint("bold", `plumbline plan: ${describeRef(redacted.head)} against ${describeRef(redacted.base)}`),
      ""
    );
  }
  const configNotice = configChangeNotice(redacted.config);
  if (configNotice) lines.push(`${paint("yellow", "config:")} ${plain(configNotice)}`, "");
  if (redacted.missingShards?.length) {
    lines.push(`${paint("yellow", "partial:")} ${plain(describeMissingShards(redacted.missingShards))}`, "");
  }
  for (const env of redacted.environments) {
    lines.push(...environmentLines(env, paint, options.vocabulary ?? NO_OPTIONS), "");
  }
  if (redacted.unaffected?.length) {
    lines.push(`${paint("cyan", "left out:")} ${plainLine(describeUnaffected(redacted.unaffected))}`, "");
  }
  lines.push(summaryLine(redacted, paint));
  return `${lines.join("\n")}
`;
}
function environmentLines(env, paint, vocabulary) {
  const lines = [
    paint(
      "bold",
      `${plainLine(env.environment)} (${env.mode}, compared with ${plainLine(describeComparedWith(env.comparedWith))})`
    )
  ];
  if (env.notice) {
    const notice = describeNotice(env.environment, env.notice, vocabulary);
    lines.push(`  ${paint("cyan", "notice:")} ${indentRest(plain(notice), "  ")}`);
  }
  for (const sentence of describeRendered(env.rendered)) {
    lines.push(`  ${paint("cyan", "rendered:")} ${plainLine(sentence)}`);
  }
  if (env.error !== void 0) {
    const error = describeProblem(env.error, vocabulary);
    lines.push(`  ${paint("red", "error: could not be compared:")} ${indentRest(plain(error), "  ")}`);
    return lines;
  }
  for (const change2 of listedChanges(env)) lines.push(...objectLines(change2, paint));
  lines.push(`  ${describeCounts(env.counts)}`);
  return lines;
}
function objectLines(change2, paint) {
  const color = change2.change === "added" ? "green" : change2.change === "deleted" ? "red" : "yellow";
  const lines = [
    `  ${paint(color, CHANGE_SYMBOLS[change2.change])} ${paint("bold", plainLine(displayName(change2.id)))}`
  ];
  const indent = "      ";
  for (const risk of change2.risks) {
    lines.push(
      `${indent}${paint("red", `! ${RISK_LABELS[risk.kind].one}:`)} ${indentRest(plain(risk.message), indent)}`
    );
  }
  for (const note of change2.notes)
    lines.push(`${indent}${paint("dim", `note: ${indentRest(plain(note), indent)}`)}`);
  for (const key of secretValueChanges(change2))
    lines.push(`${indent}${plainLine(key)}: (secret value changed)`);
  const body = diffBody(change2.diff);
  if (body.trim() !== "") {
    for (const line of body.split("\n")) lines.push(indent + diffLine(plain(line), paint));
  }
  return lines;
}
function diffLine(line, paint) {
  if (line.startsWith("@@")) return paint("cyan", line);
  if (line.startsWith("+")) return paint("green", line);
  if (line.startsWith("-")) return paint("red", line);
  return line;
}
function summaryLine(result, paint) {
  const failed = result.environments.filter((env) => env.error !== void 0).length;
  const failure = failed > 0 ? paint("red", ` ${plural(failed, "environment")} could not be compared.`) : "";
  if (!hasChanges(result) && result.missingShards?.length) {
    return `${paint("bold", "No changes")} in the shards that were planned.${failure}`;
  }
  if (!hasChanges(result)) {
    return `${paint("bold", "No changes.")}${failed > 0 ? " (in the environments that could be compared)" : " Every environment matches what it was compared with."}${failure}`;
  }
  const totals = { added: 0, changed: 0, deleted: 0 };
  const headline = headlineResults(result);
  for (const env of headline) {
    totals.added += env.counts.added;
    totals.changed += env.counts.changed;
    totals.deleted += env.counts.deleted;
  }
  const risks = riskCount(result);
  const riskText = risks > 0 ? paint("red", ` ${plural(risks, "risk")} to review.`) : "";
  const counted = headline.filter((env) => env.error === void 0).length;
  return `${paint("bold", "Plan:")} ${totals.added} to add, ${totals.changed} to change, ${totals.deleted} to delete across ${plural(counted, "environment")}.${riskText}${failure}`;
}
function plain(text) {
  let out = "";
  for (const char of text) {
    const point = char.codePointAt(0);
    out += point < 32 && char !== "\n" && char !== "	" || point === 127 ? `\\x${point.toString(16).padStart(2, "0")}` : char;
  }
  return out;
}
function plainLine(text) {
  return plain(text).replaceAll("\n", "\\n");
}
function indentRest(text, indent) {
  return text.replaceAll("\n", `
${indent}`);
}

// src/entry/cli/plan-output.ts
function formatReport(result, as, color) {
  switch (as) {
    case "md":
      return renderMarkdown(result, { vocabulary: cliVocabulary() });
    case "json":
      return renderJson(result, cliVocabulary());
    case "text":
      return renderText(result, { color, vocabulary: cliVocabulary() });
  }
}
async function writeReport(result, format, out) {
  const report = formatReport(result, format, !out && process.stdout.isTTY === true);
  if (out) {
    await writeFile(out, report);
    printLog(`report written to ${out}`);
  } else {
    printOutput(report, format === "json" ? "json" : "text");
  }
}
async function writeResultFile(result, path) {
  await writeFile(path, planResultFileText(result, package_default.version));
  printLog(`plan result written to ${path}`);
}
function forgeTarget(flags, env) {
  const kind = flags.forge ?? detectForge(env);
  const forge = forgeFromEnvironment(kind, env);
  if (kind === "gitlab") {
    const mergeRequest = gitLabCiContext(env).mergeRequest;
    const number2 = flags.pr ?? mergeRequest?.iid;
    if (number2 === void 0) throw missingNumber("merge request", "CI_MERGE_REQUEST_IID is not set");
    const base = mergeRequest?.diffBaseSha;
    return { forge, number: number2, base };
  }
  const number = flags.pr ?? pullRequestNumberOfEvent(env.GITHUB_EVENT_PATH);
  if (number === void 0)
    throw missingNumber("pull request", "--pr was not given and this is not a pull request event");
  return { forge, number };
}
async function publishOnForge(target, result, options) {
  const thread = { kind: "change-request", number: target.number };
  const unknown = (result.missingShards?.length ?? 0) > 0 && !hasChanges(result);
  try {
    const published = await publishPlan(target.forge, thread, result, {
      ...options,
      labels: options.labels && !unknown,
      vocabulary: cliVocabulary()
    });
    for (const { key, sync } of published.comments) {
      printLog(`plan comment ${key}: ${sync.urls.join(" ")}`);
    }
    if (options.labels && unknown) {
      for (const label of Object.values(PLAN_LABELS)) await target.forge.removeLabel(thread, label);
    }
  } catch (error) {
    if (error instanceof ForgeError) throw new PlumblineError(error.message, error.hint, { cause: error });
    throw error;
  }
}
function pullRequestNumberOfEvent(eventPath) {
  if (!eventPath || !existsSync(eventPath)) return void 0;
  const event = JSON.parse(readFileSync(eventPath, "utf8"));
  const number = event.pull_request?.number;
  return typeof number === "number" ? number : void 0;
}
function missingNumber(what, why) {
  return new PlumblineError(`no ${what} to comment on: ${why}`, `Pass --pr NUMBER.`);
}
function positiveInteger(value, flag) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new PlumblineError(`${flag} must be a pull/merge request number; got '${value}'`);
  }
  return number;
}
function exitCode(result) {
  if (result.environments.some((env) => env.error)) return 1;
  if ((result.missingShards?.length ?? 0) > 0) return 1;
  return hasChanges(result) ? 2 : 0;
}

export {
  parsePlanResultFile,
  writeReport,
  writeResultFile,
  forgeTarget,
  publishOnForge,
  positiveInteger,
  exitCode
};
