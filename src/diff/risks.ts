/**
 * Changes a reviewer must not miss: deletions, fields the API server refuses to change in
 * place (the apply fails or the object must be recreated), and shrinking volumes.
 */
import type { KubeObject, ResourceId } from '../resource.js';
import type { ChangeKind, Risk } from './model.js';

interface ImmutableField {
  kinds: readonly string[];
  prefix: string;
  why: string;
}

const IMMUTABLE_FIELDS: readonly ImmutableField[] = [
  {
    kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'],
    prefix: '/spec/selector',
    why: 'the selector cannot be changed in place; the object must be deleted and recreated',
  },
  {
    kinds: ['Service'],
    prefix: '/spec/clusterIP',
    why: 'a Service keeps its clusterIP for life; the apply will be rejected',
  },
  {
    kinds: ['StatefulSet'],
    prefix: '/spec/volumeClaimTemplates',
    why: 'volumeClaimTemplates cannot be changed on an existing StatefulSet',
  },
  { kinds: ['Job'], prefix: '/spec/template', why: "a Job's pod template is immutable" },
  {
    kinds: ['PersistentVolumeClaim'],
    prefix: '/spec/storageClassName',
    why: 'the storage class of a bound claim cannot change',
  },
];

export function assessRisks(
  id: ResourceId,
  change: ChangeKind,
  fields: readonly string[],
  before: KubeObject | undefined,
  after: KubeObject | undefined,
): Risk[] {
  if (change === 'deleted') {
    return id.kind === 'Namespace'
      ? [{ kind: 'namespace-deletion', message: `deleting namespace ${id.name} deletes everything in it` }]
      : [{ kind: 'deletion', message: `${id.kind} ${id.name} will be deleted` }];
  }
  if (change !== 'changed') return [];
  const risks: Risk[] = [];
  for (const rule of IMMUTABLE_FIELDS) {
    if (!rule.kinds.includes(id.kind)) continue;
    const hit = fields.find((field) => field === rule.prefix || field.startsWith(`${rule.prefix}/`));
    if (hit) risks.push({ kind: 'immutable-field', message: `${hit}: ${rule.why}` });
  }
  if (id.kind === 'PersistentVolumeClaim') {
    const from = storageRequest(before);
    const to = storageRequest(after);
    if (from !== undefined && to !== undefined && to < from) {
      risks.push({ kind: 'pvc-shrink', message: 'the storage request shrinks; volumes cannot be shrunk' });
    }
  }
  return risks;
}

function storageRequest(object: KubeObject | undefined): number | undefined {
  const spec = object?.spec as { resources?: { requests?: { storage?: unknown } } } | undefined;
  const value = spec?.resources?.requests?.storage;
  return value === undefined ? undefined : parseQuantity(String(value));
}

const SUFFIXES: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  m: 1e-3,
};

/** A Kubernetes resource quantity (`10Gi`, `500M`, `1.5`) as a number; undefined if malformed. */
export function parseQuantity(quantity: string): number | undefined {
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return undefined;
  const factor = SUFFIXES[match[2] ?? ''];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}
