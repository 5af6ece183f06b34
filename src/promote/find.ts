/**
 * Finds every image reference in an environment folder: Kustomize `images:`, Helm values
 * (`image.repository`/`tag`/`digest`, image strings, and configured paths) and the containers
 * and initContainers of raw workload manifests. In a Flux environment also: the values of
 * HelmReleases (read as Helm values), their `spec.chart.spec.version`, OCIRepositories'
 * `spec.ref.tag` and `digest`, the `images` of the environment's own Flux Kustomization, and
 * the values files a kustomization's configMapGenerator turns into `values.yaml`. In an
 * Argo CD environment also: the versions its own Application sets (argocd-sites.ts); other
 * Argo CD objects are other environments and are never read.
 */
import { posix } from 'node:path';
import { type Document, isScalar, type YAMLMap } from 'yaml';
import {
  type ArgoScope,
  argoDefinitionSites,
  argoObjectSites,
  isArgoObject,
  rankValueFiles,
} from './argocd-sites.js';
import { isUnder } from './files.js';
import { type HelmPath, parseHelmPath } from './helm-paths.js';
import type { YamlFile } from './parse.js';
import { mapAt, scalarIn, scalarText, seqItems, textIn } from './scalars.js';
import { fieldSite, helmSites, refSite } from './site-builders.js';
import type { FieldSite, ImageInventory, ImageSite, SiteFormat } from './sites.js';

export interface FindOptions {
  /** Values files named in the environment's Helm settings (repository-relative paths). */
  helmValuesFiles?: string[];
  /** Extra Helm values paths that hold images, e.g. `containers[name=app].image`. */
  helmImagePaths?: string[];
  /** A Flux environment: its Flux objects are read too (see FluxScope). */
  flux?: FluxScope;
  /** An Argo CD environment: its own Application is read too (see ArgoScope, argocd-sites.ts). */
  argocd?: ArgoScope;
}

/**
 * The Flux Kustomization an environment is. Its `spec.images` are read from its own object
 * in `file`; when `file` lies outside `path` (a cluster folder defining the Kustomizations
 * of other folders), nothing else in it is read: the rest belongs to another environment.
 * Other Flux Kustomizations found in the files are other environments and are not read.
 */
export interface FluxScope {
  /** The file that defines the Kustomization (repository-relative). */
  file: string;
  namespace: string;
  name: string;
  /** Its spec.path ('' for the repository root). */
  path: string;
}

const kustomizationNames = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/** How plumbline reads a file, from its name: a kustomization, Helm values, or manifests. */
export function formatOf(path: string, options: FindOptions = {}): SiteFormat {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (kustomizationNames.has(base)) return 'kustomize';
  if (options.helmValuesFiles?.includes(path)) return 'helm';
  if (isValuesName(base)) return 'helm';
  return 'manifest';
}

export function findImages(files: YamlFile[], options: FindOptions = {}): ImageInventory {
  const helmPaths = (options.helmImagePaths ?? []).map(parseHelmPath);
  const { flux, argocd } = options;
  if (flux) {
    const generated = files.flatMap((file) => generatedValuesFiles(file, options));
    options = { ...options, helmValuesFiles: [...(options.helmValuesFiles ?? []), ...generated] };
  }
  const inventory: ImageInventory = { files: [], sites: [], kustomizations: [] };
  for (const file of files) {
    // The file defining an Argo CD Application outside its own folders: that Application alone.
    const argoOnly = argocd && file.path === argocd.definition?.file && !argocd.wholeDefinition;
    const format = argoOnly ? 'argocd' : formatOf(file.path, options);
    inventory.files.push({ path: file.path, format });
    const ownOnly = flux && file.path === flux.file && !isUnder(file.path, flux.path);
    for (const document of file.documents) {
      if (ownOnly) inventory.sites.push(...fluxObjectSites(file, document, helmPaths, flux));
      else if (argoOnly) inventory.sites.push(...argoDefinitionSites(file, document, argocd, helmPaths));
      else if (format === 'kustomize') {
        inventory.sites.push(...kustomizeSites(file, document, mapAt(document, document.contents), ''));
        inventory.kustomizations.push({ path: file.path, resources: kustomizeResources(file, document) });
      } else if (format === 'helm') {
        inventory.sites.push(...helmSites(file, document, document.contents, '', helmPaths));
      } else inventory.sites.push(...manifestSites(file, document, helmPaths, options));
    }
  }
  if (flux) {
    // The Kustomization's own `images` decide what runs for the manifests of its path.
    const built = files.map((file) => file.path).filter((path) => isUnder(path, flux.path));
    inventory.kustomizations.push({ path: flux.file, resources: built });
  }
  if (argocd) rankValueFiles(inventory.sites, argocd);
  // `${var}` is a placeholder (Flux postBuild, envsubst), never a version to copy or replace.
  inventory.sites = inventory.sites.filter(
    (site) => !`${site.version.tag ?? ''}${site.version.digest ?? ''}`.includes('${'),
  );
  return inventory;
}

