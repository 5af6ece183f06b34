/**
 * A chart in the repository whose `Chart.yaml` lists dependencies it does not vendor in
 * `charts/`: plumbline resolves them as `helm dependency build` would (the version
 * `Chart.lock` pins, else the newest the range allows), and hands helm a copy of the chart
 * with the dependencies in its `charts/` folder. The repository is never written to.
 *
 * `Chart.yaml` is content, written by whoever wrote the change: its repositories are
 * reached only when render.allowHosts names their hosts, and a `file://` dependency must
 * stay inside the repository like every other path.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import { parse } from 'yaml';
import { PlumblineError } from '../errors.js';
import type { ChartProvenance } from '../provenance.js';
import { checkChartArchive } from './chart-inputs.js';
import { realPathInside, walkInside } from './containment.js';
import type { RenderContext } from './context.js';

export interface Dependency {
  name?: unknown;
  version?: unknown;
  repository?: unknown;
}

export interface ChartWithDependencies {
  /** What helm renders: the chart folder itself, or a copy with its dependencies. */
  chart: string;
  charts: ChartProvenance[];
}

export async function withDependencies(
  context: RenderContext,
  chartPath: string,
): Promise<ChartWithDependencies> {
  const chartFile = await realPathInside(context.boundary, posix.join(chartPath, 'Chart.yaml'));
  const dependencies = chartFile ? await listedDependencies(chartFile) : [];
  if (dependencies.length === 0) return { chart: chartPath, charts: [] };
  const vendored = await realPathInside(context.boundary, posix.join(chartPath, 'charts'));
  // Vendored dependencies are the chart's own business: helm checks them itself.
  if (vendored && (await readdir(vendored).catch(() => [])).length > 0)
    return { chart: chartPath, charts: [] };

  const lockFile = await realPathInside(context.boundary, posix.join(chartPath, 'Chart.lock'));
  const locked = lockFile ? await listedDependencies(lockFile) : [];
  const copy = join(context.sandbox.scratch, basename(chartPath) || 'chart');
  for (const { real, shown } of await walkInside(context.boundary, chartPath)) {
    await copyInto(real, join(copy, posix.relative(chartPath, shown)));
  }

  const charts: ChartProvenance[] = [];
  for (const dependency of dependencies) {
    const name = typeof dependency.name === 'string' ? dependency.name : '';
    const repository = typeof dependency.repository === 'string' ? dependency.repository.trim() : '';
    const where = `${chartPath}/Chart.yaml`;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new PlumblineError(
        `${where} lists a dependency without a valid name`,
        'Give every dependency a chart name.',
      );
    }
    if (repository.startsWith('file://')) {
      const folder = posix.join(chartPath, repository.slice('file://'.length));
      const files = await walkInside(context.boundary, folder);
      if (files.length === 0) {
        throw new PlumblineError(
          `${where} depends on ${name} at ${repository}, which is not a folder in the repository`,
          'Point file:// at the dependency chart folder, relative to the chart.',
        );
      }
      for (const { real, shown } of files) {
        await copyInto(real, join(copy, 'charts', name, posix.relative(folder, shown)));
      }
      continue;
    }
    if (!/^(https?|oci):\/\//.test(repository)) {
      throw new PlumblineError(
        `${where} takes ${name} from "${repository || '(no repository)'}", which is not a URL`,
        'Write the repository URL (https://… or oci://…) instead of a name from `helm repo add`: plumbline keeps no helm repositories.',
      );
    }
    const pinned = locked.find((entry) => entry.name === name && entry.repository === dependency.repository);
    const version = typeof pinned?.version === 'string' ? pinned.version : String(dependency.version ?? '*');
    const fetched = await context.charts.fetch({ repository, name, version }, 'content');
    const archive = join(copy, 'charts', `${name}-${fetched.version}.tgz`);
    await copyInto(fetched.file, archive);
    await checkChartArchive(archive, `${name} ${fetched.version} from ${repository}`);
    const provenance: ChartProvenance = {
      repository,
      name,
      version: fetched.version,
      digest: fetched.digest,
      dependencyOf: chartPath,
    };
    if (fetched.manifestDigest) provenance.manifestDigest = fetched.manifestDigest;
    charts.push(provenance);
  }
  return { chart: copy, charts };
}

async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

/**
 * The `dependencies` a Chart.yaml or Chart.lock lists, as written; none when it cannot be
 * read (helm reports such a file in its own words).
 */
export async function listedDependencies(file: string): Promise<Dependency[]> {
  let document: unknown;
  try {
    document = parse(await readFile(file, 'utf8'), { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return [];
  }
  if (document === null || typeof document !== 'object') return [];
  const list = (document as Record<string, unknown>).dependencies;
  return Array.isArray(list)
    ? (list.filter((item) => item !== null && typeof item === 'object') as Dependency[])
    : [];
}
