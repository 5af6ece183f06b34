/**
 * The plan action: inputs and the pull request event -> the plan command -> report files,
 * outputs, the job summary, annotations, the sticky comment and labels. Everything that
 * does not need the network is written before the comment, so a forge failure still
 * leaves the plan in the summary and the files.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { runPlan } from '../../commands/plan.js';
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
import { type PlanSettings, type PullRequestEvent, readPlanSettings } from './plan-settings.js';
import { ACTION_VOCABULARY } from './vocabulary.js';

/** Where a comment too long for its parts sends the reader. */
const FULL_REPORT = 'the job summary and the report-markdown file';

/** GitHub refuses a step summary over 1 MiB; the rest of the report stays in the files. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export async function runPlanAction(): Promise<void> {
  const settings = readPlanSettings();
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
      log: actionLog(),
    });
  });
  if (pullRequest && !settings.baseRef) nameBase(result, pullRequest);
  if (pullRequest?.fork) explainFork(result);

  const runUrl = ciRunUrl();
  const reports = await writeReports(result, runUrl);
  const report = toPlanReport(result, ACTION_VOCABULARY);
  core.setOutput('changed', String(report.changed));
  core.setOutput('added', String(report.totals.added));
  core.setOutput('updated', String(report.totals.changed));
  core.setOutput('deleted', String(report.totals.deleted));
  core.setOutput('report-markdown', reports.markdown);
  core.setOutput('report-json', reports.json);

  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryText(result, runUrl), true).write();
  const failed = result.environments.filter((env) => env.error !== undefined);
  for (const env of failed) {
    core.error(env.error ? describeProblem(env.error, ACTION_VOCABULARY) : '', {
      title: `plumbline: ${env.environment} (${env.mode}) could not be compared`,
    });
  }

  if ((settings.comment || settings.labels) && !pullRequest) {
    core.notice(
      `plumbline comments on pull requests; this run is for a ${settings.eventName || 'non-pull-request'} event, so the plan is in the job summary and the report files only.`,
    );
  } else if (pullRequest && settings.token) {
    await publish(result, pullRequest, settings.token, settings, runUrl);
  }

  if (failed.length > 0) {
    core.setFailed(
      `plumbline could not compare ${failed.map((env) => `${env.environment} (${env.mode})`).join(', ')}; the other environments are reported.`,
    );
  } else if (settings.failOnChanges && hasChanges(result)) {
    core.setFailed(
      `plumbline: ${report.totals.added} to add, ${report.totals.changed} to change, ${report.totals.deleted} to delete, and fail-on-changes is set.`,
    );
  }
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
): Promise<{ markdown: string; json: string }> {
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'plumbline-plan-'));
  const markdown = join(dir, 'plan.md');
  const json = join(dir, 'plan.json');
  await writeFile(markdown, renderMarkdown(result, { vocabulary: ACTION_VOCABULARY, runUrl }));
  await writeFile(json, renderJson(result, ACTION_VOCABULARY));
  return { markdown, json };
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
