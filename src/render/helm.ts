/** A Helm chart, rendered by `helm template` with the environment's values files. */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { EnvironmentConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { Resource } from '../resource.js';
import { parseManifests } from './parse.js';
import { runTool, stderrExcerpt } from './run-tool.js';
import { helmCommand, type ToolOverrides } from './tools.js';

export async function renderHelm(
  repoRoot: string,
  env: EnvironmentConfig,
  tools: ToolOverrides,
): Promise<Resource[]> {
  await checkDependencies(repoRoot, env.path);
  const helm = await helmCommand(tools);
  const args = [releaseName(env), env.path, '--include-crds', '--skip-tests'];
  if (env.helm?.namespace) args.push('--namespace', env.helm.namespace);
  for (const valuesFile of env.helm?.valuesFiles ?? [])
    args.push('--values', posix.join(env.path, valuesFile));
  const output = await runTool(helm, args, repoRoot);
  if (output.exitCode !== 0) {
    const missingDependency = /missing in charts\/ directory/.test(output.stderr);
    throw new PlumblineError(
      `${helm.label} failed (exit code ${output.exitCode}):\n${stderrExcerpt(output.stderr)}`,
      missingDependency
        ? `Run \`helm dependency build ${env.path}\` and commit the charts/ folder (or build it in CI before plumbline).`
        : `Run \`helm template ${args.join(' ')}\` locally to see the same error.`,
    );
  }
  return parseManifests({
    text: output.stdout,
    // `# Source: CHART/templates/x.yaml` names the template; the template's own line is
    // unknown after rendering, so the source carries no line.
    locate: (_line, comment) => ({ file: templatePath(env.path, comment) }),
    describe: (line) => `${env.path} (helm template output line ${line})`,
  });
}

/** The release name helm gets: configured, or the environment name made a valid release name. */
export function releaseName(env: EnvironmentConfig): string {
  return (
    env.helm?.releaseName ??
    env.name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/** `shop/charts/redis/templates/x.yaml` -> `envs/prod/charts/redis/templates/x.yaml`. */
function templatePath(chartPath: string, comment: string | undefined): string {
  const source = comment?.match(/^\s*Source:\s*(\S+)/m)?.[1];
  if (!source) return `${chartPath} (helm template output)`;
  const withinChart = source.slice(source.indexOf('/') + 1);
  return posix.join(chartPath, withinChart);
}

// helm's own message for this case does not say how to fix it.
async function checkDependencies(repoRoot: string, chartPath: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(join(repoRoot, chartPath, 'Chart.yaml'), 'utf8');
  } catch {
    throw new PlumblineError(
      `${chartPath} holds no Chart.yaml`,
      'Point path at the chart folder, or set renderer to auto, plain or kustomize.',
    );
  }
  const chart = parseDocument(text).toJS() as { dependencies?: Array<{ name?: string }> } | null;
  const dependencies = chart?.dependencies ?? [];
  if (dependencies.length === 0) return;
  let vendored: string[] = [];
  try {
    vendored = await readdir(join(repoRoot, chartPath, 'charts'));
  } catch {
    // No charts/ folder: every dependency is missing.
  }
  if (vendored.length > 0) return;
  const names = dependencies.map((dependency) => dependency.name ?? '?').join(', ');
  throw new PlumblineError(
    `Chart.yaml in ${chartPath} depends on ${names}, but ${chartPath}/charts/ holds no charts`,
    `Run \`helm dependency build ${chartPath}\` and commit the charts/ folder (or build it in CI before plumbline).`,
  );
}
