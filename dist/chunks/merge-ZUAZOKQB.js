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
import "./chunk-UBYA2G2F.js";
import "./chunk-FJR3CBAD.js";
import {
  Command,
  Option,
  printLog
} from "./chunk-MYCWCEUN.js";
import {
  MissingShardsError,
  mergePlanResults
} from "./chunk-RRNXZMIM.js";
import {
  parsePlanResultFile
} from "./chunk-6TK5MNZH.js";
import "./chunk-L3PULLGS.js";
import "./chunk-OCUZEIII.js";
import "./chunk-E7ACZTBR.js";
import "./chunk-LDKLHGTU.js";
import "./chunk-U6YIBRX6.js";
import "./chunk-NN2UZPML.js";
import "./chunk-6GOKWEBO.js";
import "./chunk-3N2GU25X.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import "./chunk-MWPRVN7Q.js";
import "./chunk-4PGWNIJS.js";

// src/entry/cli/merge.ts
import { readFile } from "node:fs/promises";
function mergeCommand() {
  return withPublishOptions(
    new Command("merge").description(
      "Merge the plan result files of a fleet's shards (plan --shard I/N --result FILE) into one plan: one report, one comment."
    ).argument("<results...>", "the plan result files of every shard").option(
      "--partial",
      "merge the shards there are when some are missing; the plan names those it lacks, and exits 1"
    ).addOption(
      new Option("--format <format>", "report format").choices(["md", "json", "text"]).default("text")
    ).option("--out <file>", "write the report to a file instead of standard output").option("--result <file>", "also write the merged plan result file")
  ).addHelpText(
    "after",
    [
      "",
      "Refused: files of different head or base commits, an environment in two files, a shard given twice,",
      "a file cut short, changed or of another format, and a missing shard (unless --partial).",
      "",
      "Exit codes, as plan: 0 no changes, 2 changes, 1 an error (an environment that could not be compared,",
      "a shard missing, a file refused). --comment, --labels and the forge variables are those of plan.",
      "The workflows: docs/fleet.md."
    ].join("\n")
  ).action(async (files, flags) => {
    const target = flags.comment || flags.labels ? forgeTarget(flags, process.env) : void 0;
    const plans = await Promise.all(
      files.map(async (file) => ({ name: file, result: parsePlanResultFile(await readText(file), file) }))
    );
    const result = merged(plans, flags.partial === true);
    const missing = result.missingShards ?? [];
    if (missing.length > 0) {
      printLog(
        `a partial plan: shard${missing.length === 1 ? "" : "s"} ${missing.join(", ")} of ${plans[0]?.result.shard?.count} missing`
      );
    }
    await writeReport(result, flags.format, flags.out);
    if (flags.result) await writeResultFile(result, flags.result);
    if (target) {
      await publishOnForge(target, result, {
        comment: flags.comment === true,
        perEnvironment: flags.commentPerEnvironment === true,
        labels: flags.labels === true
      });
    }
    process.exitCode = exitCode(result);
  });
}
function merged(plans, partial) {
  try {
    return mergePlanResults(plans, { partial });
  } catch (error) {
    if (error instanceof MissingShardsError) {
      throw new PlumblineError(
        error.message,
        "Pass every shard's result file; to merge the others anyway, pass --partial (the plan then names the missing shards)."
      );
    }
    throw error;
  }
}
async function readText(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new PlumblineError(
      code === "ENOENT" ? `${file} does not exist` : `${file} cannot be read (${code ?? "error"})`,
      "Download every shard's result file before merging (a shard that failed uploads none)."
    );
  }
}
export {
  mergeCommand
};
