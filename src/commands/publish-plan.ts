/**
 * Publishing a plan on a change request: the sticky comment (one for every environment,
 * or one per environment), split into parts that each fit the forge, and the labels that
 * say whether the change does anything. Forge-neutral: the entries of every CI platform
 * and the CLI call this with their own Forge.
 */
import { type EnvironmentResult, hasChanges, type PlanResult } from '../diff/model.js';
import type { Forge, ThreadRef } from '../forge/forge.js';
import { markerReserve, readMarker } from '../forge/marker.js';
import { type StickyCommentResult, syncStickyComment } from '../forge/sticky-comment.js';
import type { Vocabulary } from '../remedy.js';
import { type MarkdownParts, renderMarkdownParts } from '../report/markdown.js';

/** The marker kind of plan comments: `<!-- plumbline:plan:KEY -->`. */
export const PLAN_COMMENT_KIND = 'plan';

/**
 * The most comments one plan comment is split into. A change of 20,000 objects would
 * otherwise post some 60 comments, burying the conversation and the forge's rate limit;
 * the objects left out are in the full report (`fullReportHint`).
 */
export const MAX_COMMENT_PARTS = 10;

/** Labels that say whether a change request changes anything. */
export const PLAN_LABELS = { changes: 'plumbline:changes', noChanges: 'plumbline:no-changes' } as const;

export interface PublishPlanOptions {
  /** Write the sticky comment(s). */
  comment: boolean;
  /** One comment per environment instead of one for all. */
  perEnvironment?: boolean;
  /**
   * The environments the user asked for (empty: all). It keys the single comment, so
   * that two jobs planning different environments of one change keep their own comments.
   */
  selected?: readonly string[];
  /** Label the change request {@link PLAN_LABELS}. */
  labels: boolean;
  /** A link to the CI run, shown under the summary. */
  runUrl?: string;
  /** Where the uncut report can be read, named when a section had to be cut or left out. */
  fullReportHint?: string;
  /** How the entry's users name the options remedies point at. */
  vocabulary?: Vocabulary;
}

export interface PublishedComment {
  /** The marker key: `all`, an environment set, or one environment. */
  key: string;
  parts: number;
  /** Objects not in the comment because it holds at most {@link MAX_COMMENT_PARTS} parts. */
  objectsLeftOut: number;
  sync: StickyCommentResult;
}

export interface PublishPlanResult {
  comments: PublishedComment[];
  labelsAdded: string[];
  labelsRemoved: string[];
}

export async function publishPlan(
  forge: Forge,
  thread: ThreadRef,
  result: PlanResult,
  options: PublishPlanOptions,
): Promise<PublishPlanResult> {
  const published: PublishPlanResult = { comments: [], labelsAdded: [], labelsRemoved: [] };
  if (options.comment) {
    const comments = planComments(result, options);
    // One comment per environment: an environment this change no longer touches keeps no
    // stale diff. Its comment, if an earlier run wrote one, now says it is not planned.
    if (options.perEnvironment && result.unaffected?.length) {
      const written = await commentedKeys(forge, thread, new Set(result.unaffected));
      for (const name of written) {
        comments.push({ key: name, result: { ...result, environments: [], unaffected: [name] } });
      }
    }
    for (const comment of comments) {
      const { parts, objectsLeftOut } = planCommentParts(forge, comment.key, comment.result, options);
      const sync = await syncStickyComment(forge, thread, {
        kind: PLAN_COMMENT_KIND,
        key: comment.key,
        parts,
      });
      published.comments.push({ key: comment.key, parts: parts.length, objectsLeftOut, sync });
    }
  }
  if (options.labels) {
    const { add, remove } = planLabels(result);
    if (add.length > 0) await forge.addLabels(thread, add);
    for (const label of remove) await forge.removeLabel(thread, label);
    published.labelsAdded = add;
    published.labelsRemoved = remove;
  }
  return published;
}

/** Which of `keys` have a plan comment by the forge's current author on the thread (one listing). */
async function commentedKeys(forge: Forge, thread: ThreadRef, keys: ReadonlySet<string>): Promise<string[]> {
  const author = (await forge.currentAuthor()).toLowerCase();
  const found = new Set<string>();
  for (const comment of await forge.listComments(thread)) {
    if (comment.author.toLowerCase() !== author) continue;
    const marker = readMarker(comment.body);
    if (marker?.kind === PLAN_COMMENT_KIND && keys.has(marker.key)) found.add(marker.key);
  }
  return [...found].sort();
}

/** The comments to write: their marker key and the part of the plan each one shows. */
export function planComments(
  result: PlanResult,
  options: Pick<PublishPlanOptions, 'perEnvironment' | 'selected'>,
): Array<{ key: string; result: PlanResult }> {
  if (!options.perEnvironment) {
    const selected = [...(options.selected ?? [])].sort();
    return [{ key: selected.length > 0 ? selected.join(',') : 'all', result }];
  }
  // An environment compared both with its base and with its cluster has two results;
  // both go in its one comment.
  const byEnvironment = new Map<string, EnvironmentResult[]>();
  for (const env of result.environments) {
    byEnvironment.set(env.environment, [...(byEnvironment.get(env.environment) ?? []), env]);
  }
  return [...byEnvironment].map(([name, environments]) => ({
    key: name,
    result: { ...result, environments },
  }));
}

/**
 * The comment's parts, each small enough for the forge once its marker is added, and at
 * most {@link MAX_COMMENT_PARTS} of them.
 */
export function planCommentParts(
  forge: Pick<Forge, 'bodyLimit'>,
  key: string,
  result: PlanResult,
  options: Pick<PublishPlanOptions, 'runUrl' | 'fullReportHint' | 'vocabulary'>,
): MarkdownParts {
  return renderMarkdownParts(result, {
    limit: forge.bodyLimit,
    reserve: markerReserve({ kind: PLAN_COMMENT_KIND, key }),
    maxParts: MAX_COMMENT_PARTS,
    runUrl: options.runUrl,
    fullReportHint: options.fullReportHint,
    vocabulary: options.vocabulary,
  });
}

/**
 * Which label to add and which to remove. A plan with a failed environment, or a partial
 * merge missing shards, and no change elsewhere is not known to change nothing, so it
 * carries neither label.
 */
export function planLabels(result: PlanResult): { add: string[]; remove: string[] } {
  if (hasChanges(result)) return { add: [PLAN_LABELS.changes], remove: [PLAN_LABELS.noChanges] };
  if (result.environments.some((env) => env.error !== undefined) || result.missingShards?.length) {
    return { add: [], remove: [PLAN_LABELS.changes, PLAN_LABELS.noChanges] };
  }
  return { add: [PLAN_LABELS.noChanges], remove: [PLAN_LABELS.changes] };
}
