/**
 * Turns a live comparison into drift: the comparison says what the next apply would
 * change (`added`: in Git, not live; `deleted`: live and labelled, not in Git); drift says
 * how the cluster departs from Git, and who made it so.
 */
import type { EnvironmentResult, ObjectChange } from '../diff/model.js';
import { describeProblem, NO_OPTIONS } from '../remedy.js';
import { describeComparedWith } from '../report/describe.js';
import type { KubeObject } from '../resource.js';
import type { Detection } from './decide.js';
import { environmentFingerprint, objectFingerprint } from './fingerprint.js';
import { attributeField, attributeObject } from './managed-fields.js';
import type { DriftedObject, DriftKind, DriftRevision, EnvironmentDrift } from './model.js';

export interface DriftInput {
  comparison: EnvironmentResult;
  /** Live objects by key, masked, with their managedFields: desired and owned ones alike. */
  live: ReadonlyMap<string, KubeObject>;
  revision: DriftRevision;
}

const KINDS: Record<Exclude<ObjectChange['change'], 'unchanged'>, DriftKind> = {
  added: 'missing',
  changed: 'differs',
  deleted: 'extra',
};

export function describeDrift({ comparison, live, revision }: DriftInput): EnvironmentDrift {
  const drift: EnvironmentDrift = {
    environment: comparison.environment,
    mode: comparison.mode,
    comparedWith: describeComparedWith(comparison.comparedWith),
    revision,
    objects: [],
    inSync: 0,
  };
  // Drift has no option to offer (no offline mode): the problem without a remedy.
  if (comparison.error !== undefined)
    return { ...drift, error: describeProblem(comparison.error, NO_OPTIONS) };
  for (const change of comparison.changes) {
    if (change.change === 'unchanged') {
      drift.inSync += 1;
      continue;
    }
    drift.objects.push(driftedObject(change, KINDS[change.change], live.get(change.key)));
  }
  drift.objects.sort((a, b) => a.key.localeCompare(b.key));
  const fingerprint = environmentFingerprint(drift.objects.map((object) => object.fingerprint));
  return fingerprint ? { ...drift, fingerprint } : drift;
}

function driftedObject(change: ObjectChange, kind: DriftKind, live: KubeObject | undefined): DriftedObject {
  const fields =
    kind === 'differs'
      ? change.fields.map((pointer) => {
          const changedBy = live && attributeField(live, pointer);
          return changedBy ? { pointer, changedBy } : { pointer };
        })
      : [];
  const object: DriftedObject = {
    key: change.key,
    id: change.id,
    kind,
    fields,
    diff: change.diff,
    notes: change.notes,
    fingerprint: objectFingerprint({ key: change.key, kind, fields: change.fields, diff: change.diff }),
  };
  const writtenBy = kind === 'extra' && live ? attributeObject(live) : undefined;
  return writtenBy ? { ...object, writtenBy } : object;
}

/** Beyond this many drifted objects the hidden state keeps only the overall fingerprint. */
const OBJECTS_KEPT = 100;

/** What the state machine needs to know about this run's drift. */
export function toDetection(drift: EnvironmentDrift): Detection {
  const objects: Record<string, string> = {};
  if (drift.objects.length <= OBJECTS_KEPT) {
    for (const object of drift.objects) objects[object.key] = object.fingerprint;
  }
  return drift.fingerprint === undefined ? { objects } : { fingerprint: drift.fingerprint, objects };
}
