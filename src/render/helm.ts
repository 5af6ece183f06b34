/**
 * A Helm chart, rendered by `helm template` in the sandbox with the environment's values
 * files, release namespace and capabilities. The chart is a folder in the repository (its
 * dependencies resolved by chart-dependencies.ts when it does not vendor them), or a chart
 * from a Helm repository or OCI registry that plumbline fetched (charts/fetch.ts); helm
 * itself never reaches the network. Every path it reads stays inside the repository; the
 * value files of a fetched chart are copied out of its archive, never unpacked.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import { type ArchiveFile, readChartArchiveFiles } from '../charts/archive-files.js';
import type { ChartOrigin } from '../charts/fetch.js';
import { environmentNamespace } from '../config/environment-namespace.js';
import type { EnvironmentConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { ChartProvenance } from '../provenance.js';
import type { Resource } from '../resource.js';
import { helmCapabilityArgs } from './capabilities.js';
import { withDependencies } from './chart-dependencies.js';
import { checkChartArchive, requireChartInside } from './chart-inputs.js';
import { realPathInside } from './containment.js';
import type { RenderContext } from './context.js';
import { parseManifests } from './parse.js';
import { renderFailure, runRenderer } from './renderer-run.js';
import { helmCommand } from './tools.js';

export interface HelmRender {
  resources: Resource[];
  charts: ChartProvenance[];
}

/**
 * A values file inside a chart from a repository (Argo CD's value files of such a chart):
 * its path below the chart's folder, as archive-files.ts's pathInChart gives it.
 */
export interface ChartValuesFile {
  inChart: string;
  /** Who names it, for errors: `file:line: spec.source: helm.valueFiles[0]`. */
  named: string;
  /** Left out when the chart does not hold it (else the render fails). */
  ignoreMissing?: boolean;
}

/** A values file: a path from the environment's folder (in the repository), or one inside the fetched chart. */
export type HelmValuesFile = string | ChartValuesFile;

/** What a GitOps controller gives helm beyond the environment's settings (Argo CD's helm source). */
export interface HelmExtras {
  /**
   * The values files, in order, in place of the environment's `helm.valuesFiles`: some may
   * be inside a chart from a repository.
   */
  valuesFiles?: HelmValuesFile[];
  /** Values written in place, given after the values files. */
  values?: Record<string, unknown>;
  /** `--set` (`--set-string` with forceString) parameters, in order, after every values file. */
  parameters?: Array<{ name: string; value: string; forceString?: boolean }>;
  /** Leave the chart's CRDs out. */
  skipCrds?: boolean;
  /** Who named a chart from a repository: the configuration (the default) or the content. */
  chartOrigin?: ChartOrigin;
}

export async function renderHelm(
  context: RenderContext,
  env: EnvironmentConfig,
  extras: HelmExtras = {},
): Promise<HelmRender> {
  const prepared = env.helm?.chart
    ? await remoteChart(context, env, extras.chartOrigin ?? 'configuration')
    : await localChart(context, env.path);
  const { chart, charts, sourcePrefix } = prepared;
  const valuesFiles = await valuesFilePaths(
    context,
    env.path,
    extras.valuesFiles ?? env.helm?.valuesFiles ?? [],
    prepared,
  );

  const helm = await helmCommand(context.tools);
  const args = ['--skip-tests'];
  if (!extras.skipCrds) args.push('--include-crds');
  const namespace = environmentNamespace(env);
  if (namespace) args.push('--namespace', namespace);
  args.push(...helmCapabilityArgs(context.capabilities));
  for (const file of valuesFiles) args.push('--values', file);
  if (extras.values && Object.keys(extras.values).length > 0) {
    const scratch = await mkdtemp(join(context.sandbox.scratch, 'values-'));
    await writeFile(join(scratch, 'values.json'), JSON.stringify(extras.values));
    args.push('--values', join(scratch, 'values.json'));
  }
  for (const parameter of extras.parameters ?? []) {
    args.push(parameter.forceString ? '--set-string' : '--set', `${parameter.name}=${parameter.value}`);
  }
  // Release name and chart after `--`: a name an Application or HelmRelease chose (or a
  // folder it named) that starts with `-` is never read as a flag.
  args.push('--', releaseName(env), chart);
  const output = await runRenderer(context, helm, args);
  if (output.outcome !== 'exited' || output.exitCode !== 0) {
    const missingDependency =
      output.outcome === 'exited' && /missing in charts\/ directory/.test(output.stderr);
    throw renderFailure(
      context,
      helm,
      output,
      missingDependency
        ? `Vendor every dependency in ${env.path}/charts/ (helm dependency build ${env.path}), or none: plumbline fetches them when charts/ is empty.`
        : `Run \`helm template\` on ${env.path} locally to see the whole output.`,
    );
  }
  const resources = parseManifests({
    text: output.stdout,
    // `# Source: CHART/templates/x.yaml` names the template; the template's own line is
    // unknown after rendering, so the source carries no line.
    locate: (_line, comment) => ({ file: templatePath(sourcePrefix, comment) }),
    describe: (line) => `${env.path} (helm template output line ${line})`,
  });
  return { resources, charts };
}

