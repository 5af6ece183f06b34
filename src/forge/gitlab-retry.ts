/**
 * When to send a GitLab request again, and after how long. Pure: the HTTP client feeds it
 * the answer (or the network failure) and the clock, and sleeps for what it says.
 *
 * - 429 is retried for every method: GitLab's rate limiter refused the request before doing
 *   anything. The wait comes from Retry-After (seconds or an HTTP date), else from
 *   RateLimit-Reset (a Unix time) or RateLimit-ResetTime (an HTTP date), else a backoff.
 * - 5xx and network failures are retried only for idempotent methods: a POST that timed out
 *   may have created its note, and a second one would leave a duplicate.
 * - A wait longer than the policy allows is not slept through: the job fails with GitLab's
 *   own figure, which the user can act on, instead of hanging until the job times out.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The longest single wait plumbline accepts, in seconds. */
  maxWaitSeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, maxWaitSeconds: 120 };

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRIED_SERVER_ERRORS = new Set([500, 502, 503, 504]);

export type RetryDecision =
  | { retry: true; waitMs: number }
  | { retry: false; reason: 'not-retryable' | 'attempts-exhausted' }
  | { retry: false; reason: 'wait-too-long'; waitMs: number };

export interface AttemptOutcome {
  method: string;
  /** The HTTP status, or undefined when no answer came (connection reset, timeout). */
  status: number | undefined;
  headers: Record<string, string | undefined>;
  /** 1 for the first attempt. */
  attempt: number;
  /** Milliseconds since the epoch. */
  now: number;
}

export function decideRetry(outcome: AttemptOutcome, policy: RetryPolicy): RetryDecision {
  const { method, status, headers, attempt, now } = outcome;
  const retryable =
    status === 429 || (IDEMPOTENT.has(method) && (status === undefined || RETRIED_SERVER_ERRORS.has(status)));
  if (!retryable) return { retry: false, reason: 'not-retryable' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  const asked = status === undefined ? undefined : serverWaitMs(headers, now, status === 429);
  const waitMs = asked ?? backoffMs(attempt);
  if (waitMs > policy.maxWaitSeconds * 1000) return { retry: false, reason: 'wait-too-long', waitMs };
  return { retry: true, waitMs };
}

/**
 * The wait the server asked for, if it said. Retry-After counts for any status (GitLab sends
 * it on 429 and proxies send it on 503); the RateLimit-* reset only means "wait" on a 429.
 */
export function serverWaitMs(
  headers: Record<string, string | undefined>,
  now: number,
  rateLimited: boolean,
): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(at - now, 0);
  }
  if (!rateLimited) return undefined;
  return rateLimitResetMs(headers, now);
}

/** Milliseconds until GitLab's rate-limit window resets, from RateLimit-Reset or RateLimit-ResetTime. */
export function rateLimitResetMs(
  headers: Record<string, string | undefined>,
  now: number,
): number | undefined {
  const reset = headers['ratelimit-reset']?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(Number(reset) * 1000 - now, 0);
  const resetTime = headers['ratelimit-resettime'];
  if (resetTime) {
    const at = Date.parse(resetTime);
    if (!Number.isNaN(at)) return Math.max(at - now, 0);
  }
  return undefined;
}

/** 1 s, 2 s, 4 s, ... capped at 30 s: enough for a GitLab deploy or a proxy restart to pass. */
export function backoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 30_000);
}
