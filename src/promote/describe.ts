/**
 * Words and Markdown for a promotion: commit message, change request title and body,
 * outputs. Names and versions come from manifests, so the body shows them through the
 * report's safe Markdown helpers: no mention, HTML comment or quick action can hide in them.
 */
import { code, escapeInline } from '../report/markdown-syntax.js';
import { formatVersion, type ImageVersion } from './image-ref.js';
import type { ImagePromotion } from './plan.js';

export interface PromotionSummary {
  target: string;
  /** The source environment, or undefined for explicit inputs. */
  source?: string;
  /** The commit of the base branch the promotion was computed on. */
  baseCommit: string;
  promotions: ImagePromotion[];
  /** Versions an earlier state of the same change request promoted, now replaced. */
  superseded: { image: string; was: ImageVersion; now: ImageVersion }[];
  /** Markdown describing what changes in the target (the offline plan), when available. */
  targetChange?: string;
  /** What the forge calls a change request; `change request` when absent (no forge given). */
  changeRequest?: string;
}

export function promotionTitle(summary: PromotionSummary): string {
  const [only] = summary.promotions;
  if (summary.promotions.length === 1 && only) {
    return `Promote ${only.image} ${formatVersion(only.to)} to ${summary.target}`;
  }
  const from = summary.source ? ` from ${summary.source}` : '';
  return `Promote ${summary.promotions.length} images${from} to ${summary.target}`;
}

export function commitMessage(summary: PromotionSummary): string {
  const lines = summary.promotions.map(
    (p) => `- ${p.image}: ${p.from.map(formatVersion).join(', ')} -> ${formatVersion(p.to)} (${p.origin})`,
  );
  return `${promotionTitle(summary)}\n\n${lines.join('\n')}\n\nPromoted by plumbline from ${summary.baseCommit.slice(0, 12)}.`;
}

export function changeRequestBody(summary: PromotionSummary, bodyLimit = 65_536): string {
  const rows = summary.promotions.map(
    (p) =>
      `| ${code(p.image)} | ${p.from.map((v) => code(formatVersion(v))).join(', ')} → ${code(formatVersion(p.to))} | ${escapeInline(p.origin)} | ${code(summary.baseCommit.slice(0, 12))} |`,
  );
  const parts = [
    `## Promote to ${escapeInline(summary.target)}`,
    '',
    '| image | old → new | source | source commit |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Files: ${[...new Set(summary.promotions.flatMap((p) => p.places))].map(code).join(', ')}`,
  ];
  if (summary.superseded.length > 0) {
    parts.push(
      '',
      '### Superseded',
      `This ${noun(summary)} was updated by a newer promotion; it no longer carries:`,
      ...summary.superseded.map(
        (s) => `- ${code(s.image)} ${code(formatVersion(s.was))} (now ${code(formatVersion(s.now))})`,
      ),
    );
  }
  if (summary.targetChange)
    parts.push('', `### What changes in ${escapeInline(summary.target)}`, '', summary.targetChange);
  parts.push(
    '',
    `_This ${noun(summary)} is kept up to date by plumbline promote; newer promotions update it._`,
  );
  const body = parts.join('\n');
  if (body.length <= bodyLimit) return body;
  // The plan diff is what grows; cut it rather than lose the table.
  const note = `\n\n_The plan diff was too long for a ${noun(summary)} body and was cut._`;
  return body.slice(0, bodyLimit - note.length) + note;
}

/**
 * Characters `targetChange` may take so that the whole body stays within `bodyLimit`,
 * leaving room for the note {@link retiredBody} may append later.
 */
export function targetChangeRoom(summary: PromotionSummary, bodyLimit: number, base: string): number {
  const placeholder = '\u0000';
  const rest =
    changeRequestBody({ ...summary, targetChange: placeholder }, Number.POSITIVE_INFINITY).length -
    placeholder.length;
  return bodyLimit - rest - retiredNote(base, summary.target, noun(summary)).length;
}

function retiredNote(base: string, target: string, changeRequest: string): string {
  return `\n\n---\n**Superseded:** ${escapeInline(base)} already runs these versions in ${escapeInline(target)}; plumbline deleted the branch, which closes this ${changeRequest}.`;
}

/** The body of a change request whose promotion the base already runs, before its branch is deleted. */
export function retiredBody(body: string, base: string, target: string, changeRequest: string): string {
  return body + retiredNote(base, target, changeRequest);
}

const noun = (summary: PromotionSummary) => summary.changeRequest ?? 'change request';

/** The `promoted` output: one entry per promoted image. */
export interface PromotedImage {
  image: string;
  environment: string;
  from: string[];
  to: string;
  tag?: string;
  digest?: string;
  source: string;
  files: string[];
}

export function promotedImages(target: string, promotions: ImagePromotion[]): PromotedImage[] {
  return promotions.map((p) => ({
    image: p.image,
    environment: target,
    from: p.from.map(formatVersion),
    to: formatVersion(p.to),
    tag: p.to.tag,
    digest: p.to.digest,
    source: p.origin,
    files: [...new Set(p.places.map((place) => place.replace(/:\d+$/, '')))],
  }));
}
