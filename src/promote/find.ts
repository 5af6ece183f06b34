/**
 * Finds every image reference in an environment folder: Kustomize `images:`, Helm values
 * (`image.repository`/`tag`/`digest`, image strings, and configured paths) and the containers
 * and initContainers of raw workload manifests.
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
}

const kustomizationNames = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/** How plumbline reads a file, from its name: a kustomization, Helm values, or manifests. */
export function formatOf(path: string, options: FindOptions = {}): SiteFormat {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (kustomizationNames.has(base)) return 'kustomize';
  if (options.helmValuesFiles?.includes(path)) return 'helm';
  if (/^values([.-][^/]*)?\.ya?ml$/.test(base) || /\.values\.ya?ml$/.test(base)) return 'helm';
  return 'manifest';
}

export function findImages(files: YamlFile[], options: FindOptions = {}): ImageInventory {
  const helmPaths = (options.helmImagePaths ?? []).map(parseHelmPath);
  const inventory: ImageInventory = { files: [], sites: [], kustomizations: [] };
  for (const file of files) {
    const format = formatOf(file.path, options);
    inventory.files.push({ path: file.path, format });
    for (const document of file.documents) {
      if (format === 'kustomize') {
        inventory.sites.push(...kustomizeSites(file, document));
        inventory.kustomizations.push({ path: file.path, resources: kustomizeResources(file, document) });
      } else if (format === 'helm') inventory.sites.push(...helmSites(file, document, helmPaths));
      else inventory.sites.push(...manifestSites(file, document));
    }
  }
  return inventory;
}

function kustomizeSites(file: YamlFile, document: Document.Parsed): FieldSite[] {
  const root = mapAt(document, document.contents);
  const sites: FieldSite[] = [];
  for (const item of seqItems(document, root?.get('images', true))) {
    const entry = mapAt(document, item);
    const name = textIn(document, entry, 'name');
    if (!entry || !name) continue;
    const newName = textIn(document, entry, 'newName');
    sites.push(
      fieldSite(file, 'kustomize', entry, `images[name=${name}]`, [name, ...(newName ? [newName] : [])], {
        tag: scalarIn(document, entry, 'newTag'),
        digest: scalarIn(document, entry, 'digest'),
      }),
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

function helmSites(file: YamlFile, document: Document.Parsed, paths: HelmPath[]): ImageSite[] {
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
  visit(document.contents, '', undefined, new Set());
  for (const path of paths) {
    const node = nodeAtHelmPath(document, path);
    if (!node || sites.has(node)) continue;
    const site = helmImageSite(file, document, node, path.map((segment) => segment.key).join('.'));
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

function manifestSites(file: YamlFile, document: Document.Parsed): RefSite[] {
  const objects = (root: YAMLMap | undefined): YAMLMap[] => {
    if (!root) return [];
    if (textIn(document, root, 'kind') === 'List') {
      return seqItems(document, root.get('items', true)).flatMap((item) => objects(mapAt(document, item)));
    }
    return [root];
  };
  const sites: RefSite[] = [];
  for (const object of objects(mapAt(document, document.contents))) {
    const kind = textIn(document, object, 'kind');
    if (!kind) continue;
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
  if (!text || /\s|\{\{/.test(text)) return undefined;
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
