/**
 * actions/drift: inputs -> `runDrift` -> issues, outputs and the job summary.
 *   drifted  JSON array of the environments that drifted, e.g. ["staging"]
 *   issues   JSON array of their issue numbers, e.g. [12]
 * The kubeconfig input holds content: it is masked, written to a private temporary file
 * for the run and removed afterwards.
 */
import * as core from '@actions/core';
import { runDrift } from '../../commands/drift.js';
import { driftedEnvironments, issueNumbers, summaryMarkdown } from '../../drift/summary.js';
import { runUrl } from '../ci-context.js';
import { gitHubForge } from '../github-forge.js';
import { chooseKubeconfig } from '../kubeconfig-path.js';
import { readDriftSettings } from './drift-settings.js';
import { withKubeconfig } from './kubeconfig.js';
import { actionLog } from './log.js';

export async function runDriftAction(): Promise<void> {
  const settings = readDriftSettings();
  const forge = settings.token
    ? gitHubForge({
        token: settings.token,
        repository: process.env.GITHUB_REPOSITORY ?? '',
        apiUrl: process.env.GITHUB_API_URL,
        logger: { warning: (message: string) => core.warning(message), debug: core.debug },
      })
    : undefined;
  const link = runUrl();
  const run = await withKubeconfig(settings.kubeconfig, (written) => {
    // Without the input, the cluster client reads the runner's KUBECONFIG.
    const kubeconfig = chooseKubeconfig(written);
    return runDrift({
      repoRoot: settings.repoRoot,
      environments: settings.environments,
      mode: settings.mode,
      kubeconfigPath: kubeconfig.path,
      ...(settings.chartCache ? { chartCache: settings.chartCache } : {}),
      ...(settings.shard ? { shard: settings.shard } : {}),
      forge,
      ...(settings.labels.length > 0 ? { labels: settings.labels } : {}),
      after: settings.after,
      revisionSource: settings.revisionSource,
      runUrl: link,
      log: actionLog(),
    });
  });
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
  } else if (drifted.length > 0 && settings.failOnDrift) {
    core.setFailed(`drift in ${drifted.join(', ')} (fail-on-drift is set)`);
  }
}
