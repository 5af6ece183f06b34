/**
 * Every input of the plan action and what the event says, read and checked before the
 * action does anything: a mistyped input fails the step before a render, a comment or a
 * label, as actions/checkout's input helper does.
 *
 * The action runs one of three ways: a plan (the default), one shard of a fleet's plan
 * (`shard`: it writes the shard's plan result file and posts nothing), or the merge of
 * the shards' result files (`reports`: it plans nothing, and posts what a plan would).
 */
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import type { PlanMode } from '../../commands/plan.js';
import type { Shard } from '../../config/shard.js';
import { PlumblineError } from '../../errors.js';
import { booleanInput, choiceInput, listInput, repositoryRoot } from './inputs.js';
import { kubeconfigInput } from './kubeconfig.js';
import { shardInput } from './shard-input.js';

const MODES = ['auto', 'live', 'offline', 'reader'] as const;

/** Where the workflows of sharded plans are shown. */
const FLEET_DOCS = 'docs/fleet.md of plumbline';

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
  /** The `shard` input: plan this shard of the environments only, write its result file, post nothing. */
  shard?: Shard;
  /**
   * The `reports` input: merge these plan result files instead of planning (files,
   * folders and patterns, relative to the workspace; `findReports` finds them when the
   * merge starts, before any request). Absent: plan.
   */
  reports?: string[];
  /** Where relative `reports` items are: the workspace. */
  workspace: string;
  /** The `partial` input: with `reports`, merge without the shards that are missing, and say so. */
  partial: boolean;
  /**
   * The `result` input, resolved against the workspace: where to write the plan result
   * file. Absent: a shard writes it under RUNNER_TEMP, anything else writes none.
   */
  result?: string;
}

export function readPlanSettings(): PlanSettings {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const shard = shardInput();
  const reports = listInput('reports');
  const partial = booleanInput('partial', false);
  const result = core.getInput('result');
  // Empty, comment and labels are on, except on a shard, which never posts.
  const commentInput = optionalBooleanInput('comment');
  // The umbrella action's labels input is a list for drift and promote, so say which is which.
  const labelsInput = optionalBooleanInput(
    'labels',
    'input `labels` for plan is true or false; for drift and promote it is a list of label names',
  );
  const commentPerEnvironment = booleanInput('comment-per-environment', false);
  checkCombinations({ shard, reports, partial, commentInput, labelsInput, commentPerEnvironment });
  const merging = reports.length > 0;
  if (merging) refusePlanningInputs();

  const comment = commentInput ?? shard === undefined;
  const labels = labelsInput ?? shard === undefined;
  const { eventName, payload } = github.context;
  const pullRequest = pullRequestFromEvent(eventName, payload);
  const baseRef = merging ? '' : core.getInput('base-ref');
  const publishes = (comment || labels) && pullRequest !== undefined;
  const settings: PlanSettings = {
    workspace,
    repoRoot: merging ? workspace : repositoryRoot(workspace, core.getInput('config')),
    environments: merging ? [] : listInput('environments'),
    mode: (merging ? undefined : choiceInput('mode', MODES)) ?? 'auto',
    kubeconfig: merging ? '' : kubeconfigInput(),
    comment,
    commentPerEnvironment,
    labels,
    failOnChanges: booleanInput('fail-on-changes', false),
    allEnvironments: merging ? false : booleanInput('all-environments', false),
    eventName,
    partial,
  };
  if (shard) settings.shard = shard;
  if (merging) settings.reports = reports;
  if (result) settings.result = resolve(workspace, result);
  if (baseRef) settings.baseRef = baseRef;
  if (pullRequest) settings.pullRequest = pullRequest;
  if (publishes) settings.token = core.getInput('github-token', { required: true });
  const chartCache = merging ? '' : core.getInput('chart-cache');
  if (chartCache) settings.chartCache = chartCache;
  return settings;
}

/** The `shard` input as a Shard; undefined when empty. */
/** A boolean input, or undefined when it is empty (its default: the mode decides). */
function optionalBooleanInput(name: string, expected?: string): boolean | undefined {
  return core.getInput(name) === '' ? undefined : booleanInput(name, true, expected);
}

