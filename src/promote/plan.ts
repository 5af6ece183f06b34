/**
 * Decides what a promotion changes: which images, from which version to which, and the exact
 * scalars to rewrite. A reference keeps its shape: a tag stays a tag, a pin by digest stays a
 * pin, and plumbline never adds or removes fields.
 */
import type { Scalar } from 'yaml';
import { PlumblineError } from '../errors.js';
import { formatImageRef, formatVersion, type ImageVersion, namesOverlap, sameVersion } from './image-ref.js';
import type { YamlFile } from './parse.js';
import { scalarText } from './scalars.js';
import { compareSemver } from './semver.js';
import type { ImageInventory, ImageSite } from './sites.js';

/** An image and the version the target should run. */
export interface WantedImage {
  /** The name shown to people. */
  image: string;
  /** Every name it goes by, for matching the target's references. */
  names: string[];
  version: ImageVersion;
  /** Where the version comes from, e.g. `dev (envs/dev/kustomization.yaml:7)`. */
  origin: string;
}

export interface ScalarEdit {
  file: YamlFile;
  scalar: Scalar;
  line: number;
  from: string;
  to: string;
}

export interface ImagePromotion {
  image: string;
  /** The versions the target ran before (one per distinct value). */
  from: ImageVersion[];
  to: ImageVersion;
  origin: string;
  /** `file:line` of each rewritten reference. */
  places: string[];
}

export interface PromotionPlan {
  promotions: ImagePromotion[];
  edits: ScalarEdit[];
  /** Images already at the wanted version, or not used by the target. */
  notes: string[];
}

export interface PlanOptions {
  targetEnv: string;
  allowDowngrade: boolean;
  /** Images that must be found in the target (explicitly requested); the rest may be absent. */
  required: (image: WantedImage) => boolean;
}

export function displayName(site: ImageSite): string {
  return site.format === 'kustomize' ? (site.names[1] ?? site.names[0] ?? '') : (site.names[0] ?? '');
}

/**
 * A kustomization's `images:` entry decides what runs for the manifests it lists under
 * `resources:`; their own tags for that image are overridden and left alone. So does a
 * reference with `overrides` (an Argo CD Application's) for the files it names.
 */
export function effectiveSites(inventory: ImageInventory): ImageSite[] {
  const kustomize = inventory.sites.filter((site) => site.format === 'kustomize');
  const overridden = (site: ImageSite) =>
    kustomize.some((entry) => {
      const resources = inventory.kustomizations.find((k) => k.path === entry.file.path)?.resources ?? [];
      const listed = resources.some(
        (resource) => site.file.path === resource || site.file.path.startsWith(`${resource}/`),
      );
      return listed && namesOverlap(entry.names, site.names);
    });
  return inventory.sites.filter(
    (site) => (site.format !== 'manifest' || !overridden(site)) && !decidedElsewhere(inventory, site),
  );
}

/** Whether a reference of a higher rank decides for this one (ImageSite.overrides). */
function decidedElsewhere(inventory: ImageInventory, site: ImageSite): boolean {
  const rank = site.overrides?.rank ?? 0;
  return inventory.sites.some(
    (other) =>
      other.overrides !== undefined &&
      other.overrides.rank > rank &&
      other.overrides.paths.some(
        (path) => path === '' || site.file.path === path || site.file.path.startsWith(`${path}/`),
      ) &&
      namesOverlap(other.names, site.names),
  );
}

/** The version of each image an environment runs; one image at two versions is an error. */
export function imagesRunningIn(inventory: ImageInventory, env: string): WantedImage[] {
  const images: (WantedImage & { site: ImageSite })[] = [];
  for (const site of effectiveSites(inventory)) {
    if (site.version.tag === undefined && site.version.digest === undefined) continue;
    const known = images.find((image) => namesOverlap(image.names, site.names));
    if (!known) {
      const origin = `${env} (${site.file.path}:${site.line})`;
      images.push({ image: displayName(site), names: [...site.names], version: site.version, origin, site });
    } else if (!sameVersion(known.version, site.version)) {
      throw new PlumblineError(
        `${env} runs ${known.image} at two versions: ${formatVersion(known.version)} (${known.site.file.path}:${known.site.line}) and ${formatVersion(site.version)} (${site.file.path}:${site.line})`,
        'Make the source environment consistent, or promote one version explicitly.',
        { remedy: 'image' },
      );
    } else {
      known.names.push(...site.names.filter((name) => !known.names.includes(name)));
    }
  }
  return images.map(({ site: _site, ...image }) => image);
}

