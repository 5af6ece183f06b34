/**
 * An Argo CD directory source, read as the repo-server reads it: the YAML and JSON files of
 * the folder (and of its subfolders with `recurse`), in path order, less those `exclude`
 * matches, only those `include` matches when it is set, and none holding the text
 * `+argocd:skip-file-rendering`. A file that does not parse as manifests is left out unless
 * it reads like one (it holds `apiVersion:`, `kind:` and `metadata:`), as Argo CD leaves a
 * values file or a CI file out. Jsonnet is not supported: such a file fails the source.
 *
 * Links are followed only inside the repository; one leading out fails the source, naming
 * the link, never its target. The patterns are Argo CD's (gobwas/glob without separators):
 * `*` matches across `/`, `{a,b}` is either, and they are matched against the path below
 * the source's folder.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { compileGlob, GOBWAS_GLOBS } from '../argocd/glob.js';
import { PlumblineError } from '../errors.js';
import { type MatchBudget, matchBudget, PatternError } from '../flux/pattern.js';
import type { Resource } from '../resource.js';
import { realPathInside } from './containment.js';
import type { RenderContext } from './context.js';
import { isFolder } from './flux-build.js';
import { parseManifests } from './parse.js';

export interface DirectoryOptions {
  recurse?: boolean;
  include?: string;
  exclude?: string;
}

const MANIFEST_FILE = /\.(yaml|yml|json|jsonnet)$/;
const SKIP_MARK = '+argocd:skip-file-rendering';

export async function renderArgoDirectory(
  context: RenderContext,
  path: string,
  options: DirectoryOptions,
): Promise<Resource[]> {
  const budget = matchBudget();
  const include = options.include ? globMatcher(options.include, budget) : undefined;
  const exclude = options.exclude ? globMatcher(options.exclude, budget) : undefined;
  const resources: Resource[] = [];
  let bytes = 0;
  for (const below of await filesBelow(context, path, options.recurse === true)) {
    if (exclude?.(below) || (include && !include(below))) continue;
    const file = posix.join(path, below);
    if (below.endsWith('.jsonnet')) {
      throw new PlumblineError(
        `${file}: jsonnet is not supported`,
        'Render it to YAML in the repository, or exclude it from the source (directory.exclude).',
      );
    }
    const text = await readFile(join(context.boundary.root, file), 'utf8');
    if (text.includes(SKIP_MARK)) continue;
    bytes += Buffer.byteLength(text);
    if (bytes > context.settings.limits.bytes) {
      throw new PlumblineError(
        `the manifests below ${path || '.'} hold more than the limit of ${context.settings.limits.bytes} bytes per environment`,
        'Split the Application, or raise render.limits.bytes in the configuration of the base branch.',
      );
    }
    resources.push(...manifestsOf(text, file));
  }
  return resources;
}

function manifestsOf(text: string, file: string): Resource[] {
  try {
    return parseManifests({
      text,
      locate: (line) => ({ file, line }),
      describe: (line, column) => `${file}:${line}:${column}`,
    });
  } catch (error) {
    const readsLikeManifest = ['apiVersion:', 'kind:', 'metadata:'].every((part) => text.includes(part));
    if (error instanceof PlumblineError && !readsLikeManifest) return [];
    throw error;
  }
}

/** Manifest files below the folder, as paths relative to it, sorted; links checked to stay inside. */
async function filesBelow(context: RenderContext, path: string, recurse: boolean): Promise<string[]> {
  const top = await realPathInside(context.boundary, path);
  if (top === undefined || !(await isFolder(top))) {
    throw new PlumblineError(
      `${path || '.'} is no folder of the repository`,
      'Point the source path at a folder.',
    );
  }
  const files: string[] = [];
  const visited = new Set<string>([top]);
  const walk = async (real: string, relativePath: string): Promise<void> => {
    const entries = (await readdir(real, { withFileTypes: true })).sort(byName);
    for (const entry of entries) {
      const below = relativePath === '' ? entry.name : `${relativePath}/${entry.name}`;
      const target = await entryTarget(context, entry, join(real, entry.name), posix.join(path, below));
      if (target === undefined) continue;
      if (await isFolder(target)) {
        if (recurse && !visited.has(target)) {
          visited.add(target);
          await walk(target, below);
        }
      } else if (MANIFEST_FILE.test(entry.name)) {
        files.push(below);
      }
    }
  };
  await walk(top, '');
  return files;
}

/** The real path an entry stands for; undefined for a dangling link or a special file. */
async function entryTarget(
  context: RenderContext,
  entry: Dirent,
  absolute: string,
  shown: string,
): Promise<string | undefined> {
  if (entry.isSymbolicLink()) {
    return realPathInside(context.boundary, absolute).catch(() => {
      throw new PlumblineError(
        `${shown} is a symbolic link that leads outside the repository`,
        'Replace the link with the file or folder it points to.',
      );
    });
  }
  return entry.isFile() || entry.isDirectory() ? absolute : undefined;
}

/**
 * An Argo CD glob as a test of a relative path: `*` (and `**`) any text, `/` included;
 * `?` one character; `[…]` and `[!…]` a class; `{a,b}` either. A pattern that does not
 * compile matches nothing, as in Argo CD.
 */
export function globMatcher(pattern: string, budget: MatchBudget = matchBudget()): (path: string) => boolean {
  const compiled = compileGlob(pattern, GOBWAS_GLOBS, budget);
  if (!compiled) return () => false;
  return (path) => {
    try {
      return compiled.matches(path);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new PlumblineError(
        `the pattern ${JSON.stringify(pattern)} takes too long to match`,
        'Simplify directory.include and directory.exclude.',
      );
    }
  };
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
