/**
 * promote: carries image versions from one environment folder to the next through a commit
 * on the base branch or a change request (pull/merge request) from a stable branch.
 * Orchestration only: the edits are src/promote, git is src/git, the forge is src/forge.
 *
 * A run resolves its settings (promote-settings), then promotes one change for the target,
 * or one per image: each change is retried until it lands (promote-retry), one attempt at a
 * time (promote-attempt), through a change request when it does not land as a commit
 * (promote-change-request); the closing message is promote-message.
 */
import type { PlumblineConfig } from '../config/types.js';
import type { PlumblineError } from '../errors.js';
import type { Forge } from '../forge/forge.js';
import { currentBranch, type Identity } from '../git/repository.js';
import type { PromotedImage } from '../promote/describe.js';
import { withBase } from './promote-base.js';
import type { PromotionChangeRequest } from './promote-change-request.js';
import { promoteMessage } from './promote-message.js';
import type { DescribeTargetChange } from './promote-plan.js';
import { promoteChange } from './promote-retry.js';
import { type PromoteSettings, requireForge, resolveSettings } from './promote-settings.js';
import { wantedImages } from './promote-wanted.js';

export interface PromoteOptions {
  /** The user's checkout; it is never modified (work happens in a temporary worktree). */
  repoRoot: string;
  config: PlumblineConfig;
  to: string;
  /** Source environment; default: the target's promote.from. */
  from?: string;
  /** Explicit image instead of a source environment. */
  image?: string;
  /** A tag, possibly pinned: `1.2.3` or `1.2.3@sha256:…`. */
  tag?: string;
  digest?: string;
  via?: 'pull-request' | 'commit';
  /** One change for all images of the environment, or one per image. */
  group?: 'environment' | 'image';
  allowDowngrade?: boolean;
  /** Only these images; default: the target's promote.images (absent: all). */
  images?: string[];
  dryRun?: boolean;
  remote?: string;
  /** The branch promotions land on; default: the branch checked out in repoRoot. */
  base?: string;
  labels?: string[];
  maxAttempts?: number;
  /**
   * Used only when git has no user.name/user.email configured. The entry knows the
   * platform and chooses it (a CI bot, the user who ran the pipeline); default: plumbline.
   */
  author?: Identity;
}

export interface PromoteDeps {
  /** Needed for via: pull-request (except in a dry run). */
  forge?: Forge;
  /** Why there is no forge (e.g. no token), thrown when one is needed. */
  missingForge?: PlumblineError;
  /**
   * Markdown for the change request's body: what changes in the target (see planTargetChange). Called
   * with the edited worktree; its base commit is the "before" side.
   */
  describeTargetChange?: DescribeTargetChange;
  log?: (line: string) => void;
  /** Called right before each push, with the attempt number (a seam for race tests). */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface PromoteChange {
  /** The branch pushed: the base itself (via commit) or the promotion branch. */
  branch: string;
  commit?: string;
  changeRequest?: PromotionChangeRequest;
  attempts: number;
  promoted: PromotedImage[];
  /** True when the branch already held exactly this promotion. */
  upToDate: boolean;
}

export interface PromoteResult {
  status: 'promoted' | 'nothing-to-promote' | 'dry-run';
  promoted: PromotedImage[];
  changes: PromoteChange[];
  notes: string[];
  /**
   * What went wrong after the promotion was safe on the remote (labels, a description
   * update, deleting a branch): the work is kept, and the user has something to fix.
   */
  warnings: string[];
  message: string;
}

export async function promote(options: PromoteOptions, deps: PromoteDeps = {}): Promise<PromoteResult> {
  const checkedOut = options.base === undefined ? await currentBranch(options.repoRoot) : undefined;
  const settings = resolveSettings(options, checkedOut);
  requireForge(settings, deps);
  const result: Omit<PromoteResult, 'message'> = {
    status: 'nothing-to-promote',
    promoted: [],
    changes: [],
    notes: [],
    warnings: [],
  };
  for (const onlyImage of await changesToMake(settings)) {
    const outcome = await promoteChange(settings, deps, onlyImage);
    result.notes.push(...outcome.notes);
    result.warnings.push(...outcome.warnings);
    if (outcome.dryRun) result.status = 'dry-run';
    if (outcome.change) {
      result.changes.push(outcome.change);
      result.promoted.push(...outcome.change.promoted);
      if (!outcome.dryRun) result.status = 'promoted';
    }
  }
  const message = promoteMessage(result, settings.target.name, deps.forge?.words);
  deps.log?.(message);
  return { ...result, message };
}

/**
 * The changes to make, each named by the one image it promotes, or one change (undefined)
 * for the whole environment. One change per image needs the list of images first; each
 * change then recomputes its own.
 */
async function changesToMake(settings: PromoteSettings): Promise<(string | undefined)[]> {
  if (settings.group !== 'image') return [undefined];
  const wanted = await withBase(settings, [], ({ dir }) => wantedImages(dir, settings));
  return wanted.map((image) => image.image);
}
