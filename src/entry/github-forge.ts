/**
 * The one way an entry builds a GitHub forge. Where the token and the repository come from
 * (an action's inputs and context, or the CLI's environment variables), and what to say
 * when one is missing, is each entry's own business; the forge is built the same way.
 */
import { PlumblineError } from '../errors.js';
import type { Forge } from '../forge/forge.js';
import { createGitHubForge, type ForgeLogger } from '../forge/github.js';

export interface GitHubForgeSource {
  token: string;
  /** owner/name */
  repository: string;
  /** GITHUB_API_URL; absent: github.com's API. */
  apiUrl?: string;
  logger: ForgeLogger;
}

export function gitHubForge(source: GitHubForgeSource): Forge {
  const [owner, repo, extra] = source.repository.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new PlumblineError(
      `GITHUB_REPOSITORY must be owner/name; got '${source.repository}'`,
      'GitHub Actions sets it; elsewhere set it yourself, e.g. GITHUB_REPOSITORY=acme/deploy.',
    );
  }
  const apiUrl = source.apiUrl?.trim();
  return createGitHubForge({
    token: source.token,
    owner,
    repo,
    ...(apiUrl ? { apiUrl } : {}),
    logger: source.logger,
  });
}
