/** Real git repositories for promote tests: a bare remote and clones of it in a temp folder. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const identity = ['-c', 'user.name=Test User', '-c', 'user.email=test@example.com'];

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
    // stderr goes into the thrown error, not the test output (`cloned an empty repository`).
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface GitFixture {
  root: string;
  remote: string;
  /** A fresh clone of the remote (named so two can race). */
  clone(name: string): string;
  /** Commits files (path -> text) to the remote's main through a scratch clone. */
  commit(files: Record<string, string>, message?: string): string;
  /** A file's text on a remote branch. */
  read(branch: string, path: string): string;
  head(branch: string): string | undefined;
  cleanup(): void;
}

export function gitFixture(files: Record<string, string>): GitFixture {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-promote-test-'));
  const remote = join(root, 'remote.git');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  const scratch = join(root, 'scratch');
  git(root, 'clone', '--quiet', remote, scratch);
  git(scratch, 'checkout', '--quiet', '-b', 'main');
  const fixture: GitFixture = {
    root,
    remote,
    clone(name) {
      const dir = join(root, name);
      git(root, 'clone', '--quiet', remote, dir);
      return dir;
    },
    commit(changes, message = 'change') {
      if (fixture.head('main')) git(scratch, 'pull', '--quiet', '--ff-only', 'origin', 'main');
      for (const [path, text] of Object.entries(changes)) {
        mkdirSync(dirname(join(scratch, path)), { recursive: true });
        writeFileSync(join(scratch, path), text);
      }
      git(scratch, 'add', '-A');
      git(scratch, ...identity, 'commit', '--quiet', '-m', message);
      git(scratch, 'push', '--quiet', 'origin', 'HEAD:main');
      return git(scratch, 'rev-parse', 'HEAD');
    },
    read(branch, path) {
      return git(remote, 'show', `${branch}:${path}`);
    },
    head(branch) {
      try {
        return git(remote, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`);
      } catch {
        return undefined;
      }
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  fixture.commit(files, 'initial');
  return fixture;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
