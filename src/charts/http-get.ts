/**
 * One GET for the chart sources: a bounded body, a timeout, redirects followed only where
 * the caller allows, and the failures that pass on their own (a refused connection, a 5xx,
 * a 429) retried with backoff. Every error names the host and what plumbline was fetching,
 * never a header it sent: credentials travel in `Authorization` only.
 */
import http from 'node:http';
import https from 'node:https';
import pRetry, { AbortError } from 'p-retry';
import { PlumblineError } from '../errors.js';

export interface HttpGetOptions {
  /** What is being fetched, for errors: `the index of https://charts.example.com`. */
  what: string;
  headers?: Record<string, string>;
  /** PEM certificates trusted beside Node's own roots. */
  ca?: string;
  /** A body beyond this many bytes fails the fetch. */
  maxBytes: number;
  /** Whether a redirect to `url` may be followed; credentials never follow a redirect. */
  mayFollow(url: URL): boolean;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Where the answer came from, after redirects. */
  url: URL;
}

/** Statuses worth another try: the server or a proxy in front of it may recover. */
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);
const ATTEMPTS = 3;
const TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
/** The longest Retry-After plumbline waits for; a longer one fails at once with its advice. */
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * The answer to a GET of `url`. 2xx, 3xx without a usable Location and 4xx but 429 are
 * returned for the caller to judge; a 5xx or 429 that outlasts the retries, and a network
 * failure, throw a PlumblineError.
 */
export async function httpGet(url: URL, options: HttpGetOptions): Promise<HttpAnswer> {
  return pRetry(() => attempt(url, options), {
    retries: ATTEMPTS - 1,
    minTimeout: 300,
    factor: 3,
  });
}

async function attempt(url: URL, options: HttpGetOptions): Promise<HttpAnswer> {
  let current = url;
  let headers = options.headers ?? {};
  for (let redirects = 0; ; redirects++) {
    const answer = await requestOnce(current, headers, options);
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      const next = new URL(location, current);
      if (redirects >= MAX_REDIRECTS) throw new AbortError(tooManyRedirects(options.what, url));
      if (!options.mayFollow(next)) throw new AbortError(redirectRefused(options.what, current, next));
      // A credential is meant for the host it was configured for, not where it sends us.
      if (next.host !== current.host) headers = withoutAuthorization(headers);
      current = next;
      continue;
    }
    if (TRANSIENT_STATUSES.has(answer.status)) {
      const wait = retryAfterMs(answer.headers['retry-after']);
      if (wait !== undefined && wait > MAX_RETRY_AFTER_MS)
        throw new AbortError(transientFailure(options.what, current, answer.status, wait));
      if (wait !== undefined) await new Promise((resolve) => setTimeout(resolve, wait));
      throw transientFailure(options.what, current, answer.status, wait);
    }
    return answer;
  }
}

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  options: HttpGetOptions,
): Promise<HttpAnswer> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return Promise.reject(
      new AbortError(
        new PlumblineError(
          `${options.what}: ${url.protocol} URLs are not fetched`,
          'Use an http(s):// repository or an oci:// registry.',
        ),
      ),
    );
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        headers: { 'user-agent': 'plumbline', ...headers },
        timeout: TIMEOUT_MS,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > options.maxBytes) {
            response.destroy();
            reject(new AbortError(tooLarge(options.what, url, options.maxBytes)));
          } else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            url,
          }),
        );
        response.on('error', (error) => reject(unreachable(options.what, url, error)));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(unreachable(options.what, url, error)));
  });
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
  );
}

/** Retry-After in milliseconds: seconds, or an HTTP date. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The address without its path's query, which may carry a signed token. */
export function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function unreachable(what: string, url: URL, error: Error & { code?: string }): Error {
  const code = error.code ?? '';
  const certificate = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
  const reason = certificate ? `its TLS certificate is not trusted (${code})` : error.message;
  const failure = new PlumblineError(
    `could not fetch ${what} from ${url.host}: ${reason}`,
    certificate
      ? `Give the CA that signs ${url.host}'s certificate as caFile of host ${url.host} in render.repositories.`
      : `Check that the address is right and that the runner reaches ${url.host} (proxy, firewall, DNS).`,
  );
  // A certificate that is not trusted will not be trusted on the next try either.
  return certificate ? new AbortError(failure) : failure;
}

function transientFailure(
  what: string,
  url: URL,
  status: number,
  waitMs: number | undefined,
): PlumblineError {
  const rateLimited = status === 429;
  const after = waitMs === undefined ? '' : ` (it asked to wait ${Math.ceil(waitMs / 1000)} s)`;
  return new PlumblineError(
    rateLimited
      ? `${url.host} rate-limited the fetch of ${what}: HTTP 429 on each of ${ATTEMPTS} tries${after}`
      : `${url.host} failed to serve ${what}: HTTP ${status} on each of ${ATTEMPTS} tries`,
    rateLimited
      ? 'Retry later, give credentials for the host in render.repositories (registries allow more to signed-in users), or keep the chart cache between runs so fewer requests are made.'
      : `The repository at ${url.host} is failing; retry later, or check its status page.`,
  );
}

function redirectRefused(what: string, from: URL, to: URL): PlumblineError {
  return new PlumblineError(
    `${from.host} redirected the fetch of ${what} to ${to.host}, which the configuration does not allow`,
    `Add ${to.host} to render.allowHosts in the configuration of the base branch if that host is expected to serve it.`,
  );
}

function tooManyRedirects(what: string, url: URL): PlumblineError {
  return new PlumblineError(
    `the fetch of ${what} from ${url.host} was redirected more than ${MAX_REDIRECTS} times`,
    'Check the repository address.',
  );
}

function tooLarge(what: string, url: URL, maxBytes: number): PlumblineError {
  return new PlumblineError(
    `${what} from ${url.host} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`,
    'Check the repository address; a chart or index this large is not what plumbline expects.',
  );
}
