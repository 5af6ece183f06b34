import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveBase, withCheckout } from '../../../src/git/base-checkout.js';

const repos: string[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
});

function repository(): { root: string; git: (...args: string[]) => string } {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-git-'));
  repos.push(root);
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@plumbline.invalid', ...args], {
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  return { root, git };
}

describe('withCheckout', () => {
  it('gives the base version of the folder the config lives in, and removes the worktree', async () => {
    const { root, git } = repository();
    mkdirSync(join(root, 'deploy'));
    writeFileSync(join(root, 'deploy/plumbline.yaml'), 'base\n');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    writeFileSync(join(root, 'deploy/plumbline.yaml'), 'head\n');
    git('commit', '-qam', 'head');

    let seen = '';
    const used = await withCheckout(join(root, 'deploy'), base, async (dir) => {
      seen = dir;
      return readFileSync(join(dir, 'plumbline.yaml'), 'utf8');
    });
    expect(used).toBe('base\n');
    expect(existsSync(seen)).toBe(false);
    expect(git('worktree', 'list')).not.toContain('plumbline-worktree-');
  });
});

describe('resolveBase', () => {
  it('uses the merge base of the named ref and HEAD, and keeps the commit the ref names', async () => {
    const { root, git } = repository();
    writeFileSync(join(root, 'a'), '1');
    git('add', '-A');
    git('commit', '-qm', 'one');
    const forkPoint = git('rev-parse', 'HEAD');
    git('checkout', '-qb', 'change');
    writeFileSync(join(root, 'a'), '2');
    git('commit', '-qam', 'two');
    git('checkout', '-q', 'main');
    writeFileSync(join(root, 'b'), '1');
    git('add', '-A');
    git('commit', '-qm', 'main moved on');
    const tip = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'change');
    expect(await resolveBase(root, 'main')).toEqual({ ref: 'main', sha: forkPoint, tip });
  });

  it('names the missing ref and says how to fetch it', async () => {
    const { root, git } = repository();
    writeFileSync(join(root, 'a'), '1');
    git('add', '-A');
    git('commit', '-qm', 'one');
    await expect(resolveBase(root, 'origin/nope')).rejects.toThrow(
      "the base ref 'origin/nope' does not exist",
    );
  });
});
