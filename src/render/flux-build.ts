/**
 * kustomize-controller's build of one Flux Kustomization: the folder at spec.path with the
 * Kustomization's overlay fields written into its kustomization (flux/kustomization.ts),
 * built with kustomize as the controller builds it (files outside the kustomization's own
 * folder may be loaded, but nothing outside the repository; no helm, no plugins).
 *
 * The controller writes that kustomization into its copy of the source. plumbline never
 * writes into the repository: it builds a mirror of it in the sandbox's scratch folder,
 * made of symbolic links to the repository's entries, except along the way to spec.path,
 * whose folders are real folders of the mirror holding links to the repository's entries
 * and the written kustomization in place of the folder's own. kustomize resolves a
 * folder's links before it loads what the folder names, so everything else it reads
 * (bases, components, patches, generator files) is read from the repository itself, at the
 * same paths the checks below resolved. Components named by the Flux Kustomization are
 * thereby paths relative to spec.path, exactly as in the controller.
 *
 * Every path the build reads is checked first, as renderKustomize checks it: the folder's
 * own kustomization with kustomize-inputs.ts, each component too, and each manifest of a
 * generated kustomization (links resolved, inside the repository).
 */
import { mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { PlumblineError } from '../errors.js';
import { fluxKustomizationFile, type KustomizationFile } from '../flux/kustomization.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { syntaxReason } from '../yaml/syntax-reason.js';
import { realPathInside } from './containment.js';
import type { RenderContext } from './context.js';
import { checkedKustomizeInputs, kustomizeBuild } from './kustomize.js';

export interface FluxBuildRequest {
  /** spec.path, repository-relative, normalised ('' is the root). */
  path: string;
  /** The Flux Kustomization's spec. */
  spec: Record<string, unknown>;
  /** Where the Flux Kustomization is written, `file:line`. */
  where: string;
}

/** Builds the Kustomization's path; kustomize's standard output. Errors name the Kustomization. */
export async function buildFluxPath(context: RenderContext, request: FluxBuildRequest): Promise<string> {
  try {
    return await build(context, request);
  } catch (error) {
    if (!(error instanceof PlumblineError) || error.message.startsWith(`${request.where}:`)) throw error;
    throw new PlumblineError(`${request.where}: ${error.message}`, error.hint, {
      cause: error,
      ...(error.remedy ? { remedy: error.remedy } : {}),
    });
  }
}

async function build(context: RenderContext, request: FluxBuildRequest): Promise<string> {
  const { path, where } = request;
  const shown = path || '.';
  const folder = await realPathInside(context.boundary, path);
  if (folder === undefined || !(await isFolder(folder))) {
    throw new PlumblineError(
      `${where}: spec.path ${shown} is no folder of the repository`,
      'Point spec.path at a folder of the repository, relative to its root.',
    );
  }
  const kustomizationFile = await firstFile(folder, KUSTOMIZATION_FILES);
  let written: KustomizationFile | undefined;
  let generated: string[] | undefined;
  if (kustomizationFile) {
    await checkedKustomizeInputs(context, folder);
    const file = posix.join(shown, kustomizationFile);
    written = parseKustomization(await readFile(join(folder, kustomizationFile), 'utf8'), file);
  } else {
    generated = await generatedResources(context, folder, shown);
  }

  // Components are checked first: with ignoreMissingComponents, the written kustomization
  // keeps only those that exist.
  const components = new Map<string, boolean>();
  for (const component of componentsOf(request.spec)) {
    const real = await realPathInside(context.boundary, join(folder, component)).catch(() => {
      throw new PlumblineError(
        `${where}: spec.components names ${component}, which leads outside the repository`,
        'Name a component folder of the repository, relative to spec.path.',
      );
    });
    components.set(component, real !== undefined);
    if (real !== undefined) await checkedKustomizeInputs(context, real);
  }
  const kustomization = fluxKustomizationFile({
    ...(written ? { written } : {}),
    ...(generated ? { generated } : {}),
    spec: request.spec,
    where,
    componentExists: (component) => components.get(component) === true,
  });

  // kustomize-controller builds with LoadRestrictionsNone: a patch or base may sit outside
  // the kustomization's folder (every such path was checked to stay in the repository).
  return buildRewritten(context, {
    folder,
    fileName: kustomizationFile ?? 'kustomization.yaml',
    kustomization,
    shown,
    args: ['--load-restrictor', 'LoadRestrictionsNone'],
  });
}

/**
 * `kustomize build` of `folder` (a real path in the repository, its inputs checked) with
 * its kustomization replaced by `kustomization`, in the mirror described at the top: how a
 * controller that edits its own copy of the source builds (kustomize-controller, and Argo
 * CD's repo-server after `kustomize edit`).
 */
export async function buildRewritten(
  context: RenderContext,
  request: {
    folder: string;
    fileName: string;
    kustomization: KustomizationFile;
    /** How messages name the folder. */
    shown: string;
    args: readonly string[];
  },
): Promise<string> {
  const mirror = await mirrorTo(context, request.folder, request.fileName, request.kustomization);
  return kustomizeBuild(context, mirror.folder, request.args, request.shown, [mirror.tree]);
}

/**
 * The resources of the kustomization kustomize-controller generates for a folder without
 * one: every .yaml and .yml file below it, in path order, and every subfolder holding a
 * kustomization (listed as a folder, not walked). Hidden folders are left out, as Flux
 * discovery leaves them out (flux/objects.ts). Links are followed when they stay in the
 * repository; a folder a link leads to holding a kustomization is checked like the rest.
 */
async function generatedResources(context: RenderContext, folder: string, shown: string): Promise<string[]> {
  const resources: string[] = [];
  const visited = new Set<string>();
  const walk = async (real: string, relativePath: string): Promise<void> => {
    if (visited.has(real)) return;
    visited.add(real);
    const entries = (await readdir(real, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const at = relativePath === '' ? entry.name : `${relativePath}/${entry.name}`;
      const place = posix.join(shown, at);
      let target = join(real, entry.name);
      if (entry.isSymbolicLink()) {
        const resolved = await realPathInside(context.boundary, target).catch(() => {
          throw new PlumblineError(
            `${place} is a symbolic link that leads outside the repository`,
            'Replace the link with the file or folder it points to.',
          );
        });
        if (resolved === undefined) continue;
        target = resolved;
      } else if (!entry.isDirectory() && !entry.isFile()) {
        continue;
      }
      if (await isFolder(target)) {
        if (entry.name.startsWith('.')) continue;
        if (await firstFile(target, KUSTOMIZATION_FILES)) {
          await checkedKustomizeInputs(context, target);
          resources.push(`./${at}`);
        } else {
          await walk(target, at);
        }
      } else if (/\.ya?ml$/.test(entry.name)) {
        resources.push(`./${at}`);
      }
    }
  };
  await walk(folder, '');
  return resources;
}

interface Mirror {
  /** The mirror of the repository's top folder. */
  tree: string;
  /** spec.path in the mirror, holding the written kustomization. */
  folder: string;
}

/**
 * The mirror described at the top: real folders along the way from the top of the
 * repository to `folder` (a real path), links to everything else, and the kustomization
 * written as `fileName` in the mirror of `folder`. The `.git` folder is not mirrored.
 */
async function mirrorTo(
  context: RenderContext,
  folder: string,
  fileName: string,
  kustomization: KustomizationFile,
): Promise<Mirror> {
  const top = context.boundary.realTop;
  const tree = await mkdtemp(join(context.sandbox.scratch, 'flux-'));
  const rel = relative(top, folder);
  const segments = rel === '' ? [] : rel.split(sep);
  let real = top;
  let copy = tree;
  for (let depth = 0; ; depth += 1) {
    const next = segments[depth];
    for (const entry of await readdir(real)) {
      if (entry === next || (depth === 0 && entry === '.git')) continue;
      if (next === undefined && entry === fileName) continue;
      await symlink(join(real, entry), join(copy, entry));
    }
    if (next === undefined) break;
    real = join(real, next);
    copy = join(copy, next);
    await mkdir(copy);
  }
  await writeFile(join(copy, fileName), stringify(kustomization));
  return { tree, folder: copy };
}

function componentsOf(spec: Record<string, unknown>): string[] {
  const components = spec.components;
  return Array.isArray(components)
    ? components.filter((component): component is string => typeof component === 'string')
    : [];
}

/** A kustomization file as data; kustomize-inputs.ts has read it already, so it parses. */
export function parseKustomization(text: string, file: string): KustomizationFile {
  const document = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  const [error] = document.errors;
  if (error) throw new PlumblineError(`${file}: YAML syntax: ${syntaxReason(error)}`);
  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok) throw new PlumblineError(`${file}: YAML aliases: ${parsed.reason}`);
  const value = parsed.value;
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PlumblineError(`${file}: a kustomization must be a mapping`);
  }
  return value as KustomizationFile;
}

export async function firstFile(folder: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    const found = await stat(join(folder, name)).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (found) return name;
  }
  return undefined;
}

export async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
