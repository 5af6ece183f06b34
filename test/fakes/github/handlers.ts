/**
 * The operations the fake GitHub implements, keyed by OpenAPI route. Each one checks the
 * token's permission the way an installation token is checked, changes the state, and
 * answers what GitHub answers, including its validation errors.
 */
import {
  authenticatedUserJson,
  commentJson,
  fullRepositoryJson,
  issueJson,
  labelJson,
  pullJson,
  pullSimpleJson,
  type Urls,
} from './representations.js';
import {
  addLabelName,
  type FakeGitHubState,
  type FakeIssue,
  type FakeRepo,
  type FakeToken,
  GITHUB_ACTIONS_BOT,
  type Permission,
  type TokenPermissions,
} from './state.js';

/** GitHub refuses bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65536;

export interface HandlerContext {
  state: FakeGitHubState;
  token: FakeToken;
  /** Path and query parameters, coerced to their OpenAPI types. */
  params: Record<string, unknown>;
  body: unknown;
  urls: Urls;
  /** The request URL, for pagination links. */
  url: URL;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (context: HandlerContext) => Reply;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const RANK: Record<Permission, number> = { none: 0, read: 1, write: 2 };

function requirePermission(context: HandlerContext, scope: keyof TokenPermissions, level: 'read' | 'write') {
  if (RANK[context.token.permissions[scope]] >= RANK[level]) return;
  const header = `${scope.replace('-', '_')}=${level}`;
  if (context.token.installation) {
    throw new HttpError(
      403,
      'Resource not accessible by integration',
      {},
      { 'x-accepted-github-permissions': header },
    );
  }
  throw new HttpError(
    level === 'write' ? 403 : 404,
    level === 'write' ? 'Must have push access to repository' : 'Not Found',
  );
}

function repoOf(context: HandlerContext): FakeRepo {
  const repo = context.state.repo(String(context.params.owner), String(context.params.repo));
  if (!repo) throw new HttpError(404, 'Not Found');
  return repo;
}

function issueOf(repo: FakeRepo, number: unknown): FakeIssue {
  const issue = repo.issues.get(Number(number));
  if (!issue) throw new HttpError(404, 'Not Found');
  return issue;
}

function pullOf(repo: FakeRepo, number: unknown): FakeIssue {
  const issue = issueOf(repo, number);
  if (!issue.pull) throw new HttpError(404, 'Not Found');
  return issue;
}

/** Issue comments and labels on a pull request are governed by the pull-requests permission. */
function threadScope(issue: FakeIssue): keyof TokenPermissions {
  return issue.pull ? 'pull-requests' : 'issues';
}

