/** Reading and writing files of a worktree by their repository-relative paths. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../atomic-write.js';

/** The text of a file in the worktree at `dir`. */
export function readWorktreeFile(dir: string, path: string): Promise<string> {
  return readFile(join(dir, path), 'utf8');
}

/**
 * Writes each file next to itself and renames it into place, so that every file is either
 * old or new, never half-written.
 */
export async function writeWorktreeFiles(
  dir: string,
  files: readonly { path: string; text: string }[],
): Promise<void> {
  await Promise.all(files.map((file) => writeAtomically(join(dir, file.path), file.text)));
}
