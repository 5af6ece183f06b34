/**
 * The drift component over a sharded fleet (input `shards: 2`) end to end, through
 * gitlab-ci-local against the fake GitLab and the real control plane: GitLab's `parallel: 2`
 * runs the shard job twice (CI_NODE_INDEX 1 and 2), each shard checks its share of the
 * environments and keeps the issues of those only, so a drifting environment has one issue
 * whichever shard found it, and the one-job pipeline of the same repository agrees.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { shardOf } from '../../src/config/shard.js';
import { BOT_TOKEN } from '../fakes/gitlab/fixture.js';
import { applyAsAdmin, contextOf, testKubeconfigPath, uniqueName } from '../support/cluster.js';
import {
  CLI_BUNDLE,
  ComponentRepo,
  GitLabInstance,
  jobLog,
  NODE24,
  type PipelineRun,
  plannerKubeconfig,
  runPipeline,
} from './gitlab-harness.js';

const KUBECONFIG_VARIABLE = 'KUBECONFIG_PLUMBLINE';
const ENVIRONMENTS = ['dev', 'qa', 'staging', 'prod'];
const SHARD_JOBS = ['plumbline-drift-shard: [1/2]', 'plumbline-drift-shard: [2/2]'];

function driftPipeline(inputs: Record<string, unknown>): string {
  return stringify({
    include: [
      {
        component: '$CI_SERVER_FQDN/$CI_PROJECT_PATH/drift@$CI_COMMIT_SHA',
        inputs: {
          'plumbline-command': `${NODE24} ${CLI_BUNDLE}`,
          'kubeconfig-variable': KUBECONFIG_VARIABLE,
          ...inputs,
        },
      },
    ],
  });
}

let instance: GitLabInstance;
let repo: ComponentRepo;
let kubeconfig: string;
const namespaces = new Map(ENVIRONMENTS.map((name) => [name, uniqueName(`gl-dshard-${name}`)]));

const configMap = (environment: string, color: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'settings', namespace: namespaces.get(environment)! },
  data: { color },
});

beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error('dist/cli.js is missing: run npm run build');
  try {
    execFileSync('rsync', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('gitlab-ci-local needs rsync: install it (apt-get install rsync)');
  }
  // Both shards own an environment that drifts below: dev in 1, staging in 2.
  expect(ENVIRONMENTS.map((name) => shardOf(name, 2))).toEqual([1, 1, 2, 1]);
  kubeconfig = plannerKubeconfig(testKubeconfigPath());
  for (const environment of ENVIRONMENTS) {
    applyAsAdmin([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespaces.get(environment)! } }]);
    applyAsAdmin([configMap(environment, 'blue')]);
  }
});

beforeEach(async () => {
  instance = await GitLabInstance.start();
  const context = contextOf('planner');
  repo = new ComponentRepo(
    instance,
    {
      '.gitignore': '.gitlab-ci-local/\nplumbline-*.md\n',
      'plumbline.yaml': [
        'environments:',
        ...ENVIRONMENTS.map(
          (name) =>
            `  - { name: ${name}, path: envs/${name}, renderer: plain, cluster: { context: ${context} } }`,
        ),
        'drift: { after: 1, labels: [drift] }',
        '',
      ].join('\n'),
      ...Object.fromEntries(
        ENVIRONMENTS.map((name) => [
          `envs/${name}/settings.yaml`,
          `${JSON.stringify(configMap(name, 'blue'))}\n`,
        ]),
      ),
      'single.gitlab-ci.yml': driftPipeline({}),
    },
    driftPipeline({ shards: 2 }),
  );
});

afterEach(async () => {
  expect(instance.gitlab.violations).toEqual([]);
  repo.remove();
  await instance.close();
  for (const environment of ENVIRONMENTS) applyAsAdmin([configMap(environment, 'blue')]);
});

function schedule(file?: string): Promise<PipelineRun> {
  for (const name of ['plumbline-drift.md', 'plumbline-drift-1.md', 'plumbline-drift-2.md']) {
    rmSync(join(repo.dir, name), { force: true });
  }
  return runPipeline(repo, {
    predefined: { CI_PIPELINE_SOURCE: 'schedule', CI_PROJECT_ID: String(instance.project.id) },
    variables: { PLUMBLINE_GITLAB_TOKEN: BOT_TOKEN },
    files: { [KUBECONFIG_VARIABLE]: kubeconfig },
    shellIsolation: true,
    ...(file ? { file } : {}),
  });
}

function jobsOf(run: PipelineRun): string[] {
  return [...run.log.matchAll(/^(\S+(?: \[\d+\/\d+\])?)\s+starting shell/gm)]
    .map((match) => match[1]!)
    .sort();
}

const openIssues = () =>
  instance.project.issues
    .filter((issue) => issue.state === 'opened')
    .map((issue) => issue.title)
    .sort();

describe('drift with shards: 2 in scheduled pipelines', () => {
  it('checks each share in its own job, one issue per drifting environment, as one job would', async () => {
    applyAsAdmin([configMap('dev', 'red'), configMap('staging', 'green')]);

    const sharded = await schedule();
    expect(sharded.code, sharded.log).toBe(0);
    expect(jobsOf(sharded)).toEqual(SHARD_JOBS);
    // Each shard checked its own environments only.
    expect(jobLog(sharded, SHARD_JOBS[0]!)).toMatch(/\bdev\b/);
    expect(jobLog(sharded, SHARD_JOBS[0]!)).not.toMatch(/\bstaging\b/);
    expect(jobLog(sharded, SHARD_JOBS[1]!)).toMatch(/\bstaging\b/);
    expect(jobLog(sharded, SHARD_JOBS[1]!)).not.toMatch(/\bdev\b/);
    expect(openIssues()).toEqual(['Drift: dev differs from Git', 'Drift: staging differs from Git']);
    expect(existsSync(join(repo.dir, 'plumbline-drift-1.md'))).toBe(true);
    expect(existsSync(join(repo.dir, 'plumbline-drift-2.md'))).toBe(true);

    // The one-job pipeline finds the same issues and opens no other.
    const single = await schedule('single.gitlab-ci.yml');
    expect(single.code, single.log).toBe(0);
    expect(jobsOf(single)).toEqual(['plumbline-drift']);
    expect(instance.project.issues).toHaveLength(2);

    // staging converges: only its shard closes its issue; dev's stays open.
    applyAsAdmin([configMap('staging', 'blue')]);
    const converged = await schedule();
    expect(converged.code, converged.log).toBe(0);
    expect(openIssues()).toEqual(['Drift: dev differs from Git']);
    expect(instance.project.issues).toHaveLength(2);
  });
});
