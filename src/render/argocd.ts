/**
 * An Argo CD environment: one Application, rendered as Argo CD's repo-server and
 * controller would, with no Argo CD (docs/argocd.md).
 *
 * 1. The Application is found again in the checkout being rendered (the same
 *    `<cluster>/<name>` may have another spec at the base and at the head); discovery runs
 *    once per checkout and run. One discovery could not take fails with its reason; one
 *    this checkout does not define renders nothing (a change adds or removes it).
 * 2. Each source from this repository is rendered from the checkout, whatever its
 *    `targetRevision` says (a preview compares the checkouts): as a directory, a
 *    kustomization (with the Application's `kustomize` edits) or a chart folder (with its
 *    `helm` values files, values and parameters), the type given or detected as the
 *    repo-server detects it. A source that only provides a `ref` renders nothing.
 * 3. Namespaced objects without a namespace get `destination.namespace`, as the controller
 *    gives it.
 *
 * A chart from a Helm repository or an OCI registry is fetched by plumbline from a host
 * the trusted side names, and rendered as a chart folder is; its value files are read from
 * the fetched archive, and never lead out of the chart.
 *
 * Not yet: value files at a URL or of a `ref` source from another repository, config
 * management plugins, jsonnet; each fails the Application, saying so.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import { argoChartSource } from '../argocd/chart-source.js';
import type { ArgoApplication, ArgoSource } from '../argocd/discover.js';
import { argoKustomization, hasKustomizeEdits } from '../argocd/kustomize-edits.js';
import { type ArgoApplicationFacts, applicationFacts } from '../argocd/live-rules.js';
import { type ArgoSourceType, folderSourceType, namedSourceTypes } from '../argocd/source-type.js';
import { type ValueFileLocation, valueFileLocation } from '../argocd/value-files.js';
import { pathInChart } from '../charts/archive-files.js';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { discoverySettings } from '../config/run-discoveries.js';
import type { EnvironmentConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { withoutCredentials } from '../git/repository-url.js';
import type { ChartProvenance } from '../provenance.js';
import type { Resource } from '../resource.js';
import { isPlainMap, mergeMaps } from '../yaml/merge-maps.js';
import { listOf, recordOf, textOf } from '../yaml/plain-data.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { renderArgoDirectory } from './argocd-directory.js';
import { realPathInside } from './containment.js';
import type { RenderContext } from './context.js';
import { buildRewritten, firstFile, parseKustomization } from './flux-build.js';
import { type HelmExtras, type HelmValuesFile, renderHelm } from './helm.js';
import { checkedKustomizeInputs, renderKustomize } from './kustomize.js';
import { fillNamespace } from './namespace.js';
import { parseManifests } from './parse.js';
import { isRemoteReference } from './remote-reference.js';

export interface ArgoRender {
  resources: Resource[];
  charts: ChartProvenance[];
  /** Whether helm ran (for the capabilities and helm version the report shows). */
  ranHelm: boolean;
  /** The Application, as a live comparison reads it; absent when the checkout does not define it. */
  application?: ArgoApplicationFacts;
}

const NOTHING: ArgoRender = { resources: [], charts: [], ranHelm: false };

export async function renderArgo(
  context: RenderContext,
  env: EnvironmentConfig,
  repoRoot: string,
): Promise<ArgoRender> {
  const identity = env.argocd;
  if (!identity) {
    throw new PlumblineError(
      'the environment has renderer argocd but names no Application',
      'Argo CD environments are discovered: leave the environments out of plumbline.yaml to have them found.',
    );
  }
  const discovery = await context.discoveries.argoFollowed(repoRoot, discoverySettings(context.settings));
  const problem = discovery.problems.find(
    (candidate) => (candidate.application ?? candidate.file) === identity.name,
  );
  if (problem) {
    throw new PlumblineError(
      `${problem.file}:${problem.line}: ${problem.message}`,
      'Fix the Application there: Argo CD could not render it either.',
    );
  }
  const application = discovery.applications.find((candidate) => candidate.name === identity.name);
  if (!application) return NOTHING;

  const rendered: ArgoRender = {
    resources: [],
    charts: [],
    ranHelm: false,
    application: applicationFacts(application),
  };
  for (const [index, source] of application.sources.entries()) {
    const field =
      application.object.spec && 'sources' in recordOf(application.object.spec)
        ? `spec.sources[${index}]`
        : 'spec.source';
    const where = `${application.file}:${application.line}: ${field}`;
    if (source.ref !== undefined && source.path === undefined && source.chart === undefined) continue;
    const part = await renderSource(context, application, source, where);
    rendered.resources.push(...part.resources);
    rendered.charts.push(...part.charts);
    rendered.ranHelm ||= part.ranHelm;
  }
  const namespace = application.destination.namespace;
  if (namespace) rendered.resources = fillNamespace(rendered.resources, namespace);
  return rendered;
}

