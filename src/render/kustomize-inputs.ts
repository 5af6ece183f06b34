/**
 * What `kustomize build` of a folder will read, found before it runs: every kustomization
 * it reaches (resources, components, generators and the like, transitively), every file
 * they name (patches, generator files, values files), the charts of `helmCharts` and of
 * builtin generator configurations, and the references that are not in the repository at
 * all (remote bases, URLs in place of files, chart repositories).
 *
 * It reads as kustomize does: paths are resolved from the real folder of the kustomization
 * that names them (through links), generator and transformer configurations (files and
 * inline) are read for the paths they carry, and anything it cannot see the way kustomize
 * would (a YAML merge key) fails closed.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { PlumblineError } from '../errors.js';
import { listOf, recordOf } from '../yaml/plain-data.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { simpleYamlDocuments } from '../yaml/simple-data.js';
import { syntaxReason } from '../yaml/syntax-reason.js';
import { type Boundary, realPathInside, remembered } from './containment.js';
import { isRemoteReference } from './remote-reference.js';

export interface KustomizeInputs {
  /** Kustomization folders, repository-relative (real paths), the environment's own first. */
  kustomizations: string[];
  /** Files and folders kustomize (or helm, for charts) reads, repository-relative. */
  paths: string[];
  /** Chart folders (every file in them is read), absolute real paths. */
  charts: string[];
  /** References outside the repository, with the file that names them. */
  remote: Array<{ reference: string; kustomization: string }>;
  /**
   * Every local path as a kustomization names it, before links are resolved and whether it
   * exists or not: what a change must not touch for the build to stay the same.
   */
  named: string[];
}

/** Kustomizations named by other kustomizations; a fleet shares bases, so this is generous. */
const MAX_KUSTOMIZATIONS = 5000;

/**
 * Every local path is checked against the boundary before it is read, so a kustomization
 * that names a file outside the repository (or a link to one) fails here, before kustomize
 * or plumbline opens it.
 */
export async function kustomizeInputs(boundary: Boundary, folder: string): Promise<KustomizeInputs> {
  const inputs: KustomizeInputs = { kustomizations: [], paths: [], charts: [], remote: [], named: [] };
  const start = await realPathInside(boundary, folder);
  if (start === undefined) return inputs;
  // Paths here are normalised (realpath or join), so below the root a slice is the answer.
  const below = `${boundary.root}${sep}`;
  const shown = (path: string) =>
    path.startsWith(below) && sep === '/'
      ? path.slice(below.length)
      : relative(boundary.root, path).split(sep).join('/') || '.';
  const seen = new Set<string>();
  const pending = [start];

  /** Follows the references of one kustomization (or builtin configuration) in `dir`. */
  const follow = async (references: Reference[], dir: string, namedIn: string): Promise<void> => {
    for (const reference of references) {
      if (reference.kind === 'remote') {
        inputs.remote.push({ reference: reference.value, kustomization: namedIn });
        continue;
      }
      if (reference.kind === 'inline-config') {
        await follow(configReferences(parseYaml(reference.value, namedIn)), dir, namedIn);
        continue;
      }
      const path = isAbsolute(reference.value) ? reference.value : join(dir, reference.value);
      if (!isRemoteReference(reference.value)) inputs.named.push(shown(path));
      const real = await realPathInside(boundary, path);
      if (real === undefined) {
        // kustomize loads a path that does not exist locally as a URL or a git repository.
        if (isRemoteReference(reference.value))
          inputs.remote.push({ reference: reference.value, kustomization: namedIn });
        continue;
      }
      if (reference.kind === 'chart') {
        inputs.charts.push(real);
        continue;
      }
      inputs.paths.push(shown(real));
      const isFolder = statSync(real).isDirectory();
      if (isFolder && reference.kind === 'kustomization') pending.push(real);
      else if (!isFolder && reference.kind === 'kustomization' && reference.config) {
        // A file in generators/transformers/validators is a builtin's configuration.
        const file = shown(real);
        await follow(configReferences(await parsedFile(boundary, real, file)), dir, file);
      }
    }
  };

  while (pending.length > 0 && inputs.kustomizations.length < MAX_KUSTOMIZATIONS) {
    const dir = pending.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const file = await remembered(boundary, `kustomization ${dir}`, () => kustomizationFile(dir));
    if (!file || (await realPathInside(boundary, file)) === undefined) continue;
    inputs.kustomizations.push(shown(dir));
    inputs.paths.push(shown(file));
    const [kustomization = {}] = await parsedFile(boundary, file, shown(file));
    await follow(kustomizationReferences(kustomization), dir, shown(file));
  }
  return inputs;
}

interface Reference {
  /**
   * `kustomization`: a folder holding one, a manifest file or (with `config`) a builtin's
   * configuration; `file`: a file; `chart`: a chart folder; `inline-config`: configuration
   * written in place; `remote`: a chart repository.
   */
  kind: 'kustomization' | 'file' | 'chart' | 'inline-config' | 'remote';
  value: string;
  /** Entries of generators, transformers and validators: configurations when they are files. */
  config?: boolean;
}

