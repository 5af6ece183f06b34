/**
 * The plan action end to end: the committed dist/plan.js run under Node 24 with a
 * runner's environment, on a pull_request checkout of a real git repository, against the
 * fake GitHub (checked against GitHub's OpenAPI description) and the real control plane.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findMarker, readMarker } from '../../src/forge/marker.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../fakes/github/server.js';
import type { FakeComment, FakeIssue, FakeRepo } from '../fakes/github/state.js';
import { applyAsAdmin, testKubeconfigPath, uniqueName } from '../support/cluster.js';
import {
  type ActionSetup,
  type Files,
  PLAN_BUNDLE,
  PullRequestRepo,
  plannerKubeconfig,
  REPOSITORY,
  runBundle,
  visibleLog,
} from './github-plan-harness.js';

const BOT = 'github-actions[bot]';
const LIMIT = 65536;

let fake: FakeGitHub;
let repo: FakeRepo;
let pull: FakeIssue;
let kubeconfig: { text: string; token: string };

/** A port that was free a moment ago and that nothing listens on now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

beforeAll(async () => {
  if (!existsSync(PLAN_BUNDLE)) throw new Error('dist/plan.js is missing: run npm run build');
  kubeconfig = plannerKubeconfig(testKubeconfigPath(), await closedPort());
});

beforeEach(async () => {
  fake = await startFakeGitHub({ repos: [REPOSITORY] });
  repo = fake.state.mustRepo(REPOSITORY);
  pull = fake.state.createPullRequest(repo, {
    title: 'Greet in Spanish',
    author: 'octocat',
    head: 'feature',
    base: 'main',
  });
});

afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

const botComments = (): FakeComment[] =>
  fake.state.commentsOn(repo, pull.number).filter((comment) => comment.author === BOT);

function configMap(namespace: string, name: string, data: Record<string, string>): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
}

function secret(namespace: string, password: string): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'app-db', namespace },
    stringData: { password },
  });
}

function setup(prRepo: PullRequestRepo, inputs: Record<string, string>, token = WORKFLOW_TOKEN): ActionSetup {
  return { repo: prRepo, event: prRepo.event(pull.number), apiUrl: fake.url, inputs, token };
}

describe('a pull request planned on every push', () => {
  const namespace = uniqueName('gh-plan');
  let prRepo: PullRequestRepo;
  const app = (greeting: string, password: string): Files => ({
    'envs/dev/app.yaml': `${configMap(namespace, 'app-config', { GREETING: greeting })}\n---\n${secret(namespace, password)}\n`,
  });

  beforeAll(() => {
    prRepo = new PullRequestRepo({
      'plumbline.yaml':
        'environments:\n  - { name: dev, path: envs/dev, renderer: plain, cluster: { context: plumbline-planner } }\n',
      ...app('hello', 'first-credential'),
    });
    applyAsAdmin([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }]);
    applyAsAdmin(
      readFileSync(`${prRepo.dir}/envs/dev/app.yaml`, 'utf8')
        .split('\n---\n')
        .map((document) => JSON.parse(document)),
    );
  });
  afterAll(() => prRepo.remove());

  it('keeps one comment with the latest diff over three runs, and says so when nothing is left to change', async () => {
    // A long conversation (more than one page of comments) and a user who quoted the marker.
    for (let index = 0; index < 130; index += 1) {
      fake.state.addComment(repo, pull.number, `review note ${index}`, 'octocat');
    }
    const quoted = fake.state.addComment(
      repo,
      pull.number,
      'as the bot said: <!-- plumbline:plan:all -->',
      'mallory',
    );
    const inputs = { kubeconfig: kubeconfig.text };

    prRepo.push(app('hola', 'rotated-credential'), 'Greet in Spanish, rotate the password');
    const first = await runBundle(setup(prRepo, inputs));
    expect(first.code, first.log).toBe(0);
    expect(botComments()).toHaveLength(1);
    const [comment] = botComments();
    expect(findMarker(comment!.body, { kind: 'plan', key: 'all' })).toMatchObject({ part: 1, parts: 1 });
    expect(comment!.body).toContain('+  GREETING: hola');
    // Compared with the base branch and with the cluster, both in the one comment.
    expect(comment!.body).toMatch(/\| dev \| offline \|/);
    expect(comment!.body).toMatch(/\| dev \| live \|/);
    expect(comment!.body).toContain('https://github.example.test/acme/app/actions/runs/4242');
    // dev changes 2 objects, in both comparisons; it counts once, by its cluster comparison.
    expect(first.outputs).toMatchObject({ changed: 'true', added: '0', updated: '2', deleted: '0' });
    expect(readFileSync(first.outputs['report-markdown']!, 'utf8')).toContain('+  GREETING: hola');
    const json = JSON.parse(readFileSync(first.outputs['report-json']!, 'utf8'));
    expect(json.totals).toMatchObject({ added: 0, changed: 2, deleted: 0, failedEnvironments: 0 });
    expect(first.summary).toContain('+  GREETING: hola');
    expect(pull.labels).toEqual(['plumbline:changes']);
    expectNoSecret(first, ['rotated-credential', 'first-credential', kubeconfig.token]);
    // The kubeconfig's credential was masked before anything could print it.
    expect(first.log).toContain(`::add-mask::${kubeconfig.token}`);

    prRepo.push(app('bonjour', 'rotated-credential'), 'Greet in French');
    const second = await runBundle(setup(prRepo, inputs));
    expect(second.code, second.log).toBe(0);
    expect(botComments().map((c) => c.id)).toEqual([comment!.id]);
    expect(botComments()[0]!.body).toContain('+  GREETING: bonjour');
    expect(botComments()[0]!.body).not.toContain('hola');

    prRepo.push(app('hello', 'first-credential'), 'Back to what runs today');
    const third = await runBundle(setup(prRepo, inputs));
    expect(third.code, third.log).toBe(0);
    expect(botComments().map((c) => c.id)).toEqual([comment!.id]);
    const last = botComments()[0]!.body;
    expect(last).toContain('**No changes.**');
    expect(last).not.toContain('bonjour');
    expect(third.outputs).toMatchObject({ changed: 'false', added: '0', updated: '0', deleted: '0' });
    expect(pull.labels).toEqual(['plumbline:no-changes']);

    expect(fake.state.commentsOn(repo, pull.number).find((c) => c.id === quoted.id)?.body).toBe(quoted.body);
    expect(fake.state.commentsOn(repo, pull.number)).toHaveLength(132);
    // Every run read past the first page of comments.
    expect(
      fake.requests.filter((r) => r.route?.endsWith('/comments') && r.query.includes('page=2')),
    ).toHaveLength(3);
  });

  it('fails the environment whose cluster is unreachable with an annotation, and reports the others', async () => {
    const both = new PullRequestRepo({
      'plumbline.yaml': [
        'environments:',
        '  - { name: dev, path: envs/dev, renderer: plain, cluster: { context: plumbline-planner } }',
        '  - { name: prod, path: envs/prod, renderer: plain, cluster: { context: closed } }',
        '',
      ].join('\n'),
      ...app('hello', 'first-credential'),
      'envs/prod/app.yaml': `${configMap(namespace, 'prod-config', { GREETING: 'hello' })}\n`,
    });
    try {
      both.push(app('hola', 'first-credential'), 'Greet in Spanish');
      const run = await runBundle(setup(both, { kubeconfig: kubeconfig.text, mode: 'live' }));
      expect(run.code).toBe(1);
      expect(run.log).toMatch(
        /^::error title=plumbline%3A prod \(live\) could not be compared::.*127\.0\.0\.1/m,
      );
      expect(run.log).not.toMatch(/^::error title=plumbline%3A dev/m);
      expect(run.log).toMatch(
        /^::error::plumbline could not compare prod \(live\); the other environments are reported\./m,
      );
      const [comment] = botComments();
      expect(comment!.body).toMatch(/\| dev \| live \| cluster plumbline-planner \| 0 \| 1 \| 0 \|/);
      expect(comment!.body).toContain('❌ **prod** could not be compared');
      // The remedy in the action's words, not the CLI's.
      expect(comment!.body).toContain('To compare without a cluster: set the input \\`mode: offline\\`.');
      expect(`${comment!.body}\n${run.log}`).not.toContain('--offline');
      expect(comment!.body).toContain('+  GREETING: hola');
      expect(run.outputs).toMatchObject({ changed: 'true', updated: '1' });
      expect(pull.labels).toEqual(['plumbline:changes']);
      expectNoSecret(run, [kubeconfig.token]);
    } finally {
      both.remove();
    }
  });
});

describe('a report larger than a comment', () => {
  const objects = (count: number): Files => {
    const files: Files = {};
    for (let index = 0; index < count; index += 1) {
      const data: Record<string, string> = {};
      for (let key = 0; key < 24; key += 1) data[`key-${key}`] = `${'value '.repeat(12)}${index}-${key}`;
      files[`envs/dev/cm-${String(index).padStart(3, '0')}.yaml`] = configMap(
        'big',
        `cm-${String(index).padStart(3, '0')}`,
        data,
      );
    }
    return files;
  };

  it('is split into whole parts under the limit, and the parts are reconciled on the next run', async () => {
    const prRepo = new PullRequestRepo({
      'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
      'envs/dev/keep.yaml': configMap('big', 'keep', { a: '1' }),
    });
    try {
      prRepo.push(objects(110), 'Add 110 ConfigMaps');
      const big = await runBundle(setup(prRepo, { mode: 'offline' }));
      expect(big.code, big.log).toBe(0);
      expect(readFileSync(big.outputs['report-markdown']!, 'utf8').length).toBeGreaterThan(200_000);
      const parts = botComments();
      expect(parts.length).toBeGreaterThan(3);
      parts.forEach((part, index) => {
        expect(part.body.length).toBeLessThanOrEqual(LIMIT);
        expect(readMarker(part.body)).toEqual({
          kind: 'plan',
          key: 'all',
          part: index + 1,
          parts: parts.length,
        });
        // Whole: every collapsed section and code fence opened in a part is closed in it.
        expect(part.body.split('<details>').length).toBe(part.body.split('</details>').length);
        expect(part.body.split('```').length % 2).toBe(1);
      });
      for (let index = 0; index < 110; index += 1) {
        const name = `cm-${String(index).padStart(3, '0')}`;
        expect(
          parts.filter((part) => part.body.includes(`ConfigMap big/${name}`)),
          name,
        ).toHaveLength(1);
      }
      expect(big.summary).toContain('ConfigMap big/cm-109');
      expect(big.outputs).toMatchObject({ changed: 'true', added: '110' });

      const deleted: Files = Object.fromEntries(
        Object.keys(objects(110))
          .slice(5)
          .map((path) => [path, null]),
      );
      prRepo.push(deleted, 'Keep only five');
      const small = await runBundle(setup(prRepo, { mode: 'offline' }));
      expect(small.code, small.log).toBe(0);
      const after = botComments();
      expect(after.map((c) => c.id)).toEqual([parts[0]!.id]);
      expect(readMarker(after[0]!.body)).toEqual({ kind: 'plan', key: 'all', part: 1, parts: 1 });
      expect(after[0]!.body).toContain('ConfigMap big/cm-004');
      expect(after[0]!.body).not.toContain('cm-005');
    } finally {
      prRepo.remove();
    }
  });
});

describe('GitHub refusing or limiting', () => {
  const base: Files = {
    'plumbline.yaml':
      'environments:\n  - { name: dev, path: envs/dev, renderer: plain, cluster: { context: plumbline-planner } }\n',
    'envs/dev/app.yaml': configMap('web', 'app-config', { GREETING: 'hello' }),
  };

  it('names the missing permission when the token may not comment', async () => {
    const readOnly = 'ghs_readonly0000000000000000000000000000';
    fake.state.addToken(readOnly, { permissions: { 'pull-requests': 'read', issues: 'read' } });
    const prRepo = new PullRequestRepo(base);
    try {
      prRepo.push({ 'envs/dev/app.yaml': configMap('web', 'app-config', { GREETING: 'hola' }) }, 'hola');
      const run = await runBundle(setup(prRepo, { mode: 'offline' }, readOnly));
      expect(run.code).toBe(1);
      expect(run.log).toMatch(
        /^::error::GitHub refused to let plumbline comment on pull request #1 in acme\/app/m,
      );
      expect(run.log).toContain('pull-requests: write');
      // The plan itself is not lost.
      expect(run.summary).toContain('+  GREETING: hola');
      expect(run.outputs.changed).toBe('true');
    } finally {
      prRepo.remove();
    }
  });

  it('gives a fork pull request the offline plan, says why, and does not fail on its read-only token', async () => {
    const readOnly = 'ghs_forkreadonly00000000000000000000000';
    fake.state.addToken(readOnly, {
      permissions: { 'pull-requests': 'read', issues: 'read', contents: 'read' },
    });
    const prRepo = new PullRequestRepo(base);
    try {
      prRepo.push({ 'envs/dev/app.yaml': configMap('web', 'app-config', { GREETING: 'hola' }) }, 'hola');
      const run = await runBundle({
        ...setup(prRepo, {}, readOnly),
        event: prRepo.event(pull.number, { headRepository: 'contributor/app' }),
      });
      expect(run.code, run.log).toBe(0);
      expect(run.summary).toContain("this change comes from a fork, and a fork's runs get no secrets");
      expect(run.summary).toMatch(/\| dev \| offline ℹ️ \|/);
      expect(run.log).toMatch(/^::warning::.*read-only token.*pull_request_target/m);
      expect(botComments()).toEqual([]);
    } finally {
      prRepo.remove();
    }
  });
});

function expectNoSecret(
  run: { log: string; outputs: Record<string, string>; summary: string },
  secrets: string[],
) {
  const texts = {
    log: visibleLog(run.log),
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
    markdown: readFileSync(run.outputs['report-markdown']!, 'utf8'),
    json: readFileSync(run.outputs['report-json']!, 'utf8'),
    comments: fake.state
      .commentsOn(repo, pull.number)
      .map((c) => c.body)
      .join('\n'),
  };
  for (const value of secrets) {
    for (const [where, text] of Object.entries(texts)) {
      expect(text.includes(value), `${where} holds a secret value`).toBe(false);
      expect(
        text.includes(Buffer.from(value).toString('base64')),
        `${where} holds a secret value (base64)`,
      ).toBe(false);
    }
  }
}
