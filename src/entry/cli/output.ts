/**
 * What the CLI prints. Run in a GitHub Actions step, every line it prints is read as a
 * possible workflow command, and reports and log lines carry names a pull request chose:
 * there, text goes through logSafe and JSON through jsonLogSafe, which leaves its data as
 * it is. Log lines lose control characters everywhere (a carriage return or an escape
 * sequence in a folder name would redraw a terminal or open a GitLab log section), and a
 * command's groups become GitHub groups, GitLab collapsible sections or indented blocks.
 */
import { type Log, logTo } from '../../log.js';
import { jsonLogSafe, logSafe, withoutControls } from '../log-safe.js';

const inGitHubActions = () => process.env.GITHUB_ACTIONS === 'true';
const inGitLabCi = () => process.env.GITLAB_CI === 'true';
/** The CIs' own debug switches, or plumbline's. */
const debugging = () =>
  process.env.RUNNER_DEBUG === '1' ||
  process.env.CI_DEBUG_TRACE === 'true' ||
  Boolean(process.env.PLUMBLINE_DEBUG);

/** Text on standard error; in a GitHub Actions step through logSafe (data may hold `::`). */
const writeLog = (text: string) => process.stderr.write(inGitHubActions() ? logSafe(text) : text);

/** A log line on standard error, `plumbline: ` first. */
export function printLog(message: string): void {
  writeLog(`plumbline: ${withoutControls(message)}\n`);
}

/** The Log the CLI's commands write to, on standard error. */
export function cliLog(): Log {
  let sections = 0;
  let indent = '';
  // Data goes through writeLog; plumbline's own group markers must not be broken by logSafe.
  const marker = (text: string) => process.stderr.write(text);
  return logTo({
    info: (message) => writeLog(`plumbline: ${indent}${withoutControls(message)}\n`),
    debug: (message) => {
      if (debugging()) writeLog(`plumbline: ${indent}debug: ${withoutControls(message)}\n`);
    },
    startGroup: (title) => {
      const shown = withoutControls(title);
      sections += 1;
      if (inGitHubActions()) marker(`::group::${logSafe(shown)}\n`);
      else if (inGitLabCi()) marker(gitLabSection('start', sections, shown));
      else {
        writeLog(`plumbline: ${shown}\n`);
        indent = '  ';
      }
    },
    endGroup: () => {
      if (inGitHubActions()) marker('::endgroup::\n');
      else if (inGitLabCi()) marker(gitLabSection('end', sections, ''));
      indent = '';
    },
  });
}

/** GitLab's collapsible section markers (docs: "Custom collapsible sections"). */
function gitLabSection(edge: 'start' | 'end', id: number, title: string): string {
  const time = Math.floor(Date.now() / 1000);
  const name = `plumbline_${id}`;
  return edge === 'start'
    ? `\u001b[0Ksection_start:${time}:${name}[collapsed=true]\r\u001b[0K${title}\n`
    : `\u001b[0Ksection_end:${time}:${name}\r\u001b[0K\n`;
}

/** A report or listing on standard output, with a final line break. */
export function printOutput(text: string, format: 'json' | 'text'): void {
  const whole = text.endsWith('\n') ? text : `${text}\n`;
  if (!inGitHubActions()) process.stdout.write(whole);
  else process.stdout.write(format === 'json' ? jsonLogSafe(whole) : logSafe(whole));
}
