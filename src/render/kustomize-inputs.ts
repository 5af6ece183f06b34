/**
 * What `kustomize build` of a folder will read, found before it runs: every kustomization
 * it reaches (resources, components, generators and the like, transitively), every file
 * they name (patches, generator files, values files), the charts of `helmCharts`, and the
 * references that are not in the repository at all (remote bases, chart repositories).
 * Only the fields kustomize reads paths from are followed; inline patches and inline
 * generator configurations are content, not paths.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { PlumblineError } from '../errors.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { syntaxReason } from '../yaml/syntax-reason.js';
import { type Boundary, realPathInside } from './containment.js';
import { isRemoteReference } from './remote-reference.js';

export interface KustomizeInputs {
  /** Kustomization folders, repository-relative, the environment's own first. */
  kustomizations: string[];
  /** Files and folders kustomize (or helm, for helmCharts) reads, repository-relative. */
  paths: string[];
  /** Chart folders of `helmCharts` (every file in them is read). */
  charts: string[];
  /** References outside the repository, with the kustomization that names them. */
  remote: Array<{ reference: string; kustomization: string }>;
}

/** Kustomizations named by other kustomizations; a fleet shares bases, so this is generous. */
const MAX_KUSTOMIZATIONS = 5000;

/**
 * Every local path is checked against the boundary before it is read, so a kustomization
 * that names a file outside the repository (or a link to one) fails here, before kustomize
 * or plumbline opens it.
 */
export async function kustomizeInputs(boundary: Boundary, folder: string): Promise<KustomizeInputs> {
  const { root } = boundary;
  const inputs: KustomizeInputs = { kustomizations: [], paths: [], charts: [], remote: [] };
  const seen = new Set<string>();
  const pending = [posix.normalize(folder)];
  while (pending.length > 0 && inputs.kustomizations.length < MAX_KUSTOMIZATIONS) {
    const dir = pending.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const file = await kustomizationFile(root, dir);
    if (!file || (await realPathInside(boundary, file)) === undefined) continue;
    inputs.kustomizations.push(dir);
    inputs.paths.push(file);
    const kustomization = await readKustomization(root, file);
    for (const reference of referencesOf(kustomization)) {
      if (reference.kind === 'remote') {
        inputs.remote.push({ reference: reference.value, kustomization: file });
        continue;
      }
      const path = posix.isAbsolute(reference.value) ? reference.value : posix.join(dir, reference.value);
      const real = await realPathInside(boundary, path);
      if (real === undefined && reference.mayBeRemote && isRemoteReference(reference.value)) {
        inputs.remote.push({ reference: reference.value, kustomization: file });
      } else if (reference.kind === 'chart') {
        inputs.charts.push(path);
      } else {
        inputs.paths.push(path);
        const isFolder = real !== undefined && (await stat(real)).isDirectory();
        if (isFolder && reference.kind === 'kustomization') pending.push(posix.normalize(path));
      }
    }
  }
  return inputs;
}

interface Reference {
  /** `kustomization`: a folder holding one, or a file; `file`: a file; `chart`: a chart folder. */
  kind: 'kustomization' | 'file' | 'chart' | 'remote';
  value: string;
  /** kustomize tries a missing local path as a remote one (resources, components, …). */
  mayBeRemote?: boolean;
}

type Kustomization = Record<string, unknown>;

/** Fields whose entries are kustomizations (folders) or manifest files, or remote bases. */
const RESOURCE_FIELDS = ['resources', 'bases', 'components', 'generators', 'transformers', 'validators'];
/** Fields whose entries are files (remote URLs allowed for some; treated alike). */
const FILE_LIST_FIELDS = ['crds', 'configurations', 'patchesStrategicMerge'];
const PATCH_FIELDS = ['patches', 'patchesJson6902', 'replacements'];
const GENERATOR_FIELDS = ['configMapGenerator', 'secretGenerator'];

function referencesOf(kustomization: Kustomization): Reference[] {
  const references: Reference[] = [];
  const add = (kind: Reference['kind'], value: unknown, mayBeRemote = false) => {
    // Entries with a line break are inline YAML (a patch, a generator's configuration).
    if (typeof value === 'string' && value !== '' && !value.includes('\n'))
      references.push({ kind, value, mayBeRemote });
  };
  for (const field of RESOURCE_FIELDS)
    for (const entry of listOf(kustomization[field])) add('kustomization', entry, true);
  for (const field of FILE_LIST_FIELDS)
    for (const entry of listOf(kustomization[field])) add('file', entry, true);
  for (const field of PATCH_FIELDS)
    for (const entry of listOf(kustomization[field])) add('file', recordOf(entry).path);
  for (const field of GENERATOR_FIELDS) {
    for (const generator of listOf(kustomization[field])) {
      const { files, envs, env } = recordOf(generator);
      // `files` entries may be `key=path`.
      for (const entry of listOf(files))
        add('file', typeof entry === 'string' ? entry.slice(entry.indexOf('=') + 1) : entry);
      for (const entry of listOf(envs)) add('file', entry);
      add('file', env);
    }
  }
  add('file', recordOf(kustomization.openapi).path);

  const globals = recordOf(kustomization.helmGlobals);
  const chartHome = typeof globals.chartHome === 'string' ? globals.chartHome : 'charts';
  // configHome is not followed: the sandbox's helm ignores it (see sandbox.ts).
  const charts = [...listOf(kustomization.helmCharts), ...listOf(kustomization.helmChartInflationGenerator)];
  for (const chart of charts.map(recordOf)) {
    const repo = chart.repo ?? chart.chartRepoUrl;
    if (typeof repo === 'string' && repo !== '') references.push({ kind: 'remote', value: repo });
    else if (typeof chart.name === 'string' || typeof chart.chartName === 'string')
      add('chart', posix.join(chartHome, String(chart.name ?? chart.chartName)));
    add('file', chart.valuesFile ?? chart.valuesLocal);
    for (const entry of listOf(chart.additionalValuesFiles)) add('file', entry);
  }
  if (charts.length > 0) add('file', chartHome);
  return references;
}

async function kustomizationFile(root: string, dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    if (await isFile(join(root, dir, name))) return posix.join(dir, name);
  }
  return undefined;
}

/**
 * The kustomization as data. kustomize's own message for one that does not parse names
 * neither the file nor the kustomization it came from, so plumbline reports it: file,
 * line, column and reason, without the text (syntax-reason.ts).
 */
async function readKustomization(root: string, file: string): Promise<Kustomization> {
  const text = await readFile(join(root, file), 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new PlumblineError(
      `${file}:${line}:${col}: YAML syntax: ${syntaxReason(error)}`,
      'Fix the YAML at that line; kustomize reads the kustomization as YAML.',
    );
  }
  const value = plainValue(document, aliasBudget());
  if (!value.ok) {
    const { line, col } = lineCounter.linePos(value.offset);
    throw new PlumblineError(`${file}:${line}:${col}: YAML aliases: ${value.reason}`);
  }
  return recordOf(value.value);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function recordOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
