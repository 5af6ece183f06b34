/**
 * Sharded plans through the real CLI (runCli, as `plumbline` runs it) on a real git
 * repository: `plan --shard I/N --result FILE` per shard, then `merge`, which must give the
 * unsharded plan's result and report, and refuse what is not one plan's shards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parsePlanResultFile } from '../../../src/commands/plan-result-file.js';
import { shardOf } from '../../../src/config/shard.js';
import type { PlanResult } from '../../../src/diff/model.js';
import { driftCommand } from '../../../src/entry/cli/drift.js';
import { mergeCommand } from '../../../src/entry/cli/merge.js';
import { planCommand } from '../../../src/entry/cli/plan.js';
import { runCli } from '../../../src/entry/cli/run.js';
import { readMarker } from '../../../src/forge/marker.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import type { FakeIssue } from '../../fakes/github/state.js';

vi.setConfig({ testTimeout: 60_000 });

const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
const configMap = (name: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: shop }\ndata: { value: "${value}" }\n`;

let root: string;
let files: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@plumbline.invalid', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const write = (entries: Record<string, string>) => {
  for (const [path, text] of Object.entries(entries)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
};

beforeAll(() => {
  const top = mkdtempSync(join(tmpdir(), 'plumbline-merge-'));
  root = join(top, 'repo');
  files = join(top, 'files');
  mkdirSync(root);
  mkdirSync(files);
  write({
    'plumbline.yaml': `environments:\n${NAMES.map((name) => `  - { name: ${name}, path: envs/${name}, renderer: plain }\n`).join('')}`,
    ...Object.fromEntries(NAMES.map((name) => [`envs/${name}/app.yaml`, configMap('app', '1')])),
  });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'change');
  // Two environments change; the others are left out of an offline plan as unaffected.
  write({ 'envs/alpha/app.yaml': configMap('app', '2'), 'envs/delta/app.yaml': configMap('app', '2') });
  git('add', '-A');
  git('commit', '-qm', 'change');
  // Both shards of two hold a changed environment and an unaffected one.
  expect(NAMES.filter((name) => shardOf(name, 2) === 2)).toEqual(['alpha', 'hotel']);
});

afterAll(() => rmSync(dirname(root), { recursive: true, force: true }));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

const file = (name: string) => join(files, name);
const readResult = (name: string): PlanResult => parsePlanResultFile(readFileSync(file(name), 'utf8'), name);

/** `plumbline ARGS…` as the bin runs it: exit code, standard output and standard error. */
async function plumbline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  vi.stubEnv('GITHUB_ACTIONS', '');
  vi.stubEnv('GITLAB_CI', '');
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command('plumbline')
    .addCommand(planCommand())
    .addCommand(mergeCommand())
    .addCommand(driftCommand());
  process.exitCode = undefined;
  try {
    await runCli(program, ['node', 'plumbline', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout, stderr };
}

const plan = (...args: string[]) => plumbline('plan', '--repo', root, '--base', 'main', '--offline', ...args);

describe('plumbline plan --shard and plumbline merge', () => {
  beforeAll(async () => {
    expect(
      (await plan('--result', file('whole.json'), '--format', 'md', '--out', file('whole.md'))).code,
    ).toBe(2);
    for (const index of [1, 2]) {
      const shard = await plan(
        '--shard',
        `${index}/2`,
        '--result',
        file(`shard-${index}.json`),
        '--format',
        'json',
      );
      expect(shard.code).toBe(2);
      expect(JSON.parse(shard.stdout)).toMatchObject({ schemaVersion: 1, changed: true });
    }
  });

  it('plans each shard on its own and merges them into the unsharded plan, result and report', async () => {
    expect(readResult('shard-2.json')).toMatchObject({
      shard: { index: 2, count: 2 },
      environments: [{ environment: 'alpha' }],
      unaffected: ['hotel'],
    });
    const merged = await plumbline(
      'merge',
      file('shard-2.json'),
      file('shard-1.json'),
      '--result',
      file('merged.json'),
      '--format',
      'md',
      '--out',
      file('merged.md'),
    );
    expect(merged).toMatchObject({ code: 2 });
    const whole = readResult('whole.json');
    expect(whole.environments.map((env) => env.environment)).toEqual(['alpha', 'delta']);
    expect(whole.unaffected).toEqual(['bravo', 'charlie', 'echo', 'foxtrot', 'golf', 'hotel']);
    expect(readResult('merged.json')).toStrictEqual(whole);
    expect(readFileSync(file('merged.md'), 'utf8')).toBe(readFileSync(file('whole.md'), 'utf8'));
  });

  it('refuses shards of different commits', async () => {
    write({ 'envs/golf/app.yaml': configMap('app', '3') });
    git('add', '-A');
    git('commit', '-qm', 'later');
    try {
      expect((await plan('--shard', '2/2', '--result', file('later-2.json'))).code).toBe(2);
    } finally {
      git('reset', '-q', '--hard', 'HEAD~1');
    }
    const merged = await plumbline('merge', file('shard-1.json'), file('later-2.json'));
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(
      /the plans are of different head commits .*so they are not parts of one plan/,
    );
    expect(merged.stdout).toBe('');
  });

  it('refuses plans whose environments overlap', async () => {
    expect((await plan('--env', 'alpha', '--result', file('alpha.json'))).code).toBe(2);
    expect((await plan('--env', 'alpha', '--env', 'delta', '--result', file('alpha-delta.json'))).code).toBe(
      2,
    );
    const merged = await plumbline('merge', file('alpha.json'), file('alpha-delta.json'));
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(/an environment is in more than one plan \(alpha; .*the plans overlap/);
  });

  it('refuses a result file cut short, writing nothing', async () => {
    const text = readFileSync(file('shard-2.json'), 'utf8');
    writeFileSync(file('cut.json'), text.slice(0, Math.floor(text.length / 2)));
    const merged = await plumbline(
      'merge',
      file('shard-1.json'),
      file('cut.json'),
      '--result',
      file('no.json'),
    );
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain(`${file('cut.json')} is cut short`);
    expect(existsSync(file('no.json'))).toBe(false);
  });

  describe('a missing shard', () => {
    let github: FakeGitHub;
    let pull: FakeIssue;
    beforeAll(async () => {
      for (const index of [1, 3]) {
        expect((await plan('--shard', `${index}/3`, '--result', file(`third-${index}.json`))).code).toBe(
          index === 3 ? 2 : 0,
        );
      }
      github = await startFakeGitHub({ repos: ['acme/app'] });
      const repo = github.state.mustRepo('acme/app');
      pull = github.state.createPullRequest(repo, {
        title: 'change',
        author: 'octocat',
        head: 'change',
        base: 'main',
      });
    });
    afterAll(async () => {
      expect(github.violations).toEqual([]);
      await github.close();
    });

    const onGitHub = () => {
      vi.stubEnv('GITHUB_TOKEN', WORKFLOW_TOKEN);
      vi.stubEnv('GITHUB_REPOSITORY', 'acme/app');
      vi.stubEnv('GITHUB_API_URL', github.url);
      return ['--comment', '--labels', '--forge', 'github', '--pr', '1'];
    };

    it('is refused, and nothing is posted', async () => {
      const merged = await plumbline('merge', file('third-1.json'), file('third-3.json'), ...onGitHub());
      expect(merged.code).toBe(1);
      expect(merged.stderr).toContain(
        'shard 2 of 3 is missing: without it the merged plan would leave environments out',
      );
      expect(merged.stderr).toContain('--partial');
      expect(github.state.commentsOn(github.state.mustRepo('acme/app'), 1)).toEqual([]);
    });

    it('with --partial, is merged without it, named in the result, and fails the run', async () => {
      const merged = await plumbline(
        'merge',
        file('third-1.json'),
        file('third-3.json'),
        '--partial',
        '--result',
        file('partial.json'),
        ...onGitHub(),
      );
      expect(merged.code).toBe(1);
      expect(merged.stderr).toContain('a partial plan: shard 2 of 3 missing');
      const partial = readResult('partial.json');
      expect(partial.missingShards).toEqual([2]);
      expect(partial.environments.map((env) => env.environment)).toEqual(['delta']);
      const repo = github.state.mustRepo('acme/app');
      const comments = github.state.commentsOn(repo, 1);
      expect(comments.map((comment) => readMarker(comment.body)?.key)).toEqual(['all']);
      // The comment says it is partial, and which shard it lacks, above its verdict.
      expect(comments[0]?.body).toContain('Partial plan: shard 2 is missing.');
      // The plan changes something whatever the missing shard holds.
      expect(pull.labels).toEqual(['plumbline:changes']);
    });
  });

  it('refuses --shard 5/4, 0/3 and x/y before anything runs', async () => {
    for (const shard of ['5/4', '0/3', 'x/y']) {
      const run = await plan('--shard', shard, '--result', file('never.json'));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`--shard must be INDEX/COUNT, whole numbers with 1 ≤ INDEX ≤ COUNT`);
      expect(run.stderr).toContain(`got '${shard}'`);
      expect(existsSync(file('never.json'))).toBe(false);
    }
    const drift = await plumbline('drift', '--repo', root, '--shard', '3/2');
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("got '3/2'");
  });

  it('refuses to post a shard as the whole plan', async () => {
    const run = await plan('--shard', '1/2', '--comment', '--pr', '1', '--result', file('never.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--shard 1\/2 plans part of the environments, so it cannot post/);
    expect(existsSync(file('never.json'))).toBe(false);
  });
});

describe('plumbline drift --shard', () => {
  it("checks only the shard's environments", async () => {
    const kubeconfig = file('kubeconfig');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
    const checked = async (...args: string[]) => {
      const run = await plumbline(
        'drift',
        '--repo',
        root,
        '--context',
        'nowhere',
        '--kubeconfig',
        kubeconfig,
        '--format',
        'json',
        ...args,
      );
      return (JSON.parse(run.stdout) as { environments: Array<{ environment: string }> }).environments.map(
        (env) => env.environment,
      );
    };
    expect(await checked('--shard', '2/2')).toEqual(['alpha', 'hotel']);
    expect(await checked('--shard', '1/2')).toEqual(NAMES.filter((name) => shardOf(name, 2) === 1));
  });
});
