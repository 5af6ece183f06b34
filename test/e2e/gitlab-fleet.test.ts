/**
 * The plan component over a sharded fleet (input `shards: 2`) end to end, through
 * gitlab-ci-local: GitLab's `parallel: 2` runs the shard job twice (CI_NODE_INDEX 1 and 2),
 * each shard keeps its plan result file as an artifact, and the job named by `job-name`
 * needs both, merges them and keeps the one note. Jobs run with --shell-isolation: each in
 * its own copy of the committed files with only the artifacts of the jobs it needs, as on
 * a runner, since the two shards run at the same time. See gitlab-harness.ts for the rest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { shardOf } from '../../src/config/shard.js';
import { findMarker } from '../../src/forge/marker.js';
import { BOT_TOKEN } from '../fakes/gitlab/fixture.js';
import type { FakeMergeRequest } from '../fakes/gitlab/state.js';
import {
  CLI_BUNDLE,
  ComponentRepo,
  type Files,
  GitLabInstance,
  jobLog,
  NODE24,
  type PipelineRun,
  runPipeline,
} from './gitlab-harness.js';

const ENVIRONMENTS = ['dev', 'qa', 'staging', 'prod'];
const SHARD_JOBS = ['plumbline-plan-shard: [1/2]', 'plumbline-plan-shard: [2/2]'];

/** A .gitlab-ci.yml including the plan component from this project, offline, with these inputs (and jobs of its own). */
function planPipeline(inputs: Record<string, unknown>, jobs: Record<string, unknown> = {}): string {
  return stringify({
    include: [
      {
        component: '$CI_SERVER_FQDN/$CI_PROJECT_PATH/plan@$CI_COMMIT_SHA',
        inputs: { 'plumbline-command': `${NODE24} ${CLI_BUNDLE}`, mode: 'offline', ...inputs },
      },
    ],
    ...jobs,
  });
}

/** Pipelines of the same commit beside the sharded .gitlab-ci.yml, picked with --file: one job, and shard 2 failing before it plans. */
const PIPELINES: Files = {
  'single.gitlab-ci.yml': planPipeline({}),
  'shard-lost.gitlab-ci.yml': planPipeline(
    { shards: 2 },
    {
      // Merged into the component's job, as GitLab merges a job of the same name.
      'plumbline-plan-shard': {
        before_script: [
          'if [ "$CI_NODE_INDEX" = 2 ]; then echo "shard 2: the runner went away" >&2; exit 1; fi',
        ],
      },
    },
  ),
};

const configMap = (environment: string, greeting: string) =>
  `${JSON.stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'app-config', namespace: environment },
    data: { GREETING: greeting },
  })}\n`;

function greetings(byEnvironment: Record<string, string>): Files {
  return Object.fromEntries(
    Object.entries(byEnvironment).map(([environment, greeting]) => [
      `envs/${environment}/app.yaml`,
      configMap(environment, greeting),
    ]),
  );
}

let instance: GitLabInstance;
let repo: ComponentRepo;
let base: string;
let mergeRequest: FakeMergeRequest;

beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error('dist/cli.js is missing: run npm run build');
  try {
    execFileSync('rsync', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('gitlab-ci-local needs rsync: install it (apt-get install rsync)');
  }
  // The fleet splits: both shards have work (dev, qa and prod in 1, staging in 2).
  expect(ENVIRONMENTS.map((name) => shardOf(name, 2))).toEqual([1, 1, 2, 1]);
});

