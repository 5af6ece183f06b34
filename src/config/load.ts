/**
 * Loads the repository's configuration: plumbline.yaml (or .yml) at the root, validated,
 * with defaults filled in; without one, the environments found by discovery.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { PlumblineError } from '../errors.js';
import { DISCOVERY_ROOTS, discoverEnvironments } from './discover.js';
import { parseConfigText, type WrittenConfig } from './parse.js';
import { ConfigError, type ConfigProblem } from './problems.js';
import type { EnvironmentConfig, PlumblineConfig } from './types.js';

export const CONFIG_FILES = ['plumbline.yaml', 'plumbline.yml'] as const;

export async function loadConfig(repoRoot: string): Promise<PlumblineConfig> {
  const file = await findConfigFile(repoRoot);
  if (!file) return withDiscoveredEnvironments(repoRoot, undefined);

  const parsed = parseConfigText(await readFile(join(repoRoot, file), 'utf8'), file);
  if (!parsed.config) throw new ConfigError(parsed.problems);
  const { config } = parsed;
  if (!config.environments) return withDiscoveredEnvironments(repoRoot, config);

  const problems: ConfigProblem[] = [];
  for (const [index, environment] of config.environments.entries()) {
    const problem = await checkFolders(repoRoot, environment);
    if (!problem) continue;
    const { segments, ...described } = problem;
    problems.push({ file, ...parsed.locate(['environments', index, ...segments]), ...described });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, environments: config.environments };
}

async function findConfigFile(repoRoot: string): Promise<string | undefined> {
  const present: string[] = [];
  for (const name of CONFIG_FILES) if (await isFile(join(repoRoot, name))) present.push(name);
  if (present.length > 1) {
    throw new PlumblineError(
      `Both ${present.join(' and ')} exist in ${repoRoot}`,
      'Keep one of them; plumbline will not guess which one you meant.',
    );
  }
  return present[0];
}

async function withDiscoveredEnvironments(
  repoRoot: string,
  written: WrittenConfig | undefined,
): Promise<PlumblineConfig> {
  const environments = await discoverEnvironments(repoRoot);
  if (environments.length === 0) {
    const roots = DISCOVERY_ROOTS.map((root) => `${root}/`).join(', ');
    const configured = written?.file ? `${written.file} lists no environments` : 'There is no plumbline.yaml';
    throw new PlumblineError(
      `${configured} and no environment was found under ${roots} in ${repoRoot} ` +
        '(there, an environment is a folder holding kustomization.yaml, kustomization.yml, Kustomization or Chart.yaml).',
      'Add plumbline.yaml at the repository root, e.g.:\n' +
        'environments:\n' +
        '  - name: dev\n' +
        '    path: deploy/dev\n' +
        '  - name: prod\n' +
        '    path: deploy/prod\n' +
        '    promote: { from: dev }\n' +
        'See docs/configuration.md.',
    );
  }
  if (written) return { ...written, environments };
  return { environments, diff: { ignore: [] }, drift: { after: 1, labels: ['drift'] } };
}

interface FolderProblem {
  segments: (string | number)[];
  message: string;
  hint?: string;
}

async function checkFolders(
  repoRoot: string,
  environment: EnvironmentConfig,
): Promise<FolderProblem | undefined> {
  const folder = join(repoRoot, environment.path);
  const kind = await entryKind(folder);
  if (kind !== 'directory') {
    return {
      segments: ['path'],
      message: `path "${environment.path}" ${kind === 'missing' ? 'does not exist' : 'is not a folder'}`,
      hint: await siblingsHint(repoRoot, environment.path),
    };
  }
  for (const [index, valuesFile] of (environment.helm?.valuesFiles ?? []).entries()) {
    if ((await entryKind(join(folder, valuesFile))) !== 'file') {
      return {
        segments: ['helm', 'valuesFiles', index],
        message: `values file "${valuesFile}" does not exist in ${environment.path}`,
        hint: 'Values files are relative to the environment path.',
      };
    }
  }
  return undefined;
}

async function siblingsHint(repoRoot: string, path: string): Promise<string> {
  const parent = posix.dirname(path);
  try {
    const entries = await readdir(join(repoRoot, parent), { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
    if (folders.length > 0) {
      const where = parent === '.' ? 'the repository root' : `${parent}/`;
      return `Folders in ${where}: ${folders.map((entry) => entry.name).join(', ')}. Paths are relative to the repository root.`;
    }
  } catch {
    // The parent is missing too; the generic hint below says what to do.
  }
  return 'Paths are relative to the repository root.';
}

async function entryKind(path: string): Promise<'file' | 'directory' | 'other' | 'missing'> {
  try {
    const stats = await stat(path);
    return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await entryKind(path)) === 'file';
}
