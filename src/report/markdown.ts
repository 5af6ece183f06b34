/**
 * Markdown for pull/merge request comments, issues and job summaries: a summary first
 * (what changes, where, what is risky, what failed), then one collapsed section per
 * added, changed or deleted object with its diff. Written for fleets too: a change found
 * identically in several environments is shown once with the environments it applies to,
 * environments without changes are named on one line, and what moves (images, chart
 * versions, kinds) opens the report.
 */
import type { EnvironmentResult, Notice, ObjectChange, PlanResult } from '../diff/model.js';
import { comparisonTitle, hasChanges, headlineResults } from '../diff/model.js';
import { describeProblem, NO_OPTIONS, type Vocabulary } from '../remedy.js';
import { displayName } from '../resource.js';
import {
  configChangeNotice,
  describeComparedWith,
  describeMissingShards,
  describeNotice,
  describeRef,
  describeRendered,
  describeRisks,
  describeUnaffected,
  diffBody,
  listedChanges,
  plural,
  RISK_LABELS,
  riskCount,
  secretValueChanges,
} from './describe.js';
import {
  type ChangeGroups,
  chartMoveFacts,
  groupChanges,
  type ImageMoveFact,
  imageMoveFacts,
  isChanged,
  kindCounts,
} from './fleet.js';
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
  /**
   * Objects whose sections were left out to keep to `maxParts`, one per environment a
   * shared section applies to; the last part counts the sections.
   */
  objectsLeftOut: number;
}

/** A section of one object's change, and how many environments' objects it stands for. */
export interface ObjectSectionEntry extends Section {
  objects: number;
}

const DEFAULT_TITLE = 'plumbline plan';
/** Risks listed one by one in the summary; the rest are counted, and shown in their sections. */
const RISKS_LISTED = 20;
/** Unchanged comparisons that keep a row of the table; with more, they are named on one line. */
const UNCHANGED_ROWS = 3;
/** Changed comparisons with the same changes and the same row that share one row of the table. */
const SAME_ROWS = 4;
/** Names on a line of the summary (unchanged, not planned, notices, renders). */
const NAMES_LISTED = 20;
/** Names in a line of the "what changes" list and in a shared row of the table. */
const HEADER_NAMES_LISTED = 10;
const ROW_NAMES_LISTED = 3;
/** Names a shared section lists; past a few, they are folded in a `<details>`. */
const SHARED_NAMES_LISTED = 1000;
const SHARED_NAMES_OPEN = 20;
/** Lines of the "what changes" list per fact, and kinds per line. */
const IMAGE_LINES = 20;
const CHART_LINES = 10;
const KINDS_LISTED = 10;
/** Lines saying what rendered (📦) under the table; the rest are in the JSON report. */
const RENDERED_LINES = 50;

const CHANGE_WORDS = {
  added: '➕ added',
  changed: '✏️ changed',
  deleted: '➖ deleted',
  unchanged: 'unchanged',
};

/** The whole report as one Markdown document. */
export function renderMarkdown(result: PlanResult, options: MarkdownOptions = {}): string {
  const sections = environmentSections(result).map((section) => section.text);
  return `${[markdownSummary(result, options), ...sections].join('\n\n')}\n`;
}

/**
 * The report in parts of at most `limit - reserve` characters each, split between object
 * sections; the summary opens part 1.
 */
export function renderMarkdownParts(result: PlanResult, options: MarkdownPartsOptions): MarkdownParts {
  const title = options.title ?? DEFAULT_TITLE;
  const sections = environmentSections(result);
  const { parts, sectionsLeftOut } = packSections(markdownSummary(result, options), sections, options.limit, {
    reserve: options.reserve ?? 0,
    continuation: `## ${escapeInline(title)} (continued)`,
    ...(options.fullReportHint ? { fullReportHint: options.fullReportHint } : {}),
    ...(options.maxParts ? { maxParts: options.maxParts } : {}),
  });
  // Sections are left out from the end; a shared one stands for an object in each of its environments.
  const leftOut = sections.slice(sections.length - sectionsLeftOut);
  return { parts, objectsLeftOut: leftOut.reduce((sum, section) => sum + section.objects, 0) };
}

