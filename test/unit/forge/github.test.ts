import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForgeError } from '../../../src/forge/forge.js';
import { createGitHubForge, type GitHubForgeOptions } from '../../../src/forge/github.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import type { FakeRepo } from '../../fakes/github/state.js';

let github: FakeGitHub;
let repo: FakeRepo;
let warnings: string[];

beforeEach(async () => {
  github = await startFakeGitHub({ repos: ['acme/app'] });
  repo = github.state.mustRepo('acme/app');
  warnings = [];
});

afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

function forge(options: Partial<GitHubForgeOptions> = {}) {
  return createGitHubForge({
    token: WORKFLOW_TOKEN,
    owner: 'acme',
    repo: 'app',
    apiUrl: github.url,
    logger: { warning: (message) => warnings.push(message) },
    // Every wait (retry-after, backoff, write spacing) in milliseconds instead of seconds.
    timeScale: 0.001,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForgeError);
  return error as ForgeError;
}

describe('currentAuthor', () => {
  it('falls back to the GitHub Actions bot when an installation token may not read /user', async () => {
    expect(await forge().currentAuthor()).toBe('github-actions[bot]');
    expect(github.requests.map((r) => `${r.route} ${r.status}`)).toEqual(['GET /user 403']);
  });

  it("uses the login of a user's token, asking once", async () => {
    github.state.addToken('ghp_octocat', { login: 'octocat' });
    const subject = forge({ token: 'ghp_octocat' });
    expect(await subject.currentAuthor()).toBe('octocat');
    expect(await subject.currentAuthor()).toBe('octocat');
    expect(github.count('GET /user')).toBe(1);
  });

  it('takes commentAuthor as given, for a GitHub App token', async () => {
    expect(await forge({ commentAuthor: 'plumbline-app[bot]' }).currentAuthor()).toBe('plumbline-app[bot]');
    expect(github.requests).toEqual([]);
  });

  it('says the token is invalid on 401', async () => {
    const error = await failure(forge({ token: 'ghs_expired' }).currentAuthor());
    expect(error.status).toBe(401);
    expect(error.hint).toMatch(/invalid or expired/);
  });
});

describe('comments', () => {
  it('creates, lists, edits and deletes comments on a pull request', async () => {
    const pull = github.state.createPullRequest(repo, {
      title: 'bump',
      author: 'octocat',
      head: 'f',
      base: 'main',
    });
    const thread = { kind: 'change-request', number: pull.number } as const;
    const subject = forge();
    const created = await subject.createComment(thread, 'first');
    expect(created).toMatchObject({ body: 'first', author: 'github-actions[bot]' });
    expect(created.url).toMatch(/\/pull\/1#issuecomment-/);
    await subject.updateComment(thread, created.id, 'second');
    expect(await subject.listComments(thread)).toEqual([{ ...created, body: 'second' }]);
    await subject.deleteComment(thread, created.id);
    await subject.deleteComment(thread, created.id);
    expect(await subject.listComments(thread)).toEqual([]);
  });

  it('pages through every comment of a busy thread', async () => {
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    for (let i = 0; i < 345; i++)
      github.state.addComment(repo, 1, `c${i}`, i % 2 ? 'octocat' : 'github-actions[bot]');
    const comments = await forge().listComments({ kind: 'issue', number: 1 });
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 345 }, (_, i) => `c${i}`));
    expect(github.count('GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(4);
  });

  it('names the missing permission when the workflow token may not comment', async () => {
    github.state.addToken('ghs_readonly', { permissions: { 'pull-requests': 'read' } });
    github.state.createPullRequest(repo, { title: 'bump', author: 'octocat', head: 'f', base: 'main' });
    const error = await failure(
      forge({ token: 'ghs_readonly' }).createComment({ kind: 'change-request', number: 1 }, 'x'),
    );
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/comment on pull request #1 in acme\/app/);
    expect(error.hint).toMatch(/"pull-requests: write"/);
  });

  it('names issues: write for issue threads', async () => {
    github.state.addToken('ghs_noissues', { permissions: { issues: 'read' } });
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    const error = await failure(
      forge({ token: 'ghs_noissues' }).addLabels({ kind: 'issue', number: 1 }, ['drift']),
    );
    expect(error.hint).toMatch(/"issues: write"/);
  });

  it('says what was not found on 404', async () => {
    const error = await failure(forge().listComments({ kind: 'change-request', number: 99 }));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/pull request #99 in acme\/app/);
    expect(error.hint).toMatch(/can see the repository/);
  });

  it("passes GitHub's validation message on 422", async () => {
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    const error = await failure(forge().createComment({ kind: 'issue', number: 1 }, 'x'.repeat(70000)));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/body is too long \(maximum is 65536 characters\)/);
  });
});

