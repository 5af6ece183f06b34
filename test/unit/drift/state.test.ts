import { describe, expect, it } from 'vitest';
import {
  type DriftState,
  eventMarker,
  hasStateMarker,
  readEventMark,
  readState,
  removeStateMarker,
  stateMarker,
} from '../../../src/drift/state.js';

const state: DriftState = {
  consecutive: 2,
  fingerprint: '0123456789abcdef',
  objects: { 'apps/Deployment/shop/web': 'fedcba9876543210', '/ConfigMap/shop/a-->b': '00' },
  firstSeen: '2026-03-02T14:05:00.000Z',
  lastChecked: '2026-03-02T15:05:00.000Z',
};

describe('drift state marker', () => {
  it('round-trips through an issue body, whatever the text around it', () => {
    const body = `${stateMarker('eu/prod', state)}\n## ⚠️ drift\n\ntext --> <!-- more -->`;
    expect(readState(body, 'eu/prod')).toEqual(state);
    expect(hasStateMarker(body, 'eu/prod')).toBe(true);
  });

  it('cannot be closed early by what the state holds', () => {
    const marker = stateMarker('dev', state);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
  });

  it("belongs to one environment: dev does not read dev-eu's, and prod's counts only as the first line", () => {
    // Below the first line, a body holds text from manifests, which may spell out a marker.
    const body = `${stateMarker('dev-eu', state)}\n${stateMarker('prod', { consecutive: 0, lastChecked: 'x' })}`;
    expect(readState(body, 'dev-eu')).toEqual(state);
    expect(readState(body, 'dev')).toBeUndefined();
    expect(hasStateMarker(body, 'dev')).toBe(false);
    expect(readState(body, 'prod')).toBeUndefined();
    expect(hasStateMarker(body, 'prod')).toBe(false);
  });

  it('is found but unreadable when someone edited its JSON', () => {
    const body = '<!-- plumbline:drift:dev {"consecutive": "two"} -->\ntext';
    expect(hasStateMarker(body, 'dev')).toBe(true);
    expect(readState(body, 'dev')).toBeUndefined();
  });

  it('is removed from a retired duplicate, leaving the text', () => {
    const body = `${stateMarker('dev', state)}\n## title\ntext`;
    expect(removeStateMarker(body, 'dev')).toBe('## title\ntext');
  });

  it('event marks tell which event a comment announced', () => {
    const comment = `${eventMarker('dev', { event: 'changed', fingerprint: 'ab' })}\nThe drift changed.`;
    expect(readEventMark(comment, 'dev')).toEqual({ event: 'changed', fingerprint: 'ab' });
    expect(readEventMark(comment, 'prod')).toBeUndefined();
    expect(readState(comment, 'dev')).toBeUndefined();
  });
});
