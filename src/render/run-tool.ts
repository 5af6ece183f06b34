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

const EXCERPT_LIMIT = 300;

/**
 * The renderer's own error line, for a message that may reach a pull request comment.
 * Template errors quote values (`cannot unmarshal "…"`, `invalid value '…'`), and a value
 * may be a secret: quoted text is left out, and the rest is cut short. The hint that goes
 * with it says how to see the whole output locally.
 */
export function stderrExcerpt(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.findLast((candidate) => /^error:/i.test(candidate)) ?? lines.at(-1);
  if (line === undefined) return '(no output on stderr)';
  const unquoted = line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '"…"');
  return unquoted.length > EXCERPT_LIMIT ? `${unquoted.slice(0, EXCERPT_LIMIT)}…` : unquoted;
}