describe('labels', () => {
  it('adds labels and removes them, treating an absent label as removed', async () => {
    github.state.createPullRequest(repo, { title: 'bump', author: 'octocat', head: 'f', base: 'main' });
    const thread = { kind: 'change-request', number: 1 } as const;
    const subject = forge();
    await subject.addLabels(thread, ['plumbline:changes']);
    expect(repo.issues.get(1)?.labels).toEqual(['plumbline:changes']);
    await subject.removeLabel(thread, 'plumbline:changes');
    await subject.removeLabel(thread, 'plumbline:no-changes');
    expect(repo.issues.get(1)?.labels).toEqual([]);
  });

  it('still fails when the thread itself does not exist', async () => {
    expect((await failure(forge().removeLabel({ kind: 'issue', number: 7 }, 'drift'))).status).toBe(404);
  });
});

describe('issues', () => {
  it('creates, lists by every label (never pull requests) and updates issues', async () => {
    const subject = forge();
    const created = await subject.createIssue({
      title: 'Drift in dev',
      body: 'body',
      labels: ['drift', 'env:dev'],
    });
    expect(created).toMatchObject({ number: 1, state: 'open', labels: ['drift', 'env:dev'] });
    github.state.createPullRequest(repo, { title: 'pr', author: 'octocat', head: 'f', base: 'main' });
    repo.issues.get(2)?.labels.push('drift');
    await subject.createIssue({ title: 'Drift in prod', body: 'b', labels: ['drift', 'env:prod'] });

    expect((await subject.listIssues(['drift'], 'open')).map((i) => i.title)).toEqual([
      'Drift in prod',
      'Drift in dev',
    ]);
    expect((await subject.listIssues(['drift', 'env:dev'], 'all')).map((i) => i.number)).toEqual([1]);

    await subject.updateIssue(1, { state: 'closed', body: 'converged' });
    expect(await subject.listIssues(['drift', 'env:dev'], 'open')).toEqual([]);
    expect((await subject.listIssues(['drift', 'env:dev'], 'closed'))[0]).toMatchObject({
      body: 'converged',
    });
    expect(repo.issues.get(1)?.title).toBe('Drift in dev');
  });

  it('pages through many issues', async () => {
    for (let i = 0; i < 150; i++)
      github.state.createIssue(repo, { title: `i${i}`, author: 'x', labels: ['drift'] });
    expect(await forge().listIssues(['drift'], 'open')).toHaveLength(150);
  });
});

