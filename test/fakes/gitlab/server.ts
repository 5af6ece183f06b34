/**
 * A stateful fake of the GitLab REST API (v4) on a random loopback port: notes, issues,
 * merge requests and labels, with GitLab's pagination headers, its error bodies, token
 * scopes and roles, injectable faults, a request log and request-shape checking against
 * ./api-shapes.ts. It is the only fake in plumbline's tests; everything it answers follows
 * the GitLab documentation the shapes cite.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { matchShape, type RequestShape, shapeViolations } from './api-shapes.js';
import {
  type FakeGitLabToken,
  type FakeGitLabUser,
  type FakeIssue,
  type FakeMergeRequest,
  type FakeNote,
  type FakeProject,
  GitLabState,
  type Role,
} from './state.js';

export interface LoggedRequest {
  method: string;
  /** Relative to `/api/v4`, percent-encoded as sent. */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  /** The shape the request matched, e.g. `GET /projects/:id/issues`. */
  route: string | undefined;
  status: number;
  /** The username behind the token, when the token was known. */
  user: string | undefined;
  /** True when the answer came from an injected fault. */
  fault: boolean;
}

/** An answer to force on upcoming requests, instead of the real one. */
export interface Fault {
  status: number;
  /** Seconds (or an HTTP date) for the Retry-After header. */
  retryAfter?: number | string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only requests this matches consume the fault; others pass through. */
  match?: { method?: string; path?: RegExp };
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`fake GitLab answered ${status}`);
  }
}

const ROLE_RANK: Record<Role, number> = { guest: 10, reporter: 20, developer: 30, maintainer: 40 };

export class FakeGitLab {
  readonly state = new GitLabState();
  /** Every request in arrival order. */
  readonly requests: LoggedRequest[] = [];
  /** Requests GitLab's documented API would not accept; tests assert this stays empty. */
  readonly violations: string[] = [];
  private readonly faults: Fault[] = [];
  private server: Server | undefined;
  private origin = '';

  /** Base URL of the API, like `$CI_API_V4_URL`. */
  get url(): string {
    return `${this.origin}/api/v4`;
  }

  /** Base of web URLs, like `$CI_SERVER_URL`. */
  get webUrl(): string {
    return this.origin;
  }

