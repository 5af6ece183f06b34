import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  ACTION_VOCABULARY
} from "./chunk-RVSZAHFT.js";
import {
  getInput,
  setFailed
} from "./chunk-YGM3RFQ2.js";
import {
  describeError
} from "./chunk-HOINZ2KI.js";

// src/entry/github/action.ts
var commands = {
  plan: async () => (await import("./plan-VUWDEFS7.js")).runPlanAction(),
  promote: async () => (await import("./promote-PIACLSNP.js")).runPromoteAction(),
  drift: async () => (await import("./drift-BRLAPTYH.js")).runDriftAction()
};
async function runAction(fixed) {
  try {
    const command = fixed ?? getInput("command");
    if (!Object.hasOwn(commands, command)) {
      throw new Error(`input \`command\` must be one of plan, promote, drift; got '${command}'`);
    }
    await commands[command]();
  } catch (error) {
    setFailed(describeError(error, ACTION_VOCABULARY));
  }
}

export {
  runAction
};
