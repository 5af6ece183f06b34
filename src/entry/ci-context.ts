/**
 * What the CI run an entry finds itself in says about itself, read the same way by the
 * CLI and the GitHub Actions entries.
 */

type Environment = Record<string, string | undefined>;

/** A link to this CI run (a GitLab job or a GitHub Actions run), for comments and issues. */
export function runUrl(env: Environment = process.env): string | undefined {
  if (env.GITLAB_CI && env.CI_JOB_URL) return env.CI_JOB_URL;
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  return GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
    ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
    : undefined;
}
