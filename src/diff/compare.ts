/**
 * Compares two sets of objects, key by key: the heart of every plan and drift report.
 * `before` is what is there now (the base render, or the live cluster); `after` is what
 * the change or the desired state makes of it. Both sides are normalised and, when both
 * exist, have the user's ignore rules applied before any field is compared.
 */
import type { IgnoreRule } from '../config/types.js';
import type { KubeObject, ResourceId } from '../resource.js';
import { changedFields } from './fields.js';
import { removeIgnoredFields, rulesFor } from './ignore.js';
import { imageMoves } from './images.js';
import type { ChangeKind, ObjectChange } from './model.js';
import { normalizeObject } from './normalize.js';
import { assessRisks } from './risks.js';
import { unifiedDiff } from './unified.js';

export interface ComparedPair {
  key: string;
  id: ResourceId;
  before?: KubeObject;
  after?: KubeObject;
  notes?: string[];
}

export function compareObject(pair: ComparedPair, rules: readonly IgnoreRule[]): ObjectChange {
  // Ignore rules hide changes to fields something else owns; an object that is added or
  // deleted is shown whole, so no rule can hide what a new object (a ClusterRoleBinding's
  // subjects) carries.
  const applicable = pair.before && pair.after ? rulesFor(rules, pair.id) : [];
  const before = pair.before && prepare(pair.before, applicable);
  const after = pair.after && prepare(pair.after, applicable);
  const fields = before && after ? changedFields(before, after) : [];
  const change: ChangeKind = !before
    ? 'added'
    : !after
      ? 'deleted'
      : fields.length > 0
        ? 'changed'
        : 'unchanged';
  // Read from the compared objects, so an image an ignore rule hides is not said to move.
  const images = change === 'unchanged' ? [] : imageMoves(pair.id, before, after);
  return {
    key: pair.key,
    id: pair.id,
    change,
    diff: change === 'unchanged' ? '' : unifiedDiff(before, after),
    fields,
    risks: assessRisks(pair.id, change, fields, before, after),
    notes: pair.notes ?? [],
    ...(images.length > 0 ? { images } : {}),
  };
}

/** Pairs objects by key and compares each pair; the result is ordered by key. */
export function compareSets(
  before: ReadonlyMap<string, { id: ResourceId; object: KubeObject }>,
  after: ReadonlyMap<string, { id: ResourceId; object: KubeObject }>,
  rules: readonly IgnoreRule[],
): ObjectChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.map((key) => {
    const b = before.get(key);
    const a = after.get(key);
    const id = (a ?? b)!.id;
    return compareObject({ key, id, before: b?.object, after: a?.object }, rules);
  });
}

function prepare(object: KubeObject, rules: readonly IgnoreRule[]): KubeObject {
  const normalized = normalizeObject(object);
  removeIgnoredFields(normalized, rules);
  return normalized;
}
