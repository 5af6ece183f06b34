/**
 * An ApplicationSet expanded from the checkout, as Argo CD's controller expands it, into
 * the Applications it would create (research in docs/argocd.md):
 *
 * - generators: `list` (`elements`, `elementsYaml`), `git` over this repository
 *   (`directories` with Go's path.Match patterns and `exclude`, hidden folders left out;
 *   `files`, whose JSON or YAML objects become parameters), `clusters` over the clusters
 *   plumbline.yaml lists under `argocd.clusters` (cluster-generator.ts), `matrix` (two
 *   children, the second interpolated with each parameter set of the first) and `merge`
 *   (`mergeKeys`);
 * - each parameter set renders `spec.template`, every string and map key of it on its own,
 *   with fasttemplate (`{{path.basename}}`, literal keys, unknown ones left as written) or,
 *   with `goTemplate: true`, Go's text/template (go-template.ts) and `goTemplateOptions`;
 *   then `templatePatch`, rendered the same way, is applied to it (template-patch.ts);
 * - every Application lands in the ApplicationSet's namespace.
 *
 * The cluster generator needs the clusters Argo CD knows, which the repository does not:
 * when the configuration lists none, it fails. The other generators (`scmProvider`,
 * `pullRequest`, `clusterDecisionResource`, `plugin`) are reported as unsupported. Either fails this ApplicationSet alone. Pure but for reading the
 * repository's folders and parameter files.
 */
