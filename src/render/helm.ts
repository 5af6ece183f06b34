/**
 * A Helm chart, rendered by `helm template` in the sandbox with the environment's values
 * files. The chart's files and the values files must stay inside the repository.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { EnvironmentConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { Resource } from '../resource.js';
import { requireChartInside } from './chart-inputs.js';
import { realPathInside } from './containment.js';
import type { RenderContext } from './context.js';
import { parseManifests } from './parse.js';
import { renderFailure, runRenderer } from './renderer-run.js';
import { helmCommand } from './tools.js';

export async function renderHelm(context: RenderContext, env: EnvironmentConfig): Promise<Resource[]> {
  const repoRoot = context.boundary.root;
  await checkDependencies(repoRoot, env.path);
  await requireChartInside(context.boundary, env.path);
  const valuesFiles = (env.helm?.valuesFiles ?? []).map((file) => posix.join(env.path, file));
  for (const file of valuesFiles) await realPathInside(context.boundary, file);

  const helm = await helmCommand(context.tools);
  const args = [releaseName(env), env.path, '--include-crds', '--skip-tests'];
  if (env.helm?.namespace) args.push('--namespace', env.helm.namespace);
  for (const file of valuesFiles) args.push('--values', file);
  const output = await runRenderer(context, helm, args);
  if (output.outcome !== 'exited' || output.exitCode !== 0) {
    const missingDependency =
      output.outcome === 'exited' && /missing in charts\/ directory/.test(output.stderr);
    throw renderFailure(
      context,
      helm,
      output,
      missingDependency
        ? `Run \`helm dependency build ${env.path}\` and commit the charts/ folder (or build it in CI before plumbline).`
        : `Run \`helm template ${args.join(' ')}\` locally to see the whole output.`,
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
