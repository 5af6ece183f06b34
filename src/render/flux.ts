/**
 * A Flux environment: one Flux Kustomization, rendered as kustomize-controller and then
 * helm-controller would apply it, with no cluster (docs/flux.md).
 *
 * 1. The Kustomization is found again in the checkout being rendered (the same
 *    `<cluster>/<namespace>/<name>` may have another spec at the base and at the head);
 *    discovery runs once per checkout and run. One discovery could not follow fails with
 *    discovery's reason; one this checkout does not apply renders nothing (a change adds
 *    or removes it).
 * 2. Its spec.path is built with its overlay fields (flux-build.ts).
 * 3. postBuild: variables from `spec.postBuild.substituteFrom` (ConfigMaps and Secrets of
 *    the cluster in the Kustomization's namespace, in order; `optional` ones may be
 *    missing; those the repository lacks are asked of RenderContext.clusterObjects, the
 *    cluster's objects outside Git), then `spec.postBuild.substitute`, substituted in
 *    every object that does not opt out (flux/substitute.ts), when there is a postBuild
 *    and a variable or `substituteStrategy: Always`. A Secret's values are masked tokens,
 *    so a Secret value never reaches a plan. A variable used without a default and given nowhere fails the
 *    environment, naming the variable and the object.
 * 4. The labels kustomize-controller sets on what it applies (its owner labels, then
 *    `spec.commonMetadata`).
 * 5. Every HelmRelease in the result is rendered too (flux-helmrelease.ts); it stays in
 *    the result, and its release's objects join it.
 */

import { discoverySettings } from '../config/run-discoveries.js';
import type { EnvironmentConfig } from '../config/types.js';
import { maskSecret } from '../diff/mask.js';
import { PlumblineError } from '../errors.js';
import {
  type FluxDiscovery,
  type FluxEnvironment,
  type FluxProblem,
  fluxSourcesOf,
  isThisRepository,
} from '../flux/discover.js';
import { type FluxKustomizationFacts, kustomizationFacts } from '../flux/live-rules.js';
import { type FluxObject, fluxKindOf, fluxObjectKey } from '../flux/objects.js';
import { substituteVariables } from '../flux/substitute.js';
import type { ChartProvenance } from '../provenance.js';
import { displayName, type KubeObject, type Resource, toResource } from '../resource.js';
import { listOf, recordOf, stringRecord } from '../yaml/plain-data.js';
import type { ClusterObject, ClusterObjectReference, RenderContext } from './context.js';
import { buildFluxPath } from './flux-build.js';
import { type FluxSource, isHelmRelease, renderHelmRelease } from './flux-helmrelease.js';
import { parseManifests } from './parse.js';

const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';

export interface FluxRender {
  resources: Resource[];
  /** The charts the HelmReleases were rendered from. */
  charts: ChartProvenance[];
  /** Whether helm ran (for the capabilities and helm version the report shows). */
  ranHelm: boolean;
  /** What the Kustomization's spec says of applying and pruning; absent when the checkout does not apply it. */
  kustomization?: FluxKustomizationFacts;
}

const NOTHING: FluxRender = { resources: [], charts: [], ranHelm: false };

export async function renderFlux(
  context: RenderContext,
  env: EnvironmentConfig,
  repoRoot: string,
): Promise<FluxRender> {
  const identity = env.flux;
  if (!identity) {
    throw new PlumblineError(
      'the environment has renderer flux but names no Flux Kustomization',
      'Flux environments are discovered: leave the environments out of plumbline.yaml to have them found.',
    );
  }
  const discovery = context.discoveries.flux(repoRoot, discoverySettings(context.settings));
  if (identity.cluster === '') {
    // An environment that stands for a file discovery could not read.
    const problem = discovery.problems.find(
      (candidate) => candidate.environment === undefined && candidate.file === identity.name,
    );
    if (problem) throw problemError(problem);
    return NOTHING;
  }
  const name = `${identity.cluster}/${identity.namespace}/${identity.name}`;
  const problem = discovery.problems.find((candidate) => candidate.environment === name);
  if (problem) throw problemError(problem);
  const found = discovery.environments.find((candidate) => candidate.name === name);
  // Not applied in this checkout: the change adds it, or removes it.
  if (!found) return NOTHING;

  const where = `${found.file}:${found.line}`;
  const spec = specOf(found.object);
  const kustomization = kustomizationFacts(
    { name: found.kustomizationName, namespace: found.namespace },
    spec,
    where,
  );
  const text = await buildFluxPath(context, { path: found.path, spec, where });
  const file = `${found.path || '.'} (kustomize output)`;
  // Secrets are masked once their variables are in: a variable's change must show in a
  // Secret, and an object substitution makes a Secret must not show its values.
  const unmasked = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line) => `${file}:${line}`,
    masking: 'later',
  });
  const objects = new ClusterObjects(fluxSourcesOf(discovery, found.cluster), context.clusterObjects);
  await objects.fetchMissing(substituteFromReferences(spec, found.namespace));
  let resources = postBuild(unmasked, found, where, objects).map(masked);
  resources = withKustomizeLabels(resources, found, spec);
  return { ...(await helmReleases(context, resources, found, discovery, objects)), kustomization };
}

