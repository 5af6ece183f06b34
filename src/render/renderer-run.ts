/**
 * One renderer run as every renderer needs it: in the sandbox, in a network namespace of its
 * own when no host is allowed, from the repository root, within the byte limit; and its failure as an error that names the file, the line and
 * the tool's reason without quoting a value (tool-error.ts).
 */
import { PlumblineError } from '../errors.js';
import type { RenderContext } from './context.js';
import { isolated, networkIsolation } from './network-isolation.js';
import { runTool, type ToolOutput } from './run-tool.js';
import { toolErrorExcerpt } from './tool-error.js';
import type { ToolCommand } from './tools.js';

/** What running a renderer needs of the context. */
type RunContext = Pick<RenderContext, 'boundary' | 'sandbox' | 'settings'>;

export async function runRenderer(
  context: RunContext,
  tool: ToolCommand,
  args: readonly string[],
): Promise<ToolOutput> {
  // No allowed host: no network at all, where the machine lets plumbline make it so.
  const isolation = context.settings.allowHosts.length === 0 ? await networkIsolation() : undefined;
  return runTool(isolation ? isolated(tool, isolation) : tool, args, {
    cwd: context.boundary.root,
    env: context.sandbox.env,
    maxOutputBytes: context.settings.limits.bytes,
  });
}

export function renderFailure(
  context: RunContext,
  tool: ToolCommand,
  output: ToolOutput,
  hint: string,
  /** Folders outside the repository that mirror it (flux.ts), shown relative like it. */
  mirrors: readonly string[] = [],
): PlumblineError {
  switch (output.outcome) {
    case 'output-limit':
      return new PlumblineError(
        `${tool.label} rendered more than the limit of ${context.settings.limits.bytes} bytes per environment, and was stopped`,
        'Split the environment, or raise render.limits.bytes in the configuration of the base branch.',
      );
    case 'timeout':
      return new PlumblineError(`${tool.label} did not finish in time, and was stopped`, hint);
    case 'exited': {
      const roots = [...mirrors, context.boundary.root, context.boundary.realTop];
      const reason = toolErrorExcerpt(output.stderr, { roots });
      return new PlumblineError(`${tool.label} failed (exit code ${output.exitCode}):\n${reason}`, hint);
    }
  }
}
