/**
 * Every input of the drift action, read and checked before the action does anything.
 */
import * as core from '@actions/core';
import type { Shard } from '../../config/shard.js';
import { afterFromText } from '../../drift/decide.js';
import { parseRevisionSource, type RevisionSource } from '../../drift/revision.js';
import { PlumblineError } from '../../errors.js';
import { booleanInput, choiceInput, listInput, repositoryRoot } from './inputs.js';
import { kubeconfigInput } from './kubeconfig.js';
import { shardInput } from './shard-input.js';

const MODES = ['live', 'reader'] as const;

export interface DriftSettings {
  /** The `shard` input: check this shard of the environments only; it keeps their issues alone. */
  shard?: Shard;
  /** The `chart-cache` input: where fetched charts are kept; absent: the default folder. */
  chartCache?: string;
  repoRoot: string;
  environments: string[];
  mode: (typeof MODES)[number];
  /** kubeconfig content from the input (checked, every credential masked); '' when not given. */
  kubeconfig: string;
  /** The token for drift issues; absent when `issues` is false. */
  token?: string;
  labels: string[];
  after?: number;
  revisionSource?: RevisionSource;
  failOnDrift: boolean;
}

export function readDriftSettings(): DriftSettings {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const settings: DriftSettings = {
    repoRoot: repositoryRoot(workspace, core.getInput('config')),
    environments: listInput('environments'),
    mode: choiceInput('mode', MODES) ?? 'live',
    kubeconfig: kubeconfigInput(),
    labels: listInput('labels'),
    failOnDrift: booleanInput('fail-on-drift', false),
  };
  if (booleanInput('issues', true)) settings.token = issueToken();
  const after = core.getInput('after');
  if (after) settings.after = afterInput(after);
  const revisionFrom = core.getInput('revision-from');
  if (revisionFrom) settings.revisionSource = revisionSourceInput(revisionFrom);
  const chartCache = core.getInput('chart-cache');
  if (chartCache) settings.chartCache = chartCache;
  const shard = shardInput();
  if (shard) settings.shard = shard;
  return settings;
}

function issueToken(): string {
  const token = core.getInput('github-token');
  if (!token) {
    throw new PlumblineError(
      'input github-token is empty, so drift issues cannot be kept',
      'Keep the default (the workflow token, with permissions: issues: write) or set issues: false.',
    );
  }
  return token;
}

function afterInput(text: string): number {
  const after = afterFromText(text);
  if (after === undefined) throw new PlumblineError(`input after must be a whole number ≥ 1, got '${text}'`);
  return after;
}

function revisionSourceInput(text: string): RevisionSource {
  try {
    return parseRevisionSource(text);
  } catch (error) {
    throw new PlumblineError(
      `input revision-from: ${(error as Error).message}`,
      'Use annotation:NAME, argocd:NAMESPACE/APP or flux:NAMESPACE/KUSTOMIZATION.',
    );
  }
}
