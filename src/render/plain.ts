/**
 * A folder of plain manifests: every .yaml, .yml and .json file below it, in path order.
 * Symbolic links are not followed (neither to files nor to folders), so nothing outside
 * the folder's own tree is read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { PlumblineError } from '../errors.js';
import type { Resource } from '../resource.js';
import type { RenderContext } from './context.js';
import { parseManifests } from './parse.js';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export async function renderPlain(context: RenderContext, path: string): Promise<Resource[]> {
  const repoRoot = context.boundary.root;
  const resources: Resource[] = [];
  let bytes = 0;
  for (const file of await manifestFiles(repoRoot, path)) {
    const text = await readFile(join(repoRoot, file), 'utf8');
    bytes += Buffer.byteLength(text);
    if (bytes > context.settings.limits.bytes) {
      throw new PlumblineError(
        `the manifests below ${path} hold more than the limit of ${context.settings.limits.bytes} bytes per environment`,
        'Split the environment, or raise render.limits.bytes in the configuration of the base branch.',
      );
    }
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
