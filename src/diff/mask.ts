/**
 * Secret masking, applied the moment a manifest or live object is parsed, before anything
 * can log or print it. Each value becomes a token that is equal for equal values within
 * this process (so a changed value still shows as changed) but reveals nothing: an HMAC
 * under a key that lives only in this process's memory, so it cannot be brute-forced from
 * a report and says nothing about the value's content or length.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { KubeObject } from '../resource.js';

export const MASK_PREFIX = 'plumbline-masked:';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** The fields of a Secret; any other one is masked whole. */
const SECRET_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'data', 'type', 'immutable']);
const processKey = randomBytes(32);

export function maskValue(value: string): string {
  return MASK_PREFIX + createHmac('sha256', processKey).update(value).digest('hex').slice(0, 16);
}

export function isMasked(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(MASK_PREFIX);
}

export function isSecret(object: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  return object.kind === 'Secret' && object.apiVersion === 'v1';
}

/**
 * Returns a copy of a Secret whose `data` holds masked tokens in place of values.
 * `stringData` is folded into `data` first (base64-encoded, winning over `data`), as the
 * API server does, so a manifest's stringData compares equal to the live object's data.
 * The last-applied-configuration annotation is a whole copy of the manifest, values
 * included, so it is masked as one value. managedFields stay: they name the data keys a
 * manager owns (`f:password`), never a value. A field a Secret does not have is masked
 * whole. Any other object is returned as it is.
 */
export function maskSecret<T extends KubeObject>(object: T): T {
  if (!isSecret(object)) return object;
  const masked = structuredClone(object) as T & { data?: unknown; stringData?: unknown };
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(masked.data))) data[key] = maskValue(textOf(value));
  for (const [key, value] of Object.entries(asRecord(masked.stringData))) {
    data[key] = maskValue(Buffer.from(textOf(value), 'utf8').toString('base64'));
  }
  delete masked.stringData;
  if (masked.data !== undefined || Object.keys(data).length > 0) masked.data = data;
  // A misspelt `data:` would otherwise show its values; the API knows no other fields.
  for (const field of Object.keys(masked)) {
    if (!SECRET_FIELDS.has(field))
      (masked as Record<string, unknown>)[field] = maskValue(textOf(masked[field]));
  }
  const annotations = masked.metadata.annotations;
  if (annotations?.[LAST_APPLIED] !== undefined)
    annotations[LAST_APPLIED] = maskValue(textOf(annotations[LAST_APPLIED]));
  return masked;
}

/**
 * The text a value is masked as. A manifest may hold a number or a mapping where the API
 * wants a string; JSON keeps two different ones apart, where String() would make every
 * mapping "[object Object]" and hide a change.
 */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
