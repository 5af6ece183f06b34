/**
 * Fingerprints say whether two runs saw the same drift, so that an issue gets a comment
 * when the drift changes and not on every run. They must be equal across processes and
 * machines: Secret values are masked with a per-process key, so they never enter a
 * fingerprint; a Secret's drift is fingerprinted by the keys that differ.
 */
import { createHash } from 'node:crypto';
import { redactMaskTokens } from '../report/redact.js';
import type { DriftKind } from './model.js';

/** 16 hex digits: short enough for the hidden state, long enough never to collide by chance. */
const LENGTH = 16;

export function objectFingerprint(input: {
  key: string;
  kind: DriftKind;
  fields: readonly string[];
  diff: string;
}): string {
  // A missing or extra object is the drift by itself; what it holds may change with Git or
  // a controller without the drift changing.
  if (input.kind !== 'differs') return hash([input.kind, input.key]);
  return hash([input.kind, input.key, [...input.fields].sort(), changedLines(input.diff)]);
}

export function environmentFingerprint(objectFingerprints: readonly string[]): string | undefined {
  return objectFingerprints.length === 0 ? undefined : hash([...objectFingerprints].sort());
}

/**
 * The `-` and `+` lines of a unified diff, masked tokens replaced by one fixed text: both
 * sides of every differing value, without context lines that may move for other reasons.
 */
function changedLines(diff: string): string[] {
  return diff
    .split('\n')
    .filter((line) => /^[-+]/.test(line) && !/^(---|\+\+\+) /.test(line))
    .map(redactMaskTokens);
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, LENGTH);
}
