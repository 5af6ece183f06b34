/**
 * The versions an Argo CD Application holds in its own sources (`spec.source`, or each of
 * `spec.sources`), read from the Application object as written:
 *
 * - `helm.parameters`: read as Helm values at dotted paths. `<path>.tag` and
 *   `<path>.digest`, where `<path>` is `image`, ends in `.image` or is one of the
 *   `helmImagePaths`, are one image, named by its repository: the parameter
 *   `<path>.repository` (with `<path>.registry`), else the same path in the source's
 *   `valuesObject`, else in its value files (the last that has it, as Helm merges them);
 *   with none, by `helm.parameters/<path>` (`helm.parameters/image`), so that two
 *   Applications setting the same parameter still match. A parameter `<path>` itself (`image`)
 *   holding `repo:tag` is an image reference. Only the `value` scalar changes.
 * - `helm.valuesObject`, and `helm.values` written as a map: read as Helm values. `values`
 *   written as text (a block scalar) is not read: its versions are not promoted.
 * - `kustomize.images`: `name=newName:tag`, `name:tag`, `name@digest`, as `kustomize edit
 *   set image` reads them, named by `name` and `newName`; only the tag and digest change.
 * - a chart source's `targetRevision` (a source with `chart`: a Helm repository or an OCI
 *   registry): the chart version, named `chart/<chart>`. A source of this repository has a
 *   Git revision there, never a version: it is never read.
 *
 * What decides what runs, as Argo CD's repo-server decides it, overrides the rest (see
 * `ImageSite.overrides`): `kustomize.images` the source folder's kustomizations and
 * manifests, `parameters` over `valuesObject` over `values` over the value files.
 */
import { type Document, isScalar, type Scalar, type YAMLMap } from 'yaml';
import { type HelmPath, nodeAtHelmPath, parseHelmPath } from './helm-paths.js';
import { parseImageRef } from './image-ref.js';
import type { YamlFile } from './parse.js';
import { mapAt, resolve, scalarIn, scalarText, seqItems, textIn } from './scalars.js';
import { fieldSite, helmSites, refSite } from './site-builders.js';
import type { ImageSite } from './sites.js';

/** One source of the Application (by index: `spec.sources[i]`, or `spec.source`), as discovery read it. */
export interface ArgoSourceScope {
  /** Whether it is this repository (then its `targetRevision` is a Git revision). */
  local: boolean;
  /** Its folder, when it is this repository's ('' is the root). */
  path?: string;
  /** When it is a chart folder: its values.yaml, which every other value of the source overrides. */
  chartValues?: string;
  /** Its helm value files that are this repository's, repository-relative, in order. */
  valueFiles: string[];
}

/** The Argo CD Application an environment is. */
export interface ArgoScope {
  /**
   * The Application's own object: in `file`, starting at `line`, named `name`. Absent when
   * an ApplicationSet generates it: it then has no object of its own (the template is shared).
   */
  definition?: { file: string; name: string; namespace?: string };
  /**
   * Whether the rest of the definition file is the environment's own too (it lies in one
   * of its source folders); otherwise only its object is read there. Either way, other
   * Argo CD objects are other environments and are never read.
   */
  wholeDefinition: boolean;
  sources: ArgoSourceScope[];
  /**
   * The value files of its sources that could be read, own or shared, by path: where a
   * parameter's image finds its repository.
   */
  values?: ReadonlyMap<string, YamlFile>;
}

/** Ranks of what decides over what (ImageSite.overrides). */
const RANK = { values: 1, valuesObject: 2, parameters: 3, kustomizeImages: 1 } as const;

/** Whether an object is an Argo CD object (an Application, an ApplicationSet, a project). */
export function isArgoObject(document: Document.Parsed, object: YAMLMap): boolean {
  const apiVersion = textIn(document, object, 'apiVersion');
  return apiVersion?.split('/')[0] === 'argoproj.io';
}

/** The objects of a document: itself, or the items of a `List`. */
export function objectsOf(document: Document.Parsed, root: unknown): YAMLMap[] {
  const map = mapAt(document, root);
  if (!map) return [];
  if (textIn(document, map, 'kind') === 'List') {
    return seqItems(document, map.get('items', true)).flatMap((item) => objectsOf(document, item));
  }
  return [map];
}

/** The sites of an Argo CD object: the environment's own Application's, none for another. */
export function argoObjectSites(
  file: YamlFile,
  document: Document.Parsed,
  object: YAMLMap,
  scope: ArgoScope,
  helmPaths: HelmPath[],
): ImageSite[] {
  const own = scope.definition;
  if (!own || file.path !== own.file || textIn(document, object, 'kind') !== 'Application') return [];
  const metadata = mapAt(document, object.get('metadata', true));
  const name = textIn(document, metadata, 'name');
  // By identity, not line: an open promotion's branch may hold the file with other lines.
  if (name !== own.name || textIn(document, metadata, 'namespace') !== own.namespace) return [];
  return applicationSites(file, document, object, scope, helmPaths, name);
}

