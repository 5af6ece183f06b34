/**
 * The images an environment folder references, read from a worktree (what the base holds
 * now) or from a commit (what an open promotion branch holds).
 */
import { posix } from 'node:path';
import type { EnvironmentConfig } from '../config/types.js';
import { listFiles, listFilesAt, showFile } from '../git/repository.js';
import { readWorktreeFile } from '../git/worktree-files.js';
import { promotableFiles } from '../promote/files.js';
import { findImages } from '../promote/find.js';
import { parseYamlFile, type YamlFile } from '../promote/parse.js';
import type { ImageInventory } from '../promote/sites.js';
import type { PromoteSettings } from './promote-settings.js';

export async function worktreeImages(
  dir: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
): Promise<ImageInventory> {
  return imagesIn(env, settings, await listFiles(dir, env.path), (path) => readWorktreeFile(dir, path));
}

export async function imagesAtCommit(
  dir: string,
  commit: string,
  env: EnvironmentConfig,
  settings: PromoteSettings,
): Promise<ImageInventory> {
  return imagesIn(
    env,
    settings,
    await listFilesAt(dir, commit, env.path),
    async (path) => (await showFile(dir, commit, path)) ?? '',
  );
}

async function imagesIn(
  env: EnvironmentConfig,
  settings: PromoteSettings,
  paths: string[],
  read: (path: string) => Promise<string>,
): Promise<ImageInventory> {
  const files: YamlFile[] = [];
  for (const path of promotableFiles(paths)) files.push(parseYamlFile(path, await read(path)));
  const helmValuesFiles = (env.helm?.valuesFiles ?? []).map((file) => posix.join(env.path, file));
  // A source environment without its own helmImagePaths is read with the target's.
  const helmImagePaths = env.promote?.helmImagePaths ?? settings.target.promote?.helmImagePaths ?? [];
  return findImages(files, { helmValuesFiles, helmImagePaths });
}
