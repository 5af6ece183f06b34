/**
 * What `plan` and `merge` do with a plan result, alike: the report (Markdown, JSON or
 * text, to a file or standard output), the plan result file a merge reads back, the sticky
 * comment and labels on the change request, and the exit code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { planResultFileText } from '../../commands/plan-result-file.js';
import { type PublishPlanOptions, publishPlan } from '../../commands/publish-plan.js';
import { hasChanges, type PlanResult } from '../../diff/model.js';
import { PlumblineError } from '../../errors.js';
import { type Forge, ForgeError, type ThreadRef } from '../../forge/forge.js';
import { gitLabCiContext } from '../../forge/gitlab-env.js';
import { renderJson } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderText } from '../../report/text.js';
import { detectForge, FORGE_KINDS, type ForgeKind, forgeFromEnvironment } from '../forge-from-env.js';
import { printLog, printOutput } from './output.js';
import { cliVocabulary } from './vocabulary.js';

export type ReportFormat = 'md' | 'json' | 'text';

/** The options of plan and merge that post the plan on a pull/merge request. */
export function withPublishOptions(command: Command): Command {
  return command
    .option('--comment', 'also post the plan as the sticky comment of a pull/merge request (see --forge)')
    .option('--comment-per-environment', 'with --comment: one comment per environment instead of one')
    .option('--labels', 'label the pull/merge request plumbline:changes or plumbline:no-changes')
    .addOption(
      new Option('--forge <forge>', 'where to comment (default: the CI the command runs in)').choices(
        FORGE_KINDS,
      ),
    )
    .option(
      '--pr <number>',
      'the pull/merge request to comment on (default: the one the CI run is for)',
      (value) => positiveInteger(value, '--pr'),
    );
}

export function formatReport(result: PlanResult, as: ReportFormat, color: boolean): string {
  switch (as) {
    case 'md':
      return renderMarkdown(result, { vocabulary: cliVocabulary() });
    case 'json':
      return renderJson(result, cliVocabulary());
    case 'text':
      return renderText(result, { color, vocabulary: cliVocabulary() });
  }
}

/** The report in `format`, written to `out` or printed. */
export async function writeReport(result: PlanResult, format: ReportFormat, out: string | undefined) {
  const report = formatReport(result, format, !out && process.stdout.isTTY === true);
  if (out) {
    await writeFile(out, report);
    printLog(`report written to ${out}`);
  } else {
    printOutput(report, format === 'json' ? 'json' : 'text');
  }
}

/** The plan result file (commands/plan-result-file.ts), which `plumbline merge` reads. */
export async function writeResultFile(result: PlanResult, path: string): Promise<void> {
  await writeFile(path, planResultFileText(result, packageJson.version));
  printLog(`plan result written to ${path}`);
}

export interface ForgeTarget {
  forge: Forge;
  number: number;
  /** The base the CI names for the change request (GitLab's merge request diff base). */
  base?: string;
}

/**
 * The forge and the change request to publish on, from the flags and the CI's variables.
 * Which forge, and how it is reached, is forge-from-env.ts's call (the one place that
 * decides); this adds only what a plan needs: the change request's number and, on GitLab,
 * the merge request's diff base.
 */
export function forgeTarget(flags: { forge?: ForgeKind; pr?: number }, env: NodeJS.ProcessEnv): ForgeTarget {
  const kind = flags.forge ?? detectForge(env);
  const forge = forgeFromEnvironment(kind, env);
  if (kind === 'gitlab') {
    const mergeRequest = gitLabCiContext(env).mergeRequest;
    const number = flags.pr ?? mergeRequest?.iid;
    if (number === undefined) throw missingNumber('merge request', 'CI_MERGE_REQUEST_IID is not set');
    const base = mergeRequest?.diffBaseSha;
    return { forge, number, base };
  }
  const number = flags.pr ?? pullRequestNumberOfEvent(env.GITHUB_EVENT_PATH);
  if (number === undefined)
    throw missingNumber('pull request', '--pr was not given and this is not a pull request event');
  return { forge, number };
}

/** The sticky comment(s) and labels, with what the forge answered logged; a forge's refusal in its words. */
export async function publishOnForge(
  target: ForgeTarget,
  result: PlanResult,
  options: Omit<PublishPlanOptions, 'vocabulary'>,
): Promise<void> {
  const thread: ThreadRef = { kind: 'change-request', number: target.number };
  try {
    const published = await publishPlan(target.forge, thread, result, {
      ...options,
      vocabulary: cliVocabulary(),
    });
    for (const { key, sync } of published.comments) {
      printLog(`plan comment ${key}: ${sync.urls.join(' ')}`);
    }
  } catch (error) {
    if (error instanceof ForgeError) throw new PlumblineError(error.message, error.hint, { cause: error });
    throw error;
  }
}

/** In a GitHub workflow run by a pull request, its number, from the event payload. */
function pullRequestNumberOfEvent(eventPath: string | undefined): number | undefined {
  if (!eventPath || !existsSync(eventPath)) return undefined;
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown } };
  const number = event.pull_request?.number;
  return typeof number === 'number' ? number : undefined;
}

function missingNumber(what: string, why: string): PlumblineError {
  return new PlumblineError(`no ${what} to comment on: ${why}`, `Pass --pr NUMBER.`);
}

function positiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new PlumblineError(`${flag} must be a pull/merge request number; got '${value}'`);
  }
  return number;
}

/**
 * Like `terraform plan -detailed-exitcode`: an error wins over changes. A plan with shards
 * missing is not the whole plan, and fails like one with an environment that failed.
 */
export function exitCode(result: PlanResult): number {
  if (result.environments.some((env) => env.error)) return 1;
  if ((result.missingShards?.length ?? 0) > 0) return 1;
  return hasChanges(result) ? 2 : 0;
}
