/**
 * Markdown for pull/merge request comments, issues and job summaries: a summary first
 * (what changed where, what is risky, what failed), then one collapsed section per
 * added, changed or deleted object with its diff.
 */
import type { EnvironmentResult, ObjectChange, PlanResult } from '../diff/model.js';
import { comparisonTitle, hasChanges, headlineResults } from '../diff/model.js';
import { describeProblem, NO_OPTIONS, type Vocabulary } from '../remedy.js';
import { displayName } from '../resource.js';
import {
  configChangeNotice,
  describeComparedWith,
  describeNotice,
  describeRef,
  describeRendered,
  describeRisks,
  diffBody,
  listedChanges,
  plural,
  RISK_LABELS,
  riskCount,
  secretValueChanges,
} from './describe.js';
import { code, escapeHtml, escapeInline, fenced } from './markdown-syntax.js';
import { packSections, type Section } from './pack.js';
import { redactEnvironment, redactResult, redactStrings } from './redact.js';

export interface MarkdownOptions {
  /** The heading of the report; `plumbline plan` when absent. */
  title?: string;
  /** A link to the CI run that made the report. */
  runUrl?: string;
  /** How the entry's users name the options remedies point at; none by default. */
  vocabulary?: Vocabulary;
}

export interface MarkdownPartsOptions extends MarkdownOptions {
  /** The most characters one part may hold (65,536 for a GitHub comment). */
  limit: number;
  /** Characters each part leaves free for the caller's own decoration, such as a hidden marker. */
  reserve?: number;
  /** Where the uncut report can be read; named when a section had to be cut or left out. */
  fullReportHint?: string;
  /** The most parts to make; object sections that do not fit in them are left out and counted. */
  maxParts?: number;
}

export interface MarkdownParts {
  parts: string[];
  /** Objects whose sections were left out to keep to `maxParts`; the last part counts them. */
  objectsLeftOut: number;
}

const DEFAULT_TITLE = 'plumbline plan';
/** Risks listed one by one in the summary; the rest are counted, and shown in their sections. */
const RISKS_LISTED = 20;

const CHANGE_WORDS = {
  added: '➕ added',
  changed: '✏️ changed',
  deleted: '➖ deleted',
  unchanged: 'unchanged',
};

/** The whole report as one Markdown document. */
export function renderMarkdown(result: PlanResult, options: MarkdownOptions = {}): string {
  const redacted = redactResult(result);
  const sections = environmentSections(redacted).map((section) => section.text);
  return `${[markdownSummary(redacted, options), ...sections].join('\n\n')}\n`;
}

/**
 * The report in parts of at most `limit - reserve` characters each, split between object
 * sections; the summary opens part 1.
 */
export function renderMarkdownParts(result: PlanResult, options: MarkdownPartsOptions): MarkdownParts {
  const redacted = redactResult(result);
  const title = options.title ?? DEFAULT_TITLE;
  const { parts, sectionsLeftOut } = packSections(
    markdownSummary(redacted, options),
    environmentSections(redacted),
    options.limit,
    {
      reserve: options.reserve ?? 0,
      continuation: `## ${escapeInline(title)} (continued)`,
      ...(options.fullReportHint ? { fullReportHint: options.fullReportHint } : {}),
      ...(options.maxParts ? { maxParts: options.maxParts } : {}),
    },
  );
  // One section per object (environmentSections), so sections left out are objects left out.
  return { parts, objectsLeftOut: sectionsLeftOut };
}

/** Title, one-line verdict, the table, failures, notices, risks and the run link. */
export function markdownSummary(result: PlanResult, options: MarkdownOptions = {}): string {
  const redacted = redactResult(result);
  const blocks = [`## ${escapeInline(options.title ?? DEFAULT_TITLE)}`];
  if (redacted.head && redacted.base) {
    blocks.push(`Comparing ${code(describeRef(redacted.head))} with ${code(describeRef(redacted.base))}.`);
  }
  const configNotice = configChangeNotice(redacted.config);
  if (configNotice) blocks.push(`⚠️ ${escapeInline(configNotice)}`);
  blocks.push(verdict(redacted));
  if (redacted.environments.length > 0) blocks.push(summaryTable(redacted, options.vocabulary));
  const risks = riskList(redacted);
  if (risks) blocks.push(risks);
  if (options.runUrl)
    blocks.push(`<sub><a href="${escapeHtml(options.runUrl)}">Details of this run</a></sub>`);
  return blocks.join('\n\n');
}

/** The sentence that says whether anything changes; for no changes it replaces a stale diff. */
export function verdict(result: PlanResult): string {
  const failed = result.environments.filter((env) => env.error !== undefined).length;
  const failure = failed > 0 ? ` ❌ ${plural(failed, 'environment')} could not be compared.` : '';
  if (!hasChanges(result)) {
    if (result.environments.length === 0) return '**No changes.** No environment was affected.';
    return failed > 0
      ? `**No changes** in the environments that could be compared.${failure}`
      : '**No changes.** Every environment matches what it was compared with.';
  }
  const totals = { added: 0, changed: 0, deleted: 0 };
  let changedEnvironments = 0;
  for (const env of headlineResults(result)) {
    totals.added += env.counts.added;
    totals.changed += env.counts.changed;
    totals.deleted += env.counts.deleted;
    if (env.counts.added + env.counts.changed + env.counts.deleted > 0) changedEnvironments += 1;
  }
  const risks = riskCount(result);
  const riskText = risks > 0 ? ` ⚠️ ${plural(risks, 'risk')} to review.` : '';
  return (
    `**${totals.added} to add, ${totals.changed} to change, ${totals.deleted} to delete** ` +
    `in ${plural(changedEnvironments, 'environment')}.${riskText}${failure}`
  );
}

