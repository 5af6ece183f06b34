/**
 * Finds every image reference in an environment folder: Kustomize `images:`, Helm values
 * (`image.repository`/`tag`/`digest`, image strings, and configured paths) and the containers
 * and initContainers of raw workload manifests. In a Flux environment also: the values of
 * HelmReleases (read as Helm values), their `spec.chart.spec.version`, OCIRepositories'
 * `spec.ref.tag` and `digest`, the `images` of the environment's own Flux Kustomization, and
 * the values files a kustomization's configMapGenerator turns into `values.yaml`.
 */
import { posix } from 'node:path';
import { type Document, isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { type HelmPath, nodeAtHelmPath, parseHelmPath } from './helm-paths.js';
import { parseImageRef } from './image-ref.js';
import { lineAt, type YamlFile } from './parse.js';
import { mapAt, resolve, scalarIn, scalarText, seqItems, textIn } from './scalars.js';
import type { FieldSite, ImageInventory, ImageSite, RefSite, SiteFormat } from './sites.js';

export interface FindOptions {
  /** Values files named in the environment's Helm settings (repository-relative paths). */
  helmValuesFiles?: string[];
  /** Extra Helm values paths that hold images, e.g. `containers[name=app].image`. */
  helmImagePaths?: string[];
  /** A Flux environment: its Flux objects are read too (see FluxScope). */
  flux?: FluxScope;
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
  const { flux } = options;
  if (flux) {
    const generated = files.flatMap((file) => generatedValuesFiles(file, options));
    options = { ...options, helmValuesFiles: [...(options.helmValuesFiles ?? []), ...generated] };
  }
  const inventory: ImageInventory = { files: [], sites: [], kustomizations: [] };
  for (const file of files) {
    const format = formatOf(file.path, options);
    inventory.files.push({ path: file.path, format });
    const ownOnly = flux && file.path === flux.file && !isUnder(file.path, flux.path);
    for (const document of file.documents) {
      if (ownOnly) inventory.sites.push(...fluxObjectSites(file, document, helmPaths, flux));
      else if (format === 'kustomize') {
        inventory.sites.push(...kustomizeSites(file, document, mapAt(document, document.contents), ''));
        inventory.kustomizations.push({ path: file.path, resources: kustomizeResources(file, document) });
      } else if (format === 'helm') {
        inventory.sites.push(...helmSites(file, document, document.contents, '', helmPaths));
      } else inventory.sites.push(...manifestSites(file, document, helmPaths, flux));
    }
  }
  if (flux) {
    // The Kustomization's own `images` decide what runs for the manifests of its path.
    const built = files.map((file) => file.path).filter((path) => isUnder(path, flux.path));
    inventory.kustomizations.push({ path: flux.file, resources: built });
  }
  // `${var}` is a placeholder (Flux postBuild, envsubst), never a version to copy or replace.
  inventory.sites = inventory.sites.filter(
    (site) => !`${site.version.tag ?? ''}${site.version.digest ?? ''}`.includes('${'),
  );
  return inventory;
}

function isUnder(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
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

/** The images of Helm values at `root` (a values document, or a HelmRelease's spec.values). */
function helmSites(
  file: YamlFile,
  document: Document.Parsed,
  root: unknown,
  prefix: string,
  paths: HelmPath[],
): ImageSite[] {
  const sites = new Map<Node, ImageSite>();
  const visit = (node: unknown, where: string, key: string | undefined, seen: Set<Node>) => {
    const resolved = resolve(document, node);
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    if (key === 'image') {
      const site = helmImageSite(file, document, resolved, where);
      if (site) sites.set(resolved, site);
    }
    if (isMap(resolved)) {
      for (const pair of resolved.items) {
        const childKey = scalarText(isScalar(pair.key) ? pair.key : undefined);
        if (childKey !== undefined)
          visit(pair.value, where ? `${where}.${childKey}` : childKey, childKey, seen);
      }
    } else if (isSeq(resolved)) {
      resolved.items.forEach((item, index) => {
        visit(item, `${where}[${index}]`, undefined, seen);
      });
    }
  };
  visit(root, prefix, undefined, new Set());
  for (const path of paths) {
    const node = nodeAtHelmPath(document, path, root);
    if (!node || sites.has(node)) continue;
    const where = path.map((segment) => segment.key).join('.');
    const site = helmImageSite(file, document, node, prefix ? `${prefix}.${where}` : where);
    if (site) sites.set(node, site);
  }
  return [...sites.values()];
}

/** `image: {registry?, repository, tag?, digest?}` or `image: repo:tag`. */
function helmImageSite(
  file: YamlFile,
  document: Document.Parsed,
  node: Node,
  where: string,
): ImageSite | undefined {
  if (isScalar(node)) return refSite(file, 'helm', node, where);
  if (!isMap(node)) return undefined;
  const repository = textIn(document, node, 'repository');
  if (!repository) return undefined;
  const registry = textIn(document, node, 'registry');
  const names = registry ? [`${registry}/${repository}`, repository] : [repository];
  return fieldSite(file, 'helm', node, where, names, {
    tag: scalarIn(document, node, 'tag'),
    digest: scalarIn(document, node, 'digest'),
  });
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
  flux: FluxScope | undefined,
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

function fieldSite(
  file: YamlFile,
  format: SiteFormat,
  node: Node,
  where: string,
  names: string[],
  fields: { tag: Scalar | undefined; digest: Scalar | undefined },
): FieldSite {
  const tag = scalarText(fields.tag);
  const digest = scalarText(fields.digest);
  return {
    shape: 'fields',
    file,
    format,
    line: lineAt(file, node.range?.[0] ?? 0),
    where,
    names,
    version: { tag, digest },
    tag: fields.tag,
    digest: fields.digest,
  };
}

function refSite(file: YamlFile, format: SiteFormat, scalar: Scalar, where: string): RefSite | undefined {
  const text = scalarText(scalar);
  if (!text || /\s|\{\{|\$\{/.test(text)) return undefined;
  const { name, ...version } = parseImageRef(text);
  if (!name) return undefined;
  return {
    shape: 'ref',
    file,
    format,
    line: lineAt(file, scalar.range?.[0] ?? 0),
    where,
    names: [name],
    name,
    version,
    ref: scalar,
  };
}
