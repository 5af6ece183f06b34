/**
 * A network namespace of its own for renderers that may reach no host: kustomize and helm
 * then have no interface at all, loopback included. plumbline's checks of what a render
 * reads are the rule (kustomize-inputs.ts, chart-inputs.ts); this is the backstop for a
 * fetch they missed, and the one that also covers loopback, which proxies never see.
 *
 * It needs `unshare` (util-linux) and the right to make the namespace: root, or an
 * unprivileged user namespace. Where neither is there (some hardened runners), renderers
 * run without it, behind the checks and the unreachable proxy alone.
 */
import { spawn } from 'node:child_process';
import { findOnPath, type ToolCommand } from './tools.js';

let probe: Promise<string[] | undefined> | undefined;

/** The arguments that put a command in a new network namespace, when this machine allows one. */
export function networkIsolation(): Promise<string[] | undefined> {
  probe ??= findIsolation();
  return probe;
}

/** `tool` run inside `isolation` (from networkIsolation). */
export function isolated(tool: ToolCommand, isolation: readonly string[]): ToolCommand {
  const [executable = 'unshare', ...args] = isolation;
  return { ...tool, executable, leadingArgs: [...args, '--', tool.executable, ...tool.leadingArgs] };
}

async function findIsolation(): Promise<string[] | undefined> {
  const unshare = await findOnPath('unshare');
  if (!unshare) return undefined;
  // As root a network namespace is enough; others need a user namespace to make one.
  const args = process.getuid?.() === 0 ? ['--net'] : ['--net', '--map-root-user'];
  return (await succeeds(unshare, [...args, '--', 'true'])) ? [unshare, ...args] : undefined;
}

function succeeds(executable: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(executable, args, { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}
