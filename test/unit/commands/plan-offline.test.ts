/**
 * The offline plan end to end on a real git repository: the merge base is rendered in a
 * worktree and compared with the head, per environment. No cluster.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../../src/commands/plan.js';

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
  };
}

const configMap = (name: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: shop }\ndata: { value: "${value}" }\n`;

describe('offline plan', () => {
  it('shows an environment new in the change as all additions, and the others as they changed', async () => {
    const repo = repository({
      'plumbline.yaml': 'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n',
      'envs/dev/app.yaml': configMap('app', '1'),
    });
    repo.commit({
      'plumbline.yaml':
        'environments:\n  - { name: dev, path: envs/dev, renderer: plain }\n  - { name: qa, path: envs/qa, renderer: plain }\n',
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
      ['qa', undefined, { added: 1, changed: 0, deleted: 0, unchanged: 0 }],
    ]);
  });
});
