/**
 * The Actions log of the plan, drift and promote actions: core's lines, debug lines
 * (shown with the runner's debug switch) and foldable groups, each line made safe from
 * workflow commands first (log-safe.ts).
 */
import * as core from '@actions/core';
import { type Log, logTo } from '../../log.js';
import { logSafe, withoutControls } from '../log-safe.js';

export function actionLog(): Log {
  return logTo({
    info: (message) => core.info(logSafe(withoutControls(message))),
    debug: (message) => core.debug(logSafe(withoutControls(message))),
    startGroup: (title) => core.startGroup(logSafe(withoutControls(title))),
    endGroup: () => core.endGroup(),
  });
}
