/**
 * The offline plan end to end on a real git repository: the merge base is rendered in a
 * worktree and compared with the head, per environment. No cluster.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../../src/commands/plan.js';
import { exitCode } from '../../../src/entry/cli/plan.js';

const repos: string[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
});

function repository(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-plan-'));
  repos.push(root);
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@plumbline.invalid', ...args]);
  const write = (entries: Record<string, string>) => {
    for (const [path, text] of Object.entries(entries)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  write(files);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'change');
  return {
    root,
    commit(entries: Record<string, string>) {
      write(entries);
      git('add', '-A');
      git('commit', '-qm', 'change');
    },
    remove(path: string) {
      git('rm', '-rq', path);
      git('commit', '-qm', 'remove');
    },
    tag(name: string) {
      git('tag', name, 'HEAD');
    },
    /** A commit on the change that replaces a folder with a link to another one. */
    replaceWithLink(folder: string, target: string) {
      git('rm', '-rq', folder);
      symlinkSync(target, join(root, folder));
      git('add', '-A');
      git('commit', '-qm', 'link');
    },
    /** A commit on main after the change branched off. */
    advanceMain(entries: Record<string, string>) {
      git('checkout', '-q', 'main');
      write(entries);
      git('add', '-A');
      git('commit', '-qm', 'main moves on');
      git('checkout', '-q', 'change');
    },
  };
}