export function planPromotion(
  wanted: WantedImage[],
  target: ImageInventory,
  options: PlanOptions,
): PromotionPlan {
  const sites = effectiveSites(target);
  const plan: PromotionPlan = { promotions: [], edits: [], notes: [] };
  const problems: string[] = [];
  const downgrades: string[] = [];
  const editsByScalar = new Map<Scalar, ScalarEdit>();

  for (const image of wanted) {
    const matches = sites.filter((site) => namesOverlap(site.names, image.names));
    if (matches.length === 0) {
      if (options.required(image)) throw notFound(image, target, options.targetEnv);
      plan.notes.push(`${image.image}: not used in ${options.targetEnv}`);
      continue;
    }
    const promotion: ImagePromotion = {
      image: image.image,
      from: [],
      to: image.version,
      origin: image.origin,
      places: [],
    };
    for (const site of matches) {
      const where = `${site.file.path}:${site.line} (${site.where})`;
      let edits: Omit<ScalarEdit, 'file' | 'line'>[];
      try {
        edits = editsFor(site, image.version);
      } catch (problem) {
        problems.push(`${where}: ${(problem as Error).message}`);
        continue;
      }
      if (edits.length === 0) continue;
      const order =
        site.version.tag && image.version.tag ? compareSemver(image.version.tag, site.version.tag) : 0;
      if (order !== undefined && order < 0 && !options.allowDowngrade) {
        downgrades.push(`${image.image} ${site.version.tag} → ${image.version.tag} at ${where}`);
      }
      if (!promotion.from.some((version) => sameVersion(version, site.version)))
        promotion.from.push(site.version);
      promotion.places.push(`${site.file.path}:${site.line}`);
      for (const edit of edits) {
        const existing = editsByScalar.get(edit.scalar);
        if (existing && existing.to !== edit.to) {
          problems.push(`${where}: two images want this value to be '${existing.to}' and '${edit.to}'`);
          continue;
        }
        if (!existing) {
          const line = site.file.lines.linePos(edit.scalar.range?.[0] ?? 0).line;
          const full = { ...edit, file: site.file, line };
          editsByScalar.set(edit.scalar, full);
          plan.edits.push(full);
        }
      }
    }
    if (promotion.places.length > 0) plan.promotions.push(promotion);
    else plan.notes.push(`${image.image}: ${options.targetEnv} already runs ${formatVersion(image.version)}`);
  }

  if (problems.length > 0) {
    throw new PlumblineError(
      `cannot promote into ${options.targetEnv}:\n  ${problems.join('\n  ')}`,
      'plumbline changes values, never the shape of a reference: pin the source by digest, or add the missing field to the target once by hand. Nothing was written.',
    );
  }
  if (downgrades.length > 0) {
    throw new PlumblineError(
      `refusing to downgrade in ${options.targetEnv}:\n  ${downgrades.join('\n  ')}`,
      'Nothing was written. If the older version is intended, set promote.allowDowngrade: true for this environment in plumbline.yaml.',
      { remedy: 'allow-downgrade' },
    );
  }
  return plan;
}

/** The scalar rewrites that bring one reference to a version, keeping its shape. */
function editsFor(site: ImageSite, version: ImageVersion): Omit<ScalarEdit, 'file' | 'line'>[] {
  if (site.shape === 'ref') {
    const bare = site.version.tag === undefined && site.version.digest === undefined;
    const keepsTag = bare || site.version.tag !== undefined;
    const keepsDigest = bare ? version.digest !== undefined : site.version.digest !== undefined;
    if (keepsDigest && version.digest === undefined) throw new Error(pinnedWithoutDigest);
    if (keepsTag && version.tag === undefined && !keepsDigest) throw new Error(tagWithoutTag);
    const next = formatImageRef({
      name: site.name,
      ...(keepsTag && version.tag !== undefined && { tag: version.tag }),
      ...(keepsDigest && { digest: version.digest }),
    });
    const current = scalarText(site.ref) ?? '';
    return next === current ? [] : [{ scalar: site.ref, from: current, to: next }];
  }
  if (!site.tag && !site.digest) throw new Error('the entry has no tag or digest field to update');
  if (site.digest && version.digest === undefined) throw new Error(pinnedWithoutDigest);
  if (site.tag && version.tag === undefined && !site.digest) throw new Error(tagWithoutTag);
  const edits: Omit<ScalarEdit, 'file' | 'line'>[] = [];
  for (const [scalar, value] of [
    [site.tag, version.tag],
    [site.digest, version.digest],
  ] as const) {
    const current = scalarText(scalar);
    if (scalar && value !== undefined && current !== value)
      edits.push({ scalar, from: current ?? '', to: value });
  }
  return edits;
}

const pinnedWithoutDigest = 'the target is pinned by digest but the source gives no digest';
const tagWithoutTag = 'the target names a tag but the source gives only a digest';

function notFound(image: WantedImage, target: ImageInventory, env: string): PlumblineError {
  const looked = target.files.map((file) => {
    const names = target.sites.filter((site) => site.file.path === file.path).map(displayName);
    return `  ${file.path} (${file.format}): ${names.length > 0 ? names.join(', ') : 'no images'}`;
  });
  return new PlumblineError(
    `image ${image.image} is not referenced in ${env}. Looked in:\n${looked.length > 0 ? looked.join('\n') : '  (no YAML files)'}`,
    'Check the image name (any of a Kustomize name/newName, a Helm repository or a container image matches), or add the image to the environment first. Nothing was written.',
  );
}