/** In the definition file, when the rest of it is not the environment's: its own Application alone. */
export function argoDefinitionSites(
  file: YamlFile,
  document: Document.Parsed,
  scope: ArgoScope,
  helmPaths: HelmPath[],
): ImageSite[] {
  return objectsOf(document, document.contents).flatMap((object) =>
    isArgoObject(document, object) ? argoObjectSites(file, document, object, scope, helmPaths) : [],
  );
}

function applicationSites(
  file: YamlFile,
  document: Document.Parsed,
  object: YAMLMap,
  scope: ArgoScope,
  helmPaths: HelmPath[],
  name: string,
): ImageSite[] {
  const spec = mapAt(document, object.get('spec', true));
  // As Argo CD reads them: spec.sources when it holds any, else spec.source.
  const list = seqItems(document, spec?.get('sources', true));
  const written: Array<[YAMLMap | undefined, string]> =
    list.length > 0
      ? list.map((item, index) => [mapAt(document, item), `spec.sources[${index}]`])
      : [[mapAt(document, spec?.get('source', true)), 'spec.source']];
  const sites: ImageSite[] = [];
  for (const [index, [source, where]] of written.entries()) {
    const scoped = scope.sources[index];
    if (!source || !scoped) continue;
    const at = `Application/${name} ${where}`;
    sites.push(...chartSites(file, document, source, scoped, at));
    sites.push(...helmSourceSites(file, document, source, scoped, scope, helmPaths, at));
    sites.push(...kustomizeImageSites(file, document, source, scoped, at));
  }
  return sites;
}

/** A chart's version: `targetRevision` of a source naming a `chart` (never of this repository's). */
function chartSites(
  file: YamlFile,
  document: Document.Parsed,
  source: YAMLMap,
  scoped: ArgoSourceScope,
  at: string,
): ImageSite[] {
  const chart = textIn(document, source, 'chart');
  const revision = scalarIn(document, source, 'targetRevision');
  if (scoped.local || !chart || !revision) return [];
  return [
    fieldSite(file, 'argocd', revision, `${at}.targetRevision`, [`chart/${chart}`], {
      tag: revision,
      digest: undefined,
    }),
  ];
}

function helmSourceSites(
  file: YamlFile,
  document: Document.Parsed,
  source: YAMLMap,
  scoped: ArgoSourceScope,
  scope: ArgoScope,
  helmPaths: HelmPath[],
  at: string,
): ImageSite[] {
  const helm = mapAt(document, source.get('helm', true));
  if (!helm) return [];
  const own = scope.definition ? [scope.definition.file] : [];
  const files = [...(scoped.chartValues ? [scoped.chartValues] : []), ...scoped.valueFiles];
  const decide = (paths: string[], rank: number) => (site: ImageSite) =>
    ({ ...site, overrides: { paths, rank } }) as ImageSite;
  const values = resolve(document, helm.get('values', true));
  const valuesObject = helm.get('valuesObject', true);
  return [
    // `values` written as text is a block scalar: not read.
    ...(isScalar(values)
      ? []
      : helmSites(file, document, values, `${at}.helm.values`, helmPaths).map(decide(files, RANK.values))),
    ...helmSites(file, document, valuesObject, `${at}.helm.valuesObject`, helmPaths).map(
      decide([...own, ...files], RANK.valuesObject),
    ),
    ...parameterSites(file, document, helm, scoped, scope, helmPaths, at).map(
      decide([...own, ...files], RANK.parameters),
    ),
  ];
}

/** The images `helm.parameters` set (see the module's comment). */
function parameterSites(
  file: YamlFile,
  document: Document.Parsed,
  helm: YAMLMap,
  scoped: ArgoSourceScope,
  scope: ArgoScope,
  helmPaths: HelmPath[],
  at: string,
): ImageSite[] {
  // Helm applies --set in order: the last of one name wins.
  const parameters = new Map<string, Scalar>();
  for (const item of seqItems(document, helm.get('parameters', true))) {
    const entry = mapAt(document, item);
    const name = textIn(document, entry, 'name');
    const value = scalarIn(document, entry, 'value');
    if (name && value) parameters.set(name, value);
  }
  const configured = new Set(helmPaths.map(helmPathText));
  const isImagePath = (path: string) => path === 'image' || path.endsWith('.image') || configured.has(path);
  const sites: ImageSite[] = [];
  const seen = new Set<string>();
  for (const [name, value] of parameters) {
    if (isImagePath(name)) {
      const site = refSite(file, 'argocd', value, `${at}.helm.parameters[name=${name}]`);
      if (site) sites.push(site);
      continue;
    }
    const dot = name.lastIndexOf('.');
    const image = name.slice(0, dot);
    const field = name.slice(dot + 1);
    if (dot <= 0 || (field !== 'tag' && field !== 'digest') || !isImagePath(image) || seen.has(image))
      continue;
    seen.add(image);
    const tag = parameters.get(`${image}.tag`);
    const digest = parameters.get(`${image}.digest`);
    const anchor = tag ?? digest;
    if (!anchor) continue;
    const names = repositoryNames(document, helm, parameters, image, scoped, scope) ?? [
      `helm.parameters/${image}`,
    ];
    sites.push(
      fieldSite(file, 'argocd', anchor, `${at}.helm.parameters[name=${image}.*]`, names, { tag, digest }),
    );
  }
  return sites;
}