/** Title, one-line verdict, what changes, the table, failures, notices, risks and the run link. */
export function markdownSummary(result: PlanResult, options: MarkdownOptions = {}): string {
  const redacted = redactResult(result);
  const blocks = [`## ${escapeInline(options.title ?? DEFAULT_TITLE)}`];
  if (redacted.head && redacted.base) {
    blocks.push(`Comparing ${code(describeRef(redacted.head))} with ${code(describeRef(redacted.base))}.`);
  }
  const configNotice = configChangeNotice(redacted.config);
  if (configNotice) blocks.push(`⚠️ ${escapeInline(configNotice)}`);
  if (redacted.missingShards?.length)
    blocks.push(`⚠️ **${escapeInline(describeMissingShards(redacted.missingShards))}**`);
  blocks.push(verdict(redacted));
  const changes = whatChanges(redacted);
  if (changes) blocks.push(changes);
  const table = summaryTable(result, options.vocabulary);
  if (table) blocks.push(table);
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
    if (result.missingShards?.length) return `**No changes** in the shards that were planned.${failure}`;
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
 * What a reviewer reads first: the images that move (from → to) and where, the chart
 * versions that move, how many objects of each kind are added, changed and deleted, and
 * the risks. '' when nothing changes.
 */
export function whatChanges(result: PlanResult): string {
  const redacted = redactResult(result);
  // Counted as the verdict counts them, so `all 500 changed environments` agrees with it.
  const changed = new Set(
    headlineResults(redacted)
      .filter((env) => env.counts.added + env.counts.changed + env.counts.deleted > 0)
      .map((env) => env.environment),
  );
  const where = (names: readonly string[]) => environmentsPhrase(names, changed);
  const lines: string[] = [];

  const images = imageMoveFacts(redacted);
  for (const fact of images.slice(0, IMAGE_LINES)) {
    lines.push(`- 🖼️ ${describeImageMove(fact)} ${where(fact.environments)}`);
  }
  if (images.length > IMAGE_LINES)
    lines.push(`- 🖼️ …and ${plural(images.length - IMAGE_LINES, 'more image move')}`);

  const charts = chartMoveFacts(redacted);
  for (const fact of charts.slice(0, CHART_LINES)) {
    lines.push(
      `- 📦 chart ${code(fact.name)} ${code(fact.from)} → ${code(fact.to)} ` +
        `from ${escapeInline(fact.repository)} ${where(fact.environments)}`,
    );
  }
  if (charts.length > CHART_LINES)
    lines.push(`- 📦 …and ${plural(charts.length - CHART_LINES, 'more chart move')}`);

  const kinds = kindCounts(redacted);
  for (const change of ['added', 'changed', 'deleted'] as const) {
    const counts = [...kinds[change]].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (counts.length === 0) continue;
    const listed = counts.slice(0, KINDS_LISTED).map(([kind, count]) => `${escapeInline(kind)} (${count})`);
    if (counts.length > KINDS_LISTED) listed.push(`${plural(counts.length - KINDS_LISTED, 'more kind')}`);
    lines.push(`- ${CHANGE_WORDS[change]}: ${listed.join(', ')}`);
  }

  const risks = riskCount(redacted);
  if (risks > 0) {
    const risky = redacted.environments
      .filter((env) => env.changes.some((change) => change.risks.length > 0))
      .map((env) => env.environment);
    const kindsOfRisk = describeRisks(redacted.environments.flatMap((env) => env.changes));
    lines.push(
      `- ⚠️ ${plural(risks, 'risk')} to review (${kindsOfRisk}) ${where([...new Set(risky)])}, listed below`,
    );
  }
  return lines.length > 0 ? `**What changes**\n\n${lines.join('\n')}` : '';
}

/** `<code>repo</code> <code>1.4.2</code> → <code>1.5.0</code> (Deployment shop/web)`, or new or removed. */
function describeImageMove(fact: ImageMoveFact): string {
  const workloads =
    fact.workloads.length <= 2
      ? fact.workloads.map((workload) => code(workload)).join(', ')
      : plural(fact.workloads.length, 'workload');
  const on = ` (${workloads})`;
  if (fact.from === undefined) return `${code(fact.to ?? '')} (new)${on}`;
  if (fact.to === undefined) return `${code(fact.from)} (removed)${on}`;
  const from = splitImage(fact.from);
  const to = splitImage(fact.to);
  if (from.repository === to.repository && from.version !== '' && to.version !== '') {
    return `${code(from.repository)} ${code(from.version)} → ${code(to.version)}${on}`;
  }
  return `${code(fact.from)} → ${code(fact.to)}${on}`;
}

/** `registry/web:1.5.0@sha256:…` → repository `registry/web`, version `1.5.0@sha256:…`. */
function splitImage(image: string): { repository: string; version: string } {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? '' : image.slice(at);
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  return {
    repository: tagged ? name.slice(0, colon) : name,
    version: (tagged ? name.slice(colon + 1) : '') + digest,
  };
}

/** `in dev`, `in dev, prod`, `in all 500 changed environments`, `in 312 environments: a, b, … and 302 more`. */
function environmentsPhrase(names: readonly string[], changed: ReadonlySet<string>): string {
  if (names.length <= HEADER_NAMES_LISTED) return `in ${nameList(names, HEADER_NAMES_LISTED)}`;
  if (names.length === changed.size && names.every((name) => changed.has(name))) {
    return `in all ${changed.size} changed environments`;
  }
  return `in ${names.length} environments: ${nameList(names, HEADER_NAMES_LISTED)}`;
}

/** `a, b, c`, or `a, b, … and 12 more` past `cap`: each name escaped. */
function nameList(names: readonly string[], cap: number): string {
  const shown = names.slice(0, cap).map((name) => escapeInline(name));
  return names.length <= cap ? shown.join(', ') : `${shown.join(', ')}, … and ${names.length - cap} more`;
}

/**
 * The table: a row per changed environment (several with the same changes and the same
 * row share one), then a row per failed one, then up to {@link UNCHANGED_ROWS} unchanged
 * ones. Under it: why each failed environment failed, the unchanged environments on one
 * line when there are more, those the plan left out, the notices and what rendered.
 * '' when there is nothing to say.
 */
export function summaryTable(result: PlanResult, vocabulary: Vocabulary = NO_OPTIONS): string {
  const redacted = redactResult(result);
  const environments = redacted.environments;
  const groups = groupChanges(result);
  const rows: string[] = [];
  const errors: string[] = [];

  // Changed comparisons first, those with the same row and the same changes together.
  const rowKeys = environments.map((env, index) =>
    isChanged(env)
      ? JSON.stringify([
          env.mode,
          env.notice !== undefined,
          describeComparedWith(env.comparedWith),
          env.counts,
          describeRisks(env.changes),
          groups.changeSets[index],
        ])
      : '',
  );
  const members = new Map<string, EnvironmentResult[]>();
  environments.forEach((env, index) => {
    const key = rowKeys[index]!;
    if (key === '') return;
    const same = members.get(key);
    if (same) same.push(env);
    else members.set(key, [env]);
  });
  const rowsDone = new Set<string>();
  environments.forEach((env, index) => {
    const key = rowKeys[index]!;
    if (key === '' || rowsDone.has(key)) return;
    const same = members.get(key)!;
    if (same.length < SAME_ROWS) {
      rows.push(countsRow(escapeInline(env.environment), env));
      return;
    }
    rowsDone.add(key);
    const names = same.map((member) => member.environment);
    rows.push(countsRow(`${nameList(names, ROW_NAMES_LISTED)} (${same.length} with the same changes)`, env));
  });

  for (const env of environments) {
    if (env.error === undefined) continue;
    const name = escapeInline(env.environment);
    rows.push(
      `| ❌ ${name} | ${modeCell(env)} | ${escapeInline(describeComparedWith(env.comparedWith))} | — | — | — | — | could not be compared |`,
    );
    errors.push(
      `❌ **${name}** could not be compared: ${escapeInline(describeProblem(env.error, vocabulary))}`,
    );
  }

  const unchanged = environments.filter((env) => env.error === undefined && !isChanged(env));
  const lines: string[] = [];
  if (unchanged.length <= UNCHANGED_ROWS) {
    for (const env of unchanged) rows.push(countsRow(escapeInline(env.environment), env));
  } else {
    const twice = comparedTwice(redacted);
    const names = unchanged.map((env) =>
      twice.has(env.environment) ? `${env.environment} (${env.mode})` : env.environment,
    );
    lines.push(`**${plural(names.length, 'environment')} unchanged**: ${nameList(names, NAMES_LISTED)}`);
  }
  const unaffected = redacted.unaffected ?? [];
  if (unaffected.length > 0) lines.push(`⏭️ ${escapeInline(describeUnaffected(unaffected, NAMES_LISTED))}`);

  const blocks: string[] = [];
  if (rows.length > 0) {
    blocks.push(
      [
        '| environment | mode | compared with | added | changed | deleted | unchanged | risks |',
        '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
        ...rows,
      ].join('\n'),
    );
  }
  return [
    ...blocks,
    ...errors,
    ...lines,
    ...noticeLines(environments, vocabulary),
    ...renderedLines(environments),
  ].join('\n\n');
}

function countsRow(label: string, env: EnvironmentResult): string {
  const { added, changed, deleted, unchanged } = env.counts;
  const risks = describeRisks(env.changes);
  return (
    `| ${label} | ${modeCell(env)} | ${escapeInline(describeComparedWith(env.comparedWith))} | ` +
    `${added} | ${changed} | ${deleted} | ${unchanged} | ${risks ? `⚠️ ${risks}` : '—'} |`
  );
}

function modeCell(env: EnvironmentResult): string {
  return `${env.mode}${env.notice ? ' ℹ️' : ''}`;
}

/** The environments with more than one comparison (with the base and with their cluster). */
function comparedTwice(result: PlanResult): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const env of result.environments) {
    if (seen.has(env.environment)) twice.add(env.environment);
    seen.add(env.environment);
  }
  return twice;
}

