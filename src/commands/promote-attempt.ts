/**
 * One attempt at one change, in a worktree at the remote's current base: works out what
 * the target should run, edits its files, commits and pushes with a guard, and lands the
 * change (the commit itself, or a change request). When the guarded push finds that the
 * remote moved, the attempt ends with 'remote-moved' and nothing pushed.
 */
import type { Forge } from '../forge/forge.js';
import { commitStaged, pushCommit, stagedTree, treeOf } from '../git/repository.js';
import { writeWorktreeFiles } from '../git/worktree-files.js';
import {
  commitMessage,
  type PromotionSummary,
  promotedImages,
  targetChangeRoom,
} from '../promote/describe.js';
import { namesOverlap } from '../promote/image-ref.js';
import { type PromotionPlan, planPromotion } from '../promote/plan.js';
import { type FileRewrite, rewriteFiles } from '../promote/rewrite.js';
import type { PromoteChange, PromoteDeps } from './promote.js';
import type { BaseWorktree } from './promote-base.js';
import {
  type ChangeRequestUpsert,
  type PushedBranch,
  retireChangeRequest,
  upsertChangeRequest,
} from './promote-change-request.js';
import { worktreeImages } from './promote-inventory.js';
import type { PromoteSettings } from './promote-settings.js';
import { keepPendingPromotions, wantedImages } from './promote-wanted.js';

export interface ChangeOutcome {
  /** Absent when there was nothing to promote. */
  change?: PromoteChange;
  notes: string[];
  warnings: string[];
  dryRun: boolean;
}

export interface AttemptTarget {
  /** The branch pushed: the base itself (via commit) or the promotion branch. */
  branch: string;
  /** The one image this change promotes (group: image); absent: every image. */
  onlyImage: string | undefined;
  /** 1 for the first attempt. */
  attempt: number;
}

export async function attemptChange(
  base: BaseWorktree,
  settings: PromoteSettings,
  deps: PromoteDeps,
  { branch, onlyImage, attempt }: AttemptTarget,
): Promise<ChangeOutcome | 'remote-moved'> {
  const viaChangeRequest = settings.via === 'pull-request';
  const branchHead = viaChangeRequest ? base.heads.get(branch) : undefined;
  const open =
    viaChangeRequest && deps.forge ? await deps.forge.findChangeRequest(branch, settings.base) : undefined;
  const { plan, superseded } = await planChange(base.dir, settings, onlyImage, open ? branchHead : undefined);
  const { notes } = plan;
  const rewrites = rewriteFiles(plan);
  const promoted = promotedImages(settings.target.name, plan.promotions);

  if (rewrites.length === 0) {
    const warnings =
      open && branchHead && deps.forge && !settings.dryRun
        ? await retireChangeRequest(base.dir, settings, deps.forge, open, branch, branchHead)
        : [];
    return { notes, warnings, dryRun: settings.dryRun };
  }
  if (settings.dryRun) {
    return {
      notes,
      warnings: [],
      dryRun: true,
      change: { branch, attempts: attempt, promoted, upToDate: false },
    };
  }

  const summary: PromotionSummary = {
    target: settings.target.name,
    source: settings.source?.name,
    baseCommit: base.baseHead,
    promotions: plan.promotions,
    superseded,
    // The body names the change request as the forge does (a merge request on GitLab).
    changeRequest: deps.forge?.words.changeRequest,
  };
  const pushed = await commitAndPush(base.dir, settings, deps, rewrites, commitMessage(summary), {
    branch,
    head: branchHead,
    attempt,
  });
  if (pushed === 'remote-moved') return pushed;
  const { commit, upToDate } = pushed;
  const change: PromoteChange = { branch, attempts: attempt, promoted, upToDate, commit };
  if (!viaChangeRequest) return { change, notes, warnings: [], dryRun: false };

  const landed = await landInChangeRequest(base, settings, deps, summary, {
    name: branch,
    open,
    newlyPushed: !upToDate && branchHead === undefined ? commit : undefined,
  });
  change.changeRequest = landed.changeRequest;
  return { change, notes, warnings: landed.warnings, dryRun: false };
}

/**
 * The promotion computed on the base. `pendingOn`: the head of the promotion branch when a
 * change request is open from it, whose earlier promotions stay unless this one replaces them.
 */
async function planChange(
  dir: string,
  settings: PromoteSettings,
  onlyImage: string | undefined,
  pendingOn: string | undefined,
): Promise<{ plan: PromotionPlan; superseded: PromotionSummary['superseded'] }> {
  const wanted = await wantedImages(dir, settings, onlyImage);
  const targetInventory = await worktreeImages(dir, settings.target, settings);
  const pending = pendingOn
    ? await keepPendingPromotions(dir, pendingOn, settings, targetInventory, wanted)
    : { wanted, superseded: [] };
  const plan = planPromotion(pending.wanted, targetInventory, {
    targetEnv: settings.target.name,
    allowDowngrade: settings.allowDowngrade,
    // What the user named must be found in the target; what the source runs may be absent.
    required: (image) =>
      settings.explicit !== undefined ||
      (settings.only ?? []).some((name) => namesOverlap(image.names, [name])),
  });
  return { plan, superseded: pending.superseded };
}

/**
 * Writes the edits and commits and pushes them, unless the branch already holds exactly
 * this tree. The push is guarded: the base only fast-forwards, the promotion branch is
 * leased at the commit read, so a concurrent push is detected, never overwritten.
 */
async function commitAndPush(
  dir: string,
  settings: PromoteSettings,
  deps: PromoteDeps,
  rewrites: FileRewrite[],
  message: string,
  { branch, head, attempt }: { branch: string; head: string | undefined; attempt: number },
): Promise<{ commit: string; upToDate: boolean } | 'remote-moved'> {
  await writeWorktreeFiles(dir, rewrites);
  const tree = await stagedTree(
    dir,
    rewrites.map((rewrite) => rewrite.path),
  );
  if (head !== undefined && (await treeOf(dir, head)) === tree) return { commit: head, upToDate: true };
  const commit = await commitStaged(dir, message, settings.author);
  await deps.beforePush?.(attempt);
  const guard = settings.via === 'pull-request' ? { lease: head } : ({ fastForward: true } as const);
  const pushed = await pushCommit(dir, settings.remote, commit, branch, guard);
  return pushed === 'rejected' ? 'remote-moved' : { commit, upToDate: false };
}

/** Describes what changes in the target, in the room the forge's body leaves, and opens or updates the change request. */
async function landInChangeRequest(
  base: BaseWorktree,
  settings: PromoteSettings,
  deps: PromoteDeps,
  summary: PromotionSummary,
  branch: PushedBranch,
): Promise<ChangeRequestUpsert> {
  // promote() refused a change request without a forge (requireForge) before anything was pushed.
  const forge = deps.forge as Forge;
  const described: PromotionSummary = deps.describeTargetChange
    ? {
        ...summary,
        targetChange: await deps.describeTargetChange(base.dir, settings.target, {
          baseCommit: base.baseHead,
          baseBranch: settings.base,
          budget: targetChangeRoom(summary, forge.bodyLimit, settings.base),
        }),
      }
    : summary;
  return upsertChangeRequest(base.dir, settings, forge, described, branch);
}
