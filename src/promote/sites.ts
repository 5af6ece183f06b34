/** Where an image is referenced in an environment folder, and which scalars hold its version. */
import type { Scalar } from 'yaml';
import type { ImageVersion } from './image-ref.js';
import type { YamlFile } from './parse.js';

/**
 * `flux`: a Flux object's own version field: a HelmRelease's chart version (named
 * `HelmRelease/<name>`), an OCIRepository's tag and digest (`OCIRepository/<name>` and its URL).
 * `argocd`: a version in an Argo CD Application's own sources: `helm.parameters`,
 * `helm.valuesObject`, `kustomize.images`, a chart's `targetRevision` (`chart/<chart>`).
 */
export type SiteFormat = 'kustomize' | 'helm' | 'manifest' | 'flux' | 'argocd';

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
  /**
   * Where this reference decides what runs over the same image's other references: in
   * `paths` (files, or folders: '' is every file), over those of a lower `rank` (a site
   * without `overrides` has rank 0). An Argo CD Application's `kustomize.images` over its
   * source folder, its `helm.parameters` over its `valuesObject` and value files. Those are
   * overridden, and left alone (see effectiveSites).
   */
  overrides?: { paths: string[]; rank: number };
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
