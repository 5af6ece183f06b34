/**
 * Validation against schema/plumbline.schema.json, the same schema editors use, with each
 * ajv error turned into a sentence that says what was expected at which field.
 *
 * No sentence quotes a value of the file: the line and column say where it is, and a file
 * that is not what it seems (a symlink to /proc/self/environ, a kubeconfig) must not have
 * its content echoed into a log or a pull request comment. A key is named only when it
 * looks like a field name.
 */
import type { ErrorObject } from 'ajv';
import { fieldName, parseInstancePath, type Segment } from './locate.js';
import { validateConfig as validate } from './schema-validator.js';

export interface SchemaProblem {
  /** Where to point: the value at `segments`, or the key when `atKey` is set. */
  segments: Segment[];
  atKey: boolean;
  message: string;
  hint?: string;
}

/** A key shaped like the schema's field names (letters only, unlike a token or a path). */
const FIELD_NAME = /^\$?[A-Za-z]{1,32}$/;

export function validateAgainstSchema(data: unknown): SchemaProblem[] {
  if (validate(data)) return [];
  return dropImpliedErrors(validate.errors ?? []).map(describe);
}

// A value of the wrong type also fails every other keyword of its field; the type error
// alone says what is wrong.
function dropImpliedErrors(errors: ErrorObject[]): ErrorObject[] {
  const typed = new Set(
    errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath),
  );
  return errors.filter((error) => error.keyword === 'type' || !typed.has(error.instancePath));
}

function describe(error: ErrorObject): SchemaProblem {
  const segments = parseInstancePath(error.instancePath);
  const field = segments.length === 0 ? 'the file' : fieldName(segments);
  const parent = error.parentSchema as
    | { description?: string; properties?: Record<string, unknown> }
    | undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        segments,
        atKey: false,
        message: `${field} is missing "${String(params.missingProperty)}"`,
        hint: describeProperty(parent, String(params.missingProperty)),
      };
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      const suggestion = closest(unknown, known);
      return {
        segments: [...segments, unknown],
        atKey: true,
        message: `${FIELD_NAME.test(unknown) ? `unknown field "${unknown}"` : 'an unknown field'} in ${field}; expected one of: ${known.join(', ')}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return {
        segments,
        atKey: false,
        message: `${field} must be one of: ${allowed.join(', ')}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
      };
    }
    case 'type':
      return {
        segments,
        atKey: false,
        message: `${field} must be ${article(String(params.type))}; got ${typeName(error.data)}`,
        hint: parent?.description,
      };
    case 'pattern':
      return {
        segments,
        atKey: false,
        message: isIgnorePath(segments)
          ? `${field} is not a JSON pointer (RFC 6901)`
          : `${field} is not valid: ${parent?.description ?? `expected to match ${String(params.pattern)}`}`,
        hint: isIgnorePath(segments) ? JSON_POINTER_HINT : undefined,
      };
    case 'minItems':
      return {
        segments,
        atKey: false,
        message: `${field} must list at least ${String(params.limit)} item(s)`,
      };
    case 'minLength':
      return { segments, atKey: false, message: `${field} must not be empty` };
    case 'minimum':
      return {
        segments,
        atKey: false,
        message: `${field} must be at least ${String(params.limit)}`,
      };
    default:
      return { segments, atKey: false, message: `${field} ${error.message ?? 'is not valid'}` };
  }
}

function describeProperty(parent: { properties?: Record<string, unknown> } | undefined, name: string) {
  const property = parent?.properties?.[name] as { description?: string } | undefined;
  return property?.description ? `${name}: ${property.description}` : undefined;
}

function isIgnorePath(segments: Segment[]): boolean {
  return (
    segments.length === 4 && segments[0] === 'diff' && segments[1] === 'ignore' && segments[3] === 'path'
  );
}

const JSON_POINTER_HINT =
  'Write it as a JSON pointer: "/" before each key, as in "/spec/replicas" for .spec.replicas (a "/" inside a key is written "~1").';

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping';
  if (type === 'integer') return 'a whole number';
  return `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The known name within edit distance 2, if any: catches `rendrer`, `valueFiles`. */
function closest(word: string, candidates: string[]): string | undefined {
  if (word.length > 64) return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
