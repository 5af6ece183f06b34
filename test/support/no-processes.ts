/**
 * Setup file of the `unit` project (vitest.config.ts): unit tests are pure and fast, so they
 * start no child process and reach no network beyond in-process fakes on loopback.
 *
 * Every way node:child_process starts a process is replaced, in the module object that both
 * `require` and `import` see (syncBuiltinESMExports), and in ChildProcess.prototype.spawn,
 * which every asynchronous start goes through: so calls from src/ (runGit, runTool, the
 * network isolation probe) and from libraries (@actions/exec, esbuild) are caught too. TCP
 * connections and listeners are allowed on loopback only.
 *
 * A refused call throws where it is made, and the test fails afterwards all the same, in case
 * the code under test caught the error.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { relative } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

// Shared through globalThis, so a second evaluation of this file in the same worker
// neither wraps twice nor loses what the first one's guards record.
const shared = globalThis as { [key: symbol]: string[] | undefined };
const key = Symbol.for('plumbline.test.no-processes');
const firstEvaluation = shared[key] === undefined;
if (firstEvaluation) shared[key] = [];
const violations: string[] = shared[key] ?? [];

function where(): string {
  const { testPath, currentTestName } = expect.getState();
  const file = testPath ? relative(process.cwd(), testPath) : 'a test file of the `unit` project';
  return currentTestName ? `${file} > ${currentTestName}` : file;
}

function refuse(what: string): never {
  const message = [
    `${where()} ${what}.`,
    'Rule: the `unit` project is pure and fast: no child processes (git, helm, kustomize, kubectl,',
    'node, ...) and no network beyond in-process fakes on 127.0.0.1 (test/support/no-processes.ts).',
    'A test that needs real programs belongs in the `local` project: add its file to `localTests`',
    'in vitest.config.ts.',
  ].join('\n');
  violations.push(message);
  throw new Error(message);
}

function command(file: unknown, args: unknown): string {
  const words = [String(file), ...(Array.isArray(args) ? args.map(String) : [])].join(' ');
  return words.length > 120 ? `${words.slice(0, 117)}...` : words;
}

const spawners = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

function guardProcesses(): void {
  const exports = childProcess as unknown as Record<string, unknown>;
  for (const name of spawners) {
    exports[name] = (file: unknown, args: unknown) =>
      refuse(`started a process with child_process.${name}: \`${command(file, args)}\``);
  }
  // What an import { spawn } from 'node:child_process' sees is updated only on request.
  syncBuiltinESMExports();
  const prototype = childProcess.ChildProcess.prototype as unknown as Record<string, unknown>;
  prototype.spawn = (options: { file?: unknown; args?: unknown } | undefined) =>
    refuse(`started a process with ChildProcess#spawn: \`${command(options?.file, options?.args)}\``);
}

function isLoopback(host: unknown): boolean {
  if (typeof host !== 'string' || host === '') return false;
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(bare);
}

const isPort = (value: unknown) =>
  typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));

function guardNetwork(): void {
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // connect(options), connect(port, host?), connect(path), or the internal [options, cb].
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    let host: unknown = 'localhost';
    if (first && typeof first === 'object') {
      const options = first as { path?: unknown; host?: unknown };
      if (!options.path && options.host !== undefined) host = options.host;
    } else if (isPort(first) && typeof args[1] === 'string') {
      host = args[1];
    }
    if (!isLoopback(host)) refuse(`opened a connection to ${String(host)}`);
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;

  const listen = net.Server.prototype.listen as (...args: unknown[]) => net.Server;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    // listen(port?, host?, ...), listen(options), listen(path) or listen(handle).
    const first = args[0];
    let host: unknown;
    let local = false;
    if (first && typeof first === 'object') {
      const options = first as { path?: unknown; host?: unknown; port?: unknown };
      if (options.path || (options.port === undefined && options.host === undefined)) local = true;
      else host = options.host;
    } else if (typeof first === 'string' && !isPort(first)) {
      local = true; // a Unix socket
    } else if (typeof args[1] === 'string') {
      host = args[1];
    }
    if (!local && !isLoopback(host)) {
      refuse(`listened on ${host === undefined ? 'every interface' : String(host)} (use '127.0.0.1')`);
    }
    return listen.apply(this, args);
  } as typeof net.Server.prototype.listen;
}

if (firstEvaluation) {
  guardProcesses();
  guardNetwork();
}

/** Fails with the refusals the test has not already failed with (the code may catch them). */
function failOnViolations(alreadyReported: readonly { message?: string }[] = []): void {
  const reported = new Set(alreadyReported.map((error) => error.message));
  const unreported = [...new Set(violations.splice(0))].filter((message) => !reported.has(message));
  if (unreported.length > 0) throw new Error(unreported.join('\n\n'));
}

afterEach(({ task }) => failOnViolations(task.result?.errors));
afterAll(() => failOnViolations());