interface PreparedChart {
  chart: string;
  charts: ChartProvenance[];
  /** What a template's `# Source:` path is shown under. */
  sourcePrefix: string;
  /** A chart from a repository: its archive, and how errors name it. */
  fetched?: { archive: string; label: string };
}

/**
 * The paths helm gets with `--values`, in order: a file of the repository (checked to stay
 * inside it), or a file of the fetched chart, copied out of the archive (never unpacked:
 * archive-files.ts) into the sandbox's scratch folder. A file inside the chart that is a
 * link, or lies behind one, fails the render; a missing one too, unless ignoreMissing.
 */
async function valuesFilePaths(
  context: RenderContext,
  folder: string,
  files: readonly HelmValuesFile[],
  prepared: PreparedChart,
): Promise<string[]> {
  const inChart = files.filter((file): file is ChartValuesFile => typeof file !== 'string');
  const { fetched } = prepared;
  if (inChart.length > 0 && !fetched) {
    throw new PlumblineError(
      `${inChart[0]!.named}: values files inside the chart are read from a chart from a repository only`,
    );
  }
  const contents: Map<string, ArchiveFile> =
    fetched && inChart.length > 0
      ? await readChartArchiveFiles(
          fetched.archive,
          inChart.map((file) => file.inChart),
          fetched.label,
        )
      : new Map();
  const paths: string[] = [];
  let scratch: string | undefined;
  for (const [index, file] of files.entries()) {
    if (typeof file === 'string') {
      const path = posix.join(folder, file);
      await realPathInside(context.boundary, path);
      paths.push(path);
      continue;
    }
    const answer = contents.get(file.inChart);
    if (answer?.found === 'link') {
      throw new PlumblineError(
        `${file.named} names ${file.inChart}, which leads through the ${answer.kind} link ${answer.link} of the chart ${fetched!.label}`,
        'plumbline reads only the regular files of a fetched chart: name one, or ship the file in the chart instead of a link.',
      );
    }
    if (answer?.found !== 'file') {
      if (file.ignoreMissing) continue;
      throw new PlumblineError(
        `${file.named} names ${file.inChart}, which the chart ${fetched!.label} does not hold`,
        'Name a file of the chart (relative to its folder), or set helm.ignoreMissingValueFiles.',
      );
    }
    scratch ??= await mkdtemp(join(context.sandbox.scratch, 'chart-values-'));
    const copy = join(scratch, `${index}-${basename(file.inChart)}`);
    await writeFile(copy, answer.content);
    paths.push(copy);
  }
  return paths;
}

async function localChart(context: RenderContext, chartPath: string): Promise<PreparedChart> {
  if ((await realPathInside(context.boundary, posix.join(chartPath, 'Chart.yaml'))) === undefined) {
    throw new PlumblineError(
      `${chartPath} holds no Chart.yaml`,
      'Point path at the chart folder, set helm.chart to render a chart from a repository, or set renderer to auto, plain or kustomize.',
    );
  }
  await requireChartInside(context.boundary, chartPath);
  const { chart, charts } = await withDependencies(context, chartPath);
  return { chart, charts, sourcePrefix: chartPath };
}

async function remoteChart(
  context: RenderContext,
  env: EnvironmentConfig,
  origin: ChartOrigin,
): Promise<PreparedChart> {
  const source = env.helm!.chart!;
  const fetched = await context.charts.fetch(source, origin);
  const label = `${source.name} ${fetched.version}`;
  await checkChartArchive(fetched.file, `${label} from ${source.repository}`);
  const provenance: ChartProvenance = {
    repository: source.repository,
    name: source.name,
    version: fetched.version,
    digest: fetched.digest,
  };
  if (fetched.manifestDigest) provenance.manifestDigest = fetched.manifestDigest;
  return {
    chart: fetched.file,
    charts: [provenance],
    sourcePrefix: `${source.name}@${fetched.version}`,
    fetched: { archive: fetched.file, label },
  };
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
function templatePath(prefix: string, comment: string | undefined): string {
  const source = comment?.match(/^\s*Source:\s*(\S+)/m)?.[1];
  if (!source) return `${prefix} (helm template output)`;
  const withinChart = source.slice(source.indexOf('/') + 1);
  return posix.join(prefix, withinChart);
}
