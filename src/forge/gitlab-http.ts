/**
 * A small client for GitLab's REST API: JSON in and out, the token in an Authorization
 * header, every list paged to the end, retries by ./gitlab-retry.ts, failures turned into
 * ForgeError by ./gitlab-errors.ts, and a custom CA for self-managed instances.
 *
 * Why not @gitbeaker/rest: it retries 429 and 502 for every method (a POST may have created
 * its note already), ignores Retry-After and GitLab's RateLimit-* headers, and since 39.x
 * takes no CA or agent option, leaving only NODE_TLS_REJECT_UNAUTHORIZED=0 or
 * NODE_EXTRA_CA_CERTS set before Node starts. plumbline needs a dozen routes; this is less
 * code than working around those.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import {
  type FailedRequest,
  gitLabRequestError,
  isCertificateFailure,
  type TokenSource,
} from './gitlab-errors.js';
import { decideRetry, defaultRetryPolicy, type RetryPolicy, rateLimitResetMs } from './gitlab-retry.js';

export interface GitLabLogger {
  debug(message: string): void;
  warning(message: string): void;
}

export interface GitLabClientOptions {
  token: string;
  /** The API root, e.g. `$CI_API_V4_URL` (`https://gitlab.example.com/api/v4`). */
  apiUrl: string;
  /** PEM certificates to trust beside Node's own roots, for a self-managed instance's private CA. */
  ca?: string;
  /** Named in error hints; the token's value never is. */
  tokenSource: TokenSource;
  retry?: Partial<RetryPolicy>;
  /** Seconds before a request with no answer is abandoned (and retried when idempotent). */
  timeoutSeconds?: number;
  logger?: GitLabLogger;
  /** Injected by tests to observe waits without spending them. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  /** What plumbline is doing, for errors: `post a note on merge request !4`. */
  action: string;
  query?: Record<string, QueryValue>;
  body?: Record<string, unknown>;
}

export interface GitLabResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
}

export interface GitLabClient {
  request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: RequestOptions,
  ): Promise<GitLabResponse<T>>;
  /** Every item of a list route, following x-next-page (offset) or Link rel="next" (keyset). */
  paginate<T>(path: string, options: Omit<RequestOptions, 'body'>): Promise<T[]>;
}

/** A bound on pages, so a server that always says "next" cannot loop plumbline forever. */
const MAX_PAGES = 1000;

interface RawAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
}