async function renderSource(
  context: RenderContext,
  application: ArgoApplication,
  source: ArgoSource,
  where: string,
): Promise<ArgoRender> {
  if (!source.local && source.chart !== undefined)
    return renderArgoChart(context, application, source, where);
  if (!source.local || source.path === undefined) {
    throw new PlumblineError(
      `${where}: the source is ${withoutCredentials(source.repoURL)}, neither this repository nor a chart`,
      'Point the source at this repository (or name it in repositoryUrls), or at a Helm chart.',
    );
  }
  const path = source.path;
  switch (await sourceType(context, source, where)) {
    case 'directory': {
      const options = recordOf(source.directory);
      const directory = {
        recurse: options.recurse === true,
        ...(textOf(options.include) ? { include: textOf(options.include)! } : {}),
        ...(textOf(options.exclude) ? { exclude: textOf(options.exclude)! } : {}),
      };
      return { ...NOTHING, resources: await renderArgoDirectory(context, path, directory) };
    }
    case 'kustomize':
      return renderArgoKustomize(context, path, recordOf(source.kustomize), where);
    case 'helm':
      return renderArgoHelm(context, application, source, path, where);
  }
}

/** The explicit type, else what the folder holds: a kustomization wins over a chart (as in Argo CD). */
async function sourceType(
  context: RenderContext,
  source: ArgoSource,
  where: string,
): Promise<ArgoSourceType> {
  const explicit = namedSourceTypes(source);
  if (explicit.length > 1) {
    throw new PlumblineError(`${where}: names more than one type of source: ${explicit.join(', ')}`);
  }
  if (explicit[0]) return explicit[0];
  const folder = await realPathInside(context.boundary, source.path!);
  if (folder === undefined) {
    throw new PlumblineError(`${where}: path ${source.path || '.'} is no folder of the repository`);
  }
  return folderSourceType({
    kustomization: (await firstFile(folder, KUSTOMIZATION_FILES)) !== undefined,
    chart: (await firstFile(folder, ['Chart.yaml'])) !== undefined,
  });
}

async function renderArgoKustomize(
  context: RenderContext,
  path: string,
  options: Record<string, unknown>,
  where: string,
): Promise<ArgoRender> {
  if (!hasKustomizeEdits(options)) {
    const { resources, ranHelm } = await renderKustomize(context, path);
    return { resources, charts: [], ranHelm };
  }
  const folder = await realPathInside(context.boundary, path);
  const fileName = folder ? await firstFile(folder, KUSTOMIZATION_FILES) : undefined;
  if (!folder || !fileName) {
    throw new PlumblineError(
      `${where}: kustomize edits need a kustomization in ${path || '.'}, which has none`,
    );
  }
  await checkedKustomizeInputs(context, folder);
  // What the edits add is read too: each component and patch file must be a path inside
  // the repository (the build below may load files outside the folder, as Argo CD's can).
  const components = new Map<string, boolean>();
  for (const component of listOf(options.components)) {
    if (typeof component !== 'string') continue;
    const real = await localPath(
      context,
      path,
      component,
      `${where}: kustomize.components names ${component}`,
    );
    components.set(component, real !== undefined);
    if (real !== undefined) await checkedKustomizeInputs(context, real);
  }
  for (const patch of listOf(options.patches)) {
    const file = recordOf(patch).path;
    if (typeof file === 'string')
      await localPath(context, path, file, `${where}: kustomize.patches names ${file}`);
  }
  const written = parseKustomization(
    await readFile(join(folder, fileName), 'utf8'),
    posix.join(path, fileName),
  );
  const kustomization = argoKustomization({
    written,
    options,
    where,
    field: 'kustomize',
    componentExists: (component) => components.get(component) === true,
  });
  const text = await buildRewritten(context, {
    folder,
    fileName,
    kustomization,
    shown: path || '.',
    // The mirror links every file: kustomize's default restriction would refuse them all.
    // Every path the build reads was checked above to stay in the repository.
    args: ['--load-restrictor', 'LoadRestrictionsNone'],
  });
  const file = `${path || '.'} (kustomize output)`;
  const resources = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line) => `${file}:${line}`,
  });
  return { resources, charts: [], ranHelm: false };
}

