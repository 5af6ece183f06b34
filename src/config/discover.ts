/**
 * Environments without a plumbline.yaml: every folder under a conventional root that holds
 * a kustomization or a Helm chart. The folders kustomize uses for shared parts (base,
 * bases, components, and any kustomization of `kind: Component`) are not environments.
 */
import type { Dirent } from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { EnvironmentConfig } from './types.js';

export const DISCOVERY_ROOTS = ['envs', 'environments', 'clusters', 'overlays'] as const;
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;
export const SHARED_FOLDERS = new Set(['base', 'bases', 'components']);

interface Found {
  root: string;
  /** Repository-relative folder, posix separators. */
  path: string;
}

/** Discovered environments, sorted by name; empty when no conventional root holds one. */
export async function discoverEnvironments(repoRoot: string): Promise<EnvironmentConfig[]> {
  const found: Found[] = [];
  for (const root of DISCOVERY_ROOTS) {
    await Promise.all(
      (await subfolders(repoRoot, root)).map((child) => collect(repoRoot, root, child, found)),
    );
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

async function collect(repoRoot: string, root: string, folder: string, found: Found[]): Promise<void> {
  const name = posix.basename(folder);
  if (SHARED_FOLDERS.has(name) || name.startsWith('.') || name === 'node_modules') return;
  // Synchronous: a fleet is thousands of tiny reads, each cheaper than a thread-pool round trip.
  const entries = readdirSync(join(repoRoot, folder), { withFileTypes: true });
  const files = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
  const kustomization = KUSTOMIZATION_FILES.find((file) => files.has(file));
  if (kustomization) {
    if (!(await isComponent(join(repoRoot, folder, kustomization)))) found.push({ root, path: folder });
    return;
  }
  if (files.has('Chart.yaml')) {
    found.push({ root, path: folder });
    return;
  }
  // Siblings are read side by side, and sorted again by the caller.
  await Promise.all(directories(entries, folder).map((child) => collect(repoRoot, root, child, found)));
}

async function subfolders(repoRoot: string, folder: string): Promise<string[]> {
  try {
    return directories(readdirSync(join(repoRoot, folder), { withFileTypes: true }), folder);
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      return [];
    }
    throw error;
  }
}

// Symbolic links are not followed: a link back up the tree would never end.
function directories(entries: Dirent[], folder: string): string[] {
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => posix.join(folder, entry.name))
    .sort();
}

async function isComponent(file: string): Promise<boolean> {
  const text = readFileSync(file, 'utf8');
  // Most kustomizations never say Component: parsing them all is what a fleet pays for.
  if (!text.includes('Component')) return false;
  return parseDocument(text).get('kind') === 'Component';
}
