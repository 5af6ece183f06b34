/**
 * The fake GitHub REST API: a local HTTP server with state in memory, every request and
 * response checked against GitHub's OpenAPI description. A request GitHub would refuse
 * gets GitHub's 4xx and is recorded in `violations`, which tests assert is empty, so a bad
 * request fails the test even when the code under test swallows the error.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FaultOptions, FaultQueue } from './faults.js';
import { HANDLERS, type HandlerContext, HttpError, type Reply } from './handlers.js';
import { gitHubOpenApi } from './openapi.js';
import { FakeGitHubState } from './state.js';

export interface LoggedRequest {
  method: string;
  /** The path without the query string, e.g. /repos/acme/app/issues/1/comments */
  path: string;
  query: string;
  /** The OpenAPI route, e.g. `POST /repos/{owner}/{repo}/issues/{issue_number}/comments` */
  route: string | undefined;
  status: number;
}

export interface Violation {
  method: string;
  path: string;
  route: string | undefined;
  problems: string[];
}

export interface FakeGitHub {
  /** The API root to give a client, e.g. http://127.0.0.1:43123 */
  readonly url: string;
  readonly state: FakeGitHubState;
  /** Every request in order. */
  readonly requests: LoggedRequest[];
  /** Requests or responses GitHub's OpenAPI description does not allow. */
  readonly violations: Violation[];
  /** Make the next matching request(s) fail the way GitHub fails. */
  fail(options: FaultOptions): void;
  /** How many requests went to `route` (e.g. `POST /repos/{owner}/{repo}/issues`). */
  count(route: string): number;
  close(): Promise<void>;
}

/** The default token: the workflow token of a job, acting as github-actions[bot]. */
export const WORKFLOW_TOKEN = 'ghs_workflowtoken000000000000000000000';

export interface FakeGitHubOptions {
  /** Repositories to create (default: acme/app). */
  repos?: string[];
  /**
   * owner/name -> a bare git repository backing it: the repository (created if not in
   * `repos`) then has git's branches, and deleting a head branch closes its pull requests.
   */
  gitRemotes?: Record<string, string>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const openApi = gitHubOpenApi();
  const state = new FakeGitHubState();
  state.addToken(WORKFLOW_TOKEN);
  const gitRemotes = options.gitRemotes ?? {};
  const names = new Set([...(options.repos ?? ['acme/app']), ...Object.keys(gitRemotes)]);
  for (const repo of names) {
    const gitRemote = gitRemotes[repo];
    state.addRepo(repo, gitRemote ? { gitRemote } : {});
  }
  const faults = new FaultQueue();
  const requests: LoggedRequest[] = [];
  const violations: Violation[] = [];
  const remaining = new Map<string, number>();
  const resetAt = Math.floor(Date.now() / 1000) + 3600;

  const server = createServer((request, response) => {
    readBody(request)
      .then((raw) => {
        const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
        const method = (request.method ?? 'GET').toUpperCase();
        const base = `http://${request.headers.host}`;
        const match = openApi.match(method, url.pathname);
        const log = (reply: Reply) => {
          requests.push({
            method,
            path: url.pathname,
            query: url.search,
            route: match?.route,
            status: reply.status,
          });
          send(response, reply);
        };
        const violate = (problems: string[]) =>
          violations.push({ method, path: url.pathname, route: match?.route, problems });

        if (!match) {
          violate([`${method} ${url.pathname} is not an operation of the GitHub REST API`]);
          return log(errorReply(404, 'Not Found'));
        }
        let body: unknown;
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw);
          } catch {
            violate(['the body is not JSON']);
            return log(errorReply(400, 'Problems parsing JSON'));
          }
        }
        const checked = openApi.checkRequest(match, url.searchParams, body, raw.length > 0);
        if (checked.problems.length > 0) {
          violate(checked.problems);
          return log(errorReply(422, `Invalid request.\n\n${checked.problems.join('\n')}`));
        }

        const fault = faults.take(
          method,
          url.pathname,
          match.route.split(' ')[1],
          Math.floor(Date.now() / 1000),
        );
        if (fault) return log({ status: fault.status, body: fault.body, headers: fault.headers });

        const authorization = request.headers.authorization;
        if (!authorization) return log(errorReply(401, 'Requires authentication'));
        const token = state.tokens.get(authorization.replace(/^(token|bearer)\s+/i, ''));
        if (!token) return log(errorReply(401, 'Bad credentials'));

        const handler = HANDLERS[match.route];
        if (!handler) {
          violate([`the fake GitHub does not implement ${match.route} (${match.operationId})`]);
          return log(errorReply(501, `not implemented by the fake: ${match.route}`));
        }
        const left = (remaining.get(authorization) ?? 5000) - 1;
        remaining.set(authorization, left);
        const rateHeaders = {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': String(Math.max(left, 0)),
          'x-ratelimit-used': String(5000 - Math.max(left, 0)),
          'x-ratelimit-reset': String(resetAt),
          'x-ratelimit-resource': 'core',
        };
        const context: HandlerContext = {
          state,
          token,
          params: { ...checked.params },
          body,
          urls: { api: base, web: 'https://github.example.test' },
          url,
        };
        let reply: Reply;
        try {
          reply = handler(context);
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          reply = errorReply(error.status, error.message, error.extra, error.headers);
        }
        if (reply.status < 300) {
          const problems = openApi.checkResponse(match.route, reply.status, reply.body);
          if (problems.length > 0) violate(problems.map((p) => `the fake's own ${p}`));
        }
        log({ ...reply, headers: { ...rateHeaders, ...reply.headers } });
      })
      .catch((error: unknown) => {
        violations.push({
          method: request.method ?? '',
          path: request.url ?? '',
          route: undefined,
          problems: [`the fake crashed: ${error instanceof Error ? error.stack : String(error)}`],
        });
        send(response, errorReply(500, 'fake GitHub crashed'));
      });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    violations,
    fail: (fault) => faults.add(fault),
    count: (route) => requests.filter((r) => r.route === route).length,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function errorReply(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers,
    body: { message, ...extra, documentation_url: 'https://docs.github.com/rest', status: String(status) },
  };
}

function send(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'x-github-api-version-selected': '2022-11-28', ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  response
    .writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(reply.body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
