/**
 * A Flux HelmRelease (helm.toolkit.fluxcd.io, any version), rendered as helm-controller
 * installs it, with no cluster:
 *
 * - the chart: `spec.chart.spec` (the HelmChart helm-controller makes from it) from a
 *   HelmRepository (`spec.url`, an OCI one by `type: oci` or an `oci://` URL), from a
 *   GitRepository that fetches this repository (a chart folder at `spec.chart.spec.chart`
 *   relative to its root), or `spec.chartRef` to an OCIRepository (`spec.url`,
 *   `spec.ref.semver` or `spec.ref.tag`) or a HelmChart. Version default `*`. A source
 *   names a namespace, else the HelmRelease's (the HelmChart's for a HelmChart's source).
 *   Charts from repositories and registries are fetched by the run's ChartFetcher as
 *   content: their host must be in render.allowHosts. Buckets are not supported.
 * - the values: `spec.valuesFrom` in order, then `spec.values` (flux/values.ts), the
 *   ConfigMaps and Secrets looked up in the HelmRelease's namespace (the caller's `find`:
 *   the environment's output, the repository, then the cluster's objects outside Git). A
 *   Secret's values are masked tokens: one set at a targetPath is the token, a whole values
 *   document from a Secret cannot be read and is left out (plumbline never unmasks a Secret).
 * - `helm template` in the sandbox: release name `spec.releaseName`, else
 *   `<targetNamespace>-<name>` with a targetNamespace, else the name, shortened past 53
 *   characters as helm-controller shortens it; namespace `spec.targetNamespace`, else the
 *   HelmRelease's; CRDs unless `spec.install.crds` is Skip; no tests.
 * - the post-renderers in helm-controller's order: each `spec.postRenderers[].kustomize`
 *   (patches and images, with kustomize), then `spec.commonMetadata`, then the origin
 *   labels helm.toolkit.fluxcd.io/name and /namespace on every object. Namespaced objects
 *   that name no namespace get the release's, as Helm applies them.
 *
 * Errors name the HelmRelease's file and line and never a value.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { stringify } from 'yaml';
import type { FetchedChart } from '../charts/fetch.js';
import { PlumblineError } from '../errors.js';
import { normaliseFluxPath } from '../flux/discover.js';
import { SELECTOR_FIELDS } from '../flux/kustomization.js';
import { composeValues, type Values, type ValuesSource } from '../flux/values.js';
import type { ChartProvenance } from '../provenance.js';
import { displayName, type KubeObject, type Resource, toResource } from '../resource.js';
import { listOf, recordOf, stringRecord, textOf } from '../yaml/plain-data.js';
import { helmCapabilityArgs } from './capabilities.js';
import { withDependencies } from './chart-dependencies.js';
import { checkChartArchive, requireChartInside } from './chart-inputs.js';
import { realPathInside } from './containment.js';
import type { RenderContext } from './context.js';
import { kustomizeBuild } from './kustomize.js';
import { fillNamespace } from './namespace.js';
import { parseManifests } from './parse.js';
import { renderFailure, runRenderer } from './renderer-run.js';
import { helmCommand } from './tools.js';

const HELM_GROUP = 'helm.toolkit.fluxcd.io';
/** helm-controller's release.ShortenName: longer names become 40 characters, `-` and 12 of a hash. */
const RELEASE_NAME_MAX = 53;
const RELEASE_HASH_LENGTH = 12;

/** An object a HelmRelease names, and where it is written. */
export interface FluxSource {
  object: KubeObject;
  /** `file:line`, or where in the rendered output. */
  place: string;
}

export interface HelmReleaseContext {
  /** A source, ConfigMap or Secret of the cluster by kind, namespace and name. */
  find(kind: string, namespace: string, name: string): FluxSource | undefined;
  /** Whether the GitRepository `namespace/name` fetches this repository. */
  isThisRepository(namespace: string, name: string): boolean;
  /** Where the HelmRelease is written, `file:line`. */
  place: string;
  /** The HelmRelease's namespace when it names none. */
  namespace: string;
}

