import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchShape, requestShapes } from '../../fakes/gitlab/api-shapes.js';
import { BOT_TOKEN, HUMAN_TOKEN, type SeededGitLab, startSeededGitLab } from '../../fakes/gitlab/fixture.js';

let seeded: SeededGitLab;

beforeEach(async () => {
  seeded = await startSeededGitLab();
});

afterEach(async () => {
  await seeded.gitlab.close();
});

function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { 'private-token': BOT_TOKEN, ...init.headers };
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  return fetch(`${seeded.gitlab.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
}

describe('fake GitLab: request shapes', () => {
  it('pins each route once, with the documentation it follows', () => {
    const keys = requestShapes.map((shape) => `${shape.method} ${shape.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const shape of requestShapes) expect(shape.source).toMatch(/^https:\/\/docs\.gitlab\.com\/api\//);
    expect(matchShape('GET', '/projects/acme%2Fdeploy/merge_requests/3/notes')).toEqual({
      shape: expect.objectContaining({ path: '/projects/:id/merge_requests/:merge_request_iid/notes' }),
      params: { id: 'acme/deploy', merge_request_iid: '3' },
    });
    expect(matchShape('GET', '/projects/acme/deploy/issues')).toBeUndefined();
  });

  it('answers every pinned route when called as documented', async () => {
    const { gitlab, project, human, bot } = seeded;
    const issue = gitlab.state.addIssue(project, { title: 'i', author: human });
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'm',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    const issueNote = gitlab.state.addNote(issue, { body: 'n', author: bot });
    const mrNote = gitlab.state.addNote(mr, { body: 'n', author: bot });
    const values: Record<string, string> = {
      ':id': String(project.id),
      ':issue_iid': String(issue.iid),
      ':merge_request_iid': String(mr.iid),
    };
    const bodies: Record<string, unknown> = {
      'POST /projects/:id/issues': { title: 't' },
      'PUT /projects/:id/issues/:issue_iid': { title: 't2' },
      'POST /projects/:id/merge_requests': { source_branch: 'b', target_branch: 'main', title: 't' },
      'PUT /projects/:id/merge_requests/:merge_request_iid': { title: 't2' },
      'POST /projects/:id/issues/:issue_iid/notes': { body: 'x' },
      'PUT /projects/:id/issues/:issue_iid/notes/:note_id': { body: 'y' },
      'POST /projects/:id/merge_requests/:merge_request_iid/notes': { body: 'x' },
      'PUT /projects/:id/merge_requests/:merge_request_iid/notes/:note_id': { body: 'y' },
      'POST /projects/:id/labels': { name: 'drift', color: '#ff0000' },
    };
    for (const shape of requestShapes) {
      const key = `${shape.method} ${shape.path}`;
      const noteId = shape.path.includes('/issues/') ? issueNote.id : mrNote.id;
      const path = shape.path.replace(/:[a-z_]+/g, (name) => values[name] ?? String(noteId));
      const response = await call(path, { method: shape.method, body: bodies[key] });
      expect([200, 201, 204], key).toContain(response.status);
    }
    expect(gitlab.violations).toEqual([]);
  });

  it('records and refuses what GitLab would not accept', async () => {
    const { gitlab, project } = seeded;
    const id = project.id;
    const answers = [
      await call(`/projects/${id}/issues?state=open`),
      await call(`/projects/${id}/issues?labels[]=drift`),
      await call(`/projects/${id}/issues?per_page=500`),
      await call(`/projects/${id}/issues`, { method: 'POST', body: { body: 'GitHub word' } }),
      await call(`/projects/${id}/issues`, { method: 'POST', body: { title: 't', labels: ['a', 'b'] } }),
      await call(`/projects/${id}/issues`, {
        method: 'POST',
        body: 'title=t',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      await call(`/projects/${id}/pulls`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400, 404]);
    expect(gitlab.violations).toEqual([
      'GET /projects/:id/issues: state must be one of opened, closed, all; got "open"',
      'GET /projects/:id/issues: query parameter labels[] is not accepted',
      'GET /projects/:id/issues: per_page above 100 is capped by GitLab',
      'POST /projects/:id/issues: body field body is not accepted; body field title is required',
      'POST /projects/:id/issues: labels must be a string; got ["a","b"]',
      'POST /projects/:id/issues: body sent as application/x-www-form-urlencoded, not application/json',
      `GET /api/v4/projects/${id}/pulls: no such route in the GitLab API shapes`,
    ]);
    expect(project.issues).toEqual([]);
  });
});

