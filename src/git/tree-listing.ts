/**
 * A revision's tree as git holds it, read with one `git ls-tree -r` and no checkout: which
 * folders and files it has, and whether any entry is a symbolic link. Paths are relative to
 * the top of the repository, with `/`.
 */
import { PlumblineError } from '../errors.js';
import { runGit } from './run.js';

/** git's modes for a regular file, an executable one and a symbolic link. */
const REGULAR_MODES = new Set(['100644', '100755']);
const LINK_MODE = '120000';

interface Folder {
  files: string[];
  folders: string[];
}

export class TreeListing {
  /** Every entry that is not a tree: files, links and submodules, by path. */
  readonly #entries = new Map<string, { mode: string; type: string }>();
  /** The same paths, sorted: what is below a folder is one range of them. */
  readonly #sorted: string[];
  readonly #folders = new Map<string, Folder>([['', { files: [], folders: [] }]]);
  #hasLinks = false;

  private constructor(lines: string[]) {
    for (const line of lines) {
      // MODE SP TYPE SP OBJECT TAB PATH
      const tab = line.indexOf('\t');
      const [mode = '', type = ''] = line.slice(0, tab).split(' ');
      const path = line.slice(tab + 1);
      this.#entries.set(path, { mode, type });
      if (mode === LINK_MODE) this.#hasLinks = true;
      const slash = path.lastIndexOf('/');
      const folder = this.#folder(slash === -1 ? '' : path.slice(0, slash));
      if (REGULAR_MODES.has(mode)) folder.files.push(path.slice(slash + 1));
    }
    for (const folder of this.#folders.values()) folder.folders.sort();
    this.#sorted = [...this.#entries.keys()].sort();
  }

  static async of(repo: string, sha: string): Promise<TreeListing> {
    const listed = await runGit(repo, ['ls-tree', '-r', '-z', '--full-tree', sha]);
    return new TreeListing(listed.stdout.split('\0').filter(Boolean));
  }

  /** Any symbolic link: what it leads to cannot be told from the listing alone. */
  get hasLinks(): boolean {
    return this.#hasLinks;
  }

  /** The regular files (names) and subfolders (paths) of a folder; undefined when it is none. */
  list(path: string): Folder | undefined {
    return this.#folders.get(trimmed(path));
  }

  /** Every file, link or submodule at `path` or below it. */
  below(path: string): string[] {
    const at = trimmed(path);
    if (this.#entries.has(at)) return [at];
    return this.#startingWith(at === '' ? '' : `${at}/`);
  }

  /** The files, links and submodules directly in a folder. */
  directlyIn(path: string): string[] {
    const at = trimmed(path);
    const prefix = at === '' ? '' : `${at}/`;
    return this.#startingWith(prefix).filter((entry) => !entry.slice(prefix.length).includes('/'));
  }

  #startingWith(prefix: string): string[] {
    // The first path not before the prefix; those starting with it follow in a row.
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.#sorted.length && this.#sorted[i]!.startsWith(prefix); i++) {
      found.push(this.#sorted[i]!);
    }
    return found;
  }

  #folder(path: string): Folder {
    let folder = this.#folders.get(path);
    if (!folder) {
      folder = { files: [], folders: [] };
      this.#folders.set(path, folder);
      const slash = path.lastIndexOf('/');
      this.#folder(slash === -1 ? '' : path.slice(0, slash)).folders.push(path);
    }
    return folder;
  }
}

function trimmed(path: string): string {
  return path === '.' ? '' : path.replace(/\/+$/, '');
}

/** The files of `sha` below `folder` (relative to the top) whose text holds `text`. */
export async function filesContaining(
  repo: string,
  sha: string,
  text: string,
  folder: string,
): Promise<Set<string>> {
  const found = await runGit(
    repo,
    // `:(top)` alone is the whole tree; a literal `.` would match no path at all.
    ['grep', '-l', '-z', '-F', '--full-name', '-e', text, sha, '--', `:(top,literal)${folder}`],
    { allowFailure: true },
  );
  // grep exits 1 when nothing matches; it names each file `SHA:PATH`.
  if (found.code > 1) {
    throw new PlumblineError(`git grep failed at ${sha.slice(0, 7)}: ${found.stderr.trim()}`);
  }
  return new Set(
    found.stdout
      .split('\0')
      .filter(Boolean)
      .map((entry) => entry.slice(sha.length + 1)),
  );
}
