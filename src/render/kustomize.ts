/** A kustomization, built by `kustomize build` (or `kubectl kustomize`). */

import { PlumblineError } from '../errors.js';
import type { Resource } from '../resource.js';
import { parseManifests } from './parse.js';
import { runTool, stderrExcerpt } from './run-tool.js';
import { kustomizeCommand, optionalHelm, type ToolOverrides } from './tools.js';

export async function renderKustomize(
  repoRoot: string,
  path: string,
  tools: ToolOverrides,
): Promise<Resource[]> {
  const kustomize = await kustomizeCommand(tools);
  // helmCharts entries in a kustomization need helm; pass the one plumbline would use.
  const helm = await optionalHelm(tools);
  const helmArgs = helm ? ['--enable-helm', '--helm-command', helm] : [];
  const output = await runTool(kustomize, [path, ...helmArgs], repoRoot);
  if (output.exitCode !== 0) {
    throw new PlumblineError(
      `${kustomize.label} failed (exit code ${output.exitCode}):\n${stderrExcerpt(output.stderr)}`,
      `Run \`${kustomize.label} ${path}\` locally to see the same error.`,
    );
  }
  const file = `${path} (kustomize output)`;
  return parseManifests({
    text: output.stdout,
    locate: (line) => ({ file, line }),
    describe: (line) => `${file}:${line}`,
  });
}