function checkBodyLength(resource: string, body: unknown): void {
  if (typeof body === 'string' && [...body].length > GITHUB_BODY_LIMIT) {
    throw new HttpError(422, 'Validation Failed', {
      errors: [
        {
          resource,
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${GITHUB_BODY_LIMIT} characters)`,
        },
      ],
    });
  }
}

function labelNames(input: unknown): string[] {
  const list = Array.isArray(input) ? input : ((input as { labels?: unknown[] } | undefined)?.labels ?? []);
  return list.map((entry) => (typeof entry === 'string' ? entry : String((entry as { name?: string }).name)));
}

/** A page of `items` with GitHub's Link header (first/prev/next/last as they apply). */
function paginate(context: HandlerContext, items: unknown[]): Reply {
  const perPage = Math.min(Math.max(Number(context.params.per_page ?? 30), 1), 100);
  const page = Math.max(Number(context.params.page ?? 1), 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (target: number, rel: string) => {
    const url = new URL(context.url.pathname + context.url.search, context.urls.api);
    url.searchParams.set('page', String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  const body = items.slice((page - 1) * perPage, page * perPage);
  return { status: 200, body, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

function sortByCreated(items: FakeIssue[], params: Record<string, unknown>): FakeIssue[] {
  const key = params.sort === 'updated' ? 'updatedAt' : 'createdAt';
  const direction = params.direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => direction * (a[key].localeCompare(b[key]) || a.number - b.number));
}

function setState(issue: FakeIssue, state: unknown, reason: unknown, now: string): void {
  if (state !== 'open' && state !== 'closed') return;
  if (state === issue.state) return;
  issue.state = state;
  issue.closedAt = state === 'closed' ? now : null;
  issue.stateReason = state === 'closed' ? ((reason as FakeIssue['stateReason']) ?? 'completed') : 'reopened';
}

export const HANDLERS: Record<string, Handler> = {
  'GET /user': (context) => {
    if (context.token.installation) throw new HttpError(403, 'Resource not accessible by integration');
    return { status: 200, body: authenticatedUserJson(context.token.user, context.urls) };
  },

  'GET /repos/{owner}/{repo}': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'contents', 'read');
    return { status: 200, body: fullRepositoryJson(repo, context.state.users, context.urls) };
  },

  'GET /repos/{owner}/{repo}/issues': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'issues', 'read');
    const { params } = context;
    const state = params.state ?? 'open';
    const wanted = String(params.labels ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const issues = [...repo.issues.values()].filter(
      (issue) =>
        (state === 'all' || issue.state === state) &&
        wanted.every((w) => issue.labels.some((l) => l.toLowerCase() === w)) &&
        (params.creator === undefined || issue.author === params.creator),
    );
    const json = sortByCreated(issues, params).map((i) =>
      issueJson(repo, i, context.state.users, context.urls),
    );
    return paginate(context, json);
  },

  'POST /repos/{owner}/{repo}/issues': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'issues', 'write');
    const body = context.body as { title: string | number; body?: string; labels?: unknown[] };
    checkBodyLength('Issue', body.body);
    const issue = context.state.createIssue(repo, {
      title: String(body.title),
      body: body.body ?? null,
      author: context.token.user.login,
      labels: labelNames(body.labels ?? []),
    });
    const json = issueJson(repo, issue, context.state.users, context.urls);
    return { status: 201, body: json, headers: { location: json.url } };
  },

  'GET /repos/{owner}/{repo}/issues/{issue_number}': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'issues', 'read');
    const issue = issueOf(repo, context.params.issue_number);
    return { status: 200, body: issueJson(repo, issue, context.state.users, context.urls) };
  },

  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': (context) => {
    const repo = repoOf(context);
    const issue = issueOf(repo, context.params.issue_number);
    requirePermission(context, threadScope(issue), 'write');
    const patch = context.body as {
      title?: string | number | null;
      body?: string | null;
      state?: string;
      state_reason?: string | null;
      labels?: unknown[];
    };
    checkBodyLength('Issue', patch.body);
    if (patch.title !== undefined && patch.title !== null) issue.title = String(patch.title);
    if (patch.body !== undefined) issue.body = patch.body;
    if (patch.labels !== undefined) {
      issue.labels = [];
      for (const name of labelNames(patch.labels))
        addLabelName(issue, context.state.ensureLabel(repo, name).name);
    }
    const now = context.state.now();
    setState(issue, patch.state, patch.state_reason, now);
    issue.updatedAt = now;
    return { status: 200, body: issueJson(repo, issue, context.state.users, context.urls) };
  },

  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (context) => {
    const repo = repoOf(context);
    const issue = issueOf(repo, context.params.issue_number);
    requirePermission(context, threadScope(issue), 'read');
    const since = context.params.since ? String(context.params.since) : undefined;
    const comments = context.state
      .commentsOn(repo, issue.number)
      .filter((c) => since === undefined || c.updatedAt >= since)
      .map((c) => commentJson(repo, c, context.state.users, context.urls));
    return paginate(context, comments);
  },

  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (context) => {
    const repo = repoOf(context);
    const issue = issueOf(repo, context.params.issue_number);
    requirePermission(context, threadScope(issue), 'write');
    const { body } = context.body as { body: string };
    checkBodyLength('IssueComment', body);
    const comment = context.state.addComment(repo, issue.number, body, context.token.user.login);
    const json = commentJson(repo, comment, context.state.users, context.urls);
    return { status: 201, body: json, headers: { location: json.url } };
  },

  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': (context) => {
    const repo = repoOf(context);
    const comment = repo.comments.get(Number(context.params.comment_id));
    if (!comment) throw new HttpError(404, 'Not Found');
    requirePermission(context, threadScope(issueOf(repo, comment.issueNumber)), 'read');
    return { status: 200, body: commentJson(repo, comment, context.state.users, context.urls) };
  },

  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (context) => {
    const repo = repoOf(context);
    const comment = repo.comments.get(Number(context.params.comment_id));
    if (!comment) throw new HttpError(404, 'Not Found');
    requirePermission(context, threadScope(issueOf(repo, comment.issueNumber)), 'write');
    const { body } = context.body as { body: string };
    checkBodyLength('IssueComment', body);
    comment.body = body;
    comment.updatedAt = context.state.now();
    return { status: 200, body: commentJson(repo, comment, context.state.users, context.urls) };
  },

  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (context) => {
    const repo = repoOf(context);
    const comment = repo.comments.get(Number(context.params.comment_id));
    if (!comment) throw new HttpError(404, 'Not Found');
    requirePermission(context, threadScope(issueOf(repo, comment.issueNumber)), 'write');
    repo.comments.delete(comment.id);
    return { status: 204 };
  },

  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (context) => {
    const repo = repoOf(context);
    const issue = issueOf(repo, context.params.issue_number);
    requirePermission(context, threadScope(issue), 'write');
    for (const name of labelNames(context.body))
      addLabelName(issue, context.state.ensureLabel(repo, name).name);
    issue.updatedAt = context.state.now();
    return { status: 200, body: issueJson(repo, issue, context.state.users, context.urls).labels };
  },

  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}': (context) => {
    const repo = repoOf(context);
    const issue = issueOf(repo, context.params.issue_number);
    requirePermission(context, threadScope(issue), 'write');
    const name = String(context.params.name).toLowerCase();
    const index = issue.labels.findIndex((l) => l.toLowerCase() === name);
    if (index < 0) throw new HttpError(404, 'Label does not exist');
    issue.labels.splice(index, 1);
    issue.updatedAt = context.state.now();
    return { status: 200, body: issueJson(repo, issue, context.state.users, context.urls).labels };
  },

  'GET /repos/{owner}/{repo}/labels/{name}': (context) => {
    const repo = repoOf(context);
    const label = repo.labels.get(String(context.params.name).toLowerCase());
    if (!label) throw new HttpError(404, 'Not Found');
    return { status: 200, body: labelJson(repo, label, context.urls) };
  },

  'GET /repos/{owner}/{repo}/pulls': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'pull-requests', 'read');
    const { params } = context;
    const state = params.state ?? 'open';
    let head: { owner: string; ref: string } | undefined;
    if (params.head !== undefined) {
      const [owner, ref] = String(params.head).split(':');
      // GitHub ignores a head filter without the owner: prefix; a client sending one
      // would silently get every pull request, so the fake refuses it outright.
      if (!owner || !ref) throw new HttpError(422, `head must be owner:branch, got ${String(params.head)}`);
      head = { owner, ref };
    }
    const pulls = [...repo.issues.values()].filter(
      (issue) =>
        issue.pull &&
        (state === 'all' || issue.state === state) &&
        (head === undefined ||
          (head.owner.toLowerCase() === repo.owner.toLowerCase() && issue.pull.head === head.ref)) &&
        (params.base === undefined || issue.pull.base === params.base),
    );
    const json = sortByCreated(pulls, params).map((i) =>
      pullSimpleJson(repo, i, context.state.users, context.urls),
    );
    return paginate(context, json);
  },

  'POST /repos/{owner}/{repo}/pulls': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'pull-requests', 'write');
    const body = context.body as {
      title?: string;
      head: string;
      base: string;
      body?: string;
      draft?: boolean;
    };
    const head = body.head.includes(':') ? body.head.slice(body.head.indexOf(':') + 1) : body.head;
    checkBodyLength('PullRequest', body.body);
    const invalid = (field: string) =>
      new HttpError(422, 'Validation Failed', {
        errors: [{ resource: 'PullRequest', field, code: 'invalid' }],
      });
    if (!repo.branches.has(body.base)) throw invalid('base');
    if (!repo.branches.has(head)) throw invalid('head');
    if (head === body.base) {
      throw new HttpError(422, 'Validation Failed', {
        errors: [
          { resource: 'PullRequest', code: 'custom', message: `No commits between ${body.base} and ${head}` },
        ],
      });
    }
    const existing = [...repo.issues.values()].find(
      (i) => i.state === 'open' && i.pull?.head === head && i.pull.base === body.base,
    );
    if (existing) {
      throw new HttpError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${repo.owner}:${head}.`,
          },
        ],
      });
    }
    if (context.token.user.login === GITHUB_ACTIONS_BOT.login && !repo.actionsMayCreatePullRequests) {
      throw new HttpError(403, 'GitHub Actions is not permitted to create or approve pull requests.');
    }
    const issue = context.state.createPullRequest(repo, {
      title: body.title ?? head,
      body: body.body ?? null,
      author: context.token.user.login,
      head,
      base: body.base,
    });
    if (body.draft && issue.pull) issue.pull.draft = true;
    const json = pullJson(repo, issue, context.state.users, context.urls);
    return { status: 201, body: json, headers: { location: json.url } };
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'pull-requests', 'read');
    const issue = pullOf(repo, context.params.pull_number);
    return { status: 200, body: pullJson(repo, issue, context.state.users, context.urls) };
  },

  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': (context) => {
    const repo = repoOf(context);
    requirePermission(context, 'pull-requests', 'write');
    const issue = pullOf(repo, context.params.pull_number);
    const patch = context.body as { title?: string; body?: string; state?: string; base?: string };
    checkBodyLength('PullRequest', patch.body);
    if (patch.title !== undefined) issue.title = patch.title;
    if (patch.body !== undefined) issue.body = patch.body;
    if (patch.base !== undefined && issue.pull) {
      if (!repo.branches.has(patch.base)) {
        throw new HttpError(422, 'Validation Failed', {
          errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
        });
      }
      issue.pull.base = patch.base;
    }
    const now = context.state.now();
    setState(issue, patch.state, undefined, now);
    issue.updatedAt = now;
    return { status: 200, body: pullJson(repo, issue, context.state.users, context.urls) };
  },
};
