/**
 * The plan action: inputs and the pull request event -> the plan command (a whole plan,
 * one shard of it, or the merge of the shards' plan result files) -> report files, the
 * plan result file, outputs, the job summary, annotations, the sticky comment and labels.
 * Whichever way the PlanResult came, one path turns it into what the step gives; a shard
 * only never posts. Everything that does not need the network is written before the
 * comment, so a forge failure still leaves the plan in the summary and the files.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import packageJson from '../../../package.json' with { type: 'json' };
import { MissingShardsError, mergePlanResults } from '../../commands/merge-plans.js';
import { runPlan } from '../../commands/plan.js';
import { parsePlanResultFile, planResultFileText } from '../../commands/plan-result-file.js';
import { publishPlan } from '../../commands/publish-plan.js';
import { hasChanges, type PlanResult } from '../../diff/model.js';
import { PlumblineError } from '../../errors.js';
import { ForgeError } from '../../forge/forge.js';
import { describeProblem } from '../../remedy.js';
import { renderJson, toPlanReport } from '../../report/json.js';
import { renderMarkdown, renderMarkdownParts } from '../../report/markdown.js';
import { runUrl as ciRunUrl } from '../ci-context.js';
import { gitHubForge } from '../github-forge.js';
import { chooseKubeconfig } from '../kubeconfig-path.js';
import { logSafe } from '../log-safe.js';
import { withKubeconfig } from './kubeconfig.js';
import { actionLog } from './log.js';
import {
  findReports,
  type PlanSettings,
  type PullRequestEvent,
  readPlanSettings,
  reportName,
} from './plan-settings.js';
import { ACTION_VOCABULARY } from './vocabulary.js';

/** Where a comment too long for its parts sends the reader. */
const FULL_REPORT = 'the job summary and the report-markdown file';

/** GitHub refuses a step summary over 1 MiB; the rest of the report stays in the files. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export async function runPlanAction(): Promise<void> {
  const settings = readPlanSettings();
  const result = settings.reports ? await mergeReports(settings.reports, settings) : await plan(settings);
  await givePlan(result, settings);
}

/** The plan (or the shard of it) of the checkout, its refs named as the pull request names them. */
async function plan(settings: PlanSettings): Promise<PlanResult> {
  const { pullRequest } = settings;
  const base = settings.baseRef ?? pullRequest?.baseSha;
  const result = await withKubeconfig(settings.kubeconfig, (written) => {
    const kubeconfig = chooseKubeconfig(written);
    return runPlan({
      repoRoot: settings.repoRoot,
      environments: settings.environments,
      mode: settings.mode,
      // On a runner, only a kubeconfig the job gave (the input or KUBECONFIG) counts.
      clusterAvailable: kubeconfig.path !== undefined,
      base,
      kubeconfigPath: kubeconfig.path,
      ...(settings.chartCache ? { chartCache: settings.chartCache } : {}),
      ...(settings.allEnvironments ? { all: true } : {}),
      ...(settings.shard ? { shard: settings.shard } : {}),
      log: actionLog(),
    });
  });
  // Before a shard's result file is written, so that the merge names them the same way.
  if (pullRequest && !settings.baseRef) nameBase(result, pullRequest);
  if (pullRequest?.fork) explainFork(result);
  return result;
}

/**
 * The plan the shards' result files make together. Every file is read and checked, and
 * the merge refused or made, before anything is written or posted.
 */
async function mergeReports(items: readonly string[], settings: PlanSettings): Promise<PlanResult> {
  const files = await findReports(items, settings.workspace);
  const plans = await Promise.all(
    files.map(async (file) => {
      const name = reportName(file, settings.repoRoot);
      return { name, result: parsePlanResultFile(await readReport(file, name), name) };
    }),
  );
  let result: PlanResult;
  try {
    result = mergePlanResults(plans, { partial: settings.partial });
  } catch (error) {
    if (!(error instanceof MissingShardsError)) throw error;
    throw new PlumblineError(
      error.message,
      "Give `reports` every shard's result file; to merge the others anyway, set the input `partial: true` (the plan then names the missing shards, and the step fails).",
      { cause: error },
    );
  }
  core.info(logSafe(`merged ${plans.length} plan result files: ${plans.map((p) => p.name).join(', ')}`));
  const missing = result.missingShards ?? [];
  if (missing.length > 0) {
    core.warning(
      `a partial plan: ${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} of ${plans[0]?.result.shard?.count} missing; the report says so`,
    );
  }
  return result;
}

