/**
 * One comment per thread, kind and key that plumbline edits in place run after run,
 * instead of a new comment every push. Long bodies are split into numbered parts, each
 * its own comment. Only comments by plumbline's own author are ever touched: a user who
 * quotes or copies a marker keeps their comment. A comment belongs to the kind and key of
 * the marker on its first line only, so a diff that spells out another comment's marker
 * cannot make plumbline edit or delete that comment.
 */
import type { Forge, ForgeComment, ThreadRef } from './forge.js';
import { findMarker, type MarkerId, markerReserve, withMarker } from './marker.js';

export interface StickyCommentResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Links to the parts, in order, when the forge reports them. */
  urls: string[];
}

/**
 * Make the thread carry exactly `parts.length` comments for this kind and key, part i
 * holding `parts[i]`. Existing parts are edited (or left alone when identical), missing
 * ones created, surplus ones deleted last so the thread is never without the comment.
 * An empty `parts` removes the comment.
 */
export async function syncStickyComment(
  forge: Forge,
  thread: ThreadRef,
  options: MarkerId & { parts: string[] },
): Promise<StickyCommentResult> {
  const { kind, key, parts } = options;
  const room = maxPartLength(forge, { kind, key });
  parts.forEach((part, index) => {
    if (part.length > room) {
      throw new Error(
        `part ${index + 1} of the ${kind} comment is ${part.length} characters; the forge takes ${room} after the marker. Split it with maxPartLength().`,
      );
    }
  });

  const author = (await forge.currentAuthor()).toLowerCase();
  const existing = new Map<number, ForgeComment>();
  const surplus: ForgeComment[] = [];
  for (const comment of await forge.listComments(thread)) {
    if (comment.author.toLowerCase() !== author) continue;
    const marker = findMarker(comment.body, { kind, key });
    if (!marker) continue;
    // The first comment of each part wins; a second one (two runs racing) is surplus.
    if (marker.part <= parts.length && !existing.has(marker.part)) existing.set(marker.part, comment);
    else surplus.push(comment);
  }

  const result: StickyCommentResult = { created: 0, updated: 0, deleted: 0, unchanged: 0, urls: [] };
  for (const [index, text] of parts.entries()) {
    const part = index + 1;
    const body = withMarker({ kind, key, part, parts: parts.length }, text);
    const comment = existing.get(part);
    let url = comment?.url;
    if (!comment) {
      url = (await forge.createComment(thread, body)).url;
      result.created += 1;
    } else if (comment.body === body) {
      result.unchanged += 1;
    } else {
      await forge.updateComment(thread, comment.id, body);
      result.updated += 1;
    }
    if (url) result.urls.push(url);
  }
  for (const comment of surplus) {
    await forge.deleteComment(thread, comment.id);
    result.deleted += 1;
  }
  return result;
}

/** The longest text one part may hold on this forge, once its marker is added. */
export function maxPartLength(forge: Pick<Forge, 'bodyLimit'>, id: MarkerId): number {
  return forge.bodyLimit - markerReserve(id);
}
