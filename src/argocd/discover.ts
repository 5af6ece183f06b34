/**
 * Argo CD Applications a repository defines as plain files, read without a cluster: those
 * with a source in this repository (or a Helm chart) are applications plumbline renders,
 * the others are external, and those it cannot render are problems. ApplicationSets are
 * found but not expanded: that is a later step.
 *
 * An Application is named `<destination cluster>/<metadata.name>`, so that one repository
 * can deploy the same application to many clusters. Its sources are read as Argo CD's
 * controller reads them: `spec.sources` when it has any, else `spec.source`.
 *
 * Whether a source is this repository is decided by `repositoryIdentity`, against the URLs
 * the caller gives (the checkout's `origin` and the aliases the configuration names):
 * `git@host:org/repo` and `https://host/org/repo.git` are one repository.
 *
 * One Application that cannot be rendered never hides the others: each problem names the
 * Application, its file and line. URLs in messages never carry credentials.
 */
import { posix } from 'node:path';
import { repositoryIdentity, withoutCredentials } from '../git/repository-url.js';
import type { KubeObject } from '../resource.js';
import { listOf, recordOf, textOf } from '../yaml/plain-data.js';
import { type ArgoObject, findArgoObjects } from './objects.js';

/** Where an Application that names none lives: Argo CD's control-plane namespace by default. */
const DEFAULT_NAMESPACE = 'argocd';
/** The project Argo CD gives an Application that names none. */
const DEFAULT_PROJECT = 'default';
/** The cluster Argo CD runs in, as Argo CD names it. */
const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
const IN_CLUSTER_NAME = 'in-cluster';
/** The variables Argo CD sets for a render: `$ARGOCD_APP_NAME/…` in a value file is one, not a ref. */
const BUILD_VARIABLE = /^ARGOCD_APP_/;
/** `$name/…` at the start of a path, `name` spelt as Argo CD allows a ref's (`${…}` is a variable). */
const REF_PATH = /^\$([A-Za-z0-9_-]+)\//;

export interface ArgoDestination {
  name?: string;
  server?: string;
  namespace?: string;
}

/** One of an Application's sources, its options copied as plain data. */
export interface ArgoSource {
  /** As written (credentials included, if any: never print it, see `withoutCredentials`). */
  repoURL: string;
  targetRevision?: string;
  /** Repository-relative, posix, normalised, no leading `./`; '' is the repository's root. */
  path?: string;
  chart?: string;
  ref?: string;
  helm?: Record<string, unknown>;
  kustomize?: Record<string, unknown>;
  directory?: Record<string, unknown>;
  plugin?: Record<string, unknown>;
  /** Whether repoURL is this repository (never for a Helm chart). */
  local: boolean;
}

export interface ArgoApplication {
  /** `<cluster>/<metadata.name>`: unique in the repository. */
  name: string;
  /** The destination cluster's part of the name: `destination.name`, `in-cluster` or the server's host. */
  cluster: string;
  file: string;
  line: number;
  /** Where the Application object lives (metadata.namespace, else `argocd`). */
  namespace: string;
  project: string;
  destination: ArgoDestination;
  sources: ArgoSource[];
  /** The Application as written, for what a later step reads (ignoreDifferences, syncPolicy). */
  object: KubeObject;
}

/** An Application none of whose sources is this repository or a Helm chart. */
export interface ArgoExternal {
  name: string;
  file: string;
  line: number;
  reason: string;
}

/** An Application plumbline cannot render (with its name when it has one), or a file that cannot be read. */
export interface ArgoProblem {
  application?: string;
  file: string;
  line: number;
  message: string;
}

export interface ArgoApplicationSet {
  /** metadata.name. */
  name: string;
  file: string;
  line: number;
  /** As written, not expanded. */
  object: KubeObject;
}

