/**
 * The last line of defence for Secret values. Masking (src/diff/mask.ts) already replaced
 * every value with an HMAC token before any diff was made; a token reveals nothing, but it
 * is noise to a reader and looks like a leaked value. Every report format runs its input
 * through these functions first, so no token is ever printed as it is.
 */
import { MASK_PREFIX } from '../diff/mask.js';
import type { EnvironmentResult, PlanResult } from '../diff/model.js';

/** What a reader sees where a masked Secret value was. */
export const MASKED_TEXT = '*** (masked)';

// Tokens are the prefix and hex digits; letters are accepted too so that a future token
// alphabet still cannot leave part of a token behind.
const MASK_TOKEN = new RegExp(`${MASK_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9A-Za-z]*`, 'g');

/** Replaces every masked token in `text` with {@link MASKED_TEXT}. */
export function redactMaskTokens(text: string): string {
  return text.includes(MASK_PREFIX) ? text.replace(MASK_TOKEN, MASKED_TEXT) : text;
}

/** A copy of `result` in which every string has been through {@link redactMaskTokens}. */
export function redactResult(result: PlanResult): PlanResult {
  return redactStrings(result);
}

export function redactEnvironment(environment: EnvironmentResult): EnvironmentResult {
  return redactStrings(environment);
}

/** A copy of any plain value in which every string has been through {@link redactMaskTokens}. */
export function redactStrings<T>(value: T): T {
  if (typeof value === 'string') return redactMaskTokens(value) as T;
  if (Array.isArray(value)) return value.map(redactStrings) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = redactStrings(inner);
    return copy as T;
  }
  return value;
}
