/**
 * The plan action: inputs and the pull request event -> the plan command -> report files,
 * outputs, the job summary, annotations, the sticky comment and labels. Everything that
 * does not need the network is written before the comment, so a forge failure still
 * leaves the plan in the summary and the files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { runPlan } from '../../commands/plan.js';
import { publishPlan } from '../../commands/publish-plan.js';
import { CONFIG_FILES } from '../../config/load.js';
import { hasChanges, type PlanResult } from '../../diff/model.js';
import { PlumblineError } from '../../errors.js';
import { ForgeError } from '../../forge/forge.js';
import { createGitHubForge } from '../../forge/github.js';
import { renderJson, toPlanReport } from '../../report/json.js';
import { renderMarkdown, renderMarkdownParts } from '../../report/markdown.js';

const MODES = ['auto', 'live', 'offline', 'reader'] as const;

/** GitHub refuses a step summary over 1 MiB; the rest of the report stays in the files. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export interface PullRequestEvent {
  number: number;
  /** The base branch's commit when the event fired; its merge base with HEAD is the plan's base. */
  baseSha: string;
  baseRef: string;
  /** The pull request comes from another repository (a fork), which gets no secrets. */
  fork: boolean;
}

export async function runPlanAction(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const repoRoot = repositoryRoot(workspace, core.getInput('config'));
  const environments = list(core.getInput('environments'));
  const mode = choice('mode', MODES) ?? 'auto';
  const { eventName, payload } = github.context;
  const pullRequest = pullRequestFromEvent(eventName, payload);
  const base = core.getInput('base-ref') || pullRequest?.baseSha;

  const kubeconfigInput = core.getInput('kubeconfig');
  const kubeconfigDir = kubeconfigInput ? await mkdtemp(join(runnerTemp(), 'plumbline-kube-')) : undefined;
  let result: PlanResult;
  try {
    let kubeconfigPath = process.env.KUBECONFIG?.split(':')[0] || undefined;
    if (kubeconfigDir) {
      for (const secret of kubeconfigSecrets(kubeconfigInput)) core.setSecret(secret);
      kubeconfigPath = join(kubeconfigDir, 'config');
      await writeFile(kubeconfigPath, kubeconfigInput, { mode: 0o600 });
    }
    result = await runPlan({
      repoRoot,
      environments,
      mode,
      clusterAvailable: kubeconfigPath !== undefined,
      ...(base ? { base } : {}),
      ...(kubeconfigPath ? { kubeconfigPath } : {}),
      log: (message) => core.info(message),
    });
  } finally {
    if (kubeconfigDir) await rm(kubeconfigDir, { recursive: true, force: true });
  }
  if (pullRequest && !core.getInput('base-ref')) nameBase(result, pullRequest);
  if (pullRequest?.fork) explainFork(result);

  const runUrl = runLink();
  const reports = await writeReports(result, runUrl);
  const report = toPlanReport(result);
  core.setOutput('changed', String(report.changed));
  core.setOutput('added', String(report.totals.added));
  core.setOutput('updated', String(report.totals.changed));
  core.setOutput('deleted', String(report.totals.deleted));
  core.setOutput('report-markdown', reports.markdown);
  core.setOutput('report-json', reports.json);

  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryText(result, runUrl), true).write();
  const failed = result.environments.filter((env) => env.error !== undefined);
  for (const env of failed) {
    core.error(env.error ?? '', {
      title: `plumbline: ${env.environment} (${env.mode}) could not be compared`,
    });
  }

  const comment = flag('comment', true);
  const labels = flag('labels', true);
  if ((comment || labels) && !pullRequest) {
    core.notice(
      `plumbline comments on pull requests; this run is for a ${eventName || 'non-pull-request'} event, so the plan is in the job summary and the report files only.`,
    );
  } else if (comment || labels) {
    await publish(result, pullRequest!, { comment, labels, environments, runUrl });
  }

  if (failed.length > 0) {
    core.setFailed(
      `plumbline could not compare ${failed.map((env) => `${env.environment} (${env.mode})`).join(', ')}; the other environments are reported.`,
    );
  } else if (flag('fail-on-changes', false) && hasChanges(result)) {
    core.setFailed(
      `plumbline: ${report.totals.added} to add, ${report.totals.changed} to change, ${report.totals.deleted} to delete, and fail-on-changes is set.`,
    );
  }
}

