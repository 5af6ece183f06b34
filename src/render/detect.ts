/** Renderer `auto`: what the environment folder holds decides. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KUSTOMIZATION_FILES } from '../config/discover.js';

export type ConcreteRenderer = 'plain' | 'kustomize' | 'helm';

export async function detectRenderer(repoRoot: string, path: string): Promise<ConcreteRenderer> {
  const files = new Set(readdirSync(join(repoRoot, path)));
  if (KUSTOMIZATION_FILES.some((file) => files.has(file))) return 'kustomize';
  if (files.has('Chart.yaml')) return 'helm';
  return 'plain';
}