/** A path an edit names, relative to the source folder: inside the repository, never remote. */
async function localPath(
  context: RenderContext,
  folder: string,
  path: string,
  named: string,
): Promise<string | undefined> {
  if (isRemoteReference(path) || posix.isAbsolute(path)) {
    throw new PlumblineError(
      `${named}, which is not a path of the repository`,
      'Name a path relative to the source folder.',
    );
  }
  return realPathInside(context.boundary, posix.join(folder, path)).catch(() => {
    throw new PlumblineError(
      `${named}, which leads outside the repository`,
      'Name a path inside the repository.',
    );
  });
}

async function renderArgoHelm(
  context: RenderContext,
  application: ArgoApplication,
  source: ArgoSource,
  path: string,
  where: string,
): Promise<ArgoRender> {
  const helm = recordOf(source.helm);
  const valuesFiles = await valueFilesOf(context, application, helm, path, where);
  const env = helmEnvironment(application, helm, path);
  const { resources, charts } = await renderHelm(context, env, { ...helmExtras(helm, where), valuesFiles });
  return { resources, charts, ranHelm: true };
}

/**
 * A chart from a Helm repository or an OCI registry, at `targetRevision`. Its host must be
 * one the trusted side names (RenderSettings.sourceHosts: the base's Applications) or
 * allows; the chart is fetched by plumbline, never by helm. Its value files are the
 * chart's own (read from the fetched archive, helm.ts) or `$ref/…` of this repository.
 */
async function renderArgoChart(
  context: RenderContext,
  application: ArgoApplication,
  source: ArgoSource,
  where: string,
): Promise<ArgoRender> {
  const helm = recordOf(source.helm);
  const valuesFiles = await valueFilesOf(context, application, helm, undefined, where);
  const env = helmEnvironment(application, helm, '');
  env.helm = { ...env.helm!, chart: argoChartSource(source, where) };
  try {
    const { resources, charts } = await renderHelm(context, env, {
      ...helmExtras(helm, where),
      valuesFiles,
      chartOrigin: 'content',
    });
    return { resources, charts, ranHelm: true };
  } catch (error) {
    // A chart refused or not found is the Application's: say which one, and where.
    if (!(error instanceof PlumblineError) || error.message.startsWith(`${application.file}:`)) throw error;
    throw new PlumblineError(`${where}: ${error.message}`, error.hint, {
      cause: error,
      ...(error.remedy ? { remedy: error.remedy } : {}),
    });
  }
}

/**
 * `helm.valueFiles`, in order, as Argo CD resolves them: relative to the chart's folder,
 * which is a folder of this repository (`chartPath`), or, for a chart from a repository
 * (`chartPath` undefined), the fetched chart's (read from its archive by helm.ts, and
 * never leading out of it); or `$ref/path`, a file of the source whose `ref` is `ref`,
 * from the root of its repository (this one). A missing file fails the source unless
 * `ignoreMissingValueFiles`. A value file at a URL is not fetched.
 */
async function valueFilesOf(
  context: RenderContext,
  application: ArgoApplication,
  helm: Record<string, unknown>,
  chartPath: string | undefined,
  where: string,
): Promise<HelmValuesFile[]> {
  const files: HelmValuesFile[] = [];
  const ignoreMissing = helm.ignoreMissingValueFiles === true;
  for (const [index, value] of listOf(helm.valueFiles).entries()) {
    const field = `${where}: helm.valueFiles[${index}]`;
    const file = textOf(value);
    if (file === undefined) throw new PlumblineError(`${field} must be a path`);
    const location = valueFileLocation(application, file, chartPath);
    if (location.kind === 'chart') {
      files.push({ inChart: pathInsideChart(location.file, field), named: field, ignoreMissing });
      continue;
    }
    const repositoryPath = repositoryValueFile(location, field);
    const present = (await realPathInside(context.boundary, repositoryPath)) !== undefined;
    if (present) files.push(posix.relative(chartPath ?? '', repositoryPath));
    else if (!ignoreMissing) {
      throw new PlumblineError(
        `${field} names ${repositoryPath}, which does not exist`,
        'Add the file, fix the path, or set helm.ignoreMissingValueFiles.',
      );
    }
  }
  return files;
}