const configMap = (name: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: shop }\ndata: { value: "${value}" }\n`;

describe('offline plan', () => {
  it('shows an environment new in the change as all additions, and the others as they changed', async () => {
    const repo = repository({
      'envs/dev/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/dev/app.yaml': configMap('app', '1'),
    });
    repo.commit({
      'envs/dev/app.yaml': configMap('app', '2'),
      'envs/qa/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/qa/app.yaml': configMap('app', '1'),
    });
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    expect(result.environments.map((env) => [env.environment, env.error, env.counts])).toEqual([
      ['dev', undefined, { added: 0, changed: 1, deleted: 0, unchanged: 0 }],
      ['qa', undefined, { added: 1, changed: 0, deleted: 0, unchanged: 0 }],
    ]);
    expect(result.config).toEqual({ from: 'base' });
  });

  it('shows an environment the change removes as all deletions', async () => {
    const repo = repository({
      'envs/dev/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/dev/app.yaml': configMap('app', '1'),
      'envs/qa/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/qa/app.yaml': configMap('app', '1'),
    });
    repo.remove('envs/qa');
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    expect(result.environments.map((env) => [env.environment, env.counts])).toEqual([
      ['qa', { added: 0, changed: 0, deleted: 1, unchanged: 0 }],
    ]);
    // dev reads nothing the change touches.
    expect(result.unaffected).toEqual(['dev']);
  });

  it("obeys the base's configuration and reports the change's edit of it without applying it", async () => {
    const repo = repository({
      'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
      'envs/dev/app.yaml': configMap('app', '1'),
    });
    repo.commit({
      'plumbline.yaml':
        'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n  - { name: qa, path: envs/qa, renderer: plain }\n' +
        'diff:\n  ignore: [{ kind: ConfigMap, path: /data }]\n',
      'envs/dev/app.yaml': configMap('app', '2'),
      'envs/qa/app.yaml': configMap('app', '1'),
    });
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    expect(result.environments.map((env) => [env.environment, env.error, env.counts])).toEqual([
      ['dev', undefined, { added: 0, changed: 1, deleted: 0, unchanged: 0 }],
    ]);
    expect(result.config).toEqual({ from: 'base', file: 'plumbline.yaml', headChange: 'changed' });
  });

  it("plans with the checkout's own configuration when there is no base", async () => {
    const repo = repository({
      'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
      'envs/dev/app.yaml': configMap('app', '1'),
    });
    const result = await runPlan({ repoRoot: repo.root, mode: 'live', clusterAvailable: false });
    expect(result.config).toEqual({ from: 'head', file: 'plumbline.yaml' });
  });

  it('fails an environment whose render fails in live mode, even when it has no cluster', async () => {
    const repo = repository({
      'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
      'envs/dev/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app\n',
    });
    for (const mode of ['live', 'reader'] as const) {
      const result = await runPlan({ repoRoot: repo.root, mode, clusterAvailable: true });
      expect(result.environments).toMatchObject([
        {
          environment: 'dev',
          mode,
          error: { message: expect.stringContaining('envs/dev/app.yaml:4:1: YAML syntax') },
        },
      ]);
      expect(exitCode(result)).toBe(1);
    }
  });

  it("obeys the configuration at the base's tip, not the older one the change branched off", async () => {
    const repo = repository({
      'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
      'envs/dev/app.yaml': configMap('app', '1'),
    });
    repo.advanceMain({
      'plumbline.yaml':
        'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n  - { name: prod, path: envs/prod, renderer: plain }\n  - { name: qa, path: envs/qa, renderer: plain }\n',
    });
    repo.commit({ 'envs/prod/app.yaml': configMap('app', 'from the change') });
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    // prod is planned by the tip's configuration; qa has a folder on neither side of the change.
    expect(result.environments.map((env) => [env.environment, env.counts.added])).toEqual([['prod', 1]]);
    expect(result.unaffected).toEqual(['dev']);
    // The change left plumbline.yaml as it branched off: nothing to report about it.
    expect(result.config).toEqual({ from: 'base', file: 'plumbline.yaml' });
  });

  it('keeps both sides when a change moves a discovered environment to another root', async () => {
    const repo = repository({
      'envs/prod/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/prod/app.yaml': configMap('app', '1'),
    });
    repo.remove('envs/prod');
    repo.commit({
      'clusters/prod/kustomization.yaml': 'resources: [app.yaml]\n',
      'clusters/prod/app.yaml': configMap('app', '2'),
    });
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    expect(result.environments.map((env) => [env.environment, env.counts])).toEqual([
      ['clusters/prod', { added: 1, changed: 0, deleted: 0, unchanged: 0 }],
      ['envs/prod', { added: 0, changed: 0, deleted: 1, unchanged: 0 }],
    ]);
  });

  it('fails an environment the base moved after the change branched off, instead of dropping it', async () => {
    const repo = repository({
      'plumbline.yaml': 'environments:\n  - { name: prod, path: envs/prod, renderer: plain }\n',
      'envs/prod/app.yaml': configMap('app', '1'),
    });
    repo.commit({ 'envs/prod/app.yaml': configMap('app', 'evil') });
    repo.advanceMain({
      'plumbline.yaml': 'environments:\n  - { name: prod, path: clusters/prod, renderer: plain }\n',
      'clusters/prod/app.yaml': configMap('app', '1'),
    });
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    expect(result.environments).toMatchObject([
      { environment: 'prod', error: { message: expect.stringContaining('the base branch moved it') } },
    ]);
    expect(exitCode(result)).toBe(1);
  });

  it('refuses a base ref that a tag of the same name could stand in for', async () => {
    const repo = repository({
      'envs/dev/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/dev/app.yaml': configMap('app', '1'),
    });
    repo.commit({ 'envs/dev/app.yaml': configMap('app', '2') });
    repo.tag('main');
    await expect(
      runPlan({ repoRoot: repo.root, base: 'main', mode: 'offline', clusterAvailable: false }),
    ).rejects.toThrow("the base ref 'main' is ambiguous: it names refs/tags/main and refs/heads/main");
  });

  it('refuses a configuration folder the change turned into a link to another folder', async () => {
    const repo = repository({
      'deploy/plumbline.yaml': 'environments:\n  - { name: prod, path: apps/prod, renderer: plain }\n',
      'deploy/apps/prod/app.yaml': configMap('app', '1'),
    });
    repo.commit({ 'deploy-evil/envs/dummy/kustomization.yaml': 'resources: []\n' });
    repo.replaceWithLink('deploy', 'deploy-evil');
    await expect(
      runPlan({
        repoRoot: join(repo.root, 'deploy'),
        base: 'main',
        mode: 'offline',
        clusterAvailable: false,
      }),
    ).rejects.toThrow('deploy is a symbolic link: the configuration');
  });

  it('plans with the base in live mode too: a removed environment fails, a hidden one is still found', async () => {
    const repo = repository({
      'envs/prod/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/prod/app.yaml': configMap('app', '1'),
      'envs/qa/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/qa/app.yaml': configMap('app', '1'),
    });
    repo.remove('envs/qa');
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'live',
      clusterAvailable: false,
    });
    expect(result.environments.map((env) => [env.environment, env.error?.message])).toEqual([
      ['prod', undefined],
      ['qa', expect.stringContaining('this change removes envs/qa')],
    ]);
  });

  it('reports a head that holds both configuration file names', async () => {
    const repo = repository({
      'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
      'envs/dev/app.yaml': configMap('app', '1'),
    });
    repo.commit({ 'plumbline.yml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n' });
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    expect(result.config).toEqual({ from: 'base', file: 'plumbline.yaml', headChange: 'changed' });
  });

  it('plans a plain folder the change makes an environment as all additions, not as a failure at the base', async () => {
    const repo = repository({
      'envs/team/prod/kustomization.yaml': 'resources: [app.yaml]\n',
      'envs/team/prod/app.yaml': configMap('app', '1'),
    });
    repo.commit({
      'envs/team/kustomization.yaml': 'resources: [extra.yaml]\n',
      'envs/team/extra.yaml': configMap('extra', '1'),
    });
    const result = await runPlan({
      repoRoot: repo.root,
      base: 'main',
      mode: 'offline',
      clusterAvailable: false,
    });
    expect(result.environments.map((env) => [env.environment, env.error, env.counts])).toEqual([
      ['team', undefined, { added: 1, changed: 0, deleted: 0, unchanged: 0 }],
    ]);
    // The new parent's files are not among what team/prod reads.
    expect(result.unaffected).toEqual(['team/prod']);
  });
});
