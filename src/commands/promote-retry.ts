/**
 * One change, attempted until it lands: each attempt starts in a fresh worktree at the
 * remote's current head and recomputes the edit there (never rebasing text). When the
 * remote moved under an attempt, that attempt is thrown away and the next one starts over,
 * a bounded number of times, so that racing promotions all land.
 */
import { PlumblineError } from '../errors.js';
import { promotionBranch } from '../promote/branch.js';
import type { PromoteDeps } from './promote.js';
import { attemptChange, type ChangeOutcome } from './promote-attempt.js';
import { withBase } from './promote-base.js';
import type { PromoteSettings } from './promote-settings.js';

/** `onlyImage`: the one image this change promotes (group: image); absent: every image. */
export async function promoteChange(
  settings: PromoteSettings,
  deps: PromoteDeps,
  onlyImage: string | undefined,
): Promise<ChangeOutcome> {
  const viaChangeRequest = settings.via === 'pull-request';
  const branch = viaChangeRequest ? promotionBranch(settings.target.name, onlyImage) : settings.base;
  for (let attempt = 1; attempt <= settings.maxAttempts; attempt++) {
    const outcome = await withBase(settings, viaChangeRequest ? [branch] : [], (base) =>
      attemptChange(base, settings, deps, { branch, onlyImage, attempt }),
    );
    if (outcome !== 'remote-moved') return outcome;
    deps.log?.(
      `${settings.remote}/${branch} moved while promoting; starting over on its new head (attempt ${attempt + 1})`,
    );
  }
  throw new PlumblineError(
    `could not push to ${settings.remote}/${branch}: it kept moving during ${settings.maxAttempts} attempts`,
    'Nothing was left behind. Run promote again, or serialize promotions with a concurrency group.',
  );
}