export interface HelmReleaseRender {
  resources: Resource[];
  charts: ChartProvenance[];
}

export function isHelmRelease(object: KubeObject): boolean {
  return object.kind === 'HelmRelease' && object.apiVersion.startsWith(`${HELM_GROUP}/`);
}

/** The objects the release installs; errors name the HelmRelease. */
export async function renderHelmRelease(
  context: RenderContext,
  release: KubeObject,
  inputs: HelmReleaseContext,
): Promise<HelmReleaseRender> {
  const namespace = release.metadata.namespace ?? inputs.namespace;
  const named = displayName({ kind: 'HelmRelease', namespace, name: release.metadata.name });
  try {
    return await render(context, release, namespace, inputs);
  } catch (error) {
    if (!(error instanceof PlumblineError)) throw error;
    throw new PlumblineError(`${inputs.place}: ${named}: ${error.message}`, error.hint, {
      cause: error,
      ...(error.remedy ? { remedy: error.remedy } : {}),
    });
  }
}

async function render(
  context: RenderContext,
  release: KubeObject,
  namespace: string,
  inputs: HelmReleaseContext,
): Promise<HelmReleaseRender> {
  const spec = recordOf(release.spec);
  const chart = await chartOf(context, spec, namespace, inputs);
  const values = composeValues(valuesSources(spec, namespace, inputs), valuesOf(spec.values));
  const scratch = await mkdtemp(join(context.sandbox.scratch, 'helmrelease-'));
  const valuesFile = join(scratch, 'values.json');
  await writeFile(valuesFile, JSON.stringify(values));

  const targetNamespace = textOf(spec.targetNamespace);
  const releaseNamespace = targetNamespace ?? namespace;
  const helm = await helmCommand(context.tools);
  const args = ['--namespace', releaseNamespace, '--skip-tests'];
  if (recordOf(spec.install).crds !== 'Skip') args.push('--include-crds');
  args.push(...helmCapabilityArgs(context.capabilities));
  for (const file of chart.valuesFiles) args.push('--values', file);
  args.push('--values', valuesFile);
  // After `--`: a release name the HelmRelease chose is never read as a flag.
  args.push('--', releaseName(release, spec), chart.chart);
  const output = await runRenderer(context, helm, args);
  if (output.outcome !== 'exited' || output.exitCode !== 0) {
    throw renderFailure(
      context,
      helm,
      output,
      `Run \`helm template\` on ${chart.label} with the HelmRelease's values locally to see the whole output.`,
      [scratch],
    );
  }

  let text = output.stdout;
  const postRendered = await postRender(context, spec, text, scratch);
  text = postRendered ?? text;
  const parsed = parseManifests({
    text,
    locate: (_line, comment) => ({
      file: `${inputs.place} → ${postRendered === undefined ? templatePath(chart.label, comment) : `${chart.label} (post-rendered)`}`,
    }),
    describe: (line) => `${chart.label} (helm template output line ${line})`,
  });
  const labels = {
    ...stringRecord(recordOf(spec.commonMetadata).labels),
    // The origin labels win over commonMetadata's, as in helm-controller.
    [`${HELM_GROUP}/name`]: release.metadata.name,
    [`${HELM_GROUP}/namespace`]: namespace,
  };
  const annotations = stringRecord(recordOf(spec.commonMetadata).annotations);
  const labelled = parsed.map((resource) => {
    const metadata = { ...resource.object.metadata };
    metadata.labels = { ...metadata.labels, ...labels };
    if (Object.keys(annotations).length > 0)
      metadata.annotations = { ...metadata.annotations, ...annotations };
    return toResource({ ...resource.object, metadata }, resource.source);
  });
  return { resources: fillNamespace(labelled, releaseNamespace), charts: chart.charts };
}

