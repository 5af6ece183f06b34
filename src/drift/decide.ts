/**
 * The life of an environment's drift issue, as a pure decision: given the issue as it is
 * (open or closed, with the state its hidden marker carries) and what this run found,
 * which steps bring the issue to where it should be.
 *
 *   in sync, no issue                 nothing
 *   drift seen fewer than `after` times  pending: counted in the issue's hidden state, the
 *                                     issue stays closed (created closed the first time)
 *   drift confirmed, no issue         create it open
 *   drift confirmed, issue closed     comment (drifted), reopen with the new body
 *   drifting, same drift              rewrite the body only if what it shows changed
 *   drifting, the drift changed       comment (changed), rewrite the body
 *   in sync, issue open               comment (converged), close
 *
 * Steps are ordered so that a run stopped between two of them (a forge error) leaves a
 * state the next run completes: a comment goes before the body edit that records it, and
 * the orchestrator skips a comment whose event the issue's last event comment already tells.
 */
import type { DriftEvent, DriftState } from './state.js';

export interface IssueSnapshot {
  number: number;
  open: boolean;
  /** The state from the issue's marker; undefined when the marker no longer parses. */
  state?: DriftState;
}

export interface Detection {
  /** Undefined when the environment matches Git. */
  fingerprint?: string;
  /** Fingerprint per drifted object key. */
  objects: Record<string, string>;
}

export interface DecisionInput {
  issue?: IssueSnapshot;
  detection: Detection;
  /** Consecutive detections before the issue opens (at least 1). */
  after: number;
  /** ISO 8601. */
  now: string;
}

export type Step =
  | { do: 'create'; open: boolean }
  | { do: 'comment'; event: DriftEvent; fingerprint: string }
  /** Write body and state; `open` also reopens or closes; `onlyIfChanged` skips an edit that would change nothing a reader sees. */
  | { do: 'write'; open?: boolean; onlyIfChanged?: boolean };

/**
 * `pending`: drift seen, not yet `after` times. `drifting`: confirmed drift. `converged`:
 * the cluster matches Git again after confirmed drift (this run closes the issue).
 */
export type DriftStatus = 'in-sync' | 'pending' | 'drifting' | 'converged';

export interface Decision {
  status: DriftStatus;
  /** The state the issue's marker carries after this run. */
  state: DriftState;
  steps: Step[];
}

export function decide({ issue, detection, after, now }: DecisionInput): Decision {
  if (!Number.isInteger(after) || after < 1)
    throw new RangeError(`after must be a whole number ≥ 1, got ${after}`);
  const previous = issue?.state;
  if (detection.fingerprint === undefined) return decideInSync(issue, previous, now);

  const continuing = previous !== undefined && previous.consecutive > 0;
  const consecutive = Math.min((continuing ? previous.consecutive : 0) + 1, after);
  const state: DriftState = {
    consecutive,
    fingerprint: detection.fingerprint,
    objects: detection.objects,
    firstSeen: continuing && previous.firstSeen ? previous.firstSeen : now,
    lastChecked: now,
  };
  const confirmed = consecutive >= after;

  if (!issue) {
    // Below the threshold the issue is created closed: it is where the count is kept.
    return { status: confirmed ? 'drifting' : 'pending', state, steps: [{ do: 'create', open: confirmed }] };
  }
  // An open issue announced drift, unless its state says it is a pending record left open
  // by a run that stopped between creating and closing it.
  const announced = issue.open && (previous === undefined || previous.consecutive >= after);
  if (announced) {
    const drifting = { ...state, consecutive: after };
    if (previous === undefined) return { status: 'drifting', state: drifting, steps: [{ do: 'write' }] };
    if (previous.fingerprint !== detection.fingerprint) {
      return {
        status: 'drifting',
        state: drifting,
        steps: [{ do: 'comment', event: 'changed', fingerprint: detection.fingerprint }, { do: 'write' }],
      };
    }
    return { status: 'drifting', state: drifting, steps: [{ do: 'write', onlyIfChanged: true }] };
  }
  if (!confirmed) return { status: 'pending', state, steps: [{ do: 'write', open: false }] };
  return {
    status: 'drifting',
    state,
    steps: [
      { do: 'comment', event: 'drifted', fingerprint: detection.fingerprint },
      { do: 'write', open: true },
    ],
  };
}

function decideInSync(
  issue: IssueSnapshot | undefined,
  previous: DriftState | undefined,
  now: string,
): Decision {
  const state: DriftState = { consecutive: 0, lastChecked: now };
  if (!issue) return { status: 'in-sync', state, steps: [] };
  if (issue.open) {
    return {
      status: 'converged',
      state,
      steps: [
        { do: 'comment', event: 'converged', fingerprint: previous?.fingerprint ?? 'unknown' },
        { do: 'write', open: false },
      ],
    };
  }
  // Closed and already in sync: nothing to say, nothing to write.
  if (previous && previous.consecutive === 0) return { status: 'in-sync', state: previous, steps: [] };
  // Closed with pending detections (or a state that no longer parses): reset it silently.
  return { status: 'in-sync', state, steps: [{ do: 'write' }] };
}

/**
 * The `after` threshold written as text (a flag, an action input): a whole number of at
 * least 1, else undefined; each entry says what it expected in its own words.
 */
export function afterFromText(text: string): number | undefined {
  const after = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(after) && after >= 1 ? after : undefined;
}
