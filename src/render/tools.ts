/**
 * Which kustomize and helm plumbline runs: an explicit override, then PLUMBLINE_KUSTOMIZE /
 * PLUMBLINE_HELM, then the binary on PATH; kustomize falls back to `kubectl kustomize`.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { PlumblineError } from '../errors.js';

export interface ToolOverrides {
  kustomize?: string;
  helm?: string;
}

/** An executable and the arguments that come before the caller's own. */
export interface ToolCommand {
  executable: string;
  leadingArgs: string[];
  /** How messages name it: `kustomize build`, `kubectl kustomize`, `helm template`. */
  label: string;
}

export async function kustomizeCommand(overrides: ToolOverrides = {}): Promise<ToolCommand> {
  const explicit = overrides.kustomize ?? nonEmpty(process.env.PLUMBLINE_KUSTOMIZE);
  const kustomize = explicit ?? (await findOnPath('kustomize'));
  if (kustomize) return { executable: kustomize, leadingArgs: ['build'], label: 'kustomize build' };
  const kubectl = await findOnPath('kubectl');
  if (kubectl) return { executable: kubectl, leadingArgs: ['kustomize'], label: 'kubectl kustomize' };
  throw new PlumblineError(
    'Neither kustomize nor kubectl was found on PATH',
    'Install kustomize (or kubectl, which includes it), or set PLUMBLINE_KUSTOMIZE to the kustomize binary.',
  );
}

export async function helmCommand(overrides: ToolOverrides = {}): Promise<ToolCommand> {
  const helm = await optionalHelm(overrides);
  if (helm) return { executable: helm, leadingArgs: ['template'], label: 'helm template' };
  throw new PlumblineError(
    'helm was not found on PATH',
    'Install helm 3, or set PLUMBLINE_HELM to the helm binary.',
  );
}

/** The helm binary if one is configured or on PATH; kustomize needs it only for helmCharts. */
export async function optionalHelm(overrides: ToolOverrides = {}): Promise<string | undefined> {
  return overrides.helm ?? nonEmpty(process.env.PLUMBLINE_HELM) ?? (await findOnPath('helm'));
}

export async function findOnPath(name: string): Promise<string | undefined> {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder; try the next one.
    }
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
