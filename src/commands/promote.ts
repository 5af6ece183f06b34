/**
 * promote: carries image versions from one environment folder to the next through a commit
 * on the base branch or a change request (pull/merge request) from a stable branch.
 * Orchestration only: the edits are src/promote, git is src/git, the forge is src/forge.
 *
 * Every attempt starts from the remote's current base in a temporary worktree, recomputes
 * the edit there (never rebasing text) and pushes with a guard; when the remote moved, the
 * attempt is thrown away and the next one starts over, a bounded number of times.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { type ChangeRequest, type Forge, ForgeError } from '../forge/forge.js';
import {
  addWorktree,
  commitStaged,
  currentBranch,
  deleteRemoteBranch,
  fetchBranches,
  type Identity,
  listFiles,
  listFilesAt,
  pushCommit,
  remoteBranchHead,
  showFile,
  stagedTree,
  treeOf,
} from '../git/repository.js';
import {
  commitMessage,
  type PromotedImage,
  type PromotionSummary,
  promotedImages,
  promotionTitle,
  pullRequestBody,
  retiredBody,
  targetChangeRoom,
} from '../promote/describe.js';
import { promotableFiles } from '../promote/files.js';
import { findImages } from '../promote/find.js';
import { type ImageVersion, namesOverlap, parseVersionInput, sameVersion } from '../promote/image-ref.js';
import { parseYamlFile, type YamlFile } from '../promote/parse.js';
import { imagesRunningIn, planPromotion, type WantedImage } from '../promote/plan.js';
import { rewriteFiles } from '../promote/rewrite.js';
import type { ImageInventory } from '../promote/sites.js';
import type { DescribeTargetChange } from './promote-plan.js';

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
   * Markdown for the PR body: what changes in the target (see planTargetChange). Called
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
  pullRequest?: { number: number; url: string; created: boolean };
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

/** The commit identity when git has none and the entry gave none: neutral, and never a real mailbox. */
export const plumblineAuthor: Identity = {
  name: 'plumbline',
  email: 'plumbline@users.noreply.invalid',
};

export function promotionBranch(target: string, image?: string): string {
  const slug = image
    ?.toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Git cannot hold a branch and another branch below it (`a/b` and `a/b/c`): per-image
  // branches live apart from `plumbline/promote/<env>`, and an environment named with
  // slashes (`eu/prod`, found by discovery) becomes one segment (`eu--prod`) so that it
  // cannot collide with an environment `eu`.
  const environment = target.replaceAll('/', '--');
  return slug ? `plumbline/promote-image/${environment}/${slug}` : `plumbline/promote/${environment}`;
}

interface Settings {
  target: EnvironmentConfig;
  source?: EnvironmentConfig;
  explicit?: { image: string; version: ImageVersion };
  via: 'pull-request' | 'commit';
  group: 'environment' | 'image';
  allowDowngrade: boolean;
  only?: string[];
  remote: string;
  base: string;
  labels: string[];
  maxAttempts: number;
  author: Identity;
}

export async function promote(options: PromoteOptions, deps: PromoteDeps = {}): Promise<PromoteResult> {
  const settings = await resolveSettings(options);
  const log = deps.log ?? (() => {});
  if (settings.via === 'pull-request' && !deps.forge && !options.dryRun) {
    // No forge exists yet to name its change requests.
    const needs = `promoting to ${settings.target.name} through a pull/merge request needs a forge token`;
    const orCommit = 'Or use --via commit where the environment allows direct pushes.';
    if (deps.missingForge) {
      throw new PlumblineError(
        `${needs}, but ${deps.missingForge.message}`,
        [deps.missingForge.hint, orCommit].filter(Boolean).join(' '),
        {
          cause: deps.missingForge,
        },
      );
    }
    throw new PlumblineError(needs, `Provide the forge's token. ${orCommit}`);
  }
  // One change per image needs the list of images first; each change then recomputes its own.
  const units: (string | undefined)[] =
    settings.group === 'image'
      ? (await withBase(options.repoRoot, settings, [], ({ dir }) => wantedImages(dir, settings))).map(
          (w) => w.image,
        )
      : [undefined];

  const result: PromoteResult = {
    status: 'nothing-to-promote',
    promoted: [],
    changes: [],
    notes: [],
    warnings: [],
    message: '',
  };
  const where: string[] = [];
  for (const unit of units) {
    const change = await promoteUnit(options, settings, deps, log, unit);
    result.notes.push(...change.notes);
    result.warnings.push(...change.warnings);
    if (change.dryRun) result.status = 'dry-run';
    if (change.change) {
      result.changes.push(change.change);
      result.promoted.push(...change.change.promoted);
      where.push(change.where ?? `would push to ${change.change.branch}`);
      if (!change.dryRun) result.status = 'promoted';
    }
  }
  result.message = describeResult(result, settings, where);
  log(result.message);
  return result;
}