function problemError(problem: FluxProblem): PlumblineError {
  return new PlumblineError(
    `${problem.file}:${problem.line}: ${problem.message}`,
    'Fix the Flux Kustomization there: kustomize-controller could not apply it either.',
  );
}

/**
 * The objects of a Flux cluster that its controllers read (sources, ConfigMaps, Secrets):
 * those its Kustomizations apply from the repository, as written, then those it holds
 * outside Git (the lookup: a file of the trusted configuration, then the live cluster),
 * asked ahead for what the repository lacks, since rendering reads them synchronously.
 */
class ClusterObjects {
  readonly #outside = new Map<string, Promise<ClusterObject | undefined>>();
  readonly #found = new Map<string, ClusterObject>();

  constructor(
    private readonly written: ReadonlyMap<string, FluxObject>,
    private readonly lookup:
      | ((reference: ClusterObjectReference) => Promise<ClusterObject | undefined>)
      | undefined,
  ) {}

  /** Whether objects outside the repository are looked for at all. */
  get looksOutside(): boolean {
    return this.lookup !== undefined;
  }

  /** Asks the lookup for each of `references` the repository lacks. */
  async fetchMissing(references: readonly ClusterObjectReference[]): Promise<void> {
    const lookup = this.lookup;
    if (!lookup) return;
    await Promise.all(
      references.map(async (reference) => {
        const key = fluxObjectKey(reference.kind, reference.namespace, reference.name);
        if (this.written.has(key)) return;
        let pending = this.#outside.get(key);
        if (!pending) {
          pending = lookup(reference);
          this.#outside.set(key, pending);
        }
        const found = await pending;
        if (found) this.#found.set(key, found);
      }),
    );
  }

  find(kind: string, namespace: string, name: string): ClusterObject | undefined {
    const key = fluxObjectKey(kind, namespace, name);
    const written = this.written.get(key);
    if (written) return { object: written.object, place: `${written.file}:${written.line}` };
    return this.#found.get(key);
  }
}

/** The ConfigMaps and Secrets `spec.postBuild.substituteFrom` names (malformed entries fail later). */
function substituteFromReferences(
  spec: Record<string, unknown>,
  namespace: string,
): ClusterObjectReference[] {
  return referencesIn(recordOf(spec.postBuild).substituteFrom, namespace);
}

/** The well-formed ConfigMap and Secret references of a `substituteFrom` or `valuesFrom` list. */
function referencesIn(list: unknown, namespace: string): ClusterObjectReference[] {
  const references: ClusterObjectReference[] = [];
  for (const item of listOf(list)) {
    const { kind, name } = recordOf(item);
    if ((kind === 'ConfigMap' || kind === 'Secret') && typeof name === 'string' && name !== '')
      references.push({ kind, namespace, name });
  }
  return references;
}

function postBuild(
  resources: Resource[],
  found: FluxEnvironment,
  where: string,
  objects: ClusterObjects,
): Resource[] {
  const spec = specOf(found.object);
  const postBuildSpec = spec.postBuild;
  if (postBuildSpec === undefined || postBuildSpec === null) return resources;
  const settings = recordOf(postBuildSpec);
  const variables = new Map<string, string>();
  listOf(settings.substituteFrom).forEach((item, index) => {
    const field = `spec.postBuild.substituteFrom[${index}]`;
    const reference = recordOf(item);
    const kind = reference.kind;
    const name = reference.name;
    if ((kind !== 'ConfigMap' && kind !== 'Secret') || typeof name !== 'string' || name === '') {
      throw new PlumblineError(
        `${where}: ${field} names no ConfigMap or Secret by name`,
        'Give each substituteFrom entry kind ConfigMap or Secret and a name.',
      );
    }
    const source = objects.find(kind, found.namespace, name);
    if (!source) {
      if (reference.optional === true) return;
      throw new PlumblineError(
        `${where}: ${field} names ${kind} ${found.namespace}/${name}, which no Kustomization of cluster ${found.cluster} applies from the repository${objects.looksOutside ? ', nor does the cluster hold it outside Git' : ''}`,
        `Add it to the repository where a Flux Kustomization of the cluster applies it, or to the file of the cluster's objects outside Git (flux.clusterObjects.${found.cluster} in plumbline.yaml), or mark the entry optional: true.`,
      );
    }
    for (const [key, value] of Object.entries(recordOf(source.object.data))) {
      if (typeof value === 'string') variables.set(key, value.replaceAll('\n', ''));
    }
  });
  for (const [key, value] of Object.entries(recordOf(settings.substitute))) {
    if (typeof value !== 'string') {
      throw new PlumblineError(
        `${where}: spec.postBuild.substitute has a value that is not a string`,
        'Quote the value: Flux takes only strings as variables.',
      );
    }
    variables.set(key, value.replaceAll('\n', ''));
  }
  if (variables.size === 0 && settings.substituteStrategy !== 'Always') return resources;

  const unresolved: string[] = [];
  const substituted = resources.map((resource) => {
    let result: ReturnType<typeof substituteVariables>;
    try {
      result = substituteVariables(resource.object, variables);
    } catch (error) {
      if (!(error instanceof PlumblineError)) throw error;
      throw new PlumblineError(`${where}: spec.postBuild: ${error.message}`, error.hint, { cause: error });
    }
    if (result.unresolved.length > 0) {
      unresolved.push(`${result.unresolved.join(', ')} in ${displayName(resource.id)} (${place(resource)})`);
    }
    return result.value === resource.object
      ? resource
      : toResource(result.value as KubeObject, resource.source);
  });
  if (unresolved.length > 0) {
    throw new PlumblineError(
      `${where}: spec.postBuild: variables without a value or a default: ${unresolved.join('; ')}`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Flux's variable syntax, not a template
      'Define each in spec.postBuild.substitute or in a ConfigMap or Secret that spec.postBuild.substituteFrom names, or give it a default (${name:=default}); kustomize-controller fails the build as well.',
    );
  }
  return substituted;
}

