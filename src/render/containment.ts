/**
 * Renderers read only what the repository holds. A path a renderer will open (an
 * environment folder, a values file, a file a kustomization names, every file of a chart)
 * is resolved through its symbolic links and must land inside the repository; a link that
 * leaves it fails the environment with an error naming the link, never what it points at.
 */
import type { Dirent } from 'node:fs';
import { realpathSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { PlumblineError } from '../errors.js';

/** The repository as renderers may see it: its real path, links resolved. */
export interface Boundary {
  /** The folder repository-relative paths are relative to (the configuration's folder). */
  root: string;
  /** The real path of the outermost folder renderers may read (the git work tree). */
  realTop: string;
  /**
   * Answers kept while nothing in the checkout changes: plumbline reads hundreds of
   * environments' inputs at once, and they share bases (see `remembered`).
   */
  memo?: Map<string, Promise<unknown>>;
}

export async function boundaryOf(
  root: string,
  top: string = root,
  options: { memo?: Map<string, Promise<unknown>> } = {},
): Promise<Boundary> {
  const boundary: Boundary = { root, realTop: await realpath(top) };
  if (options.memo) boundary.memo = options.memo;
  return boundary;
}

/** `compute()` once per key for a boundary with a memo; every time for one without. */
export function remembered<T>(boundary: Boundary, key: string, compute: () => Promise<T>): Promise<T> {
  if (!boundary.memo) return compute();
  let answer = boundary.memo.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = compute();
    boundary.memo.set(key, answer);
  }
  return answer;
}

const LEAVES_HINT =
  'plumbline renders only what the repository holds: replace the link with the file or folder it points to, or with a link inside the repository.';

/**
 * The real path of `path` (relative to the boundary's root), which must exist inside the
 * repository. Returns undefined when it does not exist: the renderer reports that in its
 * own words.
 */
export async function realPathInside(boundary: Boundary, path: string): Promise<string | undefined> {
  const absolute = isAbsolute(path) ? path : join(boundary.root, path);
  // Synchronous: a kustomization names many small paths, and a thread-pool round trip
  // each costs more than the call.
  const real = await remembered(boundary, `realpath ${absolute}`, async () => realPathOrNothing(absolute));
  if (real === undefined) return undefined;
  if (!isInside(boundary.realTop, real)) {
    const shown = displayPath(boundary, absolute);
    throw new PlumblineError(
      isAbsolute(shown)
        ? `${shown} is outside the repository`
        : `${shown} leads outside the repository (through a symbolic link or "..")`,
      LEAVES_HINT,
    );
  }
  return real;
}

function realPathOrNothing(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** `path` relative to the repository root when it is below it (as written), else as it is. */
function displayPath(boundary: Boundary, path: string): string {
  const absolute = isAbsolute(path) ? path : join(boundary.root, path);
  const rel = relative(boundary.root, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : toPosix(rel) || '.';
}

/**
 * Every file below `folder` (relative to the boundary's root, or absolute): its real path
 * and the path through the folder to show, after checking that every symbolic link on the way resolves inside the repository. Links
 * to folders inside it are followed, so that a link reached through another is checked
 * too; each real folder is visited once.
 */
export async function walkInside(
  boundary: Boundary,
  folder: string,
): Promise<Array<{ real: string; shown: string }>> {
  const start = await realPathInside(boundary, folder);
  if (start === undefined) return [];
  const files: Array<{ real: string; shown: string }> = [];
  const visited = new Set<string>();
  const pending: Array<{ real: string; shown: string }> = [
    { real: start, shown: displayPath(boundary, folder) },
  ];
  while (pending.length > 0) {
    const { real, shown } = pending.pop()!;
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(real, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = posix.join(shown, entry.name);
      if (entry.isDirectory()) {
        pending.push({ real: join(real, entry.name), shown: path });
      } else if (entry.isSymbolicLink()) {
        const target = await realPathInside(boundary, join(real, entry.name)).catch(() => {
          throw new PlumblineError(
            `${path} is a symbolic link that leads outside the repository`,
            LEAVES_HINT,
          );
        });
        if (target === undefined) continue;
        if (await isFolder(target)) pending.push({ real: target, shown: path });
        else files.push({ real: target, shown: path });
      } else {
        files.push({ real: join(real, entry.name), shown: path });
      }
    }
  }
  return files;
}

/**
 * Below `top`, and not in its `.git` folder: git's own files (a checkout's credentials in
 * .git/config, the objects of every branch) are not the repository's content.
 */
/**
 * Both are real paths (absolute, normalised, no trailing separator but the root's), so a
 * prefix test is exact; it runs for every path a fleet's kustomizations name.
 */
function isInside(top: string, path: string): boolean {
  if (path === top) return true;
  const prefix = top.endsWith(sep) ? top : `${top}${sep}`;
  if (!path.startsWith(prefix)) return false;
  const rest = path.slice(prefix.length);
  return rest !== '.git' && !rest.startsWith(`.git${sep}`);
}

async function isFolder(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