async function resolveSettings(options: PromoteOptions): Promise<Settings> {
  const find = (name: string, role: string) => {
    const env = options.config.environments.find((candidate) => candidate.name === name);
    if (!env) {
      const known = options.config.environments.map((candidate) => candidate.name).join(', ') || 'none';
      throw new PlumblineError(
        `${role} environment '${name}' is not configured`,
        `Known environments: ${known}.`,
      );
    }
    return env;
  };
  const target = find(options.to, 'target');
  const explicit = options.image
    ? { image: options.image, version: parseVersionInput(options.tag, options.digest) }
    : undefined;
  if (explicit && explicit.version.tag === undefined && explicit.version.digest === undefined) {
    throw new PlumblineError(
      `no version given for ${explicit.image}`,
      'Pass --tag and/or --digest with --image.',
    );
  }
  if (!explicit && (options.tag || options.digest)) {
    throw new PlumblineError('--tag and --digest need --image', 'Name the image to promote with --image.');
  }
  if (explicit && options.from) {
    throw new PlumblineError(
      'give either --from or --image, not both',
      'Use --from ENV to promote what runs there.',
    );
  }
  const fromName = explicit ? undefined : (options.from ?? target.promote?.from);
  if (!explicit && !fromName) {
    throw new PlumblineError(
      `nothing says where ${target.name}'s images come from`,
      `Set promote.from for ${target.name} in plumbline.yaml, or pass --from ENV, or --image NAME --tag TAG.`,
    );
  }
  const base = options.base ?? (await currentBranch(options.repoRoot));
  if (!base) {
    throw new PlumblineError(
      'cannot tell which branch to promote on (HEAD is detached)',
      'Pass --base BRANCH.',
    );
  }
  return {
    target,
    ...(fromName && { source: find(fromName, 'source') }),
    ...(explicit && { explicit }),
    via: options.via ?? target.promote?.via ?? 'pull-request',
    group: options.group ?? target.promote?.group ?? 'environment',
    allowDowngrade: options.allowDowngrade ?? target.promote?.allowDowngrade ?? false,
    ...((options.images ?? target.promote?.images) && { only: options.images ?? target.promote?.images }),
    remote: options.remote ?? 'origin',
    base,
    labels: options.labels ?? ['plumbline', 'promote'],
    maxAttempts: options.maxAttempts ?? 5,
    author: options.author ?? plumblineAuthor,
  };
}

interface BaseContext {
  dir: string;
  baseHead: string;
  heads: Map<string, string | undefined>;
}

/** Runs `work` in a temporary worktree at the remote's current base; always removes it. */
async function withBase<T>(
  repo: string,
  settings: Settings,
  extraBranches: string[],
  work: (context: BaseContext) => Promise<T>,
): Promise<T> {
  const heads = await fetchBranches(repo, settings.remote, [settings.base, ...extraBranches]);
  const baseHead = heads.get(settings.base);
  if (!baseHead) {
    throw new PlumblineError(
      `branch ${settings.base} does not exist on ${settings.remote}`,
      'Pass --base with the branch the environments live on.',
    );
  }
  const worktree = await addWorktree(repo, baseHead);
  try {
    return await work({ dir: worktree.dir, baseHead, heads });
  } finally {
    await worktree.remove();
  }
}

/** Parses the promotable files of an environment folder, read through `read`. */
async function inventoryOf(
  env: EnvironmentConfig,
  settings: Settings,
  paths: string[],
  read: (path: string) => Promise<string>,
): Promise<{ files: YamlFile[]; inventory: ImageInventory }> {
  const files: YamlFile[] = [];
  for (const path of promotableFiles(paths)) files.push(parseYamlFile(path, await read(path)));
  const helmValuesFiles = (env.helm?.valuesFiles ?? []).map((file) => posix.join(env.path, file));
  const helmImagePaths = env.promote?.helmImagePaths ?? settings.target.promote?.helmImagePaths ?? [];
  return { files, inventory: findImages(files, { helmValuesFiles, helmImagePaths }) };
}

