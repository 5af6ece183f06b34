/**
 * The images an environment folder references, read from a worktree (what the base holds
 * now) or from a commit (what an open promotion branch holds).
 *
 * A Flux environment's files are found by discovery in the worktree: the files below its
 * Kustomization's spec.path, and the file defining that Kustomization (for its own
 * `spec.images`). What a kustomization of the path loads from elsewhere (a shared base) is
 * not its own, and is never edited. Neither is a file below the path that the source
 * environment also reads as its own (two Kustomizations applying one folder): editing it
 * would change the source too.
 *
 * An Argo CD environment's files are found the same way (argocd/promote-scope.ts): the
 * files below its sources' folders, its helm value files, and the file defining its
 * Application, where only that Application is read (the file may define other
 * environments). One an ApplicationSet generates has no file of its own: the template is
 * shared and never edited. Only files git tracks are read, and none that is a symbolic
 * link: nothing outside the repository is read or written. As for Flux, a file the source
 * reads as its own is shared and never edited.
 */
import { realpath } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { type ArgoPromoteScope, argoPromoteScope } from '../argocd/promote-scope.js';
import { folderSourceType } from '../argocd/source-type.js';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import type { EnvironmentConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { discoverFluxEnvironments } from '../flux/discover.js';
import { entryAtRevision, listFiles, listFilesAt, showFile } from '../git/repository.js';
import { readWorktreeFile } from '../git/worktree-files.js';
import type { ArgoScope } from '../promote/argocd-sites.js';
import { isUnder, promotableFiles } from '../promote/files.js';
import { type FluxScope, findImages } from '../promote/find.js';
import { parseYamlFile, type YamlFile } from '../promote/parse.js';
import type { ImageInventory } from '../promote/sites.js';
import type { PromoteSettings } from './promote-settings.js';

export async function worktreeImages(
  dir: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
): Promise<ImageInventory> {
  const scope = await filesOf(dir, env, settings, worktreeAccess(dir));
  return imagesIn(env, settings, scope, (path) => readWorktreeFile(dir, path));
}

/** `dir` is the worktree at the base: a Flux environment is found there, its files read at `commit`. */
export async function imagesAtCommit(
  dir: string,
  commit: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
): Promise<ImageInventory> {
  const access: Access = {
    list: (folder) => listFilesAt(dir, commit, folder),
    isLink: async (path) => (await entryAtRevision(dir, commit, path)).kind !== 'file',
  };
  const scope = await filesOf(dir, env, settings, access);
  return imagesIn(env, settings, scope, async (path) => (await showFile(dir, commit, path)) ?? '');
}

/** How a side is listed: the worktree, or a commit. */
interface Access {
  /** The files git tracks below a folder ('.': all of them). */
  list(folder: string): Promise<string[]>;
  /** Whether a tracked path is a symbolic link or lies under one (then it is never read). */
  isLink(path: string): Promise<boolean>;
}

function worktreeAccess(dir: string): Access {
  let top: Promise<string> | undefined;
  return {
    list: (folder) => listFiles(dir, folder),
    isLink: async (path) => {
      top ??= realpath(dir);
      // Any link on the way makes the real path another one.
      const real = await realpath(join(dir, path)).catch(() => undefined);
      return real !== join(await top, path);
    },
  };
}

interface Scope {
  /** Read as they are: an Argo CD environment's are final (promotableFiles already applied). */
  paths: string[];
  flux?: FluxScope;
  argocd?: {
    scope: Omit<ArgoScope, 'values'>;
    /** Value files read only to name the images parameters set (shared ones too). */
    values: string[];
  };
  /** The files read as Helm values whatever their names. */
  helmValuesFiles?: string[];
}

async function filesOf(
  dir: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
  access: Access,
): Promise<Scope> {
  if (env.renderer === 'argocd') return argoFilesOf(dir, env, settings, access);
  const { list } = access;
  if (env.renderer !== 'flux') return { paths: await list(env.path) };
  const flux = fluxScope(dir, env, settings.repositoryUrls);
  let paths = await list(flux.path === '' ? '.' : flux.path);
  const { source } = settings;
  if (env === settings.target && source?.renderer === 'flux') {
    // A file the source reads as its own is shared: promoting into it would change the source.
    const sourceScope = fluxScope(dir, source, settings.repositoryUrls);
    const shared = new Set(await list(sourceScope.path === '' ? '.' : sourceScope.path));
    paths = paths.filter((path) => !shared.has(path));
  }
  if (!paths.includes(flux.file) && (await list(flux.file)).includes(flux.file)) paths.push(flux.file);
  return { paths, flux };
}

/** The Flux Kustomization `env` names, as discovery finds it in the worktree. */
function fluxScope(dir: string, env: EnvironmentConfig, repositoryUrls: readonly string[]): FluxScope {
  const found = discoverFluxEnvironments(dir, repositoryUrls).environments.find(
    (candidate) => candidate.name === env.name,
  );
  if (!found) {
    throw new PlumblineError(
      `${env.name} is not a Flux Kustomization that the base branch applies${env.flux?.problem ? `: ${env.flux.problem}` : ''}`,
      'Promote between Flux Kustomizations that the base branch applies from this repository. Nothing was written.',
    );
  }
  return { file: found.file, namespace: found.namespace, name: found.kustomizationName, path: found.path };
}

/**
 * An Argo CD environment's own files (see the module's comment), and, for the target, not
 * those the source reads as its own: the definition file stays, for its own Application.
 */
async function argoFilesOf(
  dir: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
  access: Access,
): Promise<Scope> {
  const own = argoScope(dir, env, settings);
  const tracked = await access.list('.');
  const { folderFiles, all } = await argoOwnPaths(own, tracked, access);
  let paths = all;
  const { source } = settings;
  if (env === settings.target && source && source !== env) {
    const shared = new Set(await ownPaths(dir, source, settings, access, tracked));
    paths = paths.filter((path) => !shared.has(path));
  }
  const definition = own.definition;
  const wholeDefinition =
    definition !== undefined && paths.includes(definition.file) && folderFiles.includes(definition.file);
  if (definition && !paths.includes(definition.file) && all.includes(definition.file))
    paths.push(definition.file);
  const readable = new Set(all);
  const present = new Set(tracked);
  return {
    paths: paths.sort(),
    argocd: {
      scope: {
        ...(definition && { definition }),
        wholeDefinition,
        sources: own.sources.map((scoped) => {
          const chartValues = chartValuesOf(scoped, present);
          return {
            local: scoped.local,
            ...(scoped.path !== undefined && { path: scoped.path }),
            ...(chartValues !== undefined && readable.has(chartValues) && { chartValues }),
            valueFiles: scoped.valueFiles.filter((file) => readable.has(file)),
          };
        }),
      },
      values: own.valueFiles.filter((file) => readable.has(file)),
    },
    helmValuesFiles: own.valueFiles,
  };
}

function argoScope(dir: string, env: EnvironmentConfig, settings: PromoteSettings): ArgoPromoteScope {
  const identity = env.argocd;
  if (!identity) {
    throw new PlumblineError(
      `${env.name} is not an Argo CD Application that the base branch defines`,
      'Promote between Argo CD Applications that the base branch defines, with sources in this repository. Nothing was written.',
    );
  }
  // Found again at the base, whose problem (if any) is the one that counts.
  return argoPromoteScope(dir, identity.name, settings);
}

/** The values.yaml of a source that is a chart folder (argocd/source-type.ts), else undefined. */
function chartValuesOf(source: ArgoPromoteScope['sources'][number], tracked: ReadonlySet<string>) {
  if (source.path === undefined) return undefined;
  const inFolder = (name: string) => (source.path === '' ? name : `${source.path}/${name}`);
  const type =
    source.type ??
    folderSourceType({
      kustomization: KUSTOMIZATION_FILES.some((name) => tracked.has(inFolder(name))),
      chart: tracked.has(inFolder('Chart.yaml')),
    });
  return type === 'helm' ? inFolder('values.yaml') : undefined;
}

/**
 * Every file an Argo CD environment reads as its own: tracked, no link, not the
 * ApplicationSet that generates it. `folderFiles`: those of its source folders, where a
 * chart folder's own is its values.yaml (its other value files belong to the
 * Applications that name them).
 */
async function argoOwnPaths(
  own: ArgoPromoteScope,
  tracked: readonly string[],
  access: Access,
): Promise<{ folderFiles: string[]; all: string[] }> {
  const present = new Set(tracked);
  const candidates = tracked.filter((path) => path !== own.template);
  const chartValues = own.sources.flatMap((source) => chartValuesOf(source, present) ?? []);
  const trees = own.sources.flatMap((source) =>
    source.path === undefined || chartValuesOf(source, present) ? [] : [source.path],
  );
  const folderFiles = promotableFiles(
    candidates.filter((path) => chartValues.includes(path) || trees.some((folder) => isUnder(path, folder))),
  );
  const named = candidates.filter(
    (path) => own.valueFiles.includes(path) || (own.definition?.file === path && !folderFiles.includes(path)),
  );
  const all: string[] = [];
  for (const path of [...new Set([...folderFiles, ...named])]) {
    if (!(await access.isLink(path))) all.push(path);
  }
  return { folderFiles: folderFiles.filter((path) => all.includes(path)), all };
}

/** The files an environment of any kind reads as its own: what a target shares with it is not edited. */
async function ownPaths(
  dir: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
  access: Access,
  tracked: readonly string[],
): Promise<string[]> {
  if (env.renderer === 'argocd')
    return (await argoOwnPaths(argoScope(dir, env, settings), tracked, access)).all;
  if (env.renderer === 'flux') {
    const flux = fluxScope(dir, env, settings.repositoryUrls);
    return [...tracked.filter((path) => isUnder(path, flux.path)), flux.file];
  }
  return tracked.filter((path) => isUnder(path, env.path));
}

async function imagesIn(
  env: EnvironmentConfig,
  settings: PromoteSettings,
  scope: Scope,
  read: (path: string) => Promise<string>,
): Promise<ImageInventory> {
  const files: YamlFile[] = [];
  const paths = scope.argocd ? scope.paths : promotableFiles(scope.paths);
  for (const path of paths) files.push(parseYamlFile(path, await read(path)));
  const helmValuesFiles =
    scope.helmValuesFiles ?? (env.helm?.valuesFiles ?? []).map((file) => posix.join(env.path, file));
  // A source environment without its own helmImagePaths is read with the target's.
  const helmImagePaths = env.promote?.helmImagePaths ?? settings.target.promote?.helmImagePaths ?? [];
  let argocd: ArgoScope | undefined;
  if (scope.argocd) {
    const values = new Map(files.map((file) => [file.path, file]));
    for (const path of scope.argocd.values) {
      if (!values.has(path)) values.set(path, parseYamlFile(path, await read(path)));
    }
    argocd = { ...scope.argocd.scope, values };
  }
  return findImages(files, {
    helmValuesFiles,
    helmImagePaths,
    ...(scope.flux && { flux: scope.flux }),
    ...(argocd && { argocd }),
  });
}
