/**
 * A fleet's plan through the plan action, sharded over the workflow's own matrix, each
 * step run by @github/local-action from actions/plan/action.yml against the fake GitHub:
 * two shard steps (`shard: 1/2`, `shard: 2/2`) write their plan result files and post
 * nothing; a merge step (`reports`) posts the one sticky comment and the labels, the same
 * comment a plan of every environment posts. A missing shard posts nothing, unless
 * `partial: true`, whose comment says it is partial.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { shardOf } from '../../src/config/shard.js';
import { findMarker } from '../../src/forge/marker.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../fakes/github/server.js';
import type { FakeIssue, FakeRepo } from '../fakes/github/state.js';
import {
  type ActionRun,
  PLAN_BUNDLE,
  PullRequestRepo,
  REPOSITORY,
  runBundle,
  runWithLocalAction,
} from './github-plan-harness.js';

const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const LABELS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels';

/** In name order, as a merge orders environments that shards interleave. */
const ENVIRONMENTS = ['dev', 'prod-eu', 'prod-us', 'qa', 'staging'];

function configMap(greeting: string, comment = ''): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app, namespace: web }\ndata: { GREETING: ${greeting} }\n${comment}`;
}

let fake: FakeGitHub;
let repo: FakeRepo;
let pull: FakeIssue;
let prRepo: PullRequestRepo;

beforeAll(() => {
  if (!existsSync(PLAN_BUNDLE)) throw new Error('dist/plan.js is missing: run npm run build');
  // The shards this test means: dev, qa (1 of 2); prod-eu, prod-us, staging (2 of 2).
  expect(ENVIRONMENTS.map((name) => shardOf(name, 2))).toEqual([1, 2, 2, 1, 2]);
});

beforeEach(async () => {
  fake = await startFakeGitHub({ repos: [REPOSITORY] });
  repo = fake.state.mustRepo(REPOSITORY);
  pull = fake.state.createPullRequest(repo, {
    title: 'Greet in Spanish in staging and prod-eu',
    author: 'octocat',
    head: 'feature',
    base: 'main',
  });
  prRepo = new PullRequestRepo({
    'plumbline.yaml': `environments:\n${ENVIRONMENTS.map((name) => `  - { name: ${name}, path: envs/${name}, renderer: plain }\n`).join('')}`,
    ...Object.fromEntries(ENVIRONMENTS.map((name) => [`envs/${name}/app.yaml`, configMap('hello')])),
  });
  // Shard 2 changes two environments; shard 1 touches dev without changing what it
  // renders (planned: no changes) and leaves qa alone (unaffected).
  prRepo.push(
    {
      'envs/staging/app.yaml': configMap('hola'),
      'envs/prod-eu/app.yaml': configMap('hola'),
      'envs/dev/app.yaml': configMap('hello', '# reviewed\n'),
    },
    'Greet in Spanish',
  );
});

afterEach(async () => {
  prRepo.remove();
  expect(fake.violations).toEqual([]);
  await fake.close();
});

function step(inputs: Record<string, string>): Promise<ActionRun> {
  return runWithLocalAction({
    repo: prRepo,
    event: prRepo.event(pull.number),
    apiUrl: fake.url,
    inputs,
    token: WORKFLOW_TOKEN,
  });
}

/** What actions/download-artifact leaves without merge-multiple: a folder per artifact. */
function download(run: ActionRun, shard: number): void {
  const folder = join(prRepo.dir, 'shards', `plan-result-${shard}`);
  mkdirSync(folder, { recursive: true });
  cpSync(run.outputs['result-file']!, join(folder, basename(run.outputs['result-file']!)));
}

const planComments = () =>
  fake.state
    .commentsOn(repo, pull.number)
    .filter((comment) => findMarker(comment.body, { kind: 'plan', key: 'all' }) !== undefined);

it('shards write result files and post nothing; the merge posts the comment an unsharded plan posts', async () => {
  const shards = [await step({ shard: '1/2' }), await step({ shard: '2/2' })];
  for (const [position, run] of shards.entries()) {
    const index = position + 1;
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.shard).toBe(`${index}/2`);
    expect(run.outputs['result-file']).toMatch(new RegExp(`plan-result-${index}-of-2\\.json$`));
    const file = JSON.parse(readFileSync(run.outputs['result-file']!, 'utf8')) as {
      result: { shard: unknown; environments: Array<{ environment: string }>; unaffected?: string[] };
    };
    expect(file.result.shard).toEqual({ index, count: 2 });
    const names = [
      ...file.result.environments.map((env) => env.environment),
      ...(file.result.unaffected ?? []),
    ];
    expect(names.sort()).toEqual(ENVIRONMENTS.filter((name) => shardOf(name, 2) === index));
    expect(run.summary).toContain(`This is shard ${index} of 2 of the plan`);
    download(run, index);
  }
  // Shard 1 changes nothing, shard 2 changes two objects; neither says so on the pull request.
  expect(shards.map((run) => run.outputs.changed)).toEqual(['false', 'true']);
  expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  expect(pull.labels).toEqual([]);

  // A merge without shard 2 is refused before it posts anything.
  const missing = await step({ reports: 'shards/plan-result-1' });
  expect(missing.code).not.toBe(0);
  expect(missing.log).toContain('shard 2 of 2 is missing');
  expect(missing.log).toContain('set the input `partial: true`');
  expect(missing.log).not.toMatch(/\s--[a-z]/);
  expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);

  // partial: true merges it anyway, says so, removes the labels (nothing is known) and fails.
  const partial = await step({ reports: 'shards/*/plan-result-1-*.json', partial: 'true' });
  expect(partial.code, partial.log).not.toBe(0);
  expect(partial.outputs['missing-shards']).toBe('[2]');
  expect(planComments()).toHaveLength(1);
  expect(planComments()[0]!.body).toContain('Partial plan: shard 2 is missing');
  expect(pull.labels).toEqual([]);
  expect(fake.count(LABELS)).toBe(0);

  // Every shard: the comment is edited in place into the whole plan, labelled once.
  const merged = await step({ reports: 'shards' });
  expect(merged.code, merged.log).toBe(0);
  expect(merged.outputs).toMatchObject({
    changed: 'true',
    added: '0',
    updated: '2',
    deleted: '0',
    'missing-shards': '[]',
  });
  expect(merged.outputs.shard).toBeUndefined();
  expect(fake.count(COMMENTS)).toBe(1);
  const [comment] = planComments();
  expect(planComments()).toHaveLength(1);
  expect(comment!.body).not.toContain('Partial plan');
  for (const name of ['dev', 'prod-eu', 'staging']) expect(comment!.body).toContain(name);
  expect(comment!.body).toContain('+  GREETING: hola');
  expect(pull.labels).toEqual(['plumbline:changes']);
  expect(fake.count(LABELS)).toBe(1);

  // The same pull request planned whole, in one step: the same comment, left as it is.
  const whole = await step({});
  expect(whole.code, whole.log).toBe(0);
  expect(whole.log).toMatch(/plan comment all: 1 part \(0 created, 0 updated, 1 unchanged, 0 deleted\)/);
  expect(planComments().map((c) => c.body)).toEqual([comment!.body]);
  expect(whole.summary).toBe(merged.summary);
  expect(pull.labels).toEqual(['plumbline:changes']);
});

it('refuses a shard that would post, and shard with reports, before anything runs', async () => {
  const posting = await runBundle({
    repo: prRepo,
    event: prRepo.event(pull.number),
    apiUrl: fake.url,
    inputs: { shard: '1/2', comment: 'true' },
    token: WORKFLOW_TOKEN,
  });
  expect(posting.code).not.toBe(0);
  expect(posting.log).toContain(
    "input `shard: 1/2` plans part of the environments, so it cannot post the plan's comment",
  );
  const both = await runBundle({
    repo: prRepo,
    event: prRepo.event(pull.number),
    apiUrl: fake.url,
    inputs: { shard: '1/2', reports: 'shards' },
    token: WORKFLOW_TOKEN,
  });
  expect(both.code).not.toBe(0);
  expect(both.log).toContain('inputs `shard` and `reports` do not go together');
  for (const run of [posting, both]) {
    expect(run.outputs).toEqual({});
    expect(run.log).not.toMatch(/\s--[a-z]/);
  }
  expect(fake.requests).toEqual([]);
});
