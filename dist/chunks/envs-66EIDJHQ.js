import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  Command,
  printOutput
} from "./chunk-MYCWCEUN.js";
import "./chunk-E7ACZTBR.js";
import {
  loadCheckoutConfig
} from "./chunk-I3R6E5OK.js";
import "./chunk-NN2UZPML.js";
import "./chunk-6GOKWEBO.js";
import "./chunk-3N2GU25X.js";
import "./chunk-HOINZ2KI.js";
import "./chunk-4PGWNIJS.js";

// src/entry/cli/envs.ts
import { resolve } from "node:path";
function envsCommand() {
  return new Command("envs").description("List the repository's environments (for a CI matrix: plumbline envs --json).").option("--repo <dir>", "the repository root", ".").option("--json", "print a JSON array of {name, path, renderer, cluster?}").option("--with-cluster", "only environments with a cluster (those drift checks)").action(async (flags) => {
    const config = await loadCheckoutConfig(resolve(flags.repo));
    const listed = config.environments.filter((env) => !flags.withCluster || env.cluster !== void 0).map((env) => ({
      name: env.name,
      path: env.path,
      renderer: env.renderer,
      ...env.cluster ? { cluster: { ...env.cluster } } : {}
    }));
    if (flags.json) {
      printOutput(JSON.stringify(listed), "json");
      return;
    }
    for (const env of listed) {
      const cluster = env.cluster ? `  cluster ${env.cluster.context ?? "(current context)"}` : "";
      printOutput(`${env.name}  ${env.path}  ${env.renderer}${cluster}`, "text");
    }
  });
}
export {
  envsCommand
};
