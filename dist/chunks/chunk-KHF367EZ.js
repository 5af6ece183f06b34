import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  getInput,
  setFailed
} from "./chunk-RBNP3CP3.js";
import {
  describeError
} from "./chunk-YKMOXBXI.js";

// src/entry/github/action.ts
var commands = {
  plan: async () => (await import("./plan-ETSS47WG.js")).runPlanAction(),
  promote: async () => (await import("./promote-J265IKSN.js")).runPromoteAction(),
  drift: async () => (await import("./drift-TWC7POPT.js")).runDriftAction()
};
async function runAction(fixed) {
  try {
    const command = fixed ?? getInput("command");
    if (!Object.hasOwn(commands, command)) {
      throw new Error(`input \`command\` must be one of plan, promote, drift; got '${command}'`);
    }
    await commands[command]();
  } catch (error) {
    setFailed(describeError(error));
  }
}

export {
  runAction
};
