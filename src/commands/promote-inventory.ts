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
 */
import { posix } from 'node:path';
import type { EnvironmentConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { discoverFluxEnvironments } from '../flux/discover.js';
import { listFiles, listFilesAt, showFile } from '../git/repository.js';
import { readWorktreeFile } from '../git/worktree-files.js';
import { promotableFiles } from '../promote/files.js';
import { type FluxScope, findImages } from '../promote/find.js';
import { parseYamlFile, type YamlFile } from '../promote/parse.js';
import type { ImageInventory } from '../promote/sites.js';
import type { PromoteSettings } from './promote-settings.js';

export async function worktreeImages(
  dir: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
): Promise<ImageInventory> {
  const scope = await filesOf(dir, env, settings, (folder) => listFiles(dir, folder));
  return imagesIn(env, settings, scope, (path) => readWorktreeFile(dir, path));
}

/** `dir` is the worktree at the base: a Flux environment is found there, its files read at `commit`. */
export async function imagesAtCommit(
  dir: string,
  commit: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
): Promise<ImageInventory> {
  const scope = await filesOf(dir, env, settings, (folder) => listFilesAt(dir, commit, folder));
  return imagesIn(env, settings, scope, async (path) => (await showFile(dir, commit, path)) ?? '');
}

interface Scope {
  paths: string[];
  flux?: FluxScope;
}

async function filesOf(
  dir: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
  list: (folder: string) => Promise<string[]>,
): Promise<Scope> {
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

async function imagesIn(
  env: EnvironmentConfig,
  settings: PromoteSettings,
  scope: Scope,
  read: (path: string) => Promise<string>,
): Promise<ImageInventory> {
  const files: YamlFile[] = [];
  for (const path of promotableFiles(scope.paths)) files.push(parseYamlFile(path, await read(path)));
  const helmValuesFiles = (env.helm?.valuesFiles ?? []).map((file) => posix.join(env.path, file));
  // A source environment without its own helmImagePaths is read with the target's.
  const helmImagePaths = env.promote?.helmImagePaths ?? settings.target.promote?.helmImagePaths ?? [];
  return findImages(files, { helmValuesFiles, helmImagePaths, ...(scope.flux && { flux: scope.flux }) });
}
