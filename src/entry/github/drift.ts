/**
 * actions/drift: inputs -> `runDrift` -> issues, outputs and the job summary.
 *   drifted  JSON array of the environments that drifted, e.g. ["staging"]
 *   issues   JSON array of their issue numbers, e.g. [12]
 * The kubeconfig input holds content: it is masked, written to a private temporary file
 * for the run and removed afterwards.
 */
import * as core from '@actions/core';
import { runDrift } from '../../commands/drift.js';
import { parseRevisionSource } from '../../drift/revision.js';
import { driftedEnvironments, issueNumbers, summaryMarkdown } from '../../drift/summary.js';
import { PlumblineError } from '../../errors.js';
import { createGitHubForge } from '../../forge/github.js';
import { runUrl } from '../ci-context.js';
import { logSafe } from '../log-safe.js';
import { booleanInput, choiceInput, listInput, repositoryRoot } from './inputs.js';
import { withKubeconfig } from './kubeconfig.js';

const MODES = ['live', 'reader'] as const;

export async function runDriftAction(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const repoRoot = repositoryRoot(workspace, core.getInput('config'));
  const environments = listInput('environments');
  const mode = choiceInput('mode', MODES) ?? 'live';
  const forge = booleanInput('issues', true) ? gitHubForge(core.getInput('github-token')) : undefined;
  const labels = listInput('labels');
  const after = core.getInput('after');
  const revisionFrom = core.getInput('revision-from');
  const link = runUrl();
  const run = await withKubeconfig(core.getInput('kubeconfig'), (kubeconfigPath) =>
    runDrift({
      repoRoot,
      environments,
      mode,
      // Without the input, the cluster client reads the runner's KUBECONFIG.
      ...(kubeconfigPath ? { kubeconfigPath } : {}),
      ...(forge ? { forge } : {}),
      ...(labels.length > 0 ? { labels } : {}),
      ...(after ? { after: parseAfter(after) } : {}),
      ...(revisionFrom ? { revisionSource: parseRevisionSource(revisionFrom) } : {}),
      ...(link ? { runUrl: link } : {}),
      log: (message) => core.info(logSafe(message)),
    }),
  );
  const drifted = driftedEnvironments(run.environments);
  core.setOutput('drifted', JSON.stringify(drifted));
  core.setOutput('issues', JSON.stringify(issueNumbers(run.environments)));
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(run.environments)).write();

  const failures = run.environments.flatMap((entry) => [
    ...(entry.drift.error === undefined ? [] : [`${entry.drift.environment}: ${entry.drift.error}`]),
    ...(entry.issueError === undefined
      ? []
      : [`${entry.drift.environment}: the issue could not be updated: ${entry.issueError}`]),
  ]);
  for (const failure of failures) core.error(failure);
  if (failures.length > 0) {
    core.setFailed(
      `${failures.length} of ${run.environments.length} checks failed; the job summary says which`,
    );
  } else if (drifted.length > 0 && booleanInput('fail-on-drift', false)) {
    core.setFailed(`drift in ${drifted.join(', ')} (fail-on-drift is set)`);
  }
}

function gitHubForge(token: string) {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo)
    throw new PlumblineError('GITHUB_REPOSITORY is not set; the drift action runs in GitHub Actions');
  if (!token) {
    throw new PlumblineError(
      'input github-token is empty, so drift issues cannot be kept',
      'Keep the default (the workflow token, with permissions: issues: write) or set issues: false.',
    );
  }
  return createGitHubForge({
    token,
    owner,
    repo,
    ...(process.env.GITHUB_API_URL ? { apiUrl: process.env.GITHUB_API_URL } : {}),
    logger: { warning: (message: string) => core.warning(message) },
  });
}

function parseAfter(text: string): number {
  const after = Number(text);
  if (!Number.isInteger(after) || after < 1)
    throw new PlumblineError(`input after must be a whole number ≥ 1, got '${text}'`);
  return after;
}
