/**
 * GitHub's HTTP failures as ForgeErrors a user can act on: what plumbline was doing, what
 * GitHub said, and what to change (the token, a workflow permission, a repository setting,
 * or simply re-running later).
 */
import { ForgeError } from './forge.js';

/** What a call was for, in the words of its error messages. */
export interface GitHubOperation {
  /** e.g. `comment on pull request #12 in acme/app` */
  action: string;
  /** The workflow permission the call needs, e.g. `pull-requests: write`. */
  permission: string;
}

interface HttpFailure {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data?: unknown };
}

function isHttpFailure(error: unknown): error is HttpFailure {
  return (
    typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
  );
}

export function httpStatus(error: unknown): number | undefined {
  return isHttpFailure(error) ? error.status : undefined;
}

/** GitHub's own message (`message` plus any validation `errors`), without Octokit's decoration. */
export function gitHubMessage(error: unknown): string {
  if (!isHttpFailure(error)) return error instanceof Error ? error.message : String(error);
  const data = error.response?.data as { message?: string; errors?: unknown[] } | undefined;
  const details = (data?.errors ?? []).map((entry) => {
    if (typeof entry === 'string') return entry;
    const e = entry as { message?: string; field?: string; code?: string; resource?: string };
    return e.message ?? [e.resource, e.field, e.code].filter(Boolean).join(' ');
  });
  const message = data?.message ?? error.message;
  return details.length > 0 ? `${message}: ${details.join('; ')}` : message;
}

export function toForgeError(error: unknown, operation: GitHubOperation, apiUrl: string): ForgeError {
  if (error instanceof ForgeError) return error;
  const cause = { cause: error };
  if (!isHttpFailure(error) || (error.status >= 500 && !error.response)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new ForgeError(
      `Could not reach GitHub at ${apiUrl} to ${operation.action}: ${reason}.`,
      undefined,
      'Check the network from this runner and the API URL (GITHUB_API_URL on GitHub Enterprise Server).',
      cause,
    );
  }
  const { status } = error;
  const headers = error.response?.headers ?? {};
  const said = gitHubMessage(error);

  if (status === 401) {
    return new ForgeError(
      `GitHub rejected the token (401 ${said}) when plumbline tried to ${operation.action}.`,
      status,
      'The token is invalid or expired. Pass a valid one: the github-token input (its default, the workflow token, works) or GITHUB_TOKEN for the CLI.',
      cause,
    );
  }
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = new Date(Number(headers['x-ratelimit-reset']) * 1000);
    const when = Number.isNaN(reset.getTime()) ? 'later' : `at ${reset.toISOString()}`;
    return new ForgeError(
      `GitHub's API rate limit for this token is used up; plumbline could not ${operation.action}. It resets ${when}.`,
      status,
      'Re-run after the reset, or give plumbline a token with its own allowance (a GitHub App installation token).',
      cause,
    );
  }
  if ((status === 403 || status === 429) && /secondary rate limit/i.test(said)) {
    return new ForgeError(
      `GitHub's secondary rate limit stopped plumbline from trying to ${operation.action}, even after waiting and retrying.`,
      status,
      'Wait a few minutes and re-run; avoid many plumbline jobs writing to the same repository at the same moment.',
      cause,
    );
  }
  if (status === 429) {
    return new ForgeError(
      `GitHub answered 429 (${said}) when plumbline tried to ${operation.action}.`,
      status,
      'GitHub is limiting this token; wait a few minutes and re-run.',
      cause,
    );
  }
  if (status === 403 && /not permitted to create or approve pull requests/i.test(said)) {
    return new ForgeError(
      `GitHub does not let workflows create pull requests in this repository; plumbline could not ${operation.action}.`,
      status,
      'Enable "Allow GitHub Actions to create and approve pull requests" in the repository (or organization) settings under Actions > General > Workflow permissions, or pass the token of a GitHub App or a user.',
      cause,
    );
  }
  if (status === 403) {
    return new ForgeError(
      `GitHub refused to let plumbline ${operation.action} (403 ${said}).`,
      status,
      `The token lacks the "${operation.permission}" permission. Add it to the workflow's or job's permissions: block (permissions: { ${operation.permission} }), or pass a token that has it.`,
      cause,
    );
  }
  if (status === 404) {
    return new ForgeError(
      `GitHub found nothing when plumbline tried to ${operation.action} (404 ${said}).`,
      status,
      'Check the repository and number, and that the token can see the repository: a token from another repository, or without access to a private one, gets 404.',
      cause,
    );
  }
  if (status === 422) {
    return new ForgeError(
      `GitHub refused the request to ${operation.action}: ${said}.`,
      status,
      "GitHub's validation message says what it did not accept; if it is about a field plumbline fills in, please report it.",
      cause,
    );
  }
  if (status >= 500) {
    return new ForgeError(
      `GitHub answered ${status} (${said}) when plumbline tried to ${operation.action}, and kept failing after retries.`,
      status,
      'GitHub is having trouble; re-run the job in a few minutes (https://www.githubstatus.com).',
      cause,
    );
  }
  return new ForgeError(
    `GitHub answered ${status} (${said}) when plumbline tried to ${operation.action}.`,
    status,
    'Re-run the job; if it keeps failing, please report it with this message.',
    cause,
  );
}