export interface ArgoDiscovery {
  /** Sorted by name; none of them has a problem. */
  applications: ArgoApplication[];
  /** Sorted by name. */
  external: ArgoExternal[];
  /** Sorted by file and line. */
  problems: ArgoProblem[];
  /** Sorted by name, then file and line. */
  applicationSets: ArgoApplicationSet[];
}

export interface ArgoDiscoveryOptions {
  /** The URLs of this repository: the checkout's `origin` and the configured aliases. */
  repositoryUrls: readonly string[];
}

export function discoverArgoApplications(repoRoot: string, options: ArgoDiscoveryOptions): ArgoDiscovery {
  const found = findArgoObjects(repoRoot);
  const discovery: ArgoDiscovery = {
    applications: [],
    external: [],
    problems: found.problems.map((problem) => ({ ...problem })),
    applicationSets: [],
  };
  const context: Context = {
    discovery,
    ownRepositories: new Set(options.repositoryUrls.map(repositoryIdentity)),
    named: new Map(),
  };
  for (const definition of found.objects) {
    if (definition.kind === 'Application') readApplication(context, definition);
    else discovery.applicationSets.push(applicationSetOf(definition));
  }
  discovery.applications.sort((a, b) => compare(a.name, b.name));
  discovery.external.sort((a, b) => compare(a.name, b.name));
  discovery.problems.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || compare(a.message, b.message),
  );
  discovery.applicationSets.sort((a, b) => compare(a.name, b.name) || byPlace(a, b));
  return discovery;
}

/**
 * A path as a repository-relative posix path ('' for the root), or undefined when it
 * leads outside. A leading `/` is the repository's root, where Argo CD joins it.
 */
export function normaliseArgoPath(path: string): string | undefined {
  const normal = posix.normalize(path.replace(/^\/+/, '') || '.').replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return normal === '.' ? '' : normal;
}

/**
 * The cluster part of an Application's name: `destination.name`, `in-cluster` for the
 * cluster Argo CD runs in, else the server's host and port. `/` (a cluster named by an
 * EKS ARN has one) and `%` are percent-encoded, so that the name has one `/` only.
 * Undefined when the destination names no cluster, or a server that is not a URL.
 */
