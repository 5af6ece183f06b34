/** The promote action: inputs -> the promote command -> outputs. */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { type PromoteOptions, promote } from '../../commands/promote.js';
import { planTargetChange } from '../../commands/promote-plan.js';
import { loadConfig } from '../../config/load.js';
import { PlumblineError } from '../../errors.js';
import { createGitHubForge } from '../../forge/github.js';
import { logSafe } from '../log-safe.js';
import { booleanInput, choiceInput, listInput } from './inputs.js';

export async function runPromoteAction(): Promise<void> {
  const repoRoot = core.getInput('path') || process.env.GITHUB_WORKSPACE || process.cwd();
  const payloadBase = (github.context.payload.repository as { default_branch?: string } | undefined)
    ?.default_branch;
  const base = core.getInput('base') || payloadBase;
  const images = listInput('images');
  const labels = listInput('labels');
  const via = choiceInput('via', ['pull-request', 'commit'] as const);
  const group = choiceInput('group', ['environment', 'image'] as const);
  const config = await loadConfig(repoRoot);
  const options: PromoteOptions = {
    repoRoot,
    config,
    to: core.getInput('to', { required: true }),
    dryRun: booleanInput('dry-run', false),
    ...(core.getInput('from') && { from: core.getInput('from') }),
    ...(core.getInput('image') && { image: core.getInput('image') }),
    ...(core.getInput('tag') && { tag: core.getInput('tag') }),
    ...(core.getInput('digest') && { digest: core.getInput('digest') }),
    ...(via && { via }),
    ...(group && { group }),
    ...(images.length > 0 && { images }),
    ...(labels.length > 0 && { labels }),
    ...(booleanInput('allow-downgrade', false) && { allowDowngrade: true }),
    ...(base && { base }),
    // The identity GitHub shows for workflow commits, used only when git has none configured.
    author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
  };
  const token = core.getInput('github-token');
  const { owner, repo } = github.context.repo;
  const forge = token
    ? createGitHubForge({
        token,
        owner,
        repo,
        apiUrl: github.context.apiUrl,
        logger: { warning: core.warning, debug: core.debug },
      })
    : undefined;

  const result = await promote(options, {
    ...(forge
      ? { forge }
      : {
          missingForge: new PlumblineError(
            'the input github-token is empty',
            'Leave github-token at its default (github.token) or give a token with contents: write and pull-requests: write.',
          ),
        }),
    describeTargetChange: planTargetChange(config),
    log: (line) => core.info(logSafe(line)),
  });

  for (const warning of result.warnings) core.warning(warning);
  const request = result.changes.find((change) => change.changeRequest)?.changeRequest;
  core.setOutput('promoted', JSON.stringify(result.promoted));
  core.setOutput('status', result.status);
  core.setOutput('pull-request-number', request ? String(request.number) : '');
  core.setOutput('pull-request-url', request?.url ?? '');
  core.setOutput(
    'pull-requests',
    JSON.stringify(
      result.changes.flatMap((change) =>
        change.changeRequest ? [{ branch: change.branch, ...change.changeRequest }] : [],
      ),
    ),
  );
}
