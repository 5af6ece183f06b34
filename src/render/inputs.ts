/**
 * What an environment's render can depend on in the repository, as paths relative to the
 * top of the work tree: which files a change must touch for the render to change. It errs
 * towards more: a kustomization's whole folder, an environment's whole folder, every file
 * of a chart; and when plumbline cannot tell (a remote reference, a kustomization it cannot
 * read), the answer is "anything".
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { RunDiscoveries } from '../config/run-discoveries.js';
import type { DiscoverySettings, EnvironmentConfig } from '../config/types.js';
import { argoApplicationReads } from './argocd-inputs.js';
import { listedDependencies } from './chart-dependencies.js';
import { type Boundary, boundaryOf, remembered, walkInside } from './containment.js';
import { detectRenderer } from './detect.js';
import { filesBelow, fluxEnvironmentReads, mayUseChartFromRepository } from './flux-inputs.js';
import { kustomizeInputs } from './kustomize-inputs.js';

export type RenderInputs =
  /** plumbline cannot tell: a remote reference, or what it renders cannot be read. */
  | { kind: 'anything' }
  | {
      kind: 'paths';
      /** Folders any file below which counts. */
      trees: string[];
      /** Folders whose own files (not their subfolders') count. */
      folders: string[];
      /** Single files. */
      files: string[];
    };

/**
 * One side of a change (the head's work tree, or the merge base's checkout): its boundary,
 * which remembers what it read for the next environment.
 */
export interface InputsScope {
  root: string;
  boundary: Boundary;
  realRoot: string;
  /** What the trusted configuration says discovery needs, for Flux and Argo CD environments. */
  discovery: DiscoverySettings;
  /** The run's discoveries, shared with its configuration and renders. */
  discoveries: RunDiscoveries;
}

/** `memo` may be shared by both sides: what is the same on both is then read once. */
export async function inputsScope(
  root: string,
  top: string,
  memo: Map<string, Promise<unknown>>,
  discovery: DiscoverySettings = { repositoryUrls: [] },
  discoveries: RunDiscoveries = new RunDiscoveries(),
): Promise<InputsScope> {
  return {
    root,
    boundary: await boundaryOf(root, top, { memo }),
    realRoot: await realpath(root),
    discovery,
    discoveries,
  };
}

/** What `env` reads, once per scope for the same folder and settings. */
export function renderInputs(scope: InputsScope, env: EnvironmentConfig): Promise<RenderInputs> {
  const key = JSON.stringify([
    'inputs',
    scope.root,
    env.path,
    env.renderer,
    env.helm ?? null,
    env.flux ?? null,
    env.argocd ?? null,
  ]);
  return remembered(scope.boundary, key, () => traceInputs(scope, env));
}

async function traceInputs(scope: InputsScope, env: EnvironmentConfig): Promise<RenderInputs> {
  const { root, boundary, realRoot } = scope;
  try {
    // Most repositories are their own top: a relative path is then only normalised (a
    // Flux environment's inputs are hundreds of paths).
    const atTop = realRoot === boundary.realTop && sep === '/';
    const fromTop = (path: string) => {
      if (atTop && !isAbsolute(path)) {
        const normal = posix.normalize(path);
        return normal === '.' ? '' : normal.replace(/\/$/, '');
      }
      const absolute = isAbsolute(path) ? path : resolve(realRoot, path);
      return relative(boundary.realTop, absolute).split(sep).join('/');
    };
    const inputs = {
      kind: 'paths' as const,
      trees: [] as string[],
      folders: [] as string[],
      files: [] as string[],
    };
    /** What `kustomize build` of a folder reads; false when it reaches outside the repository's files. */
    const addKustomization = async (folder: string): Promise<string[] | false> => {
      const read = await kustomizeInputs(boundary, folder);
      if (read.remote.length > 0) return false;
      inputs.folders.push(...read.kustomizations.map(fromTop));
      for (const path of [...read.paths, ...read.named]) inputs.trees.push(fromTop(path));
      for (const chart of read.charts) inputs.trees.push(fromTop(chart));
      return read.paths;
    };
    if (env.renderer === 'argocd' && env.argocd) {
      const discovery = await scope.discoveries.argoFollowed(root, scope.discovery);
      const reads = argoApplicationReads(root, discovery, env.argocd);
      if (reads.kind === 'anything') return reads;
      for (const folder of reads.kustomizations) {
        if ((await addKustomization(folder)) === false) return { kind: 'anything' };
      }
      for (const chart of reads.charts) {
        for (const { real } of await walkInside(boundary, chart)) inputs.files.push(fromTop(real));
        inputs.trees.push(...(await fileDependencies(root, chart)).map(fromTop));
      }
      inputs.trees.push(...reads.trees.map(fromTop));
      inputs.files.push(...reads.files.map(fromTop));
      return inputs;
    }
    if (env.renderer === 'flux' && env.flux) {
      const discovery = scope.discoveries.flux(root, scope.discovery);
      const reads = fluxEnvironmentReads(root, discovery, env.flux);
      if (reads.kind === 'anything') return reads;
      const read: string[] = reads.trees.flatMap((tree) => filesBelow(root, tree));
      for (const folder of reads.kustomizations) {
        const paths = await addKustomization(folder);
        if (paths === false) return { kind: 'anything' };
        read.push(...paths);
      }
      if (mayUseChartFromRepository(root, read)) return { kind: 'anything' };
      inputs.trees.push(...reads.trees.map(fromTop));
      inputs.files.push(...reads.files.map(fromTop));
      return inputs;
    }
    inputs.trees.push(fromTop(env.path));
    const renderer = env.helm?.chart
      ? 'helm'
      : env.renderer === 'auto'
        ? await detectRenderer(root, env.path).catch(() => 'plain' as const)
        : env.renderer;
    if (renderer === 'kustomize' && (await addKustomization(env.path)) === false) return { kind: 'anything' };
    if (renderer === 'helm') {
      for (const file of env.helm?.valuesFiles ?? []) inputs.files.push(fromTop(posix.join(env.path, file)));
      // A chart's links lead elsewhere in the repository: where they lead counts too.
      for (const { real } of await walkInside(boundary, env.path)) inputs.files.push(fromTop(real));
      // file:// dependencies are read from their folders (chart-dependencies.ts).
      inputs.trees.push(...(await fileDependencies(root, env.path)).map(fromTop));
    }
    return inputs;
  } catch {
    return { kind: 'anything' };
  }
}

/**
 * Whether any touched file (relative to the top of the work tree) is among the inputs, or
 * is on the way to one: a link or a file that replaced a folder an input path goes through.
 */
export function touches(inputs: RenderInputs, touched: readonly string[]): boolean {
  if (inputs.kind === 'anything') return true;
  const trees = inputs.trees.map((tree) => (tree === '' ? '' : `${tree}/`));
  const folders = new Set(inputs.folders);
  const all = [...inputs.trees, ...inputs.files];
  const files = new Set(all);
  return touched.some(
    (file) =>
      files.has(file) ||
      trees.some((tree) => file.startsWith(tree)) ||
      folders.has(posix.dirname(file) === '.' ? '' : posix.dirname(file)) ||
      all.some((input) => input.startsWith(`${file}/`)),
  );
}

async function fileDependencies(root: string, chartPath: string): Promise<string[]> {
  const dependencies = await listedDependencies(join(root, chartPath, 'Chart.yaml'));
  return dependencies.flatMap(({ repository }) =>
    typeof repository === 'string' && repository.startsWith('file://')
      ? [posix.join(chartPath, repository.slice('file://'.length))]
      : [],
  );
}
