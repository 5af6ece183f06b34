/**
 * Flux environments: every Flux Kustomization a cluster applies from this repository, found
 * by following `spec.path` from the cluster's bootstrap the way kustomize-controller
 * would, without running it.
 *
 * A cluster is a folder under clusters/ (or, when none holds a Kustomization to start
 * from, the whole repository as the cluster `default`). Its roots are its bootstrap
 * Kustomizations: those whose `spec.path` holds their own file and whose source is a
 * GitRepository (`flux bootstrap` writes `flux-system`, path ./clusters/<cluster>). That
 * GitRepository, any other with the same URL, and any whose URL the configuration names
 * (RenderSettings.repositoryUrls: the checkout's origin, a mirror, another host) is this
 * repository. A Kustomization
 * found in a followed path whose source is this repository is an environment and is
 * followed in turn; one whose source is another repository, an OCIRepository or a Bucket
 * is external. Without a bootstrap, every Kustomization in the cluster's folder whose
 * source is the GitRepository `flux-system/flux-system` (bootstrap's name, defined in the
 * cluster rather than the repository) is a root. A Kustomization no root reaches is not
 * applied by Flux, and is no environment.
 *
 * Namespaces: Flux objects are namespaced. For one that names none, plumbline takes the
 * namespace of the Kustomization whose path holds it, so that one cluster's names do not
 * depend on a default set elsewhere; `spec.targetNamespace` of that Kustomization and a
 * kustomization's `namespace:` on the way override any, as kustomize does. A root that
 * names none is in `flux-system`, where bootstrap puts it.
 *
 * A Kustomization that cannot be followed (its path missing, outside the repository or
 * unreadable, its name defined twice in a cluster, its path and another's holding each
 * other) is a problem with its environment's name, so that only it fails.
 */
