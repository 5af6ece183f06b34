/**
 * The building blocks of image sites, shared by the finders of every kind of environment
 * (find.ts, argocd-sites.ts): a version held in fields, one held in a reference string,
 * and the images of Helm values.
 */
import { type Document, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { type HelmPath, nodeAtHelmPath } from './helm-paths.js';
import { parseImageRef } from './image-ref.js';
import { lineAt, type YamlFile } from './parse.js';
import { resolve, scalarIn, scalarText, textIn } from './scalars.js';
import type { FieldSite, ImageSite, RefSite, SiteFormat } from './sites.js';

/** The images of Helm values at `root` (a values document, or a HelmRelease's spec.values). */
export function helmSites(
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

export function fieldSite(
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

export function refSite(
  file: YamlFile,
  format: SiteFormat,
  scalar: Scalar,
  where: string,
): RefSite | undefined {
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