/** spec.releaseName, else `[targetNamespace-]name`, shortened as helm-controller does. */
export function releaseName(release: KubeObject, spec: Record<string, unknown>): string {
  const targetNamespace = textOf(spec.targetNamespace);
  const name =
    textOf(spec.releaseName) ??
    (targetNamespace ? `${targetNamespace}-${release.metadata.name}` : release.metadata.name);
  if (name.length <= RELEASE_NAME_MAX) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, RELEASE_HASH_LENGTH);
  return `${name.slice(0, RELEASE_NAME_MAX - RELEASE_HASH_LENGTH - 1)}-${hash}`;
}

interface PreparedChart {
  /** What helm renders: an archive in the cache, or a chart folder. */
  chart: string;
  charts: ChartProvenance[];
  /** How the chart is shown: `name@version`, or its folder. */
  label: string;
  /** A chart of this repository: its valuesFiles, repository-relative. */
  valuesFiles: string[];
}

/** The HelmChart helm-controller would make or use, its source and its version. */
interface ChartTemplate {
  chart: string | undefined;
  version: string | undefined;
  sourceKind: string | undefined;
  sourceName: string | undefined;
  sourceNamespace: string;
  valuesFiles: string[];
  ignoreMissingValuesFiles: boolean;
  /** Which field said all this, for errors. */
  field: string;
}

async function chartOf(
  context: RenderContext,
  spec: Record<string, unknown>,
  namespace: string,
  inputs: HelmReleaseContext,
): Promise<PreparedChart> {
  const template = recordOf(recordOf(spec.chart).spec);
  if (spec.chart !== undefined) {
    const sourceRef = recordOf(template.sourceRef);
    return chartFromTemplate(context, inputs, {
      chart: textOf(template.chart),
      version: textOf(template.version),
      sourceKind: textOf(sourceRef.kind),
      sourceName: textOf(sourceRef.name),
      sourceNamespace: textOf(sourceRef.namespace) ?? namespace,
      valuesFiles: valuesFilesOf(template),
      ignoreMissingValuesFiles: template.ignoreMissingValuesFiles === true,
      field: 'spec.chart.spec',
    });
  }
  const chartRef = recordOf(spec.chartRef);
  const kind = textOf(chartRef.kind);
  const name = textOf(chartRef.name);
  if (kind === undefined || name === undefined) {
    throw new PlumblineError(
      'names no chart: neither spec.chart nor spec.chartRef with a kind and name',
      'Give the HelmRelease spec.chart.spec or spec.chartRef.',
    );
  }
  const refNamespace = textOf(chartRef.namespace) ?? namespace;
  const source = required(inputs, kind, refNamespace, name, 'spec.chartRef');
  if (kind === 'HelmChart') {
    const helmChart = recordOf(source.object.spec);
    const sourceRef = recordOf(helmChart.sourceRef);
    return chartFromTemplate(context, inputs, {
      chart: textOf(helmChart.chart),
      version: textOf(helmChart.version),
      sourceKind: textOf(sourceRef.kind),
      sourceName: textOf(sourceRef.name),
      sourceNamespace: source.object.metadata.namespace ?? refNamespace,
      valuesFiles: valuesFilesOf(helmChart),
      ignoreMissingValuesFiles: helmChart.ignoreMissingValuesFiles === true,
      field: `the HelmChart at ${source.place}`,
    });
  }
  if (kind !== 'OCIRepository') {
    throw new PlumblineError(
      `spec.chartRef names a ${kind}, and a chart comes from an OCIRepository or a HelmChart`,
      'Point spec.chartRef at an OCIRepository or a HelmChart.',
    );
  }
  const repository = recordOf(source.object.spec);
  const url = textOf(repository.url)?.replace(/\/+$/, '');
  const slash = url?.lastIndexOf('/') ?? -1;
  if (url === undefined || !url.startsWith('oci://') || slash <= 'oci://'.length) {
    throw new PlumblineError(
      `the OCIRepository at ${source.place} has no spec.url of the form oci://host/path/chart`,
      "Give the OCIRepository the chart's OCI address as spec.url.",
    );
  }
  const ref = recordOf(repository.ref);
  if (textOf(ref.digest) !== undefined) {
    throw new PlumblineError(
      `the OCIRepository at ${source.place} pins spec.ref.digest, which plumbline does not resolve yet`,
      'Pin the chart by spec.ref.tag or spec.ref.semver to render it with plumbline.',
    );
  }
  const version = textOf(ref.semver) ?? textOf(ref.tag);
  if (version === undefined) {
    throw new PlumblineError(
      `the OCIRepository at ${source.place} names no spec.ref.tag or spec.ref.semver, and plumbline resolves chart versions, not the latest tag`,
      'Give the OCIRepository spec.ref.tag or spec.ref.semver.',
    );
  }
  return remoteChart(context, url.slice(0, slash), url.slice(slash + 1), version);
}