/**
 * One row per environment: mode, what it was compared with, counts and risk flags;
 * then, right under the table, why a failed environment failed and any notice.
 */
export function summaryTable(result: PlanResult, vocabulary: Vocabulary = NO_OPTIONS): string {
  const redacted = redactResult(result);
  const rows = [
    '| environment | mode | compared with | added | changed | deleted | unchanged | risks |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  const after: string[] = [];
  for (const env of redacted.environments) {
    const name = escapeInline(env.environment);
    const mode = `${env.mode}${env.notice ? ' ℹ️' : ''}`;
    const comparedWith = escapeInline(describeComparedWith(env.comparedWith));
    if (env.error !== undefined) {
      rows.push(`| ❌ ${name} | ${mode} | ${comparedWith} | — | — | — | — | could not be compared |`);
      after.push(
        `❌ **${name}** could not be compared: ${escapeInline(describeProblem(env.error, vocabulary))}`,
      );
    } else {
      const { added, changed, deleted, unchanged } = env.counts;
      const risks = describeRisks(env.changes);
      rows.push(
        `| ${name} | ${mode} | ${comparedWith} | ${added} | ${changed} | ${deleted} | ${unchanged} | ${risks ? `⚠️ ${risks}` : '—'} |`,
      );
    }
    if (env.notice)
      after.push(`ℹ️ **${name}**: ${escapeInline(describeNotice(env.environment, env.notice, vocabulary))}`);
    const rendered = describeRendered(env.rendered);
    if (rendered.length > 0) after.push(`📦 **${name}** (${env.mode}): ${escapeInline(rendered.join('; '))}`);
  }
  return [rows.join('\n'), ...after].join('\n\n');
}

/** Every risk as a bullet (the first {@link RISKS_LISTED}), or '' when there is none. */
export function riskList(result: PlanResult): string {
  const redacted = redactResult(result);
  const lines: string[] = [];
  let total = 0;
  for (const env of redacted.environments) {
    for (const change of env.changes) {
      for (const risk of change.risks) {
        total += 1;
        if (lines.length < RISKS_LISTED) {
          lines.push(
            `- **${escapeInline(env.environment)}** ${code(displayName(change.id))}: ` +
              `${RISK_LABELS[risk.kind].one}: ${escapeInline(risk.message)}`,
          );
        }
      }
    }
  }
  if (total === 0) return '';
  if (total > lines.length) lines.push(`- …and ${total - lines.length} more, shown in the sections below.`);
  return `**⚠️ Risks**\n\n${lines.join('\n')}`;
}

/**
 * Sections for every environment with something to list: its heading opens its first
 * object section (so a heading never ends a part alone), and a part that starts in the
 * middle of an environment repeats the heading as `(continued)`.
 */
export function environmentSections(result: PlanResult): Section[] {
  const sections: Section[] = [];
  for (const env of redactResult(result).environments) {
    const objects = objectSections(env);
    const heading = `### ${escapeInline(comparisonTitle(env, result))}`;
    objects.forEach((text, index) => {
      sections.push(
        index === 0 ? { text: `${heading}\n\n${text}` } : { text, resumeWith: `${heading} (continued)` },
      );
    });
  }
  return sections;
}

/** One collapsed `<details>` section per added, changed or deleted object of `environment`. */
export function objectSections(environment: EnvironmentResult): string[] {
  return listedChanges(redactEnvironment(environment)).map(renderObjectSection);
}

/** The collapsed section of one object: risks, notes, changed Secret keys and the diff. */
export function objectSection(change: ObjectChange): string {
  return renderObjectSection(redactStrings(change));
}

function renderObjectSection(change: ObjectChange): string {
  const risks = describeRisks([change]);
  const summary =
    `${CHANGE_WORDS[change.change]} ${code(displayName(change.id))}` +
    (risks ? ` · ⚠️ ${escapeHtml(risks)}` : '');
  const facts = [
    ...change.risks.map((risk) => `- ⚠️ **${RISK_LABELS[risk.kind].one}**: ${escapeInline(risk.message)}`),
    ...change.notes.map((note) => `- ℹ️ ${escapeInline(note)}`),
    ...secretValueChanges(change).map((key) => `- 🔒 ${code(key)}: (secret value changed)`),
  ];
  const blocks = [`<details><summary>${summary}</summary>`];
  if (facts.length > 0) blocks.push(facts.join('\n'));
  const body = diffBody(change.diff);
  if (body.trim() !== '') blocks.push(fenced(body, 'diff'));
  blocks.push('</details>');
  return blocks.join('\n\n');
}