import { type Dirent, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import type { ArgoClusterSettings } from '../config/types.js';
import { matchBudget } from '../flux/pattern.js';
import { repositoryIdentity } from '../git/repository-url.js';
import type { KubeObject } from '../resource.js';
import { mergeMaps, setOwn } from '../yaml/merge-maps.js';
import { listOf, recordOf, textOf } from '../yaml/plain-data.js';
import { ClusterGeneratorError, clusterParameters, sanitizeName } from './cluster-generator.js';
import { compileGlob, type GlobDialect } from './glob.js';
import { checkTemplateData, GoTemplateError, renderGoTemplate } from './go-template.js';
import { applyTemplatePatch, TemplatePatchError } from './template-patch.js';

/** One Application the ApplicationSet would create, and the files its parameters came from. */
export interface GeneratedApplication {
  object: KubeObject;
  /** Repository-relative files a `git` `files` generator read for these parameters. */
  parameterFiles: string[];
  /** Folders whose content its parameters depend on (a git directories generator merged in). */
  parameterTrees: string[];
}

export class ApplicationSetError extends Error {
  override readonly name = 'ApplicationSetError';
}

/** What an expansion reads besides the checkout. */
export interface ApplicationSetSources {
  /** The URLs of this repository: a `git` generator reads no other. */
  repositoryUrls: readonly string[];
  /**
   * The clusters Argo CD knows (`argocd.clusters`), which the `clusters` generator lists;
   * undefined when the configuration lists none, and then that generator fails.
   */
  clusters?: readonly ArgoClusterSettings[] | undefined;
}

type Params = Record<string, unknown>;

/** Parameters and the files they were read from. */
interface ParamSet {
  params: Params;
  files: string[];
  trees: string[];
}

interface Expansion {
  repoRoot: string;
  ownRepositories: Set<string>;
  /** The configured clusters, undefined when none are configured. */
  clusters: readonly ArgoClusterSettings[] | undefined;
  goTemplate: boolean;
  missingKey: 'default' | 'zero' | 'error';
  /**
   * Shared by every render and generator of the expansion (template steps, parameter sets,
   * folders walked): a hostile ApplicationSet cannot multiply its cost by its Applications.
   */
  budget: { steps: number };
  /** What its renders may still write, in characters. */
  output: { remaining: number };
}

/** Work one ApplicationSet may take in all: seconds, not hours. */
const MAX_TEMPLATE_STEPS = 10_000_000;
/** Characters its rendered templates may hold in all. */
const MAX_OUTPUT = 32 * 1024 * 1024;

/** Spends `steps` of the expansion's budget; spent, the ApplicationSet fails. */
function spend(expansion: Expansion, steps: number): void {
  expansion.budget.steps -= steps;
  if (expansion.budget.steps < 0)
    throw new ApplicationSetError('the ApplicationSet takes too much work to expand');
}

/** More parameter sets than this from one ApplicationSet is a mistake (or an attack). */
const MAX_PARAM_SETS = 5000;

export function expandApplicationSet(
  repoRoot: string,
  applicationSet: KubeObject,
  sources: ApplicationSetSources,
): GeneratedApplication[] {
  const spec = recordOf(applicationSet.spec);
  const templatePatch = spec.templatePatch ?? undefined;
  if (templatePatch !== undefined && typeof templatePatch !== 'string')
    throw new ApplicationSetError('spec.templatePatch must be a string (a template of YAML)');
  const options = listOf(spec.goTemplateOptions).filter((option) => typeof option === 'string');
  const missingKey = options.includes('missingkey=error')
    ? 'error'
    : options.includes('missingkey=zero')
      ? 'zero'
      : 'default';
  const expansion: Expansion = {
    repoRoot,
    ownRepositories: new Set(sources.repositoryUrls.map(repositoryIdentity)),
    clusters: sources.clusters,
    goTemplate: spec.goTemplate === true,
    missingKey,
    budget: { steps: MAX_TEMPLATE_STEPS },
    output: { remaining: MAX_OUTPUT },
  };
  const generators = listOf(spec.generators);
  if (generators.length === 0) throw new ApplicationSetError('spec.generators is empty');
  const template = recordOf(spec.template);
  const generated: GeneratedApplication[] = [];
  for (const [index, generator] of generators.entries()) {
    const sets = generate(expansion, recordOf(generator), `spec.generators[${index}]`);
    const own = recordOf(recordOf(generator)[generatorKind(recordOf(generator))]).template;
    const merged = own === undefined ? template : mergeMaps(template, recordOf(own));
    for (const set of sets) {
      checkParams(expansion, set.params);
      let rendered = recordOf(renderValue(expansion, merged, set.params, 'spec.template'));
      if (templatePatch !== undefined) rendered = patched(expansion, rendered, templatePatch, set.params);
      const { namespace: _templated, ...metadata } = recordOf(rendered.metadata);
      const name = textOf(metadata.name);
      if (!name) throw new ApplicationSetError('spec.template renders an Application without a name');
      const object = {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        ...rendered,
        // In the ApplicationSet's namespace, whatever the template says (absent: Argo CD's own).
        metadata: {
          ...metadata,
          name,
          ...(applicationSet.metadata.namespace ? { namespace: applicationSet.metadata.namespace } : {}),
        },
      } as KubeObject;
      generated.push({ object, parameterFiles: set.files, parameterTrees: set.trees });
    }
  }
  return generated;
}

/** The Application `rendered`, with the ApplicationSet's templatePatch rendered for its parameters and applied. */
function patched(expansion: Expansion, rendered: Params, templatePatch: string, params: Params): Params {
  const text = renderString(expansion, templatePatch, params, 'spec.templatePatch');
  const patch = parsedYaml(text, 'spec.templatePatch renders no valid YAML');
  try {
    return applyTemplatePatch(rendered, patch);
  } catch (error) {
    if (error instanceof TemplatePatchError) throw new ApplicationSetError(error.message);
    throw error;
  }
}

const GENERATOR_KINDS = [
  'list',
  'git',
  'matrix',
  'merge',
  'clusters',
  'scmProvider',
  'pullRequest',
  'clusterDecisionResource',
  'plugin',
];

function generatorKind(generator: Params): string {
  const kinds = Object.keys(generator).filter((key) => GENERATOR_KINDS.includes(key));
  if (kinds.length !== 1) {
    throw new ApplicationSetError(
      kinds.length === 0
        ? 'a generator names no known kind'
        : `a generator names several kinds: ${kinds.join(', ')}`,
    );
  }
  return kinds[0]!;
}

function generate(expansion: Expansion, generator: Params, where: string): ParamSet[] {
  const kind = generatorKind(generator);
  const body = recordOf(generator[kind]);
  let sets: ParamSet[];
  switch (kind) {
    case 'list':
      sets = listGenerator(expansion, body, where);
      break;
    case 'git':
      sets = gitGenerator(expansion, body, where);
      break;
    case 'matrix':
      sets = matrixGenerator(expansion, body, where);
      break;
    case 'merge':
      sets = mergeGenerator(expansion, body, where);
      break;
    case 'clusters':
      sets = clustersGenerator(expansion, generator[kind], where);
      break;
    default:
      throw new ApplicationSetError(`${where}: the ${kind} generator is not supported`);
  }
  if (sets.length > MAX_PARAM_SETS)
    throw new ApplicationSetError(`${where} generates more than ${MAX_PARAM_SETS} Applications`);
  spend(expansion, 10 * (sets.length + 1));
  return sets;
}

/** Go templates read plain data: checked once per parameter set, not once per string. */
function checkParams(expansion: Expansion, params: Params): void {
  if (!expansion.goTemplate) return;
  try {
    checkTemplateData(params);
  } catch (error) {
    if (error instanceof GoTemplateError)
      throw new ApplicationSetError(`the parameters cannot be read: ${error.message}`);
    throw error;
  }
}

function listGenerator(expansion: Expansion, body: Params, where: string): ParamSet[] {
  const sets: ParamSet[] = [];
  for (const [index, element] of listOf(body.elements).entries()) {
    const params = recordOf(element);
    if (!expansion.goTemplate) {
      for (const [key, value] of Object.entries(params)) {
        if (key !== 'values' && typeof value !== 'string') {
          throw new ApplicationSetError(
            `${where}.list.elements[${index}].${key} must be a string without goTemplate`,
          );
        }
      }
      sets.push({ params: flatValues(params), files: [], trees: [] });
    } else {
      sets.push({ params, files: [], trees: [] });
    }
  }
  if (typeof body.elementsYaml === 'string') {
    const parsed = parsedYaml(body.elementsYaml, `${where}.list.elementsYaml is not YAML`);
    for (const element of listOf(parsed)) sets.push({ params: recordOf(element), files: [], trees: [] });
  }
  return sets;
}

/**
 * The configured clusters the generator selects (cluster-generator.ts), in the configured
 * order. It reads no file: its parameter sets add no parameter file or folder.
 */
function clustersGenerator(expansion: Expansion, body: unknown, where: string): ParamSet[] {
  if (expansion.clusters === undefined) {
    throw new ApplicationSetError(
      `${where}: the cluster generator lists the clusters Argo CD knows, which the repository does not: list them under argocd.clusters in plumbline.yaml`,
    );
  }
  const checked = new WeakSet<Params>();
  try {
    return clusterParameters({
      body,
      clusters: expansion.clusters,
      goTemplate: expansion.goTemplate,
      where,
      render: (template, params, at) => {
        if (!checked.has(params)) {
          checkParams(expansion, params);
          checked.add(params);
        }
        return renderString(expansion, template, params, at);
      },
      spend: (steps) => spend(expansion, steps),
    }).map((params) => ({ params, files: [], trees: [] }));
  } catch (error) {
    if (error instanceof ClusterGeneratorError) throw new ApplicationSetError(error.message);
    throw error;
  }
}

/** `values: { a: x }` as `values.a` (fasttemplate keys are literal). */
function flatValues(params: Params): Params {
  const { values, ...rest } = params;
  const flat: Params = { ...rest };
  for (const [key, value] of Object.entries(recordOf(values))) {
    if (typeof value === 'string') flat[`values.${key}`] = value;
  }
  return flat;
}

function gitGenerator(expansion: Expansion, body: Params, where: string): ParamSet[] {
  const repoURL = textOf(body.repoURL);
  if (!repoURL || !expansion.ownRepositories.has(repositoryIdentity(repoURL))) {
    throw new ApplicationSetError(
      `${where}.git reads another repository than this one, which is not supported`,
    );
  }
  const prefix = textOf(body.pathParamPrefix);
  const directories = listOf(body.directories);
  if (directories.length > 0) {
    const include = directories
      .filter((item) => recordOf(item).exclude !== true)
      .map((item) => textOf(recordOf(item).path) ?? '');
    const exclude = directories
      .filter((item) => recordOf(item).exclude === true)
      .map((item) => textOf(recordOf(item).path) ?? '');
    const matchers = [include, exclude].map((patterns) => patterns.map(goPathMatcher));
    return foldersOf(expansion, include)
      .filter(
        (folder) =>
          matchers[0]!.some((match) => match(folder)) && !matchers[1]!.some((match) => match(folder)),
      )
      .map((folder) => ({
        params: withPathParams(expansion, {}, folder, undefined, prefix),
        files: [],
        trees: [],
      }));
  }
  const files = listOf(body.files);
  if (files.length === 0) throw new ApplicationSetError(`${where}.git names neither directories nor files`);
  const include = files
    .filter((item) => recordOf(item).exclude !== true)
    .map((item) => textOf(recordOf(item).path) ?? '');
  const exclude = files
    .filter((item) => recordOf(item).exclude === true)
    .map((item) => textOf(recordOf(item).path) ?? '');
  // git ls-files pathspecs: `*` crosses folders.
  const matchers = [include, exclude].map((patterns) => patterns.map(pathspecMatcher));
  const sets: ParamSet[] = [];
  for (const file of filesOf(expansion, include)) {
    if (!matchers[0]!.some((match) => match(file)) || matchers[1]!.some((match) => match(file))) continue;
    for (const object of parameterObjects(expansion.repoRoot, file, where)) {
      const params = expansion.goTemplate ? object : stringified(flatten(object));
      sets.push({
        params: withPathParams(expansion, params, posix.dirname(file), file, prefix),
        files: [file],
        trees: [],
      });
    }
  }
  return sets;
}

/** A parameter file larger than this is no parameter file. */
const MAX_PARAMETER_FILE = 1024 * 1024;

/** YAML (or JSON) as data, aliases bounded; `problem` says what, never the text. */
function parsedYaml(text: string, problem: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100, prettyErrors: false, logLevel: 'error' });
  } catch {
    throw new ApplicationSetError(problem);
  }
}

