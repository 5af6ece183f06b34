/** Where an image is referenced in an environment folder, and which scalars hold its version. */
import type { Scalar } from 'yaml';
import type { ImageVersion } from './image-ref.js';
import type { YamlFile } from './parse.js';

/**
 * `flux`: a Flux object's own version field: a HelmRelease's chart version (named
 * `HelmRelease/<name>`), an OCIRepository's tag and digest (`OCIRepository/<name>` and its URL).
 */
export type SiteFormat = 'kustomize' | 'helm' | 'manifest' | 'flux';

interface SiteBase {
  file: YamlFile;
  format: SiteFormat;
  /** 1-based line of the reference. */
  line: number;
  /** Where in the file, for people: `images[name=app]`, `Deployment/web containers[name=app]`. */
  where: string;
  /** Every name the image goes by here (Kustomize `name` and `newName`, Helm registry/repository). */
  names: string[];
  version: ImageVersion;
}

/** The version lives in separate scalars (Kustomize `newTag`/`digest`, Helm `tag`/`digest`). */
export interface FieldSite extends SiteBase {
  shape: 'fields';
  tag?: Scalar;
  digest?: Scalar;
}

/** The version is part of one reference string (`image: ghcr.io/acme/app:1.2.3`). */
export interface RefSite extends SiteBase {
  shape: 'ref';
  ref: Scalar;
  /** The reference as written, minus its version. */
  name: string;
}

export type ImageSite = FieldSite | RefSite;

export interface ScannedFile {
  path: string;
  format: SiteFormat;
}

/** Everything found in one environment folder, with the files looked at for error messages. */
export interface ImageInventory {
  files: ScannedFile[];
  sites: ImageSite[];
  /** Repository paths each kustomization lists under `resources:` (files or folders). */
  kustomizations: { path: string; resources: string[] }[];
}