async function publish(
  result: PlanResult,
  pullRequest: PullRequestEvent,
  options: { comment: boolean; labels: boolean; environments: string[]; runUrl: string | undefined },
): Promise<void> {
  const { owner, repo } = github.context.repo;
  const forge = createGitHubForge({
    token: core.getInput('github-token', { required: true }),
    owner,
    repo,
    apiUrl: github.context.apiUrl,
    logger: { warning: core.warning, debug: core.debug },
  });
  const thread = { kind: 'change-request', number: pullRequest.number } as const;
  try {
    const published = await publishPlan(forge, thread, result, {
      comment: options.comment,
      perEnvironment: flag('comment-per-environment', false),
      selected: options.environments,
      labels: options.labels,
      ...(options.runUrl ? { runUrl: options.runUrl } : {}),
      fullReportHint: 'the job summary and the report-markdown file',
    });
    for (const { key, parts, sync } of published.comments) {
      const what = `${sync.created} created, ${sync.updated} updated, ${sync.unchanged} unchanged, ${sync.deleted} deleted`;
      core.info(
        `plan comment ${key}: ${parts} part${parts === 1 ? '' : 's'} (${what}) ${sync.urls.join(' ')}`,
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

/** The pull request of a pull_request or pull_request_target event, else undefined. */
export function pullRequestFromEvent(eventName: string, payload: unknown): PullRequestEvent | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  const pull = (payload as { pull_request?: PullRequestPayload } | undefined)?.pull_request;
  if (!pull || typeof pull.number !== 'number' || !pull.base?.sha) {
    throw new PlumblineError(
      `the ${eventName} event (GITHUB_EVENT_PATH) has no pull_request with a number and a base commit`,
      'Run the plan action on pull_request or pull_request_target events as GitHub sends them.',
    );
  }
  const headRepo = pull.head?.repo?.full_name;
  const baseRepo = pull.base.repo?.full_name;
  return {
    number: pull.number,
    baseSha: pull.base.sha,
    baseRef: pull.base.ref ?? '',
    // A fork whose repository was deleted has no head repository at all.
    fork: baseRepo !== undefined && headRepo?.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

interface PullRequestPayload {
  number?: number;
  base?: { sha?: string; ref?: string; repo?: { full_name?: string } };
  head?: { repo?: { full_name?: string } | null };
}

/**
 * The values of a kubeconfig that must never show in a log: credentials of its users
 * (tokens, passwords, client keys, exec environment values), and the whole text. Each is
 * masked on its own because the runner masks line by line, so a multi-line value alone
 * would never match.
 */
export function kubeconfigSecrets(text: string): string[] {
  const secrets = new Set<string>([text.trim()]);
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const position = document.errors[0]?.linePos?.[0];
    // The parser's own message quotes the text, which may hold a credential.
    throw new PlumblineError(
      `the kubeconfig input is not valid YAML (line ${position?.line ?? '?'}, column ${position?.col ?? '?'})`,
      'Store the whole kubeconfig file as the secret, e.g. gh secret set KUBECONFIG < kubeconfig.yaml.',
    );
  }
  const users = document.get('users');
  if (isSeq(users)) {
    for (const user of users.items) {
      if (!isMap(user)) continue;
      collectStrings(user.get('user') as Node | undefined, secrets);
    }
  }
  return [...secrets].filter((secret) => secret !== '');
}

/** Every string value under `node`: all of a user's entry is credentials or close to it. */
function collectStrings(node: Node | undefined | null, into: Set<string>): void {
  if (!node) return;
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.length >= 6) {
      for (const line of node.value.split('\n')) if (line.trim().length >= 6) into.add(line.trim());
    }
  } else if (isMap(node)) {
    for (const pair of node.items) collectStrings(pair.value as Node | null, into);
  } else if (isSeq(node)) {
    for (const item of node.items) collectStrings(item as Node, into);
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
    const shown = `base ${result.base.ref} (`;
    result.base.ref = pullRequest.baseRef;
    for (const env of result.environments) {
      if (env.comparedWith.startsWith(shown))
        env.comparedWith = `base ${pullRequest.baseRef} (${env.comparedWith.slice(shown.length)}`;
    }
  }
  if (result.head?.ref === 'HEAD' && githubRef) result.head.ref = githubRef.replace(/^refs\//, '');
}

/** Why a fork's plan is offline: GitHub gives pull requests from forks no secrets. */
function explainFork(result: PlanResult): void {
  for (const env of result.environments) {
    if (env.mode === 'offline' && env.notice) {
      env.notice = `this pull request comes from a fork, and GitHub gives workflows of fork pull requests no secrets, so there is no kubeconfig: ${env.environment} is compared with the base branch only`;
    }
  }
}

async function writeReports(
  result: PlanResult,
  runUrl: string | undefined,
): Promise<{ markdown: string; json: string }> {
  const dir = await mkdtemp(join(runnerTemp(), 'plumbline-plan-'));
  const markdown = join(dir, 'plan.md');
  const json = join(dir, 'plan.json');
  await writeFile(markdown, renderMarkdown(result, runUrl ? { runUrl } : {}));
  await writeFile(json, renderJson(result));
  return { markdown, json };
}

/** The whole report, or as much as GitHub keeps of a step summary, with a pointer to the rest. */
function summaryText(result: PlanResult, runUrl: string | undefined): string {
  const full = renderMarkdown(result, runUrl ? { runUrl } : {});
  if (full.length <= SUMMARY_LIMIT) return full;
  const [first = ''] = renderMarkdownParts(result, {
    limit: SUMMARY_LIMIT,
    ...(runUrl ? { runUrl } : {}),
    fullReportHint: 'the report-markdown file',
  });
  return `${first}\n\nThe report is longer than a job summary holds; the whole of it is in the report-markdown and report-json files of this step.\n`;
}

function runLink(): string | undefined {
  const { serverUrl, runId } = github.context;
  const repository = process.env.GITHUB_REPOSITORY;
  if (!serverUrl || !runId || !repository) return undefined;
  return `${serverUrl}/${repository}/actions/runs/${runId}`;
}

/** The folder plumbline works in: the one holding the config file, else the workspace. */
export function repositoryRoot(workspace: string, config: string): string {
  if (!config) return workspace;
  const path = resolve(workspace, config);
  if (!(CONFIG_FILES as readonly string[]).includes(basename(path))) {
    throw new PlumblineError(
      `input \`config\` must name a ${CONFIG_FILES.join(' or ')} file; got '${config}'`,
      'plumbline reads its configuration from a file of that name; environment paths in it are relative to its folder.',
    );
  }
  if (!existsSync(path)) {
    throw new PlumblineError(
      `input \`config\`: ${config} does not exist in ${workspace}`,
      'Check the path, and that actions/checkout ran before plumbline.',
    );
  }
  return dirname(path);
}

function runnerTemp(): string {
  return process.env.RUNNER_TEMP || tmpdir();
}

const list = (value: string) =>
  value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** A boolean input; empty (as when run outside a workflow) takes the action's default. */
function flag(name: string, fallback: boolean): boolean {
  return core.getInput(name) ? core.getBooleanInput(name) : fallback;
}

function choice<T extends string>(name: string, allowed: readonly T[]): T | undefined {
  const value = core.getInput(name);
  if (!value) return undefined;
  if (!allowed.includes(value as T)) {
    throw new PlumblineError(`input \`${name}\` must be one of ${allowed.join(', ')}; got '${value}'`);
  }
  return value as T;
}