/** What a shard, a merge and a plan may be asked for; anything else fails before the run. */
function checkCombinations(inputs: {
  shard: Shard | undefined;
  reports: string[];
  partial: boolean;
  commentInput: boolean | undefined;
  labelsInput: boolean | undefined;
  commentPerEnvironment: boolean;
}): void {
  const { shard, reports, partial } = inputs;
  if (shard && reports.length > 0) {
    throw new PlumblineError(
      'inputs `shard` and `reports` do not go together: `shard` plans one shard and writes its plan result file, `reports` merges the result files of every shard',
      `Run one plan step per shard with \`shard\`, then one more step, after them all, with \`reports\` (${FLEET_DOCS}).`,
    );
  }
  if (shard) {
    const posting = [
      inputs.commentInput === true ? '`comment: true`' : '',
      inputs.labelsInput === true ? '`labels: true`' : '',
      inputs.commentPerEnvironment ? '`comment-per-environment: true`' : '',
    ].filter((input) => input !== '');
    if (posting.length > 0) {
      throw new PlumblineError(
        `input \`shard: ${shard.index}/${shard.count}\` plans part of the environments, so it cannot post the plan's comment or labels (${posting.join(', ')})`,
        `Leave those inputs out of the shard steps, and set them on the step that merges the shards with \`reports\` (${FLEET_DOCS}).`,
      );
    }
  }
  if (partial && reports.length === 0) {
    throw new PlumblineError(
      'input `partial` applies to a merge: set it together with `reports`',
      'Set `partial: true` on the step that merges the shards with `reports`, not on a plan or a shard.',
    );
  }
}

/** Inputs that steer a plan; a merge plans nothing, so they would be ignored silently. */
function refusePlanningInputs(): void {
  const mode = core.getInput('mode');
  const set = [
    ...['config', 'environments', 'base-ref', 'kubeconfig', 'chart-cache'].filter(
      (name) => core.getInput(name).trim() !== '',
    ),
    ...(mode !== '' && mode !== 'auto' ? ['mode'] : []),
    ...(booleanInput('all-environments', false) ? ['all-environments'] : []),
  ];
  if (set.length === 0) return;
  throw new PlumblineError(
    `input${set.length === 1 ? '' : 's'} ${set.map((name) => `\`${name}\``).join(', ')} steer${set.length === 1 ? 's' : ''} a plan, and with \`reports\` the action plans nothing: it merges the plans the shard steps made`,
    'Set them on the shard steps.',
  );
}

/** Characters that make an item of `reports` a pattern. */
const GLOB = /[*?[]/;

/**
 * The files the `reports` items name, each once, sorted: a file as it is, a folder as
 * every `.json` file below it (what actions/download-artifact leaves), and a pattern
 * (`*`, `?`, `[abc]`, `**` for any folders; @actions/glob's syntax) as the files and
 * folders it matches. Relative items are in the workspace. An item that names nothing
 * fails: a merge must not guess. Read when the merge starts, before any request.
 */
export async function findReports(items: readonly string[], workspace: string): Promise<string[]> {
  const found = new Set<string>();
  for (const item of items) {
    const path = resolve(workspace, item);
    const matches = GLOB.test(item) ? await matchPattern(path) : [path];
    const files = matches.flatMap((match) => filesOf(match, item));
    if (files.length === 0) {
      throw new PlumblineError(
        GLOB.test(item)
          ? `input \`reports\`: ${item} matches no plan result file in ${workspace}`
          : `input \`reports\`: ${item} holds no .json file`,
        'Download the result files of the shards (actions/download-artifact) before the step that merges them, into the folder `reports` names.',
      );
    }
    for (const file of files) found.add(file);
  }
  return [...found].sort();
}

/** `path` as files: itself, or the .json files below it; a path that does not exist fails. */
function filesOf(path: string, item: string): string[] {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlumblineError(
      code === 'ENOENT'
        ? `input \`reports\`: ${item} does not exist`
        : `input \`reports\`: ${item} cannot be read (${code ?? 'error'})`,
      'Download the result files of the shards (actions/download-artifact) before the step that merges them; a shard that failed uploads none (set `partial: true` to merge the others).',
    );
  }
  if (stats.isDirectory()) return jsonFilesBelow(path);
  return stats.isFile() ? [path] : [];
}

function jsonFilesBelow(dir: string): string[] {
  return entries(dir).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFilesBelow(path);
    if (!entry.name.endsWith('.json')) return [];
    if (entry.isFile()) return [path];
    return entry.isSymbolicLink() && isFile(path) ? [path] : [];
  });
}

/**
 * The files and folders an absolute pattern matches, without following links; as in a
 * shell, a hidden one only when the pattern names it.
 */
async function matchPattern(pattern: string): Promise<string[]> {
  // Loaded only by a merge given a pattern: @actions/glob brings its own copy of the
  // toolkit's core and HTTP client, which no other run needs at start-up.
  const glob = await import('@actions/glob');
  const globber = await glob.create(pattern, { followSymbolicLinks: false, implicitDescendants: false });
  const hidden = basename(pattern).startsWith('.');
  return (await globber.glob()).filter((path) => hidden || !basename(path).startsWith('.'));
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** How errors and logs name a report file: relative to the workspace when it is in it. */
export function reportName(path: string, workspace: string): string {
  const inside = relative(workspace, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
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