function parameterObjects(repoRoot: string, file: string, where: string): Params[] {
  const path = join(repoRoot, file);
  if (statSync(path).size > MAX_PARAMETER_FILE) {
    throw new ApplicationSetError(`${where}.git: ${file} is larger than ${MAX_PARAMETER_FILE} bytes`);
  }
  const value = parsedYaml(readFileSync(path, 'utf8'), `${where}.git: ${file} is neither JSON nor YAML`);
  if (value === null || value === undefined) return [{}];
  if (Array.isArray(value)) return value.map((item) => recordOf(item));
  if (typeof value === 'object') return [value as Params];
  throw new ApplicationSetError(`${where}.git: ${file} holds neither an object nor a list of them`);
}

/** The path parameters of a folder (and a file), as each template mode names them. */
function withPathParams(
  expansion: Expansion,
  params: Params,
  folder: string,
  file: string | undefined,
  prefix: string | undefined,
): Params {
  const path = folder === '' ? '.' : folder;
  const basename = posix.basename(path);
  const segments = path.split('/').filter(Boolean);
  const fields: Params = { path, basename, basenameNormalized: sanitizeName(basename), segments };
  if (file !== undefined) {
    fields.filename = posix.basename(file);
    fields.filenameNormalized = sanitizeName(posix.basename(file));
  }
  if (expansion.goTemplate) {
    const nested = { ...params, path: fields };
    return prefix ? { ...params, [prefix]: { path: fields } } : nested;
  }
  const flat: Params = { ...params };
  const key = prefix ? `${prefix}.path` : 'path';
  flat[key] = path;
  for (const name of ['basename', 'basenameNormalized', 'filename', 'filenameNormalized']) {
    if (fields[name] !== undefined) flat[`${key}.${name}`] = fields[name];
  }
  segments.forEach((segment, index) => {
    flat[`${key}[${index}]`] = segment;
  });
  return flat;
}

