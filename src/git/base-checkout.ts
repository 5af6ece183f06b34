/**
 * The base side of an offline plan: the merge base of a ref and HEAD, checked out as a
 * detached worktree in a temporary folder so the user's checkout is never touched.
 */
import { join } from 'node:path';
import { describeError, PlumblineError } from '../errors.js';
import { addWorktree, checkOutAll, checkOutPaths } from './repository.js';
import { runGit } from './run.js';
import { TreeListing } from './tree-listing.js';

export interface BaseRevision {
  /** The ref as the user named it (or as it was chosen). */
  ref: string;
  /** The merge base of that ref and HEAD. */
  sha: string;
}

/** A base as a change is judged against it. */
export interface ResolvedBase extends BaseRevision {
  /**
   * The commit the ref names: the trusted configuration is read there, not at the merge
   * base, which the change chooses by where it branched off.
   */
  tip: string;
}

/** git whose failure is an answer (no such ref, not a repository), not an error. */
async function git(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  const result = await runGit(cwd, args, { allowFailure: true });
  // Only the line break: a folder may begin or end with a space.
  return { ok: result.code === 0, stdout: result.stdout.replace(/\r?\n$/, '') };
}

/** Candidate default bases, most specific first: the remote's default branch, then main, master. */
const DEFAULT_BASES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];

