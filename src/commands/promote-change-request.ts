/**
 * The change request of a promotion branch: opened or updated once the branch is pushed,
 * retired when the base already runs everything it promotes. Once a change request exists
 * the pushed work is safe, so a failed follow-up (labels, the description) becomes a
 * warning, never an error that throws the branch, and with it the change request, away.
 * A branch is deleted only when the forge confirms that no change request uses it.
 */
import { PlumblineError } from '../errors.js';
import { type ChangeRequest, type Forge, ForgeError } from '../forge/forge.js';
import { deleteRemoteBranch, remoteBranchHead } from '../git/repository.js';
import {
  changeRequestBody,
  type PromotionSummary,
  promotionTitle,
  retiredBody,
} from '../promote/describe.js';
import type { PromoteSettings } from './promote-settings.js';

/** The change request a promotion landed in. */
export interface PromotionChangeRequest {
  number: number;
  url: string;
  /** True when this run opened it, false when it updated (or left alone) an open one. */
  created: boolean;
}

export interface ChangeRequestUpsert {
  changeRequest: PromotionChangeRequest;
  warnings: string[];
}

/** The promotion branch this run pushed, and what was there before. */
export interface PushedBranch {
  name: string;
  /** The change request already open from it, if any. */
  open: ChangeRequest | undefined;
  /** The commit pushed when the branch did not exist before: what to delete if opening fails. */
  newlyPushed: string | undefined;
}

/** Opens the change request for a pushed branch, or updates the open one. */
export async function upsertChangeRequest(
  dir: string,
  settings: PromoteSettings,
  forge: Forge,
  summary: PromotionSummary,
  branch: PushedBranch,
): Promise<ChangeRequestUpsert> {
  const text = { title: promotionTitle(summary), body: changeRequestBody(summary, forge.bodyLimit) };
  return branch.open
    ? await updateOpen(forge, branch.open, text, branch.name)
    : await openNew(dir, settings, forge, text, branch);
}

async function updateOpen(
  forge: Forge,
  open: ChangeRequest,
  text: { title: string; body: string },
  branch: string,
): Promise<ChangeRequestUpsert> {
  const { number, url } = open;
  const warnings: string[] = [];
  if (open.title !== text.title || open.body !== text.body) {
    try {
      await forge.updateChangeRequest(number, text);
    } catch (error) {
      warnings.push(
        `${branch} was pushed to ${named(forge, number)}, but its title and description still describe the earlier promotion: ${explain(error)}`,
      );
    }
  }
  return { changeRequest: { number, url, created: false }, warnings };
}

async function openNew(
  dir: string,
  settings: PromoteSettings,
  forge: Forge,
  text: { title: string; body: string },
  branch: PushedBranch,
): Promise<ChangeRequestUpsert> {
  try {
    const created = await forge.createChangeRequest({
      head: branch.name,
      base: settings.base,
      ...text,
      labels: settings.labels,
    });
    return { changeRequest: { number: created.number, url: created.url, created: true }, warnings: [] };
  } catch (error) {
    return await afterFailedOpen(dir, settings, forge, branch, error);
  }
}

/**
 * Opening failed, but the forge may have created the change request and failed a step
 * after it (labels): only a branch with no change request is an orphan that may be deleted.
 */
async function afterFailedOpen(
  dir: string,
  settings: PromoteSettings,
  forge: Forge,
  branch: PushedBranch,
  error: unknown,
): Promise<ChangeRequestUpsert> {
  const { remote, base, labels } = settings;
  const couldNotOpen = `could not open a ${forge.words.changeRequest} from ${branch.name} into ${base}: ${reason(error)}`;
  let existing: ChangeRequest | undefined;
  try {
    existing = await forge.findChangeRequest(branch.name, base);
  } catch (lookup) {
    throw new PlumblineError(
      couldNotOpen,
      `plumbline kept the branch ${branch.name} on ${remote} because it could not tell whether the ${forge.words.changeRequest} exists (${reason(lookup)}). Open it by hand, or delete the branch: git push ${remote} --delete ${branch.name}`,
      { cause: error },
    );
  }
  if (existing) {
    const missing = labels.length > 0 ? ` (labels ${labels.join(', ')} may be missing)` : '';
    return {
      changeRequest: { number: existing.number, url: existing.url, created: true },
      warnings: [
        `${named(forge, existing.number)} is open, but a step after opening it failed${missing}: ${explain(error)}`,
      ],
    };
  }
  if (!branch.newlyPushed) throw error;
  const leftover = await deletePushedBranch(dir, remote, branch.name, branch.newlyPushed);
  if (!leftover) throw error;
  throw new PlumblineError(couldNotOpen, `${leftover} ${hintOf(error)}`.trim(), { cause: error });
}

/**
 * The base already runs everything the open change request promotes: says so in it and
 * deletes its branch, which closes it. Returns the warnings for the user.
 */
export async function retireChangeRequest(
  dir: string,
  settings: PromoteSettings,
  forge: Forge,
  open: ChangeRequest,
  branch: string,
  branchHead: string,
): Promise<string[]> {
  await forge.updateChangeRequest(open.number, {
    body: retiredBody(open.body, settings.base, settings.target.name, forge.words.changeRequest),
  });
  const leftover = await deletePushedBranch(dir, settings.remote, branch, branchHead);
  return leftover ? [`${named(forge, open.number)} is no longer needed. ${leftover}`] : [];
}

/**
 * Deletes a branch plumbline pushed, unless it moved since. Git's own answer is not
 * enough to trust, so the remote is asked afterwards: the branch is gone (undefined), or
 * the user is told which branch to delete by hand.
 */
async function deletePushedBranch(
  dir: string,
  remote: string,
  branch: string,
  expected: string,
): Promise<string | undefined> {
  const advice = `Delete it by hand: git push ${remote} --delete ${branch}`;
  try {
    await deleteRemoteBranch(dir, remote, branch, expected);
    if ((await remoteBranchHead(dir, remote, branch)) === undefined) return undefined;
    return `plumbline could not delete the branch ${branch} on ${remote}; it is still there. ${advice}`;
  } catch (error) {
    return `plumbline could not delete the branch ${branch} on ${remote} (${reason(error)}). ${advice}`;
  }
}

/** A change request as the forge's users name it: `pull request #3`, `merge request !3`. */
const named = (forge: Forge, number: number) =>
  `${forge.words.changeRequest} ${forge.words.reference(number)}`;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const hintOf = (error: unknown) =>
  error instanceof PlumblineError || error instanceof ForgeError ? (error.hint ?? '') : '';
/** What failed and what to do about it, on one line. */
const explain = (error: unknown) => [reason(error), hintOf(error)].filter(Boolean).join(' ');
