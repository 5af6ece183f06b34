/** The promote action: inputs (promote-settings.ts) -> the promote command -> outputs. */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { loadCheckoutConfig } from '../../commands/checkout-config.js';
import { type PromoteOptions, promote } from '../../commands/promote.js';
import { planTargetChange } from '../../commands/promote-plan.js';
import { PlumblineError } from '../../errors.js';
import { gitHubForge } from '../github-forge.js';
import { logSafe } from '../log-safe.js';
import { readPromoteSettings } from './promote-settings.js';

export async function runPromoteAction(): Promise<void> {
  const settings = readPromoteSettings();
  const { repoRoot, token, ...chosen } = settings;
  const config = await loadCheckoutConfig(repoRoot);
  const options: PromoteOptions = {
    repoRoot,
    config,
    to: chosen.to,
    dryRun: chosen.dryRun,
    from: chosen.from,
    image: chosen.image,
    tag: chosen.tag,
    digest: chosen.digest,
    via: chosen.via,
    group: chosen.group,
    ...(chosen.images.length > 0 && { images: chosen.images }),
    ...(chosen.labels.length > 0 && { labels: chosen.labels }),
    ...(chosen.allowDowngrade && { allowDowngrade: true }),
    base: chosen.base,
    // The identity GitHub shows for workflow commits, used only when git has none configured.
    author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
  };
  const forge = token
    ? gitHubForge({
        token,
        repository: `${github.context.repo.owner}/${github.context.repo.repo}`,
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