async function chartFromTemplate(
  context: RenderContext,
  inputs: HelmReleaseContext,
  template: ChartTemplate,
): Promise<PreparedChart> {
  const { field } = template;
  if (
    template.chart === undefined ||
    template.sourceKind === undefined ||
    template.sourceName === undefined
  ) {
    throw new PlumblineError(
      `${field} names no chart, or no source kind and name`,
      'Give the chart template chart and sourceRef (kind and name).',
    );
  }
  switch (template.sourceKind) {
    case 'HelmRepository': {
      const source = required(
        inputs,
        'HelmRepository',
        template.sourceNamespace,
        template.sourceName,
        `${field}.sourceRef`,
      );
      const repository = recordOf(source.object.spec);
      const url = textOf(repository.url)?.replace(/\/+$/, '');
      const oci = repository.type === 'oci' || url?.startsWith('oci://') === true;
      if (url === undefined || !(oci ? /^oci:\/\//.test(url) : /^https?:\/\//.test(url))) {
        throw new PlumblineError(
          `the HelmRepository at ${source.place} has no spec.url plumbline can fetch from (${oci ? 'oci://' : 'http:// or https://'})`,
          "Give the HelmRepository the repository's address as spec.url.",
        );
      }
      if (template.valuesFiles.length > 0) {
        throw new PlumblineError(
          `${field}.valuesFiles names values files inside a chart from a repository, which plumbline does not read yet`,
          'Move those values into spec.values or spec.valuesFrom of the HelmRelease.',
        );
      }
      return remoteChart(context, url, template.chart, template.version ?? '*');
    }
    case 'GitRepository': {
      if (!inputs.isThisRepository(template.sourceNamespace, template.sourceName)) {
        throw new PlumblineError(
          `${field}.sourceRef names GitRepository ${template.sourceNamespace}/${template.sourceName}, which does not fetch this repository`,
          'plumbline renders charts from this repository, from Helm repositories and from OCI registries.',
        );
      }
      return localChart(context, template);
    }
    case 'Bucket':
      throw new PlumblineError(
        `${field}.sourceRef names a Bucket, which plumbline does not support`,
        'Publish the chart to a Helm repository or an OCI registry, or keep it in this repository.',
      );
    default:
      throw new PlumblineError(
        `${field}.sourceRef names a ${template.sourceKind}, which is no chart source`,
        'Point sourceRef at a HelmRepository, a GitRepository or a Bucket.',
      );
  }
}

async function remoteChart(
  context: RenderContext,
  repository: string,
  name: string,
  version: string,
): Promise<PreparedChart> {
  const fetched: FetchedChart = await context.charts.fetch({ repository, name, version }, 'content');
  const label = `${name}@${fetched.version}`;
  await checkChartArchive(fetched.file, `${name} ${fetched.version} from ${repository}`);
  const provenance: ChartProvenance = { repository, name, version: fetched.version, digest: fetched.digest };
  if (fetched.manifestDigest) provenance.manifestDigest = fetched.manifestDigest;
  return { chart: fetched.file, charts: [provenance], label, valuesFiles: [] };
}

/** A chart folder of this repository, at a path relative to its root. */
async function localChart(context: RenderContext, template: ChartTemplate): Promise<PreparedChart> {
  const path = normaliseFluxPath(template.chart);
  if (path === undefined) {
    throw new PlumblineError(
      `${template.field}.chart leads outside the repository`,
      'Name a chart folder of the repository, relative to its root.',
    );
  }
  if ((await realPathInside(context.boundary, posix.join(path, 'Chart.yaml'))) === undefined) {
    throw new PlumblineError(
      `${template.field}.chart names ${path || '.'}, which holds no Chart.yaml`,
      'Name a chart folder of the repository, relative to its root.',
    );
  }
  await requireChartInside(context.boundary, path);
  const { chart, charts } = await withDependencies(context, path);
  const valuesFiles: string[] = [];
  for (const file of template.valuesFiles) {
    const valuesPath = normaliseFluxPath(file);
    if (valuesPath === undefined) {
      throw new PlumblineError(
        `${template.field}.valuesFiles names a file outside the repository`,
        'Name values files of the repository, relative to its root.',
      );
    }
    if ((await realPathInside(context.boundary, valuesPath)) !== undefined) valuesFiles.push(valuesPath);
    else if (!template.ignoreMissingValuesFiles) {
      throw new PlumblineError(
        `${template.field}.valuesFiles names ${valuesPath}, which does not exist`,
        'Name values files of the repository, relative to its root, or set ignoreMissingValuesFiles.',
      );
    }
  }
  return { chart, charts, label: path || '.', valuesFiles };
}

/** `spec.valuesFrom` as values sources, in order; an optional one that is missing is left out. */
function valuesSources(
  spec: Record<string, unknown>,
  namespace: string,
  inputs: HelmReleaseContext,
): ValuesSource[] {
  const entries = spec.valuesFrom;
  if (entries === undefined || entries === null) return [];
  if (!Array.isArray(entries)) throw new PlumblineError('spec.valuesFrom must be a list');
  const sources: ValuesSource[] = [];
  entries.forEach((item, index) => {
    const field = `spec.valuesFrom[${index}]`;
    const entry = recordOf(item);
    const kind = textOf(entry.kind);
    const name = textOf(entry.name);
    if ((kind !== 'ConfigMap' && kind !== 'Secret') || name === undefined) {
      throw new PlumblineError(
        `${field} names no ConfigMap or Secret by name`,
        'Give each valuesFrom entry kind ConfigMap or Secret and a name.',
      );
    }
    const optional = entry.optional === true;
    const key = textOf(entry.valuesKey) ?? 'values.yaml';
    const source = inputs.find(kind, namespace, name);
    const describe = `${kind} ${namespace}/${name}, key ${key}`;
    if (!source) {
      if (optional) return;
      throw new PlumblineError(
        `${field} names ${kind} ${namespace}/${name}, which neither this environment nor another of its cluster applies from the repository`,
        "Add it to the repository, or to the file of the cluster's objects outside Git (flux.clusterObjects in plumbline.yaml), or mark the entry optional: true if the release does without it.",
      );
    }
    const data = recordOf(source.object.data);
    const value = Object.hasOwn(data, key) ? data[key] : undefined;
    if (typeof value !== 'string') {
      if (optional) return;
      throw new PlumblineError(
        `${field}: ${kind} ${namespace}/${name} (${source.place}) has no key ${key}`,
        'Name a key the object has in valuesKey, or mark the entry optional: true.',
      );
    }
    const targetPath = textOf(entry.targetPath);
    if (targetPath !== undefined) {
      sources.push({
        kind: 'targetPath',
        targetPath,
        value,
        ...(entry.literal === true ? { literal: true } : {}),
        describe,
      });
    } else if (kind === 'ConfigMap') {
      sources.push({ kind: 'document', text: value, describe });
    }
    // A whole values document from a Secret is a masked token here: it is left out.
  });
  return sources;
}

/**
 * Each `spec.postRenderers[].kustomize` in order, as helm-controller's Kustomize post-
 * renderer runs it: the output as the one resource of a kustomization with the patches
 * (inline patch and target only) and images. Undefined when there is none.
 */
async function postRender(
  context: RenderContext,
  spec: Record<string, unknown>,
  rendered: string,
  scratch: string,
): Promise<string | undefined> {
  const renderers = Array.isArray(spec.postRenderers) ? spec.postRenderers : [];
  let text: string | undefined;
  for (const [index, item] of renderers.entries()) {
    const kustomize = recordOf(recordOf(item).kustomize);
    if (recordOf(item).kustomize === undefined) continue;
    const field = `spec.postRenderers[${index}].kustomize`;
    const patches = listOf(kustomize.patches).map((entry, at) => {
      const patch = recordOf(entry);
      if (typeof patch.patch !== 'string') {
        throw new PlumblineError(`${field}.patches[${at}].patch must be a string`);
      }
      const written: Record<string, unknown> = { patch: patch.patch };
      const target = selectorOf(patch.target);
      if (target) written.target = target;
      return written;
    });
    const images = listOf(kustomize.images).map((entry) => {
      const image = recordOf(entry);
      const written: Record<string, string> = {};
      for (const key of ['name', 'newName', 'newTag', 'digest']) {
        const value = textOf(image[key]);
        if (value !== undefined) written[key] = value;
      }
      return written;
    });
    const folder = await mkdtemp(join(scratch, 'post-render-'));
    await writeFile(join(folder, 'helm-output.yaml'), text ?? rendered);
    const kustomization: Record<string, unknown> = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['helm-output.yaml'],
    };
    if (images.length > 0) kustomization.images = images;
    if (patches.length > 0) kustomization.patches = patches;
    await writeFile(join(folder, 'kustomization.yaml'), stringify(kustomization));
    text = await kustomizeBuild(context, folder, [], field, [folder]);
  }
  return text;
}

