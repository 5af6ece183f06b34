/**
 * The GitLab CI/CD component end to end: a real git repository whose .gitlab-ci.yml
 * includes plan, promote and drift from this project at the pipeline's commit, run by
 * gitlab-ci-local (shell executor, see gitlab-harness.ts) against the fake GitLab REST API,
 * real git over HTTP and the real control plane. Each pipeline kind runs only its job.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findMarker } from '../../src/forge/marker.js';
import { BOT_TOKEN } from '../fakes/gitlab/fixture.js';
import type { FakeIssue, FakeMergeRequest } from '../fakes/gitlab/state.js';
import { applyAsAdmin, contextOf, testKubeconfigPath, uniqueName } from '../support/cluster.js';
import {
  CLI_BUNDLE,
  ComponentRepo,
  componentPipeline,
  type Files,
  GitLabInstance,
  git,
  jobLog,
  type PipelineOptions,
  plannerKubeconfig,
  runPipeline,
} from './gitlab-harness.js';

const KUBECONFIG_VARIABLE = 'KUBECONFIG_PLUMBLINE';

/** One .gitlab-ci.yml for every scenario: the rules of each component pick its pipelines. */
const PIPELINE = componentPipeline({
  plan: { 'kubeconfig-variable': KUBECONFIG_VARIABLE },
  drift: { 'kubeconfig-variable': KUBECONFIG_VARIABLE },
  promote: { to: 'staging' },
});

let instance: GitLabInstance;
let kubeconfig: string;

beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error('dist/cli.js is missing: run npm run build');
  // gitlab-ci-local copies the working copy with rsync before every pipeline.
  try {
    execFileSync('rsync', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('gitlab-ci-local needs rsync: install it (apt-get install rsync)');
  }
  kubeconfig = plannerKubeconfig(testKubeconfigPath());
});

beforeEach(async () => {
  instance = await GitLabInstance.start();
});

afterEach(async () => {
  expect(instance.gitlab.violations).toEqual([]);
  await instance.close();
});

/** The project's CI/CD variables: the access token (masked, in the variable the component reads) and the kubeconfig file. */
function projectVariables(token = BOT_TOKEN): Pick<PipelineOptions, 'variables' | 'files'> {
  return { variables: { PLUMBLINE_GITLAB_TOKEN: token }, files: { [KUBECONFIG_VARIABLE]: kubeconfig } };
}

