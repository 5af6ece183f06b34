/**
 * The files a change touches: everything that differs between the merge base and the work
 * tree the plan renders (commits, uncommitted edits and new untracked files alike), as
 * paths relative to the top of the work tree. A rename counts as a deletion and an
 * addition, so both places are seen.
 */
import { runGit } from './run.js';

export interface ChangedFiles {
  /** Every path the change touches, sorted. */
  touched: string[];
  /** Those it deletes: at the base, gone from the work tree. */
  deleted: string[];
}

export async function changedFiles(workTree: string, base: string): Promise<ChangedFiles> {
  const [tracked, untracked] = await Promise.all([
    runGit(workTree, ['diff', '--name-status', '--no-renames', '-z', base, '--']),
    runGit(workTree, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']),
  ]);
  // --name-status -z: STATUS NUL PATH NUL, repeated.
  const fields = tracked.stdout.split('\0');
  const touched = new Set<string>();
  const deleted: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [status, path] = [fields[i]!, fields[i + 1]!];
    touched.add(path);
    if (status === 'D') deleted.push(path);
  }
  for (const path of untracked.stdout.split('\0')) if (path) touched.add(path);
  return { touched: [...touched].sort(), deleted: deleted.sort() };
}
