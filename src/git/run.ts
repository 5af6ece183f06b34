/** Runs the real git binary with an argument list (never through a shell). */
import { execFile } from 'node:child_process';
import { PlumblineError } from '../errors.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  env?: NodeJS.ProcessEnv;
}

export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        // Never wait for a password prompt in CI; fail instead.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        if (error && typeof error.code !== 'number') {
          reject(
            new PlumblineError(
              `could not run git: ${error.message}`,
              'Install git and make sure it is on PATH.',
            ),
          );
          return;
        }
        if (code !== 0 && !options.allowFailure) {
          reject(
            new PlumblineError(
              `git ${args[0]} failed in ${cwd}: ${stderr.trim() || stdout.trim()}`,
              'Check that the repository, remote and credentials are usable by git.',
            ),
          );
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}