import { type Dirent, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { repositoryIdentity } from '../git/repository-url.js';
import type { KubeObject } from '../resource.js';
import { textOf } from '../yaml/plain-data.js';
import {
  type FluxObject,
  type FluxObjectSet,
  type FluxReads,
  fluxKindOf,
  fluxObjectKey,
  fluxReads,
  isInsideRepository,
  readFluxFile,
  readFluxObjects,
} from './objects.js';

const CLUSTERS_FOLDER = 'clusters';
/** The cluster of a repository whose clusters/ folder starts no Kustomization. */
const DEFAULT_CLUSTER = 'default';
const BOOTSTRAP_NAMESPACE = 'flux-system';
const BOOTSTRAP_SOURCE = fluxObjectKey('GitRepository', BOOTSTRAP_NAMESPACE, 'flux-system');

export interface FluxEnvironment {
  /** `<cluster>/<namespace>/<name>`: unique in the repository. */
  name: string;
  cluster: string;
  namespace: string;
  kustomizationName: string;
  /** spec.path: repository-relative, posix, no leading `./`; '' is the repository root. */
  path: string;
  /** Where the Kustomization is written. */
  file: string;
  line: number;
  /** The environment whose path holds this one; absent for a root. */
  parent?: string;
  /** The Kustomization as written, for what a renderer applies (targetNamespace, postBuild, patches). */
  object: KubeObject;
}

/** A Kustomization of a cluster whose source is not this repository. */
export interface FluxExternal {
  name: string;
  file: string;
  line: number;
  reason: string;
}

/** A Kustomization that cannot be followed (with its environment's name), or a file that cannot be read. */
export interface FluxProblem {
  environment?: string;
  file: string;
  line: number;
  message: string;
}

export interface FluxDiscovery {
  /** Sorted by name; none of them has a problem. */
  environments: FluxEnvironment[];
  /** Sorted by name. */
  external: FluxExternal[];
  problems: FluxProblem[];
  /**
   * Per cluster, every Flux object its environments' paths hold, each with the namespace
   * it is applied to, and every file read.
   */
  clusters: Map<string, FluxObjectSet>;
  /**
   * Per cluster, the keys (`fluxObjectKey`) of the GitRepositories that fetch this
   * repository: the bootstraps' own, and any other with the same URL.
   */
  repositories: Map<string, Set<string>>;
}

/** Whether the GitRepository `namespace/name` of `cluster` fetches this repository. */
export function isThisRepository(
  discovery: FluxDiscovery,
  cluster: string,
  namespace: string,
  name: string,
): boolean {
  return discovery.repositories.get(cluster)?.has(fluxObjectKey('GitRepository', namespace, name)) ?? false;
}

/**
 * The sources, ConfigMaps and Secrets a cluster's environments apply, by
 * `fluxObjectKey(kind, namespace, name)`: what a HelmRelease's chart or valuesFrom names.
 * The first of two with one key wins, as the first applied does.
 */
export function fluxSourcesOf(discovery: FluxDiscovery, cluster: string): Map<string, FluxObject> {
  const sources = new Map<string, FluxObject>();
  for (const found of discovery.clusters.get(cluster)?.objects ?? []) {
    if (found.kind === 'Kustomization' || found.kind === 'HelmRelease') continue;
    const key = fluxObjectKey(found.kind, found.namespace, found.object.metadata.name);
    if (!sources.has(key)) sources.set(key, found);
  }
  return sources;
}

/** The hosts of every cluster's HelmRepository and OCIRepository URLs, sorted. */
export function fluxSourceHosts(discovery: FluxDiscovery): string[] {
  return sourceHostsOf(
    [...discovery.clusters.values()].flatMap((set) => set.objects.map((found) => found.object)),
  );
}

/** The hosts of the HelmRepository and OCIRepository URLs among `objects`, sorted. */
export function sourceHostsOf(objects: readonly KubeObject[]): string[] {
  const hosts = new Set<string>();
  for (const object of objects) {
    const kind = fluxKindOf(object);
    if (kind !== 'HelmRepository' && kind !== 'OCIRepository') continue;
    const url = (object.spec as { url?: unknown } | undefined)?.url;
    if (typeof url !== 'string') continue;
    try {
      hosts.add(new URL(url.replace(/^oci:/, 'https:')).host);
    } catch {
      // Not a URL: its HelmRelease fails when rendered, naming it.
    }
  }
  return [...hosts].sort();
}

/**
 * spec.path as a repository-relative posix path ('' for the root), or undefined when it
 * leads outside. A leading `/` is the source's root, as kustomize-controller joins it.
 */
export function normaliseFluxPath(path: unknown): string | undefined {
  const text = typeof path === 'string' ? path.replace(/^\/+/, '') : '';
  const normal = posix.normalize(text === '' ? '.' : text).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return normal === '.' ? '' : normal;
}

/**
 * `repositoryUrls`: Git URLs that fetch this repository besides the bootstraps' (the
 * checkout's origin and the trusted configuration's `repositoryUrls`), in any of the forms
 * `repositoryIdentity` equates.
 */
export function discoverFluxEnvironments(
  repoRoot: string,
  repositoryUrls: readonly string[] = [],
): FluxDiscovery {
  const realRoot = realpathSync.native(repoRoot);
  const discovery: FluxDiscovery = {
    environments: [],
    external: [],
    problems: [],
    clusters: new Map(),
    repositories: new Map(),
  };
  const context: Context = {
    repoRoot,
    realRoot,
    reads: fluxReads(),
    discovery,
    scanProblems: [],
    aliases: new Set(repositoryUrls.map(repositoryIdentity)),
  };
  let rooted = false;
  for (const cluster of clusterFolders(context)) {
    rooted = followCluster(context, cluster, `${CLUSTERS_FOLDER}/${cluster}`) || rooted;
  }
  if (!rooted) followCluster(context, DEFAULT_CLUSTER, '');

  // A file that fails an environment is reported with it, not again as unreadable.
  const reported = new Set(discovery.problems.map((problem) => problem.message));
  const unread = new Map<string, FluxProblem>();
  for (const problem of context.scanProblems) {
    if (![...reported].some((message) => message.includes(problem.message))) {
      unread.set(problem.message, problem);
    }
  }
  discovery.problems.push(...unread.values());
  discovery.environments.sort((a, b) => compare(a.name, b.name));
  discovery.external.sort((a, b) => compare(a.name, b.name));
  discovery.problems.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
  return discovery;
}

interface Context {
  repoRoot: string;
  realRoot: string;
  reads: FluxReads;
  discovery: FluxDiscovery;
  /** Files the search for roots could not read; most fail an environment too. */
  scanProblems: FluxProblem[];
  /** The configured URLs of this repository, as `repositoryIdentity` gives them. */
  aliases: Set<string>;
}

/** What a Kustomization's spec.sourceRef names. */
interface Source {
  kind: string;
  namespace: string;
  name: string;
}

/** A Kustomization met while following a cluster. */
interface Found {
  name: string;
  namespace: string;
  definition: FluxObject;
  parent?: Found;
  /** Set when it is an environment to follow. */
  path?: string;
}

/** Follows one cluster; false when its folder holds no Kustomization to start from. */
function followCluster(context: Context, cluster: string, folder: string): boolean {
  const scanned = scanForRoots(context, folder);
  const kustomizations = scanned.filter((found) => found.kind === 'Kustomization');
  const rootNamespace = (found: FluxObject) => found.namespace ?? BOOTSTRAP_NAMESPACE;
  const bootstraps = kustomizations.filter((found) => {
    const path = normaliseFluxPath(specOf(found.object).path);
    return (
      sourceOf(found.object, rootNamespace(found))?.kind === 'GitRepository' &&
      path !== undefined &&
      (path === '' || found.file.startsWith(`${path}/`))
    );
  });

  // This repository: the bootstraps' GitRepositories, and any other fetching the same URL.
  const ours = new Set(
    bootstraps.length > 0
      ? bootstraps.map((found) => sourceKey(sourceOf(found.object, rootNamespace(found))!))
      : [BOOTSTRAP_SOURCE],
  );
  const urls = new Map<string, string>();
  const learnUrls = <T extends FluxObject>(objects: T[], namespaceOf: (found: T) => string) => {
    for (const found of objects) {
      const url = specOf(found.object).url;
      if (found.kind !== 'GitRepository' || typeof url !== 'string') continue;
      urls.set(
        fluxObjectKey('GitRepository', namespaceOf(found), found.object.metadata.name),
        repositoryIdentity(url),
      );
    }
  };
  learnUrls(scanned, rootNamespace);
  const isOurs = (source: Source) => {
    if (source.kind !== 'GitRepository') return false;
    const key = sourceKey(source);
    const url = urls.get(key);
    if (ours.has(key)) return true;
    if (url === undefined) return false;
    if (!context.aliases.has(url) && ![...ours].some((known) => urls.get(known) === url)) return false;
    ours.add(key);
    return true;
  };

  const roots =
    bootstraps.length > 0
      ? bootstraps
      : kustomizations.filter((found) => {
          const source = sourceOf(found.object, rootNamespace(found));
          return source !== undefined && isOurs(source);
        });
  if (roots.length === 0) return false;

  const { discovery } = context;
  const seen = new Map<string, Found>();
  const failed = new Set<string>();
  const holds = new Map<string, Set<string>>();
  const queue: Found[] = [];
  const objects: FluxObject[] = [];
  const placed = new Set<string>();
  const files = new Set<string>();
  const told = new Set<string>();
  const fail = (found: Found, message: string) => {
    failed.add(found.name);
    // A second definition met through two paths is one problem.
    const key = `${found.definition.file}:${found.definition.line}:${message}`;
    if (told.has(key)) return;
    told.add(key);
    discovery.problems.push({
      environment: found.name,
      file: found.definition.file,
      line: found.definition.line,
      message,
    });
  };

  const meet = (definition: FluxObject, namespace: string, parent?: Found) => {
    // A bootstrap's path holds the bootstrap itself: Flux keeps its own sync up to date.
    if (parent && sameDefinition(parent.definition, definition)) return;
    const name = `${cluster}/${namespace}/${definition.object.metadata.name}`;
    if (parent) holds.set(parent.name, (holds.get(parent.name) ?? new Set()).add(name));
    const earlier = seen.get(name);
    if (earlier) {
      if (!sameDefinition(earlier.definition, definition)) {
        const found: Found = { name, namespace, definition };
        fail(
          found,
          `${name} is defined twice in the cluster: here and at ${earlier.definition.file}:${earlier.definition.line}`,
        );
      }
      return;
    }
    const found: Found = parent ? { name, namespace, definition, parent } : { name, namespace, definition };
    seen.set(name, found);
    const source = sourceOf(definition.object, namespace);
    if (source === undefined) {
      fail(found, 'spec.sourceRef names no source kind and name');
      return;
    }
    if (!isOurs(source)) {
      const reason = externalReason(source, urls);
      discovery.external.push({ name, file: definition.file, line: definition.line, reason });
      return;
    }
    const path = normaliseFluxPath(specOf(definition.object).path);
    if (path === undefined) {
      fail(found, 'spec.path leads outside the repository');
      return;
    }
    found.path = path;
    queue.push(found);
  };

  for (const root of roots.sort(byPlace)) meet(root, rootNamespace(root));
  for (let index = 0; index < queue.length; index += 1) {
    const found = queue[index]!;
    let set: FluxObjectSet;
    try {
      set = readFluxObjects(context.repoRoot, found.path!, context.reads);
    } catch (error) {
      fail(found, `cannot read spec.path: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    // kustomize-controller sets spec.targetNamespace on everything it applies.
    const target = textOf(specOf(found.definition.object).targetNamespace);
    const applied = set.objects.map((object) => ({
      ...object,
      namespace: target ?? object.namespace ?? found.namespace,
    }));
    for (const object of applied) {
      const key = `${object.file}:${object.line}:${object.namespace}`;
      if (placed.has(key)) continue;
      placed.add(key);
      objects.push(object);
    }
    for (const file of set.files) files.add(file);
    learnUrls(applied, (object) => object.namespace);
    for (const object of applied) {
      if (object.kind === 'Kustomization') meet(object, object.namespace, found);
    }
  }

  for (const cycle of cycles(holds)) {
    const members = [...cycle].sort();
    for (const name of members) {
      fail(seen.get(name)!, `Kustomizations whose paths hold each other: ${members.join(', ')}`);
    }
  }
  for (const found of queue) {
    if (failed.has(found.name)) continue;
    const { definition } = found;
    const environment: FluxEnvironment = {
      name: found.name,
      cluster,
      namespace: found.namespace,
      kustomizationName: definition.object.metadata.name,
      path: found.path!,
      file: definition.file,
      line: definition.line,
      object: definition.object,
    };
    if (found.parent) environment.parent = found.parent.name;
    discovery.environments.push(environment);
  }
  discovery.clusters.set(cluster, { objects, files: [...files].sort() });
  for (const key of urls.keys()) {
    const [, namespace = '', name = ''] = key.split('/');
    isOurs({ kind: 'GitRepository', namespace, name });
  }
  discovery.repositories.set(cluster, ours);
  return true;
}

/** Why a Kustomization whose source is not this repository is not an environment. */
function externalReason(source: Source, urls: Map<string, string>): string {
  const named = `${source.kind} ${source.namespace}/${source.name}`;
  if (source.kind !== 'GitRepository') return `its source is the ${named}, not this repository`;
  return urls.has(sourceKey(source))
    ? `its source is the ${named}, which fetches another repository (if it is this one by another URL, list that URL in repositoryUrls)`
    : `its source is the ${named}, which this repository does not define`;
}

/**
 * The Kustomizations and GitRepositories of every YAML file below `folder`, kustomization
 * or not: the bootstrap's own files are found whatever a kustomization lists. Links are not
 * followed, and neither Helm charts nor files that do not mention Flux are parsed, so a
 * whole repository (charts, values files) can be searched.
 */
function scanForRoots(context: Context, folder: string): FluxObject[] {
  const found: FluxObject[] = [];
  const walk = (relativeFolder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(context.realRoot, relativeFolder), { withFileTypes: true });
    } catch {
      return;
    }
    // A chart's templates are not manifests until helm renders them.
    if (entries.some((entry) => entry.name === 'Chart.yaml')) return;
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      const path = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
        continue;
      }
      const kustomization = (KUSTOMIZATION_FILES as readonly string[]).includes(entry.name);
      if (!entry.isFile() || kustomization || !/\.ya?ml$/.test(entry.name)) continue;
      if (!readFileSync(join(context.realRoot, path), 'utf8').includes('toolkit.fluxcd.io')) continue;
      try {
        const objects = readFluxFile(context.repoRoot, path, context.reads);
        found.push(
          ...objects.filter((object) => object.kind === 'Kustomization' || object.kind === 'GitRepository'),
        );
      } catch (error) {
        context.scanProblems.push({
          file: path,
          line: 1,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };
  // clusters/ or a cluster may be a link: its real folder must be in the repository.
  let real: string;
  try {
    real = realpathSync.native(join(context.realRoot, folder));
  } catch {
    return [];
  }
  if (!isInsideRepository(context.realRoot, real)) {
    context.scanProblems.push(leadsOutside(folder));
    return [];
  }
  walk(relative(context.realRoot, real).split(sep).join('/'));
  return found;
}

function clusterFolders(context: Context): string[] {
  let entries: Dirent[];
  try {
    // clusters/ may be a link: only a folder inside the repository is listed.
    const real = realpathSync.native(join(context.realRoot, CLUSTERS_FOLDER));
    if (!isInsideRepository(context.realRoot, real)) {
      context.scanProblems.push(leadsOutside(CLUSTERS_FOLDER));
      return [];
    }
    entries = readdirSync(real, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
    .map((entry) => entry.name)
    .sort(compare);
}

function leadsOutside(folder: string): FluxProblem {
  return { file: folder, line: 1, message: `${folder} leads outside the repository` };
}

/**
 * The Kustomizations on a cycle of `holds` (whose path holds whom), one set per cycle:
 * Tarjan's strongly connected components with more than one member.
 */
function cycles(holds: Map<string, Set<string>>): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: Set<string>[] = [];
  const visit = (name: string) => {
    index.set(name, index.size);
    low.set(name, index.get(name)!);
    stack.push(name);
    onStack.add(name);
    for (const next of holds.get(name) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(name, Math.min(low.get(name)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(name, Math.min(low.get(name)!, index.get(next)!));
      }
    }
    if (low.get(name) !== index.get(name)) return;
    const component = new Set<string>();
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
    } while (member !== name);
    if (component.size > 1) found.push(component);
  };
  for (const name of [...holds.keys()].sort()) if (!index.has(name)) visit(name);
  return found;
}

function specOf(object: KubeObject): Record<string, unknown> {
  const spec = object.spec;
  return spec !== null && typeof spec === 'object' && !Array.isArray(spec)
    ? (spec as Record<string, unknown>)
    : {};
}

/** spec.sourceRef, its namespace defaulting to the Kustomization's own, as Flux's does. */
function sourceOf(object: KubeObject, namespace: string): Source | undefined {
  const ref = specOf(object).sourceRef as Record<string, unknown> | null | undefined;
  if (ref === null || typeof ref !== 'object') return undefined;
  const kind = textOf(ref.kind);
  const name = textOf(ref.name);
  if (kind === undefined || name === undefined) return undefined;
  return { kind, name, namespace: textOf(ref.namespace) ?? namespace };
}

function sourceKey(source: Source): string {
  return fluxObjectKey(source.kind, source.namespace, source.name);
}

function sameDefinition(a: FluxObject, b: FluxObject): boolean {
  return a.file === b.file && a.line === b.line;
}

function byPlace(a: FluxObject, b: FluxObject): number {
  return compare(a.file, b.file) || a.line - b.line;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
