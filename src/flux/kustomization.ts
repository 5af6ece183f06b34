/**
 * The kustomization kustomize-controller builds for a Flux Kustomization, as fluxcd/pkg
 * kustomize's Generator writes it: the folder's own kustomization file, or one it
 * generates listing the folder's manifests, with the Flux Kustomization's overlay fields
 * written into it (`GenerateManifest`):
 *
 * - `targetNamespace` replaces `namespace`, `namePrefix` and `nameSuffix` replace theirs;
 * - `patches` (inline patch and target only), `patchesStrategicMerge` and
 *   `patchesJson6902` (older APIs) are appended to the kustomization's own;
 * - `images` are merged by name into the kustomization's own: newName replaces, newTag
 *   and digest replace both together, a new name is appended;
 * - `components` (local paths relative to spec.path) are appended; with
 *   `ignoreMissingComponents`, one that does not exist is left out;
 * - `buildMetadata` replaces the kustomization's; a kustomization of the folder's own
 *   without resources gets `originAnnotations`, and a generated one without any a
 *   placeholder namespace, as the Generator does to keep kustomize from calling it empty.
 *
 * Pure: the caller reads the folder and checks every path this names. Errors name the
 * Flux Kustomization's file and line and the field, never a value.
 */
import { PlumblineError } from '../errors.js';
import { listOf } from '../yaml/plain-data.js';

export type KustomizationFile = Record<string, unknown>;

export interface FluxKustomizationOptions {
  /** The folder's own kustomization file, parsed; absent when the folder has none. */
  written?: KustomizationFile;
  /** Without a kustomization file: the resources kustomize-controller lists (see generatedResources). */
  generated?: readonly string[];
  /** The Flux Kustomization's spec. */
  spec: Record<string, unknown>;
  /** Where the Flux Kustomization is written, `file:line`. */
  where: string;
  /** Whether a component path (relative to spec.path) exists, for ignoreMissingComponents. */
  componentExists: (path: string) => boolean;
}

const KUSTOMIZE_API = 'kustomize.config.k8s.io/v1beta1';
/** The fields of a kustomize patch target; Flux's ignore rules and post-renderers take the same. */
export const SELECTOR_FIELDS = [
  'group',
  'version',
  'kind',
  'name',
  'namespace',
  'labelSelector',
  'annotationSelector',
] as const;
const IMAGE_FIELDS = ['name', 'newName', 'newTag', 'digest'] as const;
const REMOTE_PREFIXES = [
  'git::',
  'gh:',
  'ssh://',
  'https://',
  'http://',
  'git@',
  'github.com:',
  'github.com/',
];

