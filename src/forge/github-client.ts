/**
 * The Octokit client behind the GitHub forge: @actions/github's getOctokit with the retry
 * plugin for server errors and the throttling plugin for GitHub's rate limits. Waits are
 * bounded and reported through a logger the caller passes in, so the adapter does not
 * depend on the action runtime and the CLI can print the same warnings.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

export interface ForgeLogger {
  warning(message: string): void;
  debug?(message: string): void;
}

export interface GitHubClientOptions {
  token: string;
  apiUrl: string;
  userAgent: string;
  logger: ForgeLogger;
  /** Retries after a server error or a secondary rate limit; default 3. */
  retries?: number;
  /**
   * Multiplies every wait: retry backoff, retry-after, the rate-limit reset and the
   * spacing between writes. 1 in production; tests shrink it so that a 60 s retry-after
   * takes 60 ms while every decision stays the same.
   */
  timeScale?: number;
}

export type GitHubClient = ReturnType<typeof getOctokit>;

/** A primary rate limit that resets later than this is reported, not waited out. */
const LONGEST_RESET_WAIT_SECONDS = 60;
/** A secondary rate limit asking for a longer pause than this is reported, not waited out. */
const LONGEST_SECONDARY_WAIT_SECONDS = 180;

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { logger } = options;
  const retries = options.retries ?? 3;
  const scale = options.timeScale ?? 1;
  const describe = (request: { method: string; url: string }) => `${request.method} ${request.url}`;
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      userAgent: options.userAgent,
      log: {
        debug: (message: string) => logger.debug?.(message),
        info: (message: string) => logger.debug?.(message),
        warn: (message: string) => logger.warning(message),
        error: (message: string) => logger.warning(message),
      },
      retry: {
        retries,
        retryAfterBaseValue: 1000 * scale,
        // Rate limits (403, 429) belong to the throttling plugin, which honours GitHub's
        // retry-after and reset headers; this plugin only backs off from server errors.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        retryAfterBaseValue: 1000 * scale,
        // GitHub asks integrations to leave a second between writes, and more between
        // writes that notify people (comments, issues, pull requests).
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 1000 * scale }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 * scale }),
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          if (retryCount < 1 && retryAfter <= LONGEST_RESET_WAIT_SECONDS) {
            logger.warning(
              `GitHub rate limit reached on ${describe(request)}; it resets in ${retryAfter} s, waiting.`,
            );
            return true;
          }
          return false;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          if (retryCount < retries && retryAfter <= LONGEST_SECONDARY_WAIT_SECONDS) {
            logger.warning(
              `GitHub secondary rate limit on ${describe(request)}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries}).`,
            );
            return true;
          }
          return false;
        },
      },
    },
    retry,
    throttling,
  );
}
