/**
 * Which kubeconfig a run uses, and whether it has one at all, decided in one place for
 * every entry: an explicit file (a CLI flag, or the action's kubeconfig input written to
 * a private file), else the first file KUBECONFIG names, else ~/.kube/config as kubectl
 * and the Kubernetes client read it. "No kubeconfig" is what makes `auto` plan offline.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface KubeconfigChoice {
  /** The file to read; absent: the client's own default (~/.kube/config). */
  path?: string;
  /** Whether any kubeconfig exists for this run. */
  available: boolean;
}

export function chooseKubeconfig(
  explicit: string | undefined,
  env: Record<string, string | undefined> = process.env,
): KubeconfigChoice {
  const path = explicit || env.KUBECONFIG?.split(':')[0] || undefined;
  if (path) return { path, available: true };
  return { available: existsSync(join(env.HOME || homedir(), '.kube', 'config')) };
}