/**
 * The names of the image at Helm values path `image`: its repository (and registry) from
 * the parameters, else the source's valuesObject, else its value files, the last first.
 */
function repositoryNames(
  document: Document.Parsed,
  helm: YAMLMap,
  parameters: ReadonlyMap<string, Scalar>,
  image: string,
  scoped: ArgoSourceScope,
  scope: ArgoScope,
): string[] | undefined {
  const named = (repository: string | undefined, registry: string | undefined) =>
    repository ? (registry ? [`${registry}/${repository}`, repository] : [repository]) : undefined;
  const fromParameters = named(
    scalarText(parameters.get(`${image}.repository`)),
    scalarText(parameters.get(`${image}.registry`)),
  );
  if (fromParameters) return fromParameters;
  let path: HelmPath;
  try {
    path = parseHelmPath(image);
  } catch {
    return undefined; // A parameter name that is no values path names nothing else.
  }
  const at = (values: Document.Parsed, root: unknown) => {
    const map = mapAt(values, nodeAtHelmPath(values, path, root));
    return named(textIn(values, map, 'repository'), textIn(values, map, 'registry'));
  };
  const fromObject = at(document, helm.get('valuesObject', true));
  if (fromObject) return fromObject;
  for (const valueFile of [...scoped.valueFiles].reverse()) {
    for (const values of scope.values?.get(valueFile)?.documents ?? []) {
      const found = at(values, values.contents);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Helm's order among a source's value files: each overrides the chart folder's
 * values.yaml and the value files before it (ranks between 0 and `values`'). Sets the
 * `overrides` of the sites found in them (by find.ts, as Helm values).
 */
export function rankValueFiles(sites: readonly ImageSite[], scope: ArgoScope): void {
  for (const source of scope.sources) {
    const { valueFiles } = source;
    for (const [index, file] of valueFiles.entries()) {
      const paths = [...(source.chartValues ? [source.chartValues] : []), ...valueFiles.slice(0, index)];
      const rank = (RANK.values * (index + 1)) / (valueFiles.length + 1);
      for (const site of sites) {
        if (site.file.path === file && (site.overrides?.rank ?? 0) < rank) site.overrides = { paths, rank };
      }
    }
  }
}

/** A helmImagePaths entry as written: `containers[name=app].image`. */
function helmPathText(path: HelmPath): string {
  return path
    .map(
      (segment) =>
        segment.key +
        segment.selectors
          .map((selector) =>
            'index' in selector ? `[${selector.index}]` : `[${selector.key}=${selector.value}]`,
          )
          .join(''),
    )
    .join('.');
}

/** `kustomize.images` of a source of this repository: they decide over its folder. */
function kustomizeImageSites(
  file: YamlFile,
  document: Document.Parsed,
  source: YAMLMap,
  scoped: ArgoSourceScope,
  at: string,
): ImageSite[] {
  const kustomize = mapAt(document, source.get('kustomize', true));
  const sites: ImageSite[] = [];
  for (const [index, item] of seqItems(document, kustomize?.get('images', true)).entries()) {
    const scalar = resolve(document, item);
    if (!isScalar(scalar)) continue;
    const site = kustomizeImageSite(file, scalar, `${at}.kustomize.images[${index}]`);
    if (!site) continue;
    if (scoped.path !== undefined) site.overrides = { paths: [scoped.path], rank: RANK.kustomizeImages };
    sites.push(site);
  }
  return sites;
}

/**
 * One `kustomize.images` entry: `name=newName:tag`, `name:tag`, `name@digest`. A reference
 * site whose name is everything before the version, so that only the tag and digest change;
 * named by `newName`, then `name` (displayed by the first).
 */
export function kustomizeImageSite(file: YamlFile, scalar: Scalar, where: string): ImageSite | undefined {
  const text = scalarText(scalar);
  if (!text || /\s|\{\{|\$\{/.test(text)) return undefined;
  const eq = text.indexOf('=');
  const name = eq === -1 ? undefined : text.slice(0, eq);
  const { name: target, ...version } = parseImageRef(eq === -1 ? text : text.slice(eq + 1));
  if (!target || name === '') return undefined;
  const site = refSite(file, 'argocd', scalar, where);
  if (site?.shape !== 'ref') return undefined;
  return {
    ...site,
    name: name === undefined ? target : `${name}=${target}`,
    names: name === undefined || name === target ? [target] : [target, name],
    version,
  };
}