/**
 * The files a kustomization's configMapGenerator turns into a Helm values document
 * (`files: [values.yaml=podinfo-values.yaml]`, what a HelmRelease's valuesFrom reads).
 */
function generatedValuesFiles(file: YamlFile, options: FindOptions): string[] {
  if (formatOf(file.path, options) !== 'kustomize') return [];
  const folder = posix.dirname(file.path);
  return file.documents.flatMap((document) =>
    seqItems(document, mapAt(document, document.contents)?.get('configMapGenerator', true)).flatMap(
      (generator) =>
        seqItems(document, mapAt(document, generator)?.get('files', true)).flatMap((item) => {
          const entry = scalarText(isScalar(item) ? item : undefined);
          if (!entry) return [];
          const eq = entry.indexOf('=');
          const source = eq === -1 ? entry : entry.slice(eq + 1);
          const key = eq === -1 ? posix.basename(source) : entry.slice(0, eq);
          return isValuesName(key) ? [posix.normalize(posix.join(folder, source))] : [];
        }),
    ),
  );
}

function isValuesName(base: string): boolean {
  return /^values([.-][^/]*)?\.ya?ml$/.test(base) || /\.values\.ya?ml$/.test(base);
}

function kustomizeSites(
  file: YamlFile,
  document: Document.Parsed,
  root: YAMLMap | undefined,
  prefix: string,
): FieldSite[] {
  const sites: FieldSite[] = [];
  for (const item of seqItems(document, root?.get('images', true))) {
    const entry = mapAt(document, item);
    const name = textIn(document, entry, 'name');
    if (!entry || !name) continue;
    const newName = textIn(document, entry, 'newName');
    sites.push(
      fieldSite(
        file,
        'kustomize',
        entry,
        `${prefix}images[name=${name}]`,
        [name, ...(newName ? [newName] : [])],
        {
          tag: scalarIn(document, entry, 'newTag'),
          digest: scalarIn(document, entry, 'digest'),
        },
      ),
    );
  }
  return sites;
}

function kustomizeResources(file: YamlFile, document: Document.Parsed): string[] {
  const folder = posix.dirname(file.path);
  return seqItems(document, mapAt(document, document.contents)?.get('resources', true))
    .map((item) => scalarText(isScalar(item) ? item : undefined))
    .filter((resource): resource is string => resource !== undefined && !resource.includes('://'))
    .map((resource) => posix.normalize(posix.join(folder, resource)));
}

const podSpecPaths: Record<string, string[]> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const templatePath = ['spec', 'template', 'spec'];

