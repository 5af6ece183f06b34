/**
 * What a Flux environment's render (render/flux.ts) can depend on, for render/inputs.ts:
 * the file that writes its Kustomization, what kustomize reads to build its spec.path and
 * components (the path's kustomization, or every file below a path without one and the
 * kustomizations of its subfolders), every source, ConfigMap and Secret file of its
 * cluster (a HelmRelease's chart and valuesFrom, a postBuild's substituteFrom, are found by
 * name among them) and the kustomizations that decide which files the cluster applies. A
 * file that stops holding a source is one of them at the base: a change is checked against
 * both sides for Flux environments (commands/affected.ts). A chart kept in this repository
 * is found through a GitRepository by a path a patch may rewrite: an environment whose
 * files name both a HelmRelease and a GitRepository, or whose cluster has a HelmChart,
 * counts as reading anything.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import type { FluxIdentity } from '../config/types.js';
import type { FluxDiscovery } from '../flux/discover.js';

export type FluxEnvironmentReads =
  | { kind: 'anything' }
  | {
      kind: 'paths';
      /** Folders whose kustomization kustomize builds (each traced like a kustomize environment). */
      kustomizations: string[];
      /** Folders any file below which counts (a path without a kustomization). */
      trees: string[];
      files: string[];
    };

const SOURCE_KINDS = new Set([
  'HelmRepository',
  'OCIRepository',
  'GitRepository',
  'Bucket',
  'ConfigMap',
  'Secret',
]);

/** `root` is the checkout `discovery` was made in; paths are relative to it. */
export function fluxEnvironmentReads(
  root: string,
  discovery: FluxDiscovery,
  identity: FluxIdentity,
): FluxEnvironmentReads {
  if (identity.problem) return { kind: 'anything' };
  const found = discovery.environments.find(
    (env) =>
      env.cluster === identity.cluster &&
      env.namespace === identity.namespace &&
      env.kustomizationName === identity.name,
  );
  // Not applied in this checkout, and applied in the other (or it would not be planned).
  if (!found) return { kind: 'anything' };
  const cluster = discovery.clusters.get(found.cluster);
  const objects = cluster?.objects ?? [];
  if (objects.some((object) => object.kind === 'HelmChart')) return { kind: 'anything' };
  const reads = {
    kind: 'paths' as const,
    kustomizations: [] as string[],
    trees: [] as string[],
    files: [
      found.file,
      ...objects.filter((object) => SOURCE_KINDS.has(object.kind)).map((object) => object.file),
      // Which files the cluster applies, and so which sources it has, is theirs to say.
      ...(cluster?.files ?? []).filter((file) =>
        (KUSTOMIZATION_FILES as readonly string[]).includes(posix.basename(file)),
      ),
    ],
  };
  const components = (found.object.spec as { components?: unknown } | undefined)?.components;
  const folders = [
    found.path,
    ...(Array.isArray(components) ? components.filter((entry) => typeof entry === 'string') : []).map(
      (entry) => posix.join(found.path, entry),
    ),
  ];
  for (const folder of folders) {
    if (hasKustomization(root, folder)) {
      reads.kustomizations.push(folder);
      continue;
    }
    const below = kustomizationsBelow(root, folder);
    if (!below) return { kind: 'anything' };
    reads.trees.push(folder);
    reads.kustomizations.push(...below);
  }
  // The Kustomization's own patches may point a HelmRelease at a chart in this repository.
  const patches = (found.object.spec as { patches?: unknown } | undefined)?.patches;
  if (JSON.stringify(patches ?? []).includes('GitRepository')) return { kind: 'anything' };
  return reads;
}

/**
 * Whether these files (relative to `root`) may give a HelmRelease a chart from this
 * repository: one names a HelmRelease and one a GitRepository (a patch and its target may
 * be two files), or a kind left to a postBuild variable. A cluster's bootstrap names a
 * GitRepository and no HelmRelease.
 */
export function mayUseChartFromRepository(root: string, files: readonly string[]): boolean {
  let release = false;
  let repository = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue;
    }
    release ||= text.includes('HelmRelease');
    // A kind a postBuild variable fills in may be GitRepository too.
    repository ||= text.includes('GitRepository') || TEMPLATED_KIND.test(text);
    if (release && repository) return true;
  }
  return false;
}

/** `kind: ${VAR}` in any YAML form: a source kind only the variables decide. */
const TEMPLATED_KIND = /kind["']?\s*:\s*["']?\$\{/;

function hasKustomization(root: string, folder: string): boolean {
  return KUSTOMIZATION_FILES.some((name) => {
    try {
      return statSync(join(root, folder, name)).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * The subfolders of a generated kustomization's folder that hold one (listed as folders);
 * undefined when a link is on the way: what the generator reads through it is elsewhere.
 */
function kustomizationsBelow(root: string, folder: string): string[] | undefined {
  const found: string[] = [];
  const walk = (at: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, at), { withFileTypes: true });
    } catch {
      return true;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) return false;
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = posix.join(at, entry.name);
      if (hasKustomization(root, child)) found.push(child);
      else if (!walk(child)) return false;
    }
    return true;
  };
  return walk(folder) ? found : undefined;
}

/** Every file below a folder (relative to `root`), links left out (a tree with one reads as anything above). */
export function filesBelow(root: string, folder: string): string[] {
  const files: string[] = [];
  const walk = (at: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, at), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = posix.join(at, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk(folder);
  return files;
}
