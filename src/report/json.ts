/**
 * The machine-readable report. Its shape is a public contract, described by
 * schema/plan-report.schema.json and docs/report-format.md: keys always appear, in the
 * order built here, with `null` for "not applicable", so a consumer never guesses.
 * Change it only additively; anything else bumps `schemaVersion`.
 */
import type {
  ChangeKind,
  ComparisonMode,
  EnvironmentResult,
  ObjectChange,
  PlanResult,
  RiskKind,
} from '../diff/model.js';
import { hasChanges, headlineResults } from '../diff/model.js';
import { describeProblem, NO_OPTIONS, type Vocabulary } from '../remedy.js';
import {
  describeComparedWith,
  describeNotice,
  listedChanges,
  riskCount,
  secretValueChanges,
} from './describe.js';
import { redactResult } from './redact.js';

export const PLAN_REPORT_SCHEMA_VERSION = 1;

export interface PlanReportRef {
  ref: string;
  sha: string;
}

export interface PlanReportCounts {
  added: number;
  changed: number;
  deleted: number;
  unchanged: number;
}

export interface PlanReportObject {
  key: string;
  group: string;
  version: string;
  kind: string;
  namespace: string | null;
  name: string;
  change: Exclude<ChangeKind, 'unchanged'>;
  fields: string[];
  risks: { kind: RiskKind; message: string }[];
  notes: string[];
  /** Secret keys whose values changed, as `data.password`; the values themselves never appear. */
  secretValuesChanged: string[];
  diff: string;
}

export interface PlanReportEnvironment {
  name: string;
  status: 'compared' | 'failed';
  mode: ComparisonMode;
  comparedWith: string;
  notice: string | null;
  error: string | null;
  counts: PlanReportCounts;
  objects: PlanReportObject[];
  /** The charts fetched and the capabilities helm was given; absent when helm did not run. */
  rendered?: EnvironmentResult['rendered'];
}

/** Which revision's configuration the plan obeyed, and what the change does to the file. */
export interface PlanReportConfig {
  from: 'base' | 'head';
  file: string | null;
  headChange: 'added' | 'changed' | 'removed' | null;
}

export interface PlanReport {
  schemaVersion: typeof PLAN_REPORT_SCHEMA_VERSION;
  changed: boolean;
  base: PlanReportRef | null;
  head: PlanReportRef | null;
  config: PlanReportConfig | null;
  totals: PlanReportCounts & { risks: number; failedEnvironments: number };
  environments: PlanReportEnvironment[];
  /** Environments an offline plan left out: no file the change touches is one they read. */
  unaffected?: string[];
  /** A partial merge: the shards whose environments are not in this plan. */
  missingShards?: number[];
}

/** The report as pretty-printed JSON with a trailing newline. */
export function renderJson(result: PlanResult, vocabulary: Vocabulary = NO_OPTIONS): string {
  return `${JSON.stringify(toPlanReport(result, vocabulary), null, 2)}\n`;
}

export function toPlanReport(result: PlanResult, vocabulary: Vocabulary = NO_OPTIONS): PlanReport {
  const redacted = redactResult(result);
  const totals = {
    added: 0,
    changed: 0,
    deleted: 0,
    unchanged: 0,
    risks: riskCount(redacted),
    failedEnvironments: 0,
  };
  // Each environment once, by its most direct comparison (see headlineResults).
  for (const env of headlineResults(redacted)) {
    totals.added += env.counts.added;
    totals.changed += env.counts.changed;
    totals.deleted += env.counts.deleted;
    totals.unchanged += env.counts.unchanged;
  }
  totals.failedEnvironments = redacted.environments.filter((env) => env.error !== undefined).length;
  return {
    schemaVersion: PLAN_REPORT_SCHEMA_VERSION,
    changed: hasChanges(redacted),
    base: redacted.base ? { ref: redacted.base.ref, sha: redacted.base.sha } : null,
    head: redacted.head ? { ref: redacted.head.ref, sha: redacted.head.sha } : null,
    config: redacted.config
      ? {
          from: redacted.config.from,
          file: redacted.config.file ?? null,
          headChange: redacted.config.headChange ?? null,
        }
      : null,
    totals,
    environments: redacted.environments.map((env) => environmentReport(env, vocabulary)),
    ...(redacted.unaffected?.length ? { unaffected: [...redacted.unaffected] } : {}),
    ...(redacted.missingShards?.length ? { missingShards: [...redacted.missingShards] } : {}),
  };
}

function environmentReport(env: EnvironmentResult, vocabulary: Vocabulary): PlanReportEnvironment {
  return {
    name: env.environment,
    status: env.error === undefined ? 'compared' : 'failed',
    mode: env.mode,
    comparedWith: describeComparedWith(env.comparedWith),
    notice: env.notice ? describeNotice(env.environment, env.notice, vocabulary) : null,
    error: env.error ? describeProblem(env.error, vocabulary) : null,
    counts: {
      added: env.counts.added,
      changed: env.counts.changed,
      deleted: env.counts.deleted,
      unchanged: env.counts.unchanged,
    },
    objects: listedChanges(env).map(objectReport),
    ...(env.rendered ? { rendered: env.rendered } : {}),
  };
}

function objectReport(change: ObjectChange): PlanReportObject {
  return {
    key: change.key,
    group: change.id.group,
    version: change.id.version,
    kind: change.id.kind,
    namespace: change.id.namespace ?? null,
    name: change.id.name,
    change: change.change as PlanReportObject['change'],
    fields: [...change.fields],
    risks: change.risks.map((risk) => ({ kind: risk.kind, message: risk.message })),
    notes: [...change.notes],
    secretValuesChanged: secretValueChanges(change),
    diff: change.diff,
  };
}
