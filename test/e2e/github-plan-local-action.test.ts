/**
 * The plan action through @github/local-action, which reads actions/plan/action.yml and
 * a .env file the way a runner would hand a step its inputs, while GitHub rate-limits the
 * first attempts: the plan still lands as one comment.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findMarker } from '../../src/forge/marker.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../fakes/github/server.js';
import { PullRequestRepo, REPOSITORY, runWithLocalAction } from './github-plan-harness.js';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

let fake: FakeGitHub;
let prRepo: PullRequestRepo;

beforeEach(async () => {
  fake = await startFakeGitHub({ repos: [REPOSITORY] });
  prRepo = new PullRequestRepo({
    'plumbline.yaml':
      'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n  - { name: prod, path: envs/prod, renderer: plain }\n',
    'envs/dev/app.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app, namespace: web }\ndata: { GREETING: hello }\n',
    'envs/prod/app.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app, namespace: web }\ndata: { GREETING: hello }\n',
  });
});

afterEach(async () => {
  prRepo.remove();
  expect(fake.violations).toEqual([]);
  await fake.close();
});

it('comments once per environment after a 429 and a secondary rate limit', async () => {
  const repo = fake.state.mustRepo(REPOSITORY);
  const pull = fake.state.createPullRequest(repo, {
    title: 'hola',
    author: 'octocat',
    head: 'feature',
    base: 'main',
  });
  prRepo.push(
    {
      'envs/dev/app.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app, namespace: web }\ndata: { GREETING: hola }\n',
      // prod's file is touched but renders the same: planned, with no changes.
      'envs/prod/app.yaml':
        '# greeting stays English in prod\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: app, namespace: web }\ndata: { GREETING: hello }\n',
    },
    'Greet in Spanish in dev',
  );
  // GitHub answers a secondary rate limit with 429 or 403, always with retry-after.
  fake.fail({ rateLimit: 'secondary', status: 429, retryAfter: 1, method: 'GET', path: COMMENTS });
  fake.fail({ rateLimit: 'secondary', retryAfter: 1, method: 'POST', path: COMMENTS });

  const run = await runWithLocalAction({
    repo: prRepo,
    event: prRepo.event(pull.number),
    apiUrl: fake.url,
    inputs: { 'comment-per-environment': 'true' },
    token: WORKFLOW_TOKEN,
  });

  expect(run.code, run.log).toBe(0);
  // local-action read the metadata of actions/plan.
  expect(run.log).toContain('report-markdown');
  expect(run.log).toMatch(/rate limit/i);
  const statuses = fake.requests
    .filter((r) => r.route?.endsWith(COMMENTS))
    .map((r) => `${r.method} ${r.status}`);
  expect(statuses.slice(0, 2)).toEqual(['GET 429', 'GET 200']);
  expect(statuses).toContain('POST 403');
  const comments = fake.state.commentsOn(repo, pull.number);
  expect(
    comments.map((c) => [
      findMarker(c.body, { kind: 'plan', key: 'dev' }) !== undefined,
      findMarker(c.body, { kind: 'plan', key: 'prod' }) !== undefined,
    ]),
  ).toEqual([
    [true, false],
    [false, true],
  ]);
  expect(comments[0]!.body).toContain('+  GREETING: hola');
  expect(comments[1]!.body).toContain('**No changes.**');
  expect(run.outputs).toMatchObject({ changed: 'true', added: '0', updated: '1', deleted: '0' });
  expect(pull.labels).toEqual(['plumbline:changes']);
});