export function clusterOf(destination: ArgoDestination): string | undefined {
  if (destination.name !== undefined) return destination.name.replace(/%/g, '%25').replace(/\//g, '%2F');
  if (destination.server === undefined) return undefined;
  if (destination.server.replace(/\/+$/, '') === IN_CLUSTER_SERVER) return IN_CLUSTER_NAME;
  try {
    return new URL(destination.server).host || undefined;
  } catch {
    return undefined;
  }
}

interface Context {
  discovery: ArgoDiscovery;
  /** This repository's URLs, as `repositoryIdentity` gives them. */
  ownRepositories: Set<string>;
  /** The first Application of each name, for the message of a second one. */
  named: Map<string, ArgoObject>;
}

/** A source with where it is written (`spec.source`, `spec.sources[1]`), for messages. */
interface PlacedSource {
  source: ArgoSource;
  where: string;
  /** The source as written, for the checks that read more than the copy keeps. */
  written: Record<string, unknown>;
}

/** Sorts one Application into applications, external or problems. */
function readApplication(context: Context, definition: ArgoObject): void {
  const { discovery } = context;
  const { object, file, line } = definition;
  const spec = recordOf(object.spec);
  const destination = destinationOf(spec.destination);
  const cluster = clusterOf(destination);
  if (cluster === undefined) {
    discovery.problems.push({ file, line, message: destinationProblem(object.metadata.name, destination) });
    return;
  }
  const name = `${cluster}/${object.metadata.name}`;
  const fail = (messages: string[]) => {
    for (const message of messages) discovery.problems.push({ application: name, file, line, message });
  };
  const first = context.named.get(name);
  if (first) {
    fail([`${name} is defined twice: here and at ${first.file}:${first.line}`]);
    return;
  }
  context.named.set(name, definition);

  const read = readSources(spec, context.ownRepositories);
  if ('problems' in read) {
    fail(read.problems);
    return;
  }
  const { sources } = read;
  // Rendered here: a source of this repository, or a chart (fetched by a later step).
  if (sources.every(({ source }) => !source.local && source.chart === undefined)) {
    discovery.external.push({ name, file, line, reason: externalReason(sources) });
    return;
  }
  const problems = sources.flatMap((placed) => sourceProblems(placed, sources));
  if (problems.length > 0) {
    fail(problems);
    return;
  }
  discovery.applications.push({
    name,
    cluster,
    file,
    line,
    namespace: textOf(object.metadata.namespace) ?? DEFAULT_NAMESPACE,
    project: textOf(spec.project) ?? DEFAULT_PROJECT,
    destination,
    sources: sources.map(({ source }) => source),
    object,
  });
}

/** The sources of an Application's spec, or why none can be read. */
function readSources(
  spec: Record<string, unknown>,
  ownRepositories: Set<string>,
): { sources: PlacedSource[] } | { problems: string[] } {
  // With a hydrator, Argo CD deploys the manifests it commits elsewhere, not spec.source.
  if (spec.sourceHydrator !== undefined && spec.sourceHydrator !== null) {
    return { problems: ['spec.sourceHydrator is not supported: Argo CD renders what its hydrator commits'] };
  }
  const written = writtenSources(spec);
  if (written.length === 0) {
    return { problems: ['the Application has no source: set spec.source or spec.sources'] };
  }
  const problems = written.flatMap(({ value, where }) => shapeProblemsOf(value, where));
  if (problems.length > 0) return { problems };
  return { sources: written.map(({ value, where }) => placedSource(value, where, ownRepositories)) };
}

function destinationOf(value: unknown): ArgoDestination {
  const record = recordOf(value);
  const destination: ArgoDestination = {};
  const name = textOf(record.name);
  const server = textOf(record.server);
  const namespace = textOf(record.namespace);
  if (name !== undefined) destination.name = name;
  if (server !== undefined) destination.server = server;
  if (namespace !== undefined) destination.namespace = namespace;
  return destination;
}

function destinationProblem(application: string, destination: ArgoDestination): string {
  return destination.server === undefined
    ? `Application ${application} names no destination cluster: set spec.destination.name or spec.destination.server`
    : `Application ${application}: spec.destination.server is not a URL`;
}

/** `spec.sources` when it holds any (then `spec.source` is ignored, as by Argo CD), else `spec.source`. */
function writtenSources(spec: Record<string, unknown>): Array<{ value: unknown; where: string }> {
  const list = listOf(spec.sources);
  if (list.length > 0) return list.map((value, index) => ({ value, where: `spec.sources[${index}]` }));
  if (spec.source === undefined || spec.source === null) return [];
  return [{ value: spec.source, where: 'spec.source' }];
}

/** The string fields of a source, which the API server would refuse in another type. */
const TEXT_FIELDS = ['repoURL', 'targetRevision', 'path', 'chart', 'ref'] as const;

/** What makes a source unreadable: not a mapping, no repoURL, a field of the wrong type. */
function shapeProblemsOf(value: unknown, where: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [`${where} must be a mapping`];
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  if (textOf(record.repoURL) === undefined) problems.push(`${where} has no repoURL`);
  for (const field of TEXT_FIELDS) {
    const fieldValue = record[field];
    if (fieldValue !== undefined && fieldValue !== null && typeof fieldValue !== 'string') {
      // YAML reads `targetRevision: 1.10` as the number 1.1.
      problems.push(`${where}.${field} must be a string: quote it`);
    }
  }
  return problems;
}

function placedSource(value: unknown, where: string, ownRepositories: Set<string>): PlacedSource {
  const written = recordOf(value);
  const repoURL = textOf(written.repoURL) ?? '';
  const chart = textOf(written.chart);
  // A chart comes from a Helm repository or registry, never from this Git repository.
  const local = chart === undefined && ownRepositories.has(repositoryIdentity(repoURL));
  const source: ArgoSource = { repoURL, local };
  copyText(source, 'targetRevision', written.targetRevision);
  copyText(source, 'chart', chart);
  copyText(source, 'ref', written.ref);
  const path = textOf(written.path);
  if (path !== undefined) {
    const normal = normaliseArgoPath(path);
    // Left out when it leads outside: sourceProblems reports it, and the source is not kept.
    if (normal !== undefined) source.path = normal;
  }
  for (const tool of ['helm', 'kustomize', 'directory', 'plugin'] as const) {
    const options = written[tool];
    if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
      source[tool] = structuredClone(options) as Record<string, unknown>;
    }
  }
  return { source, where, written };
}

