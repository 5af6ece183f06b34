/**
 * What the CLI prints. Run in a GitHub Actions step, every line it prints is read as a
 * possible workflow command, and reports and log lines carry names a pull request chose:
 * there, text goes through logSafe and JSON through jsonLogSafe, which leaves its data as
 * it is. Elsewhere output is printed as it is.
 */
import { jsonLogSafe, logSafe } from '../log-safe.js';

const inGitHubActions = () => process.env.GITHUB_ACTIONS === 'true';

/** A log line on standard error, `plumbline: ` first. */
export function printLog(message: string): void {
  const line = `plumbline: ${message}\n`;
  process.stderr.write(inGitHubActions() ? logSafe(line) : line);
}

/** A report or listing on standard output, with a final line break. */
export function printOutput(text: string, format: 'json' | 'text'): void {
  const whole = text.endsWith('\n') ? text : `${text}\n`;
  if (!inGitHubActions()) process.stdout.write(whole);
  else process.stdout.write(format === 'json' ? jsonLogSafe(whole) : logSafe(whole));
}