type Kustomization = Record<string, unknown>;

/** Fields whose entries are kustomizations (folders), manifest files or remote bases. */
const RESOURCE_FIELDS = ['resources', 'bases', 'components'];
/** Fields whose entries are folders or builtin configurations (files or inline). */
const CONFIG_FIELDS = ['generators', 'transformers', 'validators'];
/** Fields whose entries are files (kustomize fetches a URL in their place too). */
const FILE_LIST_FIELDS = ['crds', 'configurations', 'patchesStrategicMerge'];
const PATCH_FIELDS = ['patches', 'patchesJson6902', 'replacements'];
const GENERATOR_FIELDS = ['configMapGenerator', 'secretGenerator'];

function kustomizationReferences(kustomization: Kustomization): Reference[] {
  const references: Reference[] = [];
  const add = (kind: Reference['kind'], value: unknown) => {
    // Entries with a line break are inline YAML (a patch), content rather than a path.
    if (typeof value === 'string' && value !== '' && !value.includes('\n')) references.push({ kind, value });
  };
  for (const field of RESOURCE_FIELDS)
    for (const entry of listOf(kustomization[field])) add('kustomization', entry);
  for (const field of CONFIG_FIELDS) {
    for (const entry of listOf(kustomization[field])) {
      if (typeof entry !== 'string') continue;
      if (entry.includes('\n')) references.push({ kind: 'inline-config', value: entry });
      else references.push({ kind: 'kustomization', value: entry, config: true });
    }
  }
  for (const field of FILE_LIST_FIELDS) for (const entry of listOf(kustomization[field])) add('file', entry);
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
      add('chart', join(chartHome, String(chart.name ?? chart.chartName)));
    add('file', chart.valuesFile ?? chart.valuesLocal);
    for (const entry of listOf(chart.additionalValuesFiles)) add('file', entry);
  }
  if (charts.length > 0) add('file', chartHome);
  return references;
}

/**
 * The paths a builtin generator or transformer configuration carries, as the kustomization
 * field that does the same job would (kustomize runs them alike). Other kinds carry no path;
 * plugins of other kinds do not run (no --enable-alpha-plugins, no --enable-exec).
 */
function configReferences(documents: Kustomization[]): Reference[] {
  return documents.flatMap((config) => {
    switch (config.kind) {
      case 'HelmChartInflationGenerator':
        return kustomizationReferences({
          helmGlobals: { chartHome: config.chartHome },
          helmCharts: [config],
        });
      case 'PatchTransformer':
      case 'PatchJson6902Transformer':
        return kustomizationReferences({ patches: [config] });
      case 'PatchStrategicMergeTransformer':
        return kustomizationReferences({ patchesStrategicMerge: config.paths });
      case 'ReplacementTransformer':
        return kustomizationReferences({ replacements: config.replacements });
      case 'ConfigMapGenerator':
      case 'SecretGenerator':
        return kustomizationReferences({ configMapGenerator: [config] });
      default:
        return [];
    }
  });
}

/** A kustomization or configuration file's documents, parsed once per boundary with a memo. */
function parsedFile(boundary: Boundary, file: string, shown: string): Promise<Kustomization[]> {
  return remembered(boundary, `parsed ${file}`, async () => {
    const text = readFileSync(file, 'utf8');
    // The same file at the base and at the head is parsed once (a memo shared by both).
    return remembered(boundary, `yaml ${shown}\0${text}`, async () => parseYaml(text, shown));
  });
}

async function kustomizationFile(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    if (await isFile(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * The documents of a kustomization or configuration, as data. kustomize's own message for
 * one that does not parse names neither the file nor the kustomization it came from, so
 * plumbline reports it: file, line, column and reason, without the text (syntax-reason.ts).
 * A merge key (`<<`) is refused: kustomize's YAML applies it and plumbline's does not, so
 * the fields behind one would go unchecked. Simple text (most kustomizations) is read by
 * the fast path of simple-data.ts.
 */
function parseYaml(text: string, file: string): Kustomization[] {
  const simple = simpleYamlDocuments(text);
  if (simple) return simple.map(recordOf);
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const list: Document.Parsed[] = Array.isArray(documents) ? documents : [];
  const values: Kustomization[] = [];
  const budget = aliasBudget();
  for (const document of list) {
    const [error] = document.errors;
    if (error) {
      throw new PlumblineError(
        `${at(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`,
        'Fix the YAML at that line; kustomize reads it as YAML.',
      );
    }
    const value = plainValue(document, budget);
    if (!value.ok) throw new PlumblineError(`${at(value.offset)}: YAML aliases: ${value.reason}`);
    if (hasMergeKey(value.value)) {
      throw new PlumblineError(
        `${file} uses a YAML merge key (<<), which kustomize applies and plumbline does not follow`,
        'Write the merged fields out in full.',
      );
    }
    values.push(recordOf(value.value));
  }
  return values;
}

function hasMergeKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasMergeKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key === '<<' || hasMergeKey(inner));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