  /** Listens on a random loopback port; with `tls`, over HTTPS as a self-managed instance with its own CA would. */
  async start(options: { tls?: { key: string; cert: string } } = {}): Promise<this> {
    const handler = (request: IncomingMessage, response: ServerResponse) => {
      this.handle(request, response).catch((error: unknown) => {
        this.violations.push(`fake GitLab crashed: ${String(error)}`);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    };
    const server: Server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  /** Answers the next `count` matching requests with `fault` instead of handling them. */
  failNext(count: number, fault: Fault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  /** Every request as `METHOD /path/:template` (or the raw path when no route matched), for compact asserts. */
  routes(): string[] {
    return this.requests.map((request) => request.route ?? `${request.method} ${request.path}`);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const method = request.method ?? 'GET';
    const raw = await readBody(request);
    const path = url.pathname.startsWith('/api/v4/') ? url.pathname.slice('/api/v4'.length) : url.pathname;
    const entry: LoggedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      route: undefined,
      status: 0,
      user: undefined,
      fault: false,
    };
    this.requests.push(entry);

    const answer = this.answer(request, method, path, url, raw, entry);
    entry.status = answer.status;
    const headers: Record<string, string> = { ...answer.headers };
    let payload = '';
    if (answer.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(answer.body);
    }
    response.writeHead(answer.status, headers);
    response.end(payload);
  }

  private answer(
    request: IncomingMessage,
    method: string,
    path: string,
    url: URL,
    raw: string,
    entry: LoggedRequest,
  ): Answer {
    const match = matchShape(method, path);
    entry.route = match ? `${method} ${match.shape.path}` : undefined;
    const faultIndex = this.faults.findIndex(
      (fault) =>
        (fault.match?.method === undefined || fault.match.method === method) &&
        (fault.match?.path === undefined || fault.match.path.test(path)),
    );
    if (faultIndex >= 0) {
      const fault = this.faults.splice(faultIndex, 1)[0]!;
      entry.fault = true;
      const headers = { ...fault.headers };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      return { status: fault.status, headers, body: fault.body ?? { message: defaultMessage(fault.status) } };
    }

    if (!url.pathname.startsWith('/api/v4/') || !match) {
      this.violations.push(`${method} ${url.pathname}: no such route in the GitLab API shapes`);
      return { status: 404, body: { error: '404 Not Found' } };
    }

    let body: Record<string, unknown> | undefined;
    if (raw !== '') {
      const type = request.headers['content-type'] ?? '';
      if (!type.startsWith('application/json')) {
        this.violations.push(
          `${entry.route}: body sent as ${type || 'no content type'}, not application/json`,
        );
        return { status: 400, body: { error: 'plumbline sends JSON bodies only' } };
      }
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        body = parsed as Record<string, unknown>;
      } catch {
        this.violations.push(`${entry.route}: body is not a JSON object`);
        return { status: 400, body: { error: 'body is not valid JSON' } };
      }
    }
    entry.body = body;
    const problems = shapeViolations(match.shape, url.searchParams, body);
    if (problems.length > 0) {
      this.violations.push(`${entry.route}: ${problems.join('; ')}`);
      return { status: 400, body: { error: problems.join(', ') } };
    }

    const token = tokenOf(request);
    const caller = token === undefined ? undefined : this.state.tokens.get(token);
    if (!caller || caller.job) return { status: 401, body: { message: '401 Unauthorized' } };
    entry.user = caller.user.username;
    const needed = method === 'GET' ? ['api', 'read_api'] : ['api'];
    if (!caller.scopes.some((scope) => needed.includes(scope))) {
      const description = 'The request requires higher privileges than provided by the access token.';
      return {
        status: 403,
        headers: {
          'www-authenticate': `Bearer realm="", error="insufficient_scope", error_description="${description}", scope="${needed.join(' ')}"`,
        },
        body: { error: 'insufficient_scope', error_description: description, scope: needed.join(' ') },
      };
    }

    try {
      return this.route(match.shape, match.params, url, body ?? {}, caller);
    } catch (error) {
      if (error instanceof HttpProblem)
        return { status: error.status, body: error.body, headers: error.headers };
      throw error;
    }
  }

  private route(
    shape: RequestShape,
    params: Record<string, string>,
    url: URL,
    body: Record<string, unknown>,
    caller: FakeGitLabToken,
  ): Answer {
    const key = `${shape.method} ${shape.path}`;
    if (key === 'GET /user') return { status: 200, body: this.userJson(caller.user) };

    const project = this.state.findProject(params.id!);
    const role = project?.members.get(caller.user.id);
    if (!project || role === undefined) throw new HttpProblem(404, { message: '404 Project Not Found' });
    const branches = this.state.syncWithGit(project);
    const can = (needed: Role) => ROLE_RANK[role] >= ROLE_RANK[needed];
    const forbid = (): never => {
      throw new HttpProblem(403, { message: '403 Forbidden' });
    };
    const query = url.searchParams;

    switch (key) {
      case 'GET /projects/:id/issues': {
        let issues = project.issues.filter((issue) => matchesLabels(issue.labels, query.get('labels')));
        const state = query.get('state') ?? 'all';
        if (state !== 'all') issues = issues.filter((issue) => issue.state === state);
        return this.page(url, ordered(issues, query, 'desc'), (issue) => this.issueJson(project, issue));
      }
      case 'POST /projects/:id/issues': {
        const issue = this.state.addIssue(project, {
          title: requireText(body.title, 'title'),
          description: optionalText(body.description),
          labels: splitLabels(body.labels),
          author: caller.user,
        });
        return { status: 201, body: this.issueJson(project, issue) };
      }
      case 'GET /projects/:id/issues/:issue_iid':
        return {
          status: 200,
          body: this.issueJson(project, findIid(project.issues, params.issue_iid!, 'Issue')),
        };
      case 'PUT /projects/:id/issues/:issue_iid': {
        const issue = findIid(project.issues, params.issue_iid!, 'Issue');
        if (!can('reporter') && issue.authorId !== caller.user.id) forbid();
        this.editCommon(project, issue, body, caller.user);
        if (body.state_event === 'close' && issue.state === 'opened') {
          issue.state = 'closed';
          issue.closedAt = this.state.now();
        } else if (body.state_event === 'reopen' && issue.state === 'closed') {
          issue.state = 'opened';
          issue.closedAt = null;
        }
        issue.updatedAt = this.state.now();
        return { status: 200, body: this.issueJson(project, issue) };
      }

      case 'GET /projects/:id/merge_requests': {
        let requests = project.mergeRequests.filter((request) =>
          matchesLabels(request.labels, query.get('labels')),
        );
        const state = query.get('state') ?? 'all';
        if (state !== 'all') requests = requests.filter((request) => request.state === state);
        const source = query.get('source_branch');
        if (source !== null) requests = requests.filter((request) => request.sourceBranch === source);
        const target = query.get('target_branch');
        if (target !== null) requests = requests.filter((request) => request.targetBranch === target);
        return this.page(url, ordered(requests, query, 'desc'), (request) =>
          this.mergeRequestJson(project, request),
        );
      }
      case 'POST /projects/:id/merge_requests': {
        if (!can('developer')) forbid();
        const sourceBranch = requireText(body.source_branch, 'source_branch');
        const targetBranch = requireText(body.target_branch, 'target_branch');
        if (sourceBranch === targetBranch) {
          throw new HttpProblem(422, {
            message: ["You can't use same project/branch for source and target"],
          });
        }
        // Only a git-backed project knows its branches; GitLab answers a validation error.
        for (const [field, branch] of [
          ['source_branch', sourceBranch],
          ['target_branch', targetBranch],
        ] as const) {
          if (branches !== undefined && !branches.has(branch)) {
            throw new HttpProblem(400, { message: { [field]: ['does not exist'] } });
          }
        }
        const existing = project.mergeRequests.find(
          (request) =>
            request.state === 'opened' &&
            request.sourceBranch === sourceBranch &&
            request.targetBranch === targetBranch,
        );
        if (existing) {
          throw new HttpProblem(409, {
            message: [`Another open merge request already exists for this source branch: !${existing.iid}`],
          });
        }
        const request = this.state.addMergeRequest(project, {
          title: requireText(body.title, 'title'),
          description: optionalText(body.description),
          sourceBranch,
          targetBranch,
          labels: splitLabels(body.labels),
          author: caller.user,
          removeSourceBranch: body.remove_source_branch === true,
        });
        return { status: 201, body: this.mergeRequestJson(project, request) };
      }
      case 'GET /projects/:id/merge_requests/:merge_request_iid': {
        const request = findIid(project.mergeRequests, params.merge_request_iid!, 'Merge Request');
        return { status: 200, body: this.mergeRequestJson(project, request) };
      }
      case 'PUT /projects/:id/merge_requests/:merge_request_iid': {
        const request = findIid(project.mergeRequests, params.merge_request_iid!, 'Merge Request');
        if (!can('developer') && request.authorId !== caller.user.id) forbid();
        this.editCommon(project, request, body, caller.user);
        if (body.state_event === 'close' && request.state === 'opened') request.state = 'closed';
        else if (body.state_event === 'reopen' && request.state === 'closed') request.state = 'opened';
        if (typeof body.target_branch === 'string') request.targetBranch = body.target_branch;
        request.updatedAt = this.state.now();
        return { status: 200, body: this.mergeRequestJson(project, request) };
      }

      case 'GET /projects/:id/issues/:issue_iid/notes':
      case 'GET /projects/:id/merge_requests/:merge_request_iid/notes': {
        const noteable = this.noteable(project, params);
        return this.page(url, ordered(noteable.target.notes, query, 'desc'), (note) =>
          this.noteJson(noteable, note),
        );
      }
      case 'POST /projects/:id/issues/:issue_iid/notes':
      case 'POST /projects/:id/merge_requests/:merge_request_iid/notes': {
        const noteable = this.noteable(project, params);
        const text = requireText(body.body, 'body');
        if (text.length > 1_000_000)
          throw new HttpProblem(400, { message: { note: ['is too long (maximum is 1000000 characters)'] } });
        const note = this.state.addNote(noteable.target, { body: text, author: caller.user });
        return { status: 201, body: this.noteJson(noteable, note) };
      }
      case 'PUT /projects/:id/issues/:issue_iid/notes/:note_id':
      case 'PUT /projects/:id/merge_requests/:merge_request_iid/notes/:note_id': {
        const noteable = this.noteable(project, params);
        const note = findNote(noteable.target, params.note_id!);
        if (note.authorId !== caller.user.id || note.system) forbid();
        const text = requireText(body.body, 'body');
        if (text.length > 1_000_000)
          throw new HttpProblem(400, { message: { note: ['is too long (maximum is 1000000 characters)'] } });
        note.body = text;
        note.updatedAt = this.state.now();
        return { status: 200, body: this.noteJson(noteable, note) };
      }
      case 'DELETE /projects/:id/issues/:issue_iid/notes/:note_id':
      case 'DELETE /projects/:id/merge_requests/:merge_request_iid/notes/:note_id': {
        const noteable = this.noteable(project, params);
        const note = findNote(noteable.target, params.note_id!);
        if ((note.authorId !== caller.user.id && !can('maintainer')) || note.system) forbid();
        noteable.target.notes.splice(noteable.target.notes.indexOf(note), 1);
        return { status: 204 };
      }

      case 'GET /projects/:id/labels':
        return this.page(url, project.labels, (label) => ({
          ...label,
          text_color: '#FFFFFF',
          subscribed: false,
          priority: null,
          is_project_label: true,
        }));
      case 'POST /projects/:id/labels': {
        if (!can('reporter')) forbid();
        const name = requireText(body.name, 'name');
        if (project.labels.some((label) => label.name === name)) {
          throw new HttpProblem(409, { message: 'Label already exists' });
        }
        const label = {
          id: this.state.nextId(),
          name,
          color: String(body.color),
          description: optionalText(body.description),
        };
        project.labels.push(label);
        return {
          status: 201,
          body: {
            ...label,
            text_color: '#FFFFFF',
            subscribed: false,
            priority: null,
            is_project_label: true,
          },
        };
      }
    }
    throw new Error(`fake GitLab: route ${key} has a shape but no handler`);
  }

  /** Title, description and labels, shared by issues and merge requests; records system notes as GitLab does. */
  private editCommon(
    project: FakeProject,
    target: FakeIssue | FakeMergeRequest,
    body: Record<string, unknown>,
    user: FakeGitLabUser,
  ): void {
    if (typeof body.title === 'string' && body.title !== target.title) {
      this.state.addNote(target, {
        body: `changed title from **${target.title}** to **${body.title}**`,
        author: user,
        system: true,
      });
      target.title = body.title;
    }
    if (typeof body.description === 'string' && body.description !== target.description) {
      this.state.addNote(target, { body: 'changed the description', author: user, system: true });
      target.description = body.description;
    }
    if (body.labels !== undefined) target.labels = splitLabels(body.labels);
    for (const name of splitLabels(body.add_labels))
      if (!target.labels.includes(name)) target.labels.push(name);
    const removed = splitLabels(body.remove_labels);
    target.labels = target.labels.filter((name) => !removed.includes(name));
    this.state.ensureLabels(project, target.labels);
  }

  private noteable(
    project: FakeProject,
    params: Record<string, string>,
  ): { target: FakeIssue | FakeMergeRequest; type: 'Issue' | 'MergeRequest'; project: FakeProject } {
    if (params.issue_iid !== undefined) {
      return { target: findIid(project.issues, params.issue_iid, 'Issue'), type: 'Issue', project };
    }
    return {
      target: findIid(project.mergeRequests, params.merge_request_iid!, 'Merge Request'),
      type: 'MergeRequest',
      project,
    };
  }

  /** One page of `items`, with GitLab's offset-pagination headers. */
  private page<T>(url: URL, items: T[], toJson: (item: T) => unknown): Answer {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 20) || 20, 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const totalPages = Math.max(Math.ceil(items.length / perPage), 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (n: number) => {
      const target = new URL(url.toString());
      target.searchParams.set('page', String(n));
      target.searchParams.set('per_page', String(perPage));
      return target.toString();
    };
    const links = [];
    if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`);
    if (page < totalPages) links.push(`<${link(page + 1)}>; rel="next"`);
    links.push(`<${link(1)}>; rel="first"`, `<${link(totalPages)}>; rel="last"`);
    return {
      status: 200,
      body: slice.map(toJson),
      headers: {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-total': String(items.length),
        'x-total-pages': String(totalPages),
        'x-next-page': page < totalPages ? String(page + 1) : '',
        'x-prev-page': page > 1 ? String(page - 1) : '',
        link: links.join(', '),
      },
    };
  }

  private userJson(user: FakeGitLabUser) {
    return {
      id: user.id,
      username: user.username,
      name: user.username,
      state: 'active',
      bot: user.bot,
      web_url: `${this.webUrl}/${user.username}`,
    };
  }

  private issueJson(project: FakeProject, issue: FakeIssue) {
    return {
      id: issue.id,
      iid: issue.iid,
      project_id: project.id,
      title: issue.title,
      description: issue.description,
      state: issue.state,
      labels: [...issue.labels],
      author: this.userJson(this.state.user(issue.authorId)),
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      type: 'ISSUE',
      issue_type: 'issue',
      confidential: false,
      user_notes_count: issue.notes.filter((note) => !note.system).length,
      web_url: `${this.webUrl}/${project.path}/-/issues/${issue.iid}`,
    };
  }

  private mergeRequestJson(project: FakeProject, request: FakeMergeRequest) {
    return {
      id: request.id,
      iid: request.iid,
      project_id: project.id,
      source_project_id: project.id,
      target_project_id: project.id,
      title: request.title,
      description: request.description,
      state: request.state,
      source_branch: request.sourceBranch,
      target_branch: request.targetBranch,
      labels: [...request.labels],
      author: this.userJson(this.state.user(request.authorId)),
      draft: false,
      force_remove_source_branch: request.removeSourceBranch,
      created_at: request.createdAt,
      updated_at: request.updatedAt,
      user_notes_count: request.notes.filter((note) => !note.system).length,
      web_url: `${this.webUrl}/${project.path}/-/merge_requests/${request.iid}`,
    };
  }

  private noteJson(
    noteable: { target: FakeIssue | FakeMergeRequest; type: 'Issue' | 'MergeRequest' },
    note: FakeNote,
  ) {
    return {
      id: note.id,
      type: null,
      body: note.body,
      author: this.userJson(this.state.user(note.authorId)),
      created_at: note.createdAt,
      updated_at: note.updatedAt,
      system: note.system,
      noteable_id: noteable.target.id,
      noteable_type: noteable.type,
      noteable_iid: noteable.target.iid,
      resolvable: false,
      confidential: false,
      internal: false,
    };
  }
}

/** Starts a fake GitLab on a random loopback port. */
export async function startFakeGitLab(
  options: { tls?: { key: string; cert: string } } = {},
): Promise<FakeGitLab> {
  return new FakeGitLab().start(options);
}

function tokenOf(request: IncomingMessage): string | undefined {
  const privateToken = request.headers['private-token'];
  if (typeof privateToken === 'string' && privateToken !== '') return privateToken;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length);
  const jobToken = request.headers['job-token'];
  return typeof jobToken === 'string' ? jobToken : undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function defaultMessage(status: number): string {
  const names: Record<number, string> = {
    401: '401 Unauthorized',
    403: '403 Forbidden',
    404: '404 Not Found',
    429: 'Retry later',
    500: '500 Internal Server Error',
    502: 'GitLab is not responding',
    503: '503 Service Unavailable',
  };
  return names[status] ?? `${status}`;
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new HttpProblem(400, { error: `${name} is missing` });
  return value;
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function splitLabels(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function matchesLabels(labels: string[], filter: string | null): boolean {
  return splitLabels(filter).every((name) => labels.includes(name));
}

function findIid<T extends { iid: number }>(items: T[], iid: string, what: string): T {
  const found = items.find((item) => String(item.iid) === iid);
  if (!found) throw new HttpProblem(404, { message: `404 ${what} Not Found` });
  return found;
}

function findNote(target: { notes: FakeNote[] }, id: string): FakeNote {
  const note = target.notes.find((candidate) => String(candidate.id) === id);
  if (!note) throw new HttpProblem(404, { message: '404 Note Not Found' });
  return note;
}

/** GitLab's `order_by` and `sort` over creation time (the fake keeps no other order). */
function ordered<T extends { createdAt: string; updatedAt: string }>(
  items: T[],
  query: URLSearchParams,
  defaultSort: 'asc' | 'desc',
): T[] {
  const field = query.get('order_by') === 'updated_at' ? 'updatedAt' : 'createdAt';
  const direction = (query.get('sort') ?? defaultSort) === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => direction * a[field].localeCompare(b[field]));
}
