/**
 * The branches of a real (bare) git repository, read on demand, for a fake forge whose
 * repository is backed by one: the forge then sees exactly the branches plumbline pushed
 * or deleted with real git, instead of a list a test keeps in sync by hand.
 */
import { execFileSync } from 'node:child_process';

/** Branch name -> head commit, from `git for-each-ref refs/heads`. */
export function readGitBranches(gitDir: string): Map<string, string> {
  const output = execFileSync('git', ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads'], {
    cwd: gitDir,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  const branches = new Map<string, string>();
  for (const line of output.split('\n')) {
    const [sha, ref] = line.split(' ');
    if (sha && ref?.startsWith('refs/heads/')) branches.set(ref.slice('refs/heads/'.length), sha);
  }
  return branches;
}

/** The branch HEAD names in a (bare) repository: its default branch. */
export function readGitDefaultBranch(gitDir: string): string {
  return execFileSync('git', ['symbolic-ref', '--short', 'HEAD'], { cwd: gitDir, encoding: 'utf8' }).trim();
}