/** A value file of this repository, as a path from its root; the others fail the source, saying why. */
function repositoryValueFile(location: Exclude<ValueFileLocation, { kind: 'chart' }>, field: string): string {
  switch (location.kind) {
    case 'repository':
      return location.path;
    case 'outside':
      throw new PlumblineError(`${field} leads outside the repository`);
    case 'other-repository':
      throw new PlumblineError(
        `${field}: value files from another repository than this one are not supported yet`,
        'Keep the value files in this repository, or leave this Application out of the plan for now.',
      );
    case 'url':
      // Argo CD fetches these; plumbline reaches no host the trusted configuration did not allow.
      throw new PlumblineError(
        `${field}: value files at a URL are not supported`,
        'Keep the value files in this repository (a ref source: $values/…) or in the chart, or leave this Application out of the plan for now.',
      );
  }
}

/** A value file of a fetched chart, below its folder: a path leading out of it fails the source. */
function pathInsideChart(file: string, field: string): string {
  const path = pathInChart(file);
  if (path === undefined) {
    throw new PlumblineError(
      posix.isAbsolute(file)
        ? `${field} names an absolute path, which is not a file of the chart`
        : ['', '.'].includes(posix.normalize(file || '.').replace(/\/+$/, ''))
          ? `${field} names the chart's folder, not a file of it`
          : `${field} names ${file}, which leads outside the chart`,
      'Name a file of the chart, relative to its folder (values-prod.yaml), or one of this repository through a ref source ($values/…).',
    );
  }
  return path;
}

/** The release as Argo CD names it: `helm.releaseName`, else the Application's name; its namespace. */
function helmEnvironment(
  application: ArgoApplication,
  helm: Record<string, unknown>,
  path: string,
): EnvironmentConfig {
  const releaseName = textOf(helm.releaseName) ?? application.object.metadata.name;
  const namespace = textOf(helm.namespace) ?? application.destination.namespace;
  return {
    name: application.name,
    path,
    renderer: 'helm',
    helm: { releaseName, valuesFiles: [], ...(namespace ? { namespace } : {}) },
  };
}

/** `values` (text or a map), `valuesObject` over it, `parameters` as Argo CD passes them. */
function helmExtras(helm: Record<string, unknown>, where: string): HelmExtras {
  const extras: HelmExtras = {};
  let values: Record<string, unknown> = {};
  if (typeof helm.values === 'string') {
    values = inlineValues(helm.values, where);
  } else if (helm.values !== undefined && helm.values !== null) {
    values = recordOf(helm.values);
  }
  if (helm.valuesObject !== undefined) values = mergeMaps(values, recordOf(helm.valuesObject));
  if (Object.keys(values).length > 0) extras.values = values;
  const parameters = listOf(helm.parameters).map((item, index) => {
    const { name, value, forceString } = recordOf(item);
    if (typeof name !== 'string' || name === '') {
      throw new PlumblineError(`${where}: helm.parameters[${index}] names no parameter`);
    }
    const text =
      typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
    return { name, value: escapedCommas(text), forceString: forceString === true };
  });
  if (parameters.length > 0) extras.parameters = parameters;
  if (helm.skipCrds === true) extras.skipCrds = true;
  return extras;
}

/** Argo CD escapes a value's commas unless it is a Helm list (`{a,b}`). */
function escapedCommas(value: string): string {
  return /^\{.*\}$/s.test(value) ? value : value.replace(/(?<!\\),/g, '\\,');
}

/** `helm.values` written as YAML text: a map; an error names the Application, never the text. */
function inlineValues(text: string, where: string): Record<string, unknown> {
  const document = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (document.errors.length > 0) throw new PlumblineError(`${where}: helm.values is not YAML`);
  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok) throw new PlumblineError(`${where}: helm.values: YAML aliases: ${parsed.reason}`);
  if (parsed.value === null || parsed.value === undefined) return {};
  if (!isPlainMap(parsed.value)) throw new PlumblineError(`${where}: helm.values must be a map`);
  return parsed.value;
}
