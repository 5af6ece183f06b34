/**
 * What a drift run reports outside the issues: the job summary (Markdown), the terminal
 * text and the JSON of `--format json`, all from the same outcomes. Secret values never
 * reach them: fields name keys, diffs are not included, error texts are redacted.
 */
import { plural } from '../report/describe.js';
import { code, escapeHtml, escapeInline, htmlText } from '../report/markdown-syntax.js';
import { redactMaskTokens } from '../report/redact.js';
import { displayName } from '../resource.js';
import type { DriftStatus } from './decide.js';
import type { EnvironmentDrift } from './model.js';
import { dottedPath } from './paths.js';

export interface SummaryEntry {
  drift: EnvironmentDrift;
  issue?: { status: DriftStatus; number?: number; url?: string; open?: boolean };
  issueError?: string;
}

export function hasDrift(entry: SummaryEntry): boolean {
  return entry.drift.error === undefined && entry.drift.objects.length > 0;
}

/** Environments that drifted, for the `drifted` output. */
export function driftedEnvironments(entries: readonly SummaryEntry[]): string[] {
  return entries.filter(hasDrift).map((entry) => entry.drift.environment);
}

/** Numbers of the issues of drifted environments (open, or pending and closed), for the `issues` output. */
export function issueNumbers(entries: readonly SummaryEntry[]): number[] {
  return entries.flatMap((entry) =>
    hasDrift(entry) && entry.issue?.number !== undefined ? [entry.issue.number] : [],
  );
}

export function summaryMarkdown(entries: readonly SummaryEntry[]): string {
  const drifted = entries.filter(hasDrift).length;
  const failed = entries.filter((entry) => entry.drift.error !== undefined).length;
  const blocks = ['## plumbline drift'];
  blocks.push(
    drifted === 0 && failed === 0
      ? `**No drift.** ${plural(entries.length, 'environment')} ${entries.length === 1 ? 'matches' : 'match'} Git.`
      : `**${plural(drifted, 'environment')} drifted** of ${entries.length} checked.` +
          (failed > 0 ? ` ❌ ${plural(failed, 'environment')} could not be checked.` : ''),
  );
  const rows = ['| environment | drift | Git commit | issue |', '| --- | --- | --- | --- |'];
  const after: string[] = [];
  for (const entry of entries) {
    const { drift } = entry;
    const name = escapeInline(drift.environment);
    const commit =
      code(drift.revision.sha.slice(0, 7)) +
      (drift.revision.source === 'deployed' ? ' (deployed)' : ' (HEAD)');
    if (drift.error !== undefined) {
      rows.push(`| ❌ ${name} | could not be checked | ${commit} | — |`);
      after.push(`❌ **${name}**: ${escapeInline(redactMaskTokens(drift.error))}`);
      continue;
    }
    const what = drift.objects.length === 0 ? '✅ in sync' : `⚠️ ${plural(drift.objects.length, 'object')}`;
    rows.push(`| ${name} | ${what} | ${commit} | ${issueCell(entry)} |`);
    if (entry.issueError)
      after.push(
        `❌ **${name}**: the issue could not be updated: ${escapeInline(redactMaskTokens(entry.issueError))}`,
      );
    if (drift.objects.length > 0) after.push(objectLines(drift));
  }
  blocks.push(rows.join('\n'), ...after);
  return `${blocks.join('\n\n')}\n`;
}

function issueCell(entry: SummaryEntry): string {
  const issue = entry.issue;
  if (!issue?.number) return issue?.status === 'pending' ? 'pending' : '—';
  const link = issue.url ? `<a href="${escapeHtml(issue.url)}">#${issue.number}</a>` : `#${issue.number}`;
  const note =
    issue.status === 'pending' ? ' (pending, closed)' : issue.status === 'converged' ? ' (closed)' : '';
  return `${link}${note}`;
}

function objectLines(drift: EnvironmentDrift): string {
  const lines = drift.objects.slice(0, 50).map((object) => {
    const fields = object.fields.map((field) => {
      const by = field.changedBy ? ` (${code(field.changedBy.manager)})` : '';
      return `${code(dottedPath(field.pointer))}${by}`;
    });
    const what =
      object.kind === 'differs'
        ? fields.join(', ')
        : object.kind === 'missing'
          ? 'missing from the cluster'
          : 'not in Git';
    return `- ${code(displayName(object.id))}: ${what}`;
  });
  if (drift.objects.length > 50) lines.push(`- …and ${drift.objects.length - 50} more`);
  return `<details><summary>${htmlText(drift.environment)}</summary>\n\n${lines.join('\n')}\n\n</details>`;
}

export function summaryText(entries: readonly SummaryEntry[]): string {
  const lines: string[] = [];
  for (const { drift, issue, issueError } of entries) {
    const commit = `${drift.revision.sha.slice(0, 7)} (${drift.revision.source === 'deployed' ? 'deployed' : 'HEAD'})`;
    if (drift.error !== undefined) {
      lines.push(`✗ ${drift.environment}: could not be checked: ${redactMaskTokens(drift.error)}`);
      continue;
    }
    const issueText = issue?.number ? `, issue #${issue.number}${issue.open ? '' : ' (closed)'}` : '';
    if (drift.objects.length === 0) {
      lines.push(`✓ ${drift.environment}: in sync with ${commit}${issueText}`);
    } else {
      lines.push(
        `! ${drift.environment}: ${plural(drift.objects.length, 'object')} drifted from ${commit}${issueText}`,
      );
      for (const object of drift.objects) {
        lines.push(
          `    ${displayName(object.id)}: ${object.kind === 'differs' ? 'differs' : object.kind === 'missing' ? 'missing from the cluster' : 'not in Git'}`,
        );
        for (const field of object.fields) {
          const by = field.changedBy
            ? ` ← ${field.changedBy.manager}${field.changedBy.subresource ? ` via ${field.changedBy.subresource}` : ''}${field.changedBy.time ? ` ${field.changedBy.time}` : ''}${field.changedBy.exact ? '' : ' (nearby)'}`
            : '';
          lines.push(`      ${dottedPath(field.pointer)}${by}`);
        }
      }
    }
    if (issueError) lines.push(`  the issue could not be updated: ${redactMaskTokens(issueError)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The run as JSON: no diffs (they hold masked tokens and belong in the issue), fields and writers only. */
export function summaryJson(entries: readonly SummaryEntry[]): string {
  return `${JSON.stringify(
    {
      drifted: driftedEnvironments(entries),
      issues: issueNumbers(entries),
      environments: entries.map(({ drift, issue, issueError }) => ({
        environment: drift.environment,
        mode: drift.mode,
        comparedWith: drift.comparedWith,
        revision: drift.revision,
        inSync: drift.inSync,
        ...(drift.error === undefined ? {} : { error: redactMaskTokens(drift.error) }),
        objects: drift.objects.map(({ key, id, kind, fields, writtenBy, notes }) => ({
          key,
          id,
          kind,
          fields,
          writtenBy,
          notes: notes.map(redactMaskTokens),
        })),
        issue,
        ...(issueError ? { issueError: redactMaskTokens(issueError) } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}
