/**
 * Raw JSON over HTTPS to one API server, with the kubeconfig's credentials.
 *
 * plumbline does not use the typed clients of @kubernetes/client-node for objects: their
 * (de)serialisers drop fields the bundled models do not know and turn timestamps into Date
 * objects, and a diff must see exactly what the server stores. The kubeconfig handling
 * (tokens, client certificates, exec plugins, CA) is the library's.
 *
 * Every request sent is counted, retries included: the count is what a run costs the
 * API server. A 401 is always a credentials problem and says so. 429 and 5xx answers
 * are retried with backoff, a reset keep-alive socket at once; other network failures
 * become a PlumblineError naming the server and context.
 */
import type { IncomingHttpHeaders } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { PlumblineError } from '../errors.js';
import { credentialsRejected, unreachableError } from './errors.js';
import { safeLibraryMessage } from './kubeconfig-text.js';

export interface KubeResponse {
  status: number;
  /** Parsed JSON, or the raw text when the server did not send JSON. */
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface RequestOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  /** Instead of `application/json`: aggregated discovery asks for its own media type. */
  accept?: string;
}

export interface TransportOptions {
  /** Per request; the API server's own default timeout for a LIST is 60 s. */
  timeoutMs?: number;
  /** Attempts for a 429 or 5xx answer, the first included. */
  attempts?: number;
  /** Backoff before the second attempt; doubled each time, capped at 5 s. */
  backoffMs?: number;
}

const RETRY_CAP_MS = 5_000;
export const USER_AGENT = 'plumbline';

export class KubeTransport {
  #sent = 0;
  readonly #agent: http.Agent | undefined;
  readonly #timeoutMs: number;
  readonly #attempts: number;
  readonly #backoffMs: number;

  private constructor(
    private readonly kubeConfig: KubeConfig,
    readonly server: string,
    readonly context: string,
    agent: http.Agent | undefined,
    options: TransportOptions,
  ) {
    this.#agent = agent;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#attempts = options.attempts ?? 4;
    this.#backoffMs = options.backoffMs ?? 250;
  }

  /** A transport for the kubeconfig's current context (set it before calling). */
  static async create(kubeConfig: KubeConfig, options: TransportOptions = {}): Promise<KubeTransport> {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new PlumblineError('The kubeconfig has no cluster for its current context.');
    const tls: https.RequestOptions = {};
    try {
      await kubeConfig.applyToHTTPSOptions(tls);
    } catch (error) {
      // Unreadable certificate files, a failing exec plugin, plain http without
      // insecure-skip-tls-verify: the library's message says which.
      throw new PlumblineError(
        `The kubeconfig context ${kubeConfig.currentContext} cannot be used: ${safeLibraryMessage(error, kubeConfig)}`,
        'Fix that context in the kubeconfig (kubectl config view shows it).',
        { cause: error },
      );
    }
    // One keep-alive agent for the whole run: a TLS handshake per request would dominate
    // the cost of a plan. A proxy needs the library's own agent.
    const agent = cluster.proxyUrl
      ? (tls.agent as http.Agent)
      : cluster.server.startsWith('https:')
        ? new https.Agent({
            keepAlive: true,
            ca: tls.ca,
            cert: tls.cert,
            key: tls.key,
            pfx: tls.pfx,
            passphrase: tls.passphrase,
            servername: tls.servername,
            ...(tls.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: tls.rejectUnauthorized }),
          })
        : new http.Agent({ keepAlive: true });
    return new KubeTransport(
      kubeConfig,
      cluster.server.replace(/\/+$/, ''),
      kubeConfig.currentContext,
      agent,
      options,
    );
  }

  /** Requests sent so far, retries included. */
  requestCount(): number {
    return this.#sent;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<KubeResponse> {
    for (let attempt = 1; ; attempt++) {
      let response: KubeResponse;
      try {
        response = await this.#send(method, path, options);
      } catch (error) {
        // A keep-alive socket the server closed in the meantime fails this way; a fresh one works.
        const code = (error as NodeJS.ErrnoException).code;
        if ((code === 'ECONNRESET' || code === 'EPIPE') && attempt < this.#attempts) continue;
        throw unreachableError(error, this.server, this.context);
      }
      if (response.status === 401) {
        throw credentialsRejected(
          this.server,
          this.context,
          this.kubeConfig.getCurrentUser()?.name ?? 'unknown',
        );
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable) return response;
      if (attempt >= this.#attempts) {
        throw new PlumblineError(
          `The Kubernetes API server at ${this.server} (context ${this.context}) answered ${method} ${path} with HTTP ${response.status} ${attempt} times in a row.`,
          'The API server is overloaded or failing; retry later, or ask its operators about its health.',
        );
      }
      await sleep(this.#retryDelay(response, attempt));
    }
  }

  /** Releases the keep-alive sockets so the process can exit. */
  close(): void {
    this.#agent?.destroy();
  }

  #retryDelay(response: KubeResponse, attempt: number): number {
    const retryAfter = Number(response.headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, RETRY_CAP_MS);
    return Math.min(this.#backoffMs * 2 ** (attempt - 1), RETRY_CAP_MS);
  }

  async #send(method: string, path: string, options: RequestOptions): Promise<KubeResponse> {
    const url = new URL(this.server + path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    // Credentials are read per request so that exec plugins and token files can refresh.
    const auth: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(auth);
    // The user agent lets an API server's audit log tell plumbline's requests apart.
    const headers: Record<string, string> = {
      Accept: options.accept ?? 'application/json',
      'User-Agent': USER_AGENT,
    };
    for (const [name, value] of Object.entries(auth.headers ?? {})) {
      if (value !== undefined) headers[name] = String(value);
    }
    if (auth.auth) headers.Authorization = `Basic ${Buffer.from(auth.auth).toString('base64')}`;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';

    this.#sent++;
    const module = url.protocol === 'http:' ? http : https;
    return new Promise<KubeResponse>((resolve, reject) => {
      const request = module.request(url, { method, headers, agent: this.#agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: parseBody(text), headers: response.headers });
        });
      });
      request.setTimeout(this.#timeoutMs, () => {
        request.destroy(
          Object.assign(new Error(`no answer within ${this.#timeoutMs / 1000} s`), { code: 'ETIMEDOUT' }),
        );
      });
      request.on('error', reject);
      request.end(payload);
    });
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