const readIn = (dir: string) => (path: string) => readFile(join(dir, path), 'utf8');

/** What the target should run: the explicit input, or what runs in the source, filtered by policy. */
async function wantedImages(dir: string, settings: Settings, unit?: string): Promise<WantedImage[]> {
  let wanted: WantedImage[];
  if (settings.explicit) {
    const { image, version } = settings.explicit;
    wanted = [{ image, names: [image], version, origin: 'input' }];
  } else {
    const source = settings.source as EnvironmentConfig;
    const { inventory } = await inventoryOf(source, settings, await listFiles(dir, source.path), readIn(dir));
    wanted = imagesRunningIn(inventory, source.name);
    for (const name of settings.only ?? []) {
      if (!wanted.some((image) => namesOverlap(image.names, [name]))) {
        throw new PlumblineError(
          `image ${name} is listed for promotion but ${source.name} (${source.path}) does not reference it`,
          `Images in ${source.name}: ${wanted.map((image) => image.image).join(', ') || 'none'}.`,
        );
      }
    }
  }
  if (settings.only) wanted = wanted.filter((image) => namesOverlap(image.names, settings.only as string[]));
  return unit ? wanted.filter((image) => image.image === unit) : wanted;
}

interface UnitOutcome {
  change?: PromoteChange;
  /** Where the change went, in the forge's words: one line of the message. */
  where?: string;
  notes: string[];
  warnings: string[];
  dryRun: boolean;
}

async function promoteUnit(
  options: PromoteOptions,
  settings: Settings,
  deps: PromoteDeps,
  log: (line: string) => void,
  unit: string | undefined,
): Promise<UnitOutcome> {
  const viaPr = settings.via === 'pull-request';
  const branch = viaPr ? promotionBranch(settings.target.name, unit) : settings.base;
  for (let attempt = 1; attempt <= settings.maxAttempts; attempt++) {
    const outcome = await withBase(options.repoRoot, settings, viaPr ? [branch] : [], (context) =>
      attemptOnce(context, options, settings, deps, branch, unit, attempt),
    );
    if (outcome !== 'retry') return outcome;
    log(
      `${settings.remote}/${branch} moved while promoting; starting over on its new head (attempt ${attempt + 1})`,
    );
  }
  throw new PlumblineError(
    `could not push to ${settings.remote}/${branch}: it kept moving during ${settings.maxAttempts} attempts`,
    'Nothing was left behind. Run promote again, or serialize promotions with a concurrency group.',
  );
}

