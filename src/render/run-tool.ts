/**
 * Runs a renderer binary: no shell, the sandbox's environment and nothing else, output
 * captured up to a limit (a render that grows past it is stopped, not buffered), and a
 * time limit for a render that never ends.
 */
import { spawn } from 'node:child_process';
import { PlumblineError } from '../errors.js';
import type { ToolCommand } from './tools.js';

export interface ToolRun {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Standard output beyond this many bytes stops the tool. */
  maxOutputBytes: number;
  timeoutMs?: number;
}

export type ToolOutput =
  | { outcome: 'exited'; exitCode: number; stdout: string; stderr: string }
  | { outcome: 'output-limit'; stderr: string }
  | { outcome: 'timeout'; stderr: string };

/** A render takes seconds; ten minutes means it will not finish. */
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
/** Enough stderr for any real error; a tool that writes more is cut at this. */
const STDERR_LIMIT = 64 * 1024;

export function runTool(tool: ToolCommand, args: readonly string[], run: ToolRun): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.executable, [...tool.leadingArgs, ...args], {
      cwd: run.cwd,
      env: run.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let stopped: 'output-limit' | 'timeout' | undefined;
    const stop = (why: 'output-limit' | 'timeout') => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout'), run.timeoutMs ?? DEFAULT_TIMEOUT_MS);

    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes > run.maxOutputBytes) stop('output-limit');
      else stdout.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.slice(0, STDERR_LIMIT - stderr.length);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new PlumblineError(
          `Could not run ${tool.executable}: ${error.message}`,
          'Check that the binary exists and is executable (see PLUMBLINE_KUSTOMIZE and PLUMBLINE_HELM).',
          { cause: error },
        ),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stopped) resolve({ outcome: stopped, stderr });
      else
        resolve({
          outcome: 'exited',
          exitCode: code ?? 1,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr,
        });
    });
  });
}