export function createGitLabClient(options: GitLabClientOptions): GitLabClient {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const base = options.apiUrl.replace(/\/+$/, '');
  const agent = createAgent(base, options.ca);
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  // Set when GitLab says the window is spent (RateLimit-Remaining: 0): the next request waits
  // for the reset instead of earning a 429.
  let pausedUntil = 0;

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    { action, query, body }: RequestOptions,
  ): Promise<GitLabResponse<T>> {
    const url = new URL(base + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const failure = (
      partial: Pick<FailedRequest, 'status' | 'body' | 'headers' | 'attempts'> & Partial<FailedRequest>,
    ) => gitLabRequestError({ action, apiUrl: base, token: options.tokenSource, ...partial });

    for (let attempt = 1; ; attempt++) {
      const pause = pausedUntil - now();
      if (pause > 0) {
        logger?.debug(`GitLab's rate-limit window is spent; waiting ${Math.ceil(pause / 1000)} s`);
        await sleep(pause);
      }
      let answer: RawAnswer | undefined;
      let networkCode: string | undefined;
      try {
        answer = await send(url, method, options.token, payload, agent, timeoutMs);
      } catch (error) {
        networkCode = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      }
      const headers = answer?.headers ?? {};
      if (answer) notePause(headers);
      if (answer && answer.status < 400) {
        return { status: answer.status, data: parseBody(answer) as T, headers };
      }

      const decision = isCertificateFailure(networkCode)
        ? ({ retry: false, reason: 'not-retryable' } as const)
        : decideRetry({ method, status: answer?.status, headers, attempt, now: now() }, policy);
      if (decision.retry) {
        const what = answer ? `answered ${answer.status}` : `did not answer (${networkCode})`;
        logger?.warning(
          `GitLab ${what} while plumbline tried to ${action}; retrying in ${Math.ceil(decision.waitMs / 1000)} s ` +
            `(attempt ${attempt + 1} of ${policy.maxAttempts})`,
        );
        await sleep(decision.waitMs);
        continue;
      }
      throw failure({
        status: answer?.status,
        body: answer ? parseBody(answer) : undefined,
        headers,
        attempts: attempt,
        networkCode,
        ...(decision.reason === 'wait-too-long' ? { waitMs: decision.waitMs } : {}),
      });
    }
  }

  function notePause(headers: Record<string, string | undefined>): void {
    if (headers['ratelimit-remaining']?.trim() !== '0') return;
    const wait = rateLimitResetMs(headers, now());
    if (wait !== undefined) pausedUntil = now() + Math.min(wait, policy.maxWaitSeconds * 1000);
  }

  async function paginate<T>(path: string, { action, query }: Omit<RequestOptions, 'body'>): Promise<T[]> {
    const items: T[] = [];
    let pageQuery: Record<string, QueryValue> = { ...query, per_page: 100 };
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await request<T[]>('GET', path, { action, query: pageQuery });
      if (!Array.isArray(response.data)) {
        throw gitLabRequestError({
          action,
          apiUrl: base,
          token: options.tokenSource,
          status: response.status,
          body: 'GitLab answered a list route with something that is not a list',
          headers: response.headers,
          attempts: 1,
        });
      }
      items.push(...response.data);
      const next = nextPageQuery(response.headers, pageQuery);
      if (next === undefined) return items;
      pageQuery = next;
    }
    logger?.warning(`stopped after ${MAX_PAGES} pages while plumbline tried to ${action}`);
    return items;
  }

  return { request, paginate };
}

/**
 * The query of the next page, or undefined on the last one. x-next-page is GitLab's offset
 * pagination (empty on the last page); without it (keyset pagination, or lists above 10,000
 * items) the Link header's rel="next" carries the cursor. Only the Link's query is taken:
 * its host is GitLab's external URL, which a runner may not reach the way it reaches
 * $CI_API_V4_URL.
 */
export function nextPageQuery(
  headers: Record<string, string | undefined>,
  current: Record<string, QueryValue>,
): Record<string, QueryValue> | undefined {
  const nextPage = headers['x-next-page'];
  if (nextPage !== undefined) {
    return nextPage.trim() === '' ? undefined : { ...current, page: nextPage.trim() };
  }
  const link = headers.link;
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return Object.fromEntries(new URL(match[1]!).searchParams);
  }
  return undefined;
}

function createAgent(base: string, ca: string | undefined): http.Agent {
  if (!base.startsWith('https:')) return new http.Agent({ keepAlive: true });
  if (ca === undefined) return new https.Agent({ keepAlive: true });
  // `ca` replaces Node's trust store, so the default roots (with NODE_EXTRA_CA_CERTS, where
  // this Node can list them) go in beside the instance's own CA.
  const defaults = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates?.(
    'default',
  ) ?? [...tls.rootCertificates];
  return new https.Agent({ keepAlive: true, ca: [...defaults, ca] });
}

function send(
  url: URL,
  method: string,
  token: string,
  payload: string | undefined,
  agent: http.Agent,
  timeoutMs: number,
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${token}`,
    'user-agent': 'plumbline',
  };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(url, { method, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const flat: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(incoming.headers)) {
          flat[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({
          status: incoming.statusCode ?? 0,
          headers: flat,
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    outgoing.setTimeout(timeoutMs, () => {
      outgoing.destroy(
        Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

function parseBody(answer: RawAnswer): unknown {
  if (answer.text === '') return undefined;
  if (answer.headers['content-type']?.includes('json')) {
    try {
      return JSON.parse(answer.text);
    } catch {
      return answer.text;
    }
  }
  return answer.text;
}
