/**
 * A real git repository for a plan test: `main` holds the given files, and `change` (checked
 * out) is the branch a change commits to, as a pull request's head.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ChangeRepository {
  root: string;
  /** Writes the files (relative paths) and commits them on the change branch. */
  commit(files: Record<string, string>): void;
  /** git in the repository, with a fixed author. */
  git(...args: string[]): string;
}

/** `files` committed on `main` in the empty folder `root`, then the branch `change` checked out. */
export function changeRepository(root: string, files: Record<string, string>): ChangeRepository {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@plumbline.invalid', ...args], {
      encoding: 'utf8',
    });
  const write = (entries: Record<string, string>) => {
    for (const [path, text] of Object.entries(entries)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  write(files);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'change');
  return {
    root,
    git,
    commit(entries) {
      write(entries);
      git('add', '-A');
      git('commit', '-qm', 'change', '--allow-empty');
    },
  };
}