function matrixGenerator(expansion: Expansion, body: Params, where: string): ParamSet[] {
  const children = listOf(body.generators).map(recordOf);
  if (children.length !== 2) throw new ApplicationSetError(`${where}.matrix needs exactly two generators`);
  const sets: ParamSet[] = [];
  for (const first of generate(expansion, children[0]!, `${where}.matrix.generators[0]`)) {
    const second = recordOf(
      renderValue(expansion, children[1]!, first.params, `${where}.matrix.generators[1]`),
    );
    for (const other of generate(expansion, second, `${where}.matrix.generators[1]`)) {
      sets.push({
        params: expansion.goTemplate
          ? mergeMaps(other.params, first.params)
          : combined(first.params, other.params, where),
        files: [...first.files, ...other.files],
        trees: [...first.trees, ...other.trees],
      });
      if (sets.length > MAX_PARAM_SETS)
        throw new ApplicationSetError(`${where} generates more than ${MAX_PARAM_SETS} Applications`);
    }
  }
  return sets;
}

/** fasttemplate parameters of both children: a key both have must have one value. */
function combined(first: Params, second: Params, where: string): Params {
  for (const [key, value] of Object.entries(second)) {
    if (key in first && first[key] !== value) {
      throw new ApplicationSetError(`${where}.matrix: both generators give ${key}, with different values`);
    }
  }
  return { ...first, ...second };
}