function selectorOf(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const selector = recordOf(value);
  const written: Record<string, string> = {};
  for (const key of SELECTOR_FIELDS) {
    const item = textOf(selector[key]);
    if (item !== undefined) written[key] = item;
  }
  return written;
}

function required(
  inputs: HelmReleaseContext,
  kind: string,
  namespace: string,
  name: string,
  field: string,
): FluxSource {
  const found = inputs.find(kind, namespace, name);
  if (found) return found;
  throw new PlumblineError(
    `${field} names ${kind} ${namespace}/${name}, which neither this environment nor another of its cluster applies from the repository`,
    `Add the ${kind} to the repository, in a path a Flux Kustomization of the cluster applies.`,
  );
}

function valuesFilesOf(template: Record<string, unknown>): string[] {
  const files = listOf(template.valuesFiles).filter((file): file is string => typeof file === 'string');
  const single = textOf(template.valuesFile);
  return single !== undefined && files.length === 0 ? [single] : files;
}

function valuesOf(value: unknown): Values | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PlumblineError('spec.values must be a mapping', 'Write spec.values as a mapping of values.');
  }
  return value as Values;
}

/** `CHART/templates/x.yaml` of helm's `# Source:` comment, under the chart's label. */
function templatePath(label: string, comment: string | undefined): string {
  const source = comment?.match(/^\s*Source:\s*(\S+)/m)?.[1];
  if (!source) return `${label} (helm template output)`;
  return `${label}/${source.slice(source.indexOf('/') + 1)}`;
}
