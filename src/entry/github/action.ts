/**
 * GitHub Action entry: reads the inputs and runs one command. The bundles call runAction.
 * Each command is imported when it runs, so dist/plan.js loads the plan command and its
 * libraries only, and main.js (the umbrella action) only the command its input names.
 */
import * as core from '@actions/core';
import { describeError } from '../../errors.js';
import { ACTION_VOCABULARY } from './vocabulary.js';

const commands = {
  plan: async () => (await import('./plan.js')).runPlanAction(),
  promote: async () => (await import('./promote.js')).runPromoteAction(),
  drift: async () => (await import('./drift.js')).runDriftAction(),
} as const;

/** `command` fixed by the bundle (plan.js, promote.js, drift.js), or read from the input (main.js). */
export async function runAction(fixed?: string): Promise<void> {
  try {
    const command = fixed ?? core.getInput('command');
    if (!Object.hasOwn(commands, command)) {
      throw new Error(`input \`command\` must be one of plan, promote, drift; got '${command}'`);
    }
    await commands[command as keyof typeof commands]();
  } catch (error) {
    core.setFailed(describeError(error, ACTION_VOCABULARY));
  }
}
