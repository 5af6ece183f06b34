import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  FORGE_KINDS,
  detectForge,
  forgeFromEnvironment,
  gitLabCiContext
} from "./chunk-UBYA2G2F.js";
import {
  cliVocabulary
} from "./chunk-FJR3CBAD.js";
import {
  Option,
  printLog,
  printOutput
} from "./chunk-MYCWCEUN.js";
import {
  planResultFileText,
  publishPlan,
  renderJson
} from "./chunk-6TK5MNZH.js";
import {
  package_default
} from "./chunk-OCUZEIII.js";
import {
  renderMarkdown
} from "./chunk-LDKLHGTU.js";
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
  hasChanges,
  headlineResults,
  listedChanges,
  plural,
  redactResult,
  riskCount,
  secretValueChanges
} from "./chunk-U6YIBRX6.js";
import {
  displayName
} from "./chunk-NN2UZPML.js";
import {
  NO_OPTIONS,
  PlumblineError,
  describeProblem
} from "./chunk-HOINZ2KI.js";

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
  for (const change of listedChanges(env)) lines.push(...objectLines(change, paint));
  lines.push(`  ${describeCounts(env.counts)}`);
  return lines;
}
function objectLines(change, paint) {
  const color = change.change === "added" ? "green" : change.change === "deleted" ? "red" : "yellow";
  const lines = [
    `  ${paint(color, CHANGE_SYMBOLS[change.change])} ${paint("bold", plainLine(displayName(change.id)))}`
  ];
  const indent = "      ";
  for (const risk of change.risks) {
    lines.push(
      `${indent}${paint("red", `! ${RISK_LABELS[risk.kind].one}:`)} ${indentRest(plain(risk.message), indent)}`
    );
  }
  for (const note of change.notes)
    lines.push(`${indent}${paint("dim", `note: ${indentRest(plain(note), indent)}`)}`);
  for (const key of secretValueChanges(change))
    lines.push(`${indent}${plainLine(key)}: (secret value changed)`);
  const body = diffBody(change.diff);
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
function withPublishOptions(command) {
  return command.option("--comment", "also post the plan as the sticky comment of a pull/merge request (see --forge)").option("--comment-per-environment", "with --comment: one comment per environment instead of one").option("--labels", "label the pull/merge request plumbline:changes or plumbline:no-changes").addOption(
    new Option("--forge <forge>", "where to comment (default: the CI the command runs in)").choices(
      FORGE_KINDS
    )
  ).option(
    "--pr <number>",
    "the pull/merge request to comment on (default: the one the CI run is for)",
    (value) => positiveInteger(value, "--pr")
  );
}
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
  try {
    const published = await publishPlan(target.forge, thread, result, {
      ...options,
      vocabulary: cliVocabulary()
    });
    for (const { key, sync } of published.comments) {
      printLog(`plan comment ${key}: ${sync.urls.join(" ")}`);
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
  withPublishOptions,
  writeReport,
  writeResultFile,
  forgeTarget,
  publishOnForge,
  exitCode
};
