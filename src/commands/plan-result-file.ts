/**
 * The plan result file: a PlanResult as it is, for another run of the same plumbline to
 * read back (a merge of shard plans). Not a report: the JSON report (report/json.ts) is a
 * public contract in words; this file holds the facts, so that a merge rebuilds the
 * result a single plan would have made, byte for byte.
 *
 *   { "plumblinePlanResult": 1, "plumbline": "0.1.0", "sha256": "…", "result": { … } }
 *
 * `plumblinePlanResult` is the format; `sha256` is the digest of `result` as compact JSON,
 * so that a file cut short or changed after it was written is refused rather than merged.
 * Reading checks every field against the PlanResult type (the shape below must name every
 * key of each type, so the compiler says when the model grows and this does not).
 */
import { createHash } from 'node:crypto';
import type { ChangeKind, ComparisonMode, ConfigProvenance, PlanResult, RiskKind } from '../diff/model.js';
import { PlumblineError } from '../errors.js';
import type { CapabilitiesSource } from '../provenance.js';
import type { RunOption } from '../remedy.js';

/** The format this plumbline writes and reads. */
export const PLAN_RESULT_FORMAT = 1;

export interface PlanResultFile {
  plumblinePlanResult: typeof PLAN_RESULT_FORMAT;
  /** The plumbline version that wrote the file, to say so when it cannot be read. */
  plumbline: string;
  sha256: string;
  result: PlanResult;
}

