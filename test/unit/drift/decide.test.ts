import { describe, expect, it } from 'vitest';
import { type Decision, decide, type IssueSnapshot } from '../../../src/drift/decide.js';
import type { DriftState } from '../../../src/drift/state.js';

const T0 = '2026-03-02T14:00:00.000Z';
const T1 = '2026-03-02T15:00:00.000Z';
const T2 = '2026-03-02T16:00:00.000Z';
const drift = (fingerprint: string) => ({
  fingerprint,
  objects: { 'apps/Deployment/shop/web': fingerprint },
});
const inSync = { objects: {} };

/** Runs the decisions one after another, carrying the issue as the orchestrator would. */
function run(after: number, detections: Array<{ fingerprint?: string; objects: Record<string, string> }>) {
  let issue: IssueSnapshot | undefined;
  const decisions: Decision[] = [];
  detections.forEach((detection, index) => {
    const decision = decide({ issue, detection, after, now: `2026-03-02T1${index}:00:00.000Z` });
    decisions.push(decision);
    for (const step of decision.steps) {
      if (step.do === 'create') issue = { number: 1, open: step.open, state: decision.state };
      if (step.do === 'write' && issue)
        issue = { ...issue, state: decision.state, open: step.open ?? issue.open };
    }
  });
  return { decisions, issue };
}

describe('decide', () => {
  it('does nothing while in sync and there is no issue', () => {
    expect(decide({ detection: inSync, after: 1, now: T0 })).toMatchObject({ status: 'in-sync', steps: [] });
  });

  it('opens an issue at the first detection with after: 1, without a comment', () => {
    const decision = decide({ detection: drift('a'), after: 1, now: T0 });
    expect(decision.status).toBe('drifting');
    expect(decision.steps).toEqual([{ do: 'create', open: true }]);
    expect(decision.state).toMatchObject({
      consecutive: 1,
      fingerprint: 'a',
      firstSeen: T0,
      lastChecked: T0,
    });
  });

  it('with after: 2, keeps the first detection in a closed issue and opens it at the second', () => {
    const { decisions, issue } = run(2, [drift('a'), drift('a')]);
    expect(decisions[0]).toMatchObject({ status: 'pending', steps: [{ do: 'create', open: false }] });
    expect(decisions[0]!.state.consecutive).toBe(1);
    expect(decisions[1]).toMatchObject({
      status: 'drifting',
      steps: [
        { do: 'comment', event: 'drifted', fingerprint: 'a' },
        { do: 'write', open: true },
      ],
    });
    expect(decisions[1]!.state).toMatchObject({ consecutive: 2, firstSeen: '2026-03-02T10:00:00.000Z' });
    expect(issue?.open).toBe(true);
  });

  it('with after: 3, a gap in the detections starts the count again', () => {
    const { decisions, issue } = run(3, [drift('a'), drift('a'), inSync, drift('a'), drift('a')]);
    expect(decisions.map((d) => d.status)).toEqual(['pending', 'pending', 'in-sync', 'pending', 'pending']);
    expect(decisions[2]!.steps).toEqual([{ do: 'write' }]);
    expect(decisions[4]!.state.consecutive).toBe(2);
    expect(issue?.open).toBe(false);
  });

  it('counts a changing drift as consecutive detections', () => {
    const { decisions } = run(2, [drift('a'), drift('b')]);
    expect(decisions[1]!.status).toBe('drifting');
  });

  it('leaves the body alone when the same drift is seen again (rewrites it only if what it shows changed)', () => {
    const open: IssueSnapshot = {
      number: 7,
      open: true,
      state: { consecutive: 1, fingerprint: 'a', objects: {}, firstSeen: T0, lastChecked: T0 },
    };
    const decision = decide({ issue: open, detection: drift('a'), after: 1, now: T1 });
    expect(decision.steps).toEqual([{ do: 'write', onlyIfChanged: true }]);
    expect(decision.state).toMatchObject({ consecutive: 1, firstSeen: T0, lastChecked: T1 });
  });

  it('comments once when the drift changes, then writes the body', () => {
    const open: IssueSnapshot = {
      number: 7,
      open: true,
      state: { consecutive: 1, fingerprint: 'a', firstSeen: T0, lastChecked: T0 },
    };
    const decision = decide({ issue: open, detection: drift('b'), after: 1, now: T1 });
    expect(decision.steps).toEqual([{ do: 'comment', event: 'changed', fingerprint: 'b' }, { do: 'write' }]);
    expect(decision.state).toMatchObject({ fingerprint: 'b', firstSeen: T0 });
  });

  it('on convergence, comments first and then closes', () => {
    const open: IssueSnapshot = {
      number: 7,
      open: true,
      state: { consecutive: 1, fingerprint: 'a', firstSeen: T0, lastChecked: T0 },
    };
    const decision = decide({ issue: open, detection: inSync, after: 1, now: T1 });
    expect(decision.status).toBe('converged');
    expect(decision.steps).toEqual([
      { do: 'comment', event: 'converged', fingerprint: 'a' },
      { do: 'write', open: false },
    ]);
    expect(decision.state).toEqual({ consecutive: 0, lastChecked: T1 });
  });

  it('reopens the same issue when the cluster drifts again, with a comment', () => {
    const closed: IssueSnapshot = { number: 7, open: false, state: { consecutive: 0, lastChecked: T1 } };
    const decision = decide({ issue: closed, detection: drift('a'), after: 1, now: T2 });
    expect(decision.status).toBe('drifting');
    expect(decision.steps).toEqual([
      { do: 'comment', event: 'drifted', fingerprint: 'a' },
      { do: 'write', open: true },
    ]);
    expect(decision.state.firstSeen).toBe(T2);
  });

  it('does nothing to a closed issue that is in sync', () => {
    const state: DriftState = { consecutive: 0, lastChecked: T0 };
    const decision = decide({
      issue: { number: 7, open: false, state },
      detection: inSync,
      after: 1,
      now: T1,
    });
    expect(decision).toEqual({ status: 'in-sync', state, steps: [] });
  });

  it('repairs an open issue whose state no longer parses without commenting', () => {
    const decision = decide({ issue: { number: 7, open: true }, detection: drift('a'), after: 2, now: T1 });
    expect(decision).toMatchObject({ status: 'drifting', steps: [{ do: 'write' }] });
    expect(decision.state.consecutive).toBe(2);
  });

  it('closes a pending record a stopped run left open, and opens it properly once confirmed', () => {
    const leftOpen: IssueSnapshot = {
      number: 7,
      open: true,
      state: { consecutive: 1, fingerprint: 'a', firstSeen: T0, lastChecked: T0 },
    };
    expect(decide({ issue: leftOpen, detection: drift('a'), after: 3, now: T1 }).steps).toEqual([
      { do: 'write', open: false },
    ]);
    expect(decide({ issue: leftOpen, detection: drift('a'), after: 2, now: T1 }).steps).toEqual([
      { do: 'comment', event: 'drifted', fingerprint: 'a' },
      { do: 'write', open: true },
    ]);
  });

  it('refuses a threshold below 1', () => {
    expect(() => decide({ detection: inSync, after: 0, now: T0 })).toThrow(RangeError);
  });
});