export async function resolveBase(repoRoot: string, ref?: string): Promise<ResolvedBase> {
  const inside = await git(repoRoot, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok) {
    throw new PlumblineError(
      `${repoRoot} is not a git repository, so there is no base to compare with`,
      'Run plumbline inside a clone.',
      { remedy: 'live' },
    );
  }
  const candidates = ref ? [ref] : DEFAULT_BASES;
  for (const candidate of candidates) {
    const resolved = await git(repoRoot, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
    if (!resolved.ok) continue;
    await requireUnambiguous(repoRoot, candidate);
    const mergeBase = await git(repoRoot, ['merge-base', resolved.stdout, 'HEAD']);
    if (!mergeBase.ok) {
      throw new PlumblineError(
        `${candidate} and HEAD have no common history`,
        'In CI, fetch enough history for a merge base (a full clone, not a shallow one).',
      );
    }
    return { ref: candidate, sha: mergeBase.stdout, tip: resolved.stdout };
  }
  throw new PlumblineError(
    ref
      ? `the base ref '${ref}' does not exist in ${repoRoot}`
      : `found no base branch (tried ${DEFAULT_BASES.join(', ')})`,
    'In CI, fetch it first (a full clone, not a shallow one).',
    { remedy: 'base' },
  );
}

/**
 * The refs a short name may mean, in git's order of preference (git-rev-parse(1),
 * "Specifying revisions"). A tag named `origin/main` wins over the remote branch of that
 * name, and anyone who may push a tag could then choose the base, and with it the rules a
 * change is judged by: a base that names more than one ref is refused.
 */
const REF_RULES = ['refs/%s', 'refs/tags/%s', 'refs/heads/%s', 'refs/remotes/%s', 'refs/remotes/%s/HEAD'];

async function requireUnambiguous(repoRoot: string, ref: string): Promise<void> {
  if (ref.startsWith('refs/') || /^[0-9a-f]{7,64}$/i.test(ref)) return;
  const meant: string[] = [];
  for (const rule of REF_RULES) {
    const full = rule.replace('%s', ref);
    if ((await git(repoRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', full])).ok)
      meant.push(full);
  }
  if (meant.length > 1) {
    throw new PlumblineError(
      `the base ref '${ref}' is ambiguous: it names ${meant.join(' and ')}`,
      'Name the base in full (refs/remotes/origin/main), or delete the ref that should not be there.',
    );
  }
}

/**
 * Runs `use` with a detached worktree of `sha`, removed afterwards whatever happens. `use`
 * gets the folder that corresponds to `repoRoot` in it (the configuration may live below
 * the top of the git repository: a monorepo) and the top of the worktree.
 */
export async function withCheckout<T>(
  repoRoot: string,
  sha: string,
  use: (dir: string, top: string) => Promise<T>,
): Promise<T> {
  // The checkout starts before anything else is awaited (see addWorktree).
  const adding = addWorktree(repoRoot, sha).catch((error: unknown) => {
    throw new PlumblineError(`could not check out ${sha} for the base side: ${describeError(error)}`);
  });
  const [worktree, prefix] = await Promise.all([adding, git(repoRoot, ['rev-parse', '--show-prefix'])]);
  try {
    return await use(join(worktree.dir, prefix.ok ? prefix.stdout : ''), worktree.dir);
  } finally {
    await worktree.remove();
  }
}

/**
 * The merge base of a plan, checked out only as far as the plan needs: its tree is listed
 * (`listing`), and files are written into its worktree when asked. A fleet's change renders
 * a handful of its environments at the base; writing every file of every other one cost
 * more than the rest of the plan.
 */
export interface BaseSide {
  /** The folder that corresponds to `repoRoot` in the worktree. */
  dir: string;
  /** The top of the worktree. */
  top: string;
  /** `repoRoot` relative to the top of the repository: `` or `deploy/`. */
  prefix: string;
  listing: TreeListing;
  /** Writes these entries (relative to the top) into the worktree, once each. */
  checkOut(paths: Iterable<string>): Promise<void>;
  /** Writes every file; after it, the worktree is a whole checkout. */
  checkOutAll(): Promise<void>;
  /** Whether every file is written. */
  readonly whole: boolean;
  /** How many entries were asked for so far: a round that adds none has found everything. */
  readonly written: number;
}

/**
 * Runs `use` with an empty worktree of `sha` and its listing, removed afterwards whatever
 * happens. A tree holding a symbolic link is checked out whole at once: where a link leads
 * is a path no listing names.
 */
export async function withBaseSide<T>(
  repoRoot: string,
  sha: string,
  use: (base: BaseSide) => Promise<T>,
): Promise<T> {
  const adding = addWorktree(repoRoot, sha, { checkout: false }).catch((error: unknown) => {
    throw new PlumblineError(`could not check out ${sha} for the base side: ${describeError(error)}`);
  });
  const [worktree, prefix, listing] = await Promise.all([
    adding,
    git(repoRoot, ['rev-parse', '--show-prefix']),
    TreeListing.of(repoRoot, sha),
  ]);
  try {
    const written = new Set<string>();
    let whole = false;
    // One git at a time in the worktree: two checkouts at once would race on its index.
    let queue: Promise<unknown> = Promise.resolve();
    const inTurn = (run: () => Promise<void>): Promise<void> => {
      const next = queue.then(run);
      queue = next.catch(() => undefined);
      return next;
    };
    const side: BaseSide = {
      dir: join(worktree.dir, prefix.ok ? prefix.stdout : ''),
      top: worktree.dir,
      prefix: prefix.ok ? prefix.stdout : '',
      listing,
      checkOut(paths) {
        const fresh = [...new Set(paths)].filter((path) => !written.has(path));
        for (const path of fresh) written.add(path);
        if (whole || fresh.length === 0) return queue.then(() => undefined);
        return inTurn(() => checkOutPaths(worktree.dir, sha, fresh.sort()));
      },
      checkOutAll() {
        if (whole) return queue.then(() => undefined);
        whole = true;
        return inTurn(() => checkOutAll(worktree.dir));
      },
      get whole() {
        return whole;
      },
      get written() {
        return written.size;
      },
    };
    if (listing.hasLinks) await side.checkOutAll();
    return await use(side);
  } finally {
    await worktree.remove();
  }
}

/** The top of the git work tree holding `repoRoot`; `repoRoot` itself outside git. */
export async function workTreeTop(repoRoot: string): Promise<string> {
  const top = await git(repoRoot, ['rev-parse', '--show-toplevel']);
  return top.ok && top.stdout !== '' ? top.stdout : repoRoot;
}

export async function headRevision(repoRoot: string): Promise<BaseRevision | undefined> {
  const sha = await git(repoRoot, ['rev-parse', 'HEAD']);
  if (!sha.ok) return undefined;
  const branch = await git(repoRoot, ['rev-parse', '--abbrev-ref', 'HEAD']);
  return { ref: branch.ok ? branch.stdout : 'HEAD', sha: sha.stdout };
}

/** The full id of `sha` when this clone has that commit (a shallow clone may not). */
export async function commitExists(repoRoot: string, sha: string): Promise<string | undefined> {
  const resolved = await git(repoRoot, ['rev-parse', '--verify', '--quiet', `${sha}^{commit}`]);
  return resolved.ok ? resolved.stdout : undefined;
}
