/**
 * Environments without a plumbline.yaml: every folder under a conventional root that holds
 * a kustomization or a Helm chart. The folders kustomize uses for shared parts (base,
 * bases, components, and any kustomization of `kind: Component`) are not environments.
 *
 * The same rules read a checkout (`discoverEnvironments`) or a revision as git holds it
 * (`discoverEnvironmentsIn` with a listing of its tree), so the base of a change need not
 * be checked out to be discovered.
 */
import type { Dirent } from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { EnvironmentConfig } from './types.js';

export const DISCOVERY_ROOTS = ['envs', 'environments', 'clusters', 'overlays'] as const;
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;
export const SHARED_FOLDERS = new Set(['base', 'bases', 'components']);

/** What discovery reads of a tree: paths relative to the configuration's folder, with `/`. */
export interface DiscoveryTree {
  /** The regular files and the folders directly in `folder`; undefined when it is no folder. */
  list(folder: string): { files: string[]; folders: string[] } | undefined;
  /** The text of a kustomization file that mentions `Component` (most never do). */
  read(file: string): Promise<string>;
  /** Whether a kustomization file's text mentions `Component` at all, before reading it. */
  mentionsComponent(file: string): boolean;
}

interface Found {
  root: string;
  /** Repository-relative folder, posix separators. */
  path: string;
}

/** Discovered environments of a checkout, sorted by name. */
export function discoverEnvironments(repoRoot: string): Promise<EnvironmentConfig[]> {
  return discoverEnvironmentsIn(checkoutTree(repoRoot));
}

/** Discovered environments, sorted by name; empty when no conventional root holds one. */
export async function discoverEnvironmentsIn(tree: DiscoveryTree): Promise<EnvironmentConfig[]> {
  const found: Found[] = [];
  for (const root of DISCOVERY_ROOTS) {
    const folders = tree.list(root)?.folders ?? [];
    await Promise.all(folders.map((child) => collect(tree, root, child, found)));
  }
  const nameOf = (item: Found) => posix.relative(item.root, item.path);
  const counts = new Map<string, number>();
  for (const item of found) counts.set(nameOf(item), (counts.get(nameOf(item)) ?? 0) + 1);
  return found
    .map((item): EnvironmentConfig => {
      // envs/dev and clusters/dev would both be "dev": such names keep their root.
      const name = counts.get(nameOf(item))! > 1 ? item.path : nameOf(item);
      return { name, path: item.path, renderer: 'auto' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function collect(tree: DiscoveryTree, root: string, folder: string, found: Found[]): Promise<void> {
  const name = posix.basename(folder);
  if (SHARED_FOLDERS.has(name) || name.startsWith('.') || name === 'node_modules') return;
  const listing = tree.list(folder);
  if (!listing) return;
  const files = new Set(listing.files);
  const kustomization = KUSTOMIZATION_FILES.find((file) => files.has(file));
  if (kustomization) {
    if (!(await isComponent(tree, posix.join(folder, kustomization)))) found.push({ root, path: folder });
    return;
  }
  if (files.has('Chart.yaml')) {
    found.push({ root, path: folder });
    return;
  }
  // Siblings are read side by side, and sorted again by the caller.
  await Promise.all(listing.folders.map((child) => collect(tree, root, child, found)));
}

async function isComponent(tree: DiscoveryTree, file: string): Promise<boolean> {
  // Most kustomizations never say Component: parsing them all is what a fleet pays for.
  if (!tree.mentionsComponent(file)) return false;
  return parseDocument(await tree.read(file)).get('kind') === 'Component';
}

/**
 * A checkout on disk. Synchronous: a fleet is thousands of tiny reads, each cheaper than a
 * thread-pool round trip. Symbolic links are not followed: a link back up the tree would
 * never end.
 */
function checkoutTree(repoRoot: string): DiscoveryTree {
  const texts = new Map<string, string>();
  const text = (file: string) => {
    let value = texts.get(file);
    if (value === undefined) {
      value = readFileSync(join(repoRoot, file), 'utf8');
      texts.set(file, value);
    }
    return value;
  };
  return {
    list(folder) {
      let entries: Dirent[];
      try {
        entries = readdirSync(join(repoRoot, folder), { withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      }
      return {
        files: entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
        folders: entries
          .filter((entry) => entry.isDirectory())
          .map((entry) => posix.join(folder, entry.name))
          .sort(),
      };
    },
    mentionsComponent: (file) => text(file).includes('Component'),
    read: async (file) => text(file),
  };
}