function mergeGenerator(expansion: Expansion, body: Params, where: string): ParamSet[] {
  const children = listOf(body.generators).map(recordOf);
  const keys = listOf(body.mergeKeys).filter((key): key is string => typeof key === 'string');
  if (children.length < 2 || keys.length === 0) {
    throw new ApplicationSetError(`${where}.merge needs two generators or more and mergeKeys`);
  }
  const keyOf = (params: Params) => JSON.stringify(keys.map((key) => params[key] ?? null));
  const [base, ...later] = children.map((child, index) =>
    generate(expansion, child, `${where}.merge.generators[${index}]`),
  );
  const watched = children
    .slice(1)
    .flatMap((child) =>
      listOf(recordOf(child.git).directories).map(
        (item) => literalStart(textOf(recordOf(item).path) ?? '').start,
      ),
    );
  const merged = new Map<string, ParamSet>();
  for (const set of base!) {
    const key = keyOf(set.params);
    if (merged.has(key))
      throw new ApplicationSetError(`${where}.merge: the first generator gives one merge key twice`);
    merged.set(key, set);
  }
  for (const sets of later) {
    const seen = new Set<string>();
    for (const set of sets) {
      const key = keyOf(set.params);
      if (seen.has(key))
        throw new ApplicationSetError(`${where}.merge: a generator gives one merge key twice`);
      seen.add(key);
      const into = merged.get(key);
      if (!into) continue;
      merged.set(key, {
        params: expansion.goTemplate ? mergeMaps(into.params, set.params) : { ...into.params, ...set.params },
        files: [...into.files, ...set.files],
        // Which of a later generator's folders exist decides which parameters merge in.
        trees: [...into.trees, ...set.trees, ...watched],
      });
    }
  }
  return [...merged.values()];
}

/** Every string and map key of `value` rendered with `params`; other values as they are. */
function renderValue(expansion: Expansion, value: unknown, params: Params, where: string): unknown {
  if (typeof value === 'string') return renderString(expansion, value, params, where);
  if (Array.isArray(value)) return value.map((item) => renderValue(expansion, item, params, where));
  if (value === null || typeof value !== 'object') return value;
  const rendered: Params = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(
      rendered,
      renderString(expansion, key, params, where),
      renderValue(expansion, item, params, where),
    );
  }
  return rendered;
}

function renderString(expansion: Expansion, text: string, params: Params, where: string): string {
  // Every string costs its length, whether it holds a template or not: what is rendered
  // once per Application adds up.
  spend(expansion, 1 + Math.ceil(text.length / 64));
  const rendered = renderedString(expansion, text, params, where);
  expansion.output.remaining -= rendered.length;
  if (expansion.output.remaining < 0) {
    throw new ApplicationSetError(`its Applications hold more than ${MAX_OUTPUT} characters`);
  }
  return rendered;
}

function renderedString(expansion: Expansion, text: string, params: Params, where: string): string {
  if (expansion.goTemplate) {
    if (!text.includes('{{')) return text;
    try {
      return renderGoTemplate(text, params, {
        missingKey: expansion.missingKey,
        budget: expansion.budget,
        dataChecked: true,
      });
    } catch (error) {
      if (error instanceof GoTemplateError) throw new ApplicationSetError(`${where}: ${error.message}`);
      throw error;
    }
  }
  // fasttemplate: `{{ key }}` is the literal key; an unknown or non-string one stays as written.
  if (!/\{\{.*\}\}/.test(text)) return text;
  return text.replace(/\{\{([^{}]*)\}\}/g, (tag, inner: string) => {
    const value = Object.hasOwn(params, inner.trim()) ? params[inner.trim()] : undefined;
    return typeof value === 'string' ? value : tag;
  });
}

