/**
 * The files a change touches: everything that differs between the merge base and the work
 * tree the plan renders (commits, uncommitted edits and new untracked files alike), as
 * paths relative to the top of the work tree. A rename counts as a deletion and an
 * addition, so both places are seen.
 */
import { runGit } from './run.js';

export async function changedFiles(workTree: string, base: string): Promise<string[]> {
  const [tracked, untracked] = await Promise.all([
    runGit(workTree, ['diff', '--name-only', '--no-renames', '-z', base, '--']),
    runGit(workTree, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']),
  ]);
  const files = new Set([...tracked.stdout.split('\0'), ...untracked.stdout.split('\0')]);
  files.delete('');
  return [...files].sort();
}
