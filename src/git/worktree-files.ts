/** Reading and writing files of a worktree by their repository-relative paths. */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.plumbline-${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