/** Go's path.Match, whole path: `*` and `?` stay within a segment, `[…]` a class. */
function goPathMatcher(pattern: string): (path: string) => boolean {
  return globMatcher(pattern, { ...GIT_GLOBS, star: '[^/]*' });
}

/** git pathspec globs as ls-files reads them: `*` crosses folders. */
function pathspecMatcher(pattern: string): (path: string) => boolean {
  return globMatcher(pattern, { ...GIT_GLOBS, star: '.*' });
}

const GIT_GLOBS: GlobDialect = {
  star: '.*',
  one: '[^/]',
  braces: false,
  backslashEscapes: false,
  negations: '!^',
};

function globMatcher(pattern: string, dialect: GlobDialect): (path: string) => boolean {
  const compiled = compileGlob(pattern, dialect, matchBudget());
  if (!compiled) return () => false;
  return (path) => {
    try {
      return compiled.matches(path);
    } catch {
      throw new ApplicationSetError(`the pattern ${JSON.stringify(pattern)} takes too long to match`);
    }
  };
}

/**
 * The folders of the repository that `patterns` may match (path.Match: as many segments as
 * the pattern), hidden ones and what they hold left out, sorted. Only below each pattern's
 * literal start: a fleet's repository is large, its `apps/*` small.
 */
function foldersOf(expansion: Expansion, patterns: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const pattern of patterns) {
    const { start, depth } = literalStart(pattern);
    walk(expansion.repoRoot, start, depth, (entry, path) => {
      spend(expansion, 1);
      if (entry.isDirectory()) folders.add(path);
    });
  }
  return [...folders].sort();
}

/** The files `patterns` may match (`*` crossing folders), hidden ones left out, sorted. */
function filesOf(expansion: Expansion, patterns: readonly string[]): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    walk(expansion.repoRoot, literalStart(pattern).start, Number.POSITIVE_INFINITY, (entry, path) => {
      spend(expansion, 1);
      if (entry.isFile()) files.add(path);
    });
  }
  return [...files].sort();
}

/** The folder a pattern's literal segments name, and how many segments the pattern has below it. */
function literalStart(pattern: string): { start: string; depth: number } {
  const segments = pattern.split('/').filter((segment) => segment !== '' && segment !== '.');
  const literal = segments.findIndex((segment) => /[*?[\\]/.test(segment));
  const fixed = literal < 0 ? segments.slice(0, -1) : segments.slice(0, literal);
  return { start: fixed.join('/'), depth: segments.length - fixed.length };
}

/** Whether every segment of `folder` is a folder, none a link (one could lead out of the repository). */
function isRealFolder(repoRoot: string, folder: string): boolean {
  let path = repoRoot;
  for (const segment of folder.split('/').filter(Boolean)) {
    path = join(path, segment);
    try {
      if (!lstatSync(path).isDirectory()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Links are not followed: a folder a link names is not the repository's. */
function walk(
  repoRoot: string,
  folder: string,
  depth: number,
  visit: (entry: Dirent, path: string) => void,
): void {
  if (depth <= 0 || folder.split('/').some((segment) => segment.startsWith('.') || segment === '..')) return;
  if (!isRealFolder(repoRoot, folder)) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(join(repoRoot, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    visit(entry, path);
    if (entry.isDirectory()) walk(repoRoot, path, depth - 1, visit);
  }
}

/** Nested maps and lists as dotted keys (`a.b`, `a.0`), as jeremywohl/flatten writes them. */
function flatten(value: Params, prefix = ''): Params {
  const flat: Params = {};
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(flatten(item as Params, name))) setOwn(flat, key, inner);
    } else {
      setOwn(flat, name, item);
    }
  }
  return flat;
}

/** Every value as Go's %v prints it. */
function stringified(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, goValue(value)]));
}

function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return goFloat(value);
  return String(value);
}

/** strconv.FormatFloat(f, 'g', -1, 64): the exponent form from 1e6 up and below 1e-4. */
function goFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  if (value === 0) return '0';
  const [mantissa = '', power = '0'] = value.toExponential().split('e');
  const exponent = Number(power);
  // Shortest digits decide with a precision of 6, as strconv does.
  if (exponent < -4 || exponent >= 6) {
    const sign = power.startsWith('-') ? '-' : '+';
    const magnitude = power.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${magnitude}`;
  }
  return String(value);
}