async function attemptOnce(
  { dir, baseHead, heads }: BaseContext,
  options: PromoteOptions,
  settings: Settings,
  deps: PromoteDeps,
  branch: string,
  unit: string | undefined,
  attempt: number,
): Promise<UnitOutcome | 'retry'> {
  const { target } = settings;
  const viaPr = settings.via === 'pull-request';
  const branchHead = viaPr ? heads.get(branch) : undefined;
  const openRequest =
    viaPr && deps.forge ? await deps.forge.findChangeRequest(branch, settings.base) : undefined;

  let wanted = await wantedImages(dir, settings, unit);
  const targetFiles = await inventoryOf(target, settings, await listFiles(dir, target.path), readIn(dir));
  // An open change request may carry earlier promotions; they stay unless this one replaces them.
  const superseded: PromotionSummary['superseded'] = [];
  if (openRequest && branchHead) {
    const pending = await pendingOnBranch(dir, branchHead, settings, targetFiles.inventory);
    for (const earlier of pending) {
      const newer = wanted.find((image) => namesOverlap(image.names, earlier.names));
      if (!newer) wanted = [...wanted, earlier];
      else if (!sameVersion(newer.version, earlier.version)) {
        superseded.push({ image: newer.image, was: earlier.version, now: newer.version });
      }
    }
  }
  const plan = planPromotion(wanted, targetFiles.inventory, {
    targetEnv: target.name,
    allowDowngrade: settings.allowDowngrade,
    required: (image) =>
      settings.explicit !== undefined ||
      (settings.only ?? []).some((name) => namesOverlap(image.names, [name])),
  });
  const rewrites = rewriteFiles(plan);
  const promoted = promotedImages(target.name, plan.promotions);

  if (rewrites.length === 0) {
    const warnings =
      openRequest && branchHead && !options.dryRun
        ? await closeStale(dir, settings, deps.forge as Forge, openRequest, branch, branchHead)
        : [];
    return { notes: plan.notes, warnings, dryRun: options.dryRun ?? false };
  }
  if (options.dryRun) {
    return {
      notes: plan.notes,
      warnings: [],
      dryRun: true,
      change: { branch, attempts: attempt, promoted, upToDate: false },
    };
  }

  await Promise.all(rewrites.map((rewrite) => writeAtomically(join(dir, rewrite.path), rewrite.text)));
  const tree = await stagedTree(
    dir,
    rewrites.map((rewrite) => rewrite.path),
  );
  const summary: PromotionSummary = {
    target: target.name,
    ...(settings.source && { source: settings.source.name }),
    baseCommit: baseHead,
    promotions: plan.promotions,
    superseded,
    ...(deps.forge && { changeRequest: deps.forge.words.changeRequest }),
  };
  const upToDate = branchHead !== undefined && (await treeOf(dir, branchHead)) === tree;
  let commit = branchHead;
  if (!upToDate) {
    commit = await commitStaged(dir, commitMessage(summary), settings.author);
    await deps.beforePush?.(attempt);
    const pushed = await pushCommit(
      dir,
      settings.remote,
      commit,
      branch,
      viaPr ? { lease: branchHead } : { fastForward: true },
    );
    if (pushed === 'rejected') return 'retry';
  }
  const change: PromoteChange = { branch, attempts: attempt, promoted, upToDate, ...(commit && { commit }) };
  if (!viaPr) {
    const where = `committed ${commit?.slice(0, 12)} to ${branch}`;
    return { change, where, notes: plan.notes, warnings: [], dryRun: false };
  }
  const forge = deps.forge as Forge;
  if (deps.describeTargetChange) {
    summary.targetChange = await deps.describeTargetChange(dir, target, {
      baseCommit: baseHead,
      baseBranch: settings.base,
      budget: targetChangeRoom(summary, forge.bodyLimit, settings.base),
    });
  }
  const upserted = await upsertPullRequest(dir, settings, forge, summary, branch, {
    open: openRequest,
    pushedNewBranch: !upToDate && branchHead === undefined ? commit : undefined,
  });
  change.pullRequest = upserted.pullRequest;
  const { number, url, created } = upserted.pullRequest;
  const done = created ? 'opened' : upToDate ? 'already up to date' : 'updated';
  const where = `${forge.words.changeRequest} ${forge.words.reference(number)} ${done}: ${url}`;
  return { change, where, notes: plan.notes, warnings: upserted.warnings, dryRun: false };
}

/** Images whose version on the promotion branch differs from the base: earlier promotions still pending. */
async function pendingOnBranch(
  dir: string,
  branchHead: string,
  settings: Settings,
  baseInventory: ImageInventory,
): Promise<WantedImage[]> {
  const { target } = settings;
  const onBranch = await inventoryOf(
    target,
    settings,
    await listFilesAt(dir, branchHead, target.path),
    async (path) => {
      return (await showFile(dir, branchHead, path)) ?? '';
    },
  );
  let running: WantedImage[];
  try {
    running = imagesRunningIn(onBranch.inventory, `${target.name} in the open change request`);
  } catch {
    return []; // Not a state plumbline wrote; the new promotion replaces it.
  }
  return running.filter((image) =>
    baseInventory.sites.some(
      (site) => namesOverlap(site.names, image.names) && !sameVersion(site.version, image.version),
    ),
  );
}

/**
 * Opens or updates the change request for a pushed branch. Once a change request exists,
 * the pushed work is safe: a failed follow-up (labels, the description) becomes a warning,
 * never an error that throws the branch, and with it the change request, away.
 */
