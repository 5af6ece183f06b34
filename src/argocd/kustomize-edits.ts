/**
 * The kustomization Argo CD's repo-server builds for a kustomize source: the folder's own,
 * after the `kustomize edit` commands it runs for `spec.source.kustomize` in its copy of
 * the source, in its order (research in docs/argocd.md):
 *
 * 1. `namePrefix`, `nameSuffix` replace the kustomization's;
 * 2. `images` (`name=newName:tag`, `name:tag`, `name@digest`) replace the entry of the
 *    same name, or are appended, as `kustomize edit set image` does;
 * 3. `replicas` (`{ name, count }`) likewise, by name;
 * 4. `commonLabels` are merged into `commonLabels` (into `labels` without selectors when
 *    `labelWithoutSelector`), `commonAnnotations` into `commonAnnotations`; an existing
 *    key is kept unless `forceCommonLabels` / `forceCommonAnnotations`;
 * 5. `namespace` replaces the kustomization's;
 * 6. `patches` are appended;
 * 7. `components` are appended (those missing left out with `ignoreMissingComponents`).
 *
 * Pure: the caller reads the folder and checks every path this names. Errors name the
 * Application's place and the field, never a value.
 */
import { PlumblineError } from '../errors.js';
import type { KustomizationFile } from '../flux/kustomization.js';
import { listOf, recordOf } from '../yaml/plain-data.js';

export interface ArgoKustomizeEdits {
  /** The folder's kustomization, parsed. */
  written: KustomizationFile;
  /** `spec.source.kustomize` of the Application. */
  options: Record<string, unknown>;
  /** `file:line` of the Application, and the field of the source: `spec.source.kustomize`. */
  where: string;
  field: string;
  componentExists: (path: string) => boolean;
}

/** Whether `kustomize` asks for any edit: without one, the folder is built as it is. */
export function hasKustomizeEdits(options: Record<string, unknown>): boolean {
  return EDITED_FIELDS.some((field) => options[field] !== undefined && options[field] !== null);
}

const EDITED_FIELDS = [
  'namePrefix',
  'nameSuffix',
  'images',
  'replicas',
  'commonLabels',
  'commonAnnotations',
  'namespace',
  'patches',
  'components',
];

export function argoKustomization(edits: ArgoKustomizeEdits): KustomizationFile {
  const { options, where, field } = edits;
  const file: KustomizationFile = structuredClone(edits.written);
  const fail = (name: string, expected: string) =>
    new PlumblineError(
      `${where}: ${field}.${name} must be ${expected}`,
      'Fix the Application: Argo CD could not build it either.',
    );
  const text = (name: string): string | undefined => {
    const value = options[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw fail(name, 'a string');
    return value;
  };

  const namePrefix = text('namePrefix');
  if (namePrefix !== undefined) file.namePrefix = namePrefix;
  const nameSuffix = text('nameSuffix');
  if (nameSuffix !== undefined) file.nameSuffix = nameSuffix;

  for (const [index, image] of listOf(options.images).entries()) {
    if (typeof image !== 'string') throw fail(`images[${index}]`, 'a string');
    file.images = replacedByName(listOf(file.images), imageEntry(image));
  }
  for (const [index, replica] of listOf(options.replicas).entries()) {
    const { name, count } = recordOf(replica);
    const number = typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : count;
    if (typeof name !== 'string' || typeof number !== 'number' || !Number.isInteger(number)) {
      throw fail(`replicas[${index}]`, 'a name and a whole count');
    }
    file.replicas = replacedByName(listOf(file.replicas), { name, count: number });
  }

  const labels = stringMap(options.commonLabels, () => fail('commonLabels', 'a map of strings'));
  if (labels) {
    if (options.labelWithoutSelector === true) {
      file.labels = [...listOf(file.labels), { pairs: labels, includeSelectors: false }];
    } else {
      file.commonLabels = merged(recordOf(file.commonLabels), labels, options.forceCommonLabels === true);
    }
  }
  const annotations = stringMap(options.commonAnnotations, () =>
    fail('commonAnnotations', 'a map of strings'),
  );
  if (annotations) {
    file.commonAnnotations = merged(
      recordOf(file.commonAnnotations),
      annotations,
      options.forceCommonAnnotations === true,
    );
  }

  const namespace = text('namespace');
  if (namespace !== undefined) file.namespace = namespace;
  const patches = listOf(options.patches);
  if (patches.length > 0) file.patches = [...listOf(file.patches), ...structuredClone(patches)];
  const components = listOf(options.components).filter((component, index) => {
    if (typeof component !== 'string') throw fail(`components[${index}]`, 'a path');
    return options.ignoreMissingComponents !== true || edits.componentExists(component);
  });
  if (components.length > 0) file.components = [...listOf(file.components), ...components];
  return file;
}

/**
 * `name=newName:tag`, `name:tag`, `name@digest`, `name=newName@digest` as
 * `kustomize edit set image` reads them. A tag's `:` is the last one after the last `/`,
 * so a registry port (`host:5000/app`) stays in the name.
 */
export function imageEntry(image: string): Record<string, string> {
  const [name = '', target] = image.includes('=') ? splitOnce(image, '=') : [undefined, image];
  const reference = target ?? image;
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
  const colon = withoutDigest.lastIndexOf(':');
  const tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(colon + 1) : undefined;
  const repository = tag === undefined ? withoutDigest : withoutDigest.slice(0, colon);
  const entry: Record<string, string> = { name: name || repository };
  if (name && repository !== name) entry.newName = repository;
  if (tag !== undefined) entry.newTag = tag;
  if (digest !== undefined) entry.digest = digest;
  return entry;
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return [text.slice(0, index), text.slice(index + 1)];
}

function replacedByName(list: unknown[], entry: Record<string, unknown>): unknown[] {
  const index = list.findIndex((item) => recordOf(item).name === entry.name);
  if (index < 0) return [...list, entry];
  return list.map((item, at) => (at === index ? entry : item));
}

function stringMap(value: unknown, fail: () => PlumblineError): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const record = recordOf(value);
  if (typeof value !== 'object' || Array.isArray(value)) throw fail();
  const strings: Record<string, string> = {};
  for (const [key, item] of Object.entries(record)) {
    if (typeof item !== 'string') throw fail();
    strings[key] = item;
  }
  return Object.keys(strings).length > 0 ? strings : undefined;
}

function merged(
  existing: Record<string, unknown>,
  added: Record<string, string>,
  force: boolean,
): Record<string, unknown> {
  const result = { ...existing };
  for (const [key, value] of Object.entries(added)) {
    if (force || !(key in result)) result[key] = value;
  }
  return result;
}
