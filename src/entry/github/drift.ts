/**
 * actions/drift: inputs -> `runDrift` -> issues, outputs and the job summary.
 *   drifted  JSON array of the environments that drifted, e.g. ["staging"]
 *   issues   JSON array of their issue numbers, e.g. [12]
 * The kubeconfig input holds content: it is masked, written to a private temporary file
 * for the run and removed afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { runDrift } from '../../commands/drift.js';
import { CONFIG_FILES } from '../../config/load.js';
import { parseRevisionSource } from '../../drift/revision.js';
import { driftedEnvironments, issueNumbers, summaryMarkdown } from '../../drift/summary.js';
import { PlumblineError } from '../../errors.js';
import { createGitHubForge } from '../../forge/github.js';

export async function runDriftAction(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const repoRoot = repositoryRoot(workspace, core.getInput('config'));
  const mode = core.getInput('mode') || 'live';
  if (mode !== 'live' && mode !== 'reader') {
    throw new PlumblineError(`input mode must be live or reader, got '${mode}'`);
  }
  const issues = core.getBooleanInput('issues');
  const labels = list(core.getInput('labels'));
  const after = core.getInput('after');
  const revisionFrom = core.getInput('revision-from');
  const kubeconfigDir = await writeKubeconfig(core.getInput('kubeconfig'));
  try {
    const run = await runDrift({
      repoRoot,
      environments: list(core.getInput('environments')),
      mode,
      ...(kubeconfigDir ? { kubeconfigPath: join(kubeconfigDir, 'kubeconfig') } : {}),
      ...(issues ? { forge: gitHubForge(core.getInput('github-token')) } : {}),
      ...(labels.length > 0 ? { labels } : {}),
      ...(after ? { after: parseAfter(after) } : {}),
      ...(revisionFrom ? { revisionSource: parseRevisionSource(revisionFrom) } : {}),
      ...(runUrl() ? { runUrl: runUrl()! } : {}),
      log: (message) => core.info(message),
    });
    const drifted = driftedEnvironments(run.environments);
    core.setOutput('drifted', JSON.stringify(drifted));
    core.setOutput('issues', JSON.stringify(issueNumbers(run.environments)));
    await core.summary.addRaw(summaryMarkdown(run.environments)).write();

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
    } else if (drifted.length > 0 && core.getBooleanInput('fail-on-drift')) {
      core.setFailed(`drift in ${drifted.join(', ')} (fail-on-drift is set)`);
    }
  } finally {
    if (kubeconfigDir) await rm(kubeconfigDir, { recursive: true, force: true });
  }
}

/** The kubeconfig content in a private file; undefined keeps the runner's KUBECONFIG. */
async function writeKubeconfig(content: string): Promise<string | undefined> {
  if (content.trim() === '') return undefined;
  core.setSecret(content);
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'plumbline-kube-'));
  await writeFile(join(dir, 'kubeconfig'), content, { mode: 0o600 });
  return dir;
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

function repositoryRoot(workspace: string, config: string): string {
  if (!config) return workspace;
  const path = resolve(workspace, config);
  if (!(CONFIG_FILES as readonly string[]).includes(basename(path))) {
    throw new PlumblineError(
      `input config: plumbline reads its configuration from plumbline.yaml or plumbline.yml, got '${config}'`,
      'Point it at plumbline.yaml; its folder is taken as the repository root.',
    );
  }
  return dirname(path);
}

function parseAfter(text: string): number {
  const after = Number(text);
  if (!Number.isInteger(after) || after < 1)
    throw new PlumblineError(`input after must be a whole number ≥ 1, got '${text}'`);
  return after;
}

/** One per line or separated by commas. */
function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
  return GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
    ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
    : undefined;
}
