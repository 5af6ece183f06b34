import { describe, expect, it } from 'vitest';
import { gitLabMessage, insufficientScope } from '../../../src/forge/gitlab-errors.js';
import { nextPageQuery } from '../../../src/forge/gitlab-http.js';
import { decideRetry, defaultRetryPolicy } from '../../../src/forge/gitlab-retry.js';

const now = Date.UTC(2025, 5, 1, 12, 0, 0);
const outcome = (
  method: string,
  status: number | undefined,
  headers: Record<string, string> = {},
  attempt = 1,
) => ({
  method,
  status,
  headers,
  attempt,
  now,
});

describe('decideRetry', () => {
  it('retries 429 for every method, as long as Retry-After says', () => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      expect(decideRetry(outcome(method, 429, { 'retry-after': '3' }), defaultRetryPolicy)).toEqual({
        retry: true,
        waitMs: 3000,
      });
    }
  });

  it('reads Retry-After as an HTTP date, and RateLimit-ResetTime when nothing else is said', () => {
    const inTen = new Date(now + 10_000).toUTCString();
    expect(decideRetry(outcome('GET', 429, { 'retry-after': inTen }), defaultRetryPolicy)).toEqual({
      retry: true,
      waitMs: 10_000,
    });
    expect(decideRetry(outcome('GET', 429, { 'ratelimit-resettime': inTen }), defaultRetryPolicy)).toEqual({
      retry: true,
      waitMs: 10_000,
    });
  });

  it('ignores RateLimit-Reset on a 5xx: only a 429 means the window is spent', () => {
    const headers = { 'ratelimit-reset': String(now / 1000 + 50) };
    expect(decideRetry(outcome('GET', 503, headers), defaultRetryPolicy)).toEqual({
      retry: true,
      waitMs: 1000,
    });
  });

  it('retries 5xx and lost answers only for idempotent methods', () => {
    expect(decideRetry(outcome('PUT', 502), defaultRetryPolicy)).toEqual({ retry: true, waitMs: 1000 });
    expect(decideRetry(outcome('DELETE', undefined), defaultRetryPolicy)).toEqual({
      retry: true,
      waitMs: 1000,
    });
    expect(decideRetry(outcome('POST', 502), defaultRetryPolicy)).toEqual({
      retry: false,
      reason: 'not-retryable',
    });
    expect(decideRetry(outcome('POST', undefined), defaultRetryPolicy)).toEqual({
      retry: false,
      reason: 'not-retryable',
    });
  });

  it('never retries what a retry cannot fix', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 501]) {
      expect(decideRetry(outcome('GET', status), defaultRetryPolicy)).toEqual({
        retry: false,
        reason: 'not-retryable',
      });
    }
  });

  it('stops after the last attempt and refuses waits above the limit', () => {
    expect(decideRetry(outcome('GET', 500, {}, 4), defaultRetryPolicy)).toEqual({
      retry: false,
      reason: 'attempts-exhausted',
    });
    expect(decideRetry(outcome('GET', 429, { 'retry-after': '121' }), defaultRetryPolicy)).toEqual({
      retry: false,
      reason: 'wait-too-long',
      waitMs: 121_000,
    });
  });
});

describe("GitLab's error bodies", () => {
  it('flattens every shape GitLab uses into one line', () => {
    expect(gitLabMessage({ message: '404 Project Not Found' })).toBe('404 Project Not Found');
    expect(gitLabMessage({ message: { title: ["can't be blank"], labels: ['is invalid'] } })).toBe(
      "title can't be blank; labels is invalid",
    );
    expect(gitLabMessage({ message: ['Another open merge request already exists'] })).toBe(
      'Another open merge request already exists',
    );
    expect(gitLabMessage({ error: 'title is missing' })).toBe('title is missing');
    expect(gitLabMessage('<html>Bad Gateway</html>')).toBe('<html>Bad Gateway</html>');
  });

  it('finds the missing scope in the body or, failing that, in WWW-Authenticate', () => {
    expect(insufficientScope({ error: 'insufficient_scope', scope: 'api read_api' }, {})).toBe('api');
    expect(
      insufficientScope(
        {},
        { 'www-authenticate': 'Bearer realm="", error="insufficient_scope", scope="api"' },
      ),
    ).toBe('api');
    expect(insufficientScope({ message: '403 Forbidden' }, {})).toBeUndefined();
  });
});

describe('nextPageQuery', () => {
  it('follows x-next-page and stops on an empty one', () => {
    expect(nextPageQuery({ 'x-next-page': '3' }, { per_page: 100, page: '2', sort: 'asc' })).toEqual({
      per_page: 100,
      page: '3',
      sort: 'asc',
    });
    expect(
      nextPageQuery({ 'x-next-page': '', link: '<https://x/api/v4/a?page=9>; rel="next"' }, {}),
    ).toBeUndefined();
  });

  it("takes the cursor from Link when GitLab pages by keyset, but not the Link's host", () => {
    const link =
      '<https://gitlab.example.com/api/v4/projects/7/issues?cursor=eyJpZCI6NDJ9&per_page=100&pagination=keyset>; rel="next", <https://gitlab.example.com/api/v4/projects/7/issues?per_page=100>; rel="first"';
    expect(nextPageQuery({ link }, { per_page: 100 })).toEqual({
      cursor: 'eyJpZCI6NDJ9',
      per_page: '100',
      pagination: 'keyset',
    });
    expect(nextPageQuery({}, {})).toBeUndefined();
  });
});
