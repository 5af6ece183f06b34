/**
 * Loads the repository's configuration: plumbline.yaml (or .yml) at the root, validated,
 * with defaults filled in; without one, the environments found by discovery.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';
import { argoChartHosts } from '../argocd/chart-source.js';
import type { ArgoDiscovery } from '../argocd/discover.js';
import { findArgoObjects } from '../argocd/objects.js';
import { PlumblineError } from '../errors.js';
import { discoverFluxEnvironments, type FluxDiscovery, fluxSourceHosts } from '../flux/discover.js';
import { DISCOVERY_ROOTS, discoverEnvironments } from './discover.js';
import { parseConfigText, renderSettings, type WrittenConfig } from './parse.js';
import { ConfigError, type ConfigProblem } from './problems.js';
import { discoverySettings, RunDiscoveries } from './run-discoveries.js';
import type { DiscoverySettings, EnvironmentConfig, PlumblineConfig, PromoteSettings } from './types.js';

export const CONFIG_FILES = ['plumbline.yaml', 'plumbline.yml'] as const;

/** A configuration file's name and text, as one revision holds it. */
export interface ConfigSource {
  file: string;
  text: string;
}

/**
 * The configuration of the checkout at `repoRoot`, its folders checked. This repository's
 * URLs (RenderSettings.repositoryUrls) are `origin` (the checkout's remote: see
 * git/repository.ts originUrls) and those the file names.
 */
export async function loadConfig(
  repoRoot: string,
  origin: readonly string[] = [],
  /** The run's discoveries (one that follows app-of-apps charts, see run-discoveries.ts). */
  discoveries: RunDiscoveries = new RunDiscoveries(),
): Promise<PlumblineConfig> {
  return withOwnSourceHosts(repoRoot, await checkoutConfig(repoRoot, origin, discoveries));
}

/**
 * The chart source hosts a Flux or Argo CD checkout names itself (see
 * RenderSettings.sourceHosts): loadConfig reads a checkout that is trusted (a plan without
 * a base, drift, promote), so its own HelmRepositories, OCIRepositories and Applications'
 * chart sources may be reached.
 */
function withOwnSourceHosts(repoRoot: string, config: PlumblineConfig): PlumblineConfig {
  const renderers = new Set(config.environments.map((environment) => environment.renderer));
  if (!renderers.has('flux') && !renderers.has('argocd')) return config;
  const sourceHosts = renderers.has('flux')
    ? fluxSourceHosts(discoverFluxEnvironments(repoRoot, config.render.repositoryUrls))
    : argoChartHosts(findArgoObjects(repoRoot).objects.map((found) => found.object));
  return sourceHosts.length === 0 ? config : { ...config, render: { ...config.render, sourceHosts } };
}

