/**
 * Every input of the plan action and what the event says, read and checked before the
 * action does anything: a mistyped input fails the step before a render, a comment or a
 * label, as actions/checkout's input helper does.
 */
import * as core from '@actions/core';
import * as github from '@actions/github';
import type { PlanMode } from '../../commands/plan.js';
import { PlumblineError } from '../../errors.js';
import { booleanInput, choiceInput, listInput, repositoryRoot } from './inputs.js';
import { kubeconfigInput } from './kubeconfig.js';

const MODES = ['auto', 'live', 'offline', 'reader'] as const;

export interface PullRequestEvent {
  number: number;
  /** The base branch's commit when the event fired; its merge base with HEAD is the plan's base. */
  baseSha: string;
  baseRef: string;
  /** The pull request comes from another repository (a fork), which gets no secrets. */
  fork: boolean;
}

export interface PlanSettings {
  /** The `all-environments` input: plan even the environments the change cannot affect. */
  allEnvironments: boolean;
  /** The `chart-cache` input: where fetched charts are kept; absent: the default folder. */
  chartCache?: string;
  repoRoot: string;
  environments: string[];
  mode: PlanMode;
  /** kubeconfig content from the input (checked, every credential masked); '' when not given. */
  kubeconfig: string;
  /** The `base-ref` input; absent: the pull request's base commit. */
  baseRef?: string;
  comment: boolean;
  commentPerEnvironment: boolean;
  labels: boolean;
  failOnChanges: boolean;
  eventName: string;
  pullRequest?: PullRequestEvent;
  /** Present when the run will comment or label a pull request. */
  token?: string;
}

export function readPlanSettings(): PlanSettings {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const comment = booleanInput('comment', true);
  // The umbrella action's labels input is a list for drift and promote, so say which is which.
  const labels = booleanInput(
    'labels',
    true,
    'input `labels` for plan is true or false; for drift and promote it is a list of label names',
  );
  const { eventName, payload } = github.context;
  const pullRequest = pullRequestFromEvent(eventName, payload);
  const kubeconfig = kubeconfigInput();
  const baseRef = core.getInput('base-ref');
  const publishes = (comment || labels) && pullRequest !== undefined;
  const settings: PlanSettings = {
    repoRoot: repositoryRoot(workspace, core.getInput('config')),
    environments: listInput('environments'),
    mode: choiceInput('mode', MODES) ?? 'auto',
    kubeconfig,
    comment,
    commentPerEnvironment: booleanInput('comment-per-environment', false),
    labels,
    failOnChanges: booleanInput('fail-on-changes', false),
    allEnvironments: booleanInput('all-environments', false),
    eventName,
  };
  if (baseRef) settings.baseRef = baseRef;
  if (pullRequest) settings.pullRequest = pullRequest;
  if (publishes) settings.token = core.getInput('github-token', { required: true });
  const chartCache = core.getInput('chart-cache');
  if (chartCache) settings.chartCache = chartCache;
  return settings;
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