describe('pull requests', () => {
  it('finds, creates and updates the pull request for a branch', async () => {
    repo.branches.add('plumbline/promote-staging');
    const subject = forge();
    expect(await subject.findChangeRequest('plumbline/promote-staging', 'main')).toBeUndefined();
    const created = await subject.createChangeRequest({
      head: 'plumbline/promote-staging',
      base: 'main',
      title: 'Promote dev to staging',
      body: 'app: 1.2.3',
      labels: ['plumbline:promote'],
    });
    expect(created).toMatchObject({ head: 'plumbline/promote-staging', base: 'main', body: 'app: 1.2.3' });
    expect(repo.issues.get(created.number)?.labels).toEqual(['plumbline:promote']);
    expect(await subject.findChangeRequest('plumbline/promote-staging', 'main')).toEqual(created);
    expect(await subject.findChangeRequest('plumbline/promote-staging', 'release')).toBeUndefined();
    await subject.updateChangeRequest(created.number, { body: 'app: 1.2.4' });
    expect(repo.issues.get(created.number)?.body).toBe('app: 1.2.4');
    expect(repo.issues.get(created.number)?.title).toBe('Promote dev to staging');
  });

  it('explains the repository setting when workflows may not open pull requests', async () => {
    repo.branches.add('promote');
    repo.actionsMayCreatePullRequests = false;
    const error = await failure(
      forge().createChangeRequest({ head: 'promote', base: 'main', title: 't', body: 'b', labels: [] }),
    );
    expect(error.status).toBe(403);
    expect(error.hint).toMatch(/Allow GitHub Actions to create and approve pull requests/);
  });
});

describe('retries and rate limits', () => {
  it('retries a server error and succeeds', async () => {
    github.fail({ status: 502, times: 2 });
    expect(await forge().findChangeRequest('x', 'main')).toBeUndefined();
    expect(github.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('gives up after the bounded retries and says GitHub is having trouble', async () => {
    github.fail({ status: 503, times: 10 });
    const error = await failure(forge({ retries: 2 }).listIssues(['drift'], 'open'));
    expect(error.status).toBe(503);
    expect(error.hint).toMatch(/GitHub is having trouble; re-run/);
    expect(github.requests).toHaveLength(3);
  });

  it('never retries a 401, 403 or 404', async () => {
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    for (const status of [401, 403, 404] as const) {
      github.fail({ status });
      await failure(forge().listComments({ kind: 'issue', number: 1 }));
    }
    expect(github.requests.map((r) => r.status)).toEqual([401, 403, 404]);
  });

  it('waits out a secondary rate limit (403 + retry-after) and retries', async () => {
    github.state.createIssue(repo, { title: 't', author: 'octocat' });
    github.fail({ rateLimit: 'secondary', retryAfter: 30, method: 'POST' });
    await forge().createComment({ kind: 'issue', number: 1 }, 'hello');
    expect(github.requests.map((r) => r.status)).toEqual([403, 201]);
    expect(warnings.join('\n')).toMatch(/secondary rate limit .* retrying in 30 s/);
  });

  it('waits out a 429 and retries', async () => {
    github.fail({ rateLimit: 'secondary', status: 429, retryAfter: 5 });
    await forge().listIssues([], 'all');
    expect(github.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('waits for a primary rate limit that resets within a minute', async () => {
    github.fail({ rateLimit: 'primary', resetIn: 20 });
    await forge().listIssues([], 'all');
    expect(github.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('reports when an exhausted rate limit resets instead of waiting an hour', async () => {
    github.fail({ rateLimit: 'primary', resetIn: 3600 });
    const error = await failure(forge().listIssues([], 'all'));
    expect(error.message).toMatch(/rate limit for this token is used up.*It resets at \d{4}-\d\d-\d\dT/);
    expect(github.requests).toHaveLength(1);
  });

  it('stops retrying a secondary rate limit that does not clear', async () => {
    github.fail({ rateLimit: 'secondary', retryAfter: 1, times: 10 });
    const error = await failure(forge({ retries: 2 }).listIssues([], 'all'));
    expect(error.message).toMatch(/secondary rate limit/);
    expect(github.requests).toHaveLength(3);
  });

  it('says it could not reach GitHub when nothing listens', async () => {
    const error = await failure(forge({ apiUrl: 'http://127.0.0.1:9', retries: 0 }).listIssues([], 'all'));
    expect(error.message).toMatch(/Could not reach GitHub at http:\/\/127\.0\.0\.1:9/);
  });
});
