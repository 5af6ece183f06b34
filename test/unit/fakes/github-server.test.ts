import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitHubOpenApi } from '../../fakes/github/openapi.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';

let github: FakeGitHub;

beforeEach(async () => {
  github = await startFakeGitHub({ repos: ['acme/app'] });
});

afterEach(async () => {
  await github.close();
});

async function call(method: string, path: string, body?: unknown, token = WORKFLOW_TOKEN) {
  const response = await fetch(`${github.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

describe('OpenAPI checking', () => {
  it('answers a valid request and records no violation', async () => {
    const created = await call('POST', '/repos/acme/app/issues', {
      title: 'drift in dev',
      labels: ['drift'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ number: 1, title: 'drift in dev', labels: [{ name: 'drift' }] });
    expect(github.violations).toEqual([]);
  });

  it('refuses and records a body that does not match the operation schema', async () => {
    github.state.createIssue(github.state.mustRepo('acme/app'), { title: 't', author: 'octocat' });
    const response = await call('POST', '/repos/acme/app/issues/1/comments', { text: 'no body field' });
    expect(response.status).toBe(422);
    expect(github.violations).toHaveLength(1);
    expect(github.violations[0]?.problems.join()).toMatch(/must have required property 'body'/);
    expect(github.state.commentsOn(github.state.mustRepo('acme/app'), 1)).toEqual([]);
  });

  it('refuses and records a route GitHub does not have', async () => {
    const response = await call('GET', '/repos/acme/app/issues/1/comment-threads');
    expect(response.status).toBe(404);
    expect(github.violations[0]?.problems.join()).toMatch(/not an operation of the GitHub REST API/);
  });

  it('refuses and records a path parameter of the wrong type and an unknown query parameter', async () => {
    expect((await call('GET', '/repos/acme/app/issues/one/comments')).status).toBe(422);
    expect((await call('GET', '/repos/acme/app/issues?per_page=10&colour=red')).status).toBe(422);
    const problems = github.violations.flatMap((v) => v.problems).join('\n');
    expect(problems).toMatch(/issue_number=one/);
    expect(problems).toMatch(/query parameter colour/);
  });

  it('refuses a body on an operation that takes none', async () => {
    expect((await call('DELETE', '/repos/acme/app/issues/comments/1', { body: 'x' })).status).toBe(422);
    expect(github.violations).toHaveLength(1);
  });

  it('checks responses too, so the fake cannot drift from what GitHub sends', () => {
    const openApi = gitHubOpenApi();
    expect(openApi.checkResponse('GET /repos/{owner}/{repo}/issues', 200, [{ number: 1 }]).join()).toMatch(
      /must have required property/,
    );
    expect(
      openApi.checkResponse('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', 204, undefined),
    ).toEqual([]);
    expect(openApi.checkResponse('GET /user', 418, {})).toEqual(['GET /user never answers 418']);
  });

  it('prefers the literal route over a parameter, as GitHub does', async () => {
    const response = await call('GET', '/repos/acme/app/issues/comments');
    expect(github.violations.flatMap((v) => v.problems).join()).toMatch(/issues\/list-comments-for-repo/);
    expect(response.status).toBe(501);
  });
});

describe('authentication and permissions', () => {
  it('answers 401 for an unknown token and 403 for GET /user with an installation token', async () => {
    expect((await call('GET', '/repos/acme/app', undefined, 'ghs_unknown')).status).toBe(401);
    const user = await call('GET', '/user');
    expect(user.status).toBe(403);
    expect(user.json.message).toBe('Resource not accessible by integration');
    github.state.addToken('ghp_octocat', { login: 'octocat' });
    const human = await call('GET', '/user', undefined, 'ghp_octocat');
    expect(human.status).toBe(200);
    expect(human.json.login).toBe('octocat');
    expect(github.violations).toEqual([]);
  });

  it('refuses a write the token has no permission for, naming the permission in a header', async () => {
    github.state.addToken('ghs_readonly', { permissions: { 'pull-requests': 'read' } });
    const repo = github.state.mustRepo('acme/app');
    github.state.createPullRequest(repo, { title: 'bump', author: 'octocat', head: 'feature', base: 'main' });
    const response = await call(
      'POST',
      '/repos/acme/app/issues/1/comments',
      { body: 'plan' },
      'ghs_readonly',
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('x-accepted-github-permissions')).toBe('pull_requests=write');
  });

  it('refuses a body longer than 65536 characters like GitHub', async () => {
    const repo = github.state.mustRepo('acme/app');
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    const response = await call('POST', '/repos/acme/app/issues/1/comments', { body: 'x'.repeat(65537) });
    expect(response.status).toBe(422);
    expect(response.json.errors[0].message).toMatch(/maximum is 65536/);
    expect(
      (await call('POST', '/repos/acme/app/issues/1/comments', { body: 'x'.repeat(65536) })).status,
    ).toBe(201);
  });
});

describe('pagination', () => {
  it('pages comments with Link headers and follows them to the end', async () => {
    const repo = github.state.mustRepo('acme/app');
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    for (let i = 0; i < 250; i++) github.state.addComment(repo, 1, `comment ${i}`, 'octocat');

    const first = await call('GET', '/repos/acme/app/issues/1/comments?per_page=100');
    expect(first.json).toHaveLength(100);
    const link = first.headers.get('link') ?? '';
    expect(link).toContain(
      `<${github.url}/repos/acme/app/issues/1/comments?per_page=100&page=2>; rel="next"`,
    );
    expect(link).toContain(
      `<${github.url}/repos/acme/app/issues/1/comments?per_page=100&page=3>; rel="last"`,
    );

    const bodies: string[] = [];
    let next: string | undefined = `/repos/acme/app/issues/1/comments?per_page=100`;
    while (next) {
      const page = await call('GET', next);
      bodies.push(...page.json.map((c: { body: string }) => c.body));
      const found = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '');
      next = found?.[1]?.replace(github.url, '');
    }
    expect(bodies).toHaveLength(250);
    expect(bodies[0]).toBe('comment 0');
    expect(bodies[249]).toBe('comment 249');
    expect(github.violations).toEqual([]);
  });

  it('clamps per_page to 100 and uses 30 by default', async () => {
    const repo = github.state.mustRepo('acme/app');
    for (let i = 0; i < 120; i++) github.state.createIssue(repo, { title: `issue ${i}`, author: 'octocat' });
    expect((await call('GET', '/repos/acme/app/issues')).json).toHaveLength(30);
    expect((await call('GET', '/repos/acme/app/issues?per_page=500')).json).toHaveLength(100);
  });
});

describe('issues and pull requests', () => {
  it('filters issues by every label and state, and lists pull requests among issues as GitHub does', async () => {
    const repo = github.state.mustRepo('acme/app');
    github.state.createIssue(repo, { title: 'a', author: 'octocat', labels: ['drift', 'dev'] });
    github.state.createIssue(repo, { title: 'b', author: 'octocat', labels: ['drift'] });
    github.state.createPullRequest(repo, { title: 'c', author: 'octocat', head: 'feature', base: 'main' });
    const both = await call('GET', '/repos/acme/app/issues?labels=drift,dev&state=all');
    expect(both.json.map((i: { title: string }) => i.title)).toEqual(['a']);
    const all = await call('GET', '/repos/acme/app/issues');
    expect(all.json.map((i: { title: string }) => i.title)).toEqual(['c', 'b', 'a']);
    expect(all.json[0].pull_request).toBeDefined();
    expect(github.violations).toEqual([]);
  });

  it('creates, finds and updates pull requests by owner:branch', async () => {
    github.state.mustRepo('acme/app').branches.add('plumbline/promote-staging');
    const created = await call('POST', '/repos/acme/app/pulls', {
      title: 'Promote to staging',
      head: 'plumbline/promote-staging',
      base: 'main',
      body: 'tags',
    });
    expect(created.status).toBe(201);
    const duplicate = await call('POST', '/repos/acme/app/pulls', {
      title: 'again',
      head: 'plumbline/promote-staging',
      base: 'main',
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.json.errors[0].message).toMatch(/already exists/);
    const found = await call('GET', '/repos/acme/app/pulls?head=acme:plumbline/promote-staging&base=main');
    expect(found.json.map((p: { number: number }) => p.number)).toEqual([created.json.number]);
    const none = await call('GET', '/repos/acme/app/pulls?head=acme:other&base=main');
    expect(none.json).toEqual([]);
    const updated = await call('PATCH', `/repos/acme/app/pulls/${created.json.number}`, { body: 'new tags' });
    expect(updated.json.body).toBe('new tags');
    expect(github.violations).toEqual([]);
  });

  it('adds and removes labels, answering 404 for a label the issue does not carry', async () => {
    const repo = github.state.mustRepo('acme/app');
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    const added = await call('POST', '/repos/acme/app/issues/1/labels', { labels: ['plumbline:changes'] });
    expect(added.json.map((l: { name: string }) => l.name)).toEqual(['plumbline:changes']);
    expect((await call('DELETE', '/repos/acme/app/issues/1/labels/plumbline%3Achanges')).status).toBe(200);
    const missing = await call('DELETE', '/repos/acme/app/issues/1/labels/plumbline%3Achanges');
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe('Label does not exist');
    expect(github.violations).toEqual([]);
  });

  it('answers GET /repos/{owner}/{repo} and 404 for a repository it does not hold', async () => {
    expect((await call('GET', '/repos/acme/app')).json.full_name).toBe('acme/app');
    expect((await call('GET', '/repos/acme/other')).status).toBe(404);
    expect(github.violations).toEqual([]);
  });
});

describe('fault injection', () => {
  it('fails the next matching requests with the given status, then recovers', async () => {
    github.fail({ status: 502, times: 2, method: 'GET', path: '/repos/{owner}/{repo}' });
    expect((await call('GET', '/repos/acme/app/issues')).status).toBe(200);
    expect((await call('GET', '/repos/acme/app')).status).toBe(502);
    expect((await call('GET', '/repos/acme/app')).status).toBe(502);
    expect((await call('GET', '/repos/acme/app')).status).toBe(200);
    expect(github.requests.map((r) => r.status)).toEqual([200, 502, 502, 200]);
    expect(github.count('GET /repos/{owner}/{repo}')).toBe(3);
  });

  it('answers a primary rate limit with x-ratelimit-remaining 0 and a reset time', async () => {
    github.fail({ rateLimit: 'primary', resetIn: 120 });
    const response = await call('GET', '/repos/acme/app');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    expect(reset - Date.now() / 1000).toBeGreaterThan(100);
    expect(response.json.message).toMatch(/API rate limit exceeded/);
  });

  it('answers a secondary rate limit with retry-after, as 403 or 429', async () => {
    github.fail({ rateLimit: 'secondary', retryAfter: 7 });
    github.fail({ rateLimit: 'secondary', status: 429, retryAfter: 3 });
    const first = await call('GET', '/repos/acme/app');
    const second = await call('GET', '/repos/acme/app');
    expect([first.status, first.headers.get('retry-after')]).toEqual([403, '7']);
    expect([second.status, second.headers.get('retry-after')]).toEqual([429, '3']);
    expect(second.json.message).toMatch(/secondary rate limit/);
  });
});
