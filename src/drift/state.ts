/**
 * The drift state of one environment, kept in a hidden marker in its issue's body, so
 * that no other store is needed: `<!-- plumbline:drift:ENV {json} -->`. The marker also
 * identifies the issue: the issue of an environment is the one whose body carries it.
 *
 * Event comments carry a marker too, `<!-- plumbline:drift-event:ENV {json} -->`, so a
 * run that failed between a comment and the body edit is repaired without a second comment.
 */

import { buildMarker, findMarker } from '../forge/marker.js';

export interface DriftState {
  /** Consecutive runs that found drift, counted up to the `after` threshold; 0 when in sync. */
  consecutive: number;
  /** The drift the body describes; absent when in sync. */
  fingerprint?: string;
  /** Fingerprint per drifted object key, to tell in a comment what is new and what is gone. */
  objects?: Record<string, string>;
  /** When the current run of detections began (ISO 8601); absent when in sync. */
  firstSeen?: string;
  /** The last run that wrote this state (ISO 8601). */
  lastChecked: string;
}

export type DriftEvent = 'drifted' | 'changed' | 'converged';

export interface EventMark {
  event: DriftEvent;
  fingerprint: string;
}

const STATE_KIND = 'drift';
const EVENT_KIND = 'drift-event';

export function stateMarker(environment: string, state: DriftState): string {
  return buildMarker({ kind: STATE_KIND, key: environment, state });
}

export function eventMarker(environment: string, mark: EventMark): string {
  return buildMarker({ kind: EVENT_KIND, key: environment, state: mark });
}

/** Whether `body` carries this environment's state marker, readable or not. */
export function hasStateMarker(body: string, environment: string): boolean {
  return findMarker(body, { kind: STATE_KIND, key: environment }) !== undefined;
}

/** The state in `body` for `environment`; undefined when absent or unreadable. */
export function readState(body: string, environment: string): DriftState | undefined {
  const value = findMarker(body, { kind: STATE_KIND, key: environment })?.state;
  if (!isRecord(value)) return undefined;
  const { consecutive, fingerprint, objects, firstSeen, lastChecked } = value;
  if (!Number.isInteger(consecutive) || (consecutive as number) < 0 || typeof lastChecked !== 'string')
    return undefined;
  const state: DriftState = { consecutive: consecutive as number, lastChecked };
  if (typeof fingerprint === 'string') state.fingerprint = fingerprint;
  if (typeof firstSeen === 'string') state.firstSeen = firstSeen;
  if (isRecord(objects) && Object.values(objects).every((v) => typeof v === 'string')) {
    state.objects = objects as Record<string, string>;
  }
  return state;
}

export function readEventMark(body: string, environment: string): EventMark | undefined {
  const value = findMarker(body, { kind: EVENT_KIND, key: environment })?.state;
  if (!isRecord(value)) return undefined;
  const { event, fingerprint } = value;
  if (
    (event === 'drifted' || event === 'changed' || event === 'converged') &&
    typeof fingerprint === 'string'
  ) {
    return { event, fingerprint };
  }
  return undefined;
}

/** The body without this environment's state marker (for a duplicate issue retired from service). */
export function removeStateMarker(body: string, environment: string): string {
  // plumbline writes the marker on a line of its own.
  return body
    .split('\n')
    .filter((line) => findMarker(line, { kind: STATE_KIND, key: environment }) === undefined)
    .join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