async function readReport(file: string, name: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlumblineError(`input \`reports\`: ${name} cannot be read (${code ?? 'error'})`);
  }
}

/**
 * What the step gives for a plan, however it was made: the report files, the plan result
 * file, the outputs, the job summary, annotations, the comment and labels (not for a
 * shard) and the step's verdict.
 */
async function givePlan(result: PlanResult, settings: PlanSettings): Promise<void> {
  const { pullRequest, shard } = settings;
  const runUrl = ciRunUrl();
  const reports = await writeReports(result, runUrl);
  const resultFile =
    settings.result ??
    (shard ? join(reports.dir, `plan-result-${shard.index}-of-${shard.count}.json`) : undefined);
  if (resultFile) {
    await mkdir(dirname(resultFile), { recursive: true });
    await writeFile(resultFile, planResultFileText(result, packageJson.version));
    core.info(logSafe(`plan result written to ${resultFile}`));
  }
  const report = toPlanReport(result, ACTION_VOCABULARY);
  core.setOutput('changed', String(report.changed));
  core.setOutput('added', String(report.totals.added));
  core.setOutput('updated', String(report.totals.changed));
  core.setOutput('deleted', String(report.totals.deleted));
  core.setOutput('report-markdown', reports.markdown);
  core.setOutput('report-json', reports.json);
  if (resultFile) core.setOutput('result-file', resultFile);
  if (shard) core.setOutput('shard', `${shard.index}/${shard.count}`);
  if (settings.reports) core.setOutput('missing-shards', JSON.stringify(result.missingShards ?? []));

  if (process.env.GITHUB_STEP_SUMMARY) {
    const lead = shard ? `${shardNote(result, shard)}\n\n` : '';
    await core.summary.addRaw(lead + summaryText(result, runUrl), true).write();
  }
  const failed = result.environments.filter((env) => env.error !== undefined);
  for (const env of failed) {
    core.error(env.error ? describeProblem(env.error, ACTION_VOCABULARY) : '', {
      title: `plumbline: ${env.environment} (${env.mode}) could not be compared`,
    });
  }

  if (shard) {
    core.info(
      `${shardNote(result, shard)} Upload the result-file output as an artifact; the step with \`reports\` merges it.`,
    );
  } else if ((settings.comment || settings.labels) && !pullRequest) {
    core.notice(
      `plumbline comments on pull requests; this run is for a ${settings.eventName || 'non-pull-request'} event, so the plan is in the job summary and the report files only.`,
    );
  } else if (pullRequest && settings.token) {
    await publish(result, pullRequest, settings.token, settings, runUrl);
  }

  const missing = result.missingShards ?? [];
  const failures = [
    failed.length > 0
      ? `plumbline could not compare ${failed.map((env) => `${env.environment} (${env.mode})`).join(', ')}; the other environments are reported.`
      : '',
    missing.length > 0
      ? `plumbline merged a partial plan (partial: true): ${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, and nothing is said of ${missing.length === 1 ? 'its' : 'their'} environments.`
      : '',
  ].filter((failure) => failure !== '');
  if (failures.length > 0) {
    core.setFailed(failures.join(' '));
  } else if (settings.failOnChanges && hasChanges(result)) {
    core.setFailed(
      `plumbline: ${report.totals.added} to add, ${report.totals.changed} to change, ${report.totals.deleted} to delete, and fail-on-changes is set.`,
    );
  }
}

/** What a shard's summary and log say it is. */
function shardNote(result: PlanResult, shard: NonNullable<PlanSettings['shard']>): string {
  const names = new Set([...result.environments.map((env) => env.environment), ...(result.unaffected ?? [])]);
  return `This is shard ${shard.index} of ${shard.count} of the plan (${names.size} ${names.size === 1 ? 'environment' : 'environments'}); the step that merges the shards posts the whole plan.`;
}

