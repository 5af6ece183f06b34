/**
 * What the target should run: the explicit input or what runs in the source environment,
 * narrowed to the images the policy names, plus the earlier promotions that an open change
 * request still carries and this one does not replace.
 */
import type { EnvironmentConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { PromotionSummary } from '../promote/describe.js';
import { namesOverlap, sameVersion } from '../promote/image-ref.js';
import { imagesRunningIn, type WantedImage } from '../promote/plan.js';
import type { ImageInventory } from '../promote/sites.js';
import { imagesAtCommit, worktreeImages } from './promote-inventory.js';
import type { PromoteSettings } from './promote-settings.js';

/** `onlyImage`: only this image (one change per image); absent: every wanted image. */
export async function wantedImages(
  dir: string,
  settings: PromoteSettings,
  onlyImage?: string,
): Promise<WantedImage[]> {
  const { only } = settings;
  let wanted: WantedImage[];
  if (settings.explicit) {
    const { image, version } = settings.explicit;
    wanted = [{ image, names: [image], version, origin: 'input' }];
  } else {
    const source = settings.source as EnvironmentConfig;
    wanted = imagesRunningIn(await worktreeImages(dir, source, settings), source.name);
    for (const name of only ?? []) {
      if (!wanted.some((image) => namesOverlap(image.names, [name]))) {
        throw new PlumblineError(
          `image ${name} is listed for promotion but ${source.name} (${source.path}) does not reference it`,
          `Images in ${source.name}: ${wanted.map((image) => image.image).join(', ') || 'none'}.`,
        );
      }
    }
  }
  if (only) wanted = wanted.filter((image) => namesOverlap(image.names, only));
  return onlyImage ? wanted.filter((image) => image.image === onlyImage) : wanted;
}

/**
 * `wanted` plus the promotions the open change request's branch holds that this one does
 * not replace, so that a newer promotion keeps them; those it replaces with another
 * version are listed as superseded.
 */
export async function keepPendingPromotions(
  dir: string,
  branchHead: string,
  settings: PromoteSettings,
  targetInventory: ImageInventory,
  wanted: WantedImage[],
): Promise<{ wanted: WantedImage[]; superseded: PromotionSummary['superseded'] }> {
  const superseded: PromotionSummary['superseded'] = [];
  let kept = wanted;
  for (const earlier of await pendingOnBranch(dir, branchHead, settings, targetInventory)) {
    const newer = kept.find((image) => namesOverlap(image.names, earlier.names));
    if (!newer) kept = [...kept, earlier];
    else if (!sameVersion(newer.version, earlier.version)) {
      superseded.push({ image: newer.image, was: earlier.version, now: newer.version });
    }
  }
  return { wanted: kept, superseded };
}

/** Images whose version on the promotion branch differs from the base: earlier promotions still pending. */
async function pendingOnBranch(
  dir: string,
  branchHead: string,
  settings: PromoteSettings,
  baseInventory: ImageInventory,
): Promise<WantedImage[]> {
  const { target } = settings;
  const onBranch = await imagesAtCommit(dir, branchHead, target, settings);
  let running: WantedImage[];
  try {
    running = imagesRunningIn(onBranch, `${target.name} in the open change request`);
  } catch {
    return []; // Not a state plumbline wrote; the new promotion replaces it.
  }
  return running.filter((image) =>
    baseInventory.sites.some(
      (site) => namesOverlap(site.names, image.names) && !sameVersion(site.version, image.version),
    ),
  );
}
