/**
 * Which kustomize and helm plumbline runs: an explicit override, then PLUMBLINE_KUSTOMIZE /
 * PLUMBLINE_HELM, then the binary on PATH; kustomize falls back to `kubectl kustomize`.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { PlumblineError } from '../errors.js';
import { runTool } from './run-tool.js';

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

const helmVersions = new Map<string, Promise<string>>();

/**
 * The version of a helm binary (`v3.22.0`, `v4.3.1`), asked once per binary per process.
 * Helm 3 and 4 render alike through the flags plumbline uses; an older or unknown helm is
 * refused rather than trusted to.
 */
export function helmVersion(helm: string, env: NodeJS.ProcessEnv): Promise<string> {
  let version = helmVersions.get(helm);
  if (!version) {
    version = askHelmVersion(helm, env);
    helmVersions.set(helm, version);
  }
  return version;
}

async function askHelmVersion(helm: string, env: NodeJS.ProcessEnv): Promise<string> {
  const tool = { executable: helm, leadingArgs: [], label: 'helm version' };
  const output = await runTool(tool, ['version', '--template', '{{.Version}}'], {
    cwd: process.cwd(),
    env,
    maxOutputBytes: 4096,
    timeoutMs: 30_000,
  });
  const version = output.outcome === 'exited' && output.exitCode === 0 ? output.stdout.trim() : '';
  if (!/^v[34]\./.test(version)) {
    throw new PlumblineError(
      `${helm} is not helm 3 or 4 (it says its version is "${version.slice(0, 40) || 'unknown'}")`,
      'Install helm 3 or 4, or set PLUMBLINE_HELM to one.',
    );
  }
  return version;
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
