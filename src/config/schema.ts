/**
 * Validation against schema/plumbline.schema.json, the same schema editors use, with each
 * ajv error turned into a sentence that says what was expected at which field.
 */
import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../schema/plumbline.schema.json' with { type: 'json' };
import { fieldName, parseInstancePath, type Segment } from './locate.js';

export interface SchemaProblem {
  /** Where to point: the value at `segments`, or the key when `atKey` is set. */
  segments: Segment[];
  atKey: boolean;
  message: string;
  hint?: string;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
const validate = ajv.compile(schema);

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
        message: `unknown field "${unknown}" in ${field}; expected one of: ${known.join(', ')}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
      };
    }
    case 'enum':
      return {
        segments,
        atKey: false,
        message: `${field} must be one of: ${(params.allowedValues as unknown[]).join(', ')}; got ${JSON.stringify(error.data)}`,
      };
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
          ? `${field} ${JSON.stringify(error.data)} is not a JSON pointer (RFC 6901)`
          : `${field} ${JSON.stringify(error.data)} is not valid: ${parent?.description ?? `expected to match ${String(params.pattern)}`}`,
        hint: isIgnorePath(segments) ? jsonPointerHint(String(error.data)) : undefined,
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
        message: `${field} must be at least ${String(params.limit)}; got ${String(error.data)}`,
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

/** Suggests the pointer a user probably meant: `.spec.replicas` or `spec.replicas` -> `/spec/replicas`. */
export function jsonPointerHint(value: string): string {
  const parts = value
    .replace(/^[./]+/, '')
    .split(/[./]/)
    .filter((part) => part !== '');
  const pointer = `/${parts.map((part) => part.replaceAll('~', '~0')).join('/')}`;
  return parts.length > 0
    ? `Write it as a JSON pointer: "${pointer}" (a "/" inside a key is written "~1").`
    : 'Write it as a JSON pointer such as "/spec/replicas".';
}

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
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The known name within edit distance 2, if any: catches `rendrer`, `valueFiles`. */
function closest(word: string, candidates: string[]): string | undefined {
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