/** The owner labels kustomize-controller sets, then `spec.commonMetadata` over them. */
function withKustomizeLabels(
  resources: Resource[],
  found: FluxEnvironment,
  spec: Record<string, unknown>,
): Resource[] {
  const common = recordOf(spec.commonMetadata);
  const labels = {
    [`${KUSTOMIZE_GROUP}/name`]: found.kustomizationName,
    [`${KUSTOMIZE_GROUP}/namespace`]: found.namespace,
    ...stringRecord(common.labels),
  };
  const annotations = stringRecord(common.annotations);
  return resources.map((resource) => {
    const metadata = {
      ...resource.object.metadata,
      labels: { ...resource.object.metadata.labels, ...labels },
    };
    if (Object.keys(annotations).length > 0)
      metadata.annotations = { ...metadata.annotations, ...annotations };
    return toResource({ ...resource.object, metadata }, resource.source);
  });
}

async function helmReleases(
  context: RenderContext,
  resources: Resource[],
  found: FluxEnvironment,
  discovery: FluxDiscovery,
  objects: ClusterObjects,
): Promise<FluxRender> {
  const releases = resources.filter((resource) => isHelmRelease(resource.object));
  if (releases.length === 0) return { resources, charts: [], ranHelm: false };

  // What this render holds comes first: it is what the cluster will hold, generated names
  // and substituted values included. The cluster's other objects are as written.
  const rendered = new Map<string, FluxSource>();
  for (const resource of resources) {
    const kind = fluxKindOf(resource.object);
    if (kind === undefined || kind === 'Kustomization' || kind === 'HelmRelease') continue;
    const namespace = resource.object.metadata.namespace ?? found.namespace;
    const key = fluxObjectKey(kind, namespace, resource.object.metadata.name);
    if (!rendered.has(key)) rendered.set(key, { object: resource.object, place: place(resource) });
  }
  const find = (kind: string, namespace: string, name: string): FluxSource | undefined =>
    rendered.get(fluxObjectKey(kind, namespace, name)) ?? objects.find(kind, namespace, name);
  // valuesFrom the render and the repository lack may be in the cluster, outside Git.
  await objects.fetchMissing(
    releases.flatMap((release) =>
      referencesIn(
        recordOf(release.object.spec).valuesFrom,
        release.object.metadata.namespace ?? found.namespace,
      ).filter(
        (reference) => !rendered.has(fluxObjectKey(reference.kind, reference.namespace, reference.name)),
      ),
    ),
  );
  const written = discovery.clusters.get(found.cluster)?.objects ?? [];

  const all = [...resources];
  const charts: ChartProvenance[] = [];
  for (const release of releases) {
    const namespace = release.object.metadata.namespace ?? found.namespace;
    // Where the HelmRelease is written, when the build kept its name; else where it is in
    // the build's output.
    const origin = written.find(
      (object) =>
        object.kind === 'HelmRelease' &&
        object.object.metadata.name === release.object.metadata.name &&
        (object.namespace ?? found.namespace) === namespace,
    );
    const installed = await renderHelmRelease(context, release.object, {
      find,
      isThisRepository: (sourceNamespace, sourceName) =>
        isThisRepository(discovery, found.cluster, sourceNamespace, sourceName),
      place: origin ? `${origin.file}:${origin.line}` : place(release),
      namespace: found.namespace,
    });
    all.push(...installed.resources);
    charts.push(...installed.charts);
  }
  return { resources: all, charts, ranHelm: true };
}

function place(resource: Resource): string {
  return resource.source.line === undefined
    ? resource.source.file
    : `${resource.source.file}:${resource.source.line}`;
}

function specOf(object: KubeObject): Record<string, unknown> {
  return recordOf(object.spec);
}

function masked(resource: Resource): Resource {
  const object = maskSecret(resource.object);
  return object === resource.object ? resource : toResource(object, resource.source);
}