/** One line per notice, naming every environment it concerns. */
function noticeLines(environments: readonly EnvironmentResult[], vocabulary: Vocabulary): string[] {
  const byNotice = new Map<string, { notice: Notice; names: string[] }>();
  for (const env of environments) {
    if (!env.notice) continue;
    const key = JSON.stringify(env.notice);
    const entry = byNotice.get(key) ?? { notice: env.notice, names: [] };
    if (!entry.names.includes(env.environment)) entry.names.push(env.environment);
    byNotice.set(key, entry);
  }
  return [...byNotice.values()].map(({ notice, names }) =>
    names.length === 1
      ? `ℹ️ **${escapeInline(names[0]!)}**: ${escapeInline(describeNotice(names[0]!, notice, vocabulary))}`
      : `ℹ️ **${nameList(names, NAMES_LISTED)}**: ${escapeInline(describeNotice('each of them', notice, vocabulary))}`,
  );
}

/** What rendered each environment (charts, capabilities), one line per distinct text. */
function renderedLines(environments: readonly EnvironmentResult[]): string[] {
  const byText = new Map<string, { mode: string; text: string; names: string[] }>();
  for (const env of environments) {
    const rendered = describeRendered(env.rendered);
    if (rendered.length === 0) continue;
    const text = rendered.join('; ');
    const key = JSON.stringify([env.mode, text]);
    const entry = byText.get(key) ?? { mode: env.mode, text, names: [] };
    entry.names.push(env.environment);
    byText.set(key, entry);
  }
  const entries = [...byText.values()];
  const lines = entries
    .slice(0, RENDERED_LINES)
    .map(
      ({ mode, text, names }) => `📦 **${nameList(names, NAMES_LISTED)}** (${mode}): ${escapeInline(text)}`,
    );
  if (entries.length > RENDERED_LINES) {
    const more = entries.slice(RENDERED_LINES).reduce((sum, entry) => sum + entry.names.length, 0);
    lines.push(`📦 …and what rendered ${plural(more, 'more environment')}, in the JSON report.`);
  }
  return lines;
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
 * The object sections: first the changes several environments share, once per group of
 * environments (`### The same 3 changes in 500 environments` and their names), then, per
 * environment, the changes particular to it. A heading opens its first object section (so
 * a heading never ends a part alone), and a part that starts in the middle of a group
 * repeats the heading as `(continued)`.
 */
export function environmentSections(result: PlanResult): ObjectSectionEntry[] {
  const redacted = redactResult(result);
  const groups: ChangeGroups = groupChanges(result);
  const sections: ObjectSectionEntry[] = [];
  const twice = comparedTwice(result);
  const titles = result.environments.map((env) =>
    twice.has(env.environment) ? comparisonTitle(env, result) : env.environment,
  );
  const sharing = new Set(groups.shared.flatMap((group) => group.environments));
  const push = (heading: string, intro: string, texts: string[], objects: number) => {
    texts.forEach((text, index) => {
      sections.push(
        index === 0
          ? { text: [heading, intro, text].filter((piece) => piece !== '').join('\n\n'), objects }
          : { text, resumeWith: `${heading} (continued)`, objects },
      );
    });
  };
  for (const group of groups.shared) {
    const labels = group.environments.map((index) => titles[index]!);
    const distinct = new Set(group.environments.map((index) => result.environments[index]!.environment));
    const noun = distinct.size === labels.length ? 'environment' : 'comparison';
    const what = group.changes.length === 1 ? 'change' : `${group.changes.length} changes`;
    push(
      `### The same ${what} in ${plural(labels.length, noun)}`,
      sharedNames(labels, noun),
      group.changes.map((ref) => {
        const change = redacted.environments[ref.environment]!.changes[ref.change]!;
        return ref.namespaces
          ? renderObjectSection(inEachNamespace(change, ref.namespaces.length))
          : renderObjectSection(change);
      }),
      labels.length,
    );
  }
  redacted.environments.forEach((env, index) => {
    const texts = groups.particular[index]!.map((ref) => renderObjectSection(env.changes[ref.change]!));
    const heading = `### ${escapeInline(titles[index]!)}`;
    const intro =
      texts.length > 0 && sharing.has(index) ? 'Besides the changes it shares with others, above:' : '';
    push(heading, intro, texts, 1);
  });
  return sections;
}

/** A change shared across environments that each have it in their own namespace. */
function inEachNamespace(change: ObjectChange, namespaces: number): ObjectChange {
  const { namespace: _, ...id } = change.id;
  return {
    ...change,
    id,
    notes: [`in each environment's own namespace (${namespaces} namespaces)`, ...change.notes],
  };
}

/** The names a shared section applies to: on a line when few, else folded in a `<details>`. */
function sharedNames(labels: readonly string[], noun: string): string {
  const list = nameList(labels, SHARED_NAMES_LISTED);
  if (labels.length <= SHARED_NAMES_OPEN) return `In ${list}.`;
  return `<details><summary>The ${labels.length} ${noun}s</summary>\n\n${list}\n\n</details>`;
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
