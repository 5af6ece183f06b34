/**
 * Loads the repository's configuration: plumbline.yaml (or .yml) at the root, validated,
 * with defaults filled in; without one, the environments found by discovery.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';
import { PlumblineError } from '../errors.js';
import { DISCOVERY_ROOTS, discoverEnvironments } from './discover.js';
import { parseConfigText, renderSettings, type WrittenConfig } from './parse.js';
import { ConfigError, type ConfigProblem } from './problems.js';
import type { EnvironmentConfig, PlumblineConfig } from './types.js';

export const CONFIG_FILES = ['plumbline.yaml', 'plumbline.yml'] as const;

/** A configuration file's name and text, as one revision holds it. */
export interface ConfigSource {
  file: string;
  text: string;
}

/** The configuration of the checkout at `repoRoot`, its folders checked. */
export async function loadConfig(repoRoot: string): Promise<PlumblineConfig> {
  const source = await readConfigFile(repoRoot);
  if (!source) return withDiscoveredEnvironments(repoRoot, undefined);

  const parsed = parseConfigText(source.text, source.file);
  if (!parsed.config) throw new ConfigError(parsed.problems);
  const { config } = parsed;
  if (!config.environments) return withDiscoveredEnvironments(repoRoot, config);

  const problems: ConfigProblem[] = [];
  for (const [index, environment] of config.environments.entries()) {
    const problem = await checkFolders(repoRoot, environment);
    if (!problem) continue;
    const { segments, ...described } = problem;
    problems.push({
      file: source.file,
      ...parsed.locate(['environments', index, ...segments]),
      ...described,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, environments: config.environments };
}

/**
 * The configuration another revision holds (the trusted base of a change), applied to the
 * checkout at `repoRoot`: environments it does not list are discovered there. Its folders
 * are not checked against this checkout; an environment whose folder the change removed
 * fails alone when it is rendered.
 */
export async function loadConfigFrom(
  source: ConfigSource | undefined,
  repoRoot: string,
  /**
   * Environments discovered in another checkout (the base's), planned too when the file
   * lists none: an environment a change removes is still planned, as the deletion of
   * everything it held.
   */
  alsoDiscovered: readonly EnvironmentConfig[] = [],
): Promise<PlumblineConfig> {
  if (!source) return withDiscoveredEnvironments(repoRoot, undefined, alsoDiscovered);
  const parsed = parseConfigText(source.text, source.file);
  if (!parsed.config) throw new ConfigError(parsed.problems);
  const { config } = parsed;
  if (!config.environments) return withDiscoveredEnvironments(repoRoot, config, alsoDiscovered);
  return { ...config, environments: config.environments };
}

/**
 * The configuration file of the checkout, if any. A link is followed only when it stays
 * inside the repository: its target's content is never read, so an error cannot show it.
 */
export async function readConfigFile(repoRoot: string): Promise<ConfigSource | undefined> {
  const file = await findConfigFile(repoRoot);
  if (!file) return undefined;
  const path = join(repoRoot, file);
  if ((await lstat(path)).isSymbolicLink()) {
    const [real, top] = await Promise.all([realpath(path), realpath(repoRoot)]);
    if (!real.startsWith(`${top}${sep}`)) {
      throw new PlumblineError(
        `${file} is a symbolic link that leads outside the repository`,
        `Replace ${file} with the configuration file itself.`,
      );
    }
  }
  return { file, text: await readFile(path, 'utf8') };
}

async function findConfigFile(repoRoot: string): Promise<string | undefined> {
  const present: string[] = [];
  for (const name of CONFIG_FILES) if (await isFileOrLink(join(repoRoot, name))) present.push(name);
  if (present.length > 1) {
    throw new PlumblineError(
      `Both ${present.join(' and ')} exist in ${repoRoot}`,
      'Keep one of them; plumbline will not guess which one you meant.',
    );
  }
  return present[0];
}

/** A file, or a link (checked before it is followed); lstat so a link is never read here. */
async function isFileOrLink(path: string): Promise<boolean> {
  return lstat(path).then(
    (stats) => stats.isFile() || stats.isSymbolicLink(),
    () => false,
  );
}

async function withDiscoveredEnvironments(
  repoRoot: string,
  written: WrittenConfig | undefined,
  alsoDiscovered: readonly EnvironmentConfig[] = [],
): Promise<PlumblineConfig> {
  // One environment per folder across the checkouts; a name two folders share (envs/prod
  // at the base, clusters/prod at the head) falls back to the folder, so neither hides the other.
  const byPath = new Map<string, EnvironmentConfig>();
  for (const environment of [...alsoDiscovered, ...(await discoverEnvironments(repoRoot))]) {
    byPath.set(environment.path, environment);
  }
  const named = new Map<string, number>();
  for (const { name } of byPath.values()) named.set(name, (named.get(name) ?? 0) + 1);
  const environments = [...byPath.values()]
    .map((environment) =>
      named.get(environment.name)! > 1 ? { ...environment, name: environment.path } : environment,
    )
    .sort((a, b) => a.name.localeCompare(b.name));
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
  if (written) {
    const { capabilities } = written;
    return {
      ...written,
      environments: capabilities
        ? environments.map((environment) => ({ capabilities, ...environment }))
        : environments,
    };
  }
  return {
    environments,
    render: renderSettings(),
    diff: { ignore: [] },
    drift: { after: 1, labels: ['drift'] },
  };
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
