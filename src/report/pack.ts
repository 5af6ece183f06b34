/**
 * Splitting a Markdown report into parts that each fit a forge's size limit (a GitHub
 * comment holds 65,536 characters, a GitLab note about 1,000,000). Parts break only
 * between sections, never inside a code fence or a `<details>` block; a section too big
 * for any part is cut inside, with its fence and `<details>` closed and a note saying
 * how much was left out. A report may be capped at a number of parts, the last one then
 * counting the sections that did not fit.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), which are never fewer than
 * the characters a forge counts, so a part that fits here fits there.
 */
import { plural } from './describe.js';

/** A piece of a report that is never split across parts. */
export interface Section {
  text: string;
  /** Put before this section when it opens a part, e.g. `### dev (continued)`. */
  resumeWith?: string;
}

export interface PackOptions {
  /** Characters each part leaves free for the caller's own header or footer (a hidden marker). */
  reserve?: number;
  /** Opens every part after the first, e.g. `## plumbline plan (continued)`. */
  continuation?: string;
  /** Where the uncut report can be read; named in the note of a cut section and of a capped report. */
  fullReportHint?: string;
  /** The most parts to make; sections that do not fit in them are counted in a note that ends the last. */
  maxParts?: number;
}

export interface PackedSections {
  parts: string[];
  /** Sections left out because the report needed more than `maxParts` parts; 0 when none were. */
  sectionsLeftOut: number;
}

/** The smallest room per part the packer works with; below it no object section fits. */
export const MIN_PART_LENGTH = 500;

const SEPARATOR = '\n\n';
/** Said where the caller does not say: CI platforms without a job summary still keep a job's log and artifacts. */
const DEFAULT_HINT = 'the log and artifacts of this CI job';

/**
 * Packs `header` and `sections`, in order, into as few parts as fit `limit - reserve`
 * characters each. The header always opens part 1. With more than one part, each part
 * ends with `Part i of n`. With `maxParts`, packing stops when the parts are full, and the
 * last part gives up room for a note counting the sections left out.
 */
export function packSections(
  header: string,
  sections: readonly (string | Section)[],
  limit: number,
  options: PackOptions = {},
): PackedSections {
  const reserve = options.reserve ?? 0;
  const room = limit - reserve;
  if (!Number.isFinite(room) || room < MIN_PART_LENGTH) {
    throw new RangeError(
      `a report part needs at least ${MIN_PART_LENGTH} characters, but the limit ${limit} minus the reserve ${reserve} leaves ${room}`,
    );
  }
  const maxParts = options.maxParts ?? Number.POSITIVE_INFINITY;
  if (maxParts !== Number.POSITIVE_INFINITY && !(Number.isInteger(maxParts) && maxParts >= 1)) {
    throw new RangeError(`a report needs at least one part, got a cap of ${maxParts}`);
  }
  const hint = options.fullReportHint ?? DEFAULT_HINT;
  const budget = room - partLabel(sections.length + 1, sections.length + 1).length;
  const layout: Layout = {
    budget,
    lastBudget: budget,
    maxParts,
    continuation: options.continuation ? truncateSection(options.continuation, budget / 4, hint) : '',
    hint,
  };

  let packed = fill(header, sections, layout);
  let leftOut = sections.length - packed.placed;
  if (leftOut > 0) {
    // The last part makes room for the note; the parts before it stay as they were.
    const longestNote = SEPARATOR.length + leftOutNote(sections.length, maxParts, hint).length;
    packed = fill(header, sections, { ...layout, lastBudget: budget - longestNote });
    leftOut = sections.length - packed.placed;
    packed.parts.at(-1)!.push(leftOutNote(leftOut, maxParts, hint));
  }

  const texts = packed.parts.map((pieces) => pieces.filter((piece) => piece !== '').join(SEPARATOR));
  if (texts.length === 1) return { parts: texts, sectionsLeftOut: leftOut };
  return {
    parts: texts.map((text, index) => text + partLabel(index + 1, texts.length)),
    sectionsLeftOut: leftOut,
  };
}

interface Layout {
  /** Room in every part but the last one `maxParts` allows, part label excluded. */
  budget: number;
  /** Room in part number `maxParts`. */
  lastBudget: number;
  maxParts: number;
  continuation: string;
  hint: string;
}