describe('fake GitLab: authentication', () => {
  it('takes the token as PRIVATE-TOKEN or as a Bearer token, and answers 401 without one', async () => {
    const asBearer = await call('/user', {
      headers: { 'private-token': '', authorization: `Bearer ${HUMAN_TOKEN}` },
    });
    expect(await asBearer.json()).toMatchObject({ username: 'ada' });
    expect(await (await call('/user')).json()).toMatchObject({
      username: 'project_7_bot_plumbline',
      bot: true,
    });
    const anonymous = await fetch(`${seeded.gitlab.url}/user`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: '401 Unauthorized' });
  });

  it('answers 403 insufficient_scope, with the scope, for a write by a read_api token', async () => {
    const { gitlab, project, human } = seeded;
    gitlab.state.addToken('glpat-ro', human, { scopes: ['read_api'] });
    const response = await call(`/projects/${project.id}/issues`, {
      method: 'POST',
      body: { title: 't' },
      headers: { 'private-token': 'glpat-ro' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(await response.json()).toMatchObject({ error: 'insufficient_scope', scope: 'api' });
  });
});

describe('fake GitLab: pagination and order', () => {
  it("pages with GitLab's headers and lists notes newest first unless asked", async () => {
    const { gitlab, project, human } = seeded;
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'm',
      sourceBranch: 'a',
      targetBranch: 'main',
      author: human,
    });
    for (let i = 1; i <= 45; i++) gitlab.state.addNote(mr, { body: `n${i}`, author: human });

    const last = await call(`/projects/${project.id}/merge_requests/${mr.iid}/notes?per_page=20&page=3`);
    expect(
      Object.fromEntries(
        ['x-page', 'x-per-page', 'x-total', 'x-total-pages', 'x-next-page', 'x-prev-page'].map((h) => [
          h,
          last.headers.get(h),
        ]),
      ),
    ).toEqual({
      'x-page': '3',
      'x-per-page': '20',
      'x-total': '45',
      'x-total-pages': '3',
      'x-next-page': '',
      'x-prev-page': '2',
    });
    expect(((await last.json()) as { body: string }[]).map((note) => note.body)).toEqual([
      'n5',
      'n4',
      'n3',
      'n2',
      'n1',
    ]);
    const link = last.headers.get('link')!;
    expect(link).toContain('per_page=20&page=2>; rel="prev"');
    expect(link).not.toContain('rel="next"');

    const first = await call(`/projects/${project.id}/merge_requests/${mr.iid}/notes?sort=asc`);
    expect(first.headers.get('x-next-page')).toBe('2');
    expect(((await first.json()) as { body: string }[])[0]!.body).toBe('n1');
  });
});

describe('fake GitLab: faults and log', () => {
  it('answers the next matching requests with the injected fault and logs them', async () => {
    const { gitlab, project } = seeded;
    gitlab.failNext(1, { status: 429, retryAfter: 3, match: { method: 'POST' } });
    gitlab.failNext(1, { status: 502 });

    const read = await call('/user');
    const write = await call(`/projects/${project.id}/issues`, { method: 'POST', body: { title: 't' } });
    const again = await call(`/projects/${project.id}/issues`, { method: 'POST', body: { title: 't' } });

    expect(read.status).toBe(502);
    expect(write.status).toBe(429);
    expect(write.headers.get('retry-after')).toBe('3');
    expect(again.status).toBe(201);
    expect(gitlab.requests.map((request) => [request.route, request.status, request.fault])).toEqual([
      ['GET /user', 502, true],
      ['POST /projects/:id/issues', 429, true],
      ['POST /projects/:id/issues', 201, false],
    ]);
    expect(gitlab.requests[2]!.user).toBe('project_7_bot_plumbline');
  });
});