beforeEach(async () => {
  instance = await GitLabInstance.start();
  repo = new ComponentRepo(
    instance,
    {
      // The shell executor copies artifacts back into the working copy: keep them out of commits.
      '.gitignore': '.gitlab-ci-local/\nplumbline-*.md\nplumbline-*.json\n',
      'plumbline.yaml': `environments:\n${ENVIRONMENTS.map((name) => `  - { name: ${name}, path: envs/${name}, renderer: plain }\n`).join('')}`,
      ...greetings(Object.fromEntries(ENVIRONMENTS.map((name) => [name, 'hello']))),
      ...PIPELINES,
    },
    planPipeline({ shards: 2 }),
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

afterEach(async () => {
  expect(instance.gitlab.violations).toEqual([]);
  repo.remove();
  await instance.close();
});

/** The merge request pipeline of the branch's head, from the pipeline file given (default .gitlab-ci.yml). */
function pipeline(file?: string): Promise<PipelineRun> {
  // Artifacts an earlier pipeline copied into the working copy are not the next one's.
  for (const name of ['plumbline-plan.md', 'plumbline-plan-result-1.json', 'plumbline-plan-result-2.json']) {
    rmSync(join(repo.dir, name), { force: true });
  }
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
    unset: ['CI_COMMIT_BRANCH'],
    variables: { PLUMBLINE_GITLAB_TOKEN: BOT_TOKEN },
    shellIsolation: true,
    ...(file ? { file } : {}),
  });
}

/** The jobs that ran, by GitLab's names (gitlab-ci-local names a parallel job's copies `NAME: [I/N]`). */
function jobsOf(run: PipelineRun): string[] {
  return [...run.log.matchAll(/^(\S+(?: \[\d+\/\d+\])?)\s+starting shell/gm)]
    .map((match) => match[1]!)
    .sort();
}

/** What a shard's plan result file holds: its shard, and the environments it planned or left out. */
function shardResult(index: number) {
  const file = JSON.parse(readFileSync(join(repo.dir, `plumbline-plan-result-${index}.json`), 'utf8')) as {
    result: {
      shard?: { index: number; count: number };
      environments: { environment: string }[];
      unaffected?: string[];
    };
  };
  return {
    shard: file.result.shard,
    planned: file.result.environments.map((env) => env.environment).sort(),
    unaffected: file.result.unaffected ?? [],
  };
}

const botNotes = () => mergeRequest.notes.filter((note) => note.authorId === instance.seeded.bot.id);
const report = () => readFileSync(join(repo.dir, 'plumbline-plan.md'), 'utf8');

describe('plan with shards: 2 in merge request pipelines', () => {
  it('plans in two parallel shards, merges them into the note one job would post, and updates it in place', async () => {
    repo.commit('Greet in Spanish', greetings({ dev: 'hola', qa: 'hola', staging: 'hola' }));

    const sharded = await pipeline();
    expect(sharded.code, sharded.log).toBe(0);
    expect(jobsOf(sharded)).toEqual(['plumbline-plan', ...SHARD_JOBS]);
    // Each shard planned its share and left the note to the merge.
    expect(shardResult(1)).toEqual({
      shard: { index: 1, count: 2 },
      planned: ['dev', 'qa'],
      unaffected: ['prod'],
    });
    expect(shardResult(2)).toEqual({ shard: { index: 2, count: 2 }, planned: ['staging'], unaffected: [] });
    for (const job of SHARD_JOBS) expect(jobLog(sharded, job)).not.toMatch(/plan comment/);
    expect(jobLog(sharded, 'plumbline-plan')).toMatch(/plan comment all:/);

    expect(botNotes()).toHaveLength(1);
    const [note] = botNotes();
    expect(findMarker(note!.body, { kind: 'plan', key: 'all' })).toMatchObject({ part: 1, parts: 1 });
    // Every environment's result: the planned ones from both shards, prod left out (shard 1).
    for (const environment of ['dev', 'qa', 'staging']) {
      expect(note!.body).toMatch(
        new RegExp(`\\| ${environment} \\| offline \\| base \\w+ \\(\\w+\\) \\| 0 \\| 1 \\| 0 \\|`),
      );
    }
    expect(note!.body).toContain(
      '1 environment not planned: no file the change touches is one they read (prod)',
    );
    expect(note!.body).toContain('In dev, qa, staging.');
    expect(note!.body).toContain('+  GREETING: hola');
    expect(note!.body).not.toMatch(/shard/i);
    const shardedNote = note!.body;
    const shardedReport = report();

    // One job, the same commit: the same report, and the same note (left as it is).
    const single = await pipeline('single.gitlab-ci.yml');
    expect(single.code, single.log).toBe(0);
    expect(jobsOf(single)).toEqual(['plumbline-plan']);
    expect(report()).toBe(shardedReport);
    expect(botNotes().map((n) => n.id)).toEqual([note!.id]);
    expect(botNotes()[0]!.body).toBe(shardedNote);

    // A push: the sharded pipeline edits the same note.
    repo.commit('Greet staging in French', greetings({ staging: 'bonjour' }));
    const second = await pipeline();
    expect(second.code, second.log).toBe(0);
    expect(jobsOf(second)).toEqual(['plumbline-plan', ...SHARD_JOBS]);
    expect(botNotes().map((n) => n.id)).toEqual([note!.id]);
    expect(botNotes()[0]!.body).toContain('+  GREETING: bonjour');
    expect(botNotes()[0]!.body).not.toBe(shardedNote);
    expect(mergeRequest.notes.filter((n) => !n.system)).toHaveLength(1);
    // Two writes in three pipelines: the first merge created the note, the second edited it;
    // the shards post nothing, and the one job found its own plan already there.
    const writes = instance.gitlab.requests.filter((r) => r.method !== 'GET' && r.route?.includes('/notes'));
    expect(writes.map((r) => r.method)).toEqual(['POST', 'PUT']);
  });

  it('merges the shards there are when one fails, and the note names the missing shard', async () => {
    repo.commit('Greet in Spanish', greetings({ dev: 'hola', qa: 'hola', staging: 'hola' }));
    const first = await pipeline();
    expect(first.code, first.log).toBe(0);
    const [note] = botNotes();
    const complete = note!.body;

    const lost = await pipeline('shard-lost.gitlab-ci.yml');
    expect(lost.code, lost.log).not.toBe(0);
    expect(jobsOf(lost)).toEqual(['plumbline-plan', ...SHARD_JOBS]);
    expect(lost.log).toMatch(/FAIL\s+plumbline-plan-shard: \[2\/2\]/);
    // The merge ran anyway (when: always), with shard 1's file, and failed the pipeline.
    expect(lost.log).toMatch(/FAIL\s+plumbline-plan\s/);
    expect(jobLog(lost, 'plumbline-plan')).toMatch(/shard 2 of 2 missing/);
    // The note is not the older, complete plan standing as current: it says what is missing.
    expect(botNotes().map((n) => n.id)).toEqual([note!.id]);
    const body = botNotes()[0]!.body;
    expect(body).not.toBe(complete);
    expect(body).toContain('Partial plan: shard 2 is missing.');
    expect(body).toContain('In dev, qa.');
    expect(body).not.toContain('staging');
  });
});