function manifestSites(
  file: YamlFile,
  document: Document.Parsed,
  helmPaths: HelmPath[],
  { flux, argocd }: FindOptions,
): ImageSite[] {
  const objects = (root: YAMLMap | undefined): YAMLMap[] => {
    if (!root) return [];
    if (textIn(document, root, 'kind') === 'List') {
      return seqItems(document, root.get('items', true)).flatMap((item) => objects(mapAt(document, item)));
    }
    return [root];
  };
  const sites: ImageSite[] = [];
  for (const object of objects(mapAt(document, document.contents))) {
    const kind = textIn(document, object, 'kind');
    if (!kind) continue;
    if (flux && fluxGroupOf(document, object)) {
      sites.push(...fluxSites(file, document, object, helmPaths, flux));
      continue;
    }
    if (argocd && isArgoObject(document, object)) {
      sites.push(...argoObjectSites(file, document, object, argocd, helmPaths));
      continue;
    }
    const name = textIn(document, mapAt(document, object.get('metadata', true)), 'name') ?? '?';
    // Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and any workload with a pod template.
    let podSpec: YAMLMap | undefined = object;
    for (const key of podSpecPaths[kind] ?? templatePath) podSpec = mapAt(document, podSpec?.get(key, true));
    for (const field of ['initContainers', 'containers']) {
      for (const item of seqItems(document, podSpec?.get(field, true))) {
        const container = mapAt(document, item);
        const image = scalarIn(document, container, 'image');
        const containerName = textIn(document, container, 'name') ?? '?';
        const site =
          image && refSite(file, 'manifest', image, `${kind}/${name} ${field}[name=${containerName}]`);
        if (site) sites.push(site);
      }
    }
  }
  return sites;
}

/** The Flux API group of an object (`helm.toolkit.fluxcd.io`), or undefined for other objects. */
function fluxGroupOf(document: Document.Parsed, object: YAMLMap): string | undefined {
  const group = textIn(document, object, 'apiVersion')?.split('/')[0];
  return group?.endsWith('.toolkit.fluxcd.io') ? group : undefined;
}

/**
 * The versions a Flux object holds: a HelmRelease's values (as Helm values) and chart
 * version, an OCIRepository's tag and digest, the environment's own Kustomization's images.
 */
function fluxSites(
  file: YamlFile,
  document: Document.Parsed,
  object: YAMLMap,
  helmPaths: HelmPath[],
  flux: FluxScope,
): ImageSite[] {
  const group = fluxGroupOf(document, object);
  const kind = textIn(document, object, 'kind');
  const metadata = mapAt(document, object.get('metadata', true));
  const name = textIn(document, metadata, 'name') ?? '?';
  const spec = mapAt(document, object.get('spec', true));
  const at = `${kind}/${name} `;
  if (group === 'helm.toolkit.fluxcd.io' && kind === 'HelmRelease') {
    const sites = helmSites(file, document, spec?.get('values', true), `${at}spec.values`, helmPaths);
    const chartSpec = mapAt(document, mapAt(document, spec?.get('chart', true))?.get('spec', true));
    const version = scalarIn(document, chartSpec, 'version');
    if (chartSpec && version) {
      sites.push(
        fieldSite(file, 'flux', chartSpec, `${at}spec.chart.spec.version`, [`HelmRelease/${name}`], {
          tag: version,
          digest: undefined,
        }),
      );
    }
    return sites;
  }
  if (group === 'source.toolkit.fluxcd.io' && kind === 'OCIRepository') {
    const ref = mapAt(document, spec?.get('ref', true));
    const tag = scalarIn(document, ref, 'tag');
    const digest = scalarIn(document, ref, 'digest');
    if (!ref || (!tag && !digest)) return [];
    // An overlay's patch may name the OCIRepository without its URL.
    const url = textIn(document, spec, 'url');
    const names = [`OCIRepository/${name}`, ...(url ? [url.replace(/^oci:\/\//, '')] : [])];
    return [fieldSite(file, 'flux', ref, `${at}spec.ref`, names, { tag, digest })];
  }
  if (group === 'kustomize.toolkit.fluxcd.io' && kind === 'Kustomization') {
    // Another Flux Kustomization is another environment; only this one's images are its own.
    const namespace = textIn(document, metadata, 'namespace');
    const own =
      file.path === flux.file &&
      name === flux.name &&
      (namespace === undefined || namespace === flux.namespace);
    return own ? kustomizeSites(file, document, spec, `${at}spec.`) : [];
  }
  return [];
}

/** In the file defining the environment's Kustomization outside its path: that Kustomization alone. */
function fluxObjectSites(
  file: YamlFile,
  document: Document.Parsed,
  helmPaths: HelmPath[],
  flux: FluxScope,
): ImageSite[] {
  const object = mapAt(document, document.contents);
  if (!object || textIn(document, object, 'kind') !== 'Kustomization' || !fluxGroupOf(document, object))
    return [];
  return fluxSites(file, document, object, helmPaths, flux);
}
