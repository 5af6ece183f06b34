/**
 * The git operations promote needs, on a real repository: fetch, a throw-away worktree,
 * commit, and pushes that report a rejection (the remote moved) apart from other failures.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PlumblineError } from '../errors.js';
import { runGit } from './run.js';

export interface Identity {
  name: string;
  email: string;
}

export type PushOutcome = 'pushed' | 'rejected';

export async function repositoryRoot(dir: string): Promise<string> {
  return (await runGit(dir, ['rev-parse', '--show-toplevel'])).stdout.trim();
}

/**
 * The URL of the `origin` remote, as a list of none or one. It may hold credentials (a CI
 * checkout's token): compare it, never print it.
 */
export async function originUrls(dir: string): Promise<string[]> {
  const result = await runGit(dir, ['remote', 'get-url', 'origin'], { allowFailure: true });
  const url = result.stdout.trim();
  return result.code === 0 && url !== '' ? [url] : [];
}

/** The branch checked out in `dir`, or undefined on a detached HEAD. */
export async function currentBranch(dir: string): Promise<string | undefined> {
  const result = await runGit(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** The commit a remote branch points at right now, or undefined when it does not exist. */
export async function remoteBranchHead(
  dir: string,
  remote: string,
  branch: string,
): Promise<string | undefined> {
  const result = await runGit(dir, ['ls-remote', '--heads', remote, `refs/heads/${branch}`]);
  const line = result.stdout.split('\n').find((row) => row.endsWith(`\trefs/heads/${branch}`));
  return line?.split('\t')[0];
}

/** Fetches branches into FETCH_HEAD-independent private refs and returns each one's commit. */
export async function fetchBranches(
  dir: string,
  remote: string,
  branches: string[],
): Promise<Map<string, string | undefined>> {
  const heads = new Map<string, string | undefined>();
  for (const branch of branches) heads.set(branch, await remoteBranchHead(dir, remote, branch));
  const present = branches.filter((branch) => heads.get(branch));
  if (present.length > 0) {
    await runGit(dir, [
      'fetch',
      '--quiet',
      '--no-tags',
      remote,
      ...present.map((branch) => `+refs/heads/${branch}:refs/plumbline/remote/${branch}`),
    ]);
  }
  // ls-remote and fetch are two requests; read back what was actually fetched.
  for (const branch of present) heads.set(branch, await revParse(dir, `refs/plumbline/remote/${branch}`));
  return heads;
}

export async function revParse(dir: string, rev: string): Promise<string> {
  return (await runGit(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).stdout.trim();
}

export interface Worktree {
  dir: string;
  remove(): Promise<void>;
}

const worktreeAdds = new Map<string, Promise<unknown>>();

/**
 * `git worktree add` reads every worktree's entry under .git/worktrees, and fails on one
 * another `add` is still writing: adds and removes in one repository go one after another.
 */
async function oneAtATime<T>(repo: string, add: () => Promise<T>): Promise<T> {
  const previous = worktreeAdds.get(repo) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(add);
  worktreeAdds.set(repo, next);
  try {
    return await next;
  } finally {
    if (worktreeAdds.get(repo) === next) worktreeAdds.delete(repo);
  }
}

/**
 * A detached worktree at `commit`, in a temporary folder, so the user's checkout is
 * untouched. With `checkout: false` it starts empty, and `checkOutPaths` or `checkOutAll`
 * write what is needed.
 */
export async function addWorktree(
  repo: string,
  commit: string,
  { checkout = true }: { checkout?: boolean } = {},
): Promise<Worktree> {
  // Synchronous, so git starts in this turn of the event loop: a plan traces the head
  // while the base is checked out, and that work must not go first.
  const parent = mkdtempSync(join(tmpdir(), 'plumbline-worktree-'));
  // git names the worktree's own folder under .git/worktrees after this folder: a unique
  // name, so two plans of one repository at once never race on it.
  const dir = join(parent, basename(parent));
  const add = ['worktree', 'add', '--quiet', '--detach', ...(checkout ? [] : ['--no-checkout'])];
  await oneAtATime(repo, () => runGit(repo, [...add, dir, commit]));
  return {
    dir,
    async remove() {
      const removed = await oneAtATime(repo, () =>
        runGit(repo, ['worktree', 'remove', '--force', dir], { allowFailure: true }),
      );
      await rm(parent, { recursive: true, force: true });
      // Only when git could not remove it: a prune while another plan of this repository
      // adds its worktree would delete that one's half-written entry.
      if (removed.code !== 0) await runGit(repo, ['worktree', 'prune'], { allowFailure: true });
    },
  };
}

/** Worktrees whose index holds their commit's tree (see checkOutPaths). */
const indexRead = new Set<string>();

/** Paths passed to one git process at most: far below any system's argument limit. */
const PATHS_AT_ONCE = 500;

/**
 * Writes these paths (files, links or submodules of `commit`, relative to the top) into a
 * worktree added with `checkout: false`. Literal pathspecs: a path is never a pattern.
 */
export async function checkOutPaths(dir: string, commit: string, paths: readonly string[]): Promise<void> {
  // An empty index applies no .gitattributes (eol, filters, encodings) to what is written;
  // the commit's index does, as a whole checkout would. Read once, before the first write.
  if (!indexRead.has(dir)) {
    await runGit(dir, ['read-tree', commit]);
    indexRead.add(dir);
  }
  for (let start = 0; start < paths.length; start += PATHS_AT_ONCE) {
    const some = paths.slice(start, start + PATHS_AT_ONCE);
    // A file checkout runs the post-checkout hook; one per batch is not what it is for.
    await runGit(dir, [
      '-c',
      'core.hooksPath=/dev/null',
      '--literal-pathspecs',
      'checkout',
      '--quiet',
      commit,
      '--',
      ...some,
    ]);
  }
}

/** Writes every file of the worktree's commit. */
export async function checkOutAll(dir: string): Promise<void> {
  await runGit(dir, ['reset', '--hard', '--quiet']);
}

/** Tracked files under a folder, repository-relative with `/`. */
export async function listFiles(dir: string, folder: string): Promise<string[]> {
  const result = await runGit(dir, ['ls-files', '-z', '--', folder]);
  return result.stdout.split('\0').filter(Boolean);
}

/** The text of a file at a commit, or undefined when the file is not there. */
export async function showFile(dir: string, commit: string, path: string): Promise<string | undefined> {
  const result = await runGit(dir, ['show', `${commit}:${path}`], { allowFailure: true });
  return result.code === 0 ? result.stdout : undefined;
}

/** What a path (relative to `dir`) is at a commit: a file with its text, a link, or nothing. */
export type EntryAtRevision = { kind: 'file'; text: string } | { kind: 'link' } | { kind: 'missing' };

export async function entryAtRevision(dir: string, commit: string, path: string): Promise<EntryAtRevision> {
  // ls-tree takes paths relative to the working directory, like `dir` is.
  const listed = await runGit(dir, ['ls-tree', '-z', commit, '--', path]);
  const [meta] = listed.stdout.split('\t');
  const [mode, type, object] = (meta ?? '').split(' ');
  if (!object || type !== 'blob') return { kind: 'missing' };
  if (mode === '120000') return { kind: 'link' };
  return { kind: 'file', text: (await runGit(dir, ['cat-file', 'blob', object])).stdout };
}

export async function listFilesAt(dir: string, commit: string, folder: string): Promise<string[]> {
  const result = await runGit(dir, ['ls-tree', '-r', '-z', '--name-only', commit, '--', folder]);
  return result.stdout.split('\0').filter(Boolean);
}

/** The identity git would use, or the fallback when none is configured (as in a fresh CI runner). */
async function identityEnv(dir: string, fallback: Identity): Promise<NodeJS.ProcessEnv> {
  const name = await runGit(dir, ['config', 'user.name'], { allowFailure: true });
  const email = await runGit(dir, ['config', 'user.email'], { allowFailure: true });
  const env: NodeJS.ProcessEnv = {};
  if (name.code !== 0 || !name.stdout.trim()) {
    env.GIT_AUTHOR_NAME = fallback.name;
    env.GIT_COMMITTER_NAME = fallback.name;
  }
  if (email.code !== 0 || !email.stdout.trim()) {
    env.GIT_AUTHOR_EMAIL = fallback.email;
    env.GIT_COMMITTER_EMAIL = fallback.email;
  }
  return env;
}

/** Stages `paths` and returns the tree they make, without committing. */
export async function stagedTree(dir: string, paths: string[]): Promise<string> {
  await runGit(dir, ['add', '--', ...paths]);
  return (await runGit(dir, ['write-tree'])).stdout.trim();
}

export async function treeOf(dir: string, commit: string): Promise<string> {
  return (await runGit(dir, ['rev-parse', `${commit}^{tree}`])).stdout.trim();
}

/** Commits what is staged and returns the new commit. */
export async function commitStaged(dir: string, message: string, fallback: Identity): Promise<string> {
  await runGit(dir, ['commit', '--quiet', '--no-verify', '-m', message], {
    env: await identityEnv(dir, fallback),
  });
  return revParse(dir, 'HEAD');
}

/**
 * Pushes `commit` to a remote branch. `expected` is the commit the branch must still be at
 * (undefined: the branch must not exist), so a concurrent push is detected, never overwritten.
 * A rejection because the remote moved returns 'rejected'; anything else throws.
 */
export async function pushCommit(
  dir: string,
  remote: string,
  commit: string,
  branch: string,
  expected: { fastForward: true } | { lease: string | undefined },
): Promise<PushOutcome> {
  const ref = `refs/heads/${branch}`;
  const args = ['push', '--porcelain', remote, `${commit}:${ref}`];
  if ('lease' in expected) args.splice(2, 0, `--force-with-lease=${ref}:${expected.lease ?? ''}`);
  const result = await runGit(dir, args, { allowFailure: true });
  if (result.code === 0) return 'pushed';
  if (isRaceRejection(`${result.stdout}\n${result.stderr}`)) return 'rejected';
  throw new PlumblineError(
    `git push to ${remote} ${branch} failed: ${(result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' ')}`,
    'Check that the token or deploy key may push to this branch (branch protection may require a change request: set promote.via: pull-request).',
  );
}

/**
 * The remote moved: porcelain `!` lines saying `[rejected]` (fetch first, non-fast-forward,
 * stale lease), or `[remote rejected]` because a concurrent push took the ref lock first.
 * Anything else (hooks, branch protection, permissions) is not a race and is not retried.
 */
function isRaceRejection(output: string): boolean {
  return output
    .split('\n')
    .some(
      (line) =>
        line.startsWith('!') &&
        (/\[rejected\] \((fetch first|non-fast-forward|stale info)\)/.test(line) ||
          /\[remote rejected\] \((cannot lock ref|failed to update ref|incorrect old value)/.test(line)),
    );
}

/** Deletes a remote branch only if it is still at `expected` (plumbline's own push). */
export async function deleteRemoteBranch(
  dir: string,
  remote: string,
  branch: string,
  expected: string,
): Promise<void> {
  const ref = `refs/heads/${branch}`;
  await runGit(dir, ['push', '--porcelain', `--force-with-lease=${ref}:${expected}`, remote, `:${ref}`], {
    allowFailure: true,
  });
}