describe('plan in merge request pipelines', () => {
  const namespace = uniqueName('gl-plan');
  const configMap = (greeting: string) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-config', namespace },
      data: { GREETING: greeting },
    });
  const app = (greeting: string): Files => ({ 'envs/dev/app.yaml': `${configMap(greeting)}\n` });
  let repo: ComponentRepo;
  let base: string;
  let mergeRequest: FakeMergeRequest;

  beforeAll(() => {
    applyAsAdmin([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }]);
    applyAsAdmin([JSON.parse(configMap('hello'))]);
  });

  beforeEach(() => {
    repo = new ComponentRepo(
      instance,
      {
        'plumbline.yaml': `environments:\n  - { name: dev, path: envs/dev, renderer: plain, cluster: { context: ${contextOf('planner')} } }\n`,
        ...app('hello'),
      },
      PIPELINE,
    );
    base = repo.head();
    repo.git('checkout', '-q', '-b', 'greeting');
    mergeRequest = instance.gitlab.state.addMergeRequest(instance.project, {
      title: 'Greet in Spanish',
      sourceBranch: 'greeting',
      targetBranch: 'main',
      author: instance.seeded.human,
    });
  });

  afterEach(() => repo.remove());

  /** A push to the merge request's branch, then the merge request pipeline GitLab runs for it. */
  function push(files: Files, message: string, token?: string) {
    repo.commit(message, files);
    return runPipeline(repo, {
      predefined: {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_PROJECT_ID: String(instance.project.id),
        CI_MERGE_REQUEST_PROJECT_ID: String(instance.project.id),
        CI_MERGE_REQUEST_IID: String(mergeRequest.iid),
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'greeting',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: base,
      },
      // Merge request pipelines have no branch of their own.
      unset: ['CI_COMMIT_BRANCH'],
      ...projectVariables(token),
    });
  }

  const botNotes = () => mergeRequest.notes.filter((note) => note.authorId === instance.seeded.bot.id);

  it('keeps one note, updated in place with the latest plan, and says so when nothing is left to change', async () => {
    // A long discussion (more than a page of notes) and a human quoting plumbline's marker.
    for (let index = 0; index < 120; index += 1) {
      instance.gitlab.state.addNote(mergeRequest, { body: `review ${index}`, author: instance.seeded.human });
    }
    const quoted = instance.gitlab.state.addNote(mergeRequest, {
      body: 'the bot wrote `<!-- plumbline:plan:all -->` here',
      author: instance.seeded.human,
    });

    const first = await push(app('hola'), 'Greet in Spanish');
    expect(first.code, first.log).toBe(0);
    expect(first.jobs).toEqual(['plumbline-plan']);
    expect(botNotes()).toHaveLength(1);
    const [note] = botNotes();
    expect(findMarker(note!.body, { kind: 'plan', key: 'all' })).toMatchObject({ part: 1, parts: 1 });
    expect(note!.body).toContain('+  GREETING: hola');
    expect(note!.body).toMatch(/\| dev \| live \|/);
    expect(note!.body).toMatch(/\| dev \| offline \|/);

    const second = await push(app('bonjour'), 'Greet in French');
    expect(second.code, second.log).toBe(0);
    expect(botNotes().map((n) => n.id)).toEqual([note!.id]);
    expect(botNotes()[0]!.body).toContain('+  GREETING: bonjour');
    expect(botNotes()[0]!.body).not.toContain('hola');

    const third = await push(app('hello'), 'Back to what runs today');
    expect(third.code, third.log).toBe(0);
    expect(botNotes().map((n) => n.id)).toEqual([note!.id]);
    expect(botNotes()[0]!.body).toContain('**No changes.**');
    expect(botNotes()[0]!.body).not.toContain('bonjour');

    expect(mergeRequest.notes.find((n) => n.id === quoted.id)?.body).toBe(quoted.body);
    expect(mergeRequest.notes.filter((n) => !n.system)).toHaveLength(122);
    // Every run read past the first page of notes to find its own.
    const secondPages = instance.gitlab.requests.filter(
      (r) => r.route === 'GET /projects/:id/merge_requests/:merge_request_iid/notes' && r.query.page === '2',
    );
    expect(secondPages).toHaveLength(3);
    // The token came from the masked variable; the job token never reached the API.
    expect(instance.gitlab.requests.every((r) => r.user === instance.seeded.bot.username)).toBe(true);
  });

  it('fails with the scope to add when the token cannot post notes', async () => {
    const readOnly = 'glpat-read-api-only';
    instance.gitlab.state.addToken(readOnly, instance.seeded.bot, {
      scopes: ['read_api'],
      role: 'developer',
    });
    const run = await push(app('hola'), 'Greet in Spanish', readOnly);
    expect(run.code).not.toBe(0);
    expect(run.log).toMatch(/FAIL\s+plumbline-plan/);
    expect(jobLog(run, 'plumbline-plan')).toMatch(/lacks the api scope/);
    expect(botNotes()).toHaveLength(0);
    expect(run.log).not.toContain(readOnly);
  });
});

describe('drift in scheduled pipelines', () => {
  it('opens one issue, leaves it while nothing changes, notes a change and closes it when the cluster converges', async () => {
    const namespace = uniqueName('gl-drift');
    const manifests = [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace },
        data: { color: 'blue' },
      },
    ];
    const repo = new ComponentRepo(
      instance,
      {
        'plumbline.yaml': [
          'environments:',
          `  - { name: dev, path: envs/dev, renderer: plain, cluster: { context: ${contextOf('planner')} } }`,
          'drift: { after: 1, labels: [drift] }',
          '',
        ].join('\n'),
        'envs/dev/app.yaml': manifests.map((object) => JSON.stringify(object)).join('\n---\n'),
      },
      PIPELINE,
    );
    try {
      applyAsAdmin([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }]);
      applyAsAdmin(manifests);
      const schedule = () =>
        runPipeline(repo, {
          predefined: { CI_PIPELINE_SOURCE: 'schedule', CI_PROJECT_ID: String(instance.project.id) },
          ...projectVariables(),
        });
      const issues = () => instance.project.issues;
      const notesOf = (issue: FakeIssue) => issue.notes.filter((note) => !note.system);

      kubectlAsAdmin('-n', namespace, 'scale', 'deployment/web', '--replicas=5');
      const drifted = await schedule();
      // Drift is the report, not a failure, unless the pipeline asks for one (fail-on-drift).
      expect(drifted.code, drifted.log).toBe(0);
      expect(drifted.jobs).toEqual(['plumbline-drift']);
      expect(issues()).toHaveLength(1);
      const [issue] = issues();
      expect(issue).toMatchObject({
        state: 'opened',
        labels: ['drift'],
        title: 'Drift: dev differs from Git',
      });
      expect(issue!.authorId).toBe(instance.seeded.bot.id);
      expect(issue!.description).toContain('<code>spec.replicas</code> | <code>kubectl</code> via scale');
      expect(notesOf(issue!)).toHaveLength(0);

      const writes = () => instance.gitlab.requests.filter((r) => r.method !== 'GET').length;
      const writesBefore = writes();
      const unchanged = await schedule();
      expect(unchanged.code, unchanged.log).toBe(0);
      expect(issues()).toHaveLength(1);
      expect(notesOf(issue!)).toHaveLength(0);
      expect(writes()).toBe(writesBefore);

      kubectlAsAdmin('-n', namespace, 'set', 'image', 'deployment/web', 'app=nginx:1.28');
      const changed = await schedule();
      expect(changed.code, changed.log).toBe(0);
      expect(issues()).toHaveLength(1);
      expect(notesOf(issue!)).toHaveLength(1);
      expect(issue!.description).toContain('nginx:1.28');

      applyAsAdmin(manifests);
      const converged = await schedule();
      expect(converged.code, converged.log).toBe(0);
      expect(issues()).toHaveLength(1);
      expect(issue!.state).toBe('closed');
      expect(notesOf(issue!)).toHaveLength(2);
      expect(notesOf(issue!).at(-1)!.body).toContain('matches Git again');
      // The drift report is the job's artifact.
      expect(existsSync(`${repo.dir}/plumbline-drift.md`)).toBe(true);
    } finally {
      repo.remove();
    }
  });
});