function copyText(source: ArgoSource, field: 'targetRevision' | 'chart' | 'ref', value: unknown): void {
  const text = textOf(value);
  if (text !== undefined) source[field] = text;
}

/** Why an Application none of whose sources is this repository is not rendered. */
function externalReason(sources: PlacedSource[]): string {
  const urls = [...new Set(sources.map(({ source }) => withoutCredentials(source.repoURL)))];
  return urls.length === 1
    ? `its source is ${urls[0]}, another repository`
    : `its sources are ${urls.join(', ')}, other repositories`;
}

/** What plumbline cannot render in one source of an Application whose sources are `all`. */
function sourceProblems(placed: PlacedSource, all: PlacedSource[]): string[] {
  const { source, where, written } = placed;
  const problems: string[] = [];
  if (textOf(written.path) !== undefined && source.path === undefined) {
    problems.push(`${where}.path leads outside the repository`);
  }
  if (written.plugin !== undefined && written.plugin !== null) {
    const plugin = textOf(recordOf(written.plugin).name) ?? 'one chosen by discovery';
    problems.push(`${where}: config management plugins are not supported: ${plugin}`);
  }
  if (hasJsonnet(source.directory)) {
    problems.push(`${where}.directory.jsonnet: jsonnet is not supported`);
  }
  const refs = new Set(all.flatMap(({ source: other }) => (other.ref ? [other.ref] : [])));
  for (const [field, name] of unknownRefs(source.helm, refs)) {
    problems.push(`${where}.helm.${field} names $${name}, which no source of the Application defines as ref`);
  }
  return problems;
}

/** Whether `directory.jsonnet` sets anything (tlas, extVars, libs): Argo CD would evaluate jsonnet. */
function hasJsonnet(directory: Record<string, unknown> | undefined): boolean {
  const jsonnet = directory?.jsonnet;
  return jsonnet !== undefined && jsonnet !== null && Object.keys(recordOf(jsonnet)).length > 0;
}

/**
 * The `$name/…` paths of helm value files and file parameters whose name no source
 * defines as `ref`, with where each is written. Argo CD would read such a path as a
 * variable that is empty, i.e. from the repository root: a typo that finds the wrong file.
 */
function unknownRefs(helm: Record<string, unknown> | undefined, refs: Set<string>): Array<[string, string]> {
  if (helm === undefined) return [];
  const paths: Array<[string, unknown]> = [
    ...listOf(helm.valueFiles).map((file, index): [string, unknown] => [`valueFiles[${index}]`, file]),
    ...listOf(helm.fileParameters).map((parameter, index): [string, unknown] => [
      `fileParameters[${index}].path`,
      recordOf(parameter).path,
    ]),
  ];
  const unknown: Array<[string, string]> = [];
  for (const [field, path] of paths) {
    const name = typeof path === 'string' ? REF_PATH.exec(path)?.[1] : undefined;
    if (name !== undefined && !refs.has(name) && !BUILD_VARIABLE.test(name)) unknown.push([field, name]);
  }
  return unknown;
}

function applicationSetOf({ object, file, line }: ArgoObject): ArgoApplicationSet {
  return { name: object.metadata.name, file, line, object };
}

function byPlace(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return compare(a.file, b.file) || a.line - b.line;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
