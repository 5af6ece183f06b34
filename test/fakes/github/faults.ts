/**
 * Failures a test asks the fake GitHub to answer with, shaped like GitHub's own: the same
 * status, message and headers, so the client's retry and throttling logic sees what it
 * would see from api.github.com.
 */

export interface FaultOptions {
  /** A plain failure with GitHub's usual message for that status. */
  status?: 401 | 403 | 404 | 422 | 429 | 500 | 502 | 503;
  /**
   * A rate limit: `primary` answers x-ratelimit-remaining: 0 with x-ratelimit-reset;
   * `secondary` answers "You have exceeded a secondary rate limit" with retry-after.
   * Both use status 403 unless `status: 429` is given, as GitHub sends either.
   */
  rateLimit?: 'primary' | 'secondary';
  /** Seconds in retry-after (secondary limits, or any status when set). */
  retryAfter?: number;
  /** Seconds until x-ratelimit-reset (primary limits); default 3600. */
  resetIn?: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** Only requests with this method fail. */
  method?: string;
  /** Only requests whose path, or OpenAPI route template, equals this string or matches this pattern. */
  path?: string | RegExp;
  /** Overrides GitHub's message. */
  message?: string;
}

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: { message: string; documentation_url: string; status: string };
}

const MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

export class FaultQueue {
  private readonly rules: Array<FaultOptions & { remaining: number }> = [];

  add(options: FaultOptions): void {
    if (!options.status && !options.rateLimit) throw new Error('a fault needs a status or a rateLimit');
    this.rules.push({ ...options, remaining: options.times ?? 1 });
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** The failure for this request, if a rule matches; consumes one use of that rule. */
  take(
    method: string,
    pathname: string,
    template: string | undefined,
    nowSeconds: number,
  ): FaultReply | undefined {
    const index = this.rules.findIndex((rule) => matches(rule, method, pathname, template));
    const rule = this.rules[index];
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return reply(rule, nowSeconds);
  }
}

function matches(
  rule: FaultOptions,
  method: string,
  pathname: string,
  template: string | undefined,
): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  const candidates = template ? [pathname, template] : [pathname];
  return candidates.some((c) => (typeof rule.path === 'string' ? c === rule.path : rule.path?.test(c)));
}

function reply(rule: FaultOptions, nowSeconds: number): FaultReply {
  const headers: Record<string, string> = {};
  let status = rule.status ?? 403;
  let message = rule.message ?? MESSAGES[status] ?? 'Error';
  let docs = 'https://docs.github.com/rest';
  if (rule.rateLimit === 'primary') {
    status = rule.status ?? 403;
    message = rule.message ?? 'API rate limit exceeded for installation ID 4242.';
    docs = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
    headers['x-ratelimit-limit'] = '5000';
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-used'] = '5000';
    headers['x-ratelimit-reset'] = String(nowSeconds + (rule.resetIn ?? 3600));
    headers['x-ratelimit-resource'] = 'core';
  } else if (rule.rateLimit === 'secondary') {
    status = rule.status ?? 403;
    message =
      rule.message ??
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';
    docs =
      'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
    headers['retry-after'] = String(rule.retryAfter ?? 60);
  }
  if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
  return { status, headers, body: { message, documentation_url: docs, status: String(status) } };
}