/** The file's text for `result`, written by plumbline `version`. */
export function planResultFileText(result: PlanResult, version: string): string {
  const compact = JSON.stringify(result);
  const file: PlanResultFile = {
    plumblinePlanResult: PLAN_RESULT_FORMAT,
    plumbline: version,
    sha256: digest(compact),
    result: JSON.parse(compact) as PlanResult,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The PlanResult in a file's text; `name` (the file's path) names it in errors. Refuses
 * text that is not JSON, a file of another kind or format, one whose digest does not
 * match, and any field the PlanResult type does not have or has otherwise.
 */
export function parsePlanResultFile(text: string, name: string): PlanResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw notJson(name, text, error);
  }
  if (!isRecord(data) || !('plumblinePlanResult' in data)) {
    const report = isRecord(data) && 'schemaVersion' in data;
    throw new PlumblineError(
      report
        ? `${name} is a plan report, which holds words rather than the facts a merge needs`
        : `${name} is not a plan result file`,
      'Merge the plan result files the shards wrote, not their reports.',
    );
  }
  const writer = typeof data.plumbline === 'string' ? ` by plumbline ${data.plumbline}` : '';
  if (data.plumblinePlanResult !== PLAN_RESULT_FORMAT) {
    throw new PlumblineError(
      `${name} was written${writer} in plan result format ${String(data.plumblinePlanResult)}; this plumbline reads format ${PLAN_RESULT_FORMAT}`,
      'Run the plans and their merge with the same plumbline version.',
    );
  }
  if (typeof data.sha256 !== 'string' || !('result' in data)) {
    throw new PlumblineError(`${name} is not a complete plan result file: it lacks its digest or its result`);
  }
  if (digest(JSON.stringify(data.result)) !== data.sha256) {
    throw new PlumblineError(
      `${name} does not match its digest: it was changed or damaged after plumbline wrote it`,
      'Use the file as the plan wrote it (an artifact upload and download keeps it intact).',
    );
  }
  try {
    return planResult(data.result, 'result');
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new PlumblineError(
      `${name} is not a plan result this plumbline can read: ${error.message}`,
      `Run the plans and their merge with the same plumbline version${writer ? ` (this file was written${writer})` : ''}.`,
    );
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Why JSON.parse failed, without quoting the text (the engine's message may): the text
 * ends before the JSON does (a file cut short), or something in it is not JSON.
 */
function notJson(name: string, text: string, error: unknown): PlumblineError {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message)?.[1];
  const position = at === undefined ? undefined : Number(at);
  const truncated =
    /end of JSON|Unterminated/i.test(message) ||
    (position !== undefined && position >= text.trimEnd().length);
  return new PlumblineError(
    truncated
      ? `${name} is cut short: its JSON ends before the plan result does`
      : `${name} is not valid JSON${position === undefined ? '' : ` (at character ${position})`}`,
    'A shard that failed or an upload that was interrupted leaves such a file; run that shard again.',
  );
}

// --- The shape of a PlanResult --------------------------------------------------------

class ShapeError extends Error {}

/** Reads `value` at `path` as a T, or throws a ShapeError saying where and what was expected. */
type Check<T> = (value: unknown, path: string) => T;
/** A key that may be absent. */
interface Optional<T> {
  optional: Check<T>;
}
/** Every key of T, each with its check (optional keys through `optional`). */
type Fields<T> = { [K in keyof T]-?: Check<T[K]> | Optional<NonNullable<T[K]>> };

function fail(path: string, expected: string): never {
  throw new ShapeError(`${path} should be ${expected}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const string: Check<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'a string'));

const count: Check<number> = (value, path) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : fail(path, 'a whole number');

const index: Check<number> = (value, path) =>
  count(value, path) >= 1 ? (value as number) : fail(path, '≥ 1');

const boolean: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, 'true or false');

function optional<T>(check: Check<T>): Optional<T> {
  return { optional: check };
}

/** One of the words of T: the record names each (the compiler says when T gains one). */
function oneOf<T extends string>(words: Record<T, true>): Check<T> {
  const choices = Object.keys(words);
  return (value, path) =>
    typeof value === 'string' && Object.hasOwn(words, value)
      ? (value as T)
      : fail(path, `one of ${choices.join(', ')}`);
}

function array<T>(check: Check<T>): Check<T[]> {
  return (value, path) =>
    Array.isArray(value)
      ? value.map((item, position) => check(item, `${path}[${position}]`))
      : fail(path, 'a list');
}

function object<T>(fields: Fields<T>): Check<T> {
  const known = fields as Record<string, Check<unknown> | Optional<unknown>>;
  return (value, path) => {
    if (!isRecord(value)) return fail(path, 'an object');
    const read: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(known, key)) throw new ShapeError(`${path}.${key} is not a field plumbline knows`);
    }
    for (const [key, field] of Object.entries(known)) {
      const inner = value[key];
      if (typeof field === 'function') read[key] = field(inner, `${path}.${key}`);
      else if (inner !== undefined) read[key] = field.optional(inner, `${path}.${key}`);
    }
    return read as T;
  };
}

/** One of several objects, told apart by their `kind`. */
function byKind<T extends { kind: string }>(
  shapes: { [K in T['kind']]: Check<Extract<T, { kind: K }>> },
): Check<T> {
  const known = shapes as Record<string, Check<T>>;
  return (value, path) => {
    const kind = isRecord(value) ? value.kind : undefined;
    if (typeof kind !== 'string' || !Object.hasOwn(known, kind))
      return fail(`${path}.kind`, `one of ${Object.keys(known).join(', ')}`);
    return known[kind]!(value, path);
  };
}

type Environment = PlanResult['environments'][number];
type Change = Environment['changes'][number];
type Rendered = NonNullable<NonNullable<Environment['rendered']>['head']>;

const literal =
  <const T extends string>(kind: T): Check<T> =>
  (value, path) =>
    value === kind ? kind : fail(path, kind);

const counts = object<Environment['counts']>({
  added: count,
  changed: count,
  deleted: count,
  unchanged: count,
});

const change = object<Change>({
  key: string,
  id: object<Change['id']>({
    group: string,
    version: string,
    kind: string,
    namespace: optional(string),
    name: string,
  }),
  change: oneOf<ChangeKind>({ added: true, changed: true, deleted: true, unchanged: true }),
  diff: string,
  fields: array(string),
  risks: array(
    object<Change['risks'][number]>({
      kind: oneOf<RiskKind>({
        deletion: true,
        'namespace-deletion': true,
        'immutable-field': true,
        'pvc-shrink': true,
      }),
      message: string,
    }),
  ),
  notes: array(string),
  images: optional(
    array(
      object<NonNullable<Change['images']>[number]>({
        container: string,
        init: optional(boolean),
        from: optional(string),
        to: optional(string),
      }),
    ),
  ),
});

const rendered = object<Rendered>({
  charts: array(
    object<Rendered['charts'][number]>({
      repository: string,
      name: string,
      version: string,
      digest: string,
      manifestDigest: optional(string),
      dependencyOf: optional(string),
    }),
  ),
  capabilities: optional(
    object<NonNullable<Rendered['capabilities']>>({
      from: oneOf<CapabilitiesSource>({ cluster: true, configuration: true, helm: true }),
      kubeVersion: optional(string),
      apiVersions: count,
    }),
  ),
  helmVersion: optional(string),
});

const environment = object<Environment>({
  environment: string,
  mode: oneOf<ComparisonMode>({ offline: true, live: true, reader: true }),
  comparedWith: byKind<Environment['comparedWith']>({
    base: object({ kind: literal('base'), ref: string, sha: string }),
    cluster: object({ kind: literal('cluster'), context: optional(string) }),
    'no-cluster': object({ kind: literal('no-cluster') }),
  }),
  counts,
  changes: array(change),
  error: optional(
    object<NonNullable<Environment['error']>>({
      message: string,
      hint: optional(string),
      remedy: optional(
        oneOf<RunOption>({
          offline: true,
          live: true,
          reader: true,
          context: true,
          base: true,
          from: true,
          image: true,
          'tag-or-digest': true,
          'via-commit': true,
          'allow-downgrade': true,
          'revision-from': true,
        }),
      ),
    }),
  ),
  notice: optional(
    byKind<NonNullable<Environment['notice']>>({
      'no-credentials': object({ kind: literal('no-credentials') }),
      fork: object({ kind: literal('fork') }),
      'no-cluster': object({ kind: literal('no-cluster') }),
      'deletions-unseen': object({ kind: literal('deletions-unseen'), kinds: array(string) }),
    }),
  ),
  rendered: optional(
    object<NonNullable<Environment['rendered']>>({ head: optional(rendered), base: optional(rendered) }),
  ),
});

const revision = object<NonNullable<PlanResult['base']>>({ ref: string, sha: string });

const shard: Check<NonNullable<PlanResult['shard']>> = (value, path) => {
  const read = object<NonNullable<PlanResult['shard']>>({ index, count: index })(value, path);
  return read.index <= read.count ? read : fail(`${path}.index`, `at most its count, ${read.count}`);
};

const planResult = object<PlanResult>({
  environments: array(environment),
  config: optional(
    object<NonNullable<PlanResult['config']>>({
      from: oneOf<ConfigProvenance['from']>({ base: true, head: true }),
      file: optional(string),
      headChange: optional(
        oneOf<NonNullable<ConfigProvenance['headChange']>>({ added: true, changed: true, removed: true }),
      ),
    }),
  ),
  base: optional(revision),
  head: optional(revision),
  unaffected: optional(array(string)),
  shard: optional(shard),
  missingShards: optional(array(index)),
});
