/**
 * Which forge plumbline talks to, and how, from the environment a CLI run finds itself in:
 * GitLab CI's predefined variables, GitHub Actions' variables, or the same variables set by
 * hand outside CI. The one place entries ask; commands only ever see a Forge.
 */
import { PlumblineError } from '../errors.js';
import type { Forge } from '../forge/forge.js';
import type { ForgeLogger } from '../forge/github.js';
import { createGitLabForge } from '../forge/gitlab.js';
import { gitLabForgeOptionsFromEnvironment } from '../forge/gitlab-env.js';
import { printLog } from './cli/output.js';
import { gitHubForge } from './github-forge.js';

export const FORGE_KINDS = ['github', 'gitlab'] as const;
export type ForgeKind = (typeof FORGE_KINDS)[number];

type Environment = Record<string, string | undefined>;

const set = (env: Environment, name: string) => (env[name]?.trim() ?? '') !== '';

/**
 * GitLab inside a GitLab CI job (GITLAB_CI), checked first because a job may inherit
 * GitHub variables from wherever its runner was started; GitHub everywhere else.
 */
export function detectForge(env: Environment = process.env): ForgeKind {
  if (set(env, 'GITLAB_CI')) return 'gitlab';
  return 'github';
}

export interface ForgeFromEnvironmentOptions {
  /** owner/name to use when GITHUB_REPOSITORY is not set, e.g. read from the git remote. */
  repository?: string;
  logger?: ForgeLogger;
}

/**
 * The forge of `kind`, configured from `env`. Throws a PlumblineError naming the missing
 * variable when the token or the repository/project cannot be found.
 *
 *   github  GITHUB_TOKEN (or GH_TOKEN), GITHUB_REPOSITORY, GITHUB_API_URL
 *   gitlab  CI_API_V4_URL, CI_PROJECT_ID and the token in PLUMBLINE_GITLAB_TOKEN (see gitlab-env.ts)
 */
export function forgeFromEnvironment(
  kind: ForgeKind,
  env: Environment = process.env,
  options: ForgeFromEnvironmentOptions = {},
): Forge {
  const logger = options.logger ?? {
    warning: (message: string) => printLog(message),
  };
  if (kind === 'gitlab') {
    return createGitLabForge({
      ...gitLabForgeOptionsFromEnvironment(env),
      logger: { warning: logger.warning, debug: logger.debug ?? (() => {}) },
    });
  }
  const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
  if (!token) {
    throw new PlumblineError(
      'GITHUB_TOKEN is not set, so plumbline cannot reach GitHub',
      'Set GITHUB_TOKEN (or GH_TOKEN) to a token with the permissions the command needs (plan: pull-requests: write; promote: contents and pull-requests: write; drift: issues: write); in a workflow, github.token works. On GitLab, pass --forge gitlab.',
    );
  }
  const repository = env.GITHUB_REPOSITORY?.trim() || options.repository || '';
  return gitHubForge({
    token,
    repository,
    apiUrl: env.GITHUB_API_URL,
    logger,
  });
}

/** owner/name of a github.com remote URL (https or ssh), or undefined for any other URL. */
export function gitHubRepositoryOfRemote(url: string): string | undefined {
  return /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url.trim())?.[1];
}

/**
 * The branch a CI run is on, when the CI checks out a detached HEAD: GitLab's
 * CI_COMMIT_BRANCH (branch pipelines), GitHub's GITHUB_REF_NAME for a branch ref.
 */
export function branchFromEnvironment(kind: ForgeKind, env: Environment = process.env): string | undefined {
  if (kind === 'gitlab') return env.CI_COMMIT_BRANCH?.trim() || undefined;
  return env.GITHUB_REF?.startsWith('refs/heads/') ? env.GITHUB_REF_NAME?.trim() || undefined : undefined;
}