async function checkoutConfig(
  repoRoot: string,
  origin: readonly string[],
  discoveries: RunDiscoveries,
): Promise<PlumblineConfig> {
  const source = await readConfigFile(repoRoot);
  if (!source) {
    const config = await withDiscoveredEnvironments(
      repoRoot,
      undefined,
      [],
      checkoutDiscovery(repoRoot, { repositoryUrls: origin }, discoveries),
    );
    if (origin.length > 0) config.render.repositoryUrls = [...origin];
    return config;
  }

  const parsed = parseConfigText(source.text, source.file);
  if (!parsed.config) throw new ConfigError(parsed.problems);
  const { config } = parsed;
  const repositoryUrls = [...origin, ...(config.render.repositoryUrls ?? [])];
  if (repositoryUrls.length > 0) config.render.repositoryUrls = repositoryUrls;
  if (!config.environments) {
    return withDiscoveredEnvironments(
      repoRoot,
      config,
      [],
      checkoutDiscovery(repoRoot, discoverySettings(config.render), discoveries),
    );
  }

  const problems: ConfigProblem[] = [];
  for (const [index, environment] of config.environments.entries()) {
    const problem = await checkFolders(repoRoot, environment);
    if (!problem) continue;
    const { segments, ...described } = problem;
    problems.push({
      file: source.file,
      ...parsed.locate(['environments', index, ...segments]),
      ...described,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return listed(config, config.environments);
}

/**
 * The configuration another revision holds (the trusted base of a change), applied to the
 * checkout at `repoRoot`: environments it does not list are discovered there. Its folders
 * are not checked against this checkout; an environment whose folder the change removed
 * fails alone when it is rendered.
 */
export async function loadConfigFrom(
  source: ConfigSource | undefined,
  repoRoot: string,
  /**
   * Environments discovered in another checkout (the base's), planned too when the file
   * lists none: an environment a change removes is still planned, as the deletion of
   * everything it held.
   */
  alsoDiscovered: readonly EnvironmentConfig[] = [],
  /**
   * What discovery found at `repoRoot` already, if it was asked there before (with the
   * `repositoryUrls` of `source`).
   */
  here?: CheckoutDiscovery,
): Promise<PlumblineConfig> {
  if (!source) return withDiscoveredEnvironments(repoRoot, undefined, alsoDiscovered, here);
  const parsed = parseConfigText(source.text, source.file);
  if (!parsed.config) throw new ConfigError(parsed.problems);
  const { config } = parsed;
  if (!config.environments) return withDiscoveredEnvironments(repoRoot, config, alsoDiscovered, here);
  return listed(config, config.environments);
}

/** The configuration with the environments it lists (settings for discovered ones do not apply). */
function listed(written: WrittenConfig, environments: EnvironmentConfig[]): PlumblineConfig {
  const { fluxClusters, fluxPromote, argocdContexts, argocdPromote, ...config } = written;
  return { ...config, environments };
}

/**
 * The configuration file of the checkout, if any. A link is followed only when it stays
 * inside the repository: its target's content is never read, so an error cannot show it.
 */
export async function readConfigFile(repoRoot: string): Promise<ConfigSource | undefined> {
  const file = await findConfigFile(repoRoot);
  if (!file) return undefined;
  const path = join(repoRoot, file);
  if ((await lstat(path)).isSymbolicLink()) {
    const [real, top] = await Promise.all([realpath(path), realpath(repoRoot)]);
    if (!real.startsWith(`${top}${sep}`)) {
      throw new PlumblineError(
        `${file} is a symbolic link that leads outside the repository`,
        `Replace ${file} with the configuration file itself.`,
      );
    }
  }
  return { file, text: await readFile(path, 'utf8') };
}

async function findConfigFile(repoRoot: string): Promise<string | undefined> {
  const present: string[] = [];
  for (const name of CONFIG_FILES) if (await isFileOrLink(join(repoRoot, name))) present.push(name);
  if (present.length > 1) {
    throw new PlumblineError(
      `Both ${present.join(' and ')} exist in ${repoRoot}`,
      'Keep one of them; plumbline will not guess which one you meant.',
    );
  }
  return present[0];
}

/** A file, or a link (checked before it is followed); lstat so a link is never read here. */
async function isFileOrLink(path: string): Promise<boolean> {
  return lstat(path).then(
    (stats) => stats.isFile() || stats.isSymbolicLink(),
    () => false,
  );
}

/**
 * The environments of a checkout without a list of them: a Flux repository's (one per Flux
 * Kustomization its clusters apply, see flux/discover.ts), else an Argo CD repository's
 * (one per Application with a source in this repository, see argocd/discover.ts), else
 * the conventional folders' (discover.ts). A GitOps repository gets no conventional ones:
 * they would make its bootstrap folder (clusters/<cluster>/flux-system) or the folders its
 * Applications render environments of their own.
 */
export async function discoverRepositoryEnvironments(
  found: CheckoutDiscovery | string,
  /** For a checkout named by its path: what the trusted configuration says discovery needs. */
  settings?: DiscoverySettings,
  discoveries?: RunDiscoveries,
): Promise<EnvironmentConfig[]> {
  const discovery = typeof found === 'string' ? checkoutDiscovery(found, settings, discoveries) : found;
  const native = await discovery.native();
  return native.length > 0 ? native : discovery.folders();
}

/**
 * What discovery finds in one checkout, each kind found once however often it is asked: a
 * plan asks for the head's while it traces what environments read and again for its
 * configuration, and a fleet's discovery reads every folder.
 */
export interface CheckoutDiscovery {
  /** The environments of a GitOps repository: its Flux Kustomizations, else its Argo CD Applications. */
  native(): Promise<EnvironmentConfig[]>;
  folders(): Promise<EnvironmentConfig[]>;
}

/** `settings`: what the trusted configuration says discovery needs (its `repositoryUrls`, Argo CD's clusters). */
export function checkoutDiscovery(
  repoRoot: string,
  settings: DiscoverySettings = { repositoryUrls: [] },
  discoveries: RunDiscoveries = new RunDiscoveries(),
): CheckoutDiscovery {
  let native: Promise<EnvironmentConfig[]> | undefined;
  let folders: Promise<EnvironmentConfig[]> | undefined;
  return {
    native: () => {
      native ??= (async () => {
        const flux = fluxEnvironments(discoveries.flux(repoRoot, settings));
        return flux.length > 0 ? flux : argoEnvironments(await discoveries.argoFollowed(repoRoot, settings));
      })();
      return native;
    },
    folders: () => {
      folders ??= discoverEnvironments(repoRoot);
      return folders;
    },
  };
}

/**
 * Each Flux environment, and each one discovery could not follow (its render fails with
 * the reason), as `<cluster>/<namespace>/<name>`; a file discovery could not read is an
 * environment named after the file, so that its problem is reported too.
 */
function fluxEnvironments(discovery: FluxDiscovery): EnvironmentConfig[] {
  // A repository with no Flux Kustomization to follow is not a Flux repository, whatever
  // files mentioning Flux it fails to read.
  if (discovery.environments.length === 0 && !discovery.problems.some((problem) => problem.environment)) {
    return [];
  }
  const environments = new Map<string, EnvironmentConfig>();
  for (const found of discovery.environments) {
    environments.set(found.name, {
      name: found.name,
      path: found.path,
      renderer: 'flux',
      flux: { cluster: found.cluster, namespace: found.namespace, name: found.kustomizationName },
    });
  }
  for (const problem of discovery.problems) {
    const name = problem.environment ?? problem.file;
    // A second problem of the same environment is found again when it is rendered.
    if (environments.has(name)) continue;
    const identity = problem.environment ? identityOf(problem.environment) : undefined;
    environments.set(name, {
      name,
      // A folder that exists: the plan renders it, and the render fails with the problem.
      path: posix.dirname(problem.file) === '.' ? '' : posix.dirname(problem.file),
      renderer: 'flux',
      flux: { ...(identity ?? { cluster: '', namespace: '', name }), problem: problem.message },
    });
  }
  return [...environments.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Each Argo CD Application with a source in this repository, and each one discovery could
 * not take (its render fails with the reason); a file that cannot be read is an
 * environment named after the file, so that its problem is reported too. A repository
 * whose Applications all come from elsewhere is no Argo CD repository of plumbline's.
 */
function argoEnvironments(discovery: ArgoDiscovery): EnvironmentConfig[] {
  const environments = new Map<string, EnvironmentConfig>();
  for (const application of discovery.applications) {
    const local = application.sources.find((source) => source.local && source.path !== undefined);
    environments.set(application.name, {
      name: application.name,
      path: local?.path ?? '',
      renderer: 'argocd',
      argocd: { name: application.name, cluster: application.cluster },
    });
  }
  if (environments.size === 0 && !discovery.problems.some((problem) => problem.application)) return [];
  for (const problem of discovery.problems) {
    const name = problem.application ?? problem.file;
    if (environments.has(name)) continue;
    environments.set(name, {
      name,
      path: posix.dirname(problem.file) === '.' ? '' : posix.dirname(problem.file),
      renderer: 'argocd',
      argocd: { name, problem: problem.message },
    });
  }
  return [...environments.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** `<cluster>/<namespace>/<name>`; a cluster, namespace or name holds no slash. */
function identityOf(name: string): { cluster: string; namespace: string; name: string } | undefined {
  const [cluster, namespace, kustomization, ...rest] = name.split('/');
  if (!cluster || !namespace || !kustomization || rest.length > 0) return undefined;
  return { cluster, namespace, name: kustomization };
}

async function withDiscoveredEnvironments(
  repoRoot: string,
  written: WrittenConfig | undefined,
  alsoDiscovered: readonly EnvironmentConfig[] = [],
  here: CheckoutDiscovery = checkoutDiscovery(repoRoot, written && discoverySettings(written.render)),
): Promise<PlumblineConfig> {
  const environments = await discoveredIn(here, alsoDiscovered);
  if (environments.length === 0) {
    const roots = DISCOVERY_ROOTS.map((root) => `${root}/`).join(', ');
    const configured = written?.file ? `${written.file} lists no environments` : 'There is no plumbline.yaml';
    throw new PlumblineError(
      `${configured} and no environment was found under ${roots} in ${repoRoot} ` +
        '(there, an environment is a folder holding kustomization.yaml, kustomization.yml, Kustomization or Chart.yaml).',
      'Add plumbline.yaml at the repository root, e.g.:\n' +
        'environments:\n' +
        '  - name: dev\n' +
        '    path: deploy/dev\n' +
        '  - name: prod\n' +
        '    path: deploy/prod\n' +
        '    promote: { from: dev }\n' +
        'See docs/configuration.md.',
    );
  }
  if (written) {
    const { capabilities, fluxClusters, fluxPromote, argocdContexts, argocdPromote, ...config } = written;
    return {
      ...config,
      ...(capabilities ? { capabilities } : {}),
      environments: environments.map((environment) => {
        // A Flux or Argo CD cluster given a context: its environments are compared with it.
        const flux = environment.flux ? ownEntry(fluxClusters, environment.flux.cluster) : undefined;
        const argoCluster = environment.argocd?.cluster;
        const cluster =
          flux ?? (argoCluster === undefined ? undefined : ownEntry(argocdContexts, argoCluster));
        const layered = cluster?.capabilities ?? capabilities;
        const placed: EnvironmentConfig = {
          ...(layered ? { capabilities: layered } : {}),
          ...environment,
          ...(cluster && !environment.cluster ? { cluster: { context: cluster.context } } : {}),
        };
        return withArgoPromote(withFluxPromote(placed, fluxPromote), argocdPromote);
      }),
    };
  }
  return {
    environments,
    render: renderSettings(),
    diff: { ignore: [] },
    drift: { after: 1, labels: ['drift'] },
  };
}

/**
 * A discovered Flux environment's `promote` from `flux.promote`: its own entry, else its
 * cluster's, whose `from` (a cluster) names the Kustomization of the same namespace and
 * name in that cluster.
 */
export function withFluxPromote(
  environment: EnvironmentConfig,
  fluxPromote: Readonly<Record<string, PromoteSettings>> | undefined,
): EnvironmentConfig {
  const flux = environment.flux;
  if (!fluxPromote || !flux || environment.promote) return environment;
  const own = ownEntry(fluxPromote, environment.name);
  if (own) return { ...environment, promote: own };
  const cluster = flux.cluster ? ownEntry(fluxPromote, flux.cluster) : undefined;
  if (!cluster) return environment;
  return { ...environment, promote: { ...cluster, from: `${cluster.from}/${flux.namespace}/${flux.name}` } };
}

/**
 * The entry `key` of a settings record, only when it is one of its own: the key comes
 * from the repository (a cluster named `constructor` must not find Object's).
 */
function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A discovered Argo CD environment's `promote` from `argocd.promote`: its own entry, else
 * its cluster's, whose `from` (a cluster) names the Application of the same name there.
 */
export function withArgoPromote(
  environment: EnvironmentConfig,
  argocdPromote: Readonly<Record<string, PromoteSettings>> | undefined,
): EnvironmentConfig {
  const argocd = environment.argocd;
  if (!argocdPromote || !argocd || environment.promote) return environment;
  const own = ownEntry(argocdPromote, environment.name);
  if (own) return { ...environment, promote: own };
  const cluster = argocd.cluster === undefined ? undefined : ownEntry(argocdPromote, argocd.cluster);
  if (!cluster) return environment;
  const application = environment.name.slice(argocd.cluster!.length + 1);
  return { ...environment, promote: { ...cluster, from: `${cluster.from}/${application}` } };
}

/**
 * Which kind of discovery counts: the other checkout's (the trusted base of a change),
 * when it found environments. A change that adds one Flux Kustomization must not turn a
 * repository of folders into a Flux one and drop every folder's environment, nor the
 * reverse: what the head discovers of the other kind is added, never put in their place.
 * Without environments on the other side, this checkout decides.
 */
async function discoveredIn(
  here: CheckoutDiscovery,
  alsoDiscovered: readonly EnvironmentConfig[],
): Promise<EnvironmentConfig[]> {
  const native = await here.native();
  const baseIsNative = alsoDiscovered.some(isGitOpsNative);
  if (alsoDiscovered.length > 0 && !baseIsNative) {
    const folders = await byFolder(here, alsoDiscovered);
    const names = new Set(folders.map((environment) => environment.name));
    return [...folders, ...native.filter((environment) => !names.has(environment.name))].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  }
  return native.length > 0 || baseIsNative
    ? withNativeAlso(native, alsoDiscovered)
    : byFolder(here, alsoDiscovered);
}

/** A Flux Kustomization or an Argo CD Application: found by identity in every checkout rendered. */
export function isGitOpsNative(environment: EnvironmentConfig): boolean {
  return environment.renderer === 'flux' || environment.renderer === 'argocd';
}

/**
 * A GitOps repository's environments, and those of the other checkout that this one lacks
 * (a Kustomization or Application the change removes is still planned, as the deletion of
 * everything it applied). Environments named by identity: the same Kustomization or
 * Application may have another path in each checkout.
 */
function withNativeAlso(
  native: readonly EnvironmentConfig[],
  alsoDiscovered: readonly EnvironmentConfig[],
): EnvironmentConfig[] {
  const byName = new Map<string, EnvironmentConfig>();
  for (const environment of alsoDiscovered) {
    if (isGitOpsNative(environment)) byName.set(environment.name, environment);
  }
  for (const environment of native) byName.set(environment.name, environment);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One environment per folder across the checkouts; a name two folders share (envs/prod at
 * the base, clusters/prod at the head) falls back to the folder, so neither hides the other.
 */
async function byFolder(
  here: CheckoutDiscovery,
  alsoDiscovered: readonly EnvironmentConfig[],
): Promise<EnvironmentConfig[]> {
  const byPath = new Map<string, EnvironmentConfig>();
  for (const environment of [...alsoDiscovered, ...(await here.folders())]) {
    byPath.set(environment.path, environment);
  }
  const named = new Map<string, number>();
  for (const { name } of byPath.values()) named.set(name, (named.get(name) ?? 0) + 1);
  return [...byPath.values()]
    .map((environment) =>
      named.get(environment.name)! > 1 ? { ...environment, name: environment.path } : environment,
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface FolderProblem {
  segments: (string | number)[];
  message: string;
  hint?: string;
}

async function checkFolders(
  repoRoot: string,
  environment: EnvironmentConfig,
): Promise<FolderProblem | undefined> {
  const folder = join(repoRoot, environment.path);
  const kind = await entryKind(folder);
  if (kind !== 'directory') {
    return {
      segments: ['path'],
      message: `path "${environment.path}" ${kind === 'missing' ? 'does not exist' : 'is not a folder'}`,
      hint: await siblingsHint(repoRoot, environment.path),
    };
  }
  for (const [index, valuesFile] of (environment.helm?.valuesFiles ?? []).entries()) {
    if ((await entryKind(join(folder, valuesFile))) !== 'file') {
      return {
        segments: ['helm', 'valuesFiles', index],
        message: `values file "${valuesFile}" does not exist in ${environment.path}`,
        hint: 'Values files are relative to the environment path.',
      };
    }
  }
  return undefined;
}

async function siblingsHint(repoRoot: string, path: string): Promise<string> {
  const parent = posix.dirname(path);
  try {
    const entries = await readdir(join(repoRoot, parent), { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
    if (folders.length > 0) {
      const where = parent === '.' ? 'the repository root' : `${parent}/`;
      return `Folders in ${where}: ${folders.map((entry) => entry.name).join(', ')}. Paths are relative to the repository root.`;
    }
  } catch {
    // The parent is missing too; the generic hint below says what to do.
  }
  return 'Paths are relative to the repository root.';
}

async function entryKind(path: string): Promise<'file' | 'directory' | 'other' | 'missing'> {
  try {
    const stats = await stat(path);
    return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}
