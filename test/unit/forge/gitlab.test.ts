import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Forge, ForgeError } from '../../../src/forge/forge.js';
import { createGitLabForge, type GitLabForgeOptions } from '../../../src/forge/gitlab.js';
import { BOT_TOKEN, type SeededGitLab, startSeededGitLab } from '../../fakes/gitlab/fixture.js';

let seeded: SeededGitLab;
let waits: number[];
let warnings: string[];

beforeEach(async () => {
  seeded = await startSeededGitLab();
  waits = [];
  warnings = [];
});

afterEach(async () => {
  // Every request plumbline sent must be one GitLab's documented API accepts.
  expect(seeded.gitlab.violations).toEqual([]);
  await seeded.gitlab.close();
});

function forge(overrides: Partial<GitLabForgeOptions> = {}): Forge {
  return createGitLabForge({
    token: BOT_TOKEN,
    apiUrl: seeded.gitlab.url,
    projectId: seeded.project.id,
    sleep: async (ms) => {
      waits.push(ms);
    },
    logger: { debug: () => {}, warning: (message) => warnings.push(message) },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ForgeError);
  return error as ForgeError;
}

describe('GitLab forge: identity', () => {
  it("names the token's user, asking GitLab once", async () => {
    const gitlab = forge();
    expect(await gitlab.currentAuthor()).toBe('project_7_bot_plumbline');
    expect(await gitlab.currentAuthor()).toBe('project_7_bot_plumbline');
    expect(seeded.gitlab.routes().filter((route) => route === 'GET /user')).toHaveLength(1);
  });

  it("uses GitLab's note limit as the body limit", () => {
    expect(forge().bodyLimit).toBe(1_000_000);
  });

  it('accepts the project by its full path as well as by id', async () => {
    const { gitlab, project, human } = seeded;
    gitlab.state.addIssue(project, { title: 'by path', author: human });
    const issues = await forge({ projectId: 'acme/deploy' }).listIssues([], 'all');
    expect(issues.map((issue) => issue.title)).toEqual(['by path']);
    expect(gitlab.requests.at(-1)!.path).toBe('/projects/acme%2Fdeploy/issues');
  });
});

describe('GitLab forge: notes', () => {
  it('lists every note of a merge request across pages, oldest first, without system notes', async () => {
    const { gitlab, project, human, bot } = seeded;
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'bump',
      sourceBranch: 'feat',
      targetBranch: 'main',
      author: human,
    });
    for (let i = 1; i <= 230; i++) {
      gitlab.state.addNote(mr, { body: `note ${i}`, author: i % 2 === 0 ? bot : human });
      if (i % 50 === 0) gitlab.state.addNote(mr, { body: 'added 1 commit', author: human, system: true });
    }

    const comments = await forge().listComments({ kind: 'change-request', number: mr.iid });

    expect(comments).toHaveLength(230);
    expect(comments.map((comment) => comment.body)).toEqual(
      Array.from({ length: 230 }, (_, i) => `note ${i + 1}`),
    );
    expect(comments[1]).toMatchObject({ author: 'project_7_bot_plumbline' });
    expect(comments[0]).toMatchObject({ author: 'ada' });
    const pages = gitlab.requests.filter(
      (request) => request.route === 'GET /projects/:id/merge_requests/:merge_request_iid/notes',
    );
    expect(pages.map((request) => request.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  it('creates, updates and deletes notes on issues and merge requests', async () => {
    const { gitlab, project, human } = seeded;
    const issue = gitlab.state.addIssue(project, { title: 'drift', author: human });
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    const gitlabForge = forge();

    for (const [thread, target, page] of [
      [{ kind: 'issue', number: issue.iid }, issue, 'issues/1'],
      [{ kind: 'change-request', number: mr.iid }, mr, 'merge_requests/1'],
    ] as const) {
      const created = await gitlabForge.createComment(thread, 'first');
      expect(created).toEqual({
        id: expect.any(Number),
        body: 'first',
        author: 'project_7_bot_plumbline',
        url: `${gitlab.webUrl}/acme/deploy/-/${page}#note_${created.id}`,
      });
      await gitlabForge.updateComment(thread, created.id, 'second');
      expect(target.notes.map((note) => note.body)).toEqual(['second']);
      await gitlabForge.deleteComment(thread, created.id);
      expect(target.notes).toEqual([]);
    }
  });

  it("is refused, with the role named, when editing someone else's note", async () => {
    const { gitlab, project, human } = seeded;
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    const theirs = gitlab.state.addNote(mr, { body: 'mine', author: human });
    const error = await failure(
      forge().updateComment({ kind: 'change-request', number: mr.iid }, theirs.id, 'hijack'),
    );
    expect(error.status).toBe(403);
    expect(error.message).toContain(`update note ${theirs.id} on merge request !${mr.iid}`);
    expect(error.message).toContain('role');
    expect(theirs.body).toBe('mine');
  });

  it('refuses a note above the limit before sending it', async () => {
    const { gitlab, project, human } = seeded;
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    const error = await failure(
      forge().createComment({ kind: 'change-request', number: mr.iid }, 'x'.repeat(1_000_001)),
    );
    expect(error.message).toContain('at most 1000000');
    expect(gitlab.requests).toEqual([]);
  });
});

describe('GitLab forge: labels and issues', () => {
  it('adds and removes labels on issues and merge requests, creating missing project labels', async () => {
    const { gitlab, project, human } = seeded;
    const issue = gitlab.state.addIssue(project, { title: 'drift', labels: ['keep'], author: human });
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    const gitlabForge = forge();

    await gitlabForge.addLabels({ kind: 'issue', number: issue.iid }, ['drift', 'env::prod']);
    await gitlabForge.removeLabel({ kind: 'issue', number: issue.iid }, 'keep');
    await gitlabForge.addLabels({ kind: 'change-request', number: mr.iid }, ['promotion']);

    expect(issue.labels).toEqual(['drift', 'env::prod']);
    expect(mr.labels).toEqual(['promotion']);
    expect(project.labels.map((label) => label.name).sort()).toEqual([
      'drift',
      'env::prod',
      'keep',
      'promotion',
    ]);
    expect(gitlab.requests.map((request) => request.body)).toEqual([
      { add_labels: 'drift,env::prod' },
      { remove_labels: 'keep' },
      { add_labels: 'promotion' },
    ]);
  });

  it('will not send a label whose name holds a comma', async () => {
    const { gitlab, project, human } = seeded;
    const issue = gitlab.state.addIssue(project, { title: 'drift', author: human });
    const error = await failure(forge().addLabels({ kind: 'issue', number: issue.iid }, ['a,b']));
    expect(error.message).toContain("cannot contain a comma ('a,b')");
    expect(gitlab.requests).toEqual([]);
  });

  it('lists issues carrying every label, by state, across pages', async () => {
    const { gitlab, project, human } = seeded;
    for (let i = 1; i <= 120; i++) {
      gitlab.state.addIssue(project, {
        title: `drift ${i}`,
        labels: i % 3 === 0 ? ['drift'] : ['drift', 'env:prod'],
        state: i % 4 === 0 ? 'closed' : 'opened',
        author: human,
      });
    }
    const gitlabForge = forge();

    const open = await gitlabForge.listIssues(['drift', 'env:prod'], 'open');
    const closed = await gitlabForge.listIssues(['drift', 'env:prod'], 'closed');
    const all = await gitlabForge.listIssues(['drift'], 'all');

    const expected = (keep: (i: number) => boolean) =>
      Array.from({ length: 120 }, (_, i) => i + 1)
        .filter((i) => i % 3 !== 0 && keep(i))
        .map((i) => `drift ${i}`);
    expect(open.map((issue) => issue.title)).toEqual(expected((i) => i % 4 !== 0));
    expect(closed.map((issue) => issue.title)).toEqual(expected((i) => i % 4 === 0));
    expect(all).toHaveLength(120);
    expect(open[0]).toEqual({
      number: 1,
      title: 'drift 1',
      body: '',
      state: 'open',
      labels: ['drift', 'env:prod'],
      url: `${gitlab.webUrl}/acme/deploy/-/issues/1`,
    });
    expect(gitlab.requests.map((request) => request.query.state)).toEqual(['opened', 'closed', 'all', 'all']);
  });

  it('creates an issue, edits it, closes it and reopens it', async () => {
    const { gitlab, project } = seeded;
    const gitlabForge = forge();

    const created = await gitlabForge.createIssue({
      title: 'Drift in prod',
      body: 'two objects',
      labels: ['drift', 'env:prod'],
    });
    expect(created).toEqual({
      number: 1,
      title: 'Drift in prod',
      body: 'two objects',
      state: 'open',
      labels: ['drift', 'env:prod'],
      url: `${gitlab.webUrl}/acme/deploy/-/issues/1`,
    });
    await gitlabForge.updateIssue(created.number, { body: 'three objects', state: 'closed' });
    expect(project.issues[0]).toMatchObject({ description: 'three objects', state: 'closed' });
    await gitlabForge.updateIssue(created.number, { title: 'Drift in prod (again)', state: 'open' });
    expect(project.issues[0]).toMatchObject({ title: 'Drift in prod (again)', state: 'opened' });
    expect(gitlab.requests.slice(1).map((request) => request.body)).toEqual([
      { description: 'three objects', state_event: 'close' },
      { title: 'Drift in prod (again)', state_event: 'reopen' },
    ]);
  });
});

describe('GitLab forge: merge requests', () => {
  it('finds only the open merge request between the two branches', async () => {
    const { gitlab, project, human } = seeded;
    gitlab.state.addMergeRequest(project, {
      title: 'merged',
      sourceBranch: 'promote/prod',
      targetBranch: 'main',
      author: human,
      state: 'merged',
    });
    gitlab.state.addMergeRequest(project, {
      title: 'elsewhere',
      sourceBranch: 'promote/prod',
      targetBranch: 'release',
      author: human,
    });
    gitlab.state.addMergeRequest(project, {
      title: 'the one',
      description: null,
      sourceBranch: 'promote/prod',
      targetBranch: 'main',
      author: human,
    });
    const gitlabForge = forge();

    expect(await gitlabForge.findChangeRequest('promote/prod', 'main')).toEqual({
      number: 3,
      title: 'the one',
      body: '',
      url: `${gitlab.webUrl}/acme/deploy/-/merge_requests/3`,
      head: 'promote/prod',
      base: 'main',
    });
    expect(await gitlabForge.findChangeRequest('promote/staging', 'main')).toBeUndefined();
  });

  it('opens a merge request with labels and updates it', async () => {
    const { project } = seeded;
    const gitlabForge = forge();

    const opened = await gitlabForge.createChangeRequest({
      head: 'plumbline/promote-prod',
      base: 'main',
      title: 'Promote staging to prod',
      body: 'web: 1.2.0 -> 1.3.0',
      labels: ['promotion'],
    });
    expect(opened).toMatchObject({
      number: 1,
      head: 'plumbline/promote-prod',
      base: 'main',
      body: 'web: 1.2.0 -> 1.3.0',
    });
    await gitlabForge.updateChangeRequest(opened.number, { body: 'web: 1.2.0 -> 1.4.0' });

    expect(project.mergeRequests[0]).toMatchObject({
      description: 'web: 1.2.0 -> 1.4.0',
      labels: ['promotion'],
      removeSourceBranch: true,
    });
  });

  it("reports GitLab's own words when it refuses a second merge request", async () => {
    const gitlabForge = forge();
    const request = { head: 'promote', base: 'main', title: 't', body: 'b', labels: [] };
    await gitlabForge.createChangeRequest(request);
    const error = await failure(gitlabForge.createChangeRequest(request));
    expect(error.status).toBe(409);
    expect(error.message).toContain('Another open merge request already exists for this source branch: !1');
  });
});

describe('GitLab forge: rate limits and failures', () => {
  it('waits as long as Retry-After says on a 429, then succeeds, even for a POST', async () => {
    const { gitlab, project, human } = seeded;
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    gitlab.failNext(2, { status: 429, retryAfter: 7 });

    await forge().createComment({ kind: 'change-request', number: mr.iid }, 'plan');

    expect(waits).toEqual([7000, 7000]);
    expect(mr.notes.map((note) => note.body)).toEqual(['plan']);
    expect(warnings[0]).toContain(
      'GitLab answered 429 while plumbline tried to post a note on merge request !1',
    );
  });

  it('falls back to RateLimit-Reset when a 429 carries no Retry-After', async () => {
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    seeded.gitlab.failNext(1, { status: 429, headers: { 'ratelimit-reset': String(now / 1000 + 42) } });
    await forge({ now: () => now }).currentAuthor();
    expect(waits).toEqual([42_000]);
  });

  it('waits for the window to reset when GitLab says none of it remains', async () => {
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    const { gitlab, project, human } = seeded;
    gitlab.state.addIssue(project, { title: 'x', author: human });
    // A passing answer that spends the window: the next request must not go out before the reset.
    gitlab.failNext(1, {
      status: 200,
      body: { username: 'project_7_bot_plumbline' },
      headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(now / 1000 + 5) },
    });
    const gitlabForge = forge({ now: () => now });
    await gitlabForge.currentAuthor();
    expect(waits).toEqual([]);
    await gitlabForge.listIssues([], 'all');
    expect(waits).toEqual([5000]);
  });

  it('fails with the wait GitLab asked for when it is longer than plumbline will wait', async () => {
    seeded.gitlab.failNext(1, { status: 429, retryAfter: 600 });
    const error = await failure(forge().currentAuthor());
    expect(error.status).toBe(429);
    expect(error.message).toContain('asked to wait 600 s');
    expect(waits).toEqual([]);
  });

  it('retries a 5xx on a read with growing waits, then fails clearly', async () => {
    const { gitlab, project, human } = seeded;
    const issue = gitlab.state.addIssue(project, { title: 'x', author: human });
    gitlab.failNext(4, { status: 502 });

    const error = await failure(forge().listComments({ kind: 'issue', number: issue.iid }));

    expect(waits).toEqual([1000, 2000, 4000]);
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      `GitLab failed while plumbline tried to list the notes of issue #${issue.iid} (502: GitLab is not responding, 4 attempts)`,
    );
    expect(error.hint).toContain('rerun');
  });

  it('recovers when a 5xx on a read passes', async () => {
    const { gitlab, project, human } = seeded;
    gitlab.state.addIssue(project, { title: 'x', author: human });
    gitlab.failNext(2, { status: 500 });
    expect(await forge().listIssues([], 'all')).toHaveLength(1);
    expect(waits).toEqual([1000, 2000]);
  });

  it('never repeats a POST that failed with a 5xx: the note may exist already', async () => {
    const { gitlab, project, human } = seeded;
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    gitlab.failNext(1, { status: 502 });
    const error = await failure(forge().createComment({ kind: 'change-request', number: mr.iid }, 'plan'));
    expect(error.status).toBe(502);
    expect(gitlab.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('says the token is invalid on a 401 and names the variable to fix', async () => {
    const error = await failure(
      forge({ token: 'glpat-revoked', tokenVariable: 'DEPLOY_BOT_TOKEN' }).currentAuthor(),
    );
    expect(error.status).toBe(401);
    expect(error.message).toContain('invalid, expired or revoked');
    expect(error.hint).toContain('masked CI/CD variable DEPLOY_BOT_TOKEN');
    expect(error.hint).toContain('api scope');
    expect(error.hint).toContain('CI_JOB_TOKEN cannot');
  });

  it('gives the same advice when CI_JOB_TOKEN is used', async () => {
    const { gitlab, project, human, bot } = seeded;
    gitlab.state.addToken('glcbt-64_job', bot, { job: true });
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    const error = await failure(
      forge({ token: 'glcbt-64_job' }).createComment({ kind: 'change-request', number: mr.iid }, 'x'),
    );
    expect(error.status).toBe(401);
    expect(error.hint).toContain('CI_JOB_TOKEN cannot post notes');
  });

  it('names the missing api scope on a 403 insufficient_scope', async () => {
    const { gitlab, project, human } = seeded;
    const reader = gitlab.state.addUser('project_7_bot_reader', { bot: true });
    gitlab.state.addToken('glpat-read-only', reader, { scopes: ['read_api'], role: 'developer' });
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'x',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    const readOnly = forge({ token: 'glpat-read-only' });

    expect(await readOnly.listComments({ kind: 'change-request', number: mr.iid })).toEqual([]);
    const error = await failure(readOnly.createComment({ kind: 'change-request', number: mr.iid }, 'plan'));

    expect(error.status).toBe(403);
    expect(error.message).toBe(
      `the token cannot post a note on merge request !${mr.iid}: it lacks the api scope (403 insufficient_scope)`,
    );
  });

  it('names the role when the scope is right but the role too low', async () => {
    const { gitlab } = seeded;
    const reporter = gitlab.state.addUser('project_7_bot_reporter', { bot: true });
    gitlab.state.addToken('glpat-reporter', reporter, { scopes: ['api'], role: 'reporter' });
    const error = await failure(
      forge({ token: 'glpat-reporter' }).createChangeRequest({
        head: 'p',
        base: 'main',
        title: 't',
        body: 'b',
        labels: [],
      }),
    );
    expect(error.status).toBe(403);
    expect(error.message).toContain('role in the project is too low');
    expect(error.hint).toContain('Developer role');
  });

  it('explains a 404 in terms of the project and the token', async () => {
    const error = await failure(forge({ projectId: 999 }).listIssues(['drift'], 'open'));
    expect(error.status).toBe(404);
    expect(error.message).toContain('404: 404 Project Not Found');
    expect(error.hint).toContain('token is a member of the project');
  });

  it('says when the API URL does not lead to GitLab', async () => {
    const error = await failure(
      forge({ apiUrl: 'http://127.0.0.1:9/api/v4', retry: { maxAttempts: 2 } }).currentAuthor(),
    );
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('did not answer (ECONNREFUSED, 2 attempts)');
  });

  it('never puts the token in an error or a log line', async () => {
    const { gitlab } = seeded;
    gitlab.failNext(4, { status: 503 });
    const error = await failure(forge().currentAuthor());
    const everything = [error.message, error.hint, ...warnings].join('\n');
    expect(everything).not.toContain(BOT_TOKEN);
    expect(warnings).toHaveLength(3);
  });
});