async function publish(
  result: PlanResult,
  pullRequest: PullRequestEvent,
  token: string,
  settings: PlanSettings,
  runUrl: string | undefined,
): Promise<void> {
  const forge = gitHubForge({
    token,
    repository: `${github.context.repo.owner}/${github.context.repo.repo}`,
    apiUrl: github.context.apiUrl,
    logger: { warning: core.warning, debug: core.debug },
  });
  const thread = { kind: 'change-request', number: pullRequest.number } as const;
  try {
    const published = await publishPlan(forge, thread, result, {
      comment: settings.comment,
      perEnvironment: settings.commentPerEnvironment,
      selected: settings.environments,
      labels: settings.labels,
      runUrl,
      fullReportHint: FULL_REPORT,
      vocabulary: ACTION_VOCABULARY,
    });
    for (const { key, parts, objectsLeftOut, sync } of published.comments) {
      const what = `${sync.created} created, ${sync.updated} updated, ${sync.unchanged} unchanged, ${sync.deleted} deleted`;
      const leftOut =
        objectsLeftOut > 0 ? `; ${objectsLeftOut} objects did not fit and are in ${FULL_REPORT}` : '';
      core.info(
        logSafe(
          `plan comment ${key}: ${parts} part${parts === 1 ? '' : 's'} (${what})${leftOut} ${sync.urls.join(' ')}`,
        ),
      );
    }
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    // A fork's pull_request run gets a read-only token: that is GitHub's rule, not a failure.
    if (pullRequest.fork && error.status === 403) {
      core.warning(
        `${error.message} GitHub gives workflows of pull requests from forks a read-only token, so the plan is in the job summary only. To comment on fork pull requests, run plumbline from a pull_request_target workflow (see the plumbline docs on GitHub).`,
      );
      return;
    }
    throw new PlumblineError(error.message, error.hint, { cause: error });
  }
}

/**
 * The plan compares with the pull request's base commit; people know it by its branch,
 * and the checkout (refs/pull/N/merge) by the ref GitHub gave the run.
 */
export function nameBase(
  result: PlanResult,
  pullRequest: PullRequestEvent,
  githubRef = process.env.GITHUB_REF,
): void {
  if (result.base && result.base.ref === pullRequest.baseSha && pullRequest.baseRef) {
    result.base.ref = pullRequest.baseRef;
    for (const env of result.environments) {
      if (env.comparedWith.kind === 'base' && env.comparedWith.ref === pullRequest.baseSha)
        env.comparedWith = { ...env.comparedWith, ref: pullRequest.baseRef };
    }
  }
  if (result.head?.ref === 'HEAD' && githubRef) result.head.ref = githubRef.replace(/^refs\//, '');
}

/** Why a fork's plan is offline: GitHub gives pull requests from forks no secrets. */
function explainFork(result: PlanResult): void {
  for (const env of result.environments) {
    if (env.mode === 'offline' && env.notice?.kind === 'no-credentials') env.notice = { kind: 'fork' };
  }
}

async function writeReports(
  result: PlanResult,
  runUrl: string | undefined,
): Promise<{ dir: string; markdown: string; json: string }> {
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'plumbline-plan-'));
  const markdown = join(dir, 'plan.md');
  const json = join(dir, 'plan.json');
  await writeFile(markdown, renderMarkdown(result, { vocabulary: ACTION_VOCABULARY, runUrl }));
  await writeFile(json, renderJson(result, ACTION_VOCABULARY));
  return { dir, markdown, json };
}

/** The whole report, or as much as GitHub keeps of a step summary, with a pointer to the rest. */
function summaryText(result: PlanResult, runUrl: string | undefined): string {
  const full = renderMarkdown(result, { vocabulary: ACTION_VOCABULARY, runUrl });
  if (full.length <= SUMMARY_LIMIT) return full;
  const {
    parts: [first = ''],
  } = renderMarkdownParts(result, {
    vocabulary: ACTION_VOCABULARY,
    limit: SUMMARY_LIMIT,
    runUrl,
    fullReportHint: 'the report-markdown file',
  });
  return `${first}\n\nThe report is longer than a job summary holds; the whole of it is in the report-markdown and report-json files of this step.\n`;
}
