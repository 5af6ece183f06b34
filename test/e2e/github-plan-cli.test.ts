/**
 * `plumbline plan --comment` from the committed CLI bundle: the same sticky comment and
 * labels as the action, with the forge taken from GITHUB_TOKEN, GITHUB_REPOSITORY and
 * GITHUB_API_URL, and the plan's exit codes unchanged.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findMarker } from '../../src/forge/marker.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../fakes/github/server.js';
import { NODE24, PullRequestRepo, REPOSITORY, ROOT } from './github-plan-harness.js';

const configMap = (greeting: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app, namespace: web }\ndata: { GREETING: ${greeting} }\n`;

let fake: FakeGitHub;
let prRepo: PullRequestRepo;

beforeEach(async () => {
  fake = await startFakeGitHub({ repos: [REPOSITORY] });
  prRepo = new PullRequestRepo({
    'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
    'envs/dev/app.yaml': configMap('hello'),
  });
});

afterEach(async () => {
  prRepo.remove();
  expect(fake.violations).toEqual([]);
  await fake.close();
});

/** Runs the CLI bundle; asynchronously, since the fake GitHub answers from this process. */
function plan(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    NODE24,
    [join(ROOT, 'dist/cli.js'), 'plan', '--repo', prRepo.dir, '--base', 'main', ...args],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_TOKEN: WORKFLOW_TOKEN,
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_API_URL: fake.url,
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

it('comments, labels and keeps the exit codes of the plan', async () => {
  const repo = fake.state.mustRepo(REPOSITORY);
  const pull = fake.state.createPullRequest(repo, {
    title: 'hola',
    author: 'octocat',
    head: 'feature',
    base: 'main',
  });
  prRepo.push({ 'envs/dev/app.yaml': configMap('hola') }, 'hola');

  const changed = await plan(
    '--offline',
    '--comment',
    '--labels',
    '--forge',
    'github',
    '--pr',
    String(pull.number),
  );
  expect(changed.status, changed.stderr).toBe(2);
  expect(changed.stdout).toContain('GREETING');
  const [comment] = fake.state.commentsOn(repo, pull.number);
  expect(findMarker(comment!.body, { kind: 'plan', key: 'all' })).toBeDefined();
  expect(comment!.body).toContain('+  GREETING: hola');
  expect(pull.labels).toEqual(['plumbline:changes']);

  prRepo.push({ 'envs/dev/app.yaml': configMap('hello') }, 'back to hello');
  const unchanged = await plan(
    '--offline',
    '--comment',
    '--labels',
    '--forge',
    'github',
    '--pr',
    String(pull.number),
  );
  expect(unchanged.status, unchanged.stderr).toBe(0);
  expect(fake.state.commentsOn(repo, pull.number).map((c) => c.id)).toEqual([comment!.id]);
  expect(fake.state.commentsOn(repo, pull.number)[0]!.body).toContain('**No changes.**');
  expect(pull.labels).toEqual(['plumbline:no-changes']);
});

it('fails before planning when there is nothing to comment on, saying what to pass', async () => {
  const result = await plan('--offline', '--comment', '--forge', 'github');
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('no pull request to comment on');
  expect(result.stderr).toContain('--pr NUMBER');
  expect(fake.requests).toEqual([]);
});
