#!/usr/bin/env node
import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  cliVocabulary
} from "./chunks/chunk-FJR3CBAD.js";
import {
  Command,
  CommanderError,
  printLog
} from "./chunks/chunk-MYCWCEUN.js";
import {
  package_default
} from "./chunks/chunk-OCUZEIII.js";
import "./chunks/chunk-E7ACZTBR.js";
import "./chunks/chunk-3N2GU25X.js";
import {
  describeError
} from "./chunks/chunk-HOINZ2KI.js";
import "./chunks/chunk-4PGWNIJS.js";

// src/entry/cli/run.ts
async function runCli(program2, argv) {
  program2.exitOverride();
  try {
    await program2.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 1;
      return;
    }
    printLog(describeError(error, cliVocabulary()));
    process.exitCode = 1;
  }
}

// src/entry/cli.ts
var commands = {
  plan: async () => (await import("./chunks/plan-O3DYIBOK.js")).planCommand(),
  merge: async () => (await import("./chunks/merge-ZUAZOKQB.js")).mergeCommand(),
  promote: async () => (await import("./chunks/promote-X42KTCBF.js")).promoteCommand(),
  drift: async () => (await import("./chunks/drift-JPNOORCR.js")).driftCommand(),
  envs: async () => (await import("./chunks/envs-66EIDJHQ.js")).envsCommand()
};
function commandsFor(args) {
  const named = args.find((arg) => !arg.startsWith("-"));
  if (named !== void 0 && Object.hasOwn(commands, named)) return [named];
  if (named === void 0 && args.length > 0 && args.every((arg) => arg === "--version" || arg === "-V"))
    return [];
  return Object.keys(commands);
}
var program = new Command("plumbline").description("GitOps for CI: plan, promote and drift for Kubernetes environments kept in Git.").version(package_default.version).showHelpAfterError();
for (const command of await Promise.all(commandsFor(process.argv.slice(2)).map((name) => commands[name]())))
  program.addCommand(command);
await runCli(program, process.argv);
