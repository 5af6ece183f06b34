/** A folder of plain manifests: every .yaml, .yml and .json file below it, in path order. */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import type { Resource } from '../resource.js';
import { parseManifests } from './parse.js';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export async function renderPlain(repoRoot: string, path: string): Promise<Resource[]> {
  const resources: Resource[] = [];
  for (const file of await manifestFiles(repoRoot, path)) {
    const text = await readFile(join(repoRoot, file), 'utf8');
    resources.push(
      ...parseManifests({
        text,
        locate: (line) => ({ file, line }),
        describe: (line, column) => `${file}:${line}:${column}`,
      }),
    );
  }
  return resources;
}

/** Repository-relative manifest files, sorted; hidden files and folders are left out. */
export async function manifestFiles(repoRoot: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(repoRoot, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (entry) => entry.isFile() && MANIFEST_EXTENSIONS.some((extension) => entry.name.endsWith(extension)),
    )
    .map((entry) => relative(join(repoRoot, folder), join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')))
    .map((file) => posix.join(folder, file))
    .sort();
}