/** Fills parts in order until the sections run out or `maxParts` parts are full. */
function fill(
  header: string,
  sections: readonly (string | Section)[],
  layout: Layout,
): { parts: string[][]; placed: number } {
  const { continuation, hint } = layout;
  const budgetOf = (index: number) => (index === layout.maxParts - 1 ? layout.lastBudget : layout.budget);
  const parts: string[][] = [[truncateSection(header, budgetOf(0), hint)]];
  let used = parts[0]![0]!.length;
  let opened = false; // whether the current part holds a section yet
  let placed = 0;
  for (const entry of sections) {
    const section = typeof entry === 'string' ? { text: entry } : entry;
    const piece =
      opened || !section.resumeWith ? section.text : section.resumeWith + SEPARATOR + section.text;
    const current = parts.at(-1)!;
    if (used + joinedLength(current, piece) <= budgetOf(parts.length - 1)) {
      used += joinedLength(current, piece);
      current.push(piece);
      opened = true;
      placed += 1;
      continue;
    }
    if (parts.length >= layout.maxParts) break;
    const partBudget = budgetOf(parts.length);
    const fresh = continuation ? [continuation] : [];
    const opening = section.resumeWith ? section.resumeWith + SEPARATOR + section.text : section.text;
    const freshUsed = continuation.length;
    const fitted =
      freshUsed + joinedLength(fresh, opening) <= partBudget
        ? opening
        : truncateSection(opening, partBudget - freshUsed - (fresh.length > 0 ? SEPARATOR.length : 0), hint);
    fresh.push(fitted);
    parts.push(fresh);
    used = freshUsed + joinedLength(fresh.slice(0, -1), fitted);
    opened = true;
    placed += 1;
  }
  return { parts, placed };
}

function leftOutNote(leftOut: number, maxParts: number, fullReportHint: string): string {
  return `✂️ ${plural(leftOut, 'more section')} left out to keep this report to ${plural(maxParts, 'part')}; the full report is in ${fullReportHint}.`;
}

function joinedLength(pieces: readonly string[], next: string): number {
  return (pieces.length > 0 ? SEPARATOR.length : 0) + next.length;
}

function partLabel(index: number, total: number): string {
  return `${SEPARATOR}<sub>Part ${index} of ${total}</sub>`;
}

interface LineState {
  /** The fence that is open after this line, if any. */
  fence: string | undefined;
  /** How many `<details>` are open after this line. */
  details: number;
  /** Whether the line is something a reader would miss (not a fence, tag or blank). */
  content: boolean;
}

/**
 * Cuts `text` at a line boundary so that, with its open fence and `<details>` closed and
 * a note about what was left out, it is at most `max` characters. Returns `text`
 * unchanged when it already fits.
 */
export function truncateSection(text: string, max: number, fullReportHint = DEFAULT_HINT): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  const states = lineStates(lines);
  const leftOutFrom: number[] = new Array(lines.length + 1).fill(0);
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    leftOutFrom[index] = leftOutFrom[index + 1]! + (states[index]!.content ? 1 : 0);
  }
  // Longest kept prefix first; lengths are summed rather than joined so a huge diff stays linear.
  let prefixLength = text.length - lines.at(-1)!.length - 1;
  for (let kept = lines.length - 1; kept >= 0; kept -= 1) {
    const state = kept > 0 ? states[kept - 1]! : { fence: undefined, details: 0 };
    const closing = closingAfterCut(state, cutNote(leftOutFrom[kept]!, fullReportHint), kept > 0);
    if (Math.max(prefixLength, 0) + closing.length <= max) return lines.slice(0, kept).join('\n') + closing;
    if (kept > 0) prefixLength -= lines[kept - 1]!.length + (kept > 1 ? 1 : 0);
  }
  return cutNote(leftOutFrom[0]!, fullReportHint).slice(0, Math.max(0, max));
}

/** What follows the kept lines: the open fence closed, the note, the open `<details>` closed. */
function closingAfterCut(
  state: Pick<LineState, 'fence' | 'details'>,
  note: string,
  afterText: boolean,
): string {
  let out = state.fence ? `\n${state.fence}` : '';
  out += (afterText ? SEPARATOR : '') + note;
  for (let depth = 0; depth < state.details; depth += 1) out += `${SEPARATOR}</details>`;
  return out;
}

function cutNote(leftOut: number, fullReportHint: string): string {
  const lines = leftOut === 1 ? '1 line' : `${leftOut} lines`;
  return `✂️ ${lines} left out here to fit the size limit; the full report is in ${fullReportHint}.`;
}

function lineStates(lines: readonly string[]): LineState[] {
  const states: LineState[] = [];
  let fence: string | undefined;
  let details = 0;
  for (const line of lines) {
    if (fence) {
      const trimmed = line.trimEnd();
      const closes = trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed);
      if (closes) fence = undefined;
      states.push({ fence, details, content: !closes });
      continue;
    }
    const opening = /^(`{3,}|~{3,})/.exec(line);
    if (opening) {
      fence = opening[1]!;
      states.push({ fence, details, content: false });
      continue;
    }
    const opened = line.match(/<details[\s>]/gi)?.length ?? 0;
    const closed = line.match(/<\/details>/gi)?.length ?? 0;
    details = Math.max(0, details + opened - closed);
    const structural =
      line.trim() === '' || /^(<\/?details[^>]*>|<summary>.*<\/summary>)+$/i.test(line.trim());
    states.push({ fence, details, content: !structural });
  }
  return states;
}
