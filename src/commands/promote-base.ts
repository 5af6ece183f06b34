/**
 * Where promote works: a temporary worktree at the remote's current base, never the
 * user's checkout, so that each attempt starts from what the remote holds right now.
 */
import { PlumblineError } from '../errors.js';
import { addWorktree, fetchBranches } from '../git/repository.js';
import type { PromoteSettings } from './promote-settings.js';

export interface BaseWorktree {
  dir: string;
  /** The commit of the base the worktree is at. */
  baseHead: string;
  /** Each branch fetched with the base, and its commit (undefined: not on the remote). */
  heads: Map<string, string | undefined>;
}

/** Runs `work` in a worktree at the remote's base, fetching `extraBranches` with it; always removes it. */
export async function withBase<T>(
  settings: PromoteSettings,
  extraBranches: string[],
  work: (base: BaseWorktree) => Promise<T>,
): Promise<T> {
  const { repoRoot, remote, base } = settings;
  const heads = await fetchBranches(repoRoot, remote, [base, ...extraBranches]);
  const baseHead = heads.get(base);
  if (!baseHead) {
    throw new PlumblineError(
      `branch ${base} does not exist on ${remote}`,
      'Name the branch the environments live on.',
      { remedy: 'base' },
    );
  }
  const worktree = await addWorktree(repoRoot, baseHead);
  try {
    return await work({ dir: worktree.dir, baseHead, heads });
  } finally {
    await worktree.remove();
  }
}
