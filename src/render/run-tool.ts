/** Runs a renderer binary through @actions/exec: no shell, nothing echoed, output captured. */
import { getExecOutput } from '@actions/exec';
import { PlumblineError } from '../errors.js';
import type { ToolCommand } from './tools.js';

export interface ToolOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runTool(tool: ToolCommand, args: string[], cwd: string): Promise<ToolOutput> {
  try {
    // @actions/exec splits its first argument like a command line: quote the path so a
    // folder with a space in it still names one executable.
    return await getExecOutput(`"${tool.executable}"`, [...tool.leadingArgs, ...args], {
      cwd,
      silent: true,
      ignoreReturnCode: true,
    });
  } catch (error) {
    throw new PlumblineError(
      `Could not run ${tool.executable}: ${(error as Error).message}`,
      'Check that the binary exists and is executable (see PLUMBLINE_KUSTOMIZE and PLUMBLINE_HELM).',
      { cause: error },
    );
  }
}

/** The renderer's own words, trimmed to what fits in a message. */
export function stderrExcerpt(stderr: string): string {
  const text = stderr.trim();
  const limit = 4000;
  return text.length > limit ? `…${text.slice(-limit)}` : text || '(no output on stderr)';
}