describe('promote on the default branch', () => {
  const deployment = (tag: string) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web, namespace: shop }',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      `        - name: web`,
      `          image: registry.example.test/acme/web:${tag} # the shop's storefront`,
      '',
    ].join('\n');

  it('opens one merge request and updates it when a newer tag reaches the source environment', async () => {
    const repo = new ComponentRepo(
      instance,
      {
        'plumbline.yaml': [
          'environments:',
          '  - { name: dev, path: envs/dev, renderer: plain }',
          '  - { name: staging, path: envs/staging, renderer: plain, promote: { from: dev, via: pull-request } }',
          '',
        ].join('\n'),
        'envs/dev/web.yaml': deployment('1.3.0'),
        'envs/staging/web.yaml': deployment('1.2.0'),
      },
      PIPELINE,
    );
    try {
      /** A merge to main (pushed to the project), then the push pipeline GitLab runs on main. */
      const merge = (tag: string) => {
        repo.commit(`Deploy ${tag} to dev`, { 'envs/dev/web.yaml': deployment(tag) });
        repo.git('push', '-q', instance.bare, 'HEAD:refs/heads/main');
        return runPipeline(repo, {
          predefined: { CI_PIPELINE_SOURCE: 'push', CI_PROJECT_ID: String(instance.project.id) },
          ...projectVariables(),
        });
      };
      const requests = () => instance.project.mergeRequests;

      const first = await merge('1.3.1');
      expect(first.code, first.log).toBe(0);
      expect(first.jobs).toEqual(['plumbline-promote']);
      expect(requests()).toHaveLength(1);
      const [request] = requests();
      expect(request).toMatchObject({ state: 'opened', targetBranch: 'main' });
      expect(request!.authorId).toBe(instance.seeded.bot.id);
      expect(request!.description).toContain('1.3.1');
      const branch = request!.sourceBranch;
      const pushed = git(instance.bare, 'show', `${branch}:envs/staging/web.yaml`);
      // Only the tag changed; the comment stays.
      expect(pushed).toBe(deployment('1.3.1').trimEnd());
      // main itself is untouched: the change waits for review.
      expect(git(instance.bare, 'show', 'main:envs/staging/web.yaml')).toBe(deployment('1.2.0').trimEnd());

      const second = await merge('1.4.0');
      expect(second.code, second.log).toBe(0);
      expect(requests()).toHaveLength(1);
      expect(request!.state).toBe('opened');
      expect(request!.sourceBranch).toBe(branch);
      expect(request!.description).toContain('1.4.0');
      // The description says what the update superseded.
      expect(request!.description).toContain('<code>1.3.1</code> (now <code>1.4.0</code>)');
      expect(git(instance.bare, 'show', `${branch}:envs/staging/web.yaml`)).toBe(
        deployment('1.4.0').trimEnd(),
      );
      expect(
        instance.gitlab.requests.filter((r) => r.route === 'POST /projects/:id/merge_requests'),
      ).toHaveLength(1);
      // The token reached git through the credential helper, never through the remote URL or the log.
      expect(first.log + second.log).not.toContain(BOT_TOKEN);
    } finally {
      repo.remove();
    }
  });
});

/** kubectl as admin, the way people change clusters by hand. */
function kubectlAsAdmin(...args: string[]): void {
  execFileSync('kubectl', ['--kubeconfig', testKubeconfigPath(), '--context', contextOf('admin'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}