export function fluxKustomizationFile(options: FluxKustomizationOptions): KustomizationFile {
  const { spec, where } = options;
  const file: KustomizationFile = { apiVersion: KUSTOMIZE_API, kind: 'Kustomization' };
  if (options.written) {
    Object.assign(file, structuredClone(options.written));
    if (listOf(file.resources).length === 0) file.buildMetadata = ['originAnnotations'];
  } else if (options.generated && options.generated.length > 0) {
    file.resources = [...options.generated];
  } else {
    file.namespace = '_placeholder';
  }

  const text = (field: string) => {
    const value = spec[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw fieldError(where, `spec.${field}`, 'a string');
    return value;
  };
  const targetNamespace = text('targetNamespace');
  if (targetNamespace !== undefined) file.namespace = targetNamespace;
  const namePrefix = text('namePrefix');
  if (namePrefix !== undefined) file.namePrefix = namePrefix;
  const nameSuffix = text('nameSuffix');
  if (nameSuffix !== undefined) file.nameSuffix = nameSuffix;

  const patches = specList(spec, 'patches', where).map((entry, index) => {
    const field = `spec.patches[${index}]`;
    const patch = recordOf(entry, where, field);
    if (typeof patch.patch !== 'string') throw fieldError(where, `${field}.patch`, 'a string');
    const written: Record<string, unknown> = { patch: patch.patch };
    const target = selectorOf(patch.target, where, `${field}.target`);
    if (target) written.target = target;
    return written;
  });
  if (patches.length > 0) file.patches = [...listOf(file.patches), ...patches];

  const components = specList(spec, 'components', where).map((entry, index) => {
    const field = `spec.components[${index}]`;
    if (typeof entry !== 'string') throw fieldError(where, field, 'a path');
    if (!isLocalRelativePath(entry)) {
      throw new PlumblineError(
        `${where}: ${field} is not a local path relative to spec.path, which kustomize-controller requires`,
        'Name a component folder of the repository, relative to spec.path.',
      );
    }
    return entry;
  });
  const ignoreMissing = spec.ignoreMissingComponents === true;
  const kept = components.filter((component) => !ignoreMissing || options.componentExists(component));
  if (kept.length > 0) file.components = [...listOf(file.components), ...kept];

  const strategicMerge = specList(spec, 'patchesStrategicMerge', where).map((entry, index) =>
    JSON.stringify(recordOf(entry, where, `spec.patchesStrategicMerge[${index}]`)),
  );
  if (strategicMerge.length > 0) {
    file.patchesStrategicMerge = [...listOf(file.patchesStrategicMerge), ...strategicMerge];
  }

  const json6902 = specList(spec, 'patchesJson6902', where).map((entry, index) => {
    const field = `spec.patchesJson6902[${index}]`;
    const patch = recordOf(entry, where, field);
    if (!Array.isArray(patch.patch)) throw fieldError(where, `${field}.patch`, 'a list of operations');
    const written: Record<string, unknown> = { patch: JSON.stringify(patch.patch) };
    const target = selectorOf(patch.target, where, `${field}.target`);
    if (target) written.target = target;
    return written;
  });
  if (json6902.length > 0) file.patchesJson6902 = [...listOf(file.patchesJson6902), ...json6902];

  const images = specList(spec, 'images', where).map((entry, index) => {
    const field = `spec.images[${index}]`;
    const image = recordOf(entry, where, field);
    const written: Record<string, string> = {};
    for (const key of IMAGE_FIELDS) {
      const value = image[key];
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string') throw fieldError(where, `${field}.${key}`, 'a string');
      written[key] = value;
    }
    if (written.name === undefined) throw fieldError(where, `${field}.name`, 'an image name');
    return written;
  });
  if (images.length > 0) file.images = mergeImages(listOf(file.images), images);

  const buildMetadata = specList(spec, 'buildMetadata', where);
  if (buildMetadata.length > 0) {
    buildMetadata.forEach((entry, index) => {
      if (typeof entry !== 'string') throw fieldError(where, `spec.buildMetadata[${index}]`, 'a string');
    });
    file.buildMetadata = [...buildMetadata];
  }
  return file;
}

/**
 * `images` of the kustomization with those of the Flux Kustomization merged in by name,
 * as the Generator merges them.
 */
function mergeImages(existing: unknown[], images: Record<string, string>[]): unknown[] {
  const merged = existing.map((image) =>
    image !== null && typeof image === 'object' && !Array.isArray(image) ? { ...image } : image,
  ) as Array<Record<string, unknown>>;
  for (const image of images) {
    const index = merged.findIndex((candidate) => candidate?.name === image.name);
    if (index === -1) {
      merged.push(image);
      continue;
    }
    const target = merged[index]!;
    if (image.newName !== undefined) target.newName = image.newName;
    if (image.newTag !== undefined || image.digest !== undefined) {
      // newTag and digest both choose the version: setting one clears the other.
      delete target.newTag;
      delete target.digest;
      if (image.newTag !== undefined) target.newTag = image.newTag;
      if (image.digest !== undefined) target.digest = image.digest;
    }
  }
  return merged;
}

/** fluxcd/pkg kustomize IsLocalRelativePath: not a URL or git reference, not absolute. */
export function isLocalRelativePath(path: string): boolean {
  const lower = path.toLowerCase();
  if (REMOTE_PREFIXES.some((prefix) => prefix.length < path.length && lower.startsWith(prefix))) return false;
  return !path.startsWith('/') && !lower.replace(/^file:\/\//, '').startsWith('/');
}

function selectorOf(value: unknown, where: string, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const selector = recordOf(value, where, field);
  const written: Record<string, string> = {};
  for (const key of SELECTOR_FIELDS) {
    const item = selector[key];
    if (item === undefined || item === null || item === '') continue;
    if (typeof item !== 'string') throw fieldError(where, `${field}.${key}`, 'a string');
    written[key] = item;
  }
  return written;
}

function specList(spec: Record<string, unknown>, field: string, where: string): unknown[] {
  const value = spec[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fieldError(where, `spec.${field}`, 'a list');
  return value;
}

function recordOf(value: unknown, where: string, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fieldError(where, field, 'a mapping');
  }
  return value as Record<string, unknown>;
}

function fieldError(where: string, field: string, wanted: string): PlumblineError {
  return new PlumblineError(
    `${where}: ${field} must be ${wanted}`,
    'Fix the Flux Kustomization: kustomize-controller refuses it too.',
  );
}
