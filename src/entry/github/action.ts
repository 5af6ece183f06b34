/** GitHub Action entry: reads the inputs and runs one command. The bundles call runAction. */
import * as core from '@actions/core';
import { describeError } from '../../errors.js';
import { runDriftAction } from './drift.js';
import { runPlanAction } from './plan.js';
import { runPromoteAction } from './promote.js';

const commands = { plan: runPlanAction, promote: runPromoteAction, drift: runDriftAction } as const;

/** `command` fixed by the bundle (plan.js, promote.js, drift.js), or read from the input (main.js). */
export async function runAction(fixed?: string): Promise<void> {
  try {
    const command = fixed ?? core.getInput('command');
    if (!(command in commands)) {
      throw new Error(`input \`command\` must be one of plan, promote, drift; got '${command}'`);
    }
    await commands[command as keyof typeof commands]();
  } catch (error) {
    core.setFailed(describeError(error));
  }
}
