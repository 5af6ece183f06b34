/**
 * A file written next to itself and renamed into place, so that readers (another plan
 * sharing a chart cache, git reading a worktree) see the old file or the new one, never
 * half of one.
 */
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeAtomically(path: string, content: string | Buffer): Promise<void> {
  const temporary = `${path}.plumbline-${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