async function upsertPullRequest(
  dir: string,
  settings: Settings,
  forge: Forge,
  summary: PromotionSummary,
  branch: string,
  state: { open: ChangeRequest | undefined; pushedNewBranch: string | undefined },
): Promise<{ pullRequest: { number: number; url: string; created: boolean }; warnings: string[] }> {
  const title = promotionTitle(summary);
  const body = pullRequestBody(summary, forge.bodyLimit);
  const { words } = forge;
  if (state.open) {
    const { number, url } = state.open;
    const warnings: string[] = [];
    if (state.open.title !== title || state.open.body !== body) {
      try {
        await forge.updateChangeRequest(number, { title, body });
      } catch (error) {
        warnings.push(
          `${branch} was pushed to ${words.changeRequest} ${words.reference(number)}, but its title and description still describe the earlier promotion: ${explain(error)}`,
        );
      }
    }
    return { pullRequest: { number, url, created: false }, warnings };
  }
  try {
    const created = await forge.createChangeRequest({
      head: branch,
      base: settings.base,
      title,
      body,
      labels: settings.labels,
    });
    return { pullRequest: { number: created.number, url: created.url, created: true }, warnings: [] };
  } catch (error) {
    // The forge may have created the change request and failed a step after it (labels):
    // only a branch with no change request is an orphan that may be deleted.
    let existing: ChangeRequest | undefined;
    try {
      existing = await forge.findChangeRequest(branch, settings.base);
    } catch (lookup) {
      throw new PlumblineError(
        `could not open a ${words.changeRequest} from ${branch} into ${settings.base}: ${reason(error)}`,
        `plumbline kept the branch ${branch} on ${settings.remote} because it could not tell whether the ${words.changeRequest} exists (${reason(lookup)}). Open it by hand, or delete the branch: git push ${settings.remote} --delete ${branch}`,
        { cause: error },
      );
    }
    if (existing) {
      const labels =
        settings.labels.length > 0 ? ` (labels ${settings.labels.join(', ')} may be missing)` : '';
      return {
        pullRequest: { number: existing.number, url: existing.url, created: true },
        warnings: [
          `${words.changeRequest} ${words.reference(existing.number)} is open, but a step after opening it failed${labels}: ${explain(error)}`,
        ],
      };
    }
    if (!state.pushedNewBranch) throw error;
    const leftover = await deleteBranch(dir, settings.remote, branch, state.pushedNewBranch);
    if (!leftover) throw error;
    throw new PlumblineError(
      `could not open a ${words.changeRequest} from ${branch} into ${settings.base}: ${reason(error)}`,
      `${leftover} ${hintOf(error)}`.trim(),
      { cause: error },
    );
  }
}

/** The base already runs everything the open change request promotes: say so and retire the branch. */
async function closeStale(
  dir: string,
  settings: Settings,
  forge: Forge,
  request: ChangeRequest,
  branch: string,
  branchHead: string,
): Promise<string[]> {
  await forge.updateChangeRequest(request.number, {
    body: retiredBody(request.body, settings.base, settings.target.name, forge.words.changeRequest),
  });
  const leftover = await deleteBranch(dir, settings.remote, branch, branchHead);
  return leftover
    ? [
        `${forge.words.changeRequest} ${forge.words.reference(request.number)} is no longer needed. ${leftover}`,
      ]
    : [];
}

/**
 * Deletes a branch plumbline pushed, unless it moved since. Git's own answer is not
 * enough to trust, so the remote is asked afterwards: the branch is gone, or the user is
 * told which branch to delete (undefined when it is gone).
 */
async function deleteBranch(
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

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const hintOf = (error: unknown) =>
  error instanceof PlumblineError || error instanceof ForgeError ? (error.hint ?? '') : '';
/** What failed and what to do about it, on one line. */
const explain = (error: unknown) => [reason(error), hintOf(error)].filter(Boolean).join(' ');

/** Writes next to the file and renames, so a file is either old or new, never half-written. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.plumbline-${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function describeResult(result: PromoteResult, settings: Settings, where: string[]): string {
  const target = settings.target.name;
  const warnings = result.warnings.map((warning) => `Warning: ${warning}`);
  if (result.promoted.length === 0 && result.changes.length === 0) {
    const notes = result.notes.length ? `\n  ${result.notes.join('\n  ')}` : '';
    return [
      `Nothing to promote to ${target}: it already runs the wanted versions.${notes}`,
      ...warnings,
    ].join('\n');
  }
  const lines = result.promoted.map((p) => `  ${p.image}: ${p.from.join(', ')} -> ${p.to}`);
  const verb = result.status === 'dry-run' ? 'Would promote' : 'Promoted';
  return [`${verb} to ${target}:`, ...lines, ...where.map((line) => `  ${line}`), ...warnings].join('\n');
}
